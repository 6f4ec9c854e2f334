"""The two kinds of catalogue entry: a :class:`Message` (a finding, by code) and :class:`Words` (the text around findings)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """One kind of finding: its stable code, when it happens, and what it says in Vietnamese and in English.

    Each text says what is wrong and how to fix it; its ``{placeholders}`` are filled with
    values (a file name, a quarter, a number), never with words of one language.
    """

    code: str
    """The stable name shown in JSON and CI output; ``Code.<CODE>`` in Python."""
    when: str
    """When it happens, for maintainers (the staff guide says it again for staff)."""
    vi: str
    en: str

    def text(self, lang: str) -> str:
        """The text in ``lang`` (``en``, else Vietnamese)."""
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Words:
    """A word or sentence that commands print around the findings: a table head, a status, a closing advice."""

    name: str
    vi: str
    en: str

    def text(self, lang: str) -> str:
        """The text in ``lang`` (``en``, else Vietnamese)."""
        return self.en if lang == "en" else self.vi
