"""The district's proof cannot be fooled: what an empty or paged feed proves, which feed and which data are the school's.

Every school is served by a real HTTP server on 127.0.0.1 (``district_server``).
"""

from __future__ import annotations

import itertools

import pytest
from district_server import LocalServer, atom_feed, wordpress_page, wordpress_rss
from test_district import as_json, district, roster, statuses

HISTORY = "http://purl.org/syndication/history/1.0"
_documents = itertools.count(1)


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        yield running


def paged(server: LocalServer, path: str, pages: list[bytes]) -> None:
    """A WordPress feed: ``?paged=N`` gives page N, and past the last page a 404."""

    def route(request):
        query = request.path.partition("?")[2]
        number = int(dict(part.split("=", 1) for part in query.split("&") if "=" in part).get("paged", "1"))
        if number > len(pages):
            return request.send(404, b"<!doctype html><html><body>Not found</body></html>", "text/html")
        request.send(200, pages[number - 1], "application/rss+xml; charset=UTF-8")

    server.routes[path] = route


def atom_page(entries: list[tuple[str, str]], links: dict[str, str] = {}, complete: bool = False) -> bytes:  # noqa: B006
    """An Atom document with RFC 5005 links and, if asked, ``<fh:complete/>``."""
    # Each document's entries get ids of their own: another page holds other posts.
    body = atom_feed(entries).decode().replace("2024:", f"2024:{next(_documents)}-")
    extra = "".join(f'<link rel="{rel}" href="{href}"/>' for rel, href in links.items()) + ("<fh:complete/>" if complete else "")
    body = body.replace(
        '<feed xmlns="http://www.w3.org/2005/Atom"', f'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="{HISTORY}"'
    )
    return body.replace("</title>", "</title>" + extra, 1).encode()


# --- an empty feed, and a feed whose older pages are proven not to exist ----------------------


