"""Photos at rest (issue 18): a photo or attachment in the repository never keeps the school's GPS position or the phone's serial."""

import io
import os
import re
import struct
import subprocess
import sys
import zipfile
import zlib

import pytest
from conftest import ROOT, post, run_python
from PIL import Image

from gecolumn.photo_privacy import find_private_data, strip_private_data

FIXTURE = ROOT / "tests" / "fixtures" / "anh-gps-xoay.jpg"
GPS_IFD, ORIENTATION = 0x8825, 0x0112
GPS = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 10.0)}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,1.5N" '
    b'exif:GPSLongitude="105,50.2E"/></rdf:RDF></x:xmpmeta>'
)


def photos(site, *args, lang=None):
    """``python -m gecolumn photos …`` in the column's folder, as a staff member runs it."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    return run_python(["-m", "gecolumn", "photos", *args], cwd=site.root, env=env)


def scan_data(jpeg: bytes) -> bytes:
    """The entropy-coded data: from the start-of-scan marker to the end-of-image marker."""
    start = jpeg.index(b"\xff\xda")
    return jpeg[start : jpeg.rindex(b"\xff\xd9") + 2]


def png_with_gps() -> bytes:
    """A small PNG with a GPS position in eXIf and in an iTXt XMP packet."""
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update(GPS)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 10)).save(buffer, "PNG", exif=exif.tobytes())
    data = buffer.getvalue()
    body = b"iTXt" + b"XML:com.adobe.xmp\0\0\0\0\0" + XMP
    itxt = struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))
    idat = data.index(b"IDAT") - 4
    return data[:idat] + itxt + data[idat:]


def docx_holding(photo: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/image1.jpeg", photo)
    return buffer.getvalue()


# --- the check ---------------------------------------------------------------------------------


def test_a_phone_photo_with_gps_in_posts_fails_the_check_naming_the_file_and_the_fix(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    site.add("2024/anh-truong.jpg", FIXTURE.read_bytes())
    result = site.check("--today", "2024-03-20")
    assert result.returncode == 2, result.stdout
    line = next(line for line in result.stdout.splitlines() if "anh-truong.jpg" in line)
    assert line.strip().startswith("posts/2024/anh-truong.jpg: LỖI: ảnh mang vị trí GPS, số sê-ri máy ảnh")
    assert "python -m gecolumn photos --strip posts/2024/anh-truong.jpg" in line
    as_json = site.check("--today", "2024-03-20", "--format", "json")
    assert '"photo_has_location"' in as_json.stdout


def test_a_word_attachment_holding_a_gps_photo_is_reported_with_the_picture_inside(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    site.add("2024/ke-hoach.docx", docx_holding(FIXTURE.read_bytes()))
    result = site.check("--today", "2024-03-20", "--format", "json")
    assert result.returncode == 2
    assert '"attachment_has_location"' in result.stdout and "word/media/image1.jpeg" in result.stdout


def test_a_photo_in_docs_is_checked_too(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    (site.root / "docs" / "logo.jpg").write_bytes(FIXTURE.read_bytes())
    result = site.check("--today", "2024-03-20")
    assert result.returncode == 2 and "docs/logo.jpg: LỖI: ảnh mang vị trí GPS" in result.stdout


# --- photos --strip ------------------------------------------------------------------------------


def test_strip_removes_gps_keeps_the_scan_data_byte_for_byte_and_the_photo_upright(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    photo = site.add("2024/anh-truong.jpg", FIXTURE.read_bytes())
    assert photos(site).returncode == 1  # listed: a CI step fails on it

    result = photos(site, "--strip")
    assert result.returncode == 0, result.stderr
    assert "posts/2024/anh-truong.jpg: THÔNG TIN: đã xoá vị trí GPS, số sê-ri máy ảnh (EXIF)" in result.stdout
    assert "giữ lại hướng xoay" in result.stdout

    after = photo.read_bytes()
    assert scan_data(after) == scan_data(FIXTURE.read_bytes())
    with Image.open(FIXTURE) as before, Image.open(photo) as stripped:
        assert stripped.tobytes() == before.tobytes()
        exif = stripped.getexif()
        assert dict(exif) == {ORIENTATION: 6} and not exif.get_ifd(GPS_IFD) and "xmp" not in stripped.info
    assert find_private_data(photo) == ()
    assert photos(site).returncode == 0
    assert site.check("--today", "2024-03-20").returncode == 0


def test_strip_on_a_png_drops_exif_and_xmp_text_and_keeps_the_pixels(tmp_path):
    path = tmp_path / "so-do.png"
    path.write_bytes(png_with_gps())
    assert find_private_data(path) == ("location",)
    stripped = strip_private_data(path)
    assert stripped.removed == ("eXIf", "iTXt")
    with Image.open(path) as image, Image.open(io.BytesIO(png_with_gps())) as before:
        image.load()  # checks every CRC
        assert image.tobytes() == before.tobytes() and "exif" not in image.info and "XML:com.adobe.xmp" not in image.info
    assert find_private_data(path) == ()


def test_strip_never_follows_a_symlink(tmp_path):
    target = tmp_path / "that.jpg"
    target.write_bytes(FIXTURE.read_bytes())
    (tmp_path / "link.jpg").symlink_to(target)
    with pytest.raises(ValueError):
        strip_private_data(tmp_path / "link.jpg")
    assert target.read_bytes() == FIXTURE.read_bytes()


# --- hostile files ---------------------------------------------------------------------------------


def test_a_postscript_file_named_like_a_photo_never_reaches_ghostscript(make_site, tmp_path):
    bin_dir, marker = tmp_path / "bin", tmp_path / "ghostscript-ran"
    bin_dir.mkdir()
    for name in ("gs", "gswin32c", "gswin64c"):
        fake = bin_dir / name
        fake.write_text(f"#!/bin/sh\ntouch '{marker}'\n")
        fake.chmod(0o755)
    site = make_site()
    site.add("2024/bai.md", post())
    site.add("2024/anh.jpg", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\nshowpage\n")
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    check = site.check("--today", "2024-03-20", env=env)
    listed = subprocess.run(
        [sys.executable, "-m", "gecolumn", "photos", "--strip"],
        capture_output=True, text=True, encoding="utf-8", cwd=site.root, env={**os.environ, **env},
    )  # fmt: skip
    assert not marker.exists()
    unreadable = "posts/2024/anh.jpg: LỖI: tệp có đuôi ảnh nhưng không đọc được như một ảnh (không phải ảnh: PostScript)"
    assert check.returncode == 2 and unreadable in check.stdout
    assert listed.returncode == 2 and unreadable in listed.stderr


@pytest.mark.parametrize("cut", [3, 20, 200, 2000])
def test_a_truncated_photo_is_unreadable_never_a_crash(tmp_path, cut):
    path = tmp_path / "cut.jpg"
    path.write_bytes(FIXTURE.read_bytes()[:cut])
    try:
        find_private_data(path)
    except ValueError as exc:
        assert type(exc).__name__ == "PhotoUnreadable"


# --- new_post --from --------------------------------------------------------------------------------


def test_a_photo_imported_from_word_is_upright_and_carries_no_exif(make_site):
    from test_docx_import import COLUMN, DOCX, SLUG
    from test_tools import run

    site = make_site(COLUMN)
    result = run("new_post.py", "--from", str(DOCX), "--unit", "thcs-bao-khe", "--date", "07/03/2025", cwd=site.root)
    assert result.returncode == 0, result.stderr
    with Image.open(site.posts / f"2025/{SLUG}-anh-1.jpg") as imported, Image.open(FIXTURE) as original:
        assert original.size == (3000, 2000) and original.getexif()[ORIENTATION] == 6
        assert imported.size == (2000, 3000)  # turned as orientation 6 says: portrait
        assert not imported.getexif() and "exif" not in imported.info and "xmp" not in imported.info
        top, bottom = imported.getpixel((1000, 10)), imported.getpixel((1000, 2990))
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]  # red band on top, as the fixture is shot
    assert run("check_quarters.py", "--today", "2025-03-10", cwd=site.root).returncode == 0


def test_an_encrypted_part_in_an_attachment_is_unchecked_not_a_crash_of_the_check(make_site):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/media/image1.jpeg", b"\xff\xd8\xff" + b"x" * 100)
    data = bytearray(buffer.getvalue())
    data[6] |= 1  # "encrypted" in the local header and in the central directory: zipfile raises RuntimeError
    data[data.rfind(b"PK\x01\x02") + 8] |= 1
    site = make_site()
    site.add("2024/bai.md", post())
    site.add("2024/ke-hoach.docx", bytes(data))
    result = site.check("--today", "2024-03-20")
    assert "posts/2024/ke-hoach.docx: CẢNH BÁO: không xem được bên trong tệp đính kèm" in result.stdout + result.stderr
    assert "internal_error" not in result.stdout + result.stderr and "RuntimeError" not in result.stderr


# --- chosen by content: any name, any part, any container (issue 18, second round) -----------------

GPS_JPEG = FIXTURE.read_bytes()
DC, EXIF_NS = "http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/exif/1.0/"
RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'


def tiny_jpeg(app1: bytes = b"") -> bytes:
    """A small clean JPEG, with ``app1`` (a whole APP1 payload) as its first segment."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), (200, 30, 30)).save(buffer, "JPEG")
    data = buffer.getvalue()
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 if app1 else b""
    return data[:2] + segment + data[2:]


