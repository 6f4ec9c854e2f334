"""Calendar quarters as values: ``Quarter(2024, 1)``, ordered, with arithmetic and parsing.

Vietnamese state reporting uses calendar quarters (Q1 = January to March). Staff write
them in several ways (``Quý I/2024``, ``Quý 1 năm 2024``, ``Q1/2024``); everything past
the reader works with :class:`Quarter` values and never re-parses strings.

    >>> Quarter.parse("Quý IV/2024") + 1
    Quarter(year=2025, number=1)
    >>> str(Quarter.of(datetime.date(2024, 3, 8)))
    '2024-Q1'
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_ROMAN_OF = {v: k for k, v in _ROMAN.items()}

# Forms staff type, after case folding, NFC and whitespace squeezing. The quarter is a
# digit or a Roman numeral; the year always has four digits.
_Q = r"(?P<q>[1-4]|iv|iii|ii|i)"
_Y = r"(?P<y>\d{4})"
_FORMS = [
    re.compile(rf"^{_Y}\s*-\s*q{_Q}$"),  # 2024-Q1
    re.compile(rf"^q{_Q}\s*[/-]\s*{_Y}$"),  # Q1/2024, Q1-2024
    re.compile(rf"^quý\s*{_Q}\s*(?:/|-|năm)\s*{_Y}$"),  # Quý I/2024, Quý 1 năm 2024
]


@dataclass(frozen=True, order=True)
class Quarter:
    """One calendar quarter of one year; ``number`` runs from 1 to 4."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"quarter number must be 1 to 4, not {self.number}")

    @classmethod
    def of(cls, day: datetime.date) -> Quarter:
        """The quarter a (local) date falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read ``2024-Q1``, ``Q1/2024``, ``Quý I/2024`` or ``Quý 1 năm 2024`` (any case).

        Raises ``ValueError`` for anything else.
        """
        folded = " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())
        for form in _FORMS:
            match = form.match(folded)
            if match:
                raw = match["q"]
                number = int(raw) if raw.isdigit() else _ROMAN[raw.upper()]
                return cls(int(match["y"]), number)
        raise ValueError(f"not a quarter: {text!r}")

    @property
    def first_day(self) -> datetime.date:
        """The first day of the quarter."""
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def last_day(self) -> datetime.date:
        """The last day of the quarter."""
        return (self + 1).first_day - datetime.timedelta(days=1)

    @property
    def index(self) -> int:
        """Quarters since year 0: makes arithmetic a matter of integers."""
        return self.year * 4 + self.number - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        """Inverse of :attr:`index`."""
        return cls(index // 4, index % 4 + 1)

    def __add__(self, quarters: int) -> Quarter:
        if not isinstance(quarters, int):
            return NotImplemented
        return Quarter.from_index(self.index + quarters)

    def __sub__(self, other: int | Quarter) -> Quarter | int:
        """``q - 1`` is the previous quarter; ``q2 - q1`` is the number of quarters between."""
        if isinstance(other, Quarter):
            return self.index - other.index
        if isinstance(other, int):
            return Quarter.from_index(self.index - other)
        return NotImplemented

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def roman(self) -> str:
        """The quarter number as Vietnamese documents write it: ``I`` to ``IV``."""
        return _ROMAN_OF[self.number]

    @property
    def vietnamese(self) -> str:
        """How a reader of the site sees it: ``Quý I/2024``."""
        return f"Quý {self.roman}/{self.year}"


def quarter_range(first: Quarter, last: Quarter) -> Iterator[Quarter]:
    """Every quarter from ``first`` to ``last``, both included; empty when ``last < first``."""
    for index in range(first.index, last.index + 1):
        yield Quarter.from_index(index)
