"""Every image the site publishes is one the column made: the cache is untrusted, formats are decided by bytes, drafts hold theirs back."""

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import post
from PIL import Image, ImageCms

TODAY = "2024-03-20"
GPS_IFD, MAKE = 0x8825, 0x010F
CANARY = "canary-7f3e9b1d-khong-duoc-lo"
META = b"META-CANARY-5c1"
"""Written into every metadata slot a format has: it must never reach site/."""


def jpeg(colour=(200, 30, 30), size=(64, 48), comment: bytes | None = None, gps=True) -> bytes:
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[MAKE] = META.decode()
    if gps:
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 10.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=comment or b"", quality=90)
    return buffer.getvalue()


def png(colour, size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG", compress_level=0)  # same size for any colour
    return buffer.getvalue()


def published_files(site_dir: Path) -> list[Path]:
    return [path for path in site_dir.rglob("*") if path.is_file()]


def assert_nowhere(needle: bytes, site_dir: Path) -> None:
    leaked = [path for path in published_files(site_dir) if needle in path.read_bytes()]
    assert not leaked, leaked


def git(cwd: Path, *args: str) -> None:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    environment["GIT_COMMITTER_EMAIL"] = "t@t"
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=environment)


def test_a_committed_cache_entry_cannot_publish_a_file_of_the_build_machine(make_site, tmp_path):
    site = make_site()
    photo = jpeg()
    site.add("2024/anh.jpg", photo)
    site.add("2024/bai.md", post(body="![Ảnh](anh.jpg)"))
    cache = site.root / ".cache" / "gecolumn-images"
    (cache / "seen").mkdir(parents=True)
    # Entries anyone can name (the key is a hash of the photo), for each processing version,
    # pointing out of the cache: an absolute path, a climb, and a planted symlink.
    for version in "123":
        key = hashlib.sha256(photo + version.encode()).hexdigest()[:32]
        rows = [{"path": "/proc/self/environ", "width": 64, "height": 48, "size": 1, "sha256": "0" * 64}]
        (cache / f"{key}.json").write_text(json.dumps({"variants": rows, "extension": ".jpg", "kind": "JPEG", "mac": "0"}))
        os.symlink("/proc/self/environ", cache / f"{key}-64.jpg")
    (cache / "seen" / "x").write_text("../../../../etc/passwd")
    (site.root / ".gitignore").write_text("site/\n.cache/\n")
    git(site.root, "init", "-q")
    git(site.root, "add", "-A")
    git(site.root, "add", "-f", ".cache")  # as a web upload or `git add -f` would
    git(site.root, "commit", "-qm", "bài mới")
    checkout = tmp_path / "ci"
    git(tmp_path, "clone", "-q", str(site.root), str(checkout))  # CI's fresh checkout holds the entries

    result = subprocess.run(
        [sys.executable, "-m", "gecolumn", "package", "-f", str(checkout / "mkdocs.yml"), "--output", str(checkout / "dist")],
        capture_output=True,
        text=True,
        env={**os.environ, "DEPLOY_TOKEN": CANARY, "SOURCE_DATE_EPOCH": "1710900000"},
        cwd=checkout,
    )
    assert ".cache/gecolumn-images: LỖI: thư mục ảnh tạm '.cache/gecolumn-images' đã được đưa vào kho git" in result.stderr
    assert result.returncode == 1, result.stderr  # --strict: the committed cache stops publishing
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(checkout / "mkdocs.yml")],
        capture_output=True,
        env={**os.environ, "DEPLOY_TOKEN": CANARY, "SOURCE_DATE_EPOCH": "1710900000", "NO_MKDOCS_2_WARNING": "1"},
        cwd=checkout,
    )
    assert built.returncode == 0, built.stderr
    assert_nowhere(CANARY.encode(), checkout / "site")
    for zipped in (checkout / "dist").glob("*.zip") if (checkout / "dist").exists() else ():
        with zipfile.ZipFile(zipped) as archive:
            assert not any(CANARY.encode() in archive.read(name) for name in archive.namelist())
    with Image.open(checkout / "site" / "bai-viet" / "tep" / "2024" / "anh.jpg") as published:
        assert published.size == (64, 48) and published.getpixel((5, 5))[0] > 150
    # The build wrote nowhere the planted symlinks point, and left the column's files as committed.
    assert (cache / f"{hashlib.sha256(photo + b'2').hexdigest()[:32]}-64.jpg").is_symlink()


