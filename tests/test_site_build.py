"""The built site, as a reader and a web master see it: pages, metadata, archive, coverage, links."""

import base64
import gzip
import json
import posixpath
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlsplit

import feedparser
import jinja2
import pytest
from bs4 import BeautifulSoup
from conftest import Site, photo, post

import gecolumn
from gecolumn import routes
from gecolumn.search_index import ShardedSearchIndex

TWO_UNITS = {
    "start": "2024-Q1",
    "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}, "mn-hoa-sen": {"name": "Trường MN Hoa Sen", "since": "2024-Q2"}},
}


def with_posts(site):
    """Two units' posts: one with a cover, a photo, tags and a link to the other; and a draft."""
    site.add(
        "2024/ngay-8-3.md",
        post(
            title="Bình đẳng giới",
            date="08/03/2024 07:30",
            unit="thcs-bao-khe",
            author="Công đoàn trường",
            tags="[Ngày Quốc tế Phụ nữ, Nam & Nữ]",
            image="anh-bia.jpg",
            body="Đoạn mở đầu về **bình đẳng** giới.\n\n![Ảnh buổi gặp mặt](anh-bia.jpg)\n\n[Bài về gia đình](gia-dinh.md)",
        ),
    )
    site.add("2024/anh-bia.jpg", photo())
    site.add(
        "2024/gia-dinh.md",
        post(
            title="Ngày Gia đình Việt Nam",
            date="28/06/2024",
            quarter="Quý II/2024",
            unit="mn-hoa-sen",
            summary="Gia đình bình đẳng.",
        ),
    )
    site.add("2024/nhap.md", post(title="Bản nháp", date="01/07/2024", quarter="2024-Q3", unit="mn-hoa-sen", draft="true"))
    return site


@pytest.fixture
def column(make_site):
    """The two-unit column, for a test that changes it or builds it on another day."""
    return with_posts(make_site(TWO_UNITS))


@pytest.fixture(scope="module")
def built_column(tmp_path_factory):
    """The two-unit column built once on 22/11/2024, for the tests that only read it; ``.result`` is the build."""
    site = with_posts(Site(tmp_path_factory.mktemp("column"), TWO_UNITS))
    site.result = built(site)
    return site


def words(element) -> str:
    """The text of an element as a reader sees it: whitespace folded."""
    return " ".join(element.get_text().split())


def built(site, *args, today="2024-11-22"):
    result = site.build(*args, today=today)
    assert result.returncode == 0, result.stderr
    return result


def test_every_post_gets_a_page_at_its_slug_with_its_metadata(built_column):
    page = built_column.html("bai-viet/binh-dang-gioi/index.html")
    article = page.select_one(".column-article")
    assert article.h1.get_text() == "Bình đẳng giới"
    meta = words(article.select_one("dl.column-meta"))
    for shown in (
        "Thứ Sáu, ngày 8 tháng 3 năm 2024",
        "Trường THCS Bảo Khê",
        "Công đoàn trường",
        "Ngày Quốc tế Phụ nữ",
        "Nam & Nữ",
    ):
        assert shown in meta
    assert "Quý" not in meta  # a reader's page: the quarter a post counts for is the coverage page's
    assert page.select_one("time")["datetime"] == "2024-03-08T07:30:00+07:00"
    assert page.title.get_text().startswith("Bình đẳng giới")
    assert (built_column.site_dir / "bai-viet/ngay-gia-dinh-viet-nam/index.html").is_file()


def test_draft_is_not_published(built_column):
    result = built_column.result
    assert not (built_column.site_dir / "bai-viet/ban-nhap").exists()
    assert "posts/2024/nhap.md: THÔNG TIN: bản nháp" in result.stderr


def test_previous_and_next_posts_are_linked(built_column):
    first = built_column.html("bai-viet/binh-dang-gioi/index.html").select_one("nav.column-pager")
    assert first.select_one("a[rel=next]")["href"] == "../ngay-gia-dinh-viet-nam/" and first.select_one("a[rel=prev]") is None
    second = built_column.html("bai-viet/ngay-gia-dinh-viet-nam/index.html").select_one("nav.column-pager")
    assert second.select_one("a[rel=prev]")["href"] == "../binh-dang-gioi/"


def test_photos_next_to_a_post_are_published_and_relative_links_work(built_column):
    page = built_column.html("bai-viet/binh-dang-gioi/index.html")
    body_image = page.select_one("article img[alt='Ảnh buổi gặp mặt']")
    target = posixpath.normpath(posixpath.join("bai-viet/binh-dang-gioi/", body_image["src"]))
    assert (built_column.site_dir / target).read_bytes().startswith(b"\xff\xd8")
    link = page.find("a", string="Bài về gia đình")
    assert posixpath.normpath(posixpath.join("bai-viet/binh-dang-gioi/", link["href"])) == "bai-viet/ngay-gia-dinh-viet-nam"


def test_home_lists_the_latest_posts_with_summaries(built_column):
    items = built_column.html("index.html").select("ul.column-posts--latest li")
    assert [li.select_one(".column-post__title").get_text() for li in items] == ["Ngày Gia đình Việt Nam", "Bình đẳng giới"]
    assert items[0].select_one(".column-post__excerpt").get_text() == "Gia đình bình đẳng."
    assert items[1].select_one(".column-post__excerpt").get_text() == "Đoạn mở đầu về bình đẳng giới."


