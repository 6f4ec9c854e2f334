"""Photos at rest: what a photo in the repository tells about where it was taken and with which camera, and taking it out.

The site publishes re-encoded copies without metadata (:mod:`gecolumn.images`), but the
originals under ``posts/`` are in the repository, and a public repository serves them as they
are: a phone photo's EXIF holds the school's GPS position and the phone's serial number.

- :func:`find_private_data` reads only the metadata (no pixel is decoded: the check runs it
  on every file) of a JPEG, PNG, WebP, GIF, HEIC, AVIF or TIFF picture, of every part of an
  Office/OpenDocument zip (documents inside documents too), of the JPEGs and XMP of a PDF,
  and of the boxes of an MP4/MOV recording where a phone writes its position;
- :func:`strip_private_data` removes that metadata in place, without re-encoding a JPEG, PNG
  or WebP (the compressed image data stays byte for byte);
- :func:`upright_without_metadata` makes an imported photo what a post should start from:
  upright and bare.

The format is decided from the bytes, never from the name (:func:`file_problem` looks at every
file, whatever it is called), and Pillow is only ever given an explicit list of formats: a
PostScript file named ``anh.jpg`` never reaches Ghostscript. XMP is parsed as XML
(:mod:`gecolumn.xmp`). Every walk is bounded: segments, boxes and streams counted, containers
nested at most :data:`MAX_NESTING` deep, at most :data:`MAX_INFLATED` bytes inflated a file.

    >>> find_private_data("tests/fixtures/anh-gps-xoay.jpg")
    ('location', 'serial')
"""

from __future__ import annotations

import base64
import enum
import io
import lzma
import os
import re
import stat
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from gecolumn.files import NotRegularFile, open_regular, read_head
from gecolumn.images import SNIFF_BYTES, sniff
from gecolumn.posts import Corpus
from gecolumn.problems import Problem, Refusal, Severity, megabytes
from gecolumn.sources import MAX_ASSET_BYTES, MAX_DEPTH, MAX_FILES
from gecolumn.xmp import text_facts, xmp_facts

_ASSET_LIMIT = megabytes(MAX_ASSET_BYTES)

_DAMAGED_PART = (zipfile.BadZipFile, lzma.LZMAError, NotImplementedError, RuntimeError)
"""What zipfile raises on a damaged, encrypted or deflate64 part (as the Word import knows it)."""


class Carried(enum.StrEnum):
    """Something a photo carries that can identify a place or a device."""

    LOCATION = "location"
    """GPS coordinates: the EXIF GPS IFD, an XMP ``GPSLatitude``/``GpsLongitude`` in any namespace, a video's ``©xyz``."""
    SERIAL = "serial"
    """A camera body or lens serial number: EXIF 0xA431/0xA435, XMP ``aux:SerialNumber`` and kin."""
    UNREADABLE_XMP = "xmp"
    """An XMP packet that is not well-formed XML (or declares a DTD): what it holds cannot be told, so it is taken out too."""


class PhotoUnreadable(Refusal, ValueError):
    """The file is not a photo of a known format, or its metadata is malformed or too large to read."""

    def __init__(self, reason: str, **values: object):
        super().__init__("image_unreadable", problem=reason, **values)
        self.reason, self.values = reason, values
        """A key the catalogue words (``UNREADABLE`` in :mod:`gecolumn.catalogue.files`), or a library's own text."""


class StripRefused(Refusal, ValueError):
    """The format has no lossless way to remove its metadata here (HEIC, AVIF, GIF): the file is left as it is."""

    def __init__(self, format_name: str):
        super().__init__("photo_strip_refused", format=format_name)
        self.format_name = format_name


@dataclass(frozen=True)
class Stripped:
    """What :func:`strip_private_data` found and took out of one file."""

    carried: tuple[str, ...]
    """The :class:`Carried` values the file held before."""
    removed: tuple[str, ...]
    """The metadata blocks removed (``EXIF``, ``XMP``, ``IPTC``, ``COM``, ``APP12``, ``tEXt``, ``trailer`` …); empty: untouched."""
    orientation: int | None = None
    """The EXIF orientation written back (alone) so the photo still shows upright; ``None`` when there was none to keep."""


PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".heic", ".heif"})
MAX_SEGMENTS = 2000
"""Metadata blocks (JPEG segments, PNG or RIFF chunks) read before a file is called malformed."""
MAX_TEXT_BYTES = 8_000_000
"""What one compressed PNG text chunk may inflate to."""
MAX_IFD_ENTRIES = 1000

