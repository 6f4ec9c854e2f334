"""URL slugs from Vietnamese titles: ``Bình đẳng giới`` → ``binh-dang-gioi``."""

from __future__ import annotations

import re

from slugify import slugify

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug_of(text: str) -> str:
    """The ASCII slug of ``text`` (``đ`` → ``d``; NFC and NFD give the same); may be empty.

    >>> slug_of("Đoàn – Đội: Bình đẳng giới")
    'doan-doi-binh-dang-gioi'
    """
    # An explicit backend: with "auto", python-slugify retries importing the optional
    # Unidecode package on every call, which costs more than the slug itself.
    return slugify(text, backend="text-unidecode")
