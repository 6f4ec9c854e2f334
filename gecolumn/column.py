"""Open a column: its ``mkdocs.yml`` read by MkDocs' own loader, ``extra.column`` validated, or the problems why not.

Every command starts here, so each one reads the settings the way ``mkdocs build`` does and
reports a broken ``mkdocs.yml`` with the same messages. A command that reads nothing but the
column's own settings (the CI check) asks for :attr:`Validation.COLUMN` and leaves the
theme, plugins and hooks to the build. This is the one module besides the adapters that
uses MkDocs, and only inside :func:`open_column`.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gecolumn import routes
from gecolumn.config import ColumnConfig, read_column_config
from gecolumn.dates import Today, find_today, pinned
from gecolumn.messages import shown
from gecolumn.problems import HasProblems, Problem, Severity, file_label


class Validation(enum.Enum):
    """How much of ``mkdocs.yml`` a command has MkDocs check when it opens a column."""

    WHOLE = "whole"
    """Every setting, as ``mkdocs build`` checks them: the theme, the plugins and the hooks are loaded."""

    COLUMN = "column"
    """What the column's settings need: the file read by MkDocs' loader (``!ENV``, ``INHERIT``,
    a YAML error's line) into a mapping, and ``extra`` a mapping. Loading the theme, plugins and
    hooks costs more than checking a column's posts; the build loads and reports them."""


@dataclass(frozen=True)
class OpenedColumn(HasProblems):
    """A column as a command finds it: the settings it could read, and every problem on the way."""

    config_path: Path
    mkdocs_config: Mapping[str, Any] | None
    """MkDocs' configuration, validated as the column was opened; ``None`` when ``mkdocs.yml`` is missing, unreadable or refused."""
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

    @classmethod
    def of_build(cls, mkdocs_config: Any) -> OpenedColumn:
        """The column of a ``mkdocs.yml`` MkDocs has already loaded and validated: the build's own."""
        config_path = Path(mkdocs_config.config_file_path)
        column, problems = read_column_config(mkdocs_config["extra"], config_path.name)
        return cls(config_path, mkdocs_config, column, config_path.parent / routes.SOURCES, tuple(problems))

    @property
    def own_folders(self) -> tuple[tuple[Path, str], ...]:
        """``(folder, label prefix)`` of the school's folders the site publishes besides posts/: ``docs_dir`` and the theme's ``custom_dir``.

        Read from MkDocs' validated configuration (the build's) or from the mapping as written
        (relative to ``mkdocs.yml``); a folder outside the column's own is not the repository's
        and is left out.

        >>> open_column("/khong-co/mkdocs.yml").own_folders[0][1]
        'docs/'
        """
        root = Path(os.path.abspath(self.config_path.parent))
        settings = self.mkdocs_config or {}
        theme = settings.get("theme")
        custom = getattr(theme, "custom_dir", None) or (theme.get("custom_dir") if isinstance(theme, Mapping) else None)
        found: list[tuple[Path, str]] = []
        for written in (settings.get("docs_dir") or "docs", custom):
            if not isinstance(written, str) or not written:
                continue
            folder = Path(os.path.normpath(root / written))  # as written: a symlinked folder is not followed out
            if folder.is_relative_to(root) and folder != root and all(folder != seen for seen, _ in found):
                found.append((folder, folder.relative_to(root).as_posix() + "/"))
        return tuple(found)

    def today(self, given: str | None = None, environ: Mapping[str, str] | None = None) -> Today:
        """The one day this column is judged on, by every command and the build.

        ``given`` (``--today``), else ``SOURCE_DATE_EPOCH``, else the column's ``as_of``, else
        the clock. Raises :class:`~gecolumn.dates.BadToday` when the option or the variable is malformed.

        >>> open_column("/khong-co/mkdocs.yml").today("2024-11-22").date
        datetime.date(2024, 11, 22)
        """
        return pinned(find_today(given, environ), self.config.as_of if self.config else None)


def open_column(config_path: str | Path, validation: Validation = Validation.WHOLE) -> OpenedColumn:
    """Read ``config_path`` and its ``extra.column``; never raises for a missing, broken or refused file.

    >>> column = open_column("/khong-co/mkdocs.yml")
    >>> column.config is None, [p.code == "config_unreadable" for p in column.errors]
    (True, [True])
    """
    config_path = Path(config_path)
    posts_dir = config_path.parent / routes.SOURCES
    load = _load_mkdocs_config if validation is Validation.WHOLE else _load_column_settings
    mkdocs_config, problems, warnings = load(config_path)
    if mkdocs_config is None:
        return OpenedColumn(config_path, None, None, posts_dir, problems, warnings)
    column, column_problems = read_column_config(mkdocs_config["extra"], config_path.name)
    problems = (*column_problems, *_old_hooks(mkdocs_config, config_path.parent))
    return OpenedColumn(config_path, mkdocs_config, column, posts_dir, problems, warnings)


def _old_hooks(mkdocs_config: Mapping[str, Any], root: Path) -> list[Problem]:
    """A hook file that is a whole copy of an old generator: builds would never use the installed package."""
    found = []
    hooks = mkdocs_config.get("hooks") or {}
    if isinstance(hooks, Mapping):  # validated: the loaded modules
        paths = [Path(getattr(module, "__file__", None) or "") for module in hooks.values()]
    else:  # Validation.COLUMN loads no hook: the paths as written, relative to mkdocs.yml
        paths = [root / hook for hook in hooks if isinstance(hook, str)] if isinstance(hooks, list) else []
    for path in paths:
        if path.name != "column.py":
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if "gecolumn.mkdocs_hook" not in text and "def on_config" in text:
            label = file_label(path, root)
            found.append(Problem(label, "old_hook_file", params={"file": label}, severity=Severity.WARNING))
    return found


def _load_mkdocs_config(config_path: Path) -> tuple[Any, tuple[Problem, ...], tuple[str, ...]]:
    """``mkdocs.yml`` through MkDocs' loader (``!ENV``, ``INHERIT``, validation): ``(config, problems, warnings)``."""
    from mkdocs.config.defaults import MkDocsConfig

    name = config_path.name
    config = MkDocsConfig(config_file_path=str(config_path))
    problem = _load(config_path, config.load_file)
    if problem is not None:
        return None, (problem,), ()
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


def _load_column_settings(config_path: Path) -> tuple[Any, tuple[Problem, ...], tuple[str, ...]]:
    """``mkdocs.yml`` through MkDocs' loader, ``extra`` checked as MkDocs checks it and nothing else: ``(settings, problems, ())``."""
    from mkdocs.config.base import LegacyConfig
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    settings = LegacyConfig((), config_file_path=str(config_path))

    def load_file(handle) -> None:  # as MkDocsConfig.load_file; `!relative` paths stay MkDocs' unresolved placeholders
        settings.load_dict(yaml_load(handle, get_yaml_loader(config=settings)))

    problem = _load(config_path, load_file)
    if problem is not None:
        return None, (problem,), ()
    extra = LegacyConfig((), config_file_path=str(config_path))
    try:
        extra.load_dict(settings.get("extra", {}))  # all MkDocs' `extra` option asks of it: a mapping
    except ConfigurationError as exc:
        return None, (Problem(config_path.name, "config_rejected", "extra", params={"problem": str(exc)}),), ()
    settings["extra"] = extra
    return settings, (), ()


def _load(config_path: Path, load_file: Callable[[Any], None]) -> Problem | None:
    """Run ``load_file`` on the open ``mkdocs.yml``: ``None``, or the problem why it could not be read."""
    import yaml
    from mkdocs.exceptions import ConfigurationError

    name = config_path.name
    try:
        with open(config_path, "rb") as handle:
            load_file(handle)
    except OSError as exc:  # missing, a folder, no permission
        reason = f"{config_path}: {exc.strerror or type(exc).__name__}"
        return Problem(str(config_path), "config_unreadable", params={"problem": reason})
    except ConfigurationError as exc:
        cause = exc.__context__
        if isinstance(cause, yaml.MarkedYAMLError) and cause.problem_mark is not None:
            line, reason = cause.problem_mark.line + 1, cause.problem or str(cause)
        else:
            line, reason = None, " ".join(str(exc).split())
        return Problem(name, "config_unreadable", line=line, params={"problem": reason})
    except Exception as exc:  # MkDocs lets some through: `INHERIT: 5`, an INHERIT loop, nesting too deep
        return _unexpected(name, exc)
    return None


def _unexpected(name: str, exc: Exception) -> Problem:
    """What MkDocs raised instead of reporting, as the file's problem: its kind says what went wrong."""
    return Problem(name, "config_unreadable", params={"problem": f"{type(exc).__name__}: {' '.join(str(exc).split())}"})