def test_a_tampered_cache_copy_is_made_again_not_published(make_site):
    site = make_site()
    site.add("2024/anh.jpg", jpeg(colour=(200, 30, 30)))
    site.add("2024/bai.md", post(body="![Ảnh](anh.jpg)"))
    assert site.build(today=TODAY).returncode == 0
    cache = site.root / ".cache" / "gecolumn-images"
    [copy] = [path for path in cache.glob("*.jpg")]
    copy.write_bytes(jpeg(colour=(30, 200, 30), gps=False))  # another picture, in place of the column's copy
    assert site.build(today=TODAY).returncode == 0
    with Image.open(site.site_dir / "bai-viet" / "tep" / "2024" / "anh.jpg") as published:
        assert published.getpixel((5, 5))[0] > 150  # red, as the author's photo: the swap was not trusted


def test_a_postscript_file_named_like_a_photo_never_reaches_ghostscript(make_site, tmp_path):
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    marker = tmp_path / "ghostscript-ran"
    gs = fake_bin / "gs"
    gs.write_text(f"#!/bin/sh\ntouch '{marker}'\nexit 1\n")
    gs.chmod(0o755)
    site = make_site()
    site.add("2024/anh.jpg", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n{ } loop\n")
    site.add("2024/bai.md", post(body="![Ảnh](anh.jpg)"))
    result = site.build(today=TODAY, env={"PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}"}, timeout=120)
    assert not marker.exists()
    [line] = [line for line in result.stderr.splitlines() if "posts/2024/anh.jpg: LỖI: tệp có đuôi ảnh nhưng không đọc" in line]
    assert "PostScript" in line
    assert not (site.site_dir / "bai-viet" / "tep" / "2024" / "anh.jpg").exists()


def test_every_published_image_is_stripped_whatever_its_format_name_or_folder(make_site):
    site = make_site()
    gif = io.BytesIO()
    frames = [Image.new("RGB", (40, 30), colour) for colour in ((200, 0, 0), (0, 0, 200))]
    frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:], comment=META, duration=200, loop=0)
    avif = io.BytesIO()
    exif = Image.Exif()
    exif[MAKE] = META.decode()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 1.0, 30.0)})
    Image.new("RGB", (40, 30), (10, 10, 200)).save(avif, "AVIF", exif=exif, xmp=b"<x>" + META + b"</x>")
    site.add("2024/dong.gif", gif.getvalue())
    site.add("2024/anh.avif", avif.getvalue())
    site.add("2024/that-ra-la-jpeg.gif", jpeg())
    site.add("2024/chu-thich.jpg", jpeg(comment=META))
    site.add("2024/bai.md", post(body="![a](dong.gif) ![b](anh.avif) ![c](that-ra-la-jpeg.gif) ![d](chu-thich.jpg)"))
    (site.root / "docs" / "anh-truong.jpg").write_bytes(jpeg())
    (site.root / "docs" / "index.md").write_text("# Trang chủ\n\n![Trường](anh-truong.jpg)\n", encoding="utf-8")
    result = site.build(today=TODAY)
    assert result.returncode == 0, result.stderr
    assert "posts/2024/that-ra-la-jpeg.gif: LỖI: ảnh mang vị trí GPS" in result.stderr  # the original, in the repository
    assert_nowhere(META, site.site_dir)
    tep = site.site_dir / "bai-viet" / "tep" / "2024"
    with Image.open(tep / "dong.gif") as animated:
        assert animated.format == "GIF" and animated.n_frames == 2
    with Image.open(tep / "anh.webp") as converted:  # AVIF is published as WebP
        assert converted.format == "WEBP" and not converted.getexif()
    assert not (tep / "that-ra-la-jpeg.gif").exists()
    with Image.open(tep / "that-ra-la-jpeg.jpg") as renamed:
        assert renamed.format == "JPEG" and not renamed.getexif()
    with Image.open(site.site_dir / "anh-truong.jpg") as own:
        assert not own.getexif()
    page = site.html("bai-viet/binh-dang-gioi-trong-truong-hoc/index.html")
    sources = [img["src"] for img in page.select("article p img")]
    assert sources == [
        "../tep/2024/dong.gif",
        "../tep/2024/anh.webp",
        "../tep/2024/that-ra-la-jpeg.jpg",
        "../tep/2024/chu-thich.jpg",
    ]


