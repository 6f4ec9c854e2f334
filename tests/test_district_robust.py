"""The district monitor cannot be taken down: bounded memory, one deadline per school, validated numbers, no local addresses.

Every hostile server here is a real HTTP server on 127.0.0.1 that stops by itself. Addresses a
school must not reach (cloud metadata, loopback by name) are only ever *resolved*, by a stubbed
resolver, and the test checks that nothing connected to them.
"""

from __future__ import annotations

import datetime
import json
import socket
import time
import tracemalloc
import zlib

import pytest
from conftest import Site, post
from district_server import LocalServer, atom_feed, wordpress_page, wordpress_rss
from openpyxl import load_workbook
from test_district import as_json, district, roster

from gecolumn.district import Fetcher, Unreadable, read_roster
from gecolumn.district.judge import monitor
from gecolumn.district.roster import School
from gecolumn.district.sources import find_evidence

TODAY = datetime.date(2025, 2, 10)


def gzipped(chunks, level: int = 9) -> bytes:
    packer = zlib.compressobj(level, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return b"".join(packer.compress(chunk) for chunk in chunks) + packer.flush()


def school(url: str, unit: str = "th-a") -> School:
    return School(unit, f"Trường {unit}", url, None, 2)


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        yield running


# --- memory --------------------------------------------------------------------------------------


def test_a_gzip_of_a_gzip_stops_at_the_decoded_limit_without_holding_its_whole_layer(server):
    # 64 MB of zeros, gzipped twice: a few kilobytes on the wire.
    inner = gzipped(b"\0" * (1 << 20) for _ in range(64))
    server.serve("/bomb.xml", gzipped([inner]), "application/rss+xml", headers={"Content-Encoding": "gzip, gzip"})
    tracemalloc.start()
    try:
        with Fetcher(cache=None, timeout=20) as fetcher, pytest.raises(Unreadable) as refused:
            fetcher.get(server.url("/bomb.xml"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.code.value == "source_too_large"
    assert peak < 24 * 1024 * 1024  # the 5 MB limit and a few pieces, never a whole layer


def test_an_ordinary_gzip_or_deflate_body_is_read(server):
    feed = atom_feed([("Bài", "2024-08-08T08:00:00+07:00")])
    server.serve("/gz.xml", gzipped([feed]), "application/atom+xml", headers={"Content-Encoding": "gzip"})
    server.serve("/zz.xml", zlib.compress(feed), "application/atom+xml", headers={"Content-Encoding": "deflate"})
    with Fetcher(cache=None) as fetcher:
        assert fetcher.get(server.url("/gz.xml")).body == feed
        assert fetcher.get(server.url("/zz.xml")).body == feed


def test_a_feed_declaring_entities_is_refused_before_it_is_parsed(server, tmp_path):
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 5))
    bomb = f"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">{laughs}]>