def test_an_empty_feed_proves_the_school_has_no_post_and_fails_the_run(server, tmp_path):
    server.serve("/trong/feed/", wordpress_rss(server.url("/trong/"), []), "application/rss+xml")
    result = district(str(roster(tmp_path, f"th-trong,Trường TH Trống,{server.url('/trong/feed/')},2024-Q3")), cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert "THIẾU Quý III/2024, Quý IV/2024" in result.stdout and "chưa rõ" not in result.stdout


def test_a_complete_feed_proves_every_quarter_and_a_sliding_window_proves_nothing_older(server, tmp_path):
    one = [("Ngày Gia đình", "2024-07-15T08:00:00+07:00")]
    server.serve("/du/atom.xml", atom_page(one, complete=True), "application/atom+xml")
    server.serve("/truot/atom.xml", atom_feed(one), "application/atom+xml")
    listed = roster(
        tmp_path,
        f"du,Trường Đủ,{server.url('/du/atom.xml')},2024-Q1",
        f"truot,Trường Trượt,{server.url('/truot/atom.xml')},2024-Q1",
    )
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert statuses(report, "du")["2024-Q1"] == (0, "missing") and statuses(report, "du")["2024-Q3"] == (1, "ok")
    assert statuses(report, "truot")["2024-Q1"] == (None, "unknown") and statuses(report, "truot")["2024-Q4"] == (0, "missing")


def test_items_whose_dates_cannot_be_read_prove_nothing_missing(server, tmp_path):
    items = "".join(f"<item><title>Bài {n}</title><link>{server.url(f'/khong-ngay/{n}')}</link>{date}</item>" for n, date in (
        (1, ""), (2, "<pubDate>Thứ Hai, 10/11/2024 09:00</pubDate>"), (3, "<pubDate></pubDate>"),
    ))  # fmt: skip
    feed = f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    server.serve("/khong-ngay/feed/", feed.encode(), "application/rss+xml")
    listed = roster(tmp_path, f"kn,Trường Không Ngày,{server.url('/khong-ngay/feed/')},2024-Q3")
    report = as_json(district(str(listed), "--format", "json", "--today", "2025-01-05", cwd=tmp_path))
    # Three posts the monitor cannot place in a quarter: not "no post" (exit 1), but unproven (exit 3).
    assert statuses(report, "kn")["2024-Q3"] == (None, "unknown") and statuses(report, "kn")["2024-Q4"] == (None, "unknown")


# --- paging back --------------------------------------------------------------------------------


def test_a_wordpress_feed_is_paged_back_until_it_answers_404_which_proves_the_oldest_quarters(server, tmp_path):
    site = server.url("/wpp/")
    first = [("Tháng hành động", "Mon, 11 Nov 2024 02:00:00 +0000"), ("Tháng 10", "Tue, 01 Oct 2024 02:00:00 +0000")]
    second = [("Gia đình", "Fri, 28 Jun 2024 02:00:00 +0000")]
    older = wordpress_rss(site, second).replace(b"?p=1", b"?p=99")  # another post than page 1's first
    paged(server, "/wpp/feed/", [wordpress_rss(site, first), older])
    listed = roster(tmp_path, f"th-wpp,Trường TH Phân trang,{server.url('/wpp/feed/')},2024-Q1")
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert statuses(report, "th-wpp") == {
        "2024-Q1": (0, "missing"),  # page 3 answers 404: there is no older post
        "2024-Q2": (1, "ok"),  # seen on page 2 only
        "2024-Q3": (0, "missing"),
        "2024-Q4": (2, "ok"),
        "2025-Q1": (0, "in_progress"),
    }
    assert report["schools"][0]["source"] == server.url("/wpp/feed/") and server.hits["/wpp/feed/"] == 3


def test_rfc5005_pages_and_archives_are_followed_and_only_the_end_of_the_archives_proves_absence(server, tmp_path):
    server.serve(
        "/blog/feed.xml",
        atom_page([("Mới", "2024-11-05T08:00:00+07:00")], {"next": server.url("/blog/feed.xml-2")}),
        "application/atom+xml",
    )
    server.serve("/blog/feed.xml-2", atom_page([("Cũ", "2024-05-05T08:00:00+07:00")]), "application/atom+xml")
    server.serve(
        "/kho/feed.xml",
        atom_page([("Mới", "2024-11-05T08:00:00+07:00")], {"prev-archive": server.url("/kho/2024-q2.xml")}),
        "application/atom+xml",
    )
    server.serve("/kho/2024-q2.xml", atom_page([("Cũ", "2024-05-05T08:00:00+07:00")]), "application/atom+xml")
    listed = roster(
        tmp_path,
        f"blog,Trường Blog,{server.url('/blog/feed.xml')},2024-Q1",
        f"kho,Trường Kho,{server.url('/kho/feed.xml')},2024-Q1",
    )
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    # Paged: the last page has no "next", yet a paged feed need not be complete (RFC 5005 §3).
    assert statuses(report, "blog")["2024-Q1"] == (None, "unknown") and statuses(report, "blog")["2024-Q2"] == (1, "ok")
    assert statuses(report, "kho")["2024-Q1"] == (0, "missing") and statuses(report, "kho")["2024-Q2"] == (1, "ok")


def test_paging_back_is_bounded_and_stops_at_the_oldest_due_quarter(server, tmp_path):
    def endless(request):
        number = int(request.path.rsplit("/", 1)[-1])
        entries = [(f"Bài {number}", "2025-01-05T08:00:00+07:00")]
        body = atom_page(entries, {"next": server.url(f"/vo-tan/{number + 1}")})
        request.send(200, body, "application/atom+xml")

    for number in range(1, 40):
        server.routes[f"/vo-tan/{number}"] = endless
    server.serve(
        "/gan/feed.xml",
        atom_page([("Quý III", "2024-08-05T08:00:00+07:00")], {"next": server.url("/gan/feed-2.xml")}),
        "application/atom+xml",
    )
    listed = roster(
        tmp_path,
        f"vo-tan,Trường Vô tận,{server.url('/vo-tan/1')},2024-Q1",
        f"gan,Trường Gần,{server.url('/gan/feed.xml')},2024-Q3",
    )
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert sum(server.hits[f"/vo-tan/{n}"] for n in range(1, 40)) == 20
    assert statuses(report, "vo-tan")["2024-Q4"] == (None, "unknown")
    assert statuses(report, "gan")["2024-Q3"] == (1, "ok") and server.hits["/gan/feed-2.xml"] == 0  # Q3 is the oldest due


# --- the wrong feed -----------------------------------------------------------------------------


def test_a_category_page_is_read_from_its_own_feed_not_the_site_s_news(server, tmp_path):
    site = server.url("/cm/")
    page = server.url("/cm/chuyen-muc/binh-dang-gioi/")
    own = server.url("/cm/chuyen-muc/binh-dang-gioi/feed/")
    head = wordpress_page(site, server.url("/cm/feed/"), server.url("/cm/comments/feed/")).decode()
    head = head.replace(
        "</head>",
        f'<link rel="alternate" type="application/rss+xml" title="Trường &raquo; Bình đẳng giới Chuyên mục Dòng thông tin" href="{own}" />\n</head>',
    )
    server.serve("/cm/chuyen-muc/binh-dang-gioi/", head.encode(), "text/html; charset=UTF-8")
    news = [(f"Tin {n}", f"Mon, 0{n} {m} 2024 02:00:00 +0000") for n, m in ((1, "Nov"), (2, "Aug"), (3, "May"), (4, "Feb"))]
    paged(server, "/cm/feed/", [wordpress_rss(site, news)])
    paged(server, "/cm/chuyen-muc/binh-dang-gioi/feed/", [wordpress_rss(site, [news[0], news[2], news[3]])])
    listed = roster(tmp_path, f"th-cm,Trường TH Chuyên mục,{page},2024-Q1")
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    [school] = report["schools"]
    assert (school["source"], school["kind"]) == (own, "rss")
    assert statuses(report, "th-cm")["2024-Q3"] == (0, "missing")  # the site's news had a post in it
    assert server.hits["/cm/comments/feed/"] == 0


# --- someone else's data ------------------------------------------------------------------------


def coverage_json(site_url: str, posts_per_quarter: int, listed: list[dict]) -> bytes:
    import json

    cells = [{"unit": None, "quarter": q, "posts": posts_per_quarter, "status": "ok"} for q in ("2024-Q3", "2024-Q4")]
    document = {
        "schema": 1, "name": "Cổng", "site_url": site_url, "today": "2025-01-05", "start": "2024-Q3", "per_unit": False,
        "units": [{"id": "cong", "name": "Cổng", "since": None}], "quarters": [], "whole": cells, "missing": [], "posts": listed,
    }  # fmt: skip
    return json.dumps(document).encode()


def test_data_that_is_not_the_school_s_own_or_disagrees_with_itself_is_not_evidence(server, tmp_path):
    portal = server.url("/")
    server.serve("/theo-doi.json", coverage_json(portal, 3, []), "application/json")  # the portal's root: every quarter "ok"
    server.serve(
        "/cong/truong-a/",
        wordpress_page(server.url("/cong/truong-a/"), server.url("/cong/truong-a/feed/"), server.url("/cong/truong-a/comments/")),
        "text/html",
    )
    paged(server, "/cong/truong-a/feed/", [wordpress_rss(portal, [("Quý IV", "Mon, 11 Nov 2024 02:00:00 +0000")])])
    with LocalServer() as other:  # another site, announced by a school's page
        other.serve("/theo-doi.json", coverage_json(other.url("/"), 1, []), "application/json")
        page = f'<html><head><link rel="alternate" type="application/json" href="{other.url("/theo-doi.json")}"></head></html>'
        server.serve("/truong-b/", page.encode(), "text/html")
        server.serve("/truong-c/theo-doi.json", coverage_json(server.url("/truong-c/"), 500, []), "application/json")
        listed = roster(
            tmp_path,
            f"truong-a,Trường A,{server.url('/cong/truong-a/')},2024-Q3",
            f"truong-b,Trường B,{server.url('/truong-b/')},2024-Q3",
            f"truong-c,Trường C,{server.url('/truong-c/theo-doi.json')},2024-Q3",
        )
        report = as_json(district(str(listed), "--format", "json", "--today", "2025-01-05", cwd=tmp_path))
        english = as_json(district(str(listed), "--format", "json", "--today", "2025-01-05", "--lang", "en", cwd=tmp_path))
    assert report["schools"][0]["source"] == server.url("/cong/truong-a/feed/")
    assert statuses(report, "truong-a")["2024-Q3"] == (0, "missing")
    said = {entry["unit"]: (entry["code"], entry["error"]) for entry in report["unreachable"]}
    assert said["truong-b"][0] == "source_foreign_data" and "không phải số liệu của trường này" in said["truong-b"][1]
    assert said["truong-c"][0] == "source_inconsistent_data" and "ghi 500 bài" in said["truong-c"][1]
    errors = {entry["unit"]: entry["error"] for entry in english["unreachable"]}
    assert "not this school's data" in errors["truong-b"] and "says 500 posts" in errors["truong-c"]


def test_a_school_page_without_a_final_slash_does_not_own_the_portal_s_data(tmp_path):
    with LocalServer() as portal:
        listed_posts = [
            {"title": t, "url": portal.url(f"/tin/{n}"), "date": d, "unit": "cong", "quarter": q}
            for n, (t, d, q) in enumerate(
                (("Tin Q3", "2024-08-01T08:00:00+07:00", "2024-Q3"), ("Tin Q4", "2024-11-01T08:00:00+07:00", "2024-Q4"))
            )  # a valid file that agrees with itself: only whose it is can set it aside
        ]
        portal.serve("/theo-doi.json", coverage_json(portal.url("/"), 1, listed_posts), "application/json")  # the portal's own
        feed = portal.url("/truong-d/feed/")
        portal.serve("/truong-d", wordpress_page(portal.url("/truong-d/"), feed, portal.url("/truong-d/c/")), "text/html")
        paged(portal, "/truong-d/feed/", [wordpress_rss(portal.url("/truong-d/"), [("Q4", "Mon, 11 Nov 2024 02:00:00 +0000")])])
        listed = roster(tmp_path, f"truong-d,Trường D,{portal.url('/truong-d')},2024-Q3")
        report = as_json(district(str(listed), "--format", "json", "--today", "2025-01-05", cwd=tmp_path))
    assert report["schools"][0]["source"] == feed  # not /theo-doi.json, which sits beside the page, not under it
    assert statuses(report, "truong-d")["2024-Q3"] == (0, "missing")