def xmp_jpeg(packet: bytes) -> bytes:
    return tiny_jpeg(b"http://ns.adobe.com/xap/1.0/\0" + packet)


def rdf(inner: str) -> str:
    return f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF {RDF}>{inner}</rdf:RDF></x:xmpmeta>'


XMP_VARIANTS = {
    "cdata": rdf(f'<rdf:Description xmlns:exif="{EXIF_NS}"><exif:GPSLatitude><![CDATA[21,1.5N]]></exif:GPSLatitude>'
                 "</rdf:Description>").encode(),
    "comment": rdf(f'<rdf:Description xmlns:exif="{EXIF_NS}"><exif:GPSLongitude><!-- x -->105,50.2E</exif:GPSLongitude>'
                   "</rdf:Description>").encode(),
    "dji": rdf('<rdf:Description xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/" drone-dji:GpsLatitude="21.0285"/>')
    .encode(),
    "dji_lower_case": rdf('<rdf:Description xmlns:d="http://www.dji.com/drone-dji/1.0/" d:gpslongtitude="105.8"/>').encode(),
    "utf16": ("\ufeff" + rdf(f'<rdf:Description xmlns:exif="{EXIF_NS}" exif:GPSLatitude="21,1.5N"/>')).encode("utf-16-le"),
    "nested_element": rdf(f'<rdf:Description xmlns:exif="{EXIF_NS}"><exif:GPSLatitude><rdf:Alt><rdf:li>21,1.5N</rdf:li>'
                          "</rdf:Alt></exif:GPSLatitude></rdf:Description>").encode(),
}  # fmt: skip