def profile_saying(text: str) -> bytes:
    """An sRGB ICC profile whose description reads ``text`` (13 characters, the length of littlecms' own)."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return profile.replace("sRGB built-in".encode("utf-16-be"), text.encode("utf-16-be"))


def test_a_published_image_has_no_icc_profile_and_no_text_from_one(make_site):
    marker = "ICC-MARKER-7q"
    profile = profile_saying(marker)
    site = make_site()
    for name, kind in (("anh.jpg", "JPEG"), ("so-do.png", "PNG"), ("anh.webp", "WEBP")):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, kind, icc_profile=profile)
        site.add(f"2024/{name}", buffer.getvalue())
    site.add("2024/bai.md", post(body="![a](anh.jpg) ![b](so-do.png) ![c](anh.webp)"))
    (site.root / "docs" / "logo.jpg").write_bytes(site.posts.joinpath("2024/anh.jpg").read_bytes())
    result = site.build(today=TODAY)
    assert result.returncode == 0, result.stderr
    for needle in (marker.encode("ascii"), marker.encode("utf-16-be"), marker.encode("utf-16-le")):
        assert_nowhere(needle, site.site_dir)
    tep = site.site_dir / "bai-viet" / "tep" / "2024"
    for path in (tep / "anh.jpg", tep / "so-do.png", tep / "anh.webp", site.site_dir / "logo.jpg"):
        with Image.open(path) as published:
            assert "icc_profile" not in published.info, path
            red, green, blue = published.convert("RGB").getpixel((10, 10))[:3]
            assert red > 170 and green < 60 and blue < 60, (path, red, green, blue)  # sRGB to sRGB: the colour stays


def test_a_replaced_photo_with_the_same_size_and_time_is_published_anew(make_site):
    site = make_site()
    path = site.add("2024/anh.png", png((200, 30, 30)))
    site.add("2024/bai.md", post(body="![Ảnh](anh.png)"))
    assert site.build(today=TODAY).returncode == 0
    before = path.stat()
    path.write_bytes(png((30, 200, 30)))  # cp -p: other bytes, same size and modification time
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert site.build(today=TODAY).returncode == 0
    with Image.open(site.site_dir / "bai-viet" / "tep" / "2024" / "anh.png") as published:
        assert published.getpixel((5, 5)) == (30, 200, 30)


def test_two_files_published_under_one_name_are_refused_with_both_names(make_site):
    heif = pytest.importorskip("pillow_heif")
    buffer = io.BytesIO()
    heif.from_pillow(Image.new("RGB", (40, 30), (90, 90, 200))).save(buffer, quality=60)
    site = make_site()
    site.add("2024/anh.heic", buffer.getvalue())
    site.add("2024/anh.jpg", jpeg())
    site.add("2024/bai.md", post(body="![a](anh.heic) ![b](anh.jpg)"))
    result = site.build(today=TODAY)
    assert (
        "posts/2024/anh.jpg: LỖI: tệp này và posts/2024/anh.heic sẽ được đăng cùng một tên 'posts/2024/anh.jpg'" in result.stderr
    )
    assert not (site.site_dir / "bai-viet" / "tep" / "2024" / "anh.jpg").exists()
    assert site.build("--strict", today=TODAY).returncode == 1


def test_a_file_only_drafts_and_scheduled_posts_use_is_held_back_until_one_is_out(make_site):
    site = make_site()
    site.add("2024/bi-mat.jpg", jpeg())
    site.add("2024/lich.pdf", b"%PDF-1.4 ke hoach")
    site.add("2024/chung.png", png((1, 2, 3)))
    site.add(
        "2024/nhap.md", post(title="Bài nháp", draft="true", image="bi-mat.jpg", body="[Kế hoạch](lich.pdf) ![x](chung.png)")
    )
    site.add("2024/hen.md", post(title="Bài hẹn giờ", date="30/03/2024", body="![y](chung.png)"))
    site.add("2024/da-dang.md", post(title="Bài đã đăng", body="![z](chung.png)"))
    assert site.build(today=TODAY).returncode == 0
    tep = site.site_dir / "bai-viet" / "tep" / "2024"
    assert sorted(path.name for path in tep.iterdir()) == ["chung.png"]
    assert site.build(today="2024-03-30").returncode == 0  # the scheduled post is out: what it uses is too
    assert sorted(path.name for path in tep.iterdir()) == ["chung.png"]
    draft = site.posts / "2024" / "nhap.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    assert site.build(today="2024-03-30").returncode == 0
    assert sorted(path.name for path in tep.iterdir()) == ["bi-mat.jpg", "chung.png", "lich.pdf"]


def test_the_cache_folder_as_a_symlink_is_refused_and_nothing_is_written_through_it(make_site, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = make_site()
    site.add("2024/anh.jpg", jpeg())
    site.add("2024/bai.md", post(body="![Ảnh](anh.jpg)"))
    (site.root / ".cache").symlink_to(elsewhere, target_is_directory=True)
    result = site.build(today=TODAY)
    assert result.returncode == 0, result.stderr
    assert ".cache/gecolumn-images: LỖI: đây là một liên kết tượng trưng (symlink)" in result.stderr
    assert list(elsewhere.rglob("*")) == []
    assert (site.site_dir / "bai-viet" / "tep" / "2024" / "anh.jpg").is_file()


def test_a_draft_photo_is_held_back_by_its_path_and_a_live_photo_with_parentheses_is_kept(make_site):
    site = make_site()
    site.add("2024/IMG_0001.jpg", jpeg(colour=(200, 30, 30)))  # phones reuse names from year to year
    site.add("2025/IMG_0001.jpg", jpeg(colour=(30, 30, 200)))
    site.add("2025/anh(1).jpg", jpeg())  # how Windows names a copy
    site.add("2025/nhap(2).jpg", jpeg())
    site.add("2024/cu.md", post(title="Bài cũ", body="![Lễ](IMG_0001.jpg)"))
    site.add("2025/moi.md", post(title="Bài mới", date="02/01/2025", quarter="2025-Q1", body="![Lễ](anh(1).jpg)"))
    site.add(
        "2025/nhap.md",
        post(
            title="Nháp",
            date="03/01/2025",
            quarter="2025-Q1",
            draft="true",
            body='![a](IMG_0001.jpg) <img src="anh(1).jpg"> ![b](nhap(2).jpg)',
        ),
    )
    result = site.build(today="2025-01-10")
    assert result.returncode == 0, result.stderr
    tep = site.site_dir / "bai-viet" / "tep"
    assert (tep / "2024" / "IMG_0001.jpg").is_file() and (tep / "2025" / "anh(1).jpg").is_file()
    assert not (tep / "2025" / "IMG_0001.jpg").exists() and not (tep / "2025" / "nhap(2).jpg").exists()
    assert "posts/2025/IMG_0001.jpg: THÔNG TIN: chỉ bài nháp hoặc bài hẹn giờ dùng tệp này" in result.stderr


def test_a_link_in_docs_or_the_theme_folder_cannot_publish_git_config_or_the_environment(make_site):
    site = make_site(theme={"name": "material", "language": "vi", "font": False, "custom_dir": "overrides"})
    site.add("2024/bai.md", post())
    (site.root / ".git").mkdir()
    (site.root / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic " + CANARY + "\n")
    (site.root / "docs" / "config.txt").symlink_to("../.git/config")
    (site.root / "overrides" / "assets").mkdir(parents=True)
    (site.root / "overrides" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    result = site.build(today=TODAY, env={"DEPLOY_TOKEN": CANARY}, process=True)  # /proc/self/environ is a process's
    assert result.returncode == 0, result.stderr
    assert_nowhere(CANARY.encode(), site.site_dir)
    for label in ("docs/config.txt", "overrides/assets/env.txt"):
        assert f"{label}: LỖI: đây là một liên kết tượng trưng (symlink)" in result.stderr
