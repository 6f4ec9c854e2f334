"""RSS and Atom as school portals and feed readers get them: parsed by feedparser, checked against the specs."""

import email.utils
import re
import unicodedata
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import Site, photo, post

SITE = "https://thcs-baokhe.edu.vn/binh-dang-gioi/"
UNITS = {
    "start": "2024-Q1",
    "feed_size": 3,
    "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}, "mn-hoa-sen": {"name": "Trường MN Hoa Sen"}},
}
ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"


def with_posts(site):
    """The feed column's posts: a cover and Word's control characters, a unit each, a draft, a scheduled and an invalid post."""
    site.add(
        "2024/a.md",
        post(
            title="Nam & Nữ bình đẳng",
            date="08/03/2024 07:30",
            unit="thcs-bao-khe",
            author="Ban Vì sự tiến bộ phụ nữ",
            tags="[Nam & Nữ, Gia đình]",
            image="anh.png",
            body="Đoạn dán từ Word\x0b có ký tự lạ\x0c.\n\n![Ảnh](anh.png)\n\n[Bài sau](b.md)",
        ),
    )
    site.add("2024/anh.png", photo("PNG"))
    site.add(
        "2024/b.md",
        post(title="Ngày Gia đình Việt Nam", date="2024-06-28", quarter="2024-Q2", unit="mn-hoa-sen", summary="Tóm tắt."),
    )
    site.add("2024/c.md", post(title="Sức khỏe sinh sản", date="09/09/2024", quarter="2024-Q3", unit="thcs-bao-khe"))
    site.add("2024/d.md", post(title="Tháng hành động", date="15/11/2024", quarter="2024-Q4", unit="thcs-bao-khe"))
    site.add("2024/nhap.md", post(title="Bản nháp", date="16/11/2024", quarter="2024-Q4", unit="thcs-bao-khe", draft="true"))
    site.add("2024/hen.md", post(title="Hẹn đăng", date="01/12/2024", quarter="2024-Q4", unit="thcs-bao-khe"))
    site.add("2024/loi.md", post(title="Lỗi", date="20/11/2024", quarter="2024-Q3", unit="thcs-bao-khe"))
    return site


@pytest.fixture
def column(make_site):
    """The feed column, for a test that changes it."""
    return with_posts(make_site(UNITS))


def built_once(tmp_path_factory, column_settings):
    site = with_posts(Site(tmp_path_factory.mktemp("feeds"), column_settings))
    build(site)
    return site


@pytest.fixture(scope="module")
def built_column(tmp_path_factory):
    """The feed column built once on 22/11/2024, for the tests that only read it."""
    return built_once(tmp_path_factory, UNITS)


@pytest.fixture(scope="module")
def built_column_of_20(tmp_path_factory):
    """The same, with ``feed_size: 20``: every post that is out is in the feeds."""
    return built_once(tmp_path_factory, {**UNITS, "feed_size": 20})


def build(site, today="2024-11-22"):
    result = site.build(today=today)
    assert result.returncode == 0, result.stderr
    return site.site_dir