@pytest.mark.parametrize("variant", sorted(XMP_VARIANTS))
def test_a_position_in_xmp_is_found_however_it_is_written_and_strip_takes_all_xmp_out(tmp_path, variant):
    path = tmp_path / "anh.jpg"
    path.write_bytes(xmp_jpeg(XMP_VARIANTS[variant]))
    assert find_private_data(path) == ("location",)
    assert strip_private_data(path).removed == ("XMP",)
    assert b"ns.adobe.com/xap" not in path.read_bytes() and find_private_data(path) == ()


def test_an_xmp_packet_with_a_dtd_is_never_expanded_but_reported_and_stripped(make_site):
    packet = b'<!DOCTYPE x [<!ENTITY p "21,1.5N">]>' + XMP_VARIANTS["cdata"].replace(b"<![CDATA[21,1.5N]]>", b"&p;")
    site = make_site()
    site.add("2024/bai.md", post())
    site.add("2024/anh.jpg", xmp_jpeg(packet))
    result = site.check("--today", "2024-03-20", "--lang", "en")
    assert result.returncode == 2
    assert "posts/2024/anh.jpg: ERROR: the photo carries a malformed XMP packet that may hold a position" in result.stdout
    assert photos(site, "--strip").returncode == 0
    assert site.check("--today", "2024-03-20").returncode == 0


