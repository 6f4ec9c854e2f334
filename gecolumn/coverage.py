"""The quarterly rule: every due quarter (or unit-quarter) needs at least one published post.

A quarter is due from ``start`` (or a unit's ``since``, whichever is later) up to the last
quarter that ended before today. The current quarter is never missing: it is in progress
until it ends. Drafts, invalid posts and posts dated after today do not count.

    >>> report = coverage(corpus.posts, config, today=datetime.date(2024, 11, 22))
    >>> [str(cell.quarter) for cell in report.missing]
    ['2024-Q3']
"""

from __future__ import annotations

import datetime
import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from gecolumn.config import ColumnConfig, Unit
from gecolumn.posts import Post
from gecolumn.quarters import Quarter, quarter_range


class Status(enum.Enum):
    """How one due quarter (or unit-quarter) stands."""

    OK = "ok"
    """At least one counting post was published in it."""

    MISSING = "missing"
    """The quarter has ended with no counting post: the regulation was not met."""

    IN_PROGRESS = "in_progress"
    """The current quarter, still without a post; it can still be covered before it ends."""


@dataclass(frozen=True)
class Cell:
    """One due quarter, for the whole column (``unit`` is ``None``) or for one unit."""

    quarter: Quarter
    unit: Unit | None
    posts: tuple[Post, ...]
    status: Status
    days_left: int | None = None
    """Days left in the current quarter, today included; ``None`` for ended quarters."""


@dataclass(frozen=True)
class Coverage:
    """The verdict of the quarterly rule on one day, for the whole column and for each unit."""

    today: datetime.date
    per_unit: bool
    """Which verdict the rule applies: every unit in every quarter, or the column as a whole."""
    whole: tuple[Cell, ...]
    """The column as a whole (``unit`` is ``None``), by quarter."""
    by_unit: tuple[Cell, ...]
    """Each unit from its own due quarter, in configuration order, then by quarter."""

    @property
    def cells(self) -> tuple[Cell, ...]:
        """The cells the rule judges: ``by_unit`` when ``per_unit``, else ``whole``."""
        return self.by_unit if self.per_unit else self.whole

    @property
    def missing(self) -> tuple[Cell, ...]:
        return tuple(cell for cell in self.cells if cell.status is Status.MISSING)

    @property
    def current(self) -> Quarter:
        return Quarter.of(self.today)


def counts(post: Post, today: datetime.date) -> bool:
    """Whether a post counts towards its quarter: published (not a draft) and not dated after today."""
    return not post.draft and post.date <= today


def coverage(posts: Iterable[Post], config: ColumnConfig, today: datetime.date) -> Coverage:
    """Judge every due quarter on ``today``, for the whole column and for each unit, in one pass."""
    current = Quarter.of(today)
    days_left = (current.last_day - today).days + 1
    by_quarter: dict[tuple[Quarter, str | None], list[Post]] = defaultdict(list)
    for post in posts:
        if counts(post, today):
            by_quarter[(post.quarter, post.unit)].append(post)
            by_quarter[(post.quarter, None)].append(post)

    def judge(unit: Unit | None) -> list[Cell]:
        cells = []
        for quarter in quarter_range(config.due_from(unit), current):
            found = tuple(by_quarter.get((quarter, unit.id if unit else None), ()))
            if found:
                status = Status.OK
            else:
                status = Status.IN_PROGRESS if quarter == current else Status.MISSING
            cells.append(Cell(quarter, unit, found, status, days_left if quarter == current else None))
        return cells

    by_unit = [cell for unit in config.units for cell in judge(unit)]
    return Coverage(today, config.per_unit, tuple(judge(None)), tuple(by_unit))
