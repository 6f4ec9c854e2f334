"""``gecolumn-district``: which schools of a district owe which quarter, wherever their columns are published.

    gecolumn-district truong.csv [--from 2024-Q1] [--to 2024-Q4] [--today YYYY-MM-DD]
                      [--format text|json|github] [--csv f.csv] [--xlsx f.xlsx] [--html OUT/]
                      [--docx f.docx [--template mau.docx] [-f mkdocs.yml]]
                      [--cache DIR | --no-cache] [--ledger FILE | --no-ledger] [--jobs 32] [--timeout 20]
                      [--retries 2] [--allow-local] [--lang vi|en]

Also ``python -m gecolumn district …`` and ``python scripts/district.py …``. Exit status
(:class:`~gecolumn.check.ExitCode`): 0 every due quarter of every school proven covered; 1 a
quarter missing or a school whose source could not be read; 3 nothing missing, but some
quarter unproven (older than any reading reached); 2 a bad roster or bad options. The
ledger (``so-theo-doi.jsonl`` beside the roster) remembers every post and span seen, so a
verdict uses everything ever seen. The work is :mod:`gecolumn.district`, the tables and the dashboard
:mod:`gecolumn.district.report`; this module parses the options and prints or writes them:
a text table, JSON, GitHub annotations, the six-month table as CSV/XLSX, the dashboard page,
the six-month report as an official Word document (:mod:`gecolumn.official_report`), headed with
the names in the district column's ``mkdocs.yml`` (``-f``, else one beside the roster).
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from gecolumn.check import ExitCode
from gecolumn.column import Validation, open_column
from gecolumn.commands import located, refuse, run, today_problem
from gecolumn.commands._options import (
    command_parser,
    common_options,
    docx_options,
    format_option,
    helps,
    non_negative,
    positive,
    quarter_option,
    today_option,
)
from gecolumn.commands._output import (
    annotation,
    append_step_summary,
    markdown_cell,
    print_columns,
    problem_annotation,
    problem_json,
    progress_bar,
    untrusted,
    write_official,
)
from gecolumn.config import ColumnConfig
from gecolumn.dates import BadToday, find_today, short_vietnamese
from gecolumn.district import Fetcher, monitor, read_roster
from gecolumn.district.judge import DistrictResult
from gecolumn.district.ledger import LEDGER_FILE, Ledger
from gecolumn.district.report import (
    MARKS,
    cell_word,
    json_report,
    school_table,
    six_month_table,
    source_word,
    total_text,
    write_dashboard,
)
from gecolumn.messages import label, quarter_name, render, render_problem, shown
from gecolumn.official_report import district_report
from gecolumn.problems import Problem
from gecolumn.tables import write_csv, write_xlsx

PROGRESS_FROM = 20
"""Schools from which a terminal shows a progress bar."""


def main(argv: list[str] | None = None) -> int:
    """Judge every school of the roster and print or write the result; the exit status says what it found."""
    return run("district", _parser, _district, argv)


def _parser(lang: str) -> argparse.ArgumentParser:
    parser, said = command_parser("district", "district", lang), helps("district", lang)
    parser.add_argument("roster", help=said("roster"))
    parser.add_argument("--from", dest="first", help=said("from"))
    parser.add_argument("--to", dest="last", help=said("to"))
    format_option(parser, lang)
    for option in ("csv", "xlsx", "html", "cache", "ledger"):
        parser.add_argument(f"--{option}", help=said(option))
    parser.add_argument("--no-cache", action="store_true", help=said("no_cache"))
    parser.add_argument("--no-ledger", action="store_true", help=said("no_ledger"))
    parser.add_argument("--jobs", type=positive(int, lang), default=32, help=said("jobs"))
    parser.add_argument("--timeout", type=positive(float, lang), default=20.0, help=said("timeout"))
    parser.add_argument("--retries", type=non_negative(lang), default=2, help=said("retries"))
    parser.add_argument("--allow-local", action="store_true", help=said("allow_local"))
    docx_options(parser, lang)
    parser.add_argument("-f", "--config", help=said("config"))
    today_option(parser, lang, "district")
    common_options(parser, lang, config=False)
    return parser


def _district(args: argparse.Namespace) -> int:
    lang = args.lang
    problems: list[Problem] = []
    today = None
    try:
        today = find_today(args.today).date
    except BadToday as exc:
        problems.append(today_problem(exc))
    bounds = {option: quarter_option(option, text) for option, text in (("--from", args.first), ("--to", args.last)) if text}
    problems += [bound for bound in bounds.values() if isinstance(bound, Problem)]
    first, last = (bound if not isinstance(bound, Problem) else None for bound in (bounds.get("--from"), bounds.get("--to")))
    roster = read_roster(Path(args.roster))
    problems += roster.problems
    if first and last and last < first:
        problems.append(Problem("--to", "district_bad_period", params={"first": str(first), "last": str(last)}))
    if not roster.problems and first is None and roster.first_quarter is None:
        problems.append(Problem(args.roster, "district_no_start", params={"unit": roster.schools[0].unit}))
    if problems:
        return _refuse(args.format, today, problems, lang)

    cache = None if args.no_cache else Path(args.cache or Path(args.roster).resolve().parent / ".cache" / "gecolumn-district")
    progress = (
        progress_bar(lang) if args.format == "text" and sys.stderr.isatty() and len(roster.schools) >= PROGRESS_FROM else None
    )
    ledger = None if args.no_ledger else Ledger.read(Path(args.ledger) if args.ledger else Path(args.roster).parent / LEDGER_FILE)
    fetching = {
        "timeout": args.timeout,
        "retries": args.retries,
        "allow_local": args.allow_local,
    }
    with Fetcher(cache=cache, **fetching) as fetcher:
        result = monitor(roster, fetcher, today, first, last, jobs=args.jobs, progress=progress, ledger=ledger)
    # A ledger line that cannot be read, or a ledger that cannot be written, is said but never stops the run.
    notes = [*ledger.problems, *filter(None, [ledger.save()])] if ledger is not None else []

    {"text": _print_text, "json": _print_json, "github": _print_github}[args.format](result, lang, notes)
    # The dashboard first: its folder is where CI asks for the tables too (public/bao-cao.csv).
    for option, path, example in (
        ("--html", args.html, "bao-cao/"),
        ("--csv", args.csv, "bao-cao.csv"),
        ("--xlsx", args.xlsx, "bao-cao.xlsx"),
    ):
        if path:
            try:
                written = _write(option, path, result, lang)
            except OSError as exc:
                params = {"problem": exc.strerror or str(exc), "example": f"{option} {example}"}
                return refuse(Problem(path, "output_unwritable", option, params=params), lang)
            print(label("wrote", lang, path=written), file=sys.stderr)
    if args.docx:
        config = _letterhead_settings(args, lang)
        problem = write_official(args, district_report(result, config))
        if problem is not None:
            return refuse(problem, lang)
        print(label("wrote", lang, path=args.docx), file=sys.stderr)
    return result.exit_code


def _letterhead_settings(args: argparse.Namespace, lang: str) -> ColumnConfig | None:
    """The names the document is headed with: the district column's settings (``-f``, else beside the roster), if any.

    Only ``extra.column`` is read (no MkDocs validation): a roster folder need not hold a whole
    column. Settings that cannot be read are said, and the document gets blanks to fill in.
    """
    path = Path(args.config) if args.config else Path(args.roster).parent / "mkdocs.yml"
    if not args.config and not path.is_file():
        return None
    opened = open_column(path, Validation.COLUMN)
    for problem in opened.problems:
        print(located(problem, lang), file=sys.stderr)
    return opened.config


def _refuse(form: str, today: datetime.date | None, problems: list[Problem], lang: str) -> int:
    """Exit 2 for a bad roster or options, said in the form asked for (CI parses the JSON)."""
    if form == "json":
        report = {"today": today.isoformat() if today else None, "exit_code": 2, "totals": [], "schools": [], "missing": []}
        report |= {"unknown": [], "unreachable": [], "errors": [problem_json(p, lang) for p in problems], "warnings": []}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            if form == "github":
                print(problem_annotation(problem, lang, title=False))
            else:
                print(located(problem, lang), file=sys.stderr)
    return 2


def _write(option: str, path: str, result: DistrictResult, lang: str) -> str:
    """Write the output ``option`` asks for at ``path``; return what was written (the dashboard: its page)."""
    if option == "--html":
        return str(write_dashboard(path, result))  # Vietnamese only: a page for the district office
    header, rows = six_month_table(result, lang)
    if option == "--csv":
        write_csv(path, [header, *rows])
    else:
        write_xlsx(path, ((label("sheet_by_quarter", lang), header, rows),))
    return path


def _print_text(result: DistrictResult, lang: str, notes: list[Problem]) -> None:
    for note in notes:
        print(located(note, lang), file=sys.stderr)
    print(label("district_title", lang, today=short_vietnamese(result.today)))
    quarters = result.quarters
    if quarters:
        print(label("district_period", lang, first=quarter_name(quarters[0], lang), last=quarter_name(quarters[-1], lang)))
    print()
    header, rows = school_table(result, lang)
    print_columns([header, *rows])
    if not quarters and not result.unreachable:
        print(label("district_no_due", lang))
    print()
    if result.totals:
        print(label("district_totals", lang))
        for total in result.totals:
            print(f"  {total_text(total, lang)}")
        print()
    unreachable = result.unreachable
    if unreachable:
        print(label("district_unreachable", lang, count=len(unreachable)) + ":")
        for r in unreachable:
            print(f"  {shown(r.school.name)} ({r.school.unit}) — {shown(r.school.url)}: {render_problem(r.problem, lang)}")
        print()
    missing = [r for r in result.schools if r.missing]
    unknown = [r for r in result.schools if r.unknown and not r.problem]
    for r in missing:
        names = ", ".join(quarter_name(c.quarter, lang) for c in r.missing)
        print(f"  {shown(r.school.name)} ({r.school.unit}): {label('district_missing', lang)} {names}")
    if missing:
        print(label("district_advice_missing", lang, count=len(missing), quarters=sum(len(r.missing) for r in missing)))
    if unreachable:
        print(label("district_advice_unreachable", lang, count=len(unreachable)))
    if unknown:
        print(label("district_advice_unknown", lang, count=len(unknown)))
    if result.exit_code == ExitCode.UNPROVEN:
        print(label("district_advice_unproven", lang))
    if result.exit_code == ExitCode.OK:
        print(label("district_advice_ok", lang))


def _print_json(result: DistrictResult, lang: str, notes: list[Problem]) -> None:
    report = json_report(result, lang) | {"warnings": [problem_json(note, lang) for note in notes]}
    print(json.dumps(report, ensure_ascii=False, indent=2))


def _print_github(result: DistrictResult, lang: str, notes: list[Problem]) -> None:
    """Annotations (missing and unreadable: errors; unknown: notices; the ledger's lines: warnings), a job summary, then the table."""
    for note in notes:
        print(problem_annotation(note, lang, title=False))
    for r in result.unreachable:
        title = label("district_unreachable_title", lang, name=shown(r.school.name))
        print(annotation("error", title, f"{shown(r.school.url)}: {render_problem(r.problem, lang)}"))
    for r in result.schools:
        for cell in r.missing:
            params = {"name": r.school.name, "quarter": quarter_name(cell.quarter, lang)}
            title = label("district_missing_title", lang, quarter=params["quarter"], name=shown(r.school.name))
            print(annotation("error", title, render("district_missing_quarter", params, lang)))
        for cell in r.unknown if r.problem is None else ():  # an unreadable school's error says why it is unknown
            oldest = r.evidence.known_from if r.evidence else None
            params = {
                "name": r.school.name,
                "quarter": quarter_name(cell.quarter, lang),
                "oldest": quarter_name(oldest, lang) if oldest else "?",
            }
            title = label("district_unknown_title", lang, quarter=params["quarter"], name=shown(r.school.name))
            print(annotation("notice", title, render("district_unknown_quarter", params, lang)))
    append_step_summary(lambda: _summary_markdown(result, lang))
    # Names, addresses and error details come from the roster and from servers.
    with untrusted():
        _print_text(result, lang, [])


def _summary_markdown(result: DistrictResult, lang: str) -> str:
    header, _ = school_table(result, lang)
    lines = [f"## {label('district_title', lang, today=short_vietnamese(result.today))}", ""]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in result.schools:
        cells = []
        for q in result.quarters:
            cell = r.cell(q)
            cells.append(f"{MARKS[cell.status]} {cell_word(r, q, lang)}" if cell else "")
        source = source_word(r, lang) if r.evidence else f"❌ {markdown_cell(render_problem(r.problem, lang))}"
        lines.append("| " + " | ".join([markdown_cell(r.school.name), *cells, source]) + " |")  # as many cells as the header
    if result.totals:
        lines += ["", f"**{label('district_totals', lang)}**", ""]
        lines += [f"- {total_text(total, lang)}" for total in result.totals]
    return "\n".join(lines) + "\n\n"