<rss version="2.0"><channel><title>&l4;</title><item><title>Bài</title><pubDate>Mon, 15 Jul 2024 02:00:00 +0000</pubDate></item></channel></rss>"""
    server.serve("/laughs.xml", bomb.encode(), "application/rss+xml")
    report = as_json(
        district(str(roster(tmp_path, f"th-a,Trường A,{server.url('/laughs.xml')},2024-Q3")), "--format", "json", cwd=tmp_path)
    )
    [entry] = report["unreachable"]
    assert entry["code"] == "source_entities" and "<!ENTITY>" in entry["error"]


# --- time ----------------------------------------------------------------------------------------


def test_a_server_dripping_its_headers_is_cut_at_the_schools_deadline(server):
    def drip(request):
        request.wfile.write(b"HTTP/1.1 200 OK\r\n")
        started = time.monotonic()
        try:
            while time.monotonic() - started < 12:  # stops by itself
                request.wfile.write(b"X")
                request.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass
        request.close_connection = True

    server.routes["/drip"] = drip
    started = time.monotonic()
    with Fetcher(cache=None, timeout=1.5, retries=2) as fetcher, pytest.raises(Unreadable) as refused:
        fetcher.get(server.url("/drip"))
    assert refused.value.code.value == "source_timeout"
    assert time.monotonic() - started < 3.5  # the deadline, not 12 s of drip nor three tries of it


def test_a_page_of_unclosed_tags_costs_no_time_in_the_link_finder(server):
    server.serve("/tags/", b"<!doctype html><html><head>" + b"<a " * 11_000 + b"<link " * 5_000, "text/html")
    started = time.monotonic()
    with Fetcher(cache=None) as fetcher, pytest.raises(Unreadable) as refused:
        find_evidence(school(server.url("/tags/")), fetcher, TODAY)
    assert refused.value.code.value == "source_no_feed"
    assert time.monotonic() - started < 2  # Python's HTML parser took 10-20 s


def test_a_stuck_school_holds_the_run_no_longer_than_its_deadline_and_is_named_while_awaited(server, tmp_path):
    def stuck(request):
        time.sleep(6)  # longer than the deadline; the server's thread stops by itself
        request.send(200, b"", "text/plain")

    server.routes["/stuck"] = stuck
    server.serve("/fine.xml", atom_feed([("Bài", "2024-08-08T08:00:00+07:00")]), "application/atom+xml")
    listed = roster(
        tmp_path, f"th-ket,Trường Kẹt,{server.url('/stuck')},2024-Q3", f"th-tot,Trường Tốt,{server.url('/fine.xml')},2024-Q3"
    )
    told = []
    started = time.monotonic()
    with Fetcher(cache=None, timeout=2, retries=2) as fetcher:
        result = monitor(read_roster(listed), fetcher, TODAY, progress=lambda done, total, waiting: told.append((done, waiting)))
    assert time.monotonic() - started < 4.5
    assert result.schools[0].problem.code.value == "source_timeout" and result.schools[1].evidence is not None
    assert (1, ["th-ket"]) in told  # the good school is done; the stuck one is named until its deadline


# --- numbers -------------------------------------------------------------------------------------


def test_one_schools_absurd_number_is_that_schools_problem_and_every_output_is_written(server, tmp_path):
    column = Site(
        tmp_path / "col", {"start": "2024-Q1", "units": {"th-tot": {"name": "Trường Tốt"}}}, {"site_url": server.url("/tot/")}
    )
    column.add("a.md", post(title="Ngày 8/3", date="08/03/2024"))
    assert column.build(today="2024-11-22").returncode == 0
    server.folders["/tot/"] = column.site_dir
    data = json.loads((column.site_dir / "theo-doi.json").read_text(encoding="utf-8"))
    data["whole"][0]["posts"] = data["quarters"][0]["posts"] = 10**400
    server.serve("/to/theo-doi.json", json.dumps(data).encode(), "application/json")
    listed = roster(
        tmp_path, f"th-to,Trường To,{server.url('/to/theo-doi.json')},2024-Q1", f"th-tot,Trường Tốt,{server.url('/tot/')},2024-Q1"
    )
    out = tmp_path / "out"
    result = district(
        str(listed),
        "--format",
        "json",
        "--csv",
        str(out / "b.csv"),
        "--xlsx",
        str(out / "b.xlsx"),
        "--html",
        str(out),
        cwd=tmp_path,
    )
    report = as_json(result)
    assert result.returncode == 1, result.stderr
    [entry] = report["unreachable"]
    assert entry["unit"] == "th-to" and entry["code"] == "source_bad_data" and "posts" in entry["error"]
    assert [s["status"] for s in report["schools"]] == ["unreachable", "missing"]
    assert "Trường Tốt" in (out / "b.csv").read_text(encoding="utf-8-sig")
    assert any(row[0].value == "Trường Tốt" for row in load_workbook(out / "b.xlsx").active.iter_rows())
    assert "Trường To" in (out / "index.html").read_text(encoding="utf-8")


# --- addresses -----------------------------------------------------------------------------------


@pytest.fixture
def connections(monkeypatch):
    """Every address the monitor connects to; only 127.0.0.1 is really connected."""
    made = []
    real = socket.create_connection

    def create_connection(address, *args, **kwargs):
        made.append(address[0])
        assert address[0] == "127.0.0.1", f"the test tried to reach {address[0]}"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return made


def stub_resolver(names: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        if host in names:
            return names[host]
        raise socket.gaierror(f"no {host} in the test")

    return resolve


@pytest.mark.parametrize("address", ["169.254.169.254", "::1"])
def test_a_redirect_to_a_name_resolving_to_a_local_address_is_refused_before_connecting(server, connections, address):
    server.serve("/moved", b"", "text/plain", status=302, headers={"Location": "http://may-chu.test/latest/meta-data/"})
    resolver = stub_resolver({"may-chu.test": [address]})
    with Fetcher(cache=None, resolver=resolver) as fetcher, pytest.raises(Unreadable) as refused:
        find_evidence(school(server.url("/moved")), fetcher, TODAY)
    assert refused.value.code.value == "source_local_address"
    assert refused.value.params == {"host": "may-chu.test", "address": address}
    assert connections == ["127.0.0.1"]  # the roster's server only
    assert server.hits["/moved"] >= 1


def test_a_feed_announced_at_a_loopback_address_the_roster_does_not_name_is_refused(server, connections, tmp_path):
    feed = f"http://[::1]:{server.port}/feed/"
    server.serve("/ann/", wordpress_page(server.url("/ann/"), feed, feed), "text/html")
    with Fetcher(cache=None, resolver=stub_resolver({})) as fetcher, pytest.raises(Unreadable) as refused:
        find_evidence(school(server.url("/ann/")), fetcher, TODAY)
    assert refused.value.code.value == "source_local_address" and refused.value.params["address"] == "::1"
    assert set(connections) == {"127.0.0.1"}


def test_an_intranet_name_is_read_with_allow_local_and_refused_without(server, connections):
    server.serve("/noi-bo.xml", atom_feed([("Bài", "2024-08-08T08:00:00+07:00")]), "application/atom+xml")
    url = f"http://cong.noi-bo.test:{server.port}/noi-bo.xml"
    resolver = stub_resolver({"cong.noi-bo.test": ["127.0.0.1"]})
    with Fetcher(cache=None, resolver=resolver) as fetcher, pytest.raises(Unreadable) as refused:
        find_evidence(school(url), fetcher, TODAY)
    assert refused.value.code.value == "source_local_address"
    assert connections == []
    with Fetcher(cache=None, resolver=resolver, allow_local=True) as fetcher:
        evidence = find_evidence(school(url), fetcher, TODAY)
    assert evidence.location == url and sum(evidence.counts.values()) == 1


def test_the_report_names_the_refused_address_and_publishes_none_the_roster_did_not_lead_to(server, tmp_path):
    feed = f"http://[::1]:{server.port}/feed/"  # an address literal: refused before any lookup or connection
    server.serve("/ann2/", wordpress_page(server.url("/ann2/"), feed, feed), "text/html")
    result = district(str(roster(tmp_path, f"th-a,Trường A,{server.url('/ann2/')},2024-Q3")), "--format", "json", cwd=tmp_path)
    report = as_json(result)
    [entry] = report["unreachable"]
    assert entry["code"] == "source_local_address" and "::1" in entry["error"] and "--allow-local" in entry["error"]
    assert report["schools"][0]["source"] is None
    assert "--allow-local" in district("--help", cwd=tmp_path).stdout


# --- when no quarter is due ----------------------------------------------------------------------


def test_when_no_quarter_is_due_the_summary_rows_fit_the_header_and_the_dashboard_spans_nothing(server, tmp_path):
    server.serve("/som.xml", atom_feed([("Bài", "2024-08-08T08:00:00+07:00")]), "application/atom+xml")
    listed = roster(
        tmp_path, f"th-som,Trường Sớm,{server.url('/som.xml')},2030-Q1", "th-hong,Trường Hỏng,http://khong-co.invalid/,2030-Q1"
    )
    summary = tmp_path / "summary.md"
    result = district(
        str(listed),
        "--format",
        "github",
        "--html",
        str(tmp_path / "out"),
        cwd=tmp_path,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 1, result.stderr
    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    widths = {line.count(" | ") for line in rows if not line.startswith("|---")}
    assert len(rows) == 4 and len(widths) == 1, rows
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'colspan="0"' not in page and "Không đọc được" in page


def test_a_theo_doi_json_holding_no_text_is_that_schools_problem_not_the_runs(server, tmp_path):
    # "\ud800" is valid JSON but not text: in a post's title it crashed the ledger's writing, in
    # a site_url the error message naming it, and the whole run ended with exit 2.
    def coverage(site_url: str, title: str) -> bytes:
        post = {
            "title": title,
            "url": server.url("/x/bai/1/"),
            "date": "2024-08-08T08:00:00+07:00",
            "quarter": "2024-Q3",
            "unit": "x",
        }
        document = {
            "schema": 1, "name": "X", "site_url": site_url, "today": "2024-10-05", "start": "2024-Q3", "per_unit": False,
            "units": [{"id": "x", "name": "X", "since": None}], "quarters": [], "missing": [], "posts": [post],
            "whole": [{"unit": None, "quarter": "2024-Q3", "posts": 1, "status": "ok"}],
        }  # fmt: skip
        return json.dumps(document).encode()  # ASCII, the surrogate escaped as JSON allows

    server.serve("/sb/theo-doi.json", coverage(server.url("/sb/"), "Bài \ud800"), "application/json")
    server.serve("/ss/theo-doi.json", coverage("https://\udfff.edu.vn/", "Bài"), "application/json")
    server.serve("/ok/atom.xml", atom_feed([("Bài", "2024-08-08T08:00:00+07:00")]), "application/atom+xml")
    listed = roster(
        tmp_path,
        f"th-sb,Trường SB,{server.url('/sb/theo-doi.json')},2024-Q3",
        f"th-ss,Trường SS,{server.url('/ss/theo-doi.json')},2024-Q3",
        f"th-ok,Trường OK,{server.url('/ok/atom.xml')},2024-Q3",
    )
    result = district(str(listed), "--format", "json", "--today", "2024-10-10", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    report = as_json(result)
    assert [(e["unit"], e["code"]) for e in report["unreachable"]] == [("th-sb", "source_bad_data"), ("th-ss", "source_bad_data")]
    assert [s["status"] for s in report["schools"]] == ["unreachable", "unreachable", "ok"]
    assert district(str(listed), "--today", "2024-10-10", "--no-cache", cwd=tmp_path).returncode == 1


# --- the network: proxies, lookups, shared portals ------------------------------------------------


class Proxy(LocalServer):
    """A plain HTTP proxy that answers itself: absolute-form requests by their full URL, CONNECT refused and recorded."""

    def __init__(self):
        super().__init__()
        self.tunnels: list[str] = []
        proxy = self

        class Handler(self.RequestHandlerClass):
            def do_CONNECT(self) -> None:  # noqa: N802 (http.server's naming)
                proxy.tunnels.append(self.path)
                self.send(502, b"", "text/plain")

        self.RequestHandlerClass = Handler


def test_a_district_behind_a_proxy_reads_its_schools_through_it_checking_each_schools_address(server, connections, monkeypatch):
    feed = atom_feed([("Bài", "2024-08-08T08:00:00+07:00")])
    server.serve("/thang.xml", feed, "application/atom+xml")
    names = stub_resolver({"truong.example": ["203.0.113.7"], "may-chu.example": ["169.254.169.254"]})  # nothing is looked up
    with Proxy() as proxy:
        proxy.serve("http://truong.example/feed.xml", feed, "application/atom+xml")
        proxy.serve("http://may-chu.example/latest/meta-data/", b"secret", "text/plain")
        monkeypatch.setenv("HTTP_PROXY", proxy.url(""))
        monkeypatch.setenv("HTTPS_PROXY", proxy.url(""))
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        with Fetcher(cache=None, resolver=names, retries=0) as fetcher:
            # The school's name is resolved and checked here, then its request goes to the proxy.
            evidence = find_evidence(school("http://truong.example/feed.xml"), fetcher, TODAY)
            direct = find_evidence(school(server.url("/thang.xml")), fetcher, TODAY)  # NO_PROXY
            with pytest.raises(Unreadable) as refused:
                fetcher.get("http://may-chu.example/latest/meta-data/")
            with pytest.raises(Unreadable):
                fetcher.get("https://truong.example/feed.xml")
    assert evidence.location == "http://truong.example/feed.xml" and sum(evidence.counts.values()) == 1
    assert sum(direct.counts.values()) == 1 and server.hits["/thang.xml"] == 1
    # The school's local address is refused before anything is sent; the proxy's own (127.0.0.1) is not.
    assert refused.value.code.value == "source_local_address"
    assert proxy.hits == {"http://truong.example/feed.xml": 1}
    assert proxy.tunnels == ["truong.example:443"]  # HTTPS_PROXY: a tunnel asked of the proxy
    assert set(connections) == {"127.0.0.1"}


def test_a_name_lookup_that_hangs_counts_against_the_schools_deadline(connections):
    def hanging(host: str, port: int) -> list[str]:
        time.sleep(3)  # the lookup thread ends by itself
        return []

    started = time.monotonic()
    with Fetcher(cache=None, timeout=1, resolver=hanging) as fetcher, pytest.raises(Unreadable) as refused:
        fetcher.get("http://cham.example/feed.xml")
    assert refused.value.code.value == "source_timeout"
    assert time.monotonic() - started < 2  # the deadline, not the 3 s lookup
    assert connections == []


def test_a_hung_portal_holds_only_its_share_of_workers_and_the_other_schools_are_read_meanwhile(tmp_path):
    arrived = {}

    def hung(request):
        time.sleep(3.5)  # past the deadline; the server's thread stops by itself
        request.send(200, b"", "text/plain")

    def fine(request):
        arrived["th-tot"] = time.monotonic()
        request.send(200, atom_feed([("Bài", "2024-08-08T08:00:00+07:00")]), "application/atom+xml")

    with LocalServer() as portal, LocalServer() as other:
        lines = []
        for number in range(4):
            portal.routes[f"/t{number}/"] = hung
            lines.append(f"th-cong-{number},Trường cổng {number},{portal.url(f'/t{number}/')},2024-Q3")
        other.routes["/tot.xml"] = fine
        lines.append(f"th-tot,Trường Tốt,{other.url('/tot.xml')},2024-Q3")  # last in the roster
        told = []
        started = time.monotonic()
        with Fetcher(cache=None, timeout=2, retries=0, per_host=2) as fetcher:
            result = monitor(
                read_roster(roster(tmp_path, *lines)), fetcher, TODAY, jobs=3, progress=lambda d, t, w: told.append((d, w))
            )
    assert arrived["th-tot"] - started < 1  # not after the portal's first schools gave up (2 s)
    assert (
        max(sum(unit.startswith("th-cong-") for unit in waiting) for _, waiting in told) <= 2
    )  # the portal's share of the three workers, never all
    assert [r.school.unit for r in result.schools] == [*(f"th-cong-{n}" for n in range(4)), "th-tot"]  # roster order
    assert result.schools[-1].evidence is not None
    assert all(r.problem.code.value == "source_timeout" for r in result.schools[:4])
    assert any(done >= 1 and waiting and all(unit.startswith("th-cong-") for unit in waiting) for done, waiting in told)


def test_a_second_run_reads_the_source_its_page_led_to_directly_and_looks_again_when_it_is_gone(server, tmp_path):
    site = server.url("/wp2/")
    page = wordpress_page(site, server.url("/wp2/feed/"), server.url("/wp2/comments/feed/"))
    server.serve("/wp2/", page, "text/html; charset=UTF-8")
    feed = wordpress_rss(site, [("Tháng hành động", "Mon, 11 Nov 2024 02:00:00 +0000")])
    server.serve("/wp2/feed/", feed, "application/rss+xml; charset=UTF-8", headers={"ETag": '"v1"'})
    listed = roster(tmp_path, f"th-wp,Trường WP,{site},2024-Q4")
    first = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    pages, feeds = server.hits["/wp2/"], server.hits["/wp2/feed/"]
    second = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert second["schools"] == first["schools"] and first["schools"][0]["source"] == server.url("/wp2/feed/")
    assert server.hits["/wp2/"] == pages  # the page was not read again…
    assert (
        server.hits["/wp2/feed/"] == feeds + 1 and server.headers["/wp2/feed/"][-1]["If-None-Match"] == '"v1"'
    )  # …the feed, 304
    # The school moves its feed: the remembered one answers 404, and its page is read again.
    server.serve("/wp2/", wordpress_page(site, server.url("/wp2/moi/feed/"), server.url("/wp2/comments/feed/")), "text/html")
    server.serve("/wp2/feed/", b"", "text/html", status=404)
    server.serve("/wp2/moi/feed/", feed, "application/rss+xml; charset=UTF-8")
    third = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert third["schools"][0]["source"] == server.url("/wp2/moi/feed/") and third["unreachable"] == []
    assert third["schools"][0]["quarters"] == first["schools"][0]["quarters"]


def test_a_school_that_timed_out_is_started_first_next_run_beside_the_others(tmp_path):
    arrived = []

    def stuck(request):
        arrived.append("th-ket")
        time.sleep(2.5)  # past the deadline
        request.send(200, b"", "text/plain")

    def fine(request):
        arrived.append("th-tot")
        time.sleep(0.4)
        request.send(200, atom_feed([("Bài", "2024-08-08T08:00:00+07:00")]), "application/atom+xml")

    with LocalServer() as running:
        running.routes["/ket"] = stuck
        lines = []
        for number in range(3):
            running.routes[f"/tot{number}.xml"] = fine
            lines.append(f"th-tot-{number},Trường Tốt {number},{running.url(f'/tot{number}.xml')},2024-Q3")
        listed = read_roster(roster(tmp_path, *lines, f"th-ket,Trường Kẹt,{running.url('/ket')},2024-Q3"))
        took = []
        for _ in range(2):
            started = time.monotonic()
            with Fetcher(cache=tmp_path / "cache", timeout=1.5, retries=0) as fetcher:
                result = monitor(listed, fetcher, TODAY, jobs=1)
            took.append(time.monotonic() - started)
            assert [r.school.unit for r in result.schools] == ["th-tot-0", "th-tot-1", "th-tot-2", "th-ket"]  # roster order
    assert arrived[:4] == ["th-tot"] * 3 + ["th-ket"] and "th-ket" in arrived[4:6]  # started first next time
    # The first run: three schools, then the stuck one's whole deadline (1.2 + 1.5 s); the next: side by side.
    assert took[0] > 2.5 and took[1] < took[0] - 0.8