def test_home_shows_the_campaign_of_the_moment(column):
    built(column, today="2024-11-22")
    assert "Tháng hành động vì bình đẳng giới" in column.html("index.html").select_one(".column-campaign").get_text()
    built(column, today="2024-10-10")
    assert column.html("index.html").select_one(".column-campaign") is None


def test_the_archive_lists_posts_by_title_under_each_quarter_without_verdicts(built_column):
    archive = built_column.html("luu-tru/index.html").select_one("section.column-year")
    listed = [(words(h3), [a.get_text() for a in h3.find_next_sibling("ul").select("a")]) for h3 in archive.select("h3")]
    assert listed == [("Quý II/2024", ["Ngày Gia đình Việt Nam"]), ("Quý I/2024", ["Bình đẳng giới"])]
    year = built_column.html("luu-tru/2024/index.html")
    assert [words(h) for h in year.select("section.column-quarter h2")] == ["Quý II/2024", "Quý I/2024"]
    for page in (archive, year):  # which quarter lacks a post is the coverage page's (in the footer)
        assert not page.select(".column-status") and "Thiếu bài" not in words(page)


def test_coverage_page_has_a_quarter_by_unit_table_in_words(built_column):
    table = built_column.html("theo-doi/index.html").select_one("table.column-coverage")
    heads = [th.get_text(strip=True) for th in table.select("thead th")]
    assert heads == ["Quý", "Cả chuyên mục", "Trường THCS Bảo Khê", "Trường MN Hoa Sen"]
    rows = {tr.th.get_text(strip=True): [words(td) for td in tr.select("td")] for tr in table.select("tbody tr")}
    assert rows["Quý I/2024"][1].startswith("✔ Đã có bài") and rows["Quý I/2024"][2] == "Chưa tính"  # MN Hoa Sen is due from Q2
    assert rows["Quý II/2024"][1].startswith("✘ Thiếu bài") and rows["Quý II/2024"][2].startswith("✔ Đã có bài")
    assert rows["Quý IV/2024"][0].startswith("… Đang diễn ra, còn 40 ngày")


def test_unit_and_tag_pages_list_their_posts_by_year(built_column):
    unit = built_column.html("don-vi/mn-hoa-sen/index.html")
    assert [a.get_text() for a in unit.select(".column-post__title")] == ["Ngày Gia đình Việt Nam"]
    assert unit.select_one(".column-years a")["href"] == "2024/"
    tag = built_column.html("chu-de/nam-nu/2024/index.html")
    assert [a.get_text() for a in tag.select(".column-post__title")] == ["Bình đẳng giới"]


def test_navigation_lists_sections_for_readers_and_the_footer_the_coverage_page(built_column):
    page = built_column.html("bai-viet/binh-dang-gioi/index.html")
    labels = [words(a) for a in page.select_one("nav.md-nav--primary").select("a.md-nav__link")]
    assert labels == ["Trang chủ", "Lưu trữ theo quý", "Đơn vị", "Chủ đề"]  # never a post, nor the staff's pages
    footer = {words(a): a["href"] for a in page.select("footer a")}
    assert footer["Theo dõi thực hiện"] == "../../theo-doi/"


def test_missing_quarter_and_invalid_post_warn_and_strict_build_fails(column):
    column.add("2024/sai.md", post(title="Sai quý", date="05/10/2024", quarter="2024-Q3", unit="thcs-bao-khe"))
    relaxed = column.build()
    assert relaxed.returncode == 0
    assert "WARNING -  CẢNH BÁO: Quý III/2024 chưa có bài tuyên truyền nào" in relaxed.stderr
    assert "WARNING -  posts/2024/sai.md:4: LỖI [quarter]" in relaxed.stderr
    assert not (column.site_dir / "bai-viet/sai-quy").exists()
    strict = column.build("--strict")
    assert strict.returncode == 1
    assert "Aborted with" in strict.stdout + strict.stderr and "Quý III/2024 chưa có bài" in strict.stderr


def test_build_and_ci_command_report_the_same_findings(column):
    column.add("2024/sai.md", post(title="Sai đơn vị", date="05/10/2024", quarter="2024-Q4", unit="thcs-baokhe"))
    build = column.build().stderr
    check = column.check("--today", "2024-11-22").stdout
    for finding in ("posts/2024/sai.md:5: LỖI [unit]: đơn vị 'thcs-baokhe'", "Quý III/2024"):
        assert finding in build and finding in check


def test_bad_configuration_stops_the_build_with_the_key(make_site):
    site = make_site({"start": "Q5/2024", "units": {"a": "A"}})
    result = site.build()
    assert result.returncode == 1 and "mkdocs.yml: LỖI [extra.column.start]" in result.stderr


def test_open_graph_tags_use_absolute_urls(built_column):
    page = built_column.html("bai-viet/binh-dang-gioi/index.html")
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert og["og:title"] == "Bình đẳng giới" and og["og:type"] == "article"
    assert og["og:url"] == "https://thcs-baokhe.edu.vn/binh-dang-gioi/bai-viet/binh-dang-gioi/"
    assert og["og:image"] == "https://thcs-baokhe.edu.vn/binh-dang-gioi/bai-viet/tep/2024/anh-bia.jpg"
    assert og["og:description"] == "Đoạn mở đầu về bình đẳng giới."
    assert page.select_one("meta[name='twitter:card']")["content"] == "summary_large_image"