_PILLOW_FORMATS = {"GIF": ["GIF"], "HEIF": ["HEIF"], "AVIF": ["AVIF"]}
_JPEG_KEPT_APP = {0xE0: b"JFIF\0", 0xE2: b"ICC_PROFILE\0", 0xEE: b"Adobe"}
"""APPn segments that describe how to show the pixels (JFIF density, colour profile, Adobe's colour transform)."""
_PNG_DROPPED = frozenset({b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"})
_READ_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF", "AVIF", "HEIF"})
PHOTO_FORMATS = _READ_FORMATS | {"TIFF"}
"""Pictures whose metadata is read here (a TIFF is its own EXIF structure)."""
CONTAINER_FORMATS = frozenset({"ZIP", "PDF", "VIDEO"})
"""Files that hold pictures or a position of their own: an Office/OpenDocument zip, a PDF, an MP4/MOV recording."""
HEAD_BYTES = 1024
"""How much of a file's start decides what it is (a PDF reader accepts ``%PDF-`` anywhere in the first kilobyte)."""
MAX_NESTING = 3
"""Containers inside containers (a .pptx in a .docx in a .docx): deeper is refused as unchecked."""
MAX_MEMBERS = 10_000
"""Parts of containers looked into, over every level of one file."""
MAX_INFLATED = 200_000_000
"""Bytes inflated out of one file's containers (zip parts read whole, PDF streams), over every level."""
MAX_PDF_STREAMS = 20_000
MAX_EMBEDDED_JPEGS = 2_000
"""JPEG starts looked at in one PDF stream (a position in each one's EXIF)."""
_VIDEO_BOXES = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
"""What a QuickTime file without ``ftyp`` starts with."""


# --- what a file carries -----------------------------------------------------------------------


def find_private_data(source: str | os.PathLike | bytes) -> tuple[str, ...]:
    """The :class:`Carried` values a photo (or the pictures inside an attachment) holds; raises :class:`PhotoUnreadable`."""
    carried, _ = _inspect(source)
    return carried


def find_in_attachment(source: str | os.PathLike | bytes) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each part of an attachment (a picture inside an Office file or a PDF, a box of a video) that carries something."""
    _, parts = _inspect(source)
    return tuple((label, carried) for _, label, carried in parts)


def _inspect(source: str | os.PathLike | bytes) -> tuple[tuple[str, ...], tuple[tuple[str, str, tuple[str, ...]], ...]]:
    budget = _Budget()
    try:
        if isinstance(source, (bytes, bytearray)):
            if len(source) > MAX_ASSET_BYTES:
                raise PhotoUnreadable("too_big", limit=_ASSET_LIMIT)
            return _examine(io.BytesIO(source), len(source), 0, budget)
        with _open_regular(source) as handle:
            return _examine(handle, os.fstat(handle.fileno()).st_size, 0, budget)
    except PhotoUnreadable:
        raise
    except OSError as exc:
        raise PhotoUnreadable(exc.strerror or type(exc).__name__) from None
    except (ValueError, IndexError, KeyError, EOFError, struct.error, zlib.error, *_DAMAGED_PART) as exc:
        raise PhotoUnreadable(_short(exc)) from None  # an encrypted or deflate64 part too: the file, not the program


class _Budget:
    """What one file may cost over all its levels: parts looked into and bytes inflated."""

    def __init__(self) -> None:
        self.members = 0
        self.inflated = 0

    def member(self) -> None:
        self.members += 1
        if self.members > MAX_MEMBERS:
            raise PhotoUnreadable("too_many_parts", limit=MAX_MEMBERS)

    def spend(self, count: int) -> int:
        """Take ``count`` bytes from what may still be inflated; returns what is left."""
        self.inflated += count
        if self.inflated > MAX_INFLATED:
            raise PhotoUnreadable("inflated", limit=megabytes(MAX_INFLATED))
        return MAX_INFLATED - self.inflated


def _examine(handle: BinaryIO, size: int, depth: int, budget: _Budget):
    """(carried, parts) of one file or part, by what its bytes say it is; parts are (member, label, carried)."""
    head = handle.read(HEAD_BYTES)
    kind = _format_of(head)
    handle.seek(0)
    if kind in CONTAINER_FORMATS and depth >= MAX_NESTING:
        raise PhotoUnreadable("nested", limit=MAX_NESTING)
    if kind == "ZIP":
        parts = _zip_parts(handle, depth, budget)
    elif kind == "PDF":
        parts = _pdf_parts(_read_whole(handle, size, budget), depth, budget)
    elif kind == "VIDEO":
        parts = _video_parts(handle, size)
    elif kind == "TIFF":
        return _judge([("exif", _read_whole(handle, size, budget))]), ()
    elif kind in _READ_FORMATS:
        carried = _judge(_metadata_blocks(kind, handle, size))
        if kind in _TRAILED:
            carried = _union([carried, *(inner for _, _, inner in _trailer_parts(kind, handle, size, depth, budget))])
        return carried, ()
    else:
        raise _not_an_image(head)
    return _union(carried for _, _, carried in parts), parts


def _read_whole(handle: BinaryIO, size: int, budget: _Budget) -> bytes:
    if size > MAX_ASSET_BYTES:
        raise PhotoUnreadable("too_big", limit=_ASSET_LIMIT)
    data = handle.read(MAX_ASSET_BYTES + 1)
    if len(data) > MAX_ASSET_BYTES:
        raise PhotoUnreadable("too_big", limit=_ASSET_LIMIT)
    return data


def _format_of(head: bytes) -> str | None:
    """The format named by a file's first bytes (:func:`gecolumn.images.sniff`), among those this module reads."""
    if head.startswith(b"PK\x03\x04"):
        return "ZIP"
    kind = sniff(head[:SNIFF_BYTES])
    if kind in PHOTO_FORMATS:
        return kind  # what the build sees too: a picture, re-encoded when published
    if b"%PDF-" in head[:HEAD_BYTES]:
        return "PDF"
    if kind is None and (head[4:8] == b"ftyp" or head[4:8] in _VIDEO_BOXES):
        return "VIDEO"  # an MP4, MOV, M4A or 3GP: ISO boxes, a phone writes its position in them
    return None


def _not_an_image(head: bytes) -> PhotoUnreadable:
    """The refusal of a file whose first bytes are no picture: what they look like, as a value."""
    if not head:
        return PhotoUnreadable("empty")
    if head.lstrip()[:2] == b"%!" or head.startswith(b"\xc5\xd0\xd3\xc6"):
        return PhotoUnreadable("not_image", found="PostScript")
    if head.lstrip()[:5] == b"%PDF-":
        return PhotoUnreadable("not_image", found="PDF")
    printable = head[:12].decode("ascii", "replace")
    return PhotoUnreadable("not_image", found=re.sub(r"[^\x20-\x7e]", "?", printable))


def _judge(blocks: Iterable[tuple[str, bytes]]) -> tuple[str, ...]:
    found: set[str] = set()
    for kind, data in blocks:
        if kind == "exif":
            found |= _exif_facts(data)[0]
        elif kind == "xmp":
            found |= xmp_facts(data)
        elif kind == "text":
            found |= text_facts(data)
    return tuple(sorted(str(value) for value in found))


def _union(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(sorted({value for group in groups for value in group}))


def _metadata_blocks(kind: str, handle: BinaryIO, size: int) -> Iterator[tuple[str, bytes]]:
    """``("exif", tiff)``, ``("xmp", packet)`` and ``("text", comment)`` blocks of a file, read without decoding a pixel."""
    if kind == "JPEG":
        extended: dict[bytes, list[tuple[int, int, bytes]]] = {}
        for marker, payload in _jpeg_headers(handle):
            if marker == 0xE1 and payload.startswith(_XMP_EXTENSION):
                chunk = payload[len(_XMP_EXTENSION) :]
                full, offset = struct.unpack(">II", chunk[32:40])
                extended.setdefault(chunk[:32], []).append((full, offset, chunk[40:]))
            elif marker == 0xE1:
                yield from _app1_block(payload)
            elif marker == 0xED:
                yield from _photoshop_blocks(payload)
            elif marker == 0xFE:
                yield "text", payload
        for chunks in extended.values():
            yield "xmp", _extended_xmp(chunks)
    elif kind == "PNG":
        for chunk_type, data in _png_chunks(handle, wanted=_PNG_DROPPED):
            yield from _png_block(chunk_type, data)
    elif kind == "WEBP":
        for fourcc, data in _riff_chunks(handle, size, wanted={b"EXIF", b"XMP "}):
            yield ("exif" if fourcc == b"EXIF" else "xmp", data)
    else:
        yield from _pillow_blocks(kind, handle)


_XMP_EXTENSION = b"http://ns.adobe.com/xmp/extension/\0"


def _extended_xmp(chunks: list[tuple[int, int, bytes]]) -> bytes:
    """A packet too large for one JPEG segment, put back together; a gap or an overlap leaves NULs that no parser reads."""
    full = chunks[0][0]
    if full > MAX_TEXT_BYTES or any(length != full for length, _, _ in chunks):
        return b"\0"
    packet = bytearray(full)
    for _, offset, data in chunks:
        if offset + len(data) > full:
            return b"\0"
        packet[offset : offset + len(data)] = data
    return bytes(packet)


def _photoshop_blocks(payload: bytes) -> Iterator[tuple[str, bytes]]:
    """The resources of Photoshop's APP13 (``8BIM``): its EXIF (0x0422), its XMP (0x0424), the rest (IPTC) read as text.

    A block that does not parse as resources is read as text whole, as another vendor's APP1 is.
    """
    position = payload.find(b"\0") + 1 if payload.startswith(b"Photoshop ") else 0
    for _ in range(MAX_SEGMENTS):
        if position >= len(payload) or not payload.startswith(b"8BIM", position):
            break
        (resource,) = struct.unpack(">H", payload[position + 4 : position + 6])
        name_length = payload[position + 6] if position + 6 < len(payload) else 0
        at = position + 6 + ((name_length + 2) & ~1)  # a Pascal name padded to even, its length byte included
        (length,) = struct.unpack(">I", payload[at : at + 4]) if at + 4 <= len(payload) else (len(payload),)
        data = payload[at + 4 : at + 4 + length]
        if at + 4 + length > len(payload):
            break
        yield {0x0422: "exif", 0x0423: "exif", 0x0424: "xmp"}.get(resource, "text"), data
        position = at + 4 + length + (length & 1)
    if position < len(payload):
        yield "text", payload[position:]


_TRAILED = frozenset({"JPEG", "PNG", "WEBP"})
"""Formats whose end is known, so that bytes after it (a second picture, a phone's motion video) are looked into."""


def _pictures_and_xmp_in(blob: bytes, where: str, counted: int = 0) -> tuple[list[tuple[str, str, tuple[str, ...]]], int]:
    """What the JPEGs and XMP packets inside ``blob`` carry, each labelled ``where`` + ``JPEG n``/``XMP``; and the JPEGs counted so far."""
    found: list[tuple[str, str, tuple[str, ...]]] = []
    for carried in _embedded_jpegs(blob):
        counted += 1
        if carried:
            found.append(("", f"{where}JPEG {counted}", carried))
    for packet in _xmp_packets(blob):
        carried = tuple(sorted(xmp_facts(packet)))
        if carried:
            found.append(("", f"{where}XMP", carried))
    return found, counted


def _trailer_parts(kind: str, handle: BinaryIO, size: int, depth: int, budget: _Budget):
    """What the bytes after the image carry: each JPEG starting in them, XMP packets, an appended file (a motion photo's MP4).

    Viewers stop at the image's end, but the bytes are in the file all the same: a phone writes
    a second picture with its own EXIF there (MPF), or a video with its own position.
    """
    if kind == "JPEG":
        handle.seek(0)
        data = _read_whole(handle, size, budget)
        try:
            end = _end_of_image(data, 2)
        except PhotoUnreadable:
            end = 2  # where the image ends cannot be told: every byte after its start is looked into
        trailer = data[end:]
    else:
        end = handle.tell()  # the walk stopped at PNG's IEND, at the end of WebP's RIFF
        if kind == "WEBP":
            handle.seek(4)
            end = min(size, 8 + struct.unpack("<I", _read_exactly(handle, 4))[0])
        handle.seek(end)
        trailer = handle.read(MAX_ASSET_BYTES)
    if not trailer.strip(b"\0 \t\r\n"):
        return ()  # padding
    found, _ = _pictures_and_xmp_in(trailer, "trailer › ")
    video = trailer.find(b"ftyp")
    for start in {0, video - 4} if video >= 4 else {0}:
        appended = trailer[start:]
        if _format_of(appended[:HEAD_BYTES]) in (PHOTO_FORMATS | CONTAINER_FORMATS) - {"JPEG"}:
            carried, parts = _examine(io.BytesIO(appended), len(appended), depth + 1, budget)
            found.extend(("", f"trailer › {label}", inner) for _, label, inner in parts)
            if carried and not parts:
                found.append(("", "trailer", carried))
    return tuple(found)


def _app1_block(payload: bytes) -> Iterator[tuple[str, bytes]]:
    if payload.startswith(b"Exif\0"):
        yield "exif", payload[6:]
    elif payload.startswith(b"http://ns.adobe.com/xap/1.0/\0"):
        yield "xmp", payload
    else:
        yield "text", payload  # another vendor's block: read as text, a position spelt out in it counts


def _png_block(chunk_type: bytes, data: bytes) -> Iterator[tuple[str, bytes]]:
    if chunk_type == b"eXIf":
        yield "exif", data
        return
    if chunk_type not in (b"tEXt", b"zTXt", b"iTXt"):
        return
    keyword, _, rest = data.partition(b"\0")
    if chunk_type == b"zTXt":
        text = _inflate(rest[1:])
    elif chunk_type == b"iTXt":
        compressed, rest = rest[:1] == b"\1", rest[2:]
        _language, _, rest = rest.partition(b"\0")
        _translated, _, text = rest.partition(b"\0")
        text = _inflate(text) if compressed else text
    else:
        text = rest
    if keyword.startswith(b"Raw profile type "):  # ImageMagick: "\nexif\n   1234\n4578696600…" in hex
        lines = text.split(b"\n")
        raw = bytes.fromhex(b"".join(lines[3:]).decode("ascii", "replace")) if len(lines) > 3 else b""
        yield ("exif", raw) if raw.startswith((b"Exif\0", b"II*\0", b"MM\0*")) else ("xmp", raw)
    elif keyword == b"XML:com.adobe.xmp":
        yield "xmp", text
    else:
        yield "text", text  # a comment, a description: any text that spells out a position


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    text = inflater.decompress(data, MAX_TEXT_BYTES)
    if inflater.unconsumed_tail:
        raise PhotoUnreadable("text_chunk", limit=megabytes(MAX_TEXT_BYTES))
    return text


def _pillow_blocks(kind: str, handle: BinaryIO) -> Iterator[tuple[str, bytes]]:
    # Opening reads the container's headers, not the pixels (load() is never called).
    from PIL import Image

    if kind == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
    try:
        with Image.open(handle, formats=_PILLOW_FORMATS[kind]) as image:
            info = dict(image.info)
    except Exception as exc:  # a plugin on a malformed file may raise anything: the file is at fault
        raise PhotoUnreadable(_short(exc)) from None
    exif, xmp = info.get("exif"), info.get("xmp")
    if isinstance(exif, (bytes, bytearray)) and exif:
        yield "exif", bytes(exif)
    if xmp:
        yield "xmp", xmp.encode("utf-8", "replace") if isinstance(xmp, str) else bytes(xmp)


def _zip_parts(handle: BinaryIO, depth: int, budget: _Budget) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Every part of an Office/OpenDocument zip that carries something, each chosen by its bytes, whatever its name.

    Pictures in ``word/media`` or ``Word/Media``, a thumbnail in ``docProps``, a TIFF, a .pptx
    or a PDF embedded in the document: every part whose first bytes say picture or container
    is looked into (containers to :data:`MAX_NESTING` levels). Sizes are judged before anything
    is inflated. A part that cannot be read makes the file unchecked, unless another carries.
    """
    from gecolumn.docx_import import DocxRefused, _refuse_zip_bomb  # imported on use: the check rarely meets one

    found: list[tuple[str, str, tuple[str, ...]]] = []
    unchecked: list[PhotoUnreadable] = []
    with zipfile.ZipFile(handle) as archive:
        members = archive.infolist()
        try:
            _refuse_zip_bomb(members, "")
        except DocxRefused as refused:
            raise PhotoUnreadable("zip_bomb", size=refused.problem.params["size"]) from None
        for member in members:
            if member.is_dir() or member.file_size == 0:
                continue
            budget.member()
            try:
                with archive.open(member) as stream:
                    kind = _format_of(stream.read(HEAD_BYTES))
                    if kind in _READ_FORMATS:  # a seekable stream: a JPEG's headers are read, not its pixels
                        stream.seek(0)
                        carried, parts = _examine(stream, member.file_size, depth + 1, budget)
                    elif kind is not None:
                        if member.file_size > MAX_ASSET_BYTES:
                            raise PhotoUnreadable("too_big", limit=_ASSET_LIMIT)
                        budget.spend(member.file_size)
                        data = archive.read(member)
                        carried, parts = _examine(io.BytesIO(data), len(data), depth + 1, budget)
                    else:
                        continue  # text, XML, a drawing (.emf, .wmf, .svg), a font: nothing that holds a position
            except PhotoUnreadable as exc:
                if budget.members > MAX_MEMBERS or budget.inflated > MAX_INFLATED:
                    raise
                inside = {"inside": member.filename} if depth == 0 else {}  # the outer name, once
                unchecked.append(PhotoUnreadable(exc.reason, **{**exc.values, **inside}))
                continue
            except (ValueError, EOFError, struct.error, zlib.error, *_DAMAGED_PART) as exc:
                unchecked.append(PhotoUnreadable(_short(exc), inside=member.filename))
                continue
            if parts:
                found.extend((member.filename, f"{member.filename} › {label}", inner) for _, label, inner in parts)
            elif carried:
                found.append((member.filename, member.filename, carried))
    if not found and unchecked:
        raise unchecked[0]
    return tuple(found)


# --- PDF: the JPEG photos it embeds, and its XMP ---------------------------------------------------

_PDF_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_PDF_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_PDF_DECODED = {
    b"FlateDecode": "flate",
    b"Fl": "flate",
    b"ASCIIHexDecode": "hex",
    b"AHx": "hex",
    b"ASCII85Decode": "a85",
    b"A85": "a85",
}
_PDF_UNREAD = frozenset({b"LZWDecode", b"LZW", b"RunLengthDecode", b"RL", b"Crypt"})
"""Filters this module does not undo: a stream behind one cannot be looked into."""


def _pdf_parts(data: bytes, depth: int, budget: _Budget) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Each JPEG a PDF embeds that carries something (``JPEG 2`` for the second), and its XMP packets.

    A phone photo put in a PDF keeps its EXIF: the JPEG is stored as it is (``/DCTDecode``),
    sometimes deflated too, or attached as a file. Every stream is undone (Flate, ASCII hex,
    ASCII85; at most :data:`MAX_INFLATED` bytes) and every JPEG start in the file and in the
    streams is read for its EXIF and XMP. An encrypted PDF, or a stream behind a filter not
    undone here, cannot be looked into.
    """
    if re.search(rb"/Encrypt\b", data):
        raise PhotoUnreadable("encrypted_pdf")
    pieces = [data]
    previous = 0
    count = 0
    for match in _PDF_STREAM.finditer(data):
        if match.start() < previous:
            continue  # the word inside another stream's bytes: streams never overlap, so each byte is read once
        count += 1
        if count > MAX_PDF_STREAMS:
            raise PhotoUnreadable("pdf_streams", limit=MAX_PDF_STREAMS)
        floor = max(previous, match.start() - 65536)  # dictionaries never overlap: each byte is read once
        opening = data.rfind(b"obj", floor, match.start())
        names = _PDF_NAME.findall(data, opening if opening >= 0 else floor, match.start())
        end = data.find(b"endstream", match.end())
        previous = end if end >= 0 else len(data)
        filters = [name for name in names if name in _PDF_DECODED or name in _PDF_UNREAD]
        if not filters or (b"Image" in names and b"DCTDecode" not in names and b"DCT" not in names):
            continue  # raw bytes, already searched in the file as it is; or pixels, which hold no metadata
        if any(name in _PDF_UNREAD for name in filters):
            raise PhotoUnreadable("pdf_filter", filter=filters[0].decode("ascii"))
        stream = data[match.end() : previous]
        try:
            for name in filters:
                stream = _pdf_decoded(stream, _PDF_DECODED[name], budget)
        except PhotoUnreadable:
            raise
        except (ValueError, zlib.error):
            continue  # a damaged stream: a reader shows nothing of it either
        pieces.append(stream)
    found: list[tuple[str, str, tuple[str, ...]]] = []
    count = 0
    for piece in pieces:
        in_piece, count = _pictures_and_xmp_in(piece, "", count)
        found += in_piece
        if piece is not data and _format_of(piece[:HEAD_BYTES]) in (PHOTO_FORMATS | CONTAINER_FORMATS) - {"JPEG"}:
            carried, parts = _examine(io.BytesIO(piece), len(piece), depth + 1, budget)  # an attached file
            found.extend(("", label, inner) for _, label, inner in parts)
            if carried and not parts:
                found.append(("", "EmbeddedFile", carried))
    return tuple(found)


def _xmp_packets(piece: bytes) -> Iterator[bytes]:
    """The ``<x:xmpmeta>`` elements of a PDF's bytes (its document metadata, a picture's), each found once."""
    position = 0
    for _ in range(100):
        start = piece.find(b"<x:xmpmeta", position)
        end = piece.find(b"</x:xmpmeta>", start) if start >= 0 else -1
        if end < 0:
            return
        position = end + len(b"</x:xmpmeta>")
        yield piece[start:position]


def _pdf_decoded(stream: bytes, how: str, budget: _Budget) -> bytes:
    budget.spend(len(stream))
    if how == "hex":
        text = re.sub(rb"\s", b"", stream).split(b">")[0]
        return bytes.fromhex((text + b"0" * (len(text) % 2)).decode("ascii"))
    if how == "a85":
        text = re.sub(rb"\s", b"", stream)
        return base64.a85decode(text[: text.find(b"~>") + 2] if b"~>" in text else text, adobe=b"~>" in text)
    inflater = zlib.decompressobj()
    out = inflater.decompress(stream, MAX_ASSET_BYTES + 1)
    if len(out) > MAX_ASSET_BYTES:
        raise PhotoUnreadable("pdf_stream_size", limit=_ASSET_LIMIT)
    budget.spend(len(out))
    return out


def _embedded_jpegs(piece: bytes) -> Iterator[tuple[str, ...]]:
    """What each JPEG starting in ``piece`` carries; a start that is no JPEG is passed over, as is one inside a JPEG's headers."""
    handle = io.BytesIO(piece)
    position = piece.find(b"\xff\xd8\xff")
    for _ in range(MAX_EMBEDDED_JPEGS):
        if position < 0:
            return
        handle.seek(position)
        blocks: list[tuple[str, bytes]] = []
        try:
            for block in _metadata_blocks("JPEG", handle, len(piece) - position):
                blocks.append(block)
            carried = _judge(blocks)
        except (PhotoUnreadable, struct.error, ValueError):
            carried = _judge_leniently(blocks)
        yield carried
        position = piece.find(b"\xff\xd8\xff", max(position + 3, handle.tell()))  # each byte is walked once


def _judge_leniently(blocks: list[tuple[str, bytes]]) -> tuple[str, ...]:
    """What the blocks read before a JPEG broke off carry (a JPEG cut short by the stream's end still has its EXIF)."""
    found: set[str] = set()
    for block in blocks:
        try:
            found.update(_judge([block]))
        except (PhotoUnreadable, struct.error, ValueError):
            continue
    return tuple(sorted(found))


# --- MP4 and MOV: the position a phone writes into a recording -----------------------------------------

_VIDEO_CONTAINERS = frozenset({b"moov", b"trak", b"udta", b"meta", b"ilst"})
_VIDEO_LOCATION = frozenset({b"\xa9xyz", b"loci"})
"""QuickTime's ``©xyz`` (``+21.0285+105.8542/``, what Android and iPhones write) and 3GPP's ``loci``."""
_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


def _video_parts(handle: BinaryIO, size: int) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The boxes of an MP4/MOV that carry a position or a serial (``moov/udta/©xyz``); the media data is skipped."""
    found: list[tuple[str, str, tuple[str, ...]]] = []
    boxes = 0

    def walk(start: int, end: int, path: str, level: int) -> None:
        nonlocal boxes
        position = start
        while position + 8 <= end:
            boxes += 1
            if boxes > MAX_SEGMENTS:
                raise PhotoUnreadable("mp4_boxes")
            handle.seek(position)
            length, box = struct.unpack(">I4s", _read_exactly(handle, 8))
            header = 8
            if length == 1:
                (length,) = struct.unpack(">Q", _read_exactly(handle, 8))
                header = 16
            elif length == 0:
                length = end - position
            if length < header or position + length > end:
                raise PhotoUnreadable("mp4_box")
            body, label = length - header, path + box.decode("latin-1")
            if box in _VIDEO_LOCATION and body > 4:
                found.append(("", label, (str(Carried.LOCATION),)))
            elif box == b"keys" and body <= MAX_TEXT_BYTES and b"location" in _read_exactly(handle, body).lower():
                found.append(("", label, (str(Carried.LOCATION),)))  # com.apple.quicktime.location.ISO6709
            elif box in (b"XMP_", b"uuid") and body <= MAX_TEXT_BYTES:
                packet = _read_exactly(handle, body)
                if box == b"uuid":
                    packet = packet[16:] if packet.startswith(_XMP_UUID) else b""
                carried = tuple(sorted(xmp_facts(packet))) if packet else ()
                if carried:
                    found.append(("", label, carried))
            elif box in _VIDEO_CONTAINERS and level < 8:
                inner = position + header
                if box == b"meta":  # ISO's meta has 4 bytes of version and flags before its boxes; QuickTime's has not
                    peek = _read_exactly(handle, min(12, body))
                    inner += 4 if peek[8:12] == b"hdlr" or (peek[:4] == b"\0\0\0\0" and peek[4:8] != b"hdlr") else 0
                walk(inner, position + length, label + "/", level + 1)
            position += length

    walk(0, size, "", 0)
    return tuple(found)


# --- container walkers: headers only, bounded -------------------------------------------------------


def _read_exactly(handle: BinaryIO, count: int) -> bytes:
    data = handle.read(count)
    if len(data) != count:
        raise PhotoUnreadable("truncated")
    return data


def _jpeg_headers(handle: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(marker, payload) of every APPn and COM segment before the first scan."""
    _read_exactly(handle, 2)
    for _ in range(MAX_SEGMENTS):
        marker = _next_marker(handle)
        if marker in (0xDA, 0xD9):  # start of scan, end of image: no metadata after this point is read
            return
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            continue
        (length,) = struct.unpack(">H", _read_exactly(handle, 2))
        if length < 2:
            raise PhotoUnreadable("jpeg_segment")
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            yield marker, _read_exactly(handle, length - 2)
        else:
            handle.seek(length - 2, os.SEEK_CUR)
    raise PhotoUnreadable("jpeg_segments")


def _next_marker(handle: BinaryIO) -> int:
    byte = _read_exactly(handle, 1)
    if byte != b"\xff":
        raise PhotoUnreadable("jpeg_segment")
    while byte == b"\xff":  # fill bytes
        byte = _read_exactly(handle, 1)
    return byte[0]


def _png_chunks(handle: BinaryIO, wanted: frozenset[bytes]) -> Iterator[tuple[bytes, bytes]]:
    """(type, data) of the chunks named in ``wanted``; the others (the pixels, IDAT) are skipped over."""
    _read_exactly(handle, 8)
    for _ in range(MAX_SEGMENTS * 50):  # a PNG may split its pixels into many IDAT chunks
        length, chunk_type = struct.unpack(">I4s", _read_exactly(handle, 8))
        if length > MAX_ASSET_BYTES:
            raise PhotoUnreadable("png_chunk")
        if chunk_type in wanted:
            yield chunk_type, _read_exactly(handle, length)
            handle.seek(4, os.SEEK_CUR)
        else:
            handle.seek(length + 4, os.SEEK_CUR)
        if chunk_type == b"IEND":
            return
    raise PhotoUnreadable("png_chunks")


def _riff_chunks(handle: BinaryIO, size: int, wanted: set[bytes]) -> Iterator[tuple[bytes, bytes]]:
    header = _read_exactly(handle, 12)
    end = min(size, 8 + struct.unpack("<I", header[4:8])[0])
    position = 12
    for _ in range(MAX_SEGMENTS):
        if position + 8 > end:
            return
        fourcc, length = struct.unpack("<4sI", _read_exactly(handle, 8))
        if position + 8 + length > end:
            raise PhotoUnreadable("webp_chunk")
        if fourcc in wanted:
            yield fourcc, _read_exactly(handle, length)
            handle.seek(length & 1, os.SEEK_CUR)
        else:
            handle.seek(length + (length & 1), os.SEEK_CUR)
        position += 8 + length + (length & 1)
    raise PhotoUnreadable("webp_chunks")


def _exif_facts(data: bytes) -> tuple[set[str], int | None]:
    """What an EXIF block (TIFF structure) carries, and its orientation."""
    if data.startswith(b"Exif\0"):
        data = data[6:]
    order = {b"II*\0": "<", b"MM\0*": ">"}.get(data[:4])
    if order is None:
        raise PhotoUnreadable("exif")
    found: set[str] = set()
    ifd0 = _ifd(data, order, struct.unpack(order + "I", data[4:8])[0])
    orientation = None
    if 0x0112 in ifd0 and ifd0[0x0112][0] == 3:
        orientation = struct.unpack(order + "H", ifd0[0x0112][2][:2])[0]
    if 0x8825 in ifd0:
        try:
            gps = _ifd(data, order, _pointer(ifd0[0x8825], order))
        except PhotoUnreadable:
            gps = {2: (0, 1, b"")}  # a GPS pointer to nowhere: another reader may still find a position
        if any(tag in gps and gps[tag][1] > 0 for tag in (2, 4)):
            found.add(Carried.LOCATION)
    tags = dict(ifd0)
    if 0x8769 in ifd0:
        try:
            tags.update(_ifd(data, order, _pointer(ifd0[0x8769], order)))
        except PhotoUnreadable:
            pass  # a broken Exif IFD: whatever it held, no reader finds a serial number in it
    if any(tag in tags and tags[tag][1] > 1 for tag in (0xA431, 0xA435)):  # ASCII, more than its NUL
        found.add(Carried.SERIAL)
    if 0x02BC in ifd0:  # a TIFF keeps its XMP packet in tag 700
        _kind, count, value = ifd0[0x02BC]
        offset = _pointer(ifd0[0x02BC], order) if count > 4 else None
        if offset is not None and (count > MAX_TEXT_BYTES or offset + count > len(data)):
            raise PhotoUnreadable("exif")
        found |= xmp_facts(value[:count] if offset is None else data[offset : offset + count])
    return found, orientation


def _pointer(entry: tuple[int, int, bytes], order: str) -> int:
    return struct.unpack(order + "I", entry[2])[0]


def _ifd(data: bytes, order: str, offset: int) -> dict[int, tuple[int, int, bytes]]:
    """tag → (type, count, the 4-byte value field) of one image file directory."""
    if offset < 8 or offset + 2 > len(data):
        raise PhotoUnreadable("exif")
    (count,) = struct.unpack(order + "H", data[offset : offset + 2])
    if count > MAX_IFD_ENTRIES or offset + 2 + 12 * count > len(data):
        raise PhotoUnreadable("exif")
    entries = {}
    for n in range(count):
        start = offset + 2 + 12 * n
        tag, kind, values = struct.unpack(order + "HHI", data[start : start + 8])
        entries[tag] = (kind, values, data[start + 8 : start + 12])
    return entries


# --- taking it out --------------------------------------------------------------------------------


def strip_private_data(path: str | os.PathLike) -> Stripped:
    """Remove a photo's metadata in place, losslessly (JPEG, PNG, WebP, and the pictures of an attachment).

    Keeps what shows the pixels right (JFIF, ICC profile, Adobe colour transform) and, alone in
    a minimal EXIF, an orientation other than 1, so the photo still stands upright. Writes a
    temporary file beside it and replaces the original at once; a file that needs no change is
    not written. Raises :class:`PhotoUnreadable` or :class:`StripRefused`.
    """
    try:
        with _open_regular(path) as handle:
            data = handle.read(MAX_ASSET_BYTES + 1)
            mode = stat.S_IMODE(os.fstat(handle.fileno()).st_mode)
    except OSError as exc:
        raise PhotoUnreadable(exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_ASSET_BYTES:
        raise PhotoUnreadable("too_big", limit=_ASSET_LIMIT)
    try:
        carried = find_private_data(data)
    except PhotoUnreadable:
        carried = ()  # its metadata is malformed: all the more reason to take it out, if the container can be walked
    try:
        new, removed, orientation = _stripped_bytes(data)
    except (ValueError, IndexError, struct.error, zlib.error, *_DAMAGED_PART) as exc:
        if isinstance(exc, (PhotoUnreadable, StripRefused)):
            raise
        raise PhotoUnreadable(_short(exc)) from None
    if new != data:
        _replace(Path(path), new, mode)
    return Stripped(carried, removed, orientation)


def _stripped_bytes(data: bytes, depth: int = 0) -> tuple[bytes, tuple[str, ...], int | None]:
    kind = _format_of(data[:HEAD_BYTES])
    if kind == "JPEG":
        return _strip_jpeg(data)
    if kind == "PNG":
        return _strip_png(data)
    if kind == "WEBP":
        return _strip_webp(data)
    if kind == "ZIP":
        return _strip_attachment(data, depth)
    if kind in _PILLOW_FORMATS or kind in ("TIFF", "PDF", "VIDEO"):
        # No lossless rewrite is written for these: re-encoding a staff member's original in
        # place would lose quality (and a HEIC's depth and HDR data) without asking; a PDF or a
        # recording is exported again without its position by the program that made it.
        if not _inspect(data)[0]:
            return data, (), None
        raise StripRefused("MP4/MOV" if kind == "VIDEO" else kind)
    raise _not_an_image(data[:32])


def _strip_jpeg(data: bytes) -> tuple[bytes, tuple[str, ...], int | None]:
    removed: list[str] = []
    kept: list[bytes] = []
    orientation = None
    position = 2
    for _ in range(MAX_SEGMENTS):
        start, marker, position = _jpeg_segment(data, position)
        if marker == 0xDA:
            break
        if marker == 0xD9:
            raise PhotoUnreadable("no_image_data")
        payload = data[start + 4 : position]
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            if marker in _JPEG_KEPT_APP and payload.startswith(_JPEG_KEPT_APP[marker]):
                kept.append(data[start:position])
                continue
            if marker == 0xE1 and payload.startswith(b"Exif\0") and orientation is None:
                orientation = _orientation_of(payload)
            removed.append(_jpeg_block_name(marker, payload))
        else:
            kept.append(data[start:position])
    else:
        raise PhotoUnreadable("jpeg_segments")
    end = _end_of_image(data, start)
    if end < len(data):
        removed.append("trailer")  # a second picture or a phone's motion video, with metadata of its own
    if not removed:
        return data, (), None
    if orientation not in (None, 1):
        tiff = _orientation_tiff(orientation)
        segment = b"\xff\xe1" + struct.pack(">H", len(tiff) + 8) + b"Exif\0\0" + tiff
        after_jfif = 1 if kept and kept[0][4:9] == b"JFIF\0" else 0
        kept.insert(after_jfif, segment)
    else:
        orientation = None
    return b"\xff\xd8" + b"".join(kept) + data[start:end], tuple(dict.fromkeys(removed)), orientation


def _jpeg_segment(data: bytes, position: int) -> tuple[int, int, int]:
    """(start, marker, end) of the segment at ``position``, fill bytes skipped."""
    if data[position : position + 1] != b"\xff":
        raise PhotoUnreadable("jpeg_segment")
    while data[position + 1 : position + 2] == b"\xff":
        position += 1
    marker = data[position + 1]
    if marker == 0x01 or 0xD0 <= marker <= 0xD9:
        return position, marker, position + 2
    (length,) = struct.unpack(">H", data[position + 2 : position + 4])
    if length < 2 or position + 2 + length > len(data):
        raise PhotoUnreadable("jpeg_segment")
    return position, marker, position + 2 + length


_MARKER_AFTER_SCAN = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")


def _end_of_image(data: bytes, position: int) -> int:
    """Where the image that starts its scans at ``position`` ends (after EOI); the whole file when it is cut short."""
    while True:
        start, marker, position = _jpeg_segment(data, position)
        if marker == 0xD9:
            return position
        if marker != 0xDA:
            continue
        # Entropy-coded data: an 0xFF in it is followed by 0x00 (stuffing) or a restart marker;
        # the first other marker ends the scan (searched in C: a 10 MB photo has 40,000 0xFFs).
        found = _MARKER_AFTER_SCAN.search(data, position)
        if found is None:
            return len(data)
        position = found.start()


def _jpeg_block_name(marker: int, payload: bytes) -> str:
    if marker == 0xFE:
        return "COM"
    if marker == 0xE1:
        return "EXIF" if payload.startswith(b"Exif\0") else "XMP" if payload.startswith(b"http://ns.adobe.com/") else "APP1"
    if marker == 0xED:
        return "IPTC"
    return f"APP{marker - 0xE0}"


def _strip_png(data: bytes) -> tuple[bytes, tuple[str, ...], int | None]:
    removed: list[str] = []
    kept: list[bytes] = [data[:8]]
    orientation = None
    position = 8
    for _ in range(MAX_SEGMENTS * 50):
        length, chunk_type = struct.unpack(">I4s", data[position : position + 8])
        end = position + 12 + length
        if end > len(data):
            raise PhotoUnreadable("png_chunk")
        if chunk_type in _PNG_DROPPED:
            if chunk_type == b"eXIf" and orientation is None:
                orientation = _orientation_of(data[position + 8 : end - 4])
            removed.append(chunk_type.decode("ascii"))
        else:
            if chunk_type == b"IDAT" and orientation not in (None, 1) and not any(c[4:8] == b"eXIf" for c in kept):
                kept.append(_png_chunk(b"eXIf", _orientation_tiff(orientation)))  # eXIf belongs before the pixels
            kept.append(data[position:end])
        position = end
        if chunk_type == b"IEND":
            break
    else:
        raise PhotoUnreadable("png_chunks")
    if position < len(data):
        removed.append("trailer")
    if not removed:
        return data, (), None
    return b"".join(kept), tuple(dict.fromkeys(removed)), orientation if orientation not in (None, 1) else None


def _png_chunk(chunk_type: bytes, payload: bytes) -> bytes:
    body = chunk_type + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def _strip_webp(data: bytes) -> tuple[bytes, tuple[str, ...], int | None]:
    end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    removed: list[str] = []
    chunks: list[bytearray] = []
    orientation = None
    position = 12
    for _ in range(MAX_SEGMENTS):
        if position + 8 > end:
            break
        fourcc, length = struct.unpack("<4sI", data[position : position + 8])
        stop = position + 8 + length + (length & 1)
        if position + 8 + length > end:
            raise PhotoUnreadable("webp_chunk")
        if fourcc == b"EXIF":
            orientation = _orientation_of(data[position + 8 : position + 8 + length])
            removed.append("EXIF")
        elif fourcc == b"XMP ":
            removed.append("XMP")
        else:
            chunks.append(bytearray(data[position:stop]))
        position = stop
    else:
        raise PhotoUnreadable("webp_chunks")
    if len(data) > end:
        removed.append("trailer")
    if not removed:
        return data, (), None
    upright = orientation not in (None, 1)
    if upright:
        tiff = _orientation_tiff(orientation)
        chunks.append(bytearray(b"EXIF" + struct.pack("<I", len(tiff)) + tiff))
    for chunk in chunks:
        if chunk[:4] == b"VP8X":  # flags: 0x08 EXIF, 0x04 XMP
            chunk[8] = (chunk[8] & ~0x0C) | (0x08 if upright else 0)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body, tuple(removed), orientation if upright else None


def _strip_attachment(data: bytes, depth: int) -> tuple[bytes, tuple[str, ...], int | None]:
    """The attachment with each part that carries something stripped (a document inside, in turn); the rest copied as it was."""
    if depth >= MAX_NESTING:
        raise PhotoUnreadable("nested", limit=MAX_NESTING)
    members = {member for member, _, _ in _zip_parts(io.BytesIO(data), depth, _Budget())}
    if not members:
        return data, (), None
    removed: list[str] = []
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(output, "w") as rewritten:
        for part in archive.infolist():  # in order: an OpenDocument's "mimetype" stays first and stored
            content = archive.read(part)
            if part.filename in members:
                try:
                    content, blocks, _ = _stripped_bytes(content, depth + 1)
                except StripRefused as refused:
                    raise StripRefused(f"{refused.format_name} ({part.filename})") from None
                removed.extend(f"{part.filename}: {block}" for block in blocks)
            rewritten.writestr(part, content)
    return output.getvalue(), tuple(removed), None


def _orientation_of(exif: bytes) -> int | None:
    try:
        return _exif_facts(exif)[1]
    except (PhotoUnreadable, struct.error):
        return None  # a malformed EXIF is dropped whole, and with it a turn no viewer could read either


def _orientation_tiff(orientation: int) -> bytes:
    """A TIFF structure holding one tag, Orientation: what a viewer needs to show the photo upright."""
    return b"MM\0*\0\0\0\x08" + struct.pack(">HHHIHHI", 1, 0x0112, 3, 1, orientation, 0, 0)


# --- files: regular ones only, replaced at once ----------------------------------------------------------


def _open_regular(path: str | os.PathLike) -> BinaryIO:
    """``path`` opened for reading if it is a regular file of at most 25 MB, and not a symlink."""
    if stat.S_ISLNK(os.lstat(path).st_mode):
        raise PhotoUnreadable("symlink")
    try:
        handle = open_regular(path)
    except NotRegularFile:
        raise PhotoUnreadable("not_regular") from None
    if os.fstat(handle.fileno()).st_size > MAX_ASSET_BYTES:
        handle.close()
        raise PhotoUnreadable("too_big", limit=_ASSET_LIMIT)
    return handle


def _replace(path: Path, data: bytes, mode: int) -> None:
    # A crash or a full disk midway must leave the original, never half a photo.
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".gecolumn-", suffix=path.suffix, delete=False) as handle:
        try:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(handle.name, mode)
        except BaseException:
            os.unlink(handle.name)
            raise
    if stat.S_ISLNK(os.lstat(path).st_mode):  # swapped for a link meanwhile: replace nothing it points at
        os.unlink(handle.name)
        raise PhotoUnreadable("symlink")
    os.replace(handle.name, path)


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:120]


# --- importing a photo into a post ------------------------------------------------------------------------


def upright_without_metadata(data: bytes) -> tuple[bytes, str]:
    """A photo as a new post should hold it: upright and without EXIF/XMP/GPS; returns its bytes and extension.

    A photo already upright loses its metadata losslessly; a sideways one (EXIF orientation
    other than 1) is turned by re-encoding at high quality, since only turned pixels stand
    upright everywhere once the metadata is gone. A HEIC becomes a JPEG, as the site
    publishes it. Raises :class:`PhotoUnreadable`.
    """
    kind = _format_of(data[:32])
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "HEIF": "jpg", "AVIF": "avif"}.get(kind or "")
    if extension is None:
        raise _not_an_image(data[:32])
    orientation = None
    if kind in ("JPEG", "PNG", "WEBP"):
        exif = [block for kind_, block in _metadata_blocks(kind, io.BytesIO(data), len(data)) if kind_ == "exif"]
        orientation = _orientation_of(exif[0]) if exif else None
        if orientation in (None, 1):
            return _stripped_bytes(data)[0], extension
    elif kind in ("GIF", "AVIF") and not find_private_data(data):
        return data, extension
    return _reencoded(data, kind), extension


def _reencoded(data: bytes, kind: str) -> bytes:
    from PIL import Image, ImageOps

    from gecolumn.images import MAX_PIXELS  # registers the HEIC opener

    target = {"HEIF": "JPEG", "AVIF": "AVIF"}.get(kind, kind)
    try:
        with Image.open(io.BytesIO(data), formats=_PILLOW_FORMATS.get(kind, [kind])) as image:
            if image.width * image.height > MAX_PIXELS:
                raise PhotoUnreadable("pixels", pixels=f"{image.width}×{image.height}")
            if kind == "GIF":  # every frame of an animation, and no metadata
                buffer = io.BytesIO()
                image.save(buffer, "GIF", save_all=True)
                return buffer.getvalue()
            upright = ImageOps.exif_transpose(image)
            upright.load()
    except PhotoUnreadable:
        raise
    except Exception as exc:  # a decoder on a malformed file may raise anything
        raise PhotoUnreadable(_short(exc)) from None
    if target == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    # No exif=, xmp= or pnginfo= is passed: Pillow then writes no metadata. The colour profile stays.
    options: dict = {"icc_profile": upright.info["icc_profile"]} if upright.info.get("icc_profile") else {}
    options.update({"JPEG": {"quality": 95, "subsampling": 0}, "WEBP": {"quality": 95}, "AVIF": {"quality": 90}}.get(target, {}))
    buffer = io.BytesIO()
    upright.save(buffer, target, **options)
    return buffer.getvalue()


# --- the column -------------------------------------------------------------------------------------------


def column_problems(corpus: Corpus, *folders: tuple[str | os.PathLike, str]) -> tuple[Problem, ...]:
    """Every file under the posts folder of ``corpus`` and the ``(folder, label prefix)`` pairs that carries a position or a serial, as ERRORs.

    Every regular file the repository can hold there is looked at, whatever its name
    (:func:`files_at_rest`: ``_draft.jpg``, ``.anh.jpg``, ``~$bai.docx`` and ``Thumbs.db``
    too, which the site leaves out but a public repository serves all the same), each chosen
    by its bytes (:func:`file_problem`). A photo whose metadata cannot be read is an
    ``image_unreadable`` ERROR: the build would not publish it either. A file the posts
    folder already refused as too large is not said twice.
    """
    refused = {problem.file for problem in corpus.problems if problem.code == "file_too_large"}
    # A file that parsed as a post is text with a YAML header, no picture or container: its
    # bytes were just read (opening 10,000 posts again cost the check a fifth of its time).
    posts = {corpus.prefix + post.path for post in corpus.posts}
    problems: list[Problem] = []
    for folder, prefix in ((corpus.root, corpus.prefix), *folders):
        for path, label in files_at_rest(folder, prefix):
            if isinstance(path, Problem):
                problems.extend([path] if path not in corpus.problems else [])
                continue
            problem = None if label in refused or label in posts else file_problem(path, label)
            if problem is not None:
                problems.append(problem)
    return tuple(problems)


def files_at_rest(folder: str | os.PathLike, prefix: str) -> Iterator[tuple[Path | Problem, str]]:
    """``(path, label)`` of every regular file under ``folder``, whatever its name, in name order; ``.git`` is skipped.

    No symlink is followed (the site never publishes one that leaves the column, and the file a
    link inside points at is walked where it is). The walk is bounded as the posts folder's is
    (:data:`gecolumn.sources.MAX_FILES` files, :data:`~gecolumn.sources.MAX_DEPTH` levels); past
    the first bound the folder's ``too_many_files`` is given in place of a path.
    """
    root = Path(folder)
    if root.is_symlink() or not root.is_dir():
        return
    count = 0
    stack: list[tuple[Path, str, int]] = [(root, "", 0)]
    while stack:
        current, relative, depth = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:
            continue  # the posts folder's scan says so; an unreadable folder is not a photo
        folders = []
        for entry in entries:
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                if entry.name != ".git" and depth + 1 < MAX_DEPTH:
                    folders.append((Path(entry.path), f"{relative}{entry.name}/", depth + 1))
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            count += 1
            if count > MAX_FILES:
                yield Problem(prefix.rstrip("/"), "too_many_files", params={"limit": MAX_FILES}), prefix
                return
            yield Path(entry.path), prefix + unicodedata.normalize("NFC", relative + entry.name)
        stack.extend(reversed(folders))


def file_problem(path: Path, label: str) -> Problem | None:
    """The problem one file gives, if it is a picture or a container (by its bytes) that carries something or cannot be read.

    A file named like a photo is a photo, or unreadable; any other file is looked into when its
    first bytes say picture, Office/OpenDocument zip, PDF or MP4/MOV, whatever its name.
    """
    kind = _format_of(read_head(path, HEAD_BYTES))
    named_photo = path.suffix.lower() in PHOTO_SUFFIXES
    if kind is None and not named_photo:
        return None
    fix = "export" if kind in ("PDF", "VIDEO") else "strip"
    try:
        carried, parts = _inspect(path)
    except PhotoUnreadable as exc:
        if kind in CONTAINER_FORMATS:
            # Published as it is (its reader's problem); only say it was not looked into, and how to make it readable.
            params = {**exc.params, "fix": "office" if kind == "ZIP" else "export"}
            return Problem(label, "attachment_unchecked", params=params, severity=Severity.WARNING)
        return exc.as_problem(label)
    if not carried:
        return None
    params = {"file": label, "carried": tuple(carried), "fix": fix}  # the catalogue says each kind in words
    if kind in CONTAINER_FORMATS:
        params["parts"] = ", ".join(label for _, label, _ in parts)
        return Problem(label, "attachment_has_location", params=params)
    return Problem(label, "photo_has_location", params=params)
