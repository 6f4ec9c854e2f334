"""``gecolumn-check``: is there an awareness post in every due quarter, and is every post valid?

    gecolumn-check [-f mkdocs.yml] [--today YYYY-MM-DD] [--format text|json|github] [--lang vi|en]

Also ``python -m gecolumn check …`` and ``python scripts/check_quarters.py …`` (CI runs
that). Exit status: 0 all due quarters covered and every post valid; 1 a due quarter (or
unit-quarter) has no post; 2 invalid posts or configuration (wins over 1), and anything
that stopped the check. The judging is :func:`gecolumn.check.check_column`; this module
parses the options and prints the result as text, JSON or GitHub workflow commands.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from gecolumn.check import CheckResult, ExitCode, check_column, missing_params
from gecolumn.column import Validation
from gecolumn.commands import crash_problem, located, open_and_show_warnings, run, today_problem
from gecolumn.commands._options import command_parser, common_options, format_option
from gecolumn.commands._output import annotation, append_step_summary, problem_annotation, problem_json, untrusted
from gecolumn.coverage import Status
from gecolumn.dates import BadToday, short_vietnamese
from gecolumn.messages import label, quarter_name, render, render_problem, shown
from gecolumn.posts import Corpus
from gecolumn.problems import Problem


def main(argv: list[str] | None = None) -> int:
    """Check the column of ``-f mkdocs.yml`` and print the result; the exit status says what it found."""
    return run("check_quarters", _parser, _check_and_print, argv)


def _check_and_print(args: argparse.Namespace) -> int:
    lang = args.lang
    # Only the column's settings: the theme, plugins and hooks are the build's to load and report.
    column = open_and_show_warnings(Path(args.config), Validation.COLUMN)
    try:
        today = column.today(args.today)
    except BadToday as exc:
        # Nothing can be judged without a date: say why, in the form asked for.
        refusal = today_problem(exc)
        if args.format == "text":
            print(render_problem(refusal, lang), file=sys.stderr)
        else:
            _FORMATS[args.format](_stopped(None, refusal), lang)
        return ExitCode.INVALID
    try:
        result = check_column(column, today)
    except Exception as exc:  # still a report in the format asked for: CI parses the JSON
        result = _stopped(today.date, crash_problem("check_quarters", exc))
    try:
        _FORMATS[args.format](result, lang)
    except Exception as exc:
        _FORMATS[args.format](_stopped(result.today, crash_problem("check_quarters", exc)), lang)
        return ExitCode.INVALID
    return result.exit_code


def _stopped(today: datetime.date | None, problem: Problem) -> CheckResult:
    """The result of a check that could not run: only ``problem``."""
    return CheckResult(today, None, Corpus((), (), ()), None, (problem,))


def _parser(lang: str) -> argparse.ArgumentParser:
    parser = command_parser("check_quarters", "check", lang)
    common_options(parser, lang, today=True)
    format_option(parser, lang, tuple(sorted(_FORMATS)))
    return parser


# --- text -------------------------------------------------------------------------------


def _status_text(cell, lang: str) -> str:
    if cell.status is Status.IN_PROGRESS:
        return label("status_in_progress", lang, days=cell.days_left)
    return label(f"status_{cell.status.value}", lang)


def _print_text(result: CheckResult, lang: str) -> None:
    if result.today is not None:
        print(label("report_title", lang, today=short_vietnamese(result.today)))
        print()
    if result.coverage is not None:
        rows = [
            (
                quarter_name(cell.quarter, lang),
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
    quarter = quarter_name(cell.quarter, lang)
    return f"{quarter} ({cell.unit.id})" if cell.unit else quarter


# --- json -------------------------------------------------------------------------------


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
        "errors": [problem_json(p, lang) for p in result.errors],
        "warnings": [problem_json(p, lang) for p in result.warnings],
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))  # whole, or not at all: CI parses it


# --- github -----------------------------------------------------------------------------


def _print_github(result: CheckResult, lang: str) -> None:
    """Workflow commands for annotations, and a Markdown table for the job summary."""
    for problem in result.problems:
        print(problem_annotation(problem, lang))
    for cell in result.missing:
        title = label("missing_title", lang, quarter=_cell_name(cell, lang))
        print(annotation("error", title, render("missing_quarter", missing_params(cell), lang)))
    append_step_summary(lambda: _summary_markdown(result, lang))
    # The report repeats titles, names and values from the posts: GitHub's documented way to
    # print untrusted text is to stop reading workflow commands around it, so no line of it
    # acts as `::error::` or `::add-mask::`.
    with untrusted():
        _print_text(result, lang)


def _summary_markdown(result: CheckResult, lang: str) -> str:
    day = short_vietnamese(result.today) if result.today else "?"
    lines = [f"## {label('report_title', lang, today=day)}", ""]
    if result.coverage is not None and result.coverage.cells:
        lines += [
            f"| {label('quarter', lang)} | {label('unit', lang)} | {label('posts', lang)} | {label('status', lang)} |",
            "|---|---|--:|---|",
        ]
        for cell in result.coverage.cells:
            unit = shown(cell.unit.name) if cell.unit else label("whole_column", lang)
            mark = {Status.OK: "✅", Status.MISSING: "❌", Status.IN_PROGRESS: "⏳"}[cell.status]
            lines.append(
                f"| {quarter_name(cell.quarter, lang)} | {unit} | {len(cell.posts)} | {mark} {_status_text(cell, lang)} |"
            )
        lines.append("")
    if result.errors:
        lines += [f"### {label('errors', lang, count=len(result.errors))}", ""]
        lines += [f"- `{shown(p.file)}{':' + str(p.line) if p.line else ''}` {render_problem(p, lang)}" for p in result.errors]
        lines.append("")
    return "\n".join(lines) + "\n"


_FORMATS = {"text": _print_text, "json": _print_json, "github": _print_github}
