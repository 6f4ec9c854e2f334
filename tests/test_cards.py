"""Share cards: the picture a shared link to the column shows, drawn at build time with the font the package ships."""

import io
import unicodedata
from pathlib import Path

import pytest
from conftest import ONE_UNIT, photo, post
from PIL import Image

from gecolumn import cards
from gecolumn.images import PhotoCache

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxy" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
TITLE = "Hưởng ứng Tháng hành động vì bình đẳng giới: “Đoàn – Đội” chung tay, ngày 25/11!"
SITE_URL = "https://thcs-baokhe.edu.vn/binh-dang-gioi/"


@pytest.mark.parametrize("character", sorted(set(VIETNAMESE + VIETNAMESE.upper() + TITLE) - {" "}))
def test_every_letter_of_a_vietnamese_title_is_drawn_by_the_cards_font(character):
    face = cards.font(48)
    mask = face.getmask(character)
    assert mask.getbbox() is not None, character  # something is drawn
    assert bytes(mask) != bytes(face.getmask("\ue000")), character  # and it is not the missing-glyph box
    assert cards.drawable(character) == character


def test_what_the_font_cannot_draw_is_left_out_of_the_card_not_drawn_as_a_box():
    assert cards.drawable("Ngày hội 😀 Đoàn\u200b viên") == "Ngày hội Đoàn viên"
    assert cards.drawable(unicodedata.normalize("NFD", "Bình đẳng")) == "Bình đẳng"  # one glyph per letter


def test_a_card_is_drawn_once_and_then_taken_from_the_cache(tmp_path, monkeypatch):
    cache = PhotoCache(tmp_path, key=b"k" * 32)
    first = cards.share_card(TITLE, "Trường THCS Bảo Khê", None, cache)
    with Image.open(first.main.path) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))
    monkeypatch.setattr(cards, "draw", lambda *args: pytest.fail("drawn again"))
    assert cards.share_card(TITLE, "Trường THCS Bảo Khê", None, cache) == first
    with pytest.raises(BaseException, match="drawn again"):  # another school is another card
        cards.share_card(TITLE, "Trường Mầm non Hoa Sen", None, cache)


def _emblem() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), (200, 20, 20)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """A column with a raster logo: one post with a cover photo, one without, built."""
    from conftest import Site

    site = Site(tmp_path_factory.mktemp("cards"), {**ONE_UNIT, "school": "Trường THCS Bảo Khê"})
    site.write_config(
        {**ONE_UNIT, "school": "Trường THCS Bảo Khê"},
        {"theme": {"name": "material", "language": "vi", "font": False, "logo": "assets/logo.png"}},
    )
    (site.root / "docs" / "assets").mkdir()
    (site.root / "docs" / "assets" / "logo.png").write_bytes(_emblem())
    site.add("2024/anh.jpg", photo("JPEG", (900, 600)))
    site.add("2024/a.md", post(title="Có ảnh bìa", image="anh.jpg", unit="thcs-bao-khe"))
    site.add("2024/b.md", post(title=TITLE.replace(":", " –"), date="09/03/2024", unit="thcs-bao-khe"))
    built = site.build()
    assert built.returncode == 0, built.stderr
    return site


def _shared_image(site, page: Path) -> tuple[str, Image.Image]:
    html = site.html(page.relative_to(site.site_dir).as_posix())
    address = html.select_one('meta[property="og:image"]')["content"]
    assert address.startswith(SITE_URL), address
    image = Image.open(site.site_dir / address.removeprefix(SITE_URL))
    size = (int(html.select_one('meta[property="og:image:width"]')["content"]),
            int(html.select_one('meta[property="og:image:height"]')["content"]))  # fmt: skip
    assert image.size == size, page
    return address, image


def test_every_page_shares_a_real_image_a_post_its_cover_or_its_own_card(shared):
    # Every page a reader may share; the portal's frame (nhung/) is not one.
    pages = sorted(page for page in shared.site_dir.rglob("*.html") if page.parent.name != "nhung")
    assert len(pages) > 10  # home, posts, archive, units, tags, coverage, 404…
    seen = {}
    for page in pages:
        address, image = _shared_image(shared, page)
        seen[page.relative_to(shared.site_dir).as_posix()] = address
        if "/tep/" not in address:
            assert (image.format, image.size) == ("PNG", (1200, 630)), page
    cover, card, home = (
        seen["bai-viet/co-anh-bia/index.html"],
        seen[next(p for p in seen if "huong-ung" in p)],
        seen["index.html"],
    )
    assert cover == SITE_URL + "bai-viet/tep/2024/anh.jpg"
    assert card.endswith(".png") and card != home and seen["404.html"] == home
    with Image.open(shared.site_dir / home.removeprefix(SITE_URL)) as picture:
        assert picture.convert("RGB").getpixel((cards._MARGIN + 20, cards._MARGIN + 20)) == (200, 20, 20)  # the emblem