def internal_links(site_dir):
    """Every internal href/src of every built page, resolved against the page's own path."""
    for html_file in site_dir.rglob("*.html"):
        page_dir = posixpath.dirname(html_file.relative_to(site_dir).as_posix())
        soup = html_file.read_text(encoding="utf-8")
        for tag in BeautifulSoup(soup, "html.parser").select("a[href], img[src], link[href]"):
            url = tag.get("href") or tag.get("src")
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("#", "mailto:")) or not parts.path:
                continue
            if parts.path.startswith("/"):  # only 404.html: absolute, and inside the sub-folder
                assert parts.path.startswith("/binh-dang-gioi/"), f"{html_file} links outside the sub-folder: {url}"
                yield html_file, posixpath.normpath(parts.path.removeprefix("/binh-dang-gioi/"))
                continue
            yield html_file, posixpath.normpath(posixpath.join(page_dir, parts.path))


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_internal_link_resolves_in_a_sub_folder_site(column, directory_urls):
    column.write_config(TWO_UNITS, {"use_directory_urls": directory_urls})
    built(column)
    site_dir = column.site_dir
    assert (site_dir / ("bai-viet/binh-dang-gioi/index.html" if directory_urls else "bai-viet/binh-dang-gioi.html")).is_file()
    checked = 0
    for page, target in internal_links(site_dir):
        path = site_dir / target
        if directory_urls and path.is_dir():
            path = path / "index.html"
        assert path.is_file(), f"{page.relative_to(site_dir)} links to missing {target}"
        checked += 1
    assert checked > 100


EMBED_PAGE = routes.page_dest(routes.EMBED, use_directory_urls=True)
"""The portal's frame (``nhung/``): a page of its own, without Material's header, script or skip link."""


def test_materials_settings_and_the_search_box_on_every_page_lead_to_the_site_root(column):
    # Relative addresses depend on a page's folder, not only on its depth: from assets/ the
    # worker is javascripts/…, from don-vi/ it is ../assets/javascripts/…. The search box,
    # rendered once per depth, must load the index from every page.
    (column.root / "docs" / "assets.md").write_text("# Tài nguyên\n", encoding="utf-8")
    built(column)
    pages = [page for page in column.site_dir.rglob("*.html") if page.relative_to(column.site_dir).as_posix() != EMBED_PAGE]
    depths = set()
    for html_file in pages:
        page_dir = posixpath.dirname(html_file.relative_to(column.site_dir).as_posix())
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        settings = json.loads(soup.select_one("#__config").string)
        index = soup.select_one("form[data-column-pagefind]")["data-column-pagefind"]
        if html_file.name == "404.html":  # served at any address: absolute, inside the sub-folder
            assert settings["base"] == "/binh-dang-gioi/" and settings["search"].startswith("/binh-dang-gioi/assets/")
            assert index.startswith("/binh-dang-gioi/")
            continue
        assert posixpath.normpath(posixpath.join(page_dir, settings["base"])) == ".", html_file
        assert (column.site_dir / posixpath.normpath(posixpath.join(page_dir, settings["search"]))).is_file(), html_file
        assert (column.site_dir / posixpath.normpath(posixpath.join(page_dir, index))).is_file(), html_file
        depths.add(page_dir.count("/") + (page_dir != ""))
    assert depths >= {0, 1, 2, 3}


def test_a_post_a_school_puts_in_its_nav_is_the_current_item_there_and_only_there(make_site):
    # Posts share one rendering of the navigation; one listed in `nav:` must not lend it its state.
    site = make_site(TWO_UNITS, nav=[{"Trang chủ": "index.md"}, {"Bài nổi bật": "posts/2024/b.md"}])
    site.add("2024/a.md", post(title="Bài thường", date="01/03/2024", unit="thcs-bao-khe"))
    site.add("2024/b.md", post(title="Bài nổi bật", date="02/03/2024", unit="thcs-bao-khe"))
    site.add("2024/c.md", post(title="Bài khác", date="03/03/2024", unit="thcs-bao-khe"))

    def current(slug):
        page = site.html(f"bai-viet/{slug}/index.html")
        return [words(a) for a in page.select(".md-nav--primary a.md-nav__link--active")]

    built(site, today="2024-03-20")
    assert current("bai-noi-bat") == ["Bài nổi bật"]
    assert current("bai-thuong") == current("bai-khac") == []


def test_a_page_a_school_puts_in_a_posts_folder_is_reached_from_every_posts_navigation(make_site):
    # Posts share one rendering of the navigation only while its addresses are the same from each.
    site = make_site(TWO_UNITS, nav=["index.md", {"Phụ lục": "bai-viet/bai-c/phu-luc.md"}])
    for day, title in (("01", "Bài A"), ("02", "Bài B"), ("03", "Bài C")):
        site.add(f"2024/{title[-1]}.md", post(title=title, date=f"{day}/03/2024", unit="thcs-bao-khe"))
    (site.root / "docs" / "bai-viet" / "bai-c").mkdir(parents=True)
    (site.root / "docs" / "bai-viet" / "bai-c" / "phu-luc.md").write_text("# Phụ lục\n", encoding="utf-8")
    built(site, today="2024-03-20")
    for slug in ("bai-a", "bai-b", "bai-c"):
        page = site.html(f"bai-viet/{slug}/index.html")
        [link] = [a["href"] for a in page.select(".md-nav--primary a.md-nav__link") if words(a) == "Phụ lục"]
        assert posixpath.normpath(posixpath.join(f"bai-viet/{slug}", link)) == "bai-viet/bai-c/phu-luc", slug


