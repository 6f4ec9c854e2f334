"""The six-month report a district office files: posts per unit and quarter, gaps, topics; and its tables.

The tables (:func:`unit_table`, :func:`tag_table`) are laid out in the reader's language:
Vietnamese, the language of the district's report forms, unless English is asked for.

>>> report = period_report(corpus.posts, config, Quarter(2024, 1), Quarter(2024, 2), today)
>>> [(row.unit.id, row.counts) for row in report.rows]
[('mn-hoa-sen', (0, 1)), ('thcs-bao-khe', (1, 0))]
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from gecolumn.config import ColumnConfig, Unit
from gecolumn.coverage import Status, judge
from gecolumn.messages import LANGUAGES, label, quarter_name
from gecolumn.posts import Post
from gecolumn.quarters import Quarter, quarter_range


@dataclass(frozen=True)
class UnitRow:
    """One unit over the period."""

    unit: Unit
    counts: tuple[int, ...]
    """Posts per quarter of the period, in order."""
    due: tuple[Quarter, ...]
    """Quarters of the period the unit had to cover (ended, and from its ``since`` on)."""
    missing: tuple[Quarter, ...]
    tags: Counter

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def covered(self) -> int:
        return len(self.due) - len(self.missing)


@dataclass(frozen=True)
class PeriodReport:
    first: Quarter
    last: Quarter
    today: datetime.date
    quarters: tuple[Quarter, ...]
    rows: tuple[UnitRow, ...]

    @property
    def units_with_post(self) -> int:
        """Units with at least one post in the period."""
        return sum(1 for row in self.rows if row.total)

    @property
    def units_missing(self) -> int:
        """Units with at least one due quarter of the period without a post."""
        return sum(1 for row in self.rows if row.missing)

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag used in the period, most used first."""
        total = Counter()
        for row in self.rows:
            total.update(row.tags)
        return tuple(tag for tag, _ in sorted(total.items(), key=lambda item: (-item[1], item[0])))


def period_report(
    posts: list[Post] | tuple[Post, ...], config: ColumnConfig, first: Quarter, last: Quarter, today: datetime.date
) -> PeriodReport:
    """Posts out by ``today`` per unit and quarter of ``first``..``last``, judged by the check's rule (:func:`judge`)."""
    quarters = tuple(quarter_range(first, last))
    current = Quarter.of(today)
    rows = []
    for unit in sorted(config.units, key=lambda unit: unit.sort_key):
        mine = [p for p in posts if p.unit == unit.id and p.counts(today) and first <= p.quarter <= last]
        per_quarter = Counter(p.quarter for p in mine)
        cells = [cell for cell in judge(per_quarter, (config.due_from(unit), last), today) if cell.quarter >= first]
        rows.append(
            UnitRow(
                unit=unit,
                counts=tuple(per_quarter[q] for q in quarters),
                due=tuple(cell.quarter for cell in cells if cell.quarter < current),
                missing=tuple(cell.quarter for cell in cells if cell.status is Status.MISSING),
                tags=Counter(tag for p in mine for tag in p.tags),
            )
        )
    return PeriodReport(first, last, today, quarters, tuple(rows))


TOTAL = label("table_total", "vi")
"""The first cell of a table's total row, in Vietnamese."""
TOTALS = frozenset(label("table_total", lang) for lang in LANGUAGES)
"""The first cell of a total row, in any language: a workbook sets that row in bold."""


def total_row(
    counts: Sequence[Sequence[int]], quarters: int, units_with_post: int, units: int, units_missing: int, lang: str = "vi"
) -> list:
    """The line Vietnamese report forms end with: posts per quarter and in all, units with a post, units missing.

    Laid under the columns ``quarters…, Tổng số bài, Số quý có bài, Số quý phải có, Quý thiếu bài``;
    the unit counts are written out in words, since they count units, not quarters.

    >>> total_row([[2, 0], [0, 1]], 2, units_with_post=2, units=2, units_missing=1)
    ['Tổng cộng', 2, 1, 3, '2/2 đơn vị có bài', '', '1 đơn vị thiếu bài']
    """
    per_quarter = [sum(row[index] for row in counts) for index in range(quarters)]
    return [
        label("table_total", lang),
        *per_quarter,
        sum(per_quarter),
        label("table_with_post", lang, count=units_with_post, units=units),
        "",
        label("table_without_post", lang, count=units_missing),
    ]


def unit_table(report: PeriodReport, lang: str = "vi") -> tuple[list[str], list[list]]:
    """Posts per unit and quarter, quarters covered and missing, then the total row: ``(header, rows)``."""
    header = [
        label("table_unit", lang),
        *(quarter_name(q, lang) for q in report.quarters),
        *(label(name, lang) for name in ("table_posts", "table_covered", "table_due", "table_missing")),
    ]
    rows = [
        [
            row.unit.name,
            *row.counts,
            row.total,
            row.covered,
            len(row.due),
            ", ".join(quarter_name(q, lang) for q in row.missing) or "—",
        ]
        for row in report.rows
    ]
    counts = [row.counts for row in report.rows]
    rows.append(total_row(counts, len(report.quarters), report.units_with_post, len(report.rows), report.units_missing, lang))
    return header, rows


def tag_table(report: PeriodReport, lang: str = "vi") -> tuple[list[str], list[list]]:
    """Posts per topic and unit, most used topic first: ``(header, rows)``."""
    header = [label("table_topic", lang), *(row.unit.name for row in report.rows), label("table_all_units", lang)]
    rows = [[tag, *(row.tags[tag] for row in report.rows), sum(row.tags[tag] for row in report.rows)] for tag in report.tags]
    return header, rows
