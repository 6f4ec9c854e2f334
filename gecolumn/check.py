"""One check of a column: settings, posts and coverage, judged together.

The MkDocs hook and the CI command call :func:`check_column` on the column they opened (the
hook's is :meth:`~gecolumn.column.OpenedColumn.of_build`), on the column's one day
(:meth:`~gecolumn.column.OpenedColumn.today`); both judge in one place, so they report the
same findings for the same input. :func:`run_check` judges settings as a mapping, on a date given.
"""

from __future__ import annotations

import datetime
import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gecolumn.column import OpenedColumn
from gecolumn.config import ColumnConfig, read_column_config
from gecolumn.coverage import Cell, Coverage, coverage
from gecolumn.dates import Today, short_vietnamese
from gecolumn.photo_privacy import column_problems
from gecolumn.posts import Corpus, load_posts
from gecolumn.problems import HasProblems, Problem, Severity
from gecolumn.quarters import Quarter


class ExitCode(enum.IntEnum):
    """Exit statuses of the CI command; an invalid input wins over a missing quarter."""

    OK = 0
    """Every due quarter has a post and nothing is invalid."""
    MISSING = 1
    """A due quarter (or unit-quarter) has no post."""
    INVALID = 2
    """Invalid posts, settings or options, or anything that stopped the command."""
    UNPROVEN = 3
    """(The district monitor) nothing is missing, but some due quarter is neither proven covered nor proven missing."""


@dataclass(frozen=True)
class CheckResult(HasProblems):
    """Everything one check found."""

    today: datetime.date | None
    """``None`` when no date could be found (a malformed ``SOURCE_DATE_EPOCH``)."""
    config: ColumnConfig | None
    corpus: Corpus
    coverage: Coverage | None
    """``None`` when the settings are unusable."""
    config_problems: tuple[Problem, ...]
    photo_problems: tuple[Problem, ...] = ()
    """Photos and attachments under ``posts/`` and ``docs/`` that carry a GPS position or a camera serial."""

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.config_problems + self.corpus.problems + self.photo_problems

    @property
    def missing(self) -> tuple[Cell, ...]:
        return self.coverage.missing if self.coverage else ()

    @property
    def findings(self) -> tuple[Problem, ...]:
        """Everything to tell: the problems, each missing quarter, and each post not out yet (as INFO)."""
        missing = tuple(
            Problem("", "missing_quarter", params=missing_params(cell), severity=Severity.WARNING) for cell in self.missing
        )
        waiting = tuple(
            Problem(
                self.corpus.label(post),
                "post_draft" if post.draft else "post_scheduled",
                params={"date": short_vietnamese(post.date)},
                severity=Severity.INFO,
            )
            for post in self.corpus.posts
            if self.today is not None and not post.is_out(self.today)
        )
        return self.problems + missing + waiting

    @property
    def exit_code(self) -> int:
        if self.errors or self.coverage is None:
            return ExitCode.INVALID
        return ExitCode.MISSING if self.missing else ExitCode.OK


def run_check(
    extra: Mapping[str, Any] | None,
    posts_dir: str | os.PathLike,
    today: datetime.date,
    config_label: str = "mkdocs.yml",
) -> CheckResult:
    """Validate ``extra.column``, read every post under ``posts_dir`` and judge coverage on ``today``, as given."""
    config, config_problems = read_column_config(extra, config_label)
    return _judge(config, tuple(config_problems), posts_dir, today, config_label, None)


def check_column(column: OpenedColumn, today: Today) -> CheckResult:
    """:func:`run_check` on an opened column, on its day (``column.today()``); its posts are read even when its settings are unusable."""
    return _judge(column.config, column.problems, column.posts_dir, today.date, column.label, today, column.own_folders)


def _judge(
    config: ColumnConfig | None,
    config_problems: tuple[Problem, ...],
    posts_dir: str | os.PathLike,
    today: datetime.date,
    config_label: str,
    today_from: Today | None,
    own_folders: tuple[tuple[os.PathLike, str], ...] | None = None,
) -> CheckResult:
    if config is not None and config.start.first_day > today:
        config_problems += (_start_after_today(config, today, today_from, config_label),)
    corpus = load_posts(posts_dir, config, today=today)
    report = coverage(corpus.posts, config, today) if config else None
    # The repository is public: what the check lets through is served to anyone, originals included.
    if own_folders is None:  # settings given as a mapping: the folder beside posts/ that a new column has
        own_folders = ((os.path.join(os.path.dirname(os.path.abspath(posts_dir)), "docs"), "docs/"),)
    photos = column_problems(corpus, *own_folders)
    return CheckResult(today, config, corpus, report, config_problems, photos)


def _start_after_today(config: ColumnConfig, today: datetime.date, today_from: Today | None, file: str) -> Problem:
    # Before `start` nothing is due and every post is "scheduled": the check would pass and
    # the build publish an empty column. A 1980 SOURCE_DATE_EPOCH or a stray --today does
    # this, so the message names where today came from.
    params = {
        "source": today_from.source.value if today_from else "",
        "given": today_from.given if today_from else "",
        "start": str(config.start),
        "start_day": short_vietnamese(config.start.first_day),
        "today": short_vietnamese(today),
        "current": str(Quarter.of(today)),
    }
    return Problem(file, "start_after_today", "extra.column.start", params=params)


def missing_params(cell: Cell) -> dict[str, str]:
    """Parameters of the ``missing_quarter`` message for one missing cell."""
    unit = cell.unit
    return {
        "quarter": cell.quarter.vietnamese,
        "quarter_id": str(cell.quarter),
        "of_unit": unit.name if unit else "",
        "unit_hint": f", 'unit: {unit.id}'" if unit else "",
    }