@pytest.mark.parametrize("partial", ["nav.html", "search.html"])
def test_a_schools_own_partial_is_rendered_for_each_post(make_site, partial):
    # A school's partial may print anything of the page: what holds it is never shared.
    site = make_site(TWO_UNITS, theme={"name": "material", "language": "vi", "font": False, "custom_dir": "giao-dien"})
    (site.root / "giao-dien" / "partials").mkdir(parents=True)
    (site.root / "giao-dien" / "partials" / partial).write_text('<p class="dang-xem">{{ page.title }}</p>', encoding="utf-8")
    site.add("2024/a.md", post(title="Bài A", date="01/03/2024", unit="thcs-bao-khe"))
    site.add("2024/b.md", post(title="Bài B", date="02/03/2024", unit="thcs-bao-khe"))
    built(site, today="2024-03-20")
    assert words(site.html("bai-viet/bai-a/index.html").select_one(".dang-xem")) == "Bài A"
    assert words(site.html("bai-viet/bai-b/index.html").select_one(".dang-xem")) == "Bài B"


def test_a_rebuild_in_the_same_process_sees_added_edited_and_deleted_posts(column, monkeypatch):
    # `mkdocs serve` keeps the hook module between rebuilds; nothing of one build may leak into the next.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732251600")  # 2024-11-22 in Hanoi
    monkeypatch.chdir(column.root)
    config = load_config(str(column.config))
    build(config)
    assert (column.site_dir / "bai-viet/ngay-gia-dinh-viet-nam/index.html").is_file()

    (column.posts / "2024/gia-dinh.md").unlink()
    column.add("2024/moi.md", post(title="Bài mới", date="01/10/2024", quarter="2024-Q4", unit="mn-hoa-sen"))
    column.add("2024/ngay-8-3.md", post(title="Bình đẳng giới", date="08/03/2024", unit="thcs-bao-khe", author="Đoàn – Đội"))
    build(config)
    assert not (column.site_dir / "bai-viet/ngay-gia-dinh-viet-nam").exists()
    assert (column.site_dir / "bai-viet/bai-moi/index.html").is_file()
    assert "Đoàn – Đội" in words(column.html("bai-viet/binh-dang-gioi/index.html").select_one("dl.column-meta"))
    home = [a.get_text() for a in column.html("index.html").select("ul.column-posts--latest .column-post__title")]
    assert home == ["Bài mới", "Bình đẳng giới"]


# --- the reader's column: cards, no sidebars, skip link, header, footer, 404, share row ------


def test_listings_show_posts_as_cards_with_the_small_copy_of_the_cover(column):
    column.add("2024/anh-bia.jpg", photo(size=(1200, 900)))  # wider than the 480 px copy a card takes
    built(column)
    pages = ("index.html", "luu-tru/2024/index.html", "don-vi/thcs-bao-khe/index.html", "chu-de/nam-nu/index.html")
    for path in pages:
        page = column.html(path)
        [card] = [c for c in page.select("li.column-card") if c.select_one(".column-post__title").get_text() == "Bình đẳng giới"]
        assert words(card.select_one(".column-post__meta")) == "08/03/2024 · Trường THCS Bảo Khê", path
        assert card.select_one(".column-post__excerpt").get_text() == "Đoạn mở đầu về bình đẳng giới.", path
        image = card.select_one("img.column-card__image")
        assert (image["alt"], image["width"], image["height"]) == ("", "480", "360"), path  # decorative: the title says it
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), image["src"]))
        assert target == "bai-viet/tep/2024/anh-bia-480w.jpg" and (column.site_dir / target).is_file(), path
    without = column.html("index.html").select("li.column-card")[0]  # "Ngày Gia đình Việt Nam" has no cover
    assert without.select_one(".column-post__title").get_text() == "Ngày Gia đình Việt Nam" and without.img is None


def test_the_cover_is_for_shares_and_cards_and_is_not_repeated_above_the_body(built_column):
    article = built_column.html("bai-viet/binh-dang-gioi/index.html").select_one(".column-article")
    assert [img["alt"] for img in article.select("img")] == ["Ảnh buổi gặp mặt"]  # the body's photo, once


def test_column_pages_have_no_sidebars(built_column):
    for path in ("index.html", "bai-viet/binh-dang-gioi/index.html", "luu-tru/index.html", "theo-doi/index.html"):
        sidebars = built_column.html(path).select("div.md-sidebar")
        assert [s["data-md-type"] for s in sidebars if not s.has_attr("hidden")] == [], path


def test_the_skip_link_leads_to_the_content_on_every_page(built_column):
    pages = sorted(
        page for page in built_column.site_dir.rglob("*.html") if page.relative_to(built_column.site_dir).as_posix() != EMBED_PAGE
    )
    skipped = 0
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        skip = page.select_one("a.md-skip")  # the 404 page's too, which Material gives none
        assert words(skip) == "Bỏ qua, đến nội dung", path
        target = page.find(id=skip["href"].removeprefix("#"))
        assert target is not None and target.find_parent("article", class_="md-content__inner"), path
        skipped += 1
    assert skipped == len(pages) >= 16  # home, posts, archive, units, tags, their years, coverage, 404


def test_header_and_footer_name_the_school_and_its_address_as_written(column):
    column.write_config({**TWO_UNITS, "school": "Trường <b>THCS</b> & Bảo Khê", "address": "Số 1 <script>x</script>"})
    built(column)
    for path in ("index.html", "bai-viet/binh-dang-gioi/index.html", "404.html"):
        page = column.html(path)
        assert page.select_one(".column-masthead__school").get_text() == "Trường <b>THCS</b> & Bảo Khê", path
        footer = page.select_one("footer.column-footer")
        assert "Địa chỉ: Số 1 <script>x</script>" in words(footer) and not footer.select("b, script"), path
        assert "Made with" not in words(footer) and "Material for MkDocs" not in words(footer), path
        links = {words(a): a["type"] if a.has_attr("type") else None for a in footer.select("a")}
        assert links == {
            "Theo dõi thực hiện": None,
            "Nhận bài mới qua RSS": "application/rss+xml",
            "Nhận bài mới qua Atom": "application/atom+xml",
        }, path


