"""``gecolumn-report``: the six-month report; posts per unit and quarter, quarters covered and missing, posts per topic.

    gecolumn-report --from 2024-Q1 --to 2024-Q2 [--csv bao-cao.csv] [--xlsx bao-cao.xlsx]

Also ``python -m gecolumn report …`` and ``python scripts/report.py …``. Prints a Vietnamese
table; with --csv writes a UTF-8 (with BOM, so Excel reads Vietnamese) CSV, with --xlsx an
Excel workbook with a sheet per table. Quarters: any form staff write. The counting is
:func:`gecolumn.reporting.period_report`; this module lays out its tables.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gecolumn.commands import located, refuse, require_column, run, today_problem
from gecolumn.commands._options import common_options
from gecolumn.commands._output import print_table
from gecolumn.dates import BadToday, short_vietnamese
from gecolumn.messages import label
from gecolumn.posts import load_posts
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter
from gecolumn.reporting import PeriodReport, period_report, total_row
from gecolumn.tables import write_csv, write_xlsx


def main(argv: list[str] | None = None) -> int:
    """Print the report for ``--from`` … ``--to`` and write the files asked for."""
    parser = argparse.ArgumentParser(prog="report", description="Báo cáo định kỳ (six-month report).")
    parser.add_argument("--from", dest="first", required=True, help="quý đầu, ví dụ 2024-Q1 hoặc 'Quý I/2024'")
    parser.add_argument("--to", dest="last", required=True, help="quý cuối")
    common_options(parser, today=True)
    parser.add_argument("--csv", help="ghi bảng ra tệp CSV")
    parser.add_argument("--xlsx", help="ghi bảng ra tệp Excel")
    return run("report", parser, _report, argv)


def _report(args: argparse.Namespace) -> int:
    lang = args.lang
    quarters = {}
    for option, text in (("--from", args.first), ("--to", args.last)):
        try:
            quarters[option] = Quarter.parse(text)
        except ValueError:
            params = {"value": text, "example": "2024-Q1", "roman": "I", "number": 1, "year": 2024}
            return refuse(Problem("", "bad_quarter", option, params=params), lang)
    first, last = quarters["--from"], quarters["--to"]
    if last < first:
        return refuse(Problem("", "bad_period", "--to", params={"first": str(first), "last": str(last)}), lang)
    opened = require_column(Path(args.config), lang)
    if opened is None:
        return 2
    config = opened.config
    try:
        today = opened.today(args.today).date  # the check's day: the report and the check agree
    except BadToday as exc:
        return refuse(today_problem(exc), lang)
    corpus = load_posts(opened.posts_dir, config, today=today)
    for problem in corpus.errors:  # invalid posts are not counted: say so, once each
        print(located(problem, lang), file=sys.stderr)
    report = period_report(corpus.posts, config, first, last, today)
    header, rows = _unit_table(report)
    tag_header, tag_rows = _tag_table(report)
    names = (first.vietnamese, last.vietnamese) if lang != "en" else (str(first), str(last))
    print(label("period_report_title", lang, first=names[0], last=names[1], today=short_vietnamese(report.today)) + "\n")
    print_table(header, rows)
    print()
    print_table(tag_header, tag_rows)
    if args.csv:
        try:
            write_csv(args.csv, [header, *rows, [], tag_header, *tag_rows])
        except OSError as exc:
            return _unwritable("--csv", args.csv, exc, lang)
        print("\n" + label("wrote", lang, path=args.csv))
    if args.xlsx:
        try:
            write_xlsx(args.xlsx, (("Theo quý", header, rows), ("Theo chủ đề", tag_header, tag_rows)))
        except OSError as exc:
            return _unwritable("--xlsx", args.xlsx, exc, lang)
        print(label("wrote", lang, path=args.xlsx))
    return 0


def _unwritable(option: str, path: str, exc: OSError, lang: str) -> int:
    params = {"problem": exc.strerror or str(exc), "example": f"{option} bao-cao.{option[2:]}"}
    return refuse(Problem(path, "output_unwritable", option, params=params), lang)


def _unit_table(report: PeriodReport) -> tuple[list[str], list[list]]:
    header = [
        "Đơn vị",
        *(q.vietnamese for q in report.quarters),
        "Tổng số bài",
        "Số quý có bài",
        "Số quý phải có",
        "Quý thiếu bài",
    ]
    rows = [
        [row.unit.name, *row.counts, row.total, row.covered, len(row.due), ", ".join(q.vietnamese for q in row.missing) or "—"]
        for row in report.rows
    ]
    counts = [row.counts for row in report.rows]
    rows.append(total_row(counts, len(report.quarters), report.units_with_post, len(report.rows), report.units_missing))
    return header, rows


def _tag_table(report: PeriodReport) -> tuple[list[str], list[list]]:
    header = ["Chủ đề", *(row.unit.name for row in report.rows), "Tổng"]
    rows = [[tag, *(row.tags[tag] for row in report.rows), sum(row.tags[tag] for row in report.rows)] for tag in report.tags]
    return header, rows