@pytest.mark.parametrize("where", ["posts/2024/anh.pdf", "posts/2024/anh.bin", "docs/tai-lieu.bin"])
def test_a_gps_photo_under_any_name_is_found_by_its_bytes_and_stripped(make_site, where):
    site = make_site()
    site.add("2024/bai.md", post())
    (site.root / where).write_bytes(GPS_JPEG)
    result = site.check("--today", "2024-03-20")
    assert result.returncode == 2
    assert f"{where}: LỖI: ảnh mang vị trí GPS, số sê-ri máy ảnh" in result.stdout
    assert photos(site).returncode == 1
    assert photos(site, "--strip").returncode == 0
    assert "photo_has_location" not in site.check("--today", "2024-03-20", "--format", "json").stdout


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def gps_tiff() -> bytes:
    """A TIFF picture whose first directory points to a GPS directory, as a scanner or a camera writes it."""
    from PIL import TiffImagePlugin

    info, gps = TiffImagePlugin.ImageFileDirectory_v2(), TiffImagePlugin.ImageFileDirectory_v2()
    gps.update(GPS)
    info[GPS_IFD] = gps
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), (10, 120, 10)).save(buffer, "TIFF", tiffinfo=info)
    return buffer.getvalue()


@pytest.mark.filterwarnings("ignore:Metadata Warning")  # Pillow, writing the GPS directory of the TIFF fixture
def test_every_picture_inside_an_attachment_is_examined_by_its_bytes_whatever_its_folder_or_case():
    from gecolumn.photo_privacy import find_in_attachment

    slides = zipped({"ppt/media/image1.jpg": GPS_JPEG})
    document = zipped(
        {
            "Word/Media/image1.jpeg": GPS_JPEG,
            "docProps/thumbnail.jpeg": GPS_JPEG,
            "word/media/image2.tiff": gps_tiff(),
            "word/embeddings/Trinh_chieu.pptx": slides,
            "word/media/image3.jpeg": tiny_jpeg(),  # clean: not named
        }
    )
    assert {name for name, _ in find_in_attachment(document)} == {
        "Word/Media/image1.jpeg",
        "docProps/thumbnail.jpeg",
        "word/media/image2.tiff",
        "word/embeddings/Trinh_chieu.pptx › ppt/media/image1.jpg",
    }


