"""The CI command (an adapter: it loads mkdocs.yml with MkDocs and formats the check's result).

Is there an awareness post in every due quarter, and is every post valid?

    python scripts/check_quarters.py [-f mkdocs.yml] [--today YYYY-MM-DD]
                                     [--format text|json|github] [--lang vi|en]

Exit status: 0 all due quarters covered and every post valid; 1 a due quarter (or
unit-quarter) has no post; 2 invalid posts or configuration (wins over 1), and anything
that stopped the check. The other commands (``scripts/*.py``) share the guards here:
what they print is safe in a CI log, a closed pipe ends them quietly, and an unexpected
error is a message, never a traceback (unless ``GECOLUMN_DEBUG=1``).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import secrets
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from gecolumn.check import CheckResult, ExitCode, missing_params, run_check
from gecolumn.coverage import Status
from gecolumn.dates import BadToday, Today, TodaySource, find_today
from gecolumn.messages import label, pick_language, render, render_located, render_problem, shown
from gecolumn.posts import Corpus, load_posts
from gecolumn.problems import Problem


def main(argv: list[str] | None = None) -> int:
    prepare_streams()
    args = _parser().parse_args(argv)
    lang = pick_language(args.lang)
    return guarded("check_quarters", lambda: _check_and_print(args, lang), lang)


def _check_and_print(args: argparse.Namespace, lang: str) -> int:
    config_path = Path(args.config)
    try:
        today = find_today(args.today)
    except BadToday as exc:
        # Nothing can be judged without a date: say why, in the form asked for.
        refusal = today_problem(exc)
        if args.format == "text":
            print(render_problem(refusal, lang), file=sys.stderr)
        else:
            _FORMATS[args.format](_stopped(None, refusal), lang)
        return ExitCode.INVALID
    try:
        result = _check(config_path, today)
    except Exception as exc:  # still a report in the format asked for: CI parses the JSON
        result = _stopped(today.date, crash_problem("check_quarters", exc))
    try:
        _FORMATS[args.format](result, lang)
    except Exception as exc:
        _FORMATS[args.format](_stopped(result.today, crash_problem("check_quarters", exc)), lang)
        return ExitCode.INVALID
    return result.exit_code


def _check(config_path: Path, today: Today) -> CheckResult:
    config, problems = load_mkdocs_config(config_path)
    if config is None:
        return CheckResult(today.date, None, load_posts(config_path.parent / "posts", None), None, problems)
    extra = dict(config["extra"] or {})
    return run_check(extra, config_path.parent / "posts", today.date, config_label=config_path.name, today_from=today)


def _stopped(today: datetime.date | None, problem: Problem) -> CheckResult:
    """The result of a check that could not run: only ``problem``."""
    return CheckResult(today, None, Corpus((), (), ()), None, (problem,))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="check_quarters",
        description="Kiểm tra mỗi quý đều có bài tuyên truyền bình đẳng giới (check every due quarter has a post).",
    )
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="mkdocs.yml của chuyên mục (default: mkdocs.yml)")
    parser.add_argument("--today", help="ngày kiểm tra YYYY-MM-DD (default: SOURCE_DATE_EPOCH or now, Asia/Ho_Chi_Minh)")
    parser.add_argument("--format", choices=sorted(_FORMATS), default="text")
    parser.add_argument("--lang", choices=("vi", "en"), help="ngôn ngữ thông báo (default: vi; en when LANG=en*)")
    return parser


def load_mkdocs_config(config_path: Path):
    """``mkdocs.yml`` read by MkDocs' own loader (``!ENV``, ``INHERIT``, validation), or the problems that stop it.

    Returns ``(config, ())`` or ``(None, problems)``. MkDocs' warnings go to stderr, as
    ``mkdocs build`` shows them.
    """
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
        return None, (Problem(str(config_path), "config_unreadable", params={"problem": reason}),)
    except ConfigurationError as exc:
        cause = exc.__context__
        if isinstance(cause, yaml.MarkedYAMLError) and cause.problem_mark is not None:
            line, reason = cause.problem_mark.line + 1, cause.problem or str(cause)
        else:
            line, reason = None, " ".join(str(exc).split())
        return None, (Problem(name, "config_unreadable", line=line, params={"problem": reason}),)
    # Validated here rather than by load_config, which logs the errors and exits: each
    # becomes a problem on its key, in the report and the JSON like any other.
    errors, warnings = config.validate()
    for key, warning in warnings:
        print(f"{name}: {key}: {shown(warning)}", file=sys.stderr)
    if errors:
        return None, tuple(Problem(name, "config_rejected", key, params={"problem": str(error)}) for key, error in errors)
    return config, ()


def today_problem(exc: BadToday) -> Problem:
    """A malformed ``--today`` or ``SOURCE_DATE_EPOCH`` as a problem naming it and its value."""
    if exc.source is TodaySource.OPTION:
        return Problem("--today", "bad_today", params={"value": exc.given})
    return Problem("SOURCE_DATE_EPOCH", "bad_source_date_epoch", params={"value": exc.given})


def crash_problem(command: str, exc: BaseException) -> Problem:
    """An unexpected exception as a problem: its kind and message, and the traceback only on request."""
    if os.environ.get("GECOLUMN_DEBUG", "") not in ("", "0"):
        traceback.print_exception(exc, file=sys.stderr)
    return Problem(command, "internal_error", params={"kind": type(exc).__name__, "detail": str(exc)})


def guarded(command: str, body: Callable[[], int], lang: str = "vi") -> int:
    """Run a command's ``body`` as a last resort against the unexpected: exit 2 with a message, no traceback."""
    try:
        return body()
    except Exception as exc:
        print(render_located(crash_problem(command, exc), lang), file=sys.stderr)
        return ExitCode.INVALID


