"""Vietnamese alphabetical order, as ICU's ``vi`` collation gives it, for lists a reader or a report scans.

Code-point order puts every letter with a diacritic after ``z`` ("Định kiến giới" after "Sức
khỏe"). The Vietnamese alphabet is a ă â b c d đ e ê … o ô ơ … u ư …; a word's tones count
only between words spelt alike (none, huyền, hỏi, ngã, sắc, nặng: ``ma mà mả mã má mạ``), and
its capitals only after that (``ma`` before ``Ma``).

This is ICU's rule for ``vi`` (CLDR's tailoring ``&̀<<̉<<̃<<́<<̣ &a<ă<â &d<đ &e<ê &o<ô<ơ
&u<ư`` of the root order) written as three short tables, not a 50 MB library: a test sorts
a few hundred real names and tags with it and compares the order with ICU's, kept in
``tests/fixtures/collation-vi.json`` and, where PyICU is installed, ICU itself. Letters
outside the tables (another script) sort after ``z``, by code point.

    >>> sorted(["Sức khỏe", "Định kiến giới", "Ăn", "Anh", "Dân"], key=vietnamese_key)
    ['Anh', 'Ăn', 'Dân', 'Định kiến giới', 'Sức khỏe']
    >>> sorted(["mạ", "Ma", "má", "mã", "mả", "mà", "ma"], key=vietnamese_key)
    ['ma', 'Ma', 'mà', 'mả', 'mã', 'má', 'mạ']
"""

from __future__ import annotations

import functools
import unicodedata

PUNCTUATION = " _-–—,;:!?.…·'\"«»()[]{}§@*/\\&#%•`^°©®+±÷×<=>|~$₫€"
"""Spaces, punctuation and symbols in ICU's root order: all before the digits, and those before the letters."""
ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
TONES = "\u0300\u0309\u0303\u0301\u0323"
"""The tone marks in Vietnamese order: huyền, hỏi, ngã, sắc, nặng (a word without one first)."""
_LETTERS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
"""A base letter and the mark that makes it another letter of the alphabet (in NFD)."""
_VARIANTS = {"\xa0": (" ", 0, 1), "‘": ("'", 1, 0), "’": ("'", 2, 0), "“": ('"', 1, 0), "”": ('"', 2, 0)}
"""Characters ICU sorts as another one, told apart only by accent (second) or case (third) level."""
SortKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]
"""What :func:`vietnamese_key` gives: the letters, the accents and the cases of a text, as ranks."""
_PRIMARY = {character: rank for rank, character in enumerate(PUNCTUATION + ALPHABET, 1)}
_BEYOND = len(_PRIMARY) + 1
_OTHER_MARK = len(TONES) + 1


@functools.lru_cache(maxsize=16384)
def vietnamese_key(text: str) -> SortKey:
    """A sort key for ``text`` in Vietnamese alphabetical order; NFC and NFD give the same key.

    As ICU's: the letters first (the whole text), then the tones, then the capitals.
    """
    letters: list[int] = []
    accents: list[int] = []
    cases: list[int] = []
    characters = unicodedata.normalize("NFD", text)
    index = 0
    while index < len(characters):
        character = characters[index]
        index += 1
        marks = []
        while index < len(characters) and unicodedata.combining(characters[index]):
            marks.append(characters[index])
            index += 1
        if unicodedata.combining(character):  # a mark with no letter before it
            marks.insert(0, character)
            character = ""
        if character:
            base, accent, case = _VARIANTS.get(character, (character, 0, 0))
            lower = base.lower()
            letter = next((_LETTERS[lower, mark] for mark in marks if (lower, mark) in _LETTERS), lower)
            if letter != lower:
                marks.remove(next(mark for mark in marks if _LETTERS.get((lower, mark)) == letter))
            letters.append(_PRIMARY.get(letter, _BEYOND + ord(letter[0])))
            accents.append(accent)
            cases.append(case or int(base != lower))
        for mark in marks:  # a tone is an accent of its own, after the letter's
            accents.append(TONES.index(mark) + 1 if mark in TONES else _OTHER_MARK + ord(mark))
            cases.append(0)
    return tuple(letters), tuple(accents), tuple(cases)