def parse(path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_rss_has_the_latest_posts_newest_first_with_vietnamese_intact(built_column):
    feed = parse(built_column.site_dir / "rss.xml")
    assert feed.version == "rss20"
    assert [e.title for e in feed.entries] == ["Tháng hành động", "Sức khỏe sinh sản", "Ngày Gia đình Việt Nam"]  # feed_size 3
    assert feed.feed.title == "Chuyên mục thử" and feed.feed.language == "vi"
    assert feed.feed.link == SITE


def test_drafts_scheduled_and_invalid_posts_never_appear(built_column):
    site_dir = built_column.site_dir
    for name in ("rss.xml", "atom.xml", "don-vi/thcs-bao-khe/rss.xml"):
        titles = [e.title for e in parse(site_dir / name).entries]
        assert not {"Bản nháp", "Hẹn đăng", "Lỗi"} & set(titles)


def test_entries_carry_dates_in_local_time_ids_links_and_categories(built_column_of_20):
    site_dir = built_column_of_20.site_dir
    rss_xml = (site_dir / "rss.xml").read_text(encoding="utf-8")
    assert "<pubDate>Fri, 08 Mar 2024 07:30:00 +0700</pubDate>" in rss_xml
    entry = parse(site_dir / "rss.xml").entries[-1]
    assert entry.link == SITE + "bai-viet/nam-nu-binh-dang/"
    assert entry.id == "tag:thcs-baokhe.edu.vn,2024-03-08:/binh-dang-gioi/posts/2024/a.md"
    assert entry.guidislink is False
    assert [t.term for t in entry.tags] == ["Trường THCS Bảo Khê", "Nam & Nữ", "Gia đình"]
    assert entry.author == "Ban Vì sự tiến bộ phụ nữ"  # dc:creator; RSS <author> would need an e-mail
    assert "<author>" not in rss_xml
    atom_entry = parse(site_dir / "atom.xml").entries[-1]
    assert atom_entry.published == "2024-03-08T07:30:00+07:00"


def test_full_body_is_carried_with_absolute_links_and_the_cover_as_an_enclosure(built_column_of_20):
    site_dir = built_column_of_20.site_dir
    entry = parse(site_dir / "rss.xml").entries[-1]
    body = entry.content[0].value
    assert f'src="{SITE}bai-viet/tep/2024/anh.png"' in body
    assert f'href="{SITE}bai-viet/ngay-gia-dinh-viet-nam/"' in body
    assert "Đoạn dán từ Word có ký tự lạ." in body  # control characters stripped, text kept
    [enclosure] = entry.enclosures
    published = str((site_dir / "bai-viet/tep/2024/anh.png").stat().st_size)  # the processed copy, not the original
    assert (enclosure.href, enclosure.length, enclosure.type) == (f"{SITE}bai-viet/tep/2024/anh.png", published, "image/png")
    atom_entry = parse(site_dir / "atom.xml").entries[-1]
    assert atom_entry.content[0].type == "text/html" and f'src="{SITE}bai-viet/tep/2024/anh.png"' in atom_entry.content[0].value
    assert (
        atom_entry.media_content[0]["url"] == f"{SITE}bai-viet/tep/2024/anh.png"
        and atom_entry.media_content[0]["filesize"] == published
    )
    assert entry.summary == "Đoạn dán từ Word có ký tự lạ." and parse(site_dir / "rss.xml").entries[-2].summary == "Tóm tắt."


def test_control_characters_in_an_nfd_title_do_not_break_the_feed(column):
    # Pasted from Word by an editor that saves NFD: a control character and decomposed letters.
    title = unicodedata.normalize("NFD", "Dán\x0btừ Word")
    assert title != unicodedata.normalize("NFC", title)
    column.add("2024/word.md", post(title=title, date="21/11/2024", quarter="2024-Q4", unit="mn-hoa-sen"))
    site_dir = build(column)
    assert parse(site_dir / "rss.xml").entries[0].title == "Dántừ Word"
    assert parse(site_dir / "atom.xml").entries[0].title == "Dántừ Word"


def test_unit_feed_holds_only_that_unit_and_pages_link_their_feeds(built_column):
    site_dir = built_column.site_dir
    feed = parse(site_dir / "don-vi/mn-hoa-sen/rss.xml")
    assert [e.title for e in feed.entries] == ["Ngày Gia đình Việt Nam"]
    assert feed.feed.title == "Trường MN Hoa Sen – Chuyên mục thử" and feed.feed.link == SITE + "don-vi/mn-hoa-sen/"
    unit_page = built_column.html("don-vi/mn-hoa-sen/index.html")
    # The unit's own feed is announced beside the site's (column.js keeps Material from
    # fetching a sitemap.xml beside each: tests/test_browser.py).
    assert {a["href"] for a in unit_page.select("link[rel=alternate]")} == {"../../rss.xml", "../../atom.xml", "rss.xml"}
    assert unit_page.select_one("a.column-feed[type='application/rss+xml']")["href"] == "rss.xml"
    post_links = {a["href"] for a in built_column.html("bai-viet/nam-nu-binh-dang/index.html").select("link[rel=alternate]")}
    assert post_links == {"../../rss.xml", "../../atom.xml"}


def test_rss_follows_the_rules_the_w3c_validator_checks(built_column):
    site_dir = built_column.site_dir
    for name in ("rss.xml", "don-vi/thcs-bao-khe/rss.xml"):
        channel = ET.parse(site_dir / name).getroot().find("channel")
        for required in ("title", "link", "description"):
            assert channel.findtext(required)
        assert channel.find(f"{ATOM}link[@rel='self']").get("href") == SITE + name
        assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate"))
        guids = [item.findtext("guid") for item in channel.findall("item")]
        assert len(guids) == len(set(guids)) > 0
        for item in channel.findall("item"):
            assert item.findtext("title") and item.findtext("link").startswith(SITE)
            assert re.fullmatch(r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0700", item.findtext("pubDate"))
            assert item.find("guid").get("isPermaLink") == "false"


def test_atom_follows_the_rules_the_w3c_validator_checks(built_column):
    root = ET.parse(built_column.site_dir / "atom.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}")
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == SITE + "atom.xml"
    ids = [entry.findtext(f"{ATOM}id") for entry in root.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) == 3
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}title") and re.fullmatch(
            r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", entry.findtext(f"{ATOM}updated")
        )
        assert entry.find(f"{ATOM}content").get("type") == "html"
    assert root.findtext(f"{ATOM}updated") == "2024-11-15T00:00:00+07:00"  # the newest post, not the build time