def test_school_and_address_must_be_one_line_of_text(make_site):
    site = make_site({**TWO_UNITS, "school": ["Trường A", "Trường B"]})
    result = site.build()
    assert result.returncode == 1 and "[extra.column.school]" in result.stderr


def test_the_404_page_is_vietnamese_with_search_and_the_latest_posts_at_absolute_addresses(built_column):
    page = built_column.html("404.html")
    assert page.h1.get_text() == "Không tìm thấy trang"
    form = page.select_one("form.column-search")
    assert form["method"] == "get" and urlsplit(form["action"]).path.startswith("/binh-dang-gioi/")
    assert form.select_one("input[type=search]")["name"] == "q"  # Material's search opens with ?q=
    titles = {a.get_text(): a["href"] for a in page.select("li.column-card .column-post__title")}
    assert titles == {
        "Ngày Gia đình Việt Nam": "/binh-dang-gioi/bai-viet/ngay-gia-dinh-viet-nam/",
        "Bình đẳng giới": "/binh-dang-gioi/bai-viet/binh-dang-gioi/",
    }


def test_the_share_row_links_to_facebook_and_zalo_with_the_posts_address_and_loads_no_script_of_theirs(built_column):
    page = built_column.html("bai-viet/binh-dang-gioi/index.html")
    address = "https://thcs-baokhe.edu.vn/binh-dang-gioi/bai-viet/binh-dang-gioi/"
    share = page.select_one("section.column-share")
    assert share.select_one("[data-column-copy]")["data-column-copy"] == address
    links = {a.get_text(): a["href"] for a in share.select("a")}
    assert links == {
        "Facebook": "https://www.facebook.com/sharer/sharer.php?u=" + quote(address, safe=""),
        "Zalo": "https://sp.zalo.me/share_inline?url=" + quote(address, safe=""),
    }
    for path in built_column.site_dir.rglob("*.html"):
        sources = [s["src"] for s in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("script[src]")]
        assert not [src for src in sources if urlsplit(src).netloc], path


def test_the_search_index_built_during_the_build_is_the_one_pagefind_writes_from_the_site(make_site, tmp_path):
    # The build hands Pagefind each post's <article> as it renders; Pagefind's own command,
    # run afterwards over the whole pages in site/, must find exactly the same records.
    site = make_site(TWO_UNITS)
    site.add("2024/a.md", post(title="Bình đẳng giới", unit="thcs-bao-khe", body="Đoạn **một**.\n\n![Ảnh](anh.jpg)"))
    site.add("2024/anh.jpg", photo())
    nested = "<article><p>Bài trong bài.</p></article>\n\nĐoạn sau khối lồng."
    site.add("2024/b.md", post(title="Gia đình", date="28/06/2024", quarter="2024-Q2", unit="mn-hoa-sen", body=nested))
    assert site.build(today="2024-07-01").returncode == 0
    streamed = site.site_dir / "pagefind"
    command = [sys.executable, "-m", "pagefind_bin", "--site", str(site.site_dir), "--glob", "bai-viet/**/*.html"]
    subprocess.run([*command, "--output-path", str(tmp_path / "cli"), "--quiet"], check=True, capture_output=True)

    def records(folder):
        return sorted(gzip.decompress(path.read_bytes()).decode("utf-8") for path in (folder / "fragment").iterdir())

    assert len(records(streamed)) == 2
    assert records(streamed) == records(tmp_path / "cli")
    assert "Bài trong bài" in "".join(records(streamed)) and "Đoạn sau khối lồng" in "".join(records(streamed))


def test_shards_share_the_posts_evenly_so_a_post_fewer_than_counted_leaves_none_empty(tmp_path):
    # The pages announce a shard per 4 posts of the column (here 5: two). `mkdocs serve --dirty`
    # may give Pagefind a post fewer than counted, and the browser refuses to merge an empty index.
    index = ShardedSearchIndex(tmp_path / "pagefind", posts=5, per_shard=4)
    for number in range(4):
        index.add(f"/bai-viet/{number}/", f"<html lang='vi'><body data-pagefind-body><p>Bài {number}</p></body></html>")
    assert index.finish() == 4

    def pages(folder):
        return json.loads((folder / "pagefind-entry.json").read_text())["languages"].get("vi", {}).get("page_count", 0)

    assert [pages(tmp_path / "pagefind" / name) for name in ("", "shard-2")] == [3, 1]


