"""URL slugs from Vietnamese titles: ``Bình đẳng giới`` → ``binh-dang-gioi``."""

from __future__ import annotations

import functools
import re

import text_unidecode
from slugify import slugify

MAX_LENGTH = 80
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug_of(text: str) -> str:
    """The ASCII slug of ``text`` (``đ`` → ``d``; NFC and NFD give the same); may be empty.

    >>> slug_of("Đoàn – Đội: Bình đẳng giới")
    'doan-doi-binh-dang-gioi'
    """
    # An explicit backend: with "auto", python-slugify retries importing the optional
    # Unidecode package on every call, which costs more than the slug itself.
    # Capped at whole words: links travel in Zalo and Facebook messages.
    return slugify(text, max_length=MAX_LENGTH, word_boundary=True, backend="text-unidecode")


_WORD = re.compile(r"\w+")


def folded_words(text: str) -> str:
    """The distinct words of ``text`` that change when folded, folded: the extra search terms.

    >>> folded_words("Bình đẳng giới, bình đẳng")
    'Binh dang gioi binh'
    """
    words = dict.fromkeys(_WORD.findall(text))  # a body repeats its words: each is looked at once
    return " ".join(_fold_word(word) for word in words if not word.isascii())


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return text_unidecode.unidecode(word)