def test_the_tab_title_and_the_shared_site_name_carry_the_school(shared):
    for page in ("index.html", "bai-viet/co-anh-bia/index.html", "theo-doi/index.html", "404.html"):
        html = shared.html(page)
        assert html.title.string.endswith(" – Trường THCS Bảo Khê"), page
        assert html.select_one('meta[property="og:site_name"]')["content"] == "Chuyên mục thử – Trường THCS Bảo Khê"
    assert shared.html("index.html").title.string == "Chuyên mục thử – Trường THCS Bảo Khê"
    assert shared.html("bai-viet/co-anh-bia/index.html").title.string == "Có ảnh bìa – Trường THCS Bảo Khê"


def test_a_rebuild_draws_no_card_again(shared, monkeypatch):
    monkeypatch.setattr(cards, "draw", lambda *args: pytest.fail("a card was drawn again"))
    built = shared.build()
    assert built.returncode == 0, built.stderr + built.stdout


def test_a_column_without_site_url_draws_no_card(make_site):
    site = make_site(site_url=None)
    site.add("2024/a.md", post())
    built = site.build()
    assert built.returncode == 0, built.stderr
    assert not (site.site_dir / "anh-chia-se").exists()
    assert site.html("index.html").find("meta", property="og:image") is None  # a relative address would be of no use


def test_an_svg_logo_is_drawn_on_the_card_as_the_school_made_it():
    logo = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#14c814"/></svg>'
    card = cards.draw("Bài", "Trường THCS Bảo Khê", cards.open_emblem(logo)).convert("RGB")
    assert card.getpixel((cards._MARGIN + 20, cards._MARGIN + 20)) == (20, 200, 20)


@pytest.mark.parametrize("href", ["{secret}", "file://{secret}", "../../{name}"])
def test_an_svg_logo_that_reaches_for_a_file_is_not_drawn_and_the_file_never_read(tmp_path, monkeypatch, href):
    # resvg would read the file an <image> names and put it on every card: a CI machine's secret.
    secret = tmp_path / "secret.png"
    Image.new("RGB", (50, 50), (200, 20, 20)).save(secret)
    link = href.format(secret=secret, name=secret.name)
    logo = f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="{link}" width="50" height="50"/></svg>'
    monkeypatch.setattr(cards.resvg_py, "svg_to_bytes", lambda **_: pytest.fail("resvg was given the logo"))
    assert cards.open_emblem(logo.encode()) is None
    entity = f'<!DOCTYPE svg [<!ENTITY e SYSTEM "{secret}">]><svg xmlns="http://www.w3.org/2000/svg">&e;</svg>'
    assert cards.open_emblem(entity.encode()) is None


def test_an_svg_logo_declared_in_another_encoding_is_read_as_resvg_reads_it(tmp_path, monkeypatch):
    # In UTF-7, "+ADw-" is "<": lxml saw the <image> inside a comment, resvg (UTF-8 only) drew the file.
    secret = tmp_path / "secret.png"
    Image.new("RGB", (50, 50), (200, 20, 20)).save(secret)
    logo = (
        '<?xml version="1.0" encoding="UTF-7"?><svg xmlns="http://www.w3.org/2000/svg" width="50" height="50">'
        f'<desc>+ADw-!--</desc><image href="{secret}" width="50" height="50"/><desc>--+AD4-</desc></svg>'
    )
    monkeypatch.setattr(cards.resvg_py, "svg_to_bytes", lambda **_: pytest.fail("resvg was given the logo"))
    assert cards.open_emblem(logo.encode()) is None


@pytest.mark.parametrize("size", ['width="1" height="1000000"', 'viewBox="0 0 1 30000"', 'width="30000" height="1"'])
def test_an_svg_logo_far_from_square_is_not_drawn(size, monkeypatch):
    # Drawn 120 px wide, a 1 × 1,000,000 logo asked resvg for 57 GB and aborted the build.
    monkeypatch.setattr(cards.resvg_py, "svg_to_bytes", lambda **_: pytest.fail("resvg was given the logo"))
    assert cards.open_emblem(f'<svg xmlns="http://www.w3.org/2000/svg" {size}/>'.encode()) is None
