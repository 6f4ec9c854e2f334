"""Write ``gecolumn/templates/bao-cao.docx``: the official report's layout (Nghị định 30/2020/NĐ-CP) as a Word template.

    python scripts/make_report_template.py [OUT.docx]

The file is a Word document with Jinja tags (docxtpl's dialect: ``{%p …%}`` for a paragraph,
``{%tr …%}`` for a table row, ``{%tc …%}`` for a table column) that ``report --docx`` and
``district --docx`` fill from :func:`gecolumn.official_report.context`. An office whose layout
differs copies this file, edits it in Word, and passes it with ``--template``. Written the same,
byte for byte, on every run (fixed dates, no thumbnail), so a change to it shows in review and
``tests/test_official_report.py`` checks the shipped file is this script's output.

The decree's Appendix I, as laid out here: A4; margins top and bottom 20 mm, left 30 mm, right
15 mm; Times New Roman; managing body (13 pt) above the issuing body (13 pt, bold) and a short
line; national title (12 pt bold) and motto (13 pt bold) with a line as long as it; number and
symbol under the issuing body; place and date (14 pt italic) under the motto; the document's
kind (``BÁO CÁO``) and subject (14 pt bold, centred) and a short line; the body (14 pt,
justified, first line indented 1.27 cm, 6 pt between paragraphs); "Nơi nhận" (12 pt bold
italic, its lines 11 pt) beside the signer's title (14 pt bold) with room to sign; page numbers
from page 2, centred at the top.
"""

from __future__ import annotations

import datetime
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "gecolumn" / "templates" / "bao-cao.docx"
FONT = "Times New Roman"
TEXT_WIDTH = Mm(210 - 30 - 15)
FIXED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
"""The date written into the file's properties and zip entries: the output depends on this script only."""


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    out.write_bytes(template_bytes())
    print(f"wrote {out}")
    return 0


def template_bytes() -> bytes:
    """The template, as the same bytes on every run."""
    document = Document()
    _page(document)
    _styles(document)
    _letterhead(document)
    _body(document)
    _signature(document)
    properties = document.core_properties
    properties.author = properties.last_modified_by = ""
    properties.title, properties.language, properties.revision = "Báo cáo", "vi-VN", 1
    properties.created = properties.modified = FIXED.replace(tzinfo=None)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):  # python-docx's own template carries a thumbnail of a blank page
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(rel_id)
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated :data:`FIXED`, so two runs give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED.timetuple()[:6])
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()


def _page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    # The decree numbers pages from the second one, centred at the top.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(number, "PAGE", size=13)


def _field(paragraph, instruction: str, size: int) -> None:
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(size)
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            run._r.append(element)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
            run._r.append(element)
        else:
            run.text = text