def prepare_streams() -> None:
    """UTF-8 output everywhere, and a stdout that a reader may close early (``… | head -1``)."""
    for stream in (sys.stdout, sys.stderr):  # a Windows pipe defaults to a code page without Vietnamese
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")
    if not isinstance(sys.stdout, _ReaderMayLeave):
        sys.stdout = _ReaderMayLeave(sys.stdout)


class _ReaderMayLeave:
    """stdout for ``… | head``: once the reader has gone, the rest of the output is dropped.

    The command goes on to the end (files are still written, the exit status still says
    what it found); it only stops printing.
    """

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._gone()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._gone()

    def _gone(self) -> None:
        # Point the descriptor at /dev/null: what is still buffered, and the interpreter's
        # last flush at exit, then go nowhere instead of raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, self._stream.fileno())
        finally:
            os.close(devnull)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def located(problem: Problem, lang: str = "vi") -> str:
    """``render_located`` with the file and field, which come from the disk, made safe to print."""
    safe = dataclasses.replace(problem, file=shown(problem.file, None), field=shown(problem.field, None))
    return render_located(safe, lang)


# --- text -------------------------------------------------------------------------------


def _status_text(cell, lang: str) -> str:
    if cell.status is Status.IN_PROGRESS:
        return label("status_in_progress", lang, days=cell.days_left)
    return label(f"status_{cell.status.value}", lang)


def _print_text(result: CheckResult, lang: str) -> None:
    if result.today is not None:
        print(label("report_title", lang, today=result.today.strftime("%d/%m/%Y")))
        print()
    if result.coverage is not None:
        rows = [
            (
                cell.quarter.vietnamese if lang != "en" else str(cell.quarter),
                shown(cell.unit.name) if cell.unit else label("whole_column", lang),
                str(len(cell.posts)),
                _status_text(cell, lang),
            )
            for cell in result.coverage.cells
        ]
        if rows:
            head = (label("quarter", lang), label("unit", lang), label("posts", lang), label("status", lang))
            widths = [max(len(row[i]) for row in [head, *rows]) for i in range(4)]
            for row in [head, *rows]:
                print(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}")
        else:
            print(label("no_due_quarter", lang))
        print()
    for heading, problems in (("errors", result.errors), ("warnings", result.warnings)):
        if problems:
            print(label(heading, lang, count=len(problems)) + ":")
            for problem in problems:
                print("  " + located(problem, lang))
            print()
    if result.errors or result.coverage is None:
        print(label("advice_invalid", lang, count=max(1, len(result.errors))))
    if result.missing:
        names = ", ".join(_cell_name(cell, lang) for cell in result.missing)
        print(label("advice_missing", lang, count=len(result.missing), quarters=names))
    if result.exit_code == ExitCode.OK:
        print(label("advice_ok", lang))


