"""A Word document (.docx) as the start of a post: its title, its body as Markdown, its photos, and what could not come along.

Staff draft posts in Word with photos from a phone; :func:`import_docx` turns such a file
into what :mod:`gecolumn.scaffold` needs, so nobody retypes it. mammoth reads the document
(a style map says which Word styles are headings) and markdownify writes the Markdown; in
between, the HTML is tidied on its tree: Word's junk (empty paragraphs, line breaks used as
spacing, non-breaking spaces) goes, footnotes become a notes list, and the photos become
files named ``anh-1.jpg``, ``anh-2.png``… next to the post. Whatever does not come along
(an equation, a chart, a style, a linked photo) is an INFO :class:`~gecolumn.problems.Problem`
in :attr:`ImportedDocument.dropped`: nothing the author wrote is lost silently.

A file that is not a .docx (Word 97–2003, a PDF, a password-protected or corrupt file, a zip
bomb, a file too large) raises :class:`DocxRefused` before anything is converted; so does a part
declaring a DTD, whose entities XML readers would expand, and a text longer than a post can be.

>>> document = import_docx("tests/fixtures/bai-viet-8-3.docx")
>>> document.title, [image.name for image in document.images]
('Ngày Quốc tế Phụ nữ 8/3: Giỏi việc trường – Đảm việc nhà', ['anh-1.jpg', 'anh-2.png'])
"""

from __future__ import annotations

import hashlib
import io
import lzma
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

import mammoth
import mammoth.html
from bs4 import BeautifulSoup, NavigableString, Tag
from markdownify import MarkdownConverter, chomp

from gecolumn.codes import Code
from gecolumn.posts import MAX_PARAGRAPH_CHARS, long_inline_text
from gecolumn.problems import Problem, Refusal, Severity, megabytes
from gecolumn.site import EXCERPT_LENGTH, shortened
from gecolumn.sources import MAX_ASSET_BYTES, MAX_POST_BYTES

MAX_DOCX_BYTES = 50_000_000
"""A post with its photos, saved as .docx, is a few MB; past this it is a mistake (a video inside?)."""
MAX_UNPACKED_BYTES = 200_000_000
"""What all the parts of a .docx may add up to once uncompressed (checked before anything is read)."""
MAX_PARTS = 2000
"""A .docx has tens of parts, a few hundred with many photos."""
MAX_RATIO = 100
"""How much one part may shrink when compressed; Word's XML shrinks 5–20 times, a zip bomb thousands."""
MAX_IMAGE_BYTES = MAX_ASSET_BYTES
"""The largest file the column publishes (:mod:`gecolumn.sources`)."""
MAX_TITLE_CHARS = 200
MAX_AUTHOR_CHARS = 200
"""What the header's ``title`` and ``author`` hold (:mod:`gecolumn.fields`): longer document properties are cut."""
SUMMARY_LENGTH = EXCERPT_LENGTH
"""A summary made from the first paragraph is as long as an excerpt: what a card and a feed show."""

