"""The quarterly rule: every due quarter (or unit-quarter) needs at least one published post.

A quarter is due from ``start`` (or a unit's ``since``, whichever is later) up to the last
quarter that ended before today. The current quarter is never missing: it is in progress
until it ends. Only posts out on the day count (:meth:`Post.counts`): not drafts, invalid
posts, posts dated after it, or the welcome post ``gecolumn new`` writes. :func:`judge` is the rule on counts alone, so the report and
the district judge with it too; a quarter is unknown only on evidence that cannot prove absence.

    >>> report = coverage(corpus.posts, config, today=datetime.date(2024, 11, 22))
    >>> [str(cell.quarter) for cell in report.missing]
    ['2024-Q3']
"""

from __future__ import annotations

import datetime
import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

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

    UNKNOWN = "unknown"
    """Only for evidence that cannot prove absence: an ended quarter with no post seen, older than
    the oldest item of a feed that holds only the latest ones. A column's own posts never give it."""


@dataclass(frozen=True)
class Cell:
    """One due quarter, for the whole column (``unit`` is ``None``), for one unit, or for one school of a district."""

    quarter: Quarter
    status: Status
    count: int | None
    """Posts that count in the quarter; ``None`` when the evidence cannot tell (``UNKNOWN``)."""
    days_left: int | None = None
    """Days left in the current quarter, today included; ``None`` for ended quarters."""
    unit: Unit | None = None
    posts: tuple[Post, ...] = ()
    """The column's own posts in the quarter, filled in by :func:`coverage`; :func:`judge` sees counts only."""


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


def judge(
    counts: Mapping[Quarter, int], due: tuple[Quarter, Quarter], today: datetime.date, known_from: Quarter | None = None
) -> tuple[Cell, ...]:
    """The quarterly rule: each quarter of ``due`` (first, last; never past today's) judged from its count of posts.

    A quarter with a post is covered; the current one without is in progress; an ended one
    without is missing when the evidence can prove it empty (from ``known_from`` on; ``None``:
    every quarter), else unknown. The check, the report and the district all judge here.

    >>> cells = judge({Quarter(2024, 3): 1}, (Quarter(2024, 1), Quarter(2024, 4)), datetime.date(2024, 11, 22), Quarter(2024, 2))
    >>> [(str(cell.quarter), cell.status.value, cell.count) for cell in cells]
    [('2024-Q1', 'unknown', None), ('2024-Q2', 'missing', 0), ('2024-Q3', 'ok', 1), ('2024-Q4', 'in_progress', 0)]
    """
    current = Quarter.of(today)
    first, last = due
    cells = []
    for quarter in quarter_range(first, min(last, current)):
        count: int | None = counts.get(quarter, 0)
        if count:
            status = Status.OK
        elif quarter == current:
            status = Status.IN_PROGRESS
        elif known_from is not None and quarter < known_from:
            status, count = Status.UNKNOWN, None
        else:
            status = Status.MISSING
        cells.append(Cell(quarter, status, count, (current.last_day - today).days + 1 if quarter == current else None))
    return tuple(cells)


def coverage(posts: Iterable[Post], config: ColumnConfig, today: datetime.date) -> Coverage:
    """Judge every due quarter on ``today``, for the whole column and for each unit, in one pass over the posts."""
    current = Quarter.of(today)
    by_owner: dict[str | None, dict[Quarter, list[Post]]] = defaultdict(lambda: defaultdict(list))
    for post in posts:
        if post.counts(today):
            by_owner[post.unit][post.quarter].append(post)
            by_owner[None][post.quarter].append(post)

    def cells_of(unit: Unit | None) -> list[Cell]:
        found = by_owner.get(unit.id if unit else None, {})
        counted = {quarter: len(those) for quarter, those in found.items()}
        judged = judge(counted, (config.due_from(unit), current), today)
        return [replace(cell, unit=unit, posts=tuple(found.get(cell.quarter, ()))) for cell in judged]

    by_unit = [cell for unit in config.units for cell in cells_of(unit)]
    return Coverage(today, config.per_unit, tuple(cells_of(None)), tuple(by_unit))