def test_strip_cleans_a_word_file_inside_a_word_file_and_keeps_its_pictures(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    inner = zipped({"word/media/image1.jpeg": GPS_JPEG})
    path = site.add("2024/ke-hoach.docx", zipped({"Word/Media/anh.jpeg": GPS_JPEG, "word/embeddings/phu-luc.docx": inner}))
    listed = photos(site)
    assert listed.returncode == 1 and "word/embeddings/phu-luc.docx › word/media/image1.jpeg" in listed.stdout
    assert photos(site, "--strip").returncode == 0
    assert find_private_data(path) == ()
    with zipfile.ZipFile(path) as outer, zipfile.ZipFile(io.BytesIO(outer.read("word/embeddings/phu-luc.docx"))) as nested:
        assert scan_data(nested.read("word/media/image1.jpeg")) == scan_data(GPS_JPEG)
        assert scan_data(outer.read("Word/Media/anh.jpeg")) == scan_data(GPS_JPEG)


def test_containers_nested_past_the_limit_are_unchecked_not_followed(make_site):
    document = GPS_JPEG
    for level in range(5):
        document = zipped({f"word/embeddings/lop-{level}.docx" if level else "word/media/a.jpeg": document})
    site = make_site()
    site.add("2024/bai.md", post())
    site.add("2024/long-nhau.docx", document)
    result = site.check("--today", "2024-03-20", "--lang", "en")
    assert "posts/2024/long-nhau.docx: WARNING: this attachment could not be looked into (" in result.stdout
    assert "nested over 3 levels" in result.stdout


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4_with_position() -> bytes:
    """What Android's MediaMuxer writes: the position as ``©xyz`` in the movie's user data."""
    position = b"+21.0285+105.8542/"
    udta = box(b"udta", box(b"\xa9xyz", struct.pack(">HH", len(position), 0x15C7) + position))
    return box(b"ftyp", b"isom\0\0\2\0isomiso2mp41") + box(b"moov", box(b"mvhd", b"\0" * 100) + udta) + box(b"mdat", b"x" * 64)


def mov_with_position() -> bytes:
    """An iPhone's MOV: no ftyp first, the position under a QuickTime ``meta`` key."""
    key = b"com.apple.quicktime.location.ISO6709"
    keys = box(b"keys", b"\0\0\0\0" + struct.pack(">I", 1) + struct.pack(">I", 8 + len(key)) + b"mdta" + key)
    value = box(struct.pack(">I", 1), box(b"data", b"\0\0\0\1\0\0\0\0+21.0285+105.8542+012.000/"))
    meta = box(b"meta", box(b"hdlr", b"\0" * 8 + b"mdta" + b"\0" * 13) + keys + box(b"ilst", value))
    return box(b"wide", b"") + box(b"mdat", b"x" * 64) + box(b"moov", box(b"mvhd", b"\0" * 100) + meta)


def pdf_holding(stream: bytes, filters: str = "/DCTDecode") -> bytes:
    """A one-page PDF whose page shows one image, stored as ``stream`` behind ``filters``."""
    image = (
        f"<< /Type /XObject /Subtype /Image /Width 16 /Height 12 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
        f"/Filter {filters} /Length {len(stream)} >>"
    ).encode()
    return (
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >> endobj\n"
        b"4 0 obj " + image + b"\nstream\n" + stream + b"\nendstream endobj\n"
        b"5 0 obj << /Length 26 >>\nstream\nq 16 0 0 12 0 0 cm /Im1 Do Q\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


@pytest.mark.parametrize(
    "name, content, part",
    [
        ("video.mp4", mp4_with_position(), "moov/udta/©xyz"),
        ("iphone.mov.bin", mov_with_position(), "moov/meta/keys"),
        ("ke-hoach.pdf", pdf_holding(GPS_JPEG), "JPEG 1"),
        ("nen.pdf", pdf_holding(zlib.compress(GPS_JPEG), "[/FlateDecode /DCTDecode]"), "JPEG 1"),
    ],
)
def test_a_position_in_a_recording_or_a_pdf_is_reported_with_how_to_export_it_again(make_site, name, content, part):
    site = make_site()
    site.add("2024/bai.md", post())
    site.add(f"2024/{name}", content)
    result = site.check("--today", "2024-03-20")
    assert result.returncode == 2
    line = next(line for line in result.stdout.splitlines() if name in line)
    assert f"posts/2024/{name}: LỖI: tệp đính kèm mang vị trí GPS" in line and part in line
    assert "xuất lại tệp mà không kèm vị trí" in line
    stripped = photos(site, "--strip")
    assert stripped.returncode == 2 and "xuất lại tệp mà không kèm vị trí" in stripped.stderr


def test_a_clean_recording_and_a_clean_pdf_pass_and_an_encrypted_pdf_is_unchecked(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    site.add("2024/video.mp4", box(b"ftyp", b"isom\0\0\2\0isom") + box(b"moov", box(b"mvhd", b"\0" * 100)))
    site.add("2024/sach.pdf", pdf_holding(tiny_jpeg()))
    site.add("2024/mat-khau.pdf", pdf_holding(b"\0" * 40).replace(b"trailer <<", b"trailer << /Encrypt 6 0 R"))
    result = site.check("--today", "2024-03-20", "--format", "json")
    assert result.returncode == 0, result.stdout
    assert '"attachment_unchecked"' in result.stdout and "mat-khau.pdf" in result.stdout
    assert "video.mp4" not in result.stdout and "sach.pdf" not in result.stdout


# --- third round: reasons are catalogue words, every file is looked at, nothing after the image hides ---------

VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)


def broken_files() -> dict[str, bytes]:
    """Files whose reading is refused each for its own reason, and the English words of that reason."""
    jpeg = tiny_jpeg()
    return {
        "cut.jpg": GPS_JPEG[:20],  # truncated
        "segment.jpg": jpeg[:4] + b"\x00\x01" + jpeg[6:],  # bad JPEG segment
        "empty.jpg": b"",  # empty file
        "script.jpg": b"%!PS-Adobe-3.0\n",  # not an image: PostScript
        "exif.jpg": tiny_jpeg(b"Exif\0\0" + b"XX" + b"\0" * 20),  # malformed EXIF
        "mat-khau.pdf": pdf_holding(b"\0" * 40).replace(b"trailer <<", b"trailer << /Encrypt 6 0 R"),  # encrypted PDF
        "lzw.pdf": pdf_holding(b"\0" * 40, "[/LZWDecode /DCTDecode]"),  # PDF stream compressed with LZWDecode
        "hong.docx": zipped({"word/document.xml": b"<w:document/>", "word/media/image1.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 8}),
    }


ENGLISH_REASONS = ("truncated", "bad JPEG segment", "empty file", "not an image", "malformed EXIF", "encrypted PDF", "PDF stream")


def test_why_a_photo_cannot_be_read_is_said_in_the_readers_language_only(make_site):
    site = make_site()
    for name, content in broken_files().items():
        site.add(f"2024/{name}", content)
    english, vietnamese = photos(site, "--lang", "en"), photos(site)
    assert english.returncode == vietnamese.returncode == 2
    for name in broken_files():
        line = next(line for line in english.stderr.splitlines() if f"/{name}:" in line)
        assert not VIETNAMESE.search(line), line
        line = next(line for line in vietnamese.stderr.splitlines() if f"/{name}:" in line)
        assert not any(reason in line for reason in ENGLISH_REASONS), line
    assert "(part 'word/media/image1.png': truncated)" in english.stderr
    assert "(phần 'word/media/image1.png': tệp bị cắt cụt)" in vietnamese.stderr
    assert "(PDF stream compressed with LZWDecode, not read)" in english.stderr


def test_every_refusal_of_a_photo_is_a_catalogue_word_never_prose_in_a_parameter():
    import ast

    from gecolumn.catalogue.files import UNREADABLE

    for module in ("photo_privacy.py", "images.py"):
        tree = ast.parse((ROOT / "gecolumn" / module).read_text(encoding="utf-8"))
        for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
            name = getattr(call.func, "id", "")
            given = [keyword.value for keyword in call.keywords if keyword.arg == "problem"]
            if name == "PhotoUnreadable" and call.args:
                given.append(call.args[0])
            elif name != "ImageRefused":
                continue
            for value in given:
                assert not isinstance(value, ast.JoinedStr), f"{module}:{value.lineno}: prose made in a parameter"
                for word in (n.value for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)):
                    assert word in UNREADABLE.options, f"{module}:{value.lineno}: {word!r} is not a catalogue word"


HIDDEN_NAMES = ["posts/2024/.anh.jpg", "posts/2024/_anh.jpg", "posts/_rieng/anh.jpg", "posts/2024/~$bai.docx",
                "posts/2024/Thumbs.db", "docs/.anh.jpg", "docs/_anh.jpg", "docs/~$bai.docx", "docs/.cu/anh.png"]  # fmt: skip


def test_a_photo_with_gps_is_found_whatever_its_name_hides_and_stripped(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    for name in HIDDEN_NAMES:
        target = site.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(docx_holding(GPS_JPEG) if name.endswith(".docx") else png_with_gps() if ".png" in name else GPS_JPEG)
    (site.root / "posts/.git").mkdir()
    (site.root / "posts/.git/anh.jpg").write_bytes(GPS_JPEG)  # a nested repository's own store: not the column's files
    result = site.check("--today", "2024-03-20")
    assert result.returncode == 2
    reported = {line.split(": ")[0].strip() for line in result.stdout.splitlines() if "LỖI:" in line}
    assert reported == set(HIDDEN_NAMES), result.stdout
    listed = photos(site)
    assert listed.returncode == 1 and all(f"{name}:" in listed.stdout for name in HIDDEN_NAMES), listed.stdout
    assert photos(site, "--strip").returncode == 0
    assert site.check("--today", "2024-03-20").returncode == 0


def test_a_photo_in_the_themes_custom_dir_is_checked_and_stripped_like_one_in_docs(make_site):
    site = make_site(theme={"name": "material", "language": "vi", "custom_dir": "giao-dien"})
    site.add("2024/bai.md", post())
    (site.root / "giao-dien/assets").mkdir(parents=True)
    (site.root / "giao-dien/assets/logo.jpg").write_bytes(GPS_JPEG)
    result = site.check("--today", "2024-03-20")
    assert result.returncode == 2 and "giao-dien/assets/logo.jpg: LỖI: ảnh mang vị trí GPS" in result.stdout
    assert "giao-dien/assets/logo.jpg:" in photos(site).stdout
    assert photos(site, "--strip").returncode == 0
    assert site.check("--today", "2024-03-20").returncode == 0


def clean_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), (10, 120, 10)).save(buffer, "PNG")
    return buffer.getvalue()


def gps_exif() -> bytes:
    """An EXIF block (TIFF structure) holding a GPS position."""
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update(GPS)
    return exif.tobytes()[6:] if exif.tobytes().startswith(b"Exif") else exif.tobytes()


def photoshop_jpeg(resource: int, data: bytes) -> bytes:
    """A small clean JPEG with Photoshop's APP13 holding one ``8BIM`` resource."""
    irb = b"Photoshop 3.0\0" + b"8BIM" + struct.pack(">H", resource) + b"\0\0" + struct.pack(">I", len(data)) + data
    clean = tiny_jpeg()
    return clean[:2] + b"\xff\xed" + struct.pack(">H", len(irb) + 2) + irb + clean[2:]


@pytest.mark.parametrize(
    "name, content",
    [
        ("sau-anh.jpg", tiny_jpeg() + GPS_JPEG),  # a second picture after the end-of-image marker (MPF)
        ("anh-dong.jpg", tiny_jpeg() + mp4_with_position()),  # a motion photo: its video after the picture
        ("samsung.jpg", tiny_jpeg() + b"MotionPhoto_Data" + mp4_with_position()),
        ("sau-anh.png", clean_png() + GPS_JPEG),
        ("photoshop-xmp.jpg", photoshop_jpeg(0x0424, XMP)),
        ("photoshop-exif.jpg", photoshop_jpeg(0x0422, gps_exif())),
    ],
)
def test_a_position_after_the_image_or_in_photoshops_block_is_found_and_stripped(make_site, name, content):
    site = make_site()
    site.add("2024/bai.md", post())
    site.add(f"2024/{name}", content)
    result = site.check("--today", "2024-03-20")
    assert result.returncode == 2 and f"posts/2024/{name}: LỖI: ảnh mang vị trí GPS" in result.stdout, result.stdout
    stripped = photos(site, "--strip")
    assert stripped.returncode == 0, stripped.stderr
    assert site.check("--today", "2024-03-20").returncode == 0


def test_a_photo_named_like_a_post_is_still_looked_into_only_real_posts_are_skipped(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    (site.root / "posts/2024/anh.md").write_bytes(GPS_JPEG)  # not a post: its bytes are a photo with a position
    result = site.check("--today", "2024-03-20")
    assert "posts/2024/anh.md: LỖI: ảnh mang vị trí GPS" in result.stdout, result.stdout
    assert "posts/2024/bai.md: LỖI: ảnh" not in result.stdout
