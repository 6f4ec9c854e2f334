"""Problems found in posts and configuration, as values rendered to text only at the edge.

A :class:`Problem` names the file, the line where known, the field, and a message code
with its parameters. The hook's log, every CLI output format and the tests read the same
list; :func:`gecolumn.messages.render` turns one into Vietnamese or English.
"""

from __future__ import annotations

import dataclasses
import difflib
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gecolumn.codes import Code


class Severity(enum.Enum):
    """How much a problem matters to the check."""

    ERROR = "error"
    """The post or setting is unusable: it is not published and the check fails (exit 2)."""

    WARNING = "warning"
    """Probably a mistake (an unknown field), but the post is still published and counted."""

    INFO = "info"
    """Not a mistake, said so nobody wonders: a draft or a scheduled post is not published yet."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file; ``params`` fill the message named by ``code``."""

    file: str
    """The file it is about, relative to the column's folder; empty for the column as a whole."""
    code: Code
    field: str | None = None
    line: int | None = None
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", Code(self.code))  # an unknown code is a bug: fail where it is made

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.field or "", self.code)


class Refusal(Exception):
    """An input the column refuses (a header, a photo, a Word file, a school's source); ``code`` and ``params`` make the message that says why.

    Every refusal of the domain is one of these, so a caller that only reports catches one
    thing and turns it into a :class:`Problem` about the file it was reading:

    >>> try:
    ...     raise Refusal("image_unreadable", problem="truncated")
    ... except Refusal as refused:
    ...     refused.as_problem("posts/2024/anh.jpg")
    Problem(file='posts/2024/anh.jpg', code=<Code.IMAGE_UNREADABLE: 'image_unreadable'>, field=None, line=None, params={'problem': 'truncated'}, severity=<Severity.ERROR: 'error'>)
    """

    def __init__(self, code: Code | str, line: int | None = None, **params: Any):
        self.code = Code(code)  # an unknown code is a bug: fail where it is made
        self.line, self.params = line, params
        super().__init__(str(self.code))

    def as_problem(self, file: str, field: str | None = None) -> Problem:
        """The refusal as an error about ``file``."""
        return Problem(file, self.code, field, self.line, self.params)


class HasProblems:
    """Mixin for results that hold ``problems``: their errors and their warnings, in order."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


def closest_match(word: str, choices) -> str | None:
    """The choice ``word`` was most likely meant to be, if any is close (``qurter`` → ``quarter``)."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def file_label(path: Path, root: Path) -> str:
    """How a problem names ``path``: relative to the column's folder ``root`` (``overrides/main.html``), else whole."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def megabytes(size: int) -> str:
    """A size as every message gives it, in decimal megabytes as a file manager shows them: ``2.5 MB``.

    >>> megabytes(25_000_000), megabytes(5 * 1024 * 1024)
    ('25.0 MB', '5.2 MB')
    """
    return f"{size / 1_000_000:.1f} MB"
