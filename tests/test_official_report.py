"""The six-month report as an official document (``--docx``): the decree's blocks, the same numbers as the tables and JSON.

Each written file is opened with python-docx, as an office's Word would read it; where
LibreOffice is installed, one document is converted to PDF (once per session) and its text read
back with ``pdftotext``.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import ROOT, post, require_tool, run_python
from district_server import wordpress_rss
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

LETTERHEAD = {
    "school": "Trường THCS Hoà Lạc",
    "managing_body": "UBND xã Hoà Lạc",
    "place": "Hoà Lạc",
    "signer": "Hiệu trưởng",
    "signer_name": "Nguyễn Thị Lan",
    "recipients": ["Phòng GD&ĐT (để báo cáo)", "Lưu: VT"],
}
HOSTILE = "{{ 7*7 }} {% if true %}x{% endif %} <w:t>y</w:t> {_{ z }_} & \x07\x1b"
"""A title that Jinja, docxtpl's own markers and Word's XML would each read as their own, with control characters."""
HOSTILE_SHOWN = "{{ 7*7 }} {% if true %}x{% endif %} <w:t>y</w:t> {\u2060_{ z }\u2060_} &"


def run(*args: str, cwd: Path, today: str = "2024-11-01", script: str = "report.py") -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "SOURCE_DATE_EPOCH")}
    return run_python([ROOT / "scripts" / script, *args, "--today", today], env=environment, cwd=cwd)


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture
def column(make_site):
    """Two units, a quarter missing, topics, a draft that must not count, and a post with a hostile title."""
    units = {"thcs-hoa-lac": {"name": "Trường THCS Hoà Lạc"}, "mn-sen": {"name": "Trường MN Sen", "since": "2024-Q2"}}
    site = make_site({"start": "2024-Q1", "per_unit": True, "units": units, **LETTERHEAD})
    site.add("a1.md", post(title="Ngày Quốc tế Phụ nữ", date="08/03/2024", unit="thcs-hoa-lac", tags="[Gia đình, Luật]"))
    site.add("a2.md", post(title=json.dumps(HOSTILE), date="20/03/2024", unit="thcs-hoa-lac", tags="[Gia đình]"))
    site.add("b1.md", post(title="Ngày Gia đình", date="28/06/2024", quarter="2024-Q2", unit="mn-sen", tags="[Gia đình]"))
    site.add("b2.md", post(title="Bản nháp", date="29/06/2024", quarter="2024-Q2", unit="mn-sen", draft="true"))
    return site


def write_report(site, tmp_path, *extra: str) -> tuple[subprocess.CompletedProcess, Path, Path]:
    out, table = tmp_path / "bao-cao.docx", tmp_path / "bao-cao.csv"
    result = run("--from", "2024-Q1", "--to", "Quý II/2024", "--docx", str(out), "--csv", str(table), *extra, cwd=site.root)
    return result, out, table


def test_the_report_document_has_the_decree_blocks_with_the_names_from_settings(column, tmp_path):
    result, out, _ = write_report(column, tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Đã ghi {out}" in result.stdout
    document = docx.Document(out)
    letterhead, *_, signature = document.tables
    assert rows(letterhead)[0] == [
        "UBND XÃ HOÀ LẠC\nTRƯỜNG THCS HOÀ LẠC\n",  # managing body above the issuing body, then its short line
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
    ]
    number, dated = rows(letterhead)[1]
    assert number.replace("\xa0", " ").split() == ["Số:", "/BC-" + "…" * 6]  # the number is the office's to fill in
    assert dated.replace("\xa0", " ").split() == ["Hoà", "Lạc,", "ngày", "tháng", "năm", "2024"]
    paragraphs = texts(document)
    subject = (
        "Kết quả đăng tin, bài tuyên truyền nâng cao nhận thức về bình đẳng giới trên cổng thông tin điện tử 6 tháng đầu năm 2024"
    )
    assert paragraphs[paragraphs.index("BÁO CÁO") + 1] == subject
    assert "1. Kỳ báo cáo: từ Quý I/2024 đến Quý II/2024 (số liệu tính đến ngày 01/11/2024)." in paragraphs
    assert any(p.startswith("2. Yêu cầu: mỗi quý, mỗi đơn vị có ít nhất 01 tin, bài") for p in paragraphs)
    # The draft does not count; the missing quarter is named, not hidden.
    assert "Trong kỳ, các đơn vị đăng 3 tin, bài; 2/2 đơn vị có bài." in paragraphs
    assert "- Trường THCS Hoà Lạc: 2 tin, bài; 1/2 quý có bài." in paragraphs
    assert "- Trường THCS Hoà Lạc: chưa có bài Quý II/2024." in paragraphs
    assert paragraphs[-2].endswith("của Trường THCS Hoà Lạc./.")
    recipients, signer = rows(signature)[0]
    assert recipients == "Nơi nhận:\n- Phòng GD&ĐT (để báo cáo);\n- Lưu: VT."
    assert signer.split("\n")[0] == "HIỆU TRƯỞNG" and signer.split("\n")[-1] == "Nguyễn Thị Lan"
    assert signer.count("\n") >= 4  # room to sign and stamp


def test_the_report_document_is_a4_with_the_decree_margins_in_times_new_roman_13_to_14(column, tmp_path):
    result, out, _ = write_report(column, tmp_path)
    assert result.returncode == 0, result.stderr
    document = docx.Document(out)
    [section] = document.sections
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)  # in twips

    def within(value, low, high) -> bool:  # Word keeps margins in twips: 15 mm is 850 twips, 14.99 mm
        return Mm(low - 0.05) <= value <= Mm(high + 0.05)

    assert within(section.top_margin, 20, 25) and within(section.bottom_margin, 20, 25)
    assert within(section.left_margin, 30, 35) and within(section.right_margin, 15, 20)
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert normal.font.name == "Times New Roman" and fonts.get(qn("w:eastAsia")) == "Times New Roman"
    body = [p for p in document.paragraphs if p.text.strip()]
    for paragraph in body:  # every paragraph outside the tables: the heading block and the body
        for run in paragraph.runs:
            size = run.font.size or paragraph.style.font.size or normal.font.size
            assert Pt(13) <= size <= Pt(14), (paragraph.text, size)
            assert run.font.name in (None, "Times New Roman")


def test_the_document_numbers_are_the_csv_numbers_and_lists_every_counted_post(column, tmp_path):
    result, out, table = write_report(column, tmp_path)
    assert result.returncode == 0, result.stderr
    document = docx.Document(out)
    _, quarters, topics, posts, _ = document.tables
    written = list(csv.reader(table.open(encoding="utf-8-sig")))
    blank = written.index([])
    assert rows(quarters) == written[:blank]  # per unit and quarter, and the Tổng cộng row
    assert rows(quarters)[-1] == ["Tổng cộng", "2", "1", "3", "2/2 đơn vị có bài", "", "1 đơn vị thiếu bài"]
    assert rows(topics) == written[blank + 1 :]
    assert [cell.paragraphs[0].runs[0].bold for cell in quarters.rows[-1].cells] == [True] * 7  # the total row
    assert rows(posts) == [
        ["TT", "Ngày đăng", "Tiêu đề", "Đường dẫn"],
        [
            "1",
            "08/03/2024",
            "Ngày Quốc tế Phụ nữ (Trường THCS Hoà Lạc)",
            "https://thcs-baokhe.edu.vn/binh-dang-gioi/bai-viet/ngay-quoc-te-phu-nu/",
        ],
        ["2", "20/03/2024", f"{HOSTILE_SHOWN} (Trường THCS Hoà Lạc)", rows(posts)[2][3]],
        ["3", "28/06/2024", "Ngày Gia đình (Trường MN Sen)", "https://thcs-baokhe.edu.vn/binh-dang-gioi/bai-viet/ngay-gia-dinh/"],
    ]


def test_a_long_post_list_is_cut_and_says_so_while_the_tables_count_every_post(column, tmp_path, monkeypatch):
    monkeypatch.setattr("gecolumn.official_report.MAX_LISTED_POSTS", 2)  # the command runs in this process
    result, out, _ = write_report(column, tmp_path)
    assert result.returncode == 0, result.stderr
    document = docx.Document(out)
    assert len(document.tables[-2].rows) == 1 + 2
    assert rows(document.tables[1])[-1][3] == "3"
    assert "Danh sách tin, bài (mục III) ghi 2 tin, bài đầu tiên trong số 3; các bảng tính đủ mọi tin, bài." in texts(document)


def test_hostile_text_stays_text_in_the_document(make_site, tmp_path):
    hostile_name = "Trường {{ 7*7 }} <w:p>{%p if x %}\x0b"
    site = make_site({"start": "2024-Q1", "units": {"thcs-x": {"name": hostile_name}}, "place": "{% raw %}<x>"})
    site.add("a.md", post(title=json.dumps(HOSTILE), date="08/03/2024", tags='["{{ tag }}"]'))
    result, out, _ = write_report(site, tmp_path)
    assert result.returncode == 0, result.stderr
    document = docx.Document(out)  # the XML parses: nothing from a post became markup
    body = "\n".join(texts(document))
    assert "Trường {{ 7*7 }} <w:p>{%p if x %} báo cáo" in body and "49" not in body
    assert rows(document.tables[0])[1][1].startswith("{% raw %}<x>, ngày")
    assert rows(document.tables[-2])[1][2] == HOSTILE_SHOWN
    assert rows(document.tables[2])[1][0] == "{{ tag }}"


def test_recipients_that_are_not_lines_of_text_are_refused_in_the_settings(make_site, tmp_path):
    site = make_site({"start": "2024-Q1", "units": {"thcs-x": "Trường X"}, "recipients": {"a": 1}})
    result, out, _ = write_report(site, tmp_path)
    assert result.returncode == 2 and not out.exists()
    assert "extra.column.recipients" in result.stderr and "phải là một dòng chữ" in result.stderr


def test_an_offices_own_template_lays_out_the_same_report(column, tmp_path):
    own = docx.Document()
    own.add_paragraph("SỞ GD&ĐT — {{ issuing_body }}")
    own.add_paragraph("{%p for text in results %}")
    own.add_paragraph("• {{ text }}")
    own.add_paragraph("{%p endfor %}")
    own.save(tmp_path / "mau.docx")
    result, out, _ = write_report(column, tmp_path, "--template", str(tmp_path / "mau.docx"))
    assert result.returncode == 0, result.stderr
    paragraphs = texts(docx.Document(out))
    assert paragraphs[0] == "SỞ GD&ĐT — Trường THCS Hoà Lạc"
    assert "• Trong kỳ, các đơn vị đăng 3 tin, bài; 2/2 đơn vị có bài." in paragraphs


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"not a zip", "BadZipFile"),
        (None, "'khong_co' is undefined"),  # a name the report does not give
        (None, "unexpected '}'"),  # a tag Word's autocorrect broke
        (None, "'*' is not allowed"),  # ('x' * 400000000): the sandbox stops code, not size
        ("bomb", "unpacks to"),  # 1.5 MB packed, 1.5 GB unpacked
        ("broken", "XMLSyntaxError"),  # a part that is no XML: an error of the template, not of the program
    ],
)
def test_a_template_that_cannot_be_used_is_refused_naming_why(column, tmp_path, content, said):
    template = tmp_path / "mau.docx"
    if content is None:
        own = docx.Document()
        tags = {"undefined": "{{ khong_co }}", "'*'": "{{ ('x' * 400000000) | length }}"}
        own.add_paragraph(next((tag for key, tag in tags.items() if key in said), "{{ issuing_body } }}"))
        own.save(template)
    elif content in ("bomb", "broken"):
        import zipfile

        docx.Document().save(template)
        with zipfile.ZipFile(template, "a", compression=zipfile.ZIP_DEFLATED) as archive:
            if content == "bomb":
                archive.writestr("word/media/bom.bin", b"\0" * 150_000_000)
        if content == "broken":
            with zipfile.ZipFile(template) as original:
                parts = {name: original.read(name) for name in original.namelist()}
            parts["word/document.xml"] = b"<w:document><w:body>"
            with zipfile.ZipFile(template, "w") as archive:
                for name, data in parts.items():
                    archive.writestr(name, data)
    else:
        template.write_bytes(content)
    result, out, _ = write_report(column, tmp_path, "--template", str(template))
    assert result.returncode == 2 and not out.exists()
    assert "LỖI [--template]: không dùng được tệp mẫu Word này" in result.stderr and "Cách sửa" in result.stderr
    assert said in result.stderr


def test_the_shipped_template_is_the_scripts_output():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_report_template", ROOT / "scripts" / "make_report_template.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert (ROOT / "gecolumn" / "templates" / "bao-cao.docx").read_bytes() == script.template_bytes(), (
        "run: python scripts/make_report_template.py"
    )


# --- the district's report -------------------------------------------------------------------


def test_the_district_document_has_the_kpi_line_and_the_json_numbers(tmp_path):
    site = "https://truong.example/"
    for folder, items in (
        ("a", [("Q1", "Fri, 08 Mar 2024 02:00:00 +0000"), ("Q3", "Mon, 15 Jul 2024 02:00:00 +0000")]),
        ("b", [("Q3", "Tue, 20 Aug 2024 02:00:00 +0000")]),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "rss.xml").write_bytes(wordpress_rss(site, items))
    roster = tmp_path / "truong.csv"
    roster.write_text("unit,name,url,since\nth-a,Trường TH A,a,2024-Q1\nth-b,Trường TH B,b,2024-Q1\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "extra:\n  column:\n    start: 2024-Q1\n    school: Phòng GD&ĐT Hoà Lạc\n    units: {pgd: Phòng GD&ĐT Hoà Lạc}\n"
        "    managing_body: UBND huyện Hoà Lạc\n    place: Hoà Lạc\n",
        encoding="utf-8",
    )
    common = ("truong.csv", "--from", "2024-Q1", "--to", "2024-Q4", "--no-ledger", "--no-cache")
    as_json = run(*common, "--format", "json", cwd=tmp_path, today="2025-02-10", script="district.py")
    written = run(*common, "--docx", "pgd.docx", cwd=tmp_path, today="2025-02-10", script="district.py")
    assert as_json.returncode == written.returncode == 1, written.stderr  # a quarter is missing: the same verdict
    report = json.loads(as_json.stdout)
    document = docx.Document(tmp_path / "pgd.docx")
    assert rows(document.tables[0])[0][0] == "UBND HUYỆN HOÀ LẠC\nPHÒNG GD&ĐT HOÀ LẠC\n"  # from mkdocs.yml beside the roster
    assert rows(document.tables[0])[1][1].startswith("Hoà Lạc, ngày")
    assert rows(document.tables[-1])[0][1].startswith("TRƯỞNG PHÒNG")
    paragraphs = texts(document)
    for total in report["totals"]:  # the seeds' KPI line, one per quarter
        number, year = int(total["quarter"][-1]), total["quarter"][:4]
        percent = f"{100 * total['ok'] / total['due']:.1f}".removesuffix(".0").replace(".", ",")
        line = f"- Quý {'I II III IV'.split()[number - 1]}/{year}: {total['ok']}/{total['due']} trường có bài, đạt {percent}%"
        assert any(p.startswith(line) for p in paragraphs), line
    assert "- Quý III/2024: 2/2 trường có bài, đạt 100%." in paragraphs
    assert "- Trường TH A: chưa có bài Quý II/2024, Quý IV/2024." in paragraphs
    table = rows(document.tables[1])
    assert table[0][:5] == ["Đơn vị", "Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024"]
    for school in report["schools"]:
        [row] = [line for line in table if line[0] == school["name"]]
        shown = ["chưa rõ" if q["status"] == "unknown" else str(q["posts"]) for q in school["quarters"]]
        assert row[1:5] == shown
    assert table[-2][:5] == ["Tổng cộng", "1", "0", "2", "0"]
    assert table[-1][:5] == ["Số trường có bài / phải có", "1/2 (50%)", "0/2 (0%)", "2/2 (100%)", "0/2 (0%)"]

    # Nothing proven missing up to Quý III, but B's older quarters are unknown: not "no quarter missing".
    roster.write_text("unit,name,url,since\nth-b,Trường TH B,b,2024-Q1\n", encoding="utf-8")
    unproven = run(
        *common[:4], "2024-Q3", *common[5:], "--docx", "b.docx", cwd=tmp_path, today="2025-02-10", script="district.py"
    )
    assert unproven.returncode == 3, unproven.stderr
    paragraphs = texts(docx.Document(tmp_path / "b.docx"))
    assert "- Trường TH B: chưa rõ Quý I/2024, Quý II/2024 (trang chỉ cho xem các bài gần đây)." in paragraphs
    assert "Không có quý nào thiếu bài." not in paragraphs


# --- LibreOffice: the document as an office prints it ----------------------------------------


@pytest.fixture(scope="session")
def printed(tmp_path_factory) -> str:
    """The text of the demo's report converted to PDF by LibreOffice (headless): one conversion a session."""
    soffice = shutil.which("soffice")
    how = "Install Debian's package: apt-get install libreoffice-writer-nogui"
    require_tool("LibreOffice", soffice is not None, how, "the PDF test")
    assert shutil.which("pdftotext"), "pdftotext not found: apt-get install poppler-utils"
    folder = tmp_path_factory.mktemp("printed")
    result = run(
        "-f", str(ROOT / "mkdocs.yml"), "--from", "2025-Q1", "--to", "2025-Q2", "--docx", str(folder / "bao-cao.docx"),
        cwd=folder, today="2025-12-10",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    profile = (folder / "profile").as_uri()  # its own profile: a LibreOffice the user has open does not lock it
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(folder), "bao-cao.docx"],
        cwd=folder, check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return subprocess.run(["pdftotext", str(folder / "bao-cao.pdf"), "-"], capture_output=True, text=True, check=True).stdout


def test_libreoffice_prints_the_report_with_its_blocks_and_figures(printed):
    words = " ".join(printed.split())
    for block in (
        "UBND XÃ BẢO KHÊ",
        "TRƯỜNG THCS BẢO KHÊ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        "6 tháng đầu năm 2025",
        "Trong kỳ, các đơn vị đăng 4 tin, bài; 2/2 đơn vị có bài.",
        "Tổng cộng",
        "Nơi nhận:",
        "HIỆU TRƯỞNG",
    ):
        assert block in words, block
