"""One check of a column: settings, posts and coverage, judged together.

The MkDocs hook and the CI command both call :func:`run_check`, so they report the same
findings for the same input.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gecolumn.config import ColumnConfig, read_column_config
from gecolumn.coverage import Cell, Coverage, coverage
from gecolumn.posts import Corpus, load_posts
from gecolumn.problems import HasProblems, Problem


class ExitCode:
    """Exit statuses of the CI command; an invalid input wins over a missing quarter."""

    OK = 0
    MISSING = 1
    INVALID = 2


@dataclass(frozen=True)
class CheckResult(HasProblems):
    """Everything one check found."""

    today: datetime.date
    config: ColumnConfig | None
    corpus: Corpus
    coverage: Coverage | None
    """``None`` when the settings are unusable."""
    config_problems: tuple[Problem, ...]

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.config_problems + self.corpus.problems

    @property
    def missing(self) -> tuple[Cell, ...]:
        return self.coverage.missing if self.coverage else ()

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
    """Validate ``extra.column``, read every post under ``posts_dir`` and judge coverage on ``today``."""
    config, config_problems = read_column_config(extra, config_label)
    corpus = load_posts(posts_dir, config)
    report = coverage(corpus.posts, config, today) if config else None
    return CheckResult(today, config, corpus, report, tuple(config_problems))


def missing_params(cell: Cell) -> dict[str, str]:
    """Parameters of the ``missing_quarter`` message for one missing cell."""
    unit = cell.unit
    return {
        "quarter": cell.quarter.vietnamese,
        "quarter_id": str(cell.quarter),
        "of_unit": unit.name if unit else "",
        "unit_hint": f", 'unit: {unit.id}'" if unit else "",
    }
