"""Phone photos are published upright, without EXIF or GPS, at most 1600 px wide, with phone sizes."""

import hashlib
import io
import xml.etree.ElementTree as ET

import pytest
from conftest import ONE_UNIT, Site, post, serving
from PIL import Image

TODAY = "2024-03-20"
GPS_IFD, ORIENTATION, MAKE, MODEL = 0x8825, 0x0112, 0x010F, 0x0110


def phone_photo(width=3000, height=2000, orientation=6) -> bytes:
    """A camera JPEG stored sideways, with the school's GPS position and the camera's make and model."""
    image = Image.new("RGB", (width, height))
    image.paste((200, 30, 30), (0, 0, width // 2, height))  # left half red: tells which way is up
    image.paste((30, 30, 200), (width // 2, 0, width, height))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE], exif[MODEL] = "PhoneMaker", "Model X"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 10.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def with_photos(site):
    """One post with a sideways phone photo carrying GPS (also its cover) and a small PNG without alt text."""
    site.add("2024/anh-truong.jpg", phone_photo())
    site.add("2024/nho.png", _png(300, 200))
    body = "Đoạn mở đầu.\n\n![Học sinh dự buổi tọa đàm](anh-truong.jpg)\n\n![](nho.png)\n"
    site.add("2024/bai.md", post(title="Bài có ảnh", image="anh-truong.jpg", body=body))
    return site


@pytest.fixture
def photo_column(make_site):
    """The photo column, for a test that builds it again."""
    return with_photos(make_site())


@pytest.fixture(scope="module")
def built_photo_column(tmp_path_factory):
    """The photo column built once on 20/03/2024, for the tests that only read it; ``.result`` is the build."""
    site = with_photos(Site(tmp_path_factory.mktemp("photos"), ONE_UNIT))
    site.original = hashlib.sha256((site.posts / "2024/anh-truong.jpg").read_bytes()).hexdigest()
    site.result = site.build(today=TODAY)
    return site


def _png(width, height) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 10)).save(buffer, "PNG")
    return buffer.getvalue()


def published_images(site_dir):
    return [p for p in site_dir.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")]


def test_no_published_image_carries_exif_gps_or_camera_data(built_photo_column):
    result = built_photo_column.result
    assert result.returncode == 0, result.stderr
    photos = published_images(built_photo_column.site_dir / "bai-viet" / "tep")
    assert len(photos) >= 4
    for path in photos:
        with Image.open(path) as image:
            exif = image.getexif()
            assert GPS_IFD not in exif and MAKE not in exif and MODEL not in exif, path
            assert not exif.get_ifd(GPS_IFD) and "exif" not in image.info and "xmp" not in image.info, path
    # the staff member's file is never modified
    assert (
        hashlib.sha256((built_photo_column.posts / "2024/anh-truong.jpg").read_bytes()).hexdigest() == built_photo_column.original
    )


def test_a_sideways_phone_photo_is_published_upright_at_most_1600_wide_with_phone_sizes(built_photo_column):
    folder = built_photo_column.site_dir / "bai-viet" / "tep" / "2024"
    sizes = {path.name: Image.open(path).size for path in folder.glob("anh-truong*")}
    assert sizes == {"anh-truong.jpg": (1600, 2400), "anh-truong-960w.jpg": (960, 1440), "anh-truong-480w.jpg": (480, 720)}
    with Image.open(folder / "anh-truong.jpg") as image:
        top_left, top_right = image.getpixel((10, 10)), image.getpixel((1590, 10))
    # Orientation 6 turns the photo clockwise: the left (red) half becomes the top half.
    assert top_left[0] > 150 and top_right[0] > 150
    assert (folder / "anh-truong.jpg").stat().st_size < len(phone_photo()) / 2


def test_the_page_offers_phone_sizes_and_reserves_room_for_each_photo(built_photo_column):
    images = built_photo_column.html("bai-viet/bai-co-anh/index.html").select(".column-article > img, article p img")
    body = [img for img in images if "column-cover" not in (img.get("class") or [])]
    first, second = body
    assert (
        first["srcset"]
        == "../tep/2024/anh-truong-480w.jpg 480w, ../tep/2024/anh-truong-960w.jpg 960w, ../tep/2024/anh-truong.jpg 1600w"
    )
    assert (first["width"], first["height"], first["sizes"]) == ("1600", "2400", "(max-width: 60em) 100vw, 800px")
    assert "loading" not in first.attrs and second["loading"] == "lazy"
    assert (second["width"], second["height"]) == ("300", "200") and "srcset" not in second.attrs


def test_the_shared_cover_is_the_processed_copy(built_photo_column):
    page = built_photo_column.html("bai-viet/bai-co-anh/index.html")
    assert page.find("meta", property="og:image")["content"].endswith("/bai-viet/tep/2024/anh-truong.jpg")
    enclosure = ET.parse(built_photo_column.site_dir / "rss.xml").find(".//item/enclosure")
    published = built_photo_column.site_dir / "bai-viet" / "tep" / "2024" / "anh-truong.jpg"
    assert int(enclosure.get("length")) == published.stat().st_size


def test_an_unchanged_photo_is_not_encoded_again_on_rebuild(photo_column):
    photo_column.build(today=TODAY)
    cache = photo_column.root / ".cache" / "gecolumn-images"
    before = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}
    assert any(name.endswith(".jpg") for name in before)
    photo_column.build(today=TODAY)
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == before


def test_a_photo_without_alt_text_is_named_with_its_line(built_photo_column):
    result = built_photo_column.result
    assert "posts/2024/bai.md:12: THÔNG TIN [body]: ảnh 'nho.png' chưa có lời mô tả" in result.stderr


def test_a_broken_or_fake_photo_is_reported_and_the_rest_still_builds(make_site):
    site = make_site()
    site.add("2024/gia.jpg", b"<html>not a photo</html>")
    site.add("2024/cut.jpg", phone_photo()[:5000])
    site.add("2024/bai.md", post(body="![Ảnh](gia.jpg)"))
    result = site.build(today=TODAY)
    assert result.returncode == 0
    for name in ("gia.jpg", "cut.jpg"):
        assert f"posts/2024/{name}: LỖI: tệp có đuôi ảnh nhưng không đọc được" in result.stderr
        assert not (site.site_dir / "bai-viet" / "tep" / "2024" / name).exists()
    assert (site.site_dir / "bai-viet" / "binh-dang-gioi-trong-truong-hoc" / "index.html").is_file()
    assert site.build("--strict", today=TODAY).returncode == 1


def test_a_photo_over_40_megapixels_is_refused_not_a_stalled_build(make_site):
    site = make_site()
    site.add("2024/lon.png", _png(8000, 6000))
    site.add("2024/bai.md", post())
    result = site.build(today=TODAY)
    assert "posts/2024/lon.png: LỖI: ảnh quá lớn (8000×6000 điểm ảnh" in result.stderr


def test_an_iphone_heic_photo_is_published_as_jpeg(make_site):
    pillow_heif = pytest.importorskip("pillow_heif")
    buffer = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (800, 600), (90, 90, 200))).save(buffer, quality=60)
    site = make_site()
    site.add("2024/iphone.heic", buffer.getvalue())
    site.add("2024/bai.md", post(body="![Ảnh từ iPhone](iphone.heic)"))
    assert site.build("--strict", today=TODAY).returncode == 0
    img = site.html("bai-viet/binh-dang-gioi-trong-truong-hoc/index.html").select_one("article p img")
    assert img["src"] == "../tep/2024/iphone.jpg"
    with Image.open(site.site_dir / "bai-viet" / "tep" / "2024" / "iphone.jpg") as image:
        assert image.format == "JPEG" and image.size == (800, 600)


