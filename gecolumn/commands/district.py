"""``gecolumn-district``: which schools of a district owe which quarter, wherever their columns are published.

    gecolumn-district truong.csv [--from 2024-Q1] [--to 2024-Q4] [--today YYYY-MM-DD]
                      [--format text|json|github] [--csv f.csv] [--xlsx f.xlsx] [--html OUT/]
                      [--cache DIR | --no-cache] [--jobs 32] [--timeout 20] [--retries 2] [--lang vi|en]

Also ``python -m gecolumn district …`` and ``python scripts/district.py …``. Exit status: 0
every due quarter of every school covered (quarters a feed cannot tell are listed, not
failed); 1 a quarter missing or a school whose source could not be read; 2 a bad roster or
bad options. The work is :mod:`gecolumn.district`; this module parses the options and
prints or writes the result: a text table, JSON, GitHub annotations, the six-month table as
CSV/XLSX, and a static dashboard page.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from gecolumn.commands import located, refuse, run, today_problem
from gecolumn.commands._options import common_options
from gecolumn.commands._output import (
    annotation,
    append_step_summary,
    markdown_cell,
    problem_annotation,
    problem_json,
    untrusted,
)
from gecolumn.coverage import Status
from gecolumn.dates import BadToday, find_today, short_vietnamese
from gecolumn.district import Fetcher, monitor, read_roster
from gecolumn.district.judge import DistrictResult, SchoolResult
from gecolumn.district.report import KIND_NAMES, dashboard_html, six_month_table
from gecolumn.messages import label, render, render_problem, shown
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter
from gecolumn.tables import write_csv, write_xlsx

PROGRESS_FROM = 20
"""Schools from which a terminal shows a progress bar."""


def _word(word: str, lang: str, **params) -> str:
    return label(f"district_{word}", lang, **params)


def main(argv: list[str] | None = None) -> int:
    """Judge every school of the roster and print or write the result; the exit status says what it found."""
    return run("district", _parser(), _district, argv)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="district",
        description="Theo dõi chuyên mục bình đẳng giới của các trường trong danh sách (district monitor).",
    )
    parser.add_argument("roster", help="danh sách trường (CSV: unit,name,url[,since])")
    parser.add_argument("--from", dest="first", help="quý đầu, ví dụ 2024-Q1 (default: cột since, hoặc since sớm nhất)")
    parser.add_argument("--to", dest="last", help="quý cuối (default: quý hiện tại)")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text")
    parser.add_argument("--csv", help="ghi bảng báo cáo ra tệp CSV")
    parser.add_argument("--xlsx", help="ghi bảng báo cáo ra tệp Excel")
    parser.add_argument("--html", help="ghi trang tổng hợp vào thư mục này (index.html)")
    parser.add_argument("--cache", help="thư mục lưu bản tải về (default: .cache/gecolumn-district/ cạnh danh sách)")
    parser.add_argument("--no-cache", action="store_true", help="không dùng bản đã lưu")
    parser.add_argument("--jobs", type=_positive(int), default=32, help="số trường đọc cùng lúc (default: 32)")
    parser.add_argument("--timeout", type=_positive(float), default=20.0, help="giây chờ mỗi lần trả lời (default: 20)")
    parser.add_argument("--retries", type=_non_negative, default=2, help="số lần thử lại khi lỗi 5xx/hết giờ (default: 2)")
    common_options(parser, config=False, today=True)
    return parser


def _positive(kind):
    def parse(text: str):
        value = kind(text)
        if not value > 0 or value != value:
            raise argparse.ArgumentTypeError(f"phải lớn hơn 0: {text}")
        return value

    return parse


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"không được âm: {text}")
    return value


def _district(args: argparse.Namespace) -> int:
    lang = args.lang
    problems: list[Problem] = []
    today = None
    try:
        today = find_today(args.today).date
    except BadToday as exc:
        problems.append(today_problem(exc))
    bounds = {}
    for option, text in (("--from", args.first), ("--to", args.last)):
        if text:
            try:
                bounds[option] = Quarter.parse(text)
            except ValueError:
                params = {"value": text, "example": "2024-Q1", "roman": "I", "number": 1, "year": 2024}
                problems.append(Problem(option, "bad_quarter", params=params))
    roster = read_roster(Path(args.roster))
    problems += roster.problems
    first, last = bounds.get("--from"), bounds.get("--to")
    if first and last and last < first:
        problems.append(Problem("--to", "district_bad_period", params={"first": str(first), "last": str(last)}))
    if not roster.problems and first is None and roster.first_quarter is None:
        problems.append(Problem(args.roster, "district_no_start", params={"unit": roster.schools[0].unit}))
    if problems:
        return _refuse(args.format, today, problems, lang)

    cache = (
        None
        if args.no_cache
        else Path(args.cache)
        if args.cache
        else Path(args.roster).resolve().parent / ".cache" / "gecolumn-district"
    )
    progress = _progress_bar() if args.format == "text" and sys.stderr.isatty() and len(roster.schools) >= PROGRESS_FROM else None
    with Fetcher(cache=cache, timeout=args.timeout, retries=args.retries) as fetcher:
        result = monitor(roster, fetcher, today, first, last, jobs=args.jobs, progress=progress)

    {"text": _print_text, "json": _print_json, "github": _print_github}[args.format](result, lang)
    # The dashboard first: its folder is where CI asks for the tables too (public/bao-cao.csv).
    outputs = (
        ("--html", args.html, _write_html, "bao-cao/"),
        ("--csv", args.csv, _write_csv, "bao-cao.csv"),
        ("--xlsx", args.xlsx, _write_xlsx, "bao-cao.xlsx"),
    )
    for option, path, write, example in outputs:
        if path:
            try:
                written = write(path, result, lang)
            except OSError as exc:
                params = {"problem": exc.strerror or str(exc), "example": f"{option} {example}"}
                return refuse(Problem(path, "output_unwritable", option, params=params), lang)
            print(label("wrote", lang, path=written), file=sys.stderr)
    return result.exit_code


def _refuse(form: str, today: datetime.date | None, problems: list[Problem], lang: str) -> int:
    """Exit 2 for a bad roster or options, said in the form asked for (CI parses the JSON)."""
    if form == "json":
        report = {"today": today.isoformat() if today else None, "exit_code": 2, "schools": [], "missing": [], "unknown": []}
        report["unreachable"] = []
        report["errors"] = [problem_json(p, lang) for p in problems]
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            if form == "github":
                print(problem_annotation(problem, lang, title=False))
            else:
                print(located(problem, lang), file=sys.stderr)
    return 2


def _progress_bar():
    def show(done: int, total: int) -> None:
        filled = 30 * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


# --- text -------------------------------------------------------------------------------


def _cell_word(result: SchoolResult, quarter: Quarter, lang: str) -> str:
    cell = result.cell(quarter)
    if cell is None:
        return ""
    if cell.status is Status.OK:
        return _word("ok", lang, posts=cell.posts)
    return _word(cell.status.value, lang)


def _source_word(result: SchoolResult, lang: str) -> str:
    return KIND_NAMES[result.evidence.kind] if result.evidence else _word("unreachable_source", lang)


def _quarter_name(quarter: Quarter, lang: str) -> str:
    return str(quarter) if lang == "en" else quarter.vietnamese


def _print_text(result: DistrictResult, lang: str) -> None:
    print(_word("title", lang, today=short_vietnamese(result.today)))
    quarters = result.quarters
    if quarters:
        print(_word("period", lang, first=_quarter_name(quarters[0], lang), last=_quarter_name(quarters[-1], lang)))
    print()
    head = [_word("school", lang), *(f"Q{q.number}/{q.year}" for q in quarters), _word("source", lang)]
    rows = [
        [str(shown(r.school.name)), *(_cell_word(r, q, lang) for q in quarters), _source_word(r, lang)] for r in result.schools
    ]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if not quarters and not result.unreachable:
        print(_word("no_due", lang))
    print()
    unreachable = result.unreachable
    if unreachable:
        print(_word("unreachable", lang, count=len(unreachable)) + ":")
        for r in unreachable:
            print(f"  {shown(r.school.name)} ({r.school.unit}) — {shown(r.school.url)}: {render_problem(r.problem, lang)}")
        print()
    missing = [r for r in result.schools if r.missing]
    unknown = [r for r in result.schools if r.unknown and not r.problem]
    if missing:
        for r in missing:
            names = ", ".join(_quarter_name(c.quarter, lang) for c in r.missing)
            print(f"  {shown(r.school.name)} ({r.school.unit}): {_word('missing', lang)} {names}")
        print(_word("advice_missing", lang, count=len(missing), quarters=sum(len(r.missing) for r in missing)))
    if unreachable:
        print(_word("advice_unreachable", lang, count=len(unreachable)))
    if unknown:
        print(_word("advice_unknown", lang, count=len(unknown)))
    if result.exit_code == 0 and not unknown:
        print(_word("advice_ok", lang))


# --- json -------------------------------------------------------------------------------


def _school_json(r: SchoolResult, lang: str) -> dict:
    return {
        "unit": r.school.unit,
        "name": r.school.name,
        "url": r.school.url,
        "source": r.evidence.location if r.evidence else None,
        "kind": r.evidence.kind.value if r.evidence else None,
        "status": r.status.value,
        "from": str(r.first),
        "quarters": [{"quarter": str(c.quarter), "posts": c.posts, "status": c.status.value} for c in r.cells],
    }


def _json_report(result: DistrictResult, lang: str) -> dict:
    return {
        "today": result.today.isoformat(),
        "to": str(result.last),
        "exit_code": result.exit_code,
        "schools": [_school_json(r, lang) for r in result.schools],
        "missing": [{"unit": r.school.unit, "quarter": str(c.quarter)} for r in result.schools for c in r.missing],
        "unknown": [{"unit": r.school.unit, "quarter": str(c.quarter)} for r in result.schools for c in r.unknown],
        "unreachable": [
            {"unit": r.school.unit, "url": r.school.url, "code": r.problem.code.value, "error": render_problem(r.problem, lang)}
            for r in result.unreachable
        ],
        "errors": [],
    }


def _print_json(result: DistrictResult, lang: str) -> None:
    print(json.dumps(_json_report(result, lang), ensure_ascii=False, indent=2))


# --- github -----------------------------------------------------------------------------


def _print_github(result: DistrictResult, lang: str) -> None:
    """Annotations (missing and unreadable: errors; unknown: notices), a job summary, then the table."""
    for r in result.unreachable:
        title = _word("unreachable_title", lang, name=shown(r.school.name))
        print(annotation("error", title, f"{shown(r.school.url)}: {render_problem(r.problem, lang)}"))
    for r in result.schools:
        for cell in r.missing:
            params = {"name": r.school.name, "quarter": _quarter_name(cell.quarter, lang)}
            title = _word("missing_title", lang, quarter=params["quarter"], name=shown(r.school.name))
            print(annotation("error", title, render("district_missing_quarter", params, lang)))
        for cell in r.unknown:
            oldest = r.evidence.known_from if r.evidence else None
            params = {"name": r.school.name, "quarter": _quarter_name(cell.quarter, lang), "oldest": _quarter_name(oldest, lang)}
            title = _word("unknown_title", lang, quarter=params["quarter"], name=shown(r.school.name))
            print(annotation("notice", title, render("district_unknown_quarter", params, lang)))
    append_step_summary(lambda: _summary_markdown(result, lang))
    # Names, addresses and error details come from the roster and from servers.
    with untrusted():
        _print_text(result, lang)


_MARKS = {Status.OK: "✅", Status.MISSING: "❌", Status.IN_PROGRESS: "⏳", Status.UNKNOWN: "❔"}


def _summary_markdown(result: DistrictResult, lang: str) -> str:
    quarters = result.quarters
    lines = [f"## {_word('title', lang, today=short_vietnamese(result.today))}", ""]
    lines.append(
        "| " + " | ".join([_word("school", lang), *(f"Q{q.number}/{q.year}" for q in quarters), _word("source", lang)]) + " |"
    )
    lines.append("|" + "---|" * (len(quarters) + 2))
    for r in result.schools:
        cells = []
        for q in quarters:
            cell = r.cell(q)
            cells.append(f"{_MARKS[cell.status]} {_cell_word(r, q, lang)}" if cell else "")
        source = _source_word(r, lang) if r.evidence else f"❌ {markdown_cell(render_problem(r.problem, lang))}"
        lines.append(f"| {markdown_cell(r.school.name)} | " + " | ".join(cells) + f" | {source} |")
    return "\n".join(lines) + "\n\n"


# --- the six-month table (CSV, XLSX) and the dashboard: gecolumn.district.report ------------


def _write_csv(path: str, result: DistrictResult, lang: str) -> str:
    header, rows = six_month_table(result)
    write_csv(path, [header, *rows])
    return path


def _write_xlsx(path: str, result: DistrictResult, lang: str) -> str:
    header, rows = six_month_table(result)
    write_xlsx(path, (("Theo quý", header, rows),))
    return path


def _write_html(folder: str, result: DistrictResult, lang: str) -> str:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    page = out / "index.html"
    page.write_text(dashboard_html(result), encoding="utf-8")
    return str(page)
