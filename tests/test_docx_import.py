"""Importing a post from Word: real documents saved by LibreOffice (tests/fixtures/README.md), read by import_docx and by new_post --from."""

import html
import io
import os
import pty
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import frontmatter
import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from PIL import Image
from test_tools import run

from gecolumn.codes import Code
from gecolumn.docx_import import DocxRefused, import_docx

FIXTURES = ROOT / "tests" / "fixtures"
DOCX = FIXTURES / "bai-viet-8-3.docx"
TITLE = "Ngày Quốc tế Phụ nữ 8/3: Giỏi việc trường – Đảm việc nhà"
SLUG = "ngay-quoc-te-phu-nu-8-3-gioi-viec-truong-dam-viec-nha"
COLUMN = {"start": "2025-Q1", "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}}}


@pytest.fixture(scope="module")
def imported():
    return import_docx(DOCX)


def as_html(text: str) -> BeautifulSoup:
    """The Markdown as MkDocs renders it (its default extensions)."""
    return BeautifulSoup(markdown.markdown(text, extensions=["toc", "tables", "fenced_code"]), "html.parser")


def variant(
    tmp_path: Path, name: str, document_xml=None, rels=None, media: dict | None = None, parts: dict | None = None
) -> Path:
    """The real document with one part changed, as a careless or hostile editor could leave it.

    ``parts`` maps a part's name to a function of its bytes; a name the document lacks is added (from ``b""``).
    """
    target = tmp_path / name
    parts = dict(parts or {})
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml" and document_xml:
                data = document_xml(data.decode()).encode()
            elif info.filename == "word/_rels/document.xml.rels" and rels:
                data = rels(data.decode()).encode()
            elif media and info.filename in media:
                data = media[info.filename]
            if info.filename in parts:
                data = parts.pop(info.filename)(data)
            out.writestr(info, data)
        for added, make in parts.items():
            out.writestr(added, make(b""))
    return target


# --- what carries over -----------------------------------------------------------------------------


def test_the_title_paragraph_is_the_title_and_is_not_repeated_in_the_body(imported):
    assert imported.title == TITLE
    assert TITLE not in imported.markdown and as_html(imported.markdown).find("h1") is None


def test_headings_emphasis_link_lists_and_table_survive_as_markdown(imported):
    page = as_html(imported.markdown)
    assert [h.get_text() for h in page.find_all("h2")] == ["Hoạt động của nhà trường", "Thông điệp", "Ghi chú"]
    assert [h.get_text() for h in page.find_all("h3")] == ["Kết quả hội thi cắm hoa"]
    assert page.find("strong").get_text() == "Trường THCS Bảo Khê" and page.find("em").get_text() == "Ngày Quốc tế Phụ nữ"
    link = page.find("a", string="Luật Bình đẳng giới")
    assert link["href"].startswith("https://thuvienphapluat.vn/van-ban/")
    bullets = page.find("ul")
    assert [li.find(string=True).strip() for li in bullets.find_all("li", recursive=False)][0].startswith("Tọa đàm")
    nested = bullets.find_all("li", recursive=False)[1].find("ul")  # nested by four spaces, as Python-Markdown needs
    assert nested is not None and [li.get_text() for li in nested.find_all("li")] == [
        "tổ Khoa học tự nhiên;",
        "tổ Khoa học xã hội.",
    ]
    steps = page.find("h2", string="Thông điệp").find_next("ol")
    assert [li.get_text() for li in steps.find_all("li")] == [
        "Chia sẻ việc nhà giữa vợ và chồng.",
        "Dạy con trai và con gái như nhau.",
        "Lên tiếng khi thấy bạo lực.",
    ]
    table = page.find("table")
    assert [th.get_text() for th in table.find_all("th")] == ["Tổ", "Giải", "Điểm"]
    assert [[td.get_text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")] == [
        ["Khoa học tự nhiên", "Nhất", "9,5"],
        ["Khoa học xã hội", "Nhì", "9,0"],
    ]


def test_a_footnote_becomes_a_numbered_note_under_the_body(imported):
    page = as_html(imported.markdown)
    link = page.find("a", string="Luật Bình đẳng giới")
    assert link.next_sibling.name == "sup" and link.next_sibling.get_text() == "1"  # after the link, not inside it
    notes = page.find("h2", string="Ghi chú").find_next("ol")
    assert [li.get_text() for li in notes.find_all("li")] == [
        "Luật Bình đẳng giới số 73/2006/QH11, có hiệu lực từ ngày 01/7/2007."
    ]
    assert "↑" not in imported.markdown and "footnote" not in imported.markdown


def test_a_footnote_number_already_superscript_in_word_is_one_superscript_not_two(tmp_path):
    by_hand = variant(  # the reference run made superscript by its author, outside the link
        tmp_path,
        "chi-so-tren.docx",
        document_xml=lambda xml: xml.replace(
            '<w:r><w:rPr><w:rStyle w:val="FootnoteAnchor"/></w:rPr><w:footnoteReference w:id="2"/></w:r></w:hyperlink>',
            '</w:hyperlink><w:r><w:rPr><w:rStyle w:val="FootnoteAnchor"/><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="2"/></w:r>',
        ),
    )
    text = import_docx(by_hand).markdown
    assert "<sup><sup>" not in text and "Luật-binh-dang-gioi" not in text
    assert ")<sup>1</sup>." in text
    assert as_html(text).find("sup").find("sup") is None


def test_the_summary_is_the_first_paragraph_without_its_footnote_number_cut_at_a_word(imported, tmp_path):
    assert imported.summary == (
        "Sáng ngày 7/3/2025, Công đoàn Trường THCS Bảo Khê tổ chức gặp mặt nữ cán bộ, giáo viên nhân Ngày Quốc tế Phụ "
        "nữ 8/3 theo tinh thần Luật Bình đẳng giới."
    )
    words = " ".join(["Bình đẳng giới"] * 40)  # 599 characters in one paragraph
    long = variant(tmp_path, "dai.docx", document_xml=lambda xml: xml.replace("Sáng ngày 7/3/2025, Công đoàn ", words + " ", 1))
    summary = import_docx(long).summary
    assert (
        len(summary) <= 301
        and summary.endswith("…")
        and summary[:-1] in words
        and summary[:-1].endswith(("Bình", "đẳng", "giới"))
    )


def test_the_author_comes_from_the_document_properties(imported, tmp_path):
    assert imported.author is None  # the fixture's author property is empty
    signed = variant(
        tmp_path,
        "tac-gia.docx",
        parts={
            "docProps/core.xml": lambda xml: xml.replace(
                b"<dc:creator></dc:creator>", "<dc:creator>Nguyễn  Thị Lan</dc:creator>".encode()
            )
        },
    )
    assert import_docx(signed).author == "Nguyễn Thị Lan"


def test_a_style_used_but_not_defined_is_named_by_its_id_never_none(make_site, tmp_path):
    undefined = variant(tmp_path, "kieu-la.docx", document_xml=lambda xml: xml.replace('w:val="Lidn"', 'w:val="TrichDanBao"', 1))
    styles = [p.params for p in import_docx(undefined).dropped if p.code is Code.DOCX_DROPPED_STYLE]
    assert styles == [{"style": "TrichDanBao"}]
    result = run("new_post.py", "--from", str(undefined), "--date", "07/03/2025", cwd=make_site(COLUMN).root)
    assert "kiểu định dạng 'TrichDanBao'" in result.stderr and "'None'" not in result.stderr


def test_what_else_the_converter_drops_is_said_in_vietnamese_not_in_its_english(make_site, tmp_path):
    symbol = '<w:r><w:sym w:font="VNI-Symbols" w:char="F0FC"/></w:r>'
    with_symbol = variant(
        tmp_path, "ky-hieu.docx", document_xml=lambda xml: xml.replace("<w:sectPr", f"<w:p>{symbol}</w:p><w:sectPr", 1)
    )
    result = run("new_post.py", "--from", str(with_symbol), "--date", "07/03/2025", cwd=make_site(COLUMN).root)
    line = next(line for line in result.stderr.splitlines() if "bộ chuyển đổi bỏ qua" in line)
    assert "một ký tự đặc biệt (mã F0FC, phông VNI-Symbols" in line
    assert "w:sym" not in result.stderr and "unsupported" not in result.stderr
    english = run("new_post.py", "--lang", "en", "--from", str(with_symbol), "--date", "07/03/2025", cwd=make_site(COLUMN).root)
    assert "a special character (code F0FC, font VNI-Symbols" in english.stderr


def test_photos_are_files_in_document_order_and_keep_their_alt_text(imported):
    assert [(image.name, image.alt) for image in imported.images] == [
        ("anh-1.jpg", "Cô và trò lớp 8A tặng hoa chúc mừng các cô giáo"),
        ("anh-2.png", "Áp phích: Bình đẳng giới – trách nhiệm của mỗi người"),
    ]
    first = imported.markdown.index("![Cô và trò lớp 8A tặng hoa chúc mừng các cô giáo](anh-1.jpg)")
    assert first < imported.markdown.index("![Áp phích: Bình đẳng giới – trách nhiệm của mỗi người](anh-2.png)")
    assert imported.images[0].data == (FIXTURES / "anh-gps-xoay.jpg").read_bytes()
    assert Image.open(io.BytesIO(imported.images[1].data)).format == "PNG"


def test_the_phone_photo_fixture_really_has_gps_and_orientation_6(imported):
    # The safe-photo tests rely on this photo: make sure it is what it says, in the file and in the .docx.
    for data in ((FIXTURES / "anh-gps-xoay.jpg").read_bytes(), imported.images[0].data):
        photo = Image.open(io.BytesIO(data))
        exif = photo.getexif()
        gps = exif.get_ifd(0x8825)
        assert (photo.format, photo.size, exif[0x0112]) == ("JPEG", (3000, 2000), 6)
        assert gps[1] == "N" and gps[3] == "E" and float(gps[2][0]) == 21.0 and float(gps[4][0]) == 105.0
        assert exif.get_ifd(0x8769)[0xA431] == "R58R12ABCDE"  # a camera serial number too


def test_word_junk_does_not_leak_into_the_markdown(imported):
    text = imported.markdown
    assert "\u00a0" not in text and "\n\n\n" not in text and text.endswith(".\n")
    trailing = [line for line in text.splitlines() if line != line.rstrip()]
    assert trailing == ["Ban Vì sự tiến bộ phụ nữ  "]  # the one line break the author meant, as Markdown writes it
    assert "Ban Vì sự tiến bộ phụ nữ  \nTrường THCS Bảo Khê\n" in text
    assert "Không khí buổi gặp mặt vui tươi, ấm áp.\n\n### Kết quả hội thi cắm hoa" in text  # spacing breaks gone
    assert "nhân *Ngày Quốc tế Phụ nữ* 8/3 theo" in text  # the non-breaking space is a space
    assert "[Luật Bình đẳng giới](https://" in text and ").<sup>1</sup>" not in text.replace(")<sup>1</sup>.", "")
    paragraphs = [block for block in text.split("\n\n")]
    assert all(block.strip() for block in paragraphs)


def test_what_the_converter_drops_is_named_and_the_text_around_it_kept(imported):
    assert {(p.code, tuple(p.params.items())) for p in imported.dropped} == {
        (Code.DOCX_DROPPED_STYLE, (("style", "Lời dẫn"),)),
        (Code.DOCX_DROPPED_EQUATION, (("count", 1),)),
    }
    assert all(p.severity.value == "info" and p.file == str(DOCX) for p in imported.dropped)
    assert "Bình đẳng giới bắt đầu từ những việc nhỏ trong mỗi gia đình." in imported.markdown  # the styled text
    assert "Tỉ số giới tính khi sinh:" in imported.markdown
    assert "Tổng đài quốc gia bảo vệ trẻ em: 111" in imported.markdown  # the text box's text


def test_without_a_title_paragraph_the_document_properties_give_the_title(tmp_path):
    untitled = variant(tmp_path, "khong-tieu-de.docx", document_xml=lambda xml: xml.replace('w:val="Title"', 'w:val="Normal"', 1))
    document = import_docx(untitled)
    assert document.title == "Thuộc tính tiêu đề (không dùng khi có đoạn Title)"
    assert document.markdown.startswith(TITLE + "\n\n")  # no longer a title: a paragraph, kept


def test_charts_smartart_comments_bad_links_and_unshowable_pictures_are_reported(tmp_path):
    extra = (
        '<w:p><w:hyperlink r:id="rIdLocal"><w:r><w:t>tài liệu</w:t></w:r></w:hyperlink>'
        '<w:hyperlink r:id="rIdScript"><w:r><w:t>bấm vào đây</w:t></w:r></w:hyperlink>'
        '<w:r><w:commentReference w:id="0"/></w:r>'
        '<w:r><w:drawing><wp:inline><wp:extent cx="9" cy="9"/><wp:docPr id="90" name="Chart 1"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        '<w:r><w:drawing><wp:inline><wp:extent cx="9" cy="9"/><wp:docPr id="91" name="Diagram 1"/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
        '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rIdD"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )
    links = (
        '<Relationship Id="rIdLocal" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        'Target="file:///C:/Users/Lan/tai-lieu.docx" TargetMode="External"/>'
        '<Relationship Id="rIdScript" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        'Target="javascript:alert(1)" TargetMode="External"/></Relationships>'
    )
    edited = variant(
        tmp_path,
        "bieu-do.docx",
        document_xml=lambda xml: xml.replace("<w:sectPr", extra + "<w:sectPr", 1),
        rels=lambda xml: xml.replace("</Relationships>", links),
        media={"word/media/image2.png": b"\x01\x00\x00\x00EMF, not a picture a browser shows"},
    )
    document = import_docx(edited)
    found = {p.code: p.params for p in document.dropped}
    assert found[Code.DOCX_DROPPED_CHART] == {"count": 1} and found[Code.DOCX_DROPPED_SMARTART] == {"count": 1}
    assert found[Code.DOCX_DROPPED_COMMENT] == {"count": 1}
    assert found[Code.DOCX_IMAGE_UNSUPPORTED]["alt"] == "Áp phích: Bình đẳng giới – trách nhiệm của mỗi người"
    assert {p.params["url"] for p in document.dropped if p.code is Code.DOCX_DROPPED_LINK} == {
        "file:///C:/Users/Lan/tai-lieu.docx",
        "javascript:alert(1)",
    }
    assert [image.name for image in document.images] == ["anh-1.jpg"] and "anh-2" not in document.markdown
    assert "tài liệu" in document.markdown and "bấm vào đây" in document.markdown  # the links' words stay
    assert "javascript:" not in document.markdown and "file:" not in document.markdown


def test_text_that_looks_like_markup_stays_text(tmp_path):
    typed = "1. Mở đầu <b>không đậm</b> &amp; *sao* | cột"
    xml_text = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    in_word = {"Thông điệp": xml_text, "Không khí buổi gặp mặt vui tươi, ấm áp.": xml_text, "9,5": "- 9 | 10"}

    def typed_by_hand(xml: str) -> str:
        for old, new in in_word.items():
            xml = xml.replace(old, new, 1)
        return xml

    page = as_html(import_docx(variant(tmp_path, "go-tay.docx", document_xml=typed_by_hand)).markdown)
    assert page.find("h2", string=typed) is not None  # not "1." as a list, "<b>" as HTML, "*" as emphasis
    assert page.find("p", string=typed) is not None
    assert page.find("td", string="- 9 | 10") is not None  # a "|" in a cell does not split it


BREAK = object()
"""A line break (Shift+Enter) between two runs."""
BOOKMARK = object()
"""A bookmark between two runs (Word adds hidden ``_Hlk…`` ones when text is copied or linked): nothing to see."""

HIDDEN_IN_RUNS = [
    # Each paragraph as Word stores it: runs of text, every other one bold, so that no run alone looks like markup.
    ["Xem video <ifr", "ame src=https://evil.example/x></iframe> nhé"],
    ["Chú ý <", "script>alert(1)</script>"],
    ["Xem <", BOOKMARK, "iframe src=https://www.youtube.com/embed/x></iframe>"],
    ["Mã &", BOOKMARK, "lt;b&gt; không đậm"],
    ["Ảnh <", "img src=https://track.example/p.gif>"],
    ["Bấm !", "[vào đây](https://phish.example/dang-nhap)"],
    ["Bấm [vào đây]", "(https://phish.example/dang-nhap)"],
    ["Mã &", "lt;script&gt; còn nguyên"],
    ["Địa chỉ <", "https://phish.example/dang-nhap>"],
    ["Chéo \\", "*không nghiêng*"],
    ["Dấu `", "huyền` và ``x``"],
    ["Dòng một\n# Tiêu đề giả\n- mục giả"],  # a line feed inside a run: Word shows a space
    ["Tiêu đề giả", BREAK, "==="],
    ["Cột | Giá", BREAK, ":-- | --", BREAK, "a | b"],
    ["~~~", BREAK, "<b>không đậm</b>", BREAK, "~~~"],
]

WEB_TARGETS = {
    "bài có ngoặc": "https://vi.wikipedia.org/wiki/Bình_đẳng_giới_(khái_niệm)",
    "ngoặc đóng sớm": "https://ok.example/a) [x](https://phish.example/dang-nhap",
    "dấu cách và ngoặc kép": 'https://ok.example/a b "tiêu đề"',
    "thẻ trong địa chỉ": "https://ok.example/?q=<img src=x>&p=1",
    "thực thể trong địa chỉ": "https://ok.example/?a=1&lt;script&gt;",
    "https://ok.example/a>b": "https://ok.example/a>b",  # text and address alike: markdownify's <…> shortcut
    "thư": "mailto:lan@truong.edu.vn?subject=Bình đẳng giới",
}
ALT = "Cô và trò lớp 8A tặng hoa chúc mừng các cô giáo"
HIDDEN_IN_ALT = "Cô `và` trò](https://phish.example) <script>alert(1)</script> & *hoa*"

OTHER_TARGETS = {
    "tệp trên máy": "file:///C:/Users/Lan/tai-lieu.docx",
    "mã": "javascript:alert(1)",
    "trang dữ liệu": "data:text/html,<script>alert(1)</script>",
    "vb": "vbscript:msgbox(1)",
}


def hidden_markup(tmp_path: Path) -> Path:
    """The real document with paragraphs whose runs and links, put together, would read as HTML or Markdown."""

    def runs(parts: list) -> str:
        xml = ""
        for number, part in enumerate(parts):
            if part is BREAK:
                xml += "<w:r><w:br/></w:r>"
                continue
            if part is BOOKMARK:
                xml += f'<w:bookmarkStart w:id="{90 + number}" w:name="_Hlk{90 + number}"/><w:bookmarkEnd w:id="{90 + number}"/>'
                continue
            bold = "<w:rPr><w:b/></w:rPr>" if number % 2 else ""
            xml += f'<w:r>{bold}<w:t xml:space="preserve">{html.escape(part, quote=False)}</w:t></w:r>'
        return xml

    targets = {**WEB_TARGETS, **OTHER_TARGETS}
    paragraphs = "".join(f"<w:p>{runs(parts)}</w:p>" for parts in HIDDEN_IN_RUNS)
    links = "".join(f'<w:p><w:hyperlink r:id="rIdHidden{n}">{runs([text])}</w:hyperlink></w:p>' for n, text in enumerate(targets))
    relationships = "".join(
        f'<Relationship Id="rIdHidden{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" '
        f'Target="{html.escape(target)}" TargetMode="External"/>'
        for n, target in enumerate(targets.values())
    )
    return variant(
        tmp_path,
        "an-ma.docx",
        document_xml=lambda xml: xml.replace("<w:sectPr", paragraphs + links + "<w:sectPr", 1).replace(
            ALT, html.escape(HIDDEN_IN_ALT)
        ),
        rels=lambda xml: xml.replace("</Relationships>", relationships + "</Relationships>"),
    )


def test_markup_split_across_runs_or_hidden_in_a_link_reaches_the_page_as_the_text_word_shows(tmp_path):
    document = import_docx(hidden_markup(tmp_path))
    page = as_html(document.markdown)
    assert page.find_all(["iframe", "script", "pre", "code", "h1"]) == [], document.markdown
    assert [image["src"] for image in page.find_all("img")] == ["anh-1.jpg", "anh-2.png"]  # Word's two photos, no more
    assert page.find("img")["alt"] == HIDDEN_IN_ALT
    assert len(page.find_all("table")) == 1 and len(page.find_all(["ul", "ol"])) == 4  # the document's own
    shown = {" ".join(paragraph.get_text().split()) for paragraph in page.find_all("p")}
    for parts in HIDDEN_IN_RUNS:
        word = "".join(" " if part is BREAK else "" if part is BOOKMARK else part for part in parts)
        assert " ".join(word.split()) in shown, parts
    links = [(link.get_text(), unquote(link["href"])) for link in page.find_all("a")]
    assert links[1:] == [(text, unquote(target)) for text, target in WEB_TARGETS.items()]  # [0]: the document's own
    assert set(OTHER_TARGETS) <= shown  # the words of a link that leads nowhere on the web stay, as text
    dropped = {p.params["url"] for p in document.dropped if p.code is Code.DOCX_DROPPED_LINK}
    assert dropped == set(OTHER_TARGETS.values())


# --- what is refused -------------------------------------------------------------------------------


def zip_of(path: Path, members: dict[str, bytes | int]) -> Path:
    """A zip with these members; an int is that many zero bytes, written in 1 MB pieces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in members.items():
            if isinstance(content, int):
                with archive.open(name, "w", force_zip64=True) as member:
                    for _ in range(content // 2**20):
                        member.write(bytes(2**20))
            else:
                archive.writestr(name, content)
    return path


BAD_INPUTS = {
    "old-word": (lambda tmp: FIXTURES / "bai-viet-cu.doc", Code.DOCX_OLD_FORMAT, "Lưu lại dưới dạng .docx"),
    "pdf": (lambda tmp: FIXTURES / "bai-viet-cu.pdf", Code.DOCX_PDF, "tệp này là PDF"),
    "password": (lambda tmp: FIXTURES / "bai-viet-mat-khau.docx", Code.DOCX_ENCRYPTED, "có mật khẩu"),
    "truncated": (
        lambda tmp: (tmp / "cut.docx").write_bytes(DOCX.read_bytes()[:20000]) and tmp / "cut.docx",
        Code.DOCX_CORRUPT,
        "tệp bị hỏng",
    ),
    "not-a-document": (
        lambda tmp: (tmp / "ghi-chu.docx").write_text("chỉ là chữ", encoding="utf-8") and tmp / "ghi-chu.docx",
        Code.DOCX_CORRUPT,
        "không phải văn bản Word",
    ),
    "other-zip": (lambda tmp: zip_of(tmp / "anh.docx", {"anh.jpg": b"x"}), Code.DOCX_CORRUPT, "word/document.xml"),
    "opendocument": (
        lambda tmp: zip_of(tmp / "bai.docx", {"mimetype": b"application/vnd.oasis.opendocument.text"}),
        Code.DOCX_OLD_FORMAT,
        "OpenDocument",
    ),
    "bomb-ratio": (
        lambda tmp: zip_of(tmp / "bom.docx", {"word/document.xml": 30 * 2**20}),
        Code.DOCX_ZIP_BOMB,
        "bom nén",
    ),
    "bomb-size": (
        lambda tmp: zip_of(tmp / "bom.docx", {f"word/media/{n}.bin": 70 * 2**20 for n in range(3)}),
        Code.DOCX_ZIP_BOMB,
        "bom nén",
    ),
    "bomb-parts": (
        lambda tmp: zip_of(tmp / "bom.docx", {f"word/p{n}.xml": b"<a/>" for n in range(2001)}),
        Code.DOCX_ZIP_BOMB,
        "2001 phần",
    ),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_a_file_that_is_not_a_readable_docx_is_refused_with_its_own_code(kind, tmp_path):
    make, code, _ = BAD_INPUTS[kind]
    with pytest.raises(DocxRefused) as refused:
        import_docx(make(tmp_path))
    assert refused.value.problem.code is code


def test_a_docx_over_50_mb_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "lon.docx"
    with open(huge, "wb") as handle:
        handle.truncate(51 * 2**20)  # sparse: nothing is written, nothing would be read
    with pytest.raises(DocxRefused) as refused:
        import_docx(huge)
    assert refused.value.problem.code is Code.DOCX_TOO_LARGE and refused.value.problem.params["limit"] == "50.0 MB"


# --- hostile Word files ----------------------------------------------------------------------------

LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY ha "ha">'
    '<!ENTITY ha2 "&ha;&ha;&ha;&ha;&ha;&ha;&ha;&ha;&ha;&ha;">'
    '<!ENTITY ha3 "&ha2;&ha2;&ha2;&ha2;&ha2;&ha2;&ha2;&ha2;&ha2;&ha2;">]>'
)
"""A billion laughs, three levels deep instead of ten: 1,000 "ha" where the text says ``&ha3;``."""

XML_PARTS = [name for name in zipfile.ZipFile(DOCX).namelist() if not name.startswith("word/media/")]


def with_dtd(form: str):
    """A part's bytes with a DTD declared the way ``form`` names, the XML still well-formed."""

    def declare(data: bytes) -> bytes:
        declaration, _, rest = data.partition(b"?>") if data.startswith(b"<?xml") else (b"", b"", data)
        head = declaration + b"?>" if declaration else b""
        if form == "declared":
            return head + LAUGHS.encode() + rest
        if form == "lower-case":
            return head + b'<!doctype w [<!entity ha "ha">]>' + rest
        if form == "after-bom-and-comment":
            return b"\xef\xbb\xbf" + head + b"\n<!-- Word 2016 -->\n" + LAUGHS.encode() + rest
        if form == "external":
            return head + b'<!DOCTYPE w SYSTEM "file:///etc/passwd">' + rest
        if form == "utf-16":
            text = (head.replace(b"UTF-8", b"UTF-16") + LAUGHS.encode() + rest).decode()
            return text.encode("utf-16")  # with its byte order mark, as expat reads it
        raise AssertionError(form)

    return declare


DTD_CASES = [(part, "declared") for part in XML_PARTS] + [
    (part, form)
    for part in ("word/document.xml", "word/styles.xml")
    for form in ("lower-case", "after-bom-and-comment", "external", "utf-16")
]


@pytest.mark.parametrize(("part", "form"), DTD_CASES)
def test_a_dtd_in_any_part_of_a_docx_is_refused_before_the_part_is_parsed(part, form, tmp_path):
    hostile = variant(tmp_path, "dtd.docx", parts={part: with_dtd(form)})
    with pytest.raises(DocxRefused) as refused:
        import_docx(hostile)
    assert refused.value.problem.code is Code.DOCX_DOCTYPE and refused.value.problem.params == {"part": part}


def test_a_dtd_in_a_part_named_like_a_photo_is_refused_too(tmp_path):
    # Which part is the styles, the numbering… is said by the relationships, not by its name.
    hidden = variant(
        tmp_path,
        "dtd-media.docx",
        parts={"word/media/styles.xml": lambda _: b'<?xml version="1.0"?>' + LAUGHS.encode() + b"<w:styles/>"},
    )
    with pytest.raises(DocxRefused) as refused:
        import_docx(hidden)
    assert refused.value.problem.code is Code.DOCX_DOCTYPE and refused.value.problem.params == {"part": "word/media/styles.xml"}


def test_new_post_refuses_a_word_file_whose_text_expands_entities_and_writes_nothing(make_site, tmp_path):
    def laughing(xml: str) -> str:
        return xml.replace("?>", "?>" + LAUGHS, 1).replace("vui tươi", "&ha3;", 1)

    site = make_site(COLUMN)
    hostile = variant(tmp_path, "cuoi.docx", document_xml=laughing)
    result = run("new_post.py", "--from", str(hostile), "--date", "07/03/2025", cwd=site.root)
    assert result.returncode == 2, result.stderr
    assert f"{hostile}: LỖI: tệp .docx này có phần word/document.xml chứa khai báo DTD" in result.stderr
    assert "Lưu thành" in result.stderr and "Traceback" not in result.stderr
    assert list(site.posts.rglob("*")) == []


def test_new_post_refuses_a_word_file_whose_text_is_longer_than_a_post_and_writes_nothing(make_site, tmp_path):
    paragraph = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
    pages = "".join(
        paragraph.format(f"Đoạn {n}: bình đẳng giới bắt đầu từ gia đình, số {n * 7919 % 10007}.") for n in range(20_000)
    )
    site = make_site(COLUMN)
    long = variant(tmp_path, "dai.docx", document_xml=lambda xml: xml.replace("<w:sectPr", pages + "<w:sectPr", 1))
    result = run("new_post.py", "--from", str(long), "--date", "07/03/2025", cwd=site.root)
    assert result.returncode == 2, result.stderr
    assert f"{long}: LỖI: chữ chuyển từ tệp Word dài" in result.stderr and "quá giới hạn một bài (1.0 MB)" in result.stderr
    assert list(site.posts.rglob("*")) == []


def test_new_post_refuses_a_word_file_with_a_paragraph_the_build_would_refuse_and_writes_nothing(make_site, tmp_path):
    # A 30,000-character paragraph imported into a post that the check then refused
    # (paragraph_too_long): the import says which paragraph, before writing anything.
    long = "Bình đẳng giới bắt đầu từ gia đình, nhà trường và xã hội. " * 520  # 30,160 characters
    paragraph = '<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>'
    site = make_site(COLUMN)
    word = variant(
        tmp_path, "dai.docx", document_xml=lambda xml: xml.replace("<w:sectPr", paragraph.format(long) + "<w:sectPr", 1)
    )
    result = run("new_post.py", "--from", str(word), "--date", "07/03/2025", cwd=site.root)
    assert result.returncode == 2, result.stderr
    message = f"{word}: LỖI: đoạn thứ "
    assert message in result.stderr and "(bắt đầu bằng “Bình đẳng giới bắt đầu từ gia đình,…”) dài 30159 ký tự" in result.stderr
    assert "tách đoạn đó thành nhiều đoạn ngắn" in result.stderr and "Traceback" not in result.stderr
    assert list(site.posts.rglob("*")) == []
    english = run("new_post.py", "--from", str(word), "--date", "07/03/2025", "--lang", "en", cwd=site.root)
    assert english.returncode == 2 and "is 30159 characters long" in english.stderr, english.stderr


def with_bad_crc(tmp_path: Path, part: str) -> Path:
    """The real document with one byte of ``part`` changed after it was zipped, as a bad disk or download leaves it."""
    target = tmp_path / "hong.docx"
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            method = zipfile.ZIP_STORED if info.filename == part else zipfile.ZIP_DEFLATED
            out.writestr(info.filename, source.read(info), compress_type=method)
    with zipfile.ZipFile(target) as archive:
        info = archive.getinfo(part)
    data = bytearray(target.read_bytes())
    local = info.header_offset
    start = (
        local
        + 30
        + int.from_bytes(data[local + 26 : local + 28], "little")
        + int.from_bytes(data[local + 28 : local + 30], "little")
    )
    data[start + info.compress_size // 2] ^= 0x01  # stored, not deflated: the zip still opens, only the checksum tells
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("part", ["docProps/core.xml", "word/document.xml", "word/styles.xml", "word/media/image1.jpeg"])
def test_new_post_says_a_docx_with_a_damaged_part_is_damaged_not_a_bug(part, make_site, tmp_path):
    site = make_site(COLUMN)
    damaged = with_bad_crc(tmp_path, part)
    result = run("new_post.py", "--from", str(damaged), "--date", "07/03/2025", cwd=site.root)
    assert result.returncode == 2
    assert f"{damaged}: LỖI: tệp bị hỏng hoặc không phải văn bản Word (Bad CRC-32 for file '{part}')" in result.stderr
    assert "lỗi ngoài dự kiến" not in result.stderr and "Traceback" not in result.stderr
    assert list(site.posts.rglob("*")) == []


# --- through the command ---------------------------------------------------------------------------


def test_new_post_from_word_writes_a_post_and_its_photos_that_pass_the_check_and_build_strict(make_site):
    site = make_site(COLUMN)
    result = run(
        "new_post.py", "--from", str(DOCX), "--unit", "thcs-bao-khe", "--date", "07/03/2025", cwd=site.root, today="2025-03-10"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"posts/2025/{SLUG}.md",
        f"posts/2025/{SLUG}-anh-1.jpg",
        f"posts/2025/{SLUG}-anh-2.png",
    ]
    text = (site.posts / f"2025/{SLUG}.md").read_text(encoding="utf-8")
    assert text.startswith(f"---\ntitle: '{TITLE}'\ndate: 07/03/2025\nquarter: 2025-Q1\nunit: thcs-bao-khe\n")
    assert f"![Cô và trò lớp 8A tặng hoa chúc mừng các cô giáo]({SLUG}-anh-1.jpg)" in text
    with Image.open(site.posts / f"2025/{SLUG}-anh-1.jpg") as photo:  # turned upright, its GPS EXIF gone
        assert photo.size == (2000, 3000) and not photo.getexif()
    info = [line for line in result.stderr.splitlines() if ": THÔNG TIN: " in line]
    assert len(info) == 3 and "'Lời dẫn'" in info[0] and "công thức toán" in info[1]
    assert info[2].startswith(f"posts/2025/{SLUG}.md: THÔNG TIN: bài được tạo từ tệp Word là bản nháp (draft: true)")
    assert "thêm chủ đề (tags)" in info[2] and "mkdocs serve" in info[2] and "xoá dòng 'draft: true'" in info[2]

    header = frontmatter.loads(text).metadata  # what the document knows is filled in
    assert header["image"] == f"{SLUG}-anh-1.jpg" and header["draft"] is True
    assert header["summary"].startswith("Sáng ngày 7/3/2025, Công đoàn Trường THCS Bảo Khê tổ chức gặp mặt")
    assert header["summary"].endswith("theo tinh thần Luật Bình đẳng giới.")  # the footnote's number left out
    assert site.check("--today", "2025-03-10").returncode == 0  # a draft: nothing due yet in 2025-Q1
    (site.posts / f"2025/{SLUG}.md").write_text(text.replace("draft: true\n", ""), encoding="utf-8")  # the author's last step

    check = site.check("--today", "2025-03-10")
    assert check.returncode == 0, check.stdout + check.stderr
    build = site.build("--strict", today="2025-03-10")
    assert build.returncode == 0, build.stderr
    page = site.html(f"bai-viet/{SLUG}/index.html")
    assert page.find("h1").get_text(strip=True) == TITLE and page.find("table") is not None
    assert page.find("meta", property="og:image")["content"].endswith(".jpg")  # the first photo is the cover
    assert [img["alt"] for img in page.select("article img, .md-content img")][:2] == [
        "Cô và trò lớp 8A tặng hoa chúc mừng các cô giáo",
        "Áp phích: Bình đẳng giới – trách nhiệm của mỗi người",
    ]


def test_given_title_wins_and_the_documents_title_is_said_to_be_replaced(make_site):
    site = make_site(COLUMN)
    result = run("new_post.py", "--from", str(DOCX), "--title", "Gặp mặt 8/3", "--date", "07/03/2025", cwd=site.root)
    assert result.returncode == 0, result.stderr
    text = (site.posts / "2025/gap-mat-8-3.md").read_text(encoding="utf-8")
    assert "title: Gặp mặt 8/3\n" in text and TITLE not in text
    assert f"tiêu đề trong tệp Word '{TITLE}' được thay bằng tiêu đề đã nhập 'Gặp mặt 8/3'" in result.stderr


@pytest.mark.parametrize("kind", ["old-word", "pdf", "password", "truncated", "bomb-ratio"])
def test_new_post_refuses_what_is_not_a_docx_and_writes_nothing(kind, make_site, tmp_path):
    make, code, words = BAD_INPUTS[kind]
    site = make_site(COLUMN)
    result = run("new_post.py", "--from", str(make(tmp_path)), "--date", "07/03/2025", cwd=site.root)
    assert result.returncode == 2
    assert ": LỖI: " in result.stderr and words in result.stderr and "Traceback" not in result.stderr
    assert list(site.posts.rglob("*")) == []


def test_new_post_from_word_never_overwrites_a_post_or_a_photo(make_site):
    site = make_site(COLUMN)
    post = site.add(f"2025/{SLUG}.md", "bài của cô Lan\n")
    result = run("new_post.py", "--from", str(DOCX), "--date", "07/03/2025", cwd=site.root)
    assert result.returncode == 1 and "không ghi đè" in result.stderr
    assert post.read_text(encoding="utf-8") == "bài của cô Lan\n" and sorted(site.posts.rglob("*")) == [post.parent, post]

    post.unlink()
    photo = site.add(f"2025/{SLUG}-anh-2.png", b"anh cua co Lan")
    result = run("new_post.py", "--from", str(DOCX), "--date", "07/03/2025", cwd=site.root)
    assert result.returncode == 1 and f"{SLUG}-anh-2.png; không ghi đè" in result.stderr
    assert photo.read_bytes() == b"anh cua co Lan" and sorted(site.posts.rglob("*")) == [photo.parent, photo]


def test_new_post_asks_for_the_word_file_when_run_in_a_terminal(make_site):
    site = make_site(COLUMN)
    leader, follower = pty.openpty()
    os.write(leader, f'"{DOCX}"\n07/03/2025\n'.encode())  # quoted, as Windows' "Copy as path" gives it
    result = run("new_post.py", cwd=site.root, stdin=follower)
    os.close(leader), os.close(follower)
    assert result.returncode == 0, result.stderr
    assert "Nhập từ tệp Word (.docx)?" in result.stdout and "Tiêu đề bài viết:" not in result.stdout
    assert re.search(rf"posts/2025/{SLUG}\.md", result.stdout)
    assert (site.posts / f"2025/{SLUG}-anh-1.jpg").is_file()
