"""URL slugs from Vietnamese titles: ``Bình đẳng giới`` → ``binh-dang-gioi``."""

from __future__ import annotations

import functools
import re
import unicodedata

MAX_LENGTH = 80
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug_of(text: str) -> str:
    """The ASCII slug of ``text`` (``đ`` → ``d``; NFC and NFD give the same); may be empty.

    python-slugify's answer, always; Vietnamese text takes a shorter way to it.

    >>> slug_of("Đoàn – Đội: Bình đẳng giới")
    'doan-doi-binh-dang-gioi'
    """
    fast = _vietnamese_slug(text) if isinstance(text, str) else None
    return fast if fast is not None else _slugify(text)


def heading_id(text: str, separator: str = "-") -> str:
    """A heading's id in a post or a page, as Markdown's ``toc`` asks its ``slugify``: the column's own slug.

    Markdown's default drops what is not ASCII after taking marks off, so ``đ`` went missing.

    >>> heading_id("Bình đẳng giới là gì", "-")
    'binh-dang-gioi-la-gi'
    """
    return slug_of(text).replace("-", separator)


def _slugify(text: str) -> str:
    from slugify import slugify  # loaded only for text the short way is not sure of

    # An explicit backend: with "auto", python-slugify retries importing the optional
    # Unidecode package on every call, which costs more than the slug itself.
    # Capped at whole words: links travel in Zalo and Facebook messages.
    return slugify(text, max_length=MAX_LENGTH, word_boundary=True, backend="text-unidecode")


# What text_unidecode turns these characters into, once NFKD has taken the letters of a
# Vietnamese title apart: the combining marks into nothing, đ and Đ into d and D, Word's
# dashes and quotes into ASCII (tests/test_slugs.py holds each to text_unidecode).
_MARKS = (0x0300, 0x034E)
_FOLDED = (("đ", "d"), ("Đ", "D"), ("\u2013", "-"), ("\u2014", "--"), ("\u201c", '"'), ("\u201d", '"'))
_ASCII_OR_MARKS = re.compile(f"[\\x00-\\x7f{chr(_MARKS[0])}-{chr(_MARKS[1])}]*")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")
_SLUG_WORD = re.compile(r"[a-z0-9]+")


def _vietnamese_slug(text: str) -> str | None:
    """python-slugify's answer for text :data:`_FOLDED` and the marks turn into ASCII; ``None`` when unsure.

    Step for step what its legacy ``slugify(text, max_length=80, word_boundary=True)`` does,
    less what cannot change such text: its transliteration is the table's, it holds no ``&``
    for HTML entities to decode, and ASCII is its own NFKD. What is left of a slug once runs
    of other characters become one ``-`` and the ends are trimmed is its words of ``a-z0-9``
    joined by ``-``. A slug that would be cut at :data:`MAX_LENGTH` is left to python-slugify.
    """
    folded = unicodedata.normalize("NFKD", text.replace("'", "-"))
    if not folded.isascii():
        for char, ascii_text in _FOLDED:
            if char in folded:
                folded = folded.replace(char, ascii_text)
        if not _ASCII_OR_MARKS.fullmatch(folded):
            return None
        folded = folded.encode("ascii", "ignore").decode("ascii")  # the marks go
    if "&" in folded:
        return None
    folded = folded.lower().replace("'", "")
    if "," in folded:
        folded = _DIGIT_COMMA.sub("", folded)
    slug = "-".join(_SLUG_WORD.findall(folded))
    return slug if len(slug) < MAX_LENGTH else None


_WORD = re.compile(r"\w+")


def folded_words(text: str) -> str:
    """The distinct words of ``text`` that change when folded, folded: the extra search terms.

    >>> folded_words("Bình đẳng giới, bình đẳng")
    'Binh dang gioi binh'
    """
    words = dict.fromkeys(word for word in _WORD.findall(text) if not word.isascii())
    return " ".join(_fold_word(word) for word in words)


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    import text_unidecode  # a 300 KB table to load: only the build folds words, never the CI check

    return text_unidecode.unidecode(word)
