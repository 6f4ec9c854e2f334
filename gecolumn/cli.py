"""The CI command (an adapter: it loads mkdocs.yml with MkDocs and formats the check's result).

Is there an awareness post in every due quarter, and is every post valid?

    python scripts/check_quarters.py [-f mkdocs.yml] [--today YYYY-MM-DD]
                                     [--format text|json|github] [--lang vi|en]

Exit status: 0 all due quarters covered and every post valid; 1 a due quarter (or
unit-quarter) has no post; 2 invalid posts or configuration (wins over 1).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import secrets
import sys
from pathlib import Path

from gecolumn.check import CheckResult, ExitCode, missing_params, run_check
from gecolumn.coverage import Status
from gecolumn.dates import resolve_today
from gecolumn.messages import label, pick_language, render, render_located, render_problem, shown
from gecolumn.posts import load_posts
from gecolumn.problems import Problem


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a Windows pipe defaults to a code page without Vietnamese
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    lang = pick_language(args.lang)
    config_path = Path(args.config)
    try:
        today = resolve_today(args.today)
    except ValueError:
        print(
            _bilingual(f"--today '{args.today}' phải có dạng YYYY-MM-DD", f"--today '{args.today}' must read YYYY-MM-DD", lang),
            file=sys.stderr,
        )
        return ExitCode.INVALID

    extra, problem = _load_extra(config_path)
    if problem is not None:
        result = CheckResult(today, None, load_posts(config_path.parent / "posts", None), None, (problem,))
    else:
        result = run_check(extra, config_path.parent / "posts", today, config_label=config_path.name)
    _FORMATS[args.format](result, lang)
    return result.exit_code


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


def _load_extra(config_path: Path) -> tuple[dict | None, Problem | None]:
    """``extra`` of mkdocs.yml, read by MkDocs' own loader (``!ENV``, ``INHERIT``, validation)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    if not config_path.is_file():
        return None, Problem(
            str(config_path), "config_unreadable", params={"problem": f"{config_path}: not found / không tìm thấy"}
        )
    try:
        with open(config_path, "rb") as handle:
            config = load_config(handle)
    except (ConfigurationError, OSError) as exc:
        return None, Problem(config_path.name, "config_unreadable", params={"problem": str(exc)})
    return dict(config["extra"] or {}), None


def _bilingual(vi: str, en: str, lang: str) -> str:
    return en if lang == "en" else vi


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
        "today": result.today.isoformat(),
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
    json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
    print()


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
    lines = [f"## {label('report_title', lang, today=result.today.strftime('%d/%m/%Y'))}", ""]
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