def _styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):  # every script, so no theme font slips in
        fonts.set(qn(attribute), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(language)
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    body = styles.add_style("Nội dung báo cáo", 1)  # 1: a paragraph style
    body.base_style = normal
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Cm(1.27)
    body.paragraph_format.space_after = Pt(6)
    body.paragraph_format.line_spacing = 1.15
    cell = styles.add_style("Ô bảng báo cáo", 1)
    cell.base_style = normal
    cell.font.size = Pt(12)
    cell.paragraph_format.space_before = cell.paragraph_format.space_after = Pt(2)


def _paragraph(container, text: str = "", *, size=14, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER, style=None):
    paragraph = container.add_paragraph(style=style)
    if align is not None:
        paragraph.alignment = align
    if text:
        run = paragraph.add_run(text)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold or None, italic or None
    return paragraph


def _rule(container, length) -> None:
    """A short centred line under a heading: an empty paragraph with a top border, indented to ``length``."""
    paragraph = container.add_paragraph()
    width = container.width if hasattr(container, "width") and container.width else TEXT_WIDTH
    side = max(0, (width - length) // 2)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.space_before = Pt(3)  # clear of the letters above
    run = paragraph.add_run()
    run.font.size = Pt(2)
    properties = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(name), value)
    borders.append(top)
    properties.insert_element_before(borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")


def _table(document, rows: int, widths) -> object:
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):  # the grid, which LibreOffice reads
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def _first(cell):
    """The cell's own first paragraph (a new cell has one), to write into instead of adding a blank line."""
    paragraph = cell.paragraphs[0]
    paragraph._p.getparent().remove(paragraph._p)
    return cell


def _letterhead(document) -> None:
    left, right = Mm(62), TEXT_WIDTH - Mm(62)
    table = _table(document, 2, (left, right))
    body, nation = _first(table.cell(0, 0)), _first(table.cell(0, 1))
    _paragraph(body, "{{ managing_body|upper }}", size=13)
    _paragraph(body, "{{ issuing_body|upper }}", size=13, bold=True)
    _rule(body, Mm(25))
    _paragraph(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    _paragraph(nation, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
    _rule(nation, Mm(61))
    number, date = _first(table.cell(1, 0)), _first(table.cell(1, 1))
    _paragraph(number, "Số: {{ number }}", size=13)
    _paragraph(date, "{{ place }}, ngày {{ day }} tháng {{ month }} năm {{ year }}", italic=True)
    _paragraph(document, "")
    _paragraph(document, "BÁO CÁO", bold=True)
    _paragraph(document, "{{ subject }}", bold=True)
    _rule(document, Mm(50))


def _body(document) -> None:
    style = "Nội dung báo cáo"

    def line(text: str, bold: bool = False):
        paragraph = document.add_paragraph(style=style)
        run = paragraph.add_run(text)
        run.font.bold = bold or None
        if bold:  # a heading or a caption, often after a table
            paragraph.paragraph_format.space_before = Pt(6)

    line("{{ opening }}")
    line("I. KỲ BÁO CÁO VÀ YÊU CẦU", bold=True)
    line("1. Kỳ báo cáo: {{ period }} (số liệu tính đến ngày {{ as_of }}).")
    line("2. Yêu cầu: {{ rule }}")
    line("II. KẾT QUẢ", bold=True)
    line("{%p for text in results %}")
    line("{{ text }}")
    line("{%p endfor %}")
    line("{%p for table in tables %}")
    line("{{ table.caption }}", bold=True)
    _loop_table(document)
    line("{%p endfor %}")
    line("{%p if posts %}")
    line("III. DANH SÁCH TIN, BÀI ĐÃ ĐĂNG", bold=True)
    _posts_table(document)
    line("{%p endif %}")
    line("{{ closing }}")


def _cell(cell, text: str, *, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = "Ô bảng báo cáo"
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.font.bold = bold or None


def _loop_table(document) -> None:
    """A table of any number of columns: the first column names a row, the others (a ``{%tc%}`` loop) hold figures."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    widths = (Mm(50), Mm(5), TEXT_WIDTH - Mm(60), Mm(5))
    table = _table(document, 7, widths)
    table.style = "Table Grid"
    for row, source, bold in ((0, "table.header", True), (2, "row", False), (5, "row", True)):
        _cell(table.cell(row, 0), f"{{{{ {source}[0] }}}}", bold=bold, align=center if row == 0 else WD_ALIGN_PARAGRAPH.LEFT)
        _cell(table.cell(row, 1), f"{{%tc for value in {source}[1:] %}}")
        _cell(table.cell(row, 2), "{{ value }}", bold=bold, align=center)
        _cell(table.cell(row, 3), "{%tc endfor %}")
    _cell(table.cell(1, 0), "{%tr for row in table.rows %}")
    _cell(table.cell(3, 0), "{%tr endfor %}")
    _cell(table.cell(4, 0), "{%tr for row in table.totals %}")
    _cell(table.cell(6, 0), "{%tr endfor %}")
    _repeat_header(table.rows[0])


def _posts_table(document) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    widths = (Mm(10), Mm(25), Mm(70), TEXT_WIDTH - Mm(105))
    table = _table(document, 4, widths)
    table.style = "Table Grid"
    for column, text in enumerate(("TT", "Ngày đăng", "Tiêu đề", "Đường dẫn")):
        _cell(table.cell(0, column), text, bold=True, align=center)
    _cell(table.cell(1, 0), "{%tr for post in posts %}")
    for column, text in enumerate(("{{ loop.index }}", "{{ post.date }}", "{{ post.title }}", "{{ post.link }}")):
        _cell(table.cell(2, column), text, align=center if column < 2 else WD_ALIGN_PARAGRAPH.LEFT)
    _cell(table.cell(3, 0), "{%tr endfor %}")
    _repeat_header(table.rows[0])


def _repeat_header(row) -> None:
    """The head row is repeated on every page a long table runs to."""
    header = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(header)


def _signature(document) -> None:
    _paragraph(document, "")
    left, right = Mm(75), TEXT_WIDTH - Mm(75)
    table = _table(document, 1, (left, right))
    recipients, signer = _first(table.cell(0, 0)), _first(table.cell(0, 1))
    _paragraph(recipients, "Nơi nhận:", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(recipients, "{%p for line in recipients %}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(recipients, "{{ line }}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(recipients, "{%p endfor %}", size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(signer, "{{ signer|upper }}", bold=True)
    for _ in range(4):  # room to sign and stamp
        _paragraph(signer, "")
    _paragraph(signer, "{{ signer_name }}", bold=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