def test_search_indexes_the_article_the_page_prints_even_a_schools_own(make_site, tmp_path):
    # Pagefind is given each post before its page is rendered, from the same template: a
    # school's own article (here with a contact line) is what readers see and what they find.
    site = make_site(TWO_UNITS, theme={"name": "material", "language": "vi", "font": False, "custom_dir": "giao-dien"})
    article = (Path(gecolumn.__file__).parent / "theme/column/article.html").read_text(encoding="utf-8")
    own = site.root / "giao-dien/column/article.html"
    own.parent.mkdir(parents=True)
    head, tail = article.rsplit("</div>", 1)  # the article's own end
    own.write_text(head + "<p>Liên hệ: cô Lan, Đoàn – Đội</p></div>" + tail, encoding="utf-8")
    site.add("2024/a.md", post(title="Bình đẳng giới", unit="thcs-bao-khe", body="Đoạn **một**."))
    assert site.build(today="2024-07-01").returncode == 0
    assert (
        words(site.html("bai-viet/binh-dang-gioi/index.html").select_one(".column-article p:last-of-type"))
        == "Liên hệ: cô Lan, Đoàn – Đội"
    )
    command = [sys.executable, "-m", "pagefind_bin", "--site", str(site.site_dir), "--glob", "bai-viet/**/*.html"]
    subprocess.run([*command, "--output-path", str(tmp_path / "cli"), "--quiet"], check=True, capture_output=True)
    [streamed] = [gzip.decompress(path.read_bytes()).decode() for path in (site.site_dir / "pagefind/fragment").iterdir()]
    [cli] = [gzip.decompress(path.read_bytes()).decode() for path in (tmp_path / "cli/fragment").iterdir()]
    assert "Liên hệ: cô Lan" in streamed
    assert streamed == cli


FAKE_PAGEFIND = r"""#!{python}
# Speaks Pagefind's service protocol, and answers the request for the index with INDEX.
import base64, json, sys
INDEX = json.loads({index!r})
pending = b""
for chunk in iter(lambda: sys.stdin.buffer.read1(65536), b""):
    *complete, pending = (pending + chunk).split(b",")
    for encoded in complete:
        request = json.loads(base64.b64decode(encoded))
        kind = request["payload"]["type"]
        payload = {{"NewIndex": {{"type": "NewIndex", "index_id": 1}}, "GetFiles": INDEX}}.get(kind, {{"type": "IndexedFile"}})
        answer = json.dumps({{"message_id": request["message_id"], "payload": payload}}).encode()
        sys.stdout.buffer.write(base64.b64encode(answer) + b",")
        sys.stdout.buffer.flush()
"""


def fake_pagefind(tmp_path, index) -> str:
    """A service that answers like Pagefind, but sends ``index`` when asked for the index files."""
    fake = tmp_path / "fake-pagefind"
    fake.write_text(FAKE_PAGEFIND.format(python=sys.executable, index=json.dumps(index)), encoding="utf-8")
    fake.chmod(0o755)
    return str(fake)


def index_with(path: str) -> dict:
    content = base64.b64encode(b"from the index").decode()
    return {"type": "GetFiles", "files": [{"path": "pagefind.js", "content": content}, {"path": path, "content": content}]}


@pytest.mark.parametrize("way_out", ["relative", "absolute", "backslashes", "drive"])
def test_an_index_file_named_outside_the_search_folder_is_not_written(make_site, tmp_path, way_out):
    path = {
        "relative": "../../escaped.txt",
        "absolute": str(tmp_path / "escaped.txt"),
        "backslashes": "..\\..\\escaped.txt",  # a way out on Windows
        "drive": "C:escaped.txt",
    }[way_out]
    site = make_site(TWO_UNITS)
    site.add("2024/a.md", post(title="Bình đẳng giới", unit="thcs-bao-khe"))
    built = site.build(today="2024-03-20", env={"PAGEFIND_BINARY_PATH": fake_pagefind(tmp_path, index_with(path))}, timeout=60)
    assert built.returncode == 0, built.stderr
    assert "named a file outside its folder" in built.stderr and "ô tìm kiếm của trang sẽ không tìm thấy bài nào" in built.stderr
    assert not [found for found in tmp_path.rglob("*escaped.txt")]
    assert (site.site_dir / "bai-viet/binh-dang-gioi/index.html").is_file()


@pytest.mark.parametrize(
    "index, said",
    [
        ({"type": "Error", "message": "chỉ mục hỏng"}, "chỉ mục hỏng"),
        ({"type": "GetFiles", "files": "không phải danh sách"}, "sent no index files"),
        ({"type": "GetFiles", "files": [{"path": "pagefind.js", "content": "%%%"}]}, "sent an unreadable file"),
    ],
)
def test_an_index_pagefind_cannot_give_is_one_warning_at_once(make_site, tmp_path, index, said):
    site = make_site(TWO_UNITS)
    site.add("2024/a.md", post(title="Bình đẳng giới", unit="thcs-bao-khe"))
    built = site.build(today="2024-03-20", env={"PAGEFIND_BINARY_PATH": fake_pagefind(tmp_path, index)}, timeout=60)
    assert built.returncode == 0, built.stderr
    assert said in built.stderr and built.stderr.count("ô tìm kiếm của trang sẽ không tìm thấy bài nào") == 1


def test_a_schools_own_files_in_the_search_folder_stay(make_site):
    site = make_site(TWO_UNITS)
    site.add("2024/a.md", post(title="Bình đẳng giới", unit="thcs-bao-khe"))
    (site.root / "docs" / "pagefind").mkdir(parents=True)
    (site.root / "docs" / "pagefind" / "ghi-chu.txt").write_text("Ghi chú của trường.", encoding="utf-8")
    built(site, today="2024-03-20")
    assert (site.site_dir / "pagefind" / "ghi-chu.txt").read_text(encoding="utf-8") == "Ghi chú của trường."
    assert (site.site_dir / "pagefind" / "pagefind.js").is_file()