def test_two_builds_of_the_same_input_are_byte_identical(column):
    site_dir = build(column)
    first = {name: (site_dir / name).read_bytes() for name in ("rss.xml", "atom.xml", "don-vi/thcs-bao-khe/rss.xml")}
    build(column, today="2024-11-23")  # a later day with no new post
    assert {name: (site_dir / name).read_bytes() for name in first} == first


def test_guid_survives_editing_the_title(built_column, column):
    before = parse(built_column.site_dir / "rss.xml").entries[0].id  # the same column, built before the edit
    column.add(
        "2024/d.md", post(title="Tháng hành động năm 2024 (sửa)", date="15/11/2024", quarter="2024-Q4", unit="thcs-bao-khe")
    )
    after = parse(build(column) / "rss.xml").entries[0]
    assert after.title == "Tháng hành động năm 2024 (sửa)" and after.id == before


def test_without_site_url_the_build_warns_that_there_are_no_feeds(make_site):
    site = make_site(UNITS, site_url=None)
    site.add("a.md", post(unit="thcs-bao-khe"))
    result = site.build("--strict")
    assert result.returncode == 1 and "[site_url]" in result.stderr
    assert not (site.site_dir / "rss.xml").exists()


def test_the_feed_writer_itself_strips_characters_xml_cannot_carry():
    import datetime

    from gecolumn.feeds import Channel, FeedItem, atom, rss

    moment = datetime.datetime(2024, 3, 8, 7, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    item = FeedItem(
        "tag:x.vn,2024-03-08:/posts/a.md",
        "Tiêu\x0bđề",
        "https://x.vn/a/",
        moment,
        "Tóm\x1ftắt",
        "<p>Thân\x0cbài</p>",
        ("Nam\x08 & Nữ",),
        "Cô\x07 Lan",
    )
    channel = Channel("Chuyên\x0bmục", "Mô tả", "https://x.vn/", "https://x.vn/rss.xml")
    for document in (rss(channel, [item]), atom(channel, [item])):
        feed = feedparser.parse(document)
        assert not feed.bozo and feed.feed.title == "Chuyênmục"
        entry = feed.entries[0]
        assert (entry.title, entry.summary, entry.tags[0].term) == ("Tiêuđề", "Tómtắt", "Nam & Nữ")


def test_every_atom_entry_has_an_author_the_school_when_the_post_names_none(column):
    # RFC 4287 §4.1.1: an atom:feed without atom:author is invalid unless every entry has one.
    column.write_config({**UNITS, "feed_size": 20, "school": "Trường THCS Bảo Khê"})
    site_dir = build(column)
    root = ET.parse(site_dir / "atom.xml").getroot()
    assert [name.text for name in root.findall(f"{ATOM}author/{ATOM}name")] == ["Trường THCS Bảo Khê"]
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 4 and sum(1 for entry in entries if entry.find(f"{ATOM}author") is None) == 3
    feed = parse(site_dir / "atom.xml")
    assert feed.feed.author == "Trường THCS Bảo Khê"
    assert feed.entries[-1].author == "Ban Vì sự tiến bộ phụ nữ"  # a post's own author stays its own
    assert "<author>" not in (site_dir / "rss.xml").read_text(encoding="utf-8")  # RSS's would need an e-mail


def test_without_a_school_setting_the_feed_author_is_the_only_unit_else_the_site(make_site):
    site = make_site({"start": "2024-Q1", "units": {"thcs-bao-khe": "Trường THCS Bảo Khê"}})
    site.add("a.md", post())
    authors = ET.parse(build(site) / "atom.xml").getroot().findall(f"{ATOM}author/{ATOM}name")
    assert [name.text for name in authors] == ["Trường THCS Bảo Khê"]
    site.write_config(UNITS)
    site.add("a.md", post(unit="thcs-bao-khe"))
    authors = ET.parse(build(site) / "atom.xml").getroot().findall(f"{ATOM}author/{ATOM}name")
    assert [name.text for name in authors] == ["Chuyên mục thử"]


def test_the_feed_writer_gives_an_atom_feed_its_author():
    import datetime

    from gecolumn.feeds import Channel, FeedItem, atom

    moment = datetime.datetime(2024, 3, 8, 7, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    item = FeedItem("tag:x.vn,2024-03-08:/posts/a.md", "Tiêu đề", "https://x.vn/a/", moment, "Tóm tắt", "<p>Thân</p>", ())
    channel = Channel("Chuyên mục", "Mô tả", "https://x.vn/", "https://x.vn/atom.xml", author="Trường <A> & B\x0b")
    root = ET.fromstring(atom(channel, [item]))
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Trường <A> & B"
    assert feedparser.parse(atom(channel, [item])).feed.author == "Trường <A> & B"


def test_each_kind_of_post_feed_is_written_by_its_own_writer_and_parsed_as_that_kind():
    from gecolumn.feeds import WRITERS, Channel, FeedKind, write

    channel = Channel("Chuyên mục", "Mô tả", "https://x.vn/", "https://x.vn/feed")
    versions = {kind: feedparser.parse(write(kind, channel, [])).version for kind in WRITERS}
    assert versions == {FeedKind.RSS: "rss20", FeedKind.ATOM: "atom10"}


def test_a_feed_kind_without_a_writer_is_refused_never_written_as_atom():
    # Anything that was not RSS used to be written as Atom: a new kind is a row of WRITERS.
    from gecolumn.feeds import Channel, FeedKind, write

    channel = Channel("Theo dõi", "Số liệu", "https://x.vn/theo-doi/", "https://x.vn/theo-doi.json")
    with pytest.raises(LookupError, match=r"no writer for feed kind 'json' \(theo-doi\.json\).*gecolumn\.feeds\.WRITERS"):
        write(FeedKind.JSON, channel, [])


def test_a_feed_of_an_unknown_kind_fails_where_the_plan_makes_it():
    from gecolumn.feeds import FeedKind
    from gecolumn.views import Feed

    assert Feed("rss.xml", "rss", "Tin", "index.md", ()).kind is FeedKind.RSS
    with pytest.raises(ValueError, match="'ical' is not a valid FeedKind"):
        Feed("lich.ics", "ical", "Lịch", "index.md", ())


def test_a_photos_smaller_copies_are_absolute_too_and_atom_gives_the_cover_without_a_group(make_site):
    site = make_site(UNITS)
    body = "Mở đầu.\n\n![Ảnh buổi ngoại khóa](anh.jpg)"
    site.add("2024/a.md", post(title="Ngoại khóa", unit="thcs-bao-khe", image="anh.jpg", body=body))
    site.add("2024/anh.jpg", photo("JPEG", (960, 720)))
    site_dir = build(site)
    page_srcset = site.html("bai-viet/ngoai-khoa/index.html").select_one(".column-article img")["srcset"]
    assert "480w" in page_srcset  # the page offers the small copy: the feeds must offer it reachable
    for name in ("rss.xml", "atom.xml"):
        feed = feedparser.parse((site_dir / name).read_bytes(), sanitize_html=False)  # its sanitiser drops srcset
        [entry] = feed.entries
        content = BeautifulSoup(entry.content[0].value, "html.parser")
        image = content.select_one("img")
        addresses = [candidate.split()[0] for candidate in image["srcset"].split(", ")]
        assert image["src"].startswith(SITE + "bai-viet/tep/2024/"), name
        assert len(addresses) == 2 and all(address.startswith(SITE + "bai-viet/tep/2024/anh") for address in addresses), name
    [atom_entry] = ET.parse(site_dir / "atom.xml").getroot().findall(f"{ATOM}entry")
    assert atom_entry.find(f"{MEDIA}group") is None
    assert atom_entry.find(f"{MEDIA}content").get("url") == SITE + "bai-viet/tep/2024/anh.jpg"