IMAGE_TYPES = {b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png", b"GIF87a": "gif", b"GIF89a": "gif"}
"""Magic bytes of the photo types a browser shows, by what the file really is (not what the .docx says)."""

DTD_MARKS = tuple(mark.encode(encoding) for mark in ("<!doctype", "<!entity") for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
"""How a DTD starts, in every encoding expat reads, lower-cased: Word never writes one, a billion-laughs file must."""

LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
"""Links that still lead somewhere once the text is a web page (as :mod:`gecolumn.sanitize` allows)."""

STYLE_MAP = (
    """
p[style-name='Title'] => h1:fresh
p[style-name='Heading 1'] => h1:fresh
p[style-name='Heading 2'] => h2:fresh
p[style-name='Heading 3'] => h3:fresh
p[style-name='Heading 4'] => h4:fresh
p[style-name='Heading 5'] => h5:fresh
p[style-name='Heading 6'] => h6:fresh
p.Heading1 => h1:fresh
p.Heading2 => h2:fresh
p.Heading3 => h3:fresh
p:unordered-list(1) => ul > li:fresh
p:unordered-list(2) => ul|ol > li > ul > li:fresh
p:unordered-list(3) => ul|ol > li > ul|ol > li > ul > li:fresh
p:unordered-list(4) => ul|ol > li > ul|ol > li > ul|ol > li > ul > li:fresh
p:ordered-list(1) => ol > li:fresh
p:ordered-list(2) => ul|ol > li > ol > li:fresh
p:ordered-list(3) => ul|ol > li > ul|ol > li > ol > li:fresh
p:ordered-list(4) => ul|ol > li > ul|ol > li > ul|ol > li > ol > li:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
r[style-name='Strong'] => strong
r[style-name='Emphasis'] => em
"""
    + "".join(
        f"p[style-name='{name}'] => p:fresh\n"
        for name in (
            # Word's and LibreOffice's styles for ordinary text: nothing to keep but the text.
            *("Normal", "Normal (Web)", "No Spacing", "Default", "Standard", "Plain Text", "Subtitle"),
            *("Body Text", "Body Text 2", "Body Text 3", "Body Text Indent", "Body Text First Indent", "Text Body"),
            *("List Paragraph", "List", "List Bullet", "List Number", "Caption", "Table Contents", "Table Heading"),
            *("Frame Contents", "Footnote", "Footnote Text", "Endnote", "Endnote Text", "Annotation Text", "Signature"),
            *("toc 1", "toc 2", "toc 3", "Contents 1", "Contents 2", "Contents 3", "Header", "Footer", "Block Text"),
        )
    )
    + "".join(
        f"r[style-name='{name}'] =>\n"
        for name in (
            *("Hyperlink", "Internet Link", "FollowedHyperlink", "Visited Internet Link", "Default Paragraph Font"),
            *("Footnote Reference", "Footnote Characters", "Footnote Anchor", "Footnote Text Char"),
            *("Endnote Reference", "Endnote Characters", "Endnote Anchor", "Annotation Reference", "Page Number"),
            *("Heading 1 Char", "Heading 2 Char", "Heading 3 Char", "Title Char", "Subtitle Char", "Body Text Char"),
            *("Strong Emphasis", "Emphasis Char", "Placeholder Text", "Numbering Symbols", "Bullets"),
        )
    )
)
"""Which Word styles are which HTML; a style not named here is reported (its text is kept)."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SILENT_DROPS = {
    "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart": Code.DOCX_DROPPED_CHART,
    "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds": Code.DOCX_DROPPED_SMARTART,
    f"{_W}commentReference": Code.DOCX_DROPPED_COMMENT,
}
"""What mammoth skips without a word: charts, SmartArt, reviewers' comments."""

_EQUATIONS = ("officeDocument/2006/math}oMath", "officeDocument/2006/math}oMathPara")
_NOTE_MARKER = "data-note"  # on the <sup> of a footnote's number: not part of a summary
_BREAK = "\ue000"  # a line break the author meant (one, inside a paragraph): two trailing spaces once the text is tidy
# A line feed inside a run is a space in Word; in Markdown it would start a line (a heading, a list).
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u00ad": None, "\u200b": None, "\n": " ", "\r": " "})


class ImportedImage(NamedTuple):
    """A photo from the document: the file name it gets next to the post, its bytes, and its alt text."""

    name: str
    data: bytes
    alt: str


@dataclass(frozen=True)
class ImportedDocument:
    """What a .docx gives a new post."""

    title: str | None
    """The first Title / Heading 1 paragraph, else the document's properties; ``None`` if neither."""
    markdown: str
    """The body, without the title; images are referenced by :attr:`ImportedImage.name`."""
    images: tuple[ImportedImage, ...]
    """In document order; one file for a photo used twice."""
    dropped: tuple[Problem, ...]
    """INFO problems naming each kind of thing the conversion left out."""
    author: str | None = None
    """The author in the document's properties (File > Info > Author), if any."""
    summary: str | None = None
    """The first paragraph of prose, as plain text without footnote markers, shortened at a word."""

    @property
    def cover(self) -> str | None:
        """The first photo's file name: the post's cover (``image:``), if the document has a photo."""
        return self.images[0].name if self.images else None


class DocxRefused(Refusal, ValueError):
    """The file is not a .docx that can be read (old Word, PDF, encrypted, corrupt, zip bomb, too large)."""

    def __init__(self, problem: Problem):
        super().__init__(problem.code, problem.line, **problem.params)
        self.problem = problem


def import_docx(path: str | Path, image_prefix: str = "anh") -> ImportedDocument:
    """Convert the .docx at ``path``; photos are named ``<image_prefix>-1.jpg``… Raises :class:`DocxRefused`."""
    where = str(path)
    data = _read_docx_bytes(Path(path), where)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        core_title, core_author = _core_properties(archive)
        silent = _silent_drops(archive, where)
    images = _ImageCollector(where, image_prefix)
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=STYLE_MAP,
            include_default_style_map=False,
            include_embedded_style_map=False,  # a document must not choose its own HTML elements
            external_file_access=False,  # a linked picture must never read a file of this machine
            convert_image=images.convert,
        )
    except Exception as exc:  # mammoth on a hostile or broken part: the file, not the program, is at fault
        raise DocxRefused(Problem(where, Code.DOCX_CORRUPT, params={"problem": _short(exc)})) from exc
    tree = BeautifulSoup(result.value, "html.parser")
    body_title, link_drops = _tidy(tree, where)
    summary = _summary(tree)
    markdown = _tidy_text(_Markdown().convert_soup(tree))
    size = len(markdown.encode("utf-8"))
    if size > MAX_POST_BYTES:  # the check would refuse the post anyway: say so before writing it
        raise DocxRefused(
            Problem(where, Code.DOCX_TOO_LONG, params={"size": megabytes(size), "limit": megabytes(MAX_POST_BYTES)})
        )
    _refuse_long_paragraph(markdown, tree, where, title_was_first=body_title is not None)
    dropped = _unique([*_from_messages(result.messages, where), *images.dropped, *link_drops, *silent])
    return ImportedDocument(body_title or core_title, markdown, tuple(images.kept), dropped, core_author, summary)


def _refuse_long_paragraph(markdown: str, tree: BeautifulSoup, where: str, title_was_first: bool) -> None:
    """Refuse a document with a paragraph the check would refuse in the post (Markdown's time grows with its square).

    Named as its writer finds it in Word: its number among the document's paragraphs (headings,
    list items and table cells included), and its first words.
    """
    long_text = long_inline_text(markdown)
    if long_text is None:
        return
    _, line, length = long_text
    paragraphs = [p.get_text() for p in tree.find_all(_WORD_PARAGRAPHS) if not p.find(_WORD_PARAGRAPHS)]
    long = next((n for n, text in enumerate(paragraphs) if len(text) > MAX_PARAGRAPH_CHARS), None)
    if long is not None:
        number, first = long + 1 + title_was_first, paragraphs[long]
    else:  # several short paragraphs Markdown reads as one (lines of a list): named by the post's blocks
        lines = markdown.split("\n")
        number = len(_PARAGRAPH.findall("\n".join(lines[: line - 1]))) + 1 + title_was_first
        first = _MARKDOWN_ESCAPE.sub(r"\1", lines[line - 1])
    words = " ".join(first.split()[:8])[:80]
    params = {"paragraph": number, "words": words, "length": length, "limit": MAX_PARAGRAPH_CHARS}
    raise DocxRefused(Problem(where, Code.DOCX_PARAGRAPH_TOO_LONG, params=params))


_WORD_PARAGRAPHS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"]
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


# --- refusing what is not a .docx ---------------------------------------------------------------


def _read_docx_bytes(path: Path, where: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DOCX_BYTES:
            params = {"size": megabytes(size), "limit": megabytes(MAX_DOCX_BYTES)}
            raise DocxRefused(Problem(where, Code.DOCX_TOO_LARGE, params=params))
        data = path.read_bytes()
    except OSError as exc:
        raise DocxRefused(Problem(where, Code.UNREADABLE_FILE, params={"problem": exc.strerror or str(exc)})) from exc
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Word 97–2003, or an encrypted .docx inside one
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise DocxRefused(Problem(where, Code.DOCX_ENCRYPTED))
        raise DocxRefused(Problem(where, Code.DOCX_OLD_FORMAT, params={"format": "Word 97–2003 (.doc)"}))
    if data.lstrip()[:5] == b"%PDF-":
        raise DocxRefused(Problem(where, Code.DOCX_PDF))
    if data.startswith(b"{\\rtf"):
        raise DocxRefused(Problem(where, Code.DOCX_OLD_FORMAT, params={"format": "RTF (.rtf)"}))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _refuse_zip_bomb(archive.infolist(), where)
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument"):
                raise DocxRefused(Problem(where, Code.DOCX_OLD_FORMAT, params={"format": "OpenDocument (.odt)"}))
            if "word/document.xml" not in names:
                raise DocxRefused(Problem(where, Code.DOCX_CORRUPT, params={"problem": "no_document"}))
            _refuse_damaged_parts_and_dtds(archive, where)
    except _DAMAGED_PART as exc:
        raise DocxRefused(Problem(where, Code.DOCX_CORRUPT, params={"problem": _short(exc)})) from exc
    return data


_DAMAGED_PART = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, NotImplementedError, RuntimeError)
"""What zipfile raises for a damaged part (a checksum, a cut stream) or one packed in a way it cannot unpack."""
_CHUNK = 1024 * 1024


def _refuse_damaged_parts_and_dtds(archive: zipfile.ZipFile, where: str) -> None:
    """Read every part once, whole and in bounded chunks, before any is parsed: a damaged part or a DTD refuses the file.

    Every part, not only those named ``.xml``: which part is the document, its styles or its
    numbering is said by the relationships, and mammoth follows them to any name. A photo cannot
    be XML, so it is only read to the end, where zipfile checks its checksum.
    """
    overlap = max(len(mark) for mark in DTD_MARKS) - 1
    for part in archive.infolist():
        with archive.open(part) as stream:
            chunk = stream.read(_CHUNK)
            photo = chunk.startswith(tuple(IMAGE_TYPES)) or (chunk[:4] == b"RIFF" and chunk[8:12] == b"WEBP")
            seen = b""
            while chunk:
                if not photo:
                    seen = seen[-overlap:] + chunk.lower()
                    if any(mark in seen for mark in DTD_MARKS):
                        raise DocxRefused(Problem(where, Code.DOCX_DOCTYPE, params={"part": part.filename}))
                chunk = stream.read(_CHUNK)


def _refuse_zip_bomb(parts: list[zipfile.ZipInfo], where: str) -> None:
    """Judge the sizes the archive declares before anything is uncompressed (zipfile stops reading at them)."""
    unpacked = sum(part.file_size for part in parts)
    ratio = max((part.file_size // max(part.compress_size, 1) for part in parts if part.file_size > 1024 * 1024), default=0)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or ratio > MAX_RATIO:
        params = {
            "size": megabytes(unpacked),
            "parts": len(parts),
            "ratio": ratio,
            "limit_size": megabytes(MAX_UNPACKED_BYTES),
            "limit_parts": MAX_PARTS,
            "limit_ratio": MAX_RATIO,
        }
        raise DocxRefused(Problem(where, Code.DOCX_ZIP_BOMB, params=params))


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:200]


# --- what the document holds besides its body -----------------------------------------------------


def _core_properties(archive: zipfile.ZipFile) -> tuple[str | None, str | None]:
    """``dc:title`` and ``dc:creator`` of ``docProps/core.xml`` (File > Properties), where the document has them."""
    try:
        root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, ElementTree.ParseError):
        return None, None

    def text(name: str, limit: int) -> str | None:
        element = root.find(f"{{http://purl.org/dc/elements/1.1/}}{name}")
        value = " ".join((element.text or "").translate(_SPACES).split()) if element is not None else ""
        return value[:limit] or None

    return text("title", MAX_TITLE_CHARS), text("creator", MAX_AUTHOR_CHARS)


def _silent_drops(archive: zipfile.ZipFile, where: str) -> list[Problem]:
    """Charts, SmartArt, comments and text boxes without a fallback: left out by mammoth without a message."""
    try:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    except ElementTree.ParseError as exc:
        raise DocxRefused(Problem(where, Code.DOCX_CORRUPT, params={"problem": _short(exc)})) from exc
    found: Counter[Code] = Counter()
    for element in root.iter():
        code = _SILENT_DROPS.get(element.tag)
        if code is not None:
            found[code] += 1
        elif element.tag == f"{_MC}AlternateContent":
            # mammoth reads only the Fallback of an AlternateContent: a text box whose text is
            # only in the Choice (Word 2010+ without the VML copy) would vanish.
            fallback = element.find(f"{_MC}Fallback")
            in_choice = sum(1 for choice in element.findall(f"{_MC}Choice") for _ in choice.iter(f"{_W}txbxContent"))
            in_fallback = sum(1 for _ in fallback.iter(f"{_W}txbxContent")) if fallback is not None else 0
            found[Code.DOCX_DROPPED_TEXT_BOX] += max(0, in_choice - in_fallback)
    return [_info(where, code, count=count) for code, count in found.items() if count]


def _from_messages(messages: Iterable, where: str) -> list[Problem]:
    """mammoth's warnings, each as the INFO problem that names what was left out."""
    problems = []
    equations = 0
    for message in messages:
        text = message.message
        if style := re.match(r"Unrecognised (?:paragraph|run|table) style: (.*) \(Style ID: (.*)\)$", text):
            # A style used but not defined has no name: mammoth says 'None'; its id is what Word shows then.
            problems.append(_info(where, Code.DOCX_DROPPED_STYLE, style=style[1] if style[1] not in ("", "None") else style[2]))
        elif undefined := re.match(r"(?:Paragraph|Run|Table|Numbering) style with ID (.*) was referenced but not defined", text):
            problems.append(_info(where, Code.DOCX_DROPPED_STYLE, style=undefined[1]))
        elif text.startswith("An unrecognised element was ignored:") and text.endswith(_EQUATIONS):
            equations += 1
        elif text.startswith("Image of type"):
            continue  # said, in the author's words, by _ImageCollector
        elif "external image" in text or text.startswith("Could not find image file"):
            target = re.search(r"image '([^']*)'", text)
            problems.append(_info(where, Code.DOCX_IMAGE_NOT_EMBEDDED, target=target[1] if target else "?"))
        else:
            problems.append(_other(where, text))
    if equations:
        problems.append(_info(where, Code.DOCX_DROPPED_EQUATION, count=equations))
    return problems


def _other(where: str, text: str) -> Problem:
    """Any other warning of mammoth, named by its kind (the staff read Vietnamese, not mammoth's English)."""
    if symbol := re.match(r"A w:sym element with an unsupported character was ignored: char (\S+) in font (.*)$", text):
        return _info(where, Code.DOCX_DROPPED_OTHER, detail="symbol", char=symbol[1], font=symbol[2])
    if broken := re.match(r"Unsupported break type: (.*)$", text):
        return _info(where, Code.DOCX_DROPPED_OTHER, detail="break", value=broken[1])
    if text.startswith("unexpected non-"):
        return _info(where, Code.DOCX_DROPPED_OTHER, detail="table")
    if "complex field" in text:
        return _info(where, Code.DOCX_DROPPED_OTHER, detail="field")
    if element := re.match(r"An unrecognised element was ignored: (.*)$", text):
        return _info(where, Code.DOCX_DROPPED_OTHER, detail="element", element=element[1].rpartition("}")[2])
    return _info(where, Code.DOCX_DROPPED_OTHER, detail="unknown")


def _info(where: str, code: Code, **params: object) -> Problem:
    return Problem(where, code, params=params, severity=Severity.INFO)


def _unique(problems: list[Problem]) -> tuple[Problem, ...]:
    return tuple({(p.code, tuple(sorted(p.params.items()))): p for p in problems}.values())


class _ImageCollector:
    """mammoth's ``convert_image``: keeps each photo a browser can show, as a file named in document order."""

    def __init__(self, where: str, prefix: str):
        self.where = where
        self.prefix = prefix
        self.kept: list[ImportedImage] = []
        self.dropped: list[Problem] = []
        self._by_hash: dict[str, str] = {}
        self._seen = 0

    def convert(self, image) -> list:
        self._seen += 1
        alt = " ".join((image.alt_text or "").translate(_SPACES).split())
        try:
            with image.open() as stream:
                data = stream.read(MAX_IMAGE_BYTES + 1)
        except KeyError:  # the part the picture points to is not in the archive
            self.dropped.append(_info(self.where, Code.DOCX_IMAGE_NOT_EMBEDDED, target=f"#{self._seen}"))
            return []
        if len(data) > MAX_IMAGE_BYTES:
            self.dropped.append(_info(self.where, Code.DOCX_IMAGE_TOO_LARGE, number=self._seen, alt=alt, limit="25 MB"))
            return []
        extension = next((ext for magic, ext in IMAGE_TYPES.items() if data.startswith(magic)), None)
        if extension is None and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            extension = "webp"
        if extension is None:
            kind = image.content_type or "?"
            self.dropped.append(_info(self.where, Code.DOCX_IMAGE_UNSUPPORTED, number=self._seen, kind=kind, alt=alt))
            return []
        digest = hashlib.sha256(data).hexdigest()
        name = self._by_hash.get(digest)
        if name is None:
            name = self._by_hash[digest] = f"{self.prefix}-{len(self.kept) + 1}.{extension}"
            self.kept.append(ImportedImage(name, data, alt))
        return [mammoth.html.element("img", {"src": name, "alt": alt})]


# --- tidying the HTML tree ----------------------------------------------------------------------

_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _tidy(tree: BeautifulSoup, where: str) -> tuple[str | None, list[Problem]]:
    """Word's junk out, notes as a list, the first Title/Heading 1 taken out as the title; returns it and the dropped links."""
    for text in list(tree.find_all(string=True)):
        tidy = text.translate(_SPACES)
        if tidy != text:
            text.replace_with(tidy)
    notes = _take_notes(tree)
    dropped_links = _tidy_links(tree, where)
    _tidy_breaks(tree)
    for block in tree.find_all(_BLOCKS):
        if block.parent is not None and not block.get_text(strip=True) and block.find("img") is None:
            block.decompose()
    for element in tree.find_all(["ul", "ol", "table", "blockquote"]):
        if not element.get_text(strip=True) and element.find("img") is None:
            element.decompose()
    for heading in tree.find_all(_HEADINGS):  # a photo in a heading would be lost as alt text: put it after
        for image in reversed(heading.find_all("img")):
            holder = tree.new_tag("p")
            holder.append(image.extract())
            heading.insert_after(holder)
    title = None
    first = tree.find("h1")
    if first is not None:
        title = " ".join(first.get_text(" ").split())
        first.decompose()
    if tree.find("h1") is not None:  # Title and Heading 1 both used: the body's headings move down a level
        for heading in tree.find_all(_HEADINGS):
            heading.name = f"h{min(int(heading.name[1]) + 1, 6)}"
    if notes:
        heading = tree.new_tag("h2")
        heading.string = "Ghi chú"
        tree.append(heading)
        tree.append(notes)
    return title or None, dropped_links


def _summary(tree: BeautifulSoup) -> str | None:
    """The first paragraph of prose (not a heading, list, table, quote or caption-less photo), as plain text.

    Footnote numbers are left out: "…bình đẳng giới1." is not what the author wrote.
    """
    for paragraph in tree.find_all("p"):
        if paragraph.find_parent(["li", "td", "th", "blockquote"]) is not None:
            continue
        words = [
            str(text)
            for text in paragraph.find_all(string=True)
            if not any(parent.name == "sup" and parent.has_attr(_NOTE_MARKER) for parent in text.parents)
        ]
        summary = shortened("".join(words).replace(_BREAK, " "), SUMMARY_LENGTH)
        if summary:
            return summary
    return None


def _take_notes(tree: BeautifulSoup) -> Tag | None:
    """Footnotes and endnotes as a numbered list under the body, referenced by superscript numbers in reading order."""
    notes = {item["id"]: item for item in tree.find_all("li", id=re.compile(r"^(?:foot|end)note-\d+$"))}
    if not notes:
        return None
    numbered = tree.new_tag("ol")
    for reference in tree.find_all("a", id=re.compile(r"^(?:foot|end)note-ref-\d+$")):
        note = notes.get(reference.get("href", "").lstrip("#"))
        if note is None:
            continue
        number = len(numbered.find_all("li", recursive=False)) + 1
        marker = tree.new_tag("sup", attrs={_NOTE_MARKER: ""})
        marker.string = str(number)
        holder = reference
        # Word's own reference style is superscript, and an author may make it so by hand: one <sup>, not two.
        while holder.parent is not None and holder.parent.name == "sup" and holder.parent.get_text() == holder.get_text():
            holder = holder.parent
        link = holder.find_parent("a")
        holder.replace_with(marker)
        if link is not None:  # a note on a linked word: the number after the link, not inside it
            link.insert_after(marker.extract())
        for back in note.find_all("a", href=re.compile(r"^#(?:foot|end)note-ref-")):
            back.decompose()
        item = tree.new_tag("li")
        for paragraph in note.find_all("p") or [note]:
            if item.contents:
                item.append(" ")
            item.extend(list(paragraph.contents))
        numbered.append(item)
    for list_of_notes in {id(item.parent): item.parent for item in notes.values() if item.parent is not None}.values():
        list_of_notes.decompose()
    return numbered if numbered.contents else None


def _tidy_links(tree: BeautifulSoup, where: str) -> list[Problem]:
    """Links that lead nowhere on the web (within the Word file, to the author's disk, ``javascript:``) keep only their text."""
    dropped = []
    for link in tree.find_all("a"):
        href = (link.get("href") or "").strip()
        if href.lower().startswith(LINK_SCHEMES):
            link["href"] = href
            continue
        if href and not href.startswith("#"):
            dropped.append(_info(where, Code.DOCX_DROPPED_LINK, url=href, text=" ".join(link.get_text(" ").split())))
        link.unwrap()
    return dropped


def _tidy_breaks(tree: BeautifulSoup) -> None:
    """Line breaks at the start or end of a block go; two or more split a paragraph; one is kept where it can be."""
    pending = list(tree.find_all(_BLOCKS))
    while pending:
        block = pending.pop(0)
        for br in block.find_all("br"):
            if br.parent is None:
                continue
            if not _text_before(br, block) or not _text_after(br, block):
                br.decompose()
                continue
            run = [br]
            sibling = br.next_sibling
            while sibling is not None and (
                sibling.name == "br" or (isinstance(sibling, NavigableString) and not sibling.strip())
            ):
                if sibling.name == "br":
                    run.append(sibling)
                sibling = sibling.next_sibling
            if len(run) > 1 and block.name == "p" and br.parent is block:  # spacing made of breaks: two paragraphs
                rest = tree.new_tag("p")
                rest.extend([following.extract() for following in list(run[-1].next_siblings)])
                for extra in run:
                    extra.decompose()
                block.insert_after(rest)
                pending.insert(0, rest)
                break
            for extra in run[1:]:
                extra.decompose()
            br.replace_with(NavigableString(_BREAK if block.name in ("p", "li") else " "))


def _text_before(node: Tag, block: Tag) -> bool:
    for element in node.previous_elements:
        if element is block:
            return False
        if isinstance(element, NavigableString) and element.strip() and element.strip() != _BREAK:
            return True
        if getattr(element, "name", None) == "img":
            return True
    return False


def _text_after(node: Tag, block: Tag) -> bool:
    for element in node.next_elements:
        if element is not block and block not in getattr(element, "parents", ()):
            return False
        if isinstance(element, NavigableString) and element.strip():
            return True
        if getattr(element, "name", None) == "img":
            return True
    return False


# --- writing Markdown -----------------------------------------------------------------------------

_MARKUP = str.maketrans(
    {"\\": r"\\", "`": r"\`", "*": r"\*", "_": r"\_", "[": r"\[", "]": r"\]", "|": r"\|", "&": "&amp;", "<": "&lt;", ">": "&gt;"}
)
"""Every character that opens markup anywhere in a line, escaped wherever it stands.

Each text node is escaped alone, and Word splits text into runs anywhere: a rule that looks at
what follows (``<`` before a letter) misses ``<`` ending one run and ``script>`` starting the
next. So none does. ``<``, ``>`` and ``&`` are entities (Python-Markdown has no backslash escape
for them); with ``[`` and ``]`` escaped, no ``!``, ``(`` or ``)`` can make a link or an image;
``|`` is escaped everywhere, as a table can start mid-paragraph after a line break.
"""
_LINE_START = re.compile(r"^(\s*)(?:(?P<mark>[-+#])|(?P<number>\d{1,9})(?P<dot>[.)])(?=\s|$)|(?P<underline>[=~]))")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_UNSAFE_IN_ADDRESS = re.compile(r"[\s\x00-\x1f\x7f\"'()<>\[\]\\`{|}]")


class _Markdown(MarkdownConverter):
    """markdownify as Python-Markdown (MkDocs) reads it: ATX headings, ``-`` bullets, lists nested by four spaces."""

    def __init__(self) -> None:
        super().__init__(
            heading_style="atx",
            bullets="-",
            strong_em_symbol="*",
            sup_symbol="<sup>",
            sub_symbol="<sub>",
            table_infer_header=True,
            keep_inline_images_in=["td", "th"],
            escape_misc=False,
        )

    def escape(self, text: str, parent_tags: set[str]) -> str:
        """Word's text stays text: what Markdown or HTML would read as markup is escaped."""
        if not text or "_noformat" in parent_tags:
            return text
        text = _LINE_START.sub(_escape_line_start, text.translate(_MARKUP))
        if parent_tags.intersection(_HEADINGS):  # "C#" would lose its "#" as a closing mark
            text = text.replace("#", r"\#")
        return text

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """Always ``[text](address)``: never markdownify's ``<address>`` shortcut, never a title."""
        prefix, suffix, text = chomp(text)
        return f"{prefix}[{text}]({_link_address(el.get('href', ''))}){suffix}" if text else ""

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        alt = " ".join(el.get("alt", "").split()).translate(_MARKUP)
        return f"![{alt}]({el.get('src', '')})"

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = int(parent["start"]) if str(parent.get("start", "")).isdigit() else 1
            bullet = f"{start + len(el.find_previous_siblings('li'))}."
        else:
            bullet = "-"
        first, *rest = text.split("\n")
        indented = ["    " + line if line.strip() else "" for line in rest]
        return "\n".join([f"{bullet} {first}", *indented]) + "\n"


def _escape_line_start(match: re.Match) -> str:
    """``-``, ``+``, ``#``, ``1.``, ``=`` or ``~`` where a line may start: Word's text, not a list, heading or fence."""
    if match["mark"]:
        return f"{match[1]}\\{match['mark']}"
    if match["underline"]:  # no backslash escape in Python-Markdown: an entity
        return f"{match[1]}&#{ord(match['underline'])};"
    return f"{match[1]}{match['number']}\\{match['dot']}"


def _link_address(href: str) -> str:
    """A web address as a Markdown link's target: what could end or split ``(…)`` is percent-encoded, an entity stays text."""
    encoded = _UNSAFE_IN_ADDRESS.sub(lambda found: "".join(f"%{byte:02X}" for byte in found[0].encode()), href)
    return _ENTITY.sub("&amp;", encoded)


def _tidy_text(markdown: str) -> str:
    """No trailing spaces, at most one blank line in a row, one newline at the end; kept line breaks as Markdown's two spaces."""
    lines = [line.rstrip() for line in markdown.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    text = re.sub(rf"[ \t]*{_BREAK}[ \t]*", "  \n", text)
    return text + "\n" if text else ""
