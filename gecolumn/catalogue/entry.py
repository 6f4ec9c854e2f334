"""The two kinds of catalogue entry: a :class:`Message` (a finding, by code) and :class:`Words` (the text around findings)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


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
    choices: Mapping[str, Choice] = field(default_factory=dict)
    """Placeholder → the words that fill it, chosen by a parameter's value (so no parameter carries words)."""

    def text(self, lang: str) -> str:
        """The text in ``lang`` (``en``, else Vietnamese)."""
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Choice:
    """Words for a placeholder, chosen by the value of the parameter ``param``: ``options[value] = (vi, en)``.

    A value with no option is shown as it is; a list or tuple of values is each chosen and
    joined with ``joiner``. An option may name other parameters (``{given}``).
    """

    param: str
    options: Mapping[str, tuple[str, str]]
    joiner: str = ", "


@dataclass(frozen=True)
class Words:
    """A word or sentence that commands print around the findings: a table head, a status, a closing advice."""

    name: str
    vi: str
    en: str

    def text(self, lang: str) -> str:
        """The text in ``lang`` (``en``, else Vietnamese)."""
        return self.en if lang == "en" else self.vi