@pytest.mark.parametrize("binary", ["/nonexistent/pagefind", "/bin/false", "echo"])
def test_a_pagefind_that_cannot_run_is_a_warning_and_the_rest_of_the_site_is_built(make_site, tmp_path, binary):
    if binary == "echo":  # a program that runs but answers what it is sent: never Pagefind's answers
        binary = tmp_path / "echo-service"
        binary.write_text("#!/bin/sh\nexec cat\n", encoding="utf-8")
        binary.chmod(0o755)
    binary = str(binary)
    site = make_site(TWO_UNITS)
    site.add("2024/a.md", post(title="Bình đẳng giới", unit="thcs-bao-khe"))
    built = site.build(today="2024-03-20", env={"PAGEFIND_BINARY_PATH": binary})
    assert built.returncode == 0, built.stderr
    assert built.stderr.count("không tạo được chỉ mục tìm kiếm") == 1
    assert (site.site_dir / "bai-viet/binh-dang-gioi/index.html").is_file() and (site.site_dir / "rss.xml").is_file()
    assert site.build("--strict", today="2024-03-20", env={"PAGEFIND_BINARY_PATH": binary}).returncode != 0


def test_materials_search_plugin_still_has_the_handlers_the_build_takes_off():
    # gecolumn/mkdocs/search.py takes Material's index handlers off each build (its box stays):
    # when Material moves them, this says which version and what moved, before a site ships
    # Material's whole-site index again or loses its search box.
    from importlib.metadata import version

    from gecolumn.mkdocs.search import moved_handlers

    moved = moved_handlers()
    assert not moved, (
        f"mkdocs-material {version('mkdocs-material')}: " + "; ".join(moved) + ". Revisit gecolumn/mkdocs/search.py "
        "(keep_only_search_box, TAKEN_OFF, KNOWN_HANDLERS) against material/plugins/search/plugin.py."
    )


def test_the_search_guard_names_a_handler_material_moved(monkeypatch):
    from material.plugins.search.plugin import SearchPlugin

    from gecolumn.mkdocs.search import moved_handlers

    monkeypatch.delattr(SearchPlugin, "on_post_build")
    monkeypatch.setattr(SearchPlugin, "on_page_content", lambda self, html, **kwargs: html, raising=False)
    assert moved_handlers() == ["SearchPlugin.on_post_build is gone", "SearchPlugin has a new handler on_page_content"]


def test_footnote_numbers_never_reach_the_excerpt_cards_feeds_or_share_tags(make_site):
    # "<sup>1</sup>" is how a Word import writes a footnote's number; "[^2]" is Markdown's footnote.
    body = (
        "Theo tinh thần Luật Bình đẳng giới<sup>1</sup> và Luật Phòng, chống bạo lực gia đình[^2].\n\n[^2]: Luật số 13/2022/QH15."
    )
    site = make_site()
    site.add("2024/chu-thich.md", post(title="Chú thích", body=body))
    result = site.build(today="2024-03-20")
    assert result.returncode == 0, result.stderr
    excerpt = "Theo tinh thần Luật Bình đẳng giới và Luật Phòng, chống bạo lực gia đình."
    page = site.html("bai-viet/chu-thich/index.html")
    assert page.find("meta", property="og:description")["content"] == excerpt
    assert page.find("meta", attrs={"name": "description"})["content"] == excerpt
    home = " ".join(site.html("index.html").get_text(" ").split())
    assert excerpt in home and "giới1" not in home and "[^2]" not in home
    entry = feedparser.parse((site.site_dir / "rss.xml").read_bytes()).entries[0]
    assert entry.summary == excerpt


def test_section_anchors_spell_vietnamese_as_the_columns_addresses_do(make_site):
    site = make_site()
    body = "## Bình đẳng giới là gì\n\nMột đoạn.\n\n## Đoàn – Đội cùng hành động\n\nĐoạn khác."
    site.add("2024/a.md", post(title="Hỏi đáp", unit="thcs-bao-khe", body=body))
    built(site)
    article = site.html("bai-viet/hoi-dap/index.html").select_one(".column-article")
    assert [h2["id"] for h2 in article.select("h2[id]")] == ["binh-dang-gioi-la-gi", "doan-doi-cung-hanh-dong"]


def test_every_page_speaks_vietnamese_names_its_landmarks_and_is_titled_by_itself_and_the_school(make_site):
    theme = {"name": "material", "language": "vi", "font": False, "logo": "assets/logo.png", "features": ["navigation.tabs"]}
    site = with_posts(make_site({**TWO_UNITS, "school": "Trường THCS Bảo Khê"}, theme=theme))
    (site.root / "docs" / "assets").mkdir()
    (site.root / "docs" / "assets" / "logo.png").write_bytes(photo("PNG"))
    built(site)
    titles = {}
    for path in sorted(site.site_dir.rglob("*.html")):
        if path.parent.name == "nhung":  # the embed page has no header or search box: tested on its own
            continue
        page = site.html(path.relative_to(site.site_dir).as_posix())
        assert [img["alt"] for img in page.select(".md-logo img")] == ["Biểu trưng Trường THCS Bảo Khê"] * 2, path
        assert page.select_one("nav.md-tabs")["aria-label"] == "Mục chính", path
        assert not page.select("article article"), path  # one article: Material's, around the content
        searches = [element.get("aria-label") for element in page.select("[role=search]")]
        assert None not in searches and len(set(searches)) == len(searches), path
        index = page.select_one("form[data-column-pagefind]")["data-column-pagefind"]
        assert "//" not in index, path  # the 404 page's is absolute: /binh-dang-gioi/pagefind/…
        titles[path.relative_to(site.site_dir).as_posix()] = page.title.get_text()
    assert titles["index.html"] == "Chuyên mục thử – Trường THCS Bảo Khê"
    assert titles["bai-viet/binh-dang-gioi/index.html"] == "Bình đẳng giới – Trường THCS Bảo Khê"
    assert titles["theo-doi/index.html"] == "Theo dõi thực hiện – Trường THCS Bảo Khê"
    assert titles["404.html"] == "Không tìm thấy trang – Trường THCS Bảo Khê"
    assert site.html("404.html").select_one("[role=search] form")["data-column-pagefind"] == (
        "/binh-dang-gioi/pagefind/pagefind.js"
    )


