"""Tables as files staff open in Excel: CSV (UTF-8 with a BOM) and XLSX, the report's and the district's alike.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula: a tag or a
school name written ``=HYPERLINK("http://…")`` would become a live link in the district's
workbook. Both writers neutralise it here, once.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from gecolumn.reporting import TOTALS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Sheet = tuple[str, Sequence[object], Sequence[Sequence[object]]]
"""``(title, header, rows)`` of one sheet."""


def csv_cell(value: object) -> object:
    """A CSV cell Excel and LibreOffice show as written: text that would start a formula gets a leading '.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("Quý I"), csv_cell(3)
    ("'=HYPERLINK(1)", 'Quý I', 3)
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(path: str, lines: Iterable[Sequence[object]]) -> None:
    """Write ``lines`` as a CSV Excel opens in Vietnamese (UTF-8 with a BOM), formulas neutralised."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([[csv_cell(cell) for cell in line] for line in lines])


def write_xlsx(path: str, sheets: Iterable[Sheet]) -> None:
    """Write ``(title, header, rows)`` sheets as a workbook whose text cells stay text; a last total row is bold."""
    from openpyxl import Workbook  # only when a workbook is asked for: it is slow to import
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

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
        if rows and rows[-1] and rows[-1][0] in TOTALS:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(len(str(c.value or "")) for c in column) + 2)
        sheet.freeze_panes = "B2"
    workbook.save(path)
