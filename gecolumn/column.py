"""Open a column: its ``mkdocs.yml`` read by MkDocs' own loader, ``extra.column`` validated, or the problems why not.

Every command starts here, so each one reads the settings the way ``mkdocs build`` does and
reports a broken ``mkdocs.yml`` with the same messages. This is the one module besides the
adapters that uses MkDocs, and only inside :func:`open_column`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gecolumn import routes
from gecolumn.config import ColumnConfig, read_column_config
from gecolumn.messages import shown
from gecolumn.problems import HasProblems, Problem


@dataclass(frozen=True)
class OpenedColumn(HasProblems):
    """A column as a command finds it: the settings it could read, and every problem on the way."""

    config_path: Path
    mkdocs_config: Mapping[str, Any] | None
    """MkDocs' validated configuration; ``None`` when ``mkdocs.yml`` is missing, unreadable or refused."""
    config: ColumnConfig | None
    """The validated ``extra.column``; ``None`` when it is unusable (then ``problems`` has an error saying why)."""
    posts_dir: Path
    problems: tuple[Problem, ...]
    """Errors that stop the column, and warnings (an unknown key) that do not."""
    mkdocs_warnings: tuple[str, ...] = ()
    """MkDocs' own warnings about ``mkdocs.yml`` (in its words), one line each, safe to print."""

    @property
    def label(self) -> str:
        """How messages name the settings file: ``mkdocs.yml``."""
        return self.config_path.name


def open_column(config_path: str | Path) -> OpenedColumn:
    """Read ``config_path`` and its ``extra.column``; never raises for a missing, broken or refused file.

    >>> column = open_column("/khong-co/mkdocs.yml")
    >>> column.config is None, [p.code == "config_unreadable" for p in column.errors]
    (True, [True])
    """
    config_path = Path(config_path)
    posts_dir = config_path.parent / routes.SOURCES
    mkdocs_config, problems, warnings = _load_mkdocs_config(config_path)
    if mkdocs_config is None:
        return OpenedColumn(config_path, None, None, posts_dir, problems, warnings)
    column, column_problems = read_column_config(mkdocs_config["extra"], config_path.name)
    return OpenedColumn(config_path, mkdocs_config, column, posts_dir, tuple(column_problems), warnings)


def _load_mkdocs_config(config_path: Path) -> tuple[Any, tuple[Problem, ...], tuple[str, ...]]:
    """``mkdocs.yml`` through MkDocs' loader (``!ENV``, ``INHERIT``, validation): ``(config, problems, warnings)``."""
    import yaml
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import ConfigurationError

    name = config_path.name
    config = MkDocsConfig(config_file_path=str(config_path))
    try:
        with open(config_path, "rb") as handle:
            config.load_file(handle)
    except OSError as exc:  # missing, a folder, no permission
        reason = f"{config_path}: {exc.strerror or type(exc).__name__}"
        return None, (Problem(str(config_path), "config_unreadable", params={"problem": reason}),), ()
    except ConfigurationError as exc:
        cause = exc.__context__
        if isinstance(cause, yaml.MarkedYAMLError) and cause.problem_mark is not None:
            line, reason = cause.problem_mark.line + 1, cause.problem or str(cause)
        else:
            line, reason = None, " ".join(str(exc).split())
        return None, (Problem(name, "config_unreadable", line=line, params={"problem": reason}),), ()
    except Exception as exc:  # MkDocs lets some through: `INHERIT: 5`, an INHERIT loop, nesting too deep
        return None, (_unexpected(name, exc),), ()
    # Validated here rather than by load_config, which logs the errors and exits: each
    # becomes a problem on its key, in the report and the JSON like any other.
    try:
        errors, warnings = config.validate()
    except Exception as exc:  # `site_url: http://[x`, or a hook file that does not import
        return None, (_unexpected(name, exc),), ()
    notes = tuple(f"{name}: {key}: {shown(warning)}" for key, warning in warnings)
    if errors:
        problems = tuple(Problem(name, "config_rejected", key, params={"problem": str(error)}) for key, error in errors)
        return None, problems, notes
    return config, (), notes


def _unexpected(name: str, exc: Exception) -> Problem:
    """What MkDocs raised instead of reporting, as the file's problem: its kind says what went wrong."""
    return Problem(name, "config_unreadable", params={"problem": f"{type(exc).__name__}: {' '.join(str(exc).split())}"})
