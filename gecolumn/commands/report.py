"""``gecolumn-report``: the six-month report; posts per unit and quarter, quarters covered and missing, posts per topic.

    gecolumn-report --from 2024-Q1 --to 2024-Q2 [--csv bao-cao.csv] [--xlsx bao-cao.xlsx]
                    [--docx bao-cao.docx [--template mau.docx]]

Also ``python -m gecolumn report …`` and ``python scripts/report.py …``. Prints the tables
(:func:`gecolumn.reporting.unit_table`, :func:`~gecolumn.reporting.tag_table`) in Vietnamese, or
in English with ``--lang en``; with --csv writes a UTF-8 (with BOM, so Excel reads Vietnamese)
CSV, with --xlsx an Excel workbook with a sheet per table, with --docx the report as an official
document (:mod:`gecolumn.official_report`; Vietnamese, in the decree's layout). Quarters: any form staff write. The counting is
:func:`gecolumn.reporting.period_report`; this module prints and writes its tables.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gecolumn.commands import located, refuse, require_column, run, today_problem
from gecolumn.commands._options import command_parser, common_options, docx_options, helps
from gecolumn.commands._output import print_table, write_official
from gecolumn.dates import BadToday, short_vietnamese
from gecolumn.messages import label, quarter_name
from gecolumn.official_report import column_report
from gecolumn.posts import load_posts
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter
from gecolumn.reporting import period_report, tag_table, unit_table
from gecolumn.tables import write_csv, write_xlsx


def main(argv: list[str] | None = None) -> int:
    """Print the report for ``--from`` … ``--to`` and write the files asked for."""
    return run("report", _parser, _report, argv)


def _parser(lang: str) -> argparse.ArgumentParser:
    parser, said = command_parser("report", "report", lang), helps("report", lang)
    parser.add_argument("--from", dest="first", required=True, help=said("from"))
    parser.add_argument("--to", dest="last", required=True, help=said("to"))
    common_options(parser, lang, today=True)
    parser.add_argument("--csv", help=said("csv"))
    parser.add_argument("--xlsx", help=said("xlsx"))
    docx_options(parser, lang)
    return parser


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
    header, rows = unit_table(report, lang)
    tag_header, tag_rows = tag_table(report, lang)
    names = {"first": quarter_name(first, lang), "last": quarter_name(last, lang)}
    print(label("period_report_title", lang, **names, today=short_vietnamese(report.today)) + "\n")
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
            sheets = ((label("sheet_by_quarter", lang), header, rows), (label("sheet_by_topic", lang), tag_header, tag_rows))
            write_xlsx(args.xlsx, sheets)
        except OSError as exc:
            return _unwritable("--xlsx", args.xlsx, exc, lang)
        print(label("wrote", lang, path=args.xlsx))
    if args.docx:
        settings = opened.mkdocs_config or {}
        official = column_report(
            report, corpus.posts, config, settings.get("site_url"), bool(settings.get("use_directory_urls", True))
        )
        problem = write_official(args, official)
        if problem is not None:
            return refuse(problem, lang)
        print(label("wrote", lang, path=args.docx))
    return 0


def _unwritable(option: str, path: str, exc: OSError, lang: str) -> int:
    params = {"problem": exc.strerror or str(exc), "example": f"{option} bao-cao.{option[2:]}"}
    return refuse(Problem(path, "output_unwritable", option, params=params), lang)
