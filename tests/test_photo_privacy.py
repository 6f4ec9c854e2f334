"""Photos at rest (issue 18): a photo or attachment in the repository never keeps the school's GPS position or the phone's serial."""

import io
import os
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
    unreadable = (
        "posts/2024/anh.jpg: LỖI: tệp có đuôi ảnh nhưng không đọc được như một ảnh (không phải ảnh / not an image: PostScript)"
    )
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
    assert "posts/2024/ke-hoach.docx: CẢNH BÁO: không xem được ảnh bên trong tệp đính kèm" in result.stdout + result.stderr
    assert "internal_error" not in result.stdout + result.stderr and "RuntimeError" not in result.stderr