def test_the_coverage_page_says_which_unit_missed_a_quarter_the_column_covered_and_explains_each_word_once(built_column):
    page = built_column.html("theo-doi/index.html")
    # Bảo Khê missed Quý II/2024, which Hoa Sen covered for the column as a whole.
    assert [words(p) for p in page.select(".column-summary")] == [
        "Còn thiếu bài: Quý III/2024.",
        "Đơn vị còn thiếu bài: Quý II/2024 (Trường THCS Bảo Khê).",
    ]
    legend = [words(dt) for dt in page.select("dl.column-legend dt")]
    assert legend == ["✔ Đã có bài", "✘ Thiếu bài", "… Đang diễn ra", "Chưa tính"]
    shown = {words(span).split(",")[0] for span in page.select("table.column-coverage .column-status")}
    assert shown == set(legend)  # every word the table uses is explained, once


def test_the_coverage_page_never_says_every_quarter_is_covered_above_a_missing_cell(column):
    column.add("2024/q3.md", post(title="Quý ba", date="05/09/2024", quarter="2024-Q3", unit="mn-hoa-sen"))
    built(column)
    page = column.html("theo-doi/index.html")
    assert page.select("table.column-coverage .column-status--missing")  # Bảo Khê's Q2 and Q3
    assert [words(p) for p in page.select(".column-summary")] == [
        "Cả chuyên mục: mọi quý đến hạn đều đã có bài.",
        "Đơn vị còn thiếu bài: Quý II/2024 (Trường THCS Bảo Khê); Quý III/2024 (Trường THCS Bảo Khê).",
    ]


def test_the_units_page_lists_each_unit_with_its_posts_and_no_due_date(built_column):
    units = [words(li) for li in built_column.html("don-vi/index.html").select("ul.column-units li")]
    assert units == ["Trường MN Hoa Sen (1 bài)", "Trường THCS Bảo Khê (1 bài)"]  # not "tính từ Quý II/2024"


def test_a_rebuild_in_the_same_process_compiles_only_the_template_that_changed(make_site, monkeypatch):
    # `mkdocs serve` rebuilds in one process: the column's environments compile a template once,
    # and again only once its file changed. (Material's search plugin compiles its language
    # partial in environments of its own, at its on_config, which the column leaves alone.)
    site = make_site(theme={"name": "material", "language": "vi", "font": False, "custom_dir": "overrides"})
    site.add("2024/a.md", post(title="Bình đẳng giới", unit="thcs-bao-khe"))
    logo = site.root / "overrides" / "partials" / "logo.html"
    logo.parent.mkdir(parents=True)
    logo.write_text("<span>Biểu trưng một</span>", encoding="utf-8")
    built(site, today="2024-03-20")
    compiled, compile_template = [], jinja2.Environment.compile

    def compile_and_note(env, source, name=None, *args, **kwargs):
        if env.filters.get("href") is not None:  # an environment of the column's (filters.install)
            compiled.append(name)
        return compile_template(env, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_note)
    logo.write_text("<span>Biểu trưng hai</span>", encoding="utf-8")
    built(site, today="2024-03-20")
    assert compiled == ["partials/logo.html"]
    assert "Biểu trưng hai" in words(site.html("bai-viet/binh-dang-gioi/index.html").select_one("header"))


def test_lunr_is_not_published_unless_the_school_has_partials_of_its_own(built_column, make_site):
    # The column's search box is Pagefind's: lunr's 34 files (964 KB) are loaded only by
    # Material's search worker, which no page starts (the browser tests see no request for it).
    published = {path.relative_to(built_column.site_dir).as_posix() for path in built_column.site_dir.rglob("*")}
    assert not [path for path in published if path.startswith("assets/javascripts/lunr")]
    assert [path for path in published if path.startswith("assets/javascripts/bundle.")]  # Material's own script stays
    site = make_site(theme={"name": "material", "language": "vi", "font": False, "custom_dir": "overrides"})
    site.add("2024/a.md", post(title="Bình đẳng giới", unit="thcs-bao-khe"))
    (site.root / "overrides" / "partials").mkdir(parents=True)
    (site.root / "overrides" / "partials" / "footer.html").write_text("<footer>Chân trang riêng</footer>", encoding="utf-8")
    built(site, today="2024-03-20")
    assert (site.site_dir / "assets/javascripts/lunr/min/lunr.vi.min.js").is_file()
    # Without partials of its own, a school's own file of that name is still published.
    (site.root / "overrides" / "partials" / "footer.html").unlink()
    (site.root / "overrides" / "partials").rmdir()
    (site.root / "overrides" / "assets" / "javascripts" / "lunr").mkdir(parents=True)
    (site.root / "overrides" / "assets" / "javascripts" / "lunr" / "cua-truong.js").write_text("// riêng", encoding="utf-8")
    built(site, today="2024-03-20")
    assert (site.site_dir / "assets/javascripts/lunr/cua-truong.js").is_file()
    assert not (site.site_dir / "assets/javascripts/lunr/min/lunr.vi.min.js").exists()
