"""The catalogue: every message a column can print, each a code with when it happens and its Vietnamese and English text.

One module per domain (:mod:`~gecolumn.catalogue.posts`, :mod:`~.files`, :mod:`~.coverage`,
:mod:`~.settings`, :mod:`~.docx`, :mod:`~.district`, :mod:`~.commands`), each a tuple of
:class:`Message`; :mod:`~gecolumn.catalogue.words` holds the words around the messages (table
heads, statuses, advice), :mod:`~gecolumn.catalogue.usage` what each command's ``--help`` says. :class:`gecolumn.codes.Code` is made from this catalogue, and
:mod:`gecolumn.messages` renders it. A new message is its entry here and its row in the staff
guide (``docs/huong-dan.md``); ``tests/test_catalogue.py`` holds the three together.
"""

from __future__ import annotations

from collections.abc import Mapping

from gecolumn.catalogue import commands, coverage, district, docx, files, posts, settings, usage, words
from gecolumn.catalogue.entry import Message, Words

DOMAINS = (posts, files, coverage, settings, docx, district, commands)
"""The domain modules, in the order their codes are listed (the order of ``Code``)."""

CATALOGUE: Mapping[str, Message] = {message.code: message for domain in DOMAINS for message in domain.MESSAGES}
"""Code → message, over every domain."""

WORDS: Mapping[str, Words] = {entry.name: entry for entry in (*words.WORDS, *usage.USAGE)}
"""Name → words printed around the messages, and the commands' help."""

PHRASES: Mapping[str, Words] = {entry.name: entry for entry in words.PHRASES}
"""Optional phrases: ``{name_text}`` in a message is this phrase filled with the parameter ``name``, or nothing."""

__all__ = ["CATALOGUE", "DOMAINS", "PHRASES", "WORDS", "Message", "Words"]
