"""Vietnamese alphabetical order (ICU's ``vi`` collation), for lists a reader or a report scans.

Code-point order puts every letter with a diacritic after ``z`` ("Định kiến giới" after "Sức
khỏe"). The Vietnamese alphabet is a ă â b c d đ e ê … o ô ơ … u ư …, with tones after the
letter; ICU (the Unicode collation library, through PyICU) knows it, so no table is kept here.

    >>> sorted(["Sức khỏe", "Định kiến giới", "Ăn", "Anh", "Dân"], key=vietnamese_key)
    ['Anh', 'Ăn', 'Dân', 'Định kiến giới', 'Sức khỏe']
"""

from __future__ import annotations

import functools
import unicodedata


@functools.cache
def _collator():
    import icu  # pyicu-wheels: imported on first use, so commands that never sort do not load ICU

    return icu.Collator.createInstance(icu.Locale("vi"))


@functools.lru_cache(maxsize=16384)
def vietnamese_key(text: str) -> bytes:
    """A sort key for ``text`` in Vietnamese alphabetical order; NFC and NFD give the same key."""
    return _collator().getSortKey(unicodedata.normalize("NFC", text))
