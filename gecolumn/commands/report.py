"""``gecolumn-report``: the six-month report; posts per unit and quarter, quarters covered and missing, posts per topic.

    gecolumn-report --from 2024-Q1 --to 2024-Q2 [--csv bao-cao.csv] [--xlsx bao-cao.xlsx]

Also ``python -m gecolumn report …`` and ``python scripts/report.py …``. Prints a Vietnamese
table; with --csv writes a UTF-8 (with BOM, so Excel reads Vietnamese) CSV, with --xlsx an
Excel workbook with a sheet per table. Quarters: any form staff write. The counting is
:func:`gecolumn.reporting.period_report`; this module lays out its tables.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from gecolumn.commands import located, open_and_show_warnings, run, today_problem
from gecolumn.dates import BadToday, short_vietnamese
from gecolumn.messages import render, render_problem, shown
from gecolumn.posts import load_posts
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter
from gecolumn.reporting import TOTAL, PeriodReport, period_report, total_row


def main(argv: list[str] | None = None) -> int:
    """Print the report for ``--from`` … ``--to`` and write the files asked for."""
    parser = argparse.ArgumentParser(prog="report", description="Báo cáo định kỳ (six-month report).")
    parser.add_argument("--from", dest="first", required=True, help="quý đầu, ví dụ 2024-Q1 hoặc 'Quý I/2024'")
    parser.add_argument("--to", dest="last", required=True, help="quý cuối")
    parser.add_argument("-f", "--config", default="mkdocs.yml")
    parser.add_argument("--today", help="YYYY-MM-DD (default: SOURCE_DATE_EPOCH or now)")
    parser.add_argument("--csv", help="ghi bảng ra tệp CSV")
    parser.add_argument("--xlsx", help="ghi bảng ra tệp Excel")
    return run("report", parser, _report, argv)


def _report(args: argparse.Namespace) -> int:
    quarters = {}
    for option, text in (("--from", args.first), ("--to", args.last)):
        try:
            quarters[option] = Quarter.parse(text)
        except ValueError:
            params = {"value": text, "example": "2024-Q1", "roman": "I", "number": 1, "year": 2024}
            print(f"Lỗi [{option}]: {render('bad_quarter', params)}", file=sys.stderr)
            return 2
    first, last = quarters["--from"], quarters["--to"]
    if last < first:
        print(f"Lỗi: --to {last} đứng trước --from {first}.", file=sys.stderr)
        return 2
    opened = open_and_show_warnings(Path(args.config))
    config = opened.config
    if config is None:
        print("\n".join(located(p) for p in opened.errors), file=sys.stderr)
        return 2
    try:
        today = opened.today(args.today).date  # the check's day: the report and the check agree
    except BadToday as exc:
        print(f"Lỗi: {render_problem(today_problem(exc))}", file=sys.stderr)
        return 2
    corpus = load_posts(opened.posts_dir, config, today=today)
    for problem in corpus.errors:  # invalid posts are not counted: say so, once each
        print(located(problem), file=sys.stderr)
    report = period_report(corpus.posts, config, first, last, today)
    header, rows = _unit_table(report)
    tag_header, tag_rows = _tag_table(report)
    print(
        f"BÁO CÁO CHUYÊN MỤC TUYÊN TRUYỀN BÌNH ĐẲNG GIỚI: {first.vietnamese} – {last.vietnamese} (đến ngày {short_vietnamese(report.today)})\n"
    )
    _print_table(header, rows)
    print()
    _print_table(tag_header, tag_rows)
    if args.csv:
        try:
            write_csv(args.csv, [header, *rows, [], tag_header, *tag_rows])
        except OSError as exc:
            return _unwritable("--csv", args.csv, exc)
        print(f"\nĐã ghi {args.csv}")
    if args.xlsx:
        try:
            write_xlsx(args.xlsx, (("Theo quý", header, rows), ("Theo chủ đề", tag_header, tag_rows)))
        except OSError as exc:
            return _unwritable("--xlsx", args.xlsx, exc)
        print(f"Đã ghi {args.xlsx}")
    return 0


def _unwritable(option: str, path: str, exc: OSError) -> int:
    params = {"problem": exc.strerror or str(exc), "example": f"{option} bao-cao.{option[2:]}"}
    print(located(Problem(path, "output_unwritable", option, params=params)), file=sys.stderr)
    return 2


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


def _print_table(header: list[str], rows: list[list]) -> None:
    table = [[str(shown(cell, None)) for cell in line] for line in [header, *rows]]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for number, line in enumerate(table):
        print(
            "  ".join(
                cell.ljust(width) if i == 0 or not cell.isdigit() else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(line, widths, strict=True))
            )
        )
        if number == 0:
            print("  ".join("-" * width for width in widths))


# A spreadsheet runs a cell that starts with one of these as a formula: a tag written
# `=HYPERLINK("http://…")` would become a live link in the district's workbook.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    """A CSV cell Excel and LibreOffice show as written: text that would start a formula gets a leading '."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(path: str, lines: list[list]) -> None:
    """Write ``lines`` as a CSV Excel opens in Vietnamese (UTF-8 with a BOM), formulas neutralised; the district's too."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([[_csv_cell(cell) for cell in line] for line in lines])


def write_xlsx(path: str, sheets) -> None:
    """Write ``(title, header, rows)`` sheets as a workbook whose text cells stay text; the district's too."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title)
        for line in [header, *rows]:
            # Control characters are not allowed in a workbook (openpyxl refuses them).
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell for cell in line])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text: openpyxl makes "=…" a formula
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        if rows and rows[-1] and rows[-1][0] == TOTAL:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(len(str(c.value or "")) for c in column) + 2)
        sheet.freeze_panes = "B2"
    workbook.save(path)