def _cell_name(cell, lang: str) -> str:
    quarter = str(cell.quarter) if lang == "en" else cell.quarter.vietnamese
    return f"{quarter} ({cell.unit.id})" if cell.unit else quarter


# --- json -------------------------------------------------------------------------------


def _problem_json(problem: Problem, lang: str) -> dict:
    return {
        "file": problem.file,
        "line": problem.line,
        "field": problem.field,
        "code": problem.code,
        "message": render_problem(problem, lang),
    }


def _print_json(result: CheckResult, lang: str) -> None:
    cells = result.coverage.cells if result.coverage else ()
    report = {
        "today": result.today.isoformat() if result.today else None,
        "current_quarter": str(result.coverage.current) if result.coverage else None,
        "per_unit": bool(result.config and result.config.per_unit),
        "exit_code": result.exit_code,
        "quarters": [
            {
                "quarter": str(cell.quarter),
                "unit": cell.unit.id if cell.unit else None,
                "posts": len(cell.posts),
                "status": cell.status.value,
                "days_left": cell.days_left,
            }
            for cell in cells
        ],
        "missing": [{"quarter": str(cell.quarter), "unit": cell.unit.id if cell.unit else None} for cell in result.missing],
        "errors": [_problem_json(p, lang) for p in result.errors],
        "warnings": [_problem_json(p, lang) for p in result.warnings],
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))  # whole, or not at all: CI parses it


# --- github -----------------------------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _print_github(result: CheckResult, lang: str) -> None:
    """Workflow commands for annotations, and a Markdown table for the job summary."""
    for problem in result.problems:
        kind = "error" if problem.is_error else "warning"
        props = [f"file={_escape_property(shown(problem.file, None))}"]
        if problem.line:
            props.append(f"line={problem.line}")
        if problem.field:
            props.append(f"title={_escape_property(shown(problem.field, None))}")
        print(f"::{kind} {','.join(props)}::{_escape_data(render_problem(problem, lang))}")
    for cell in result.missing:
        params = missing_params(cell)
        title = label("missing_title", lang, quarter=_cell_name(cell, lang))
        print(f"::error title={_escape_property(title)}::{_escape_data(render('missing_quarter', params, lang))}")
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        with open(summary_path, "a", encoding="utf-8") as summary:
            summary.write(_summary_markdown(result, lang))
    # The report repeats titles, names and values from the posts: GitHub's documented way to
    # print untrusted text is to stop reading workflow commands around it, with a token no
    # post can guess, so no line of it acts as `::error::` or `::add-mask::`.
    token = secrets.token_hex(16)
    print(f"::stop-commands::{token}")
    _print_text(result, lang)
    print(f"::{token}::")


def _summary_markdown(result: CheckResult, lang: str) -> str:
    day = result.today.strftime("%d/%m/%Y") if result.today else "?"
    lines = [f"## {label('report_title', lang, today=day)}", ""]
    if result.coverage is not None and result.coverage.cells:
        lines += [
            f"| {label('quarter', lang)} | {label('unit', lang)} | {label('posts', lang)} | {label('status', lang)} |",
            "|---|---|--:|---|",
        ]
        for cell in result.coverage.cells:
            unit = shown(cell.unit.name) if cell.unit else label("whole_column", lang)
            mark = {Status.OK: "✅", Status.MISSING: "❌", Status.IN_PROGRESS: "⏳"}[cell.status]
            quarter = str(cell.quarter) if lang == "en" else cell.quarter.vietnamese
            lines.append(f"| {quarter} | {unit} | {len(cell.posts)} | {mark} {_status_text(cell, lang)} |")
        lines.append("")
    if result.errors:
        lines += [f"### {label('errors', lang, count=len(result.errors))}", ""]
        lines += [f"- `{shown(p.file)}{':' + str(p.line) if p.line else ''}` {render_problem(p, lang)}" for p in result.errors]
        lines.append("")
    return "\n".join(lines) + "\n"


_FORMATS = {"text": _print_text, "json": _print_json, "github": _print_github}


def run() -> None:
    """Console entry point ``gecolumn-check`` (used by the pre-commit hook)."""
    sys.exit(main())