@pytest.fixture(scope="module")
def word_column(tmp_path_factory):
    """A post imported from a real Word document whose first photo carries GPS EXIF and orientation 6 (the import drops both).

    Built once for the module: its tests only read it.
    """
    from test_docx_import import COLUMN, DOCX, SLUG
    from test_tools import run

    site = Site(tmp_path_factory.mktemp("word"), COLUMN)
    result = run(
        "new_post.py", "--from", str(DOCX), "--unit", "thcs-bao-khe", "--date", "07/03/2025", cwd=site.root, today="2025-03-10"
    )
    assert result.returncode == 0, result.stderr
    with Image.open(site.posts / f"2025/{SLUG}-anh-1.jpg") as imported:  # upright and bare from the import on
        assert not imported.getexif() and imported.height > imported.width
    post = site.posts / f"2025/{SLUG}.md"  # an import is a draft until its author has read it
    post.write_text(post.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    assert site.build("--strict", today="2025-03-10").returncode == 0
    site.page = f"bai-viet/{SLUG}/"
    return site


def test_no_photo_of_a_word_document_is_published_with_its_gps_position(word_column):
    photos = published_images(word_column.site_dir)
    assert len(photos) >= 4
    for path in photos:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif.get_ifd(GPS_IFD) and MAKE not in exif and MODEL not in exif and "exif" not in image.info, path


@pytest.mark.browser
def test_in_a_browser_the_photo_stands_upright_and_a_phone_takes_the_small_copy(word_column, browser):
    photo_column = word_column
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    try:
        with serving(photo_column.site_dir) as origin:
            page = context.new_page()
            page.goto(f"{origin}/{photo_column.page}")
            photo = page.locator("article p img").first
            photo.scroll_into_view_if_needed()
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
            current, width, height = photo.evaluate("img => [img.currentSrc, img.naturalWidth, img.naturalHeight]")
    finally:
        context.close()
    assert current.endswith("-anh-1-480w.jpg")
    assert height > width  # upright: the sideways camera file is portrait once turned


def test_a_first_photo_far_down_a_post_loads_lazily_one_at_its_top_at_once():
    from gecolumn.images import responsive

    photo = '<p><img alt="Ảnh hoạt động" src="anh.jpg"></p>'
    paragraphs = "".join(f"<p>Đoạn {n}: {'bình đẳng giới trong trường học, ' * 8}</p>" for n in range(6))
    at_top, _ = responsive(photo + paragraphs, "bai-viet/bai/index.html", {})
    far_down, _ = responsive(paragraphs + photo, "bai-viet/bai/index.html", {})
    assert 'loading="lazy"' not in at_top  # it may be what a phone shows first: fetched at once
    assert 'loading="lazy"' in far_down  # below the first screen: it must not slow the text above it
