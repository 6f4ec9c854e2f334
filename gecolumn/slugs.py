"""URL slugs from Vietnamese titles: ``Bình đẳng giới`` → ``binh-dang-gioi``."""

from __future__ import annotations

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


def ascii_fold(text: str) -> str:
    """``text`` without diacritics, words kept apart: what a phone user types without accents.

    >>> ascii_fold("Bình đẳng giới")
    'Binh dang gioi'
    """
    return text_unidecode.unidecode(text)
