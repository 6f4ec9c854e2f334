"""The district monitor: a roster of schools, each read from wherever it publishes, judged like the column's check.

Every school here is served by a real HTTP server on 127.0.0.1 (``district_server``): sites
built by this project, a WordPress-shaped RSS feed, an Atom feed, and every way a school's
site fails in the wild. The only other name contacted is one under ``.invalid``, which
cannot exist.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, Site, post, run_python
from district_server import LocalServer, atom_feed, wordpress_page, wordpress_rss
from openpyxl import load_workbook

TODAY = "2025-02-10"  # 2025-Q1 is in progress; 2024 has ended
TWO_UNITS = {
    "start": "2024-Q1",
    "per_unit": True,
    "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}, "mn-hoa-sen": {"name": "Trường MN Hoa Sen", "since": "2024-Q3"}},
}


VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
"""Letters only Vietnamese writes: none is in a line said in English."""


def district(*args: str, cwd: Path, env: dict | None = None, script: str = "scripts/district.py") -> subprocess.CompletedProcess:
    """The monitor as a district runs it: a separate process, on ``TODAY`` unless told otherwise."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "SOURCE_DATE_EPOCH", "GITHUB_STEP_SUMMARY")
        and not k.lower().endswith("_proxy")
    }
    environment.update(env or {})
    if "--today" not in args and "SOURCE_DATE_EPOCH" not in environment:
        args = (*args, "--today", TODAY)
    return run_python([ROOT / script, *args], env=environment, cwd=cwd)


def roster(folder: Path, *lines: str, name: str = "truong.csv") -> Path:
    path = folder / name
    path.write_text("\n".join(["unit,name,url,since", *lines]) + "\n", encoding="utf-8")
    return path


def as_json(result: subprocess.CompletedProcess) -> dict:
    assert result.stdout.strip(), result.stderr
    return json.loads(result.stdout)


def statuses(report: dict, unit: str) -> dict[str, tuple]:
    [school] = [s for s in report["schools"] if s["unit"] == unit]
    return {q["quarter"]: (q["posts"], q["status"]) for q in school["quarters"]}


# --- the servers -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        yield running


@pytest.fixture(scope="module")
def columns(server, tmp_path_factory):
    """Two columns built by this project, served at /a/ (one unit) and /b/ (two units, per unit)."""
    one_unit = {"start": "2024-Q1", "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}}}
    a = Site(tmp_path_factory.mktemp("a"), one_unit, {"site_url": server.url("/a/")})
    a.add("2024/a1.md", post(title="Ngày 8/3", date="08/03/2024"))
    a.add("2024/a2.md", post(title="Gia đình", date="28/06/2024", quarter="2024-Q2"))
    a.add("2024/a4.md", post(title="Tháng hành động", date="20/11/2024", quarter="2024-Q4"))
    b = Site(tmp_path_factory.mktemp("b"), TWO_UNITS, {"site_url": server.url("/b/")})
    b.add("b1.md", post(title="b1", date="08/03/2024", unit="thcs-bao-khe"))
    b.add("b2.md", post(title="b2", date="20/06/2024", quarter="2024-Q2", unit="thcs-bao-khe"))
    b.add("b3.md", post(title="b3", date="10/08/2024", quarter="2024-Q3", unit="mn-hoa-sen"))
    for site in (a, b):
        built = site.build(today="2024-11-22")
        assert built.returncode == 0, built.stderr
    server.folders["/a/"] = a.site_dir
    server.folders["/b/"] = b.site_dir
    return a, b


@pytest.fixture(scope="module")
def wordpress(server):
    """A WordPress school: its home page announces the posts feed and the comments feed."""
    site = server.url("/wp/")
    feed, comments = server.url("/wp/feed/"), server.url("/wp/comments/feed/")
    server.serve("/wp/", wordpress_page(site, feed, comments), "text/html; charset=UTF-8")
    items = [
        ("Tháng hành động", "Mon, 11 Nov 2024 02:00:00 +0000"),
        ("Ngày Gia đình", "Mon, 15 Jul 2024 02:00:00 +0000"),
        # 18:30 UTC on 31 March is 01:30 on 1 April in Hanoi: the post counts for Q2.
        ("Đầu quý II", "Sun, 31 Mar 2024 18:30:00 +0000"),
    ]
    server.serve("/wp/feed/", wordpress_rss(site, items), "application/rss+xml; charset=UTF-8")
    server.serve(
        "/wp/comments/feed/", wordpress_rss(site, [("Bình luận", "Fri, 08 Mar 2024 02:00:00 +0000")]), "application/rss+xml"
    )
    server.serve(
        "/wp/wp-json/wp/v2/pages/2", b'{"id": 2, "type": "page", "title": {"rendered": "Trang chu"}}', "application/json"
    )
    return site


# --- columns built by this project --------------------------------------------------------------


def test_a_column_built_by_this_project_is_read_from_its_theo_doi_json(server, columns, tmp_path):
    result = district(
        str(roster(tmp_path, f"thcs-bao-khe,Trường THCS Bảo Khê,{server.url('/a/')},2024-Q1")), "--format", "json", cwd=tmp_path
    )
    report = as_json(result)
    assert result.returncode == 1  # 2024-Q3 has no post
    [school] = report["schools"]
    assert school["source"] == server.url("/a/theo-doi.json") and school["kind"] == "theo-doi.json"
    assert statuses(report, "thcs-bao-khe") == {
        "2024-Q1": (1, "ok"),
        "2024-Q2": (1, "ok"),
        "2024-Q3": (0, "missing"),
        "2024-Q4": (1, "ok"),
        "2025-Q1": (0, "in_progress"),
    }
    assert report["missing"] == [{"unit": "thcs-bao-khe", "quarter": "2024-Q3"}]
    assert report["unknown"] == [] and report["unreachable"] == []


def test_the_coverage_page_address_finds_the_data_it_announces(server, columns, tmp_path):
    listed = roster(tmp_path, f"thcs-bao-khe,Trường THCS Bảo Khê,{server.url('/a/theo-doi/')},2024-Q1")
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert report["schools"][0]["source"] == server.url("/a/theo-doi.json")
    assert statuses(report, "thcs-bao-khe")["2024-Q3"] == (0, "missing")


def test_the_school_cells_are_used_when_the_column_has_that_unit_else_the_whole_column(server, columns, tmp_path):
    listed = roster(
        tmp_path,
        f"mn-hoa-sen,Trường MN Hoa Sen,{server.url('/b/theo-doi.json')},2024-Q3",
        f"pgd-chau-thanh,Phòng GD&ĐT Châu Thành,{server.url('/b/')},2024-Q1",
    )
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert statuses(report, "mn-hoa-sen") == {"2024-Q3": (1, "ok"), "2024-Q4": (0, "missing"), "2025-Q1": (0, "in_progress")}
    # The column has no unit pgd-chau-thanh: the column as a whole counts (both units' posts).
    assert statuses(report, "pgd-chau-thanh") == {
        "2024-Q1": (1, "ok"),
        "2024-Q2": (1, "ok"),
        "2024-Q3": (1, "ok"),
        "2024-Q4": (0, "missing"),
        "2025-Q1": (0, "in_progress"),
    }


def test_a_folder_holding_a_built_site_is_read_without_a_server(columns, tmp_path):
    a, _ = columns
    feed_only = tmp_path / "chi-co-rss"
    feed_only.mkdir()
    shutil.copy(a.site_dir / "rss.xml", feed_only / "rss.xml")
    listed = roster(
        tmp_path, f"thcs-bao-khe,Trường THCS Bảo Khê,{a.site_dir},2024-Q1", "thcs-rss,Trường chỉ có RSS,chi-co-rss,2024-Q1"
    )
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    by_unit = {s["unit"]: s for s in report["schools"]}
    assert by_unit["thcs-bao-khe"]["source"] == str(a.site_dir / "theo-doi.json")
    assert statuses(report, "thcs-bao-khe")["2024-Q4"] == (1, "ok")
    assert by_unit["thcs-rss"]["kind"] == "rss"  # a relative folder is found beside the roster
    assert statuses(report, "thcs-rss")["2024-Q2"] == (1, "ok")


# --- feeds --------------------------------------------------------------------------------------


def test_a_wordpress_site_is_read_from_its_posts_feed_never_its_comments_feed(server, wordpress, tmp_path):
    listed = roster(tmp_path, f"th-hoa-binh,Trường TH Hoà Bình,{wordpress},2024-Q1")
    report = as_json(district(str(listed), "--format", "json", "--today", "2025-05-10", cwd=tmp_path))
    school = report["schools"][0]
    assert (school["source"], school["kind"]) == (server.url("/wp/feed/"), "rss")
    assert statuses(report, "th-hoa-binh") == {
        "2024-Q1": (None, "unknown"),  # older than the feed's oldest item: not proven missing
        "2024-Q2": (1, "ok"),  # 31/03 18:30 UTC is 01/04 in Hanoi
        "2024-Q3": (1, "ok"),
        "2024-Q4": (1, "ok"),
        "2025-Q1": (0, "missing"),  # after the oldest item: the feed proves it empty
        "2025-Q2": (0, "in_progress"),
    }
    assert report["unknown"] == [{"unit": "th-hoa-binh", "quarter": "2024-Q1"}]
    assert server.hits["/wp/comments/feed/"] == 0
    assert server.hits["/wp/wp-json/wp/v2/pages/2"] >= 1  # announced as JSON, read, and rightly passed over


def test_an_atom_feed_given_directly_counts_entries_by_their_local_date(server, tmp_path):
    server.serve("/hoa-sen/atom.xml", atom_feed([("Sau nửa đêm", "2024-07-01T00:30:00+07:00")]), "application/atom+xml")
    listed = roster(tmp_path, f"mn-hoa-sen,Trường MN Hoa Sen,{server.url('/hoa-sen/atom.xml')},2024-Q2")
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert report["schools"][0]["kind"] == "atom"
    # 00:30 on 1 July in Hanoi is still 30 June in UTC: the entry is Q3's.
    assert statuses(report, "mn-hoa-sen") == {
        "2024-Q2": (None, "unknown"),
        "2024-Q3": (1, "ok"),
        "2024-Q4": (0, "missing"),
        "2025-Q1": (0, "in_progress"),
    }


def test_unknown_quarters_alone_are_exit_3_not_a_pass_and_are_said(server, tmp_path):
    server.serve("/moi/atom.xml", atom_feed([("Mới", "2025-01-05T08:00:00+07:00")]), "application/atom+xml")
    result = district(str(roster(tmp_path, f"th-moi,Trường TH Mới,{server.url('/moi/atom.xml')},2024-Q4")), cwd=tmp_path)
    assert result.returncode == 3, result.stdout + result.stderr  # nothing missing, but not proven either
    assert "chưa rõ" in result.stdout and "RSS chỉ chứa các bài mới nhất" in result.stdout
    assert "mã thoát 3" in result.stdout


# --- failures: each one reported, none stops the others ----------------------------------------


@pytest.fixture(scope="module")
def failing(server):
    """Every way a school's site fails, on the test server; returns unit → (url, expected code)."""
    sent = {"big": 0}

    def slow(request):
        time.sleep(8)  # past the test's --timeout with a margin, as the others' answers need one under a loaded suite
        request.send(200, b"{}", "application/json")

    def huge(request):
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Connection", "close")  # no length: the body streams until the client stops reading
        request.end_headers()
        chunk = b"<!-- " + b"x" * 65526 + b" -->"
        try:
            while sent["big"] < 50 * 1024 * 1024:
                request.wfile.write(chunk)
                sent["big"] += len(chunk)
        except OSError:
            pass
        request.close_connection = True

    def loop(request):
        request.send(302, b"", "text/plain", {"Location": "/loop"})

    server.routes["/slow"] = slow
    server.routes["/big.xml"] = huge
    server.routes["/loop"] = loop
    server.serve("/broken", b"<html><body>Internal Server Error</body></html>", "text/html", status=500)
    server.serve("/error-page.xml", "<!DOCTYPE html><html><body><h1>Trang bị lỗi</h1></body></html>".encode(), "text/html")
    server.serve(
        "/malformed.xml",
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><item><title>a</item>',
        "application/rss+xml",
    )
    # "Bình đẳng" as Windows-1258 writes it, under a declaration that says UTF-8.
    legacy = (
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>B\xecnh \xf0\xe3\xd2ng</title></channel></rss>'
    )
    server.serve("/latin.xml", legacy, "application/rss+xml")
    with socket.socket() as unused:  # a port nobody listens on
        unused.bind(("127.0.0.1", 0))
        refused_port = unused.getsockname()[1]
    schools = {
        "dns": ("http://truong-khong-co-that.invalid/", "source_dns"),
        "timeout": (server.url("/slow"), "source_timeout"),
        "not-found": (server.url("/khong-co/"), "source_http"),
        "server-error": (server.url("/broken"), "source_http"),
        "tls": (f"https://127.0.0.1:{server.port}/a/", "source_tls"),
        "html-page": (server.url("/error-page.xml"), "source_no_feed"),
        "malformed": (server.url("/malformed.xml"), "source_bad_xml"),
        "not-utf8": (server.url("/latin.xml"), "source_not_utf8"),
        "huge": (server.url("/big.xml"), "source_too_large"),
        "loop": (server.url("/loop"), "source_redirects"),
        "refused": (f"http://127.0.0.1:{refused_port}/", "source_network"),
    }
    return schools, sent


def test_every_failure_is_reported_with_its_reason_and_never_stops_the_others(server, columns, failing, tmp_path):
    schools, sent = failing
    lines = [f"{unit},Trường {unit},{url},2024-Q1" for unit, (url, _) in schools.items()]
    listed = roster(tmp_path, *lines, f"thcs-bao-khe,Trường THCS Bảo Khê,{server.url('/a/')},2024-Q1")
    started = time.monotonic()
    # --timeout is a school's whole exchange: 4 s, so a 404 answered late on a loaded machine is
    # still a 404 (at 2 s it was once reported a timeout), and the 8 s school still times out.
    result = district(str(listed), "--format", "json", "--timeout", "4", "--retries", "1", "--no-cache", cwd=tmp_path)
    elapsed = time.monotonic() - started
    report = as_json(result)
    assert result.returncode == 1
    found = {entry["unit"]: entry["code"] for entry in report["unreachable"]}
    assert found == {unit: code for unit, (_, code) in schools.items()}
    errors = {entry["unit"]: entry["error"] for entry in report["unreachable"]}
    assert "HTTP 404" in errors["not-found"] and "HTTP 500" in errors["server-error"]
    assert "truong-khong-co-that.invalid" in errors["dns"] and "5.0 MB" in errors["huge"]
    assert all("Cách sửa" in message for message in errors.values())  # Vietnamese, with what to do
    assert server.hits["/broken"] == 2  # a 5xx is tried again, a bounded number of times
    assert server.hits["/khong-co/"] == 1  # a 404 is not
    assert sent["big"] < 20 * 1024 * 1024  # stopped reading near the limit, not at 50 MB
    assert statuses(report, "thcs-bao-khe")["2024-Q1"] == (1, "ok")  # the good school is still judged
    assert elapsed < 60  # the failures wait side by side, not one after another


def test_a_self_signed_certificate_is_a_tls_error(tmp_path):
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert)]
        + ["-days", "1", "-subj", "/CN=127.0.0.1"],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with LocalServer() as secure:
        secure.socket = context.wrap_socket(secure.socket, server_side=True)
        secure.serve("/", b"<html></html>", "text/html")
        listed = roster(tmp_path, f"thcs-https,Trường HTTPS,https://127.0.0.1:{secure.port}/,2024-Q1")
        report = as_json(district(str(listed), "--format", "json", "--timeout", "2", cwd=tmp_path))
    [entry] = report["unreachable"]
    assert entry["code"] == "source_tls" and "chứng chỉ" in entry["error"]


def test_a_feed_announced_by_a_page_that_turns_out_to_be_an_error_page_is_not_a_feed(server, tmp_path):
    server.serve("/hong/", wordpress_page(server.url("/hong/"), server.url("/hong/feed/"), server.url("/hong/c/")), "text/html")
    server.serve("/hong/feed/", b"<!doctype html><html><body>Database error</body></html>", "text/html")
    report = as_json(
        district(
            str(roster(tmp_path, f"th-hong,Trường TH Hỏng,{server.url('/hong/')},2024-Q1")), "--format", "json", cwd=tmp_path
        )
    )
    assert report["unreachable"][0]["code"] == "source_not_feed"


def test_a_server_error_or_a_dropped_connection_then_success_is_retried_and_read(server, tmp_path):
    calls = {"flaky": 0, "dropped-once": 0}
    feed = atom_feed([("Một bài", "2024-05-05T08:00:00+07:00")])

    def flaky(request):
        calls["flaky"] += 1
        if calls["flaky"] == 1:
            return request.send(500, b"busy", "text/plain")
        request.send(200, feed, "application/atom+xml")

    def dropped_once(request):
        calls["dropped-once"] += 1
        if calls["dropped-once"] == 1:
            request.close_connection = True  # hangs up without an answer
            return
        request.send(200, feed, "application/atom+xml")

    server.routes["/flaky.xml"] = flaky
    server.routes["/dropped-once.xml"] = dropped_once
    listed = roster(
        tmp_path, f"th-a,Trường A,{server.url('/flaky.xml')},2024-Q2", f"th-b,Trường B,{server.url('/dropped-once.xml')},2024-Q2"
    )
    report = as_json(district(str(listed), "--format", "json", "--timeout", "5", "--retries", "1", "--no-cache", cwd=tmp_path))
    assert report["unreachable"] == []
    assert statuses(report, "th-a")["2024-Q2"] == statuses(report, "th-b")["2024-Q2"] == (1, "ok")
    assert calls == {"flaky": 2, "dropped-once": 2}


# --- politeness: who is asking, and asking again cheaply ----------------------------------------


def test_requests_name_the_tool_and_a_second_run_asks_only_whether_anything_changed(server, columns, tmp_path):
    listed = roster(tmp_path, f"thcs-bao-khe,Trường THCS Bảo Khê,{server.url('/a/')},2024-Q1")
    before = server.not_modified
    first = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert (tmp_path / ".cache" / "gecolumn-district").is_dir()  # beside the roster
    second = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert first["schools"] == second["schools"]
    asked = server.headers["/a/theo-doi.json"][-1]
    assert asked["User-Agent"].startswith("gecolumn-district/")
    assert asked.get("If-None-Match")  # a conditional request…
    assert server.not_modified > before  # …answered "not modified", with no body


# --- the roster ---------------------------------------------------------------------------------


def test_a_roster_saved_by_excel_with_a_bom_semicolons_and_crlf_is_read(columns, tmp_path):
    a, _ = columns
    text = f'Mã;Tên trường;Địa chỉ;Từ quý\r\nthcs-bao-khe;"Trường THCS Bảo Khê; Hạ Long";{a.site_dir};Quý I/2024\r\n;;;\r\n'
    path = tmp_path / "truong.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    report = as_json(district(str(path), "--format", "json", cwd=tmp_path))
    [school] = report["schools"]
    assert (school["name"], school["from"]) == ("Trường THCS Bảo Khê; Hạ Long", "2024-Q1")


def test_a_bad_roster_is_refused_with_every_line_named_in_vietnamese(tmp_path):
    listed = roster(
        tmp_path,
        "thcs-bao-khe,Trường THCS Bảo Khê,https://thcs-baokhe.edu.vn/,2024-Q1",
        "THCS Hạ Long,Trường THCS Hạ Long,https://thcs-halong.edu.vn/,",
        "th-a,,https://th-a.edu.vn/,",
        "th-b,Trường TH B,ftp://th-b.edu.vn/,",
        "th-c,Trường TH C,https://th-c.edu.vn/,Quý V/2024",
        "thcs-bao-khe,Trùng mã,https://x.edu.vn/,",
    )
    result = district(str(listed), cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    errors = result.stderr.splitlines()
    assert any(line.startswith(f"{listed}:3: LỖI [unit]:") and "thcs-ha-long" in line for line in errors)
    assert any(line.startswith(f"{listed}:4: LỖI [name]:") and "để trống" in line for line in errors)
    assert any(line.startswith(f"{listed}:5: LỖI [url]:") for line in errors)
    assert any(line.startswith(f"{listed}:6: LỖI [since]:") for line in errors)
    assert any(line.startswith(f"{listed}:7: LỖI [unit]:") and "dòng 2" in line for line in errors)


def test_a_roster_unit_id_longer_than_a_column_allows_is_refused_with_a_shorter_one(tmp_path):
    # The one unit-id rule (config.is_unit_id): a school's id becomes its unit in a district column.
    from gecolumn.config import MAX_UNIT_ID
    from gecolumn.district import read_roster

    long_id = "truong-trung-hoc-co-so-" + "bao-khe-" * 6
    listed = read_roster(roster(tmp_path, f"{long_id},Trường THCS Bảo Khê,https://thcs-baokhe.edu.vn/,2024-Q1"))
    [problem] = listed.problems
    assert problem.code == "roster_bad_unit" and len(long_id) > MAX_UNIT_ID
    assert len(problem.params["suggestion"]) <= MAX_UNIT_ID and long_id.startswith(problem.params["suggestion"])


def test_a_roster_without_a_column_or_not_in_utf8_is_refused(tmp_path):
    missing = tmp_path / "thieu-cot.csv"
    missing.write_text("unit,name\nthcs-bao-khe,Trường THCS Bảo Khê\n", encoding="utf-8")
    result = district(str(missing), cwd=tmp_path)
    assert result.returncode == 2 and ":1: LỖI [url]:" in result.stderr and "unit,name,url,since" in result.stderr
    old = tmp_path / "cu.csv"  # Excel's plain "CSV" on a Vietnamese Windows: Windows-1258
    old.write_bytes(b"unit,name,url,since\r\nthcs-bao-khe,Tr\xf0\xf4\xd2ng THCS,https://thcs-baokhe.edu.vn/,\r\n")
    result = district(str(old), "--format", "json", cwd=tmp_path)
    assert result.returncode == 2
    [error] = as_json(result)["errors"]
    assert (error["code"], error["line"]) == ("roster_not_utf8", 2) and "CSV UTF-8" in error["message"]
    result = district(str(tmp_path / "khong-co.csv"), cwd=tmp_path)
    assert result.returncode == 2 and "không mở được danh sách trường" in result.stderr


def test_without_from_or_since_the_monitor_asks_for_one(tmp_path):
    listed = roster(tmp_path, "thcs-bao-khe,Trường THCS Bảo Khê,https://thcs-baokhe.edu.vn/,")
    result = district(str(listed), cwd=tmp_path)
    assert result.returncode == 2 and "--from 2024-Q1" in result.stderr
    result = district(str(listed), "--from", "Quý V/2024", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith("LỖI [--from]") and "Quý V/2024" in result.stderr
    result = district(str(listed), "--from", "2024-Q3", "--to", "2024-Q1", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2 and [e["code"] for e in as_json(result)["errors"]] == ["district_bad_period"]


def test_from_applies_to_every_school_but_never_before_its_since(columns, tmp_path):
    a, _ = columns
    listed = roster(tmp_path, f"cu,Trường cũ,{a.site_dir},", f"moi,Trường mới,{a.site_dir},2024-Q4")
    report = as_json(district(str(listed), "--format", "json", "--from", "2024-Q3", "--to", "2024-Q4", cwd=tmp_path))
    assert list(statuses(report, "cu")) == ["2024-Q3", "2024-Q4"]
    assert list(statuses(report, "moi")) == ["2024-Q4"]
    assert report["to"] == "2024-Q4"


def test_today_comes_from_source_date_epoch_like_the_check(columns, tmp_path):
    a, _ = columns
    listed = roster(tmp_path, f"thcs-bao-khe,Trường THCS Bảo Khê,{a.site_dir},2024-Q1")
    report = as_json(
        district(str(listed), "--format", "json", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "1727740800"})
    )  # 1/10/2024
    assert report["today"] == "2024-10-01" and statuses(report, "thcs-bao-khe")["2024-Q4"] == (0, "in_progress")
    result = district(str(listed), "--today", "10/02/2025", cwd=tmp_path)
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


# --- outputs ------------------------------------------------------------------------------------


def test_the_json_report_has_the_documented_keys(columns, tmp_path):
    a, _ = columns
    listed = roster(tmp_path, f"thcs-bao-khe,Trường THCS Bảo Khê,{a.site_dir},2024-Q1", "loi,Trường lỗi,khong-co-thu-muc,2024-Q1")
    report = as_json(district(str(listed), "--format", "json", cwd=tmp_path))
    assert set(report) >= {"today", "schools", "missing", "unknown", "unreachable"}
    assert set(report["schools"][0]) >= {"unit", "name", "url", "source", "status", "quarters"}
    assert set(report["schools"][0]["quarters"][0]) == {"quarter", "posts", "status"}
    assert report["schools"][1]["status"] == "unreachable" and report["schools"][1]["quarters"] == []
    assert report["unreachable"][0]["unit"] == "loi" and set(report["unreachable"][0]) >= {"unit", "url", "error"}
    assert report["unreachable"][0]["code"] == "source_folder"


def test_github_annotations_are_escaped_and_the_table_is_fenced_off(columns, tmp_path):
    a, _ = columns
    path = tmp_path / "truong.csv"
    hostile = 'Trường "A"\n::error::giả mạo, 100%'
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["unit", "name", "url", "since"], ["thcs-bao-khe", hostile, str(a.site_dir), "2024-Q1"]])
    summary = tmp_path / "summary.md"
    result = district(str(path), "--format", "github", cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    [annotation] = [line for line in lines if line.startswith("::error ")]
    # The roster squeezes the line break away; what is left cannot end the title or start a command.
    assert 'title=Thiếu bài Quý III/2024%3A Trường "A" %3A%3Aerror%3A%3Agiả mạo%2C 100%25::' in annotation
    token = next(line for line in lines if line.startswith("::stop-commands::")).split("::")[2]
    assert lines[-1] == f"::{token}::"
    assert not any(line.startswith("::error::") for line in lines)
    assert "❌" in summary.read_text(encoding="utf-8")


def test_csv_and_xlsx_end_with_the_total_row(server, columns, wordpress, tmp_path):
    a, _ = columns
    listed = roster(
        tmp_path,
        f"thcs-bao-khe,Trường THCS Bảo Khê,{a.site_dir},2024-Q1",
        f"th-hoa-binh,Trường TH Hoà Bình,{wordpress},2024-Q1",
        'loi,=HYPERLINK("http://x"),khong-co,2024-Q1',
    )
    out_csv, out_xlsx = tmp_path / "bao-cao.csv", tmp_path / "bao-cao.xlsx"
    result = district(
        str(listed), "--from", "2024-Q3", "--to", "2024-Q4", "--csv", str(out_csv), "--xlsx", str(out_xlsx), cwd=tmp_path
    )
    assert result.returncode == 1, result.stderr
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(out_csv.open(encoding="utf-8-sig")))
    assert rows[0][:7] == [
        "Đơn vị",
        "Quý III/2024",
        "Quý IV/2024",
        "Tổng số bài",
        "Số quý có bài",
        "Số quý phải có",
        "Quý thiếu bài",
    ]
    assert rows[1][:7] == ["Trường THCS Bảo Khê", "0", "1", "1", "1", "2", "Quý III/2024"]
    assert rows[2][:7] == ["Trường TH Hoà Bình", "1", "1", "2", "2", "2", "—"]
    assert rows[3][0] == '\'=HYPERLINK("http://x")' and rows[3][-1].startswith("không đọc được:")
    assert rows[-2][:7] == ["Tổng cộng", "1", "2", "3", "2/3 đơn vị có bài", "", "1 đơn vị thiếu bài"]
    assert rows[-2][-1] == "1 trường không đọc được"
    # Schools with a post of schools due, per quarter: the unreadable school is due and counts as not proven.
    assert rows[-1][:4] == ["Số trường có bài / phải có", "1/3 (33,3%)", "2/3 (66,7%)", ""]
    sheet = list(load_workbook(out_xlsx)["Theo quý"].iter_rows(values_only=True))
    assert sheet[1][:3] == ("Trường THCS Bảo Khê", 0, 1) and sheet[3][0] == '=HYPERLINK("http://x")'
    assert sheet[-2][:5] == ("Tổng cộng", 1, 2, 3, "2/3 đơn vị có bài") and sheet[-1][2] == "2/3 (66,7%)"


def test_with_lang_en_every_line_table_head_and_summary_is_in_english(columns, tmp_path):
    a, _ = columns
    listed = roster(tmp_path, f"thcs-bao-khe,THCS Bao Khe,{a.site_dir},2024-Q1", "loi,Loi,khong-co,2024-Q1")
    out_csv, out_xlsx, summary = tmp_path / "report.csv", tmp_path / "report.xlsx", tmp_path / "summary.md"
    arguments = ("--from", "2024-Q3", "--to", "2024-Q4", "--csv", str(out_csv), "--xlsx", str(out_xlsx), "--lang", "en")
    text = district(str(listed), *arguments, cwd=tmp_path)
    github = district(str(listed), *arguments, "--format", "github", cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert text.returncode == github.returncode == 1, text.stderr
    assert "Due quarters: 2024-Q3 – 2024-Q4" in text.stdout and "THCS Bao Khe (thcs-bao-khe): MISSING 2024-Q3" in text.stdout
    assert "## Gender-equality columns of the district's schools, on 10/02/2025" in summary.read_text(encoding="utf-8")
    rows = list(csv.reader(out_csv.open(encoding="utf-8-sig")))
    assert rows[0] == [
        "Unit", "2024-Q3", "2024-Q4", "Posts", "Quarters with a post", "Quarters due", "Quarters without a post",
        "Quarters unknown", "Id", "Source", "Note",
    ]  # fmt: skip
    assert rows[-2][:7] == ["Total", "0", "1", "1", "1/2 units with a post", "", "1 unit(s) without a post"]
    assert rows[-2][-1] == "1 school(s) could not be read" and rows[2][-1].startswith("could not be read: ")
    assert rows[-1][:3] == ["Schools with a post / due", "0/2 (0%)", "1/2 (50%)"]
    assert "2024-Q4: 1/2 schools (50%)" in text.stdout and "- 2024-Q4: 1/2 schools (50%)" in summary.read_text("utf-8")
    workbook = load_workbook(out_xlsx)
    assert workbook.sheetnames == ["By quarter"]
    said = [
        text.stdout,
        text.stderr,
        github.stdout,
        github.stderr,
        summary.read_text(encoding="utf-8"),
        out_csv.read_text("utf-8"),
    ]
    said += [str(cell) for row in workbook["By quarter"].iter_rows(values_only=True) for cell in row]
    assert not [line for line in "\n".join(said).splitlines() if VIETNAMESE.search(line)]


def test_the_dashboard_is_one_offline_page_with_every_school_linked_and_every_value_escaped(server, columns, wordpress, tmp_path):
    a, _ = columns
    listed = roster(
        tmp_path,
        f"thcs-bao-khe,<script>alert(1)</script>,{server.url('/a/')},2024-Q1",
        f"th-hoa-binh,Trường TH Hoà Bình,{wordpress},2024-Q1",
        "loi,Trường lỗi,http://truong-loi.invalid/,2024-Q1",
        f"thcs-thu-muc,Trường thư mục,{a.site_dir},2024-Q1",
    )
    result = district(str(listed), "--html", str(tmp_path / "public"), "--today", "2025-05-10", cwd=tmp_path)
    assert result.returncode == 1
    html = (tmp_path / "public" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == "vi" and "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    # Offline: nothing is fetched from anywhere, only links a reader may follow.
    assert not page.select("link[href], script[src], img, iframe, style[src]") and "@import" not in html
    rows = page.select("#schools tbody tr")
    assert [row["data-missing"] for row in rows] == ["2", "1", "0", "2"]
    first = rows[0]
    assert first.th.a["href"] == server.url("/a/") and first.th.a.get_text() == "<script>alert(1)</script>"
    assert [td.get_text().strip() for td in first.select("td.q")][:3] == ["Có bài (1)", "Có bài (1)", "Thiếu bài"]
    assert "missing" in first.select("td.q")[2]["class"]  # a colour as well as the word
    assert first.select_one("td.source a")["href"] == server.url("/a/theo-doi.json")
    assert "Chưa rõ" in rows[1].get_text() and rows[1].select_one("td.source a")["href"] == server.url("/wp/feed/")
    assert "không tìm thấy tên miền" in rows[2].select_one("td.error").get_text()
    assert rows[3].th.a is None  # a folder on the district's computer is shown, not linked
    assert "sort-missing" in page.select_one("script").get_text() and "@media print" in html


def test_a_dashboard_folder_that_cannot_be_written_is_exit_2(columns, tmp_path):
    a, _ = columns
    (tmp_path / "tep").write_text("x")
    listed = roster(tmp_path, f"thcs-bao-khe,Trường THCS Bảo Khê,{a.site_dir},2024-Q1")
    result = district(str(listed), "--html", str(tmp_path / "tep"), cwd=tmp_path)
    assert result.returncode == 2 and "output_unwritable" not in result.stderr and "không ghi được" in result.stderr


def test_the_three_ways_in_are_one_command(columns, tmp_path):
    a, _ = columns
    listed = str(roster(tmp_path, f"thcs-bao-khe,Trường THCS Bảo Khê,{a.site_dir},2024-Q1"))
    outputs = set()
    for command in (
        [sys.executable, str(ROOT / "scripts" / "district.py")],
        [str(Path(sys.executable).parent / "gecolumn-district")],
        [sys.executable, "-m", "gecolumn", "district"],
    ):
        result = subprocess.run(
            [*command, listed, "--today", TODAY, "--format", "json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
        )
        assert result.returncode == 1, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_schools_are_read_concurrently(tmp_path):
    """Twenty schools behind 300 ms of latency each take about one latency, not twenty."""
    with LocalServer(latency=0.3) as slow:
        feed = atom_feed([("Bài", "2024-08-08T08:00:00+07:00")])
        lines = []
        for number in range(20):
            slow.serve(f"/t{number}.xml", feed, "application/atom+xml")
            lines.append(f"t-{number},Trường {number},{slow.url(f'/t{number}.xml')},2024-Q3")
        listed = roster(tmp_path, *lines)
        started = time.monotonic()
        report = as_json(district(str(listed), "--format", "json", "--no-cache", cwd=tmp_path))
        elapsed = time.monotonic() - started
    assert len(report["schools"]) == 20 and report["unreachable"] == []
    assert elapsed < 20 * 0.3  # one after another would take 6 s and more


# --- the district's CI templates ----------------------------------------------------------------

CI = ROOT / "gecolumn" / "templates" / "district-ci"


def run_ci_line(line: str, cwd: Path) -> subprocess.CompletedProcess:
    """A template's shell line as CI runs it, with this environment's Python as ``python``."""
    assert line.startswith("python -m gecolumn district truong.csv")
    command = line.replace("python ", f'"{sys.executable}" ', 1)
    environment = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "GITHUB_STEP_SUMMARY")}
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=environment)


@pytest.fixture
def district_repository(columns, tmp_path):
    """A district's repository: truong.csv, one school on time, one that owes a quarter."""
    a, b = columns
    roster(
        tmp_path, f"thcs-bao-khe,Trường THCS Bảo Khê,{a.site_dir},2024-Q1", f"mn-hoa-sen,Trường MN Hoa Sen,{b.site_dir},2024-Q3"
    )
    return tmp_path


def test_the_github_template_runs_the_monitor_weekly_and_publishes_the_dashboard(district_repository):
    workflow = yaml.safe_load((CI / "github.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"][0]["cron"].endswith("* * 1")  # YAML 1.1 reads `on` as true; weekly
    steps = workflow["jobs"]["monitor"]["steps"]
    [script] = [step["run"] for step in steps if "gecolumn district" in step.get("run", "")]
    [line] = [line.strip() for line in script.splitlines() if line.strip().startswith("python -m gecolumn district")]
    assert "--html public/" in line and "--format github" in line
    assert any(step.get("with", {}).get("path") == "public" for step in steps)
    assert any(step.get("with", {}).get("path") == ".cache/gecolumn-district" for step in steps)
    assert "deploy-pages" in workflow["jobs"]["deploy"]["steps"][0]["uses"]
    assert workflow["jobs"]["flag"]["if"] == "needs.monitor.outputs.code == '1'"
    result = run_ci_line(line, district_repository)
    assert result.returncode == 1, result.stderr  # mn-hoa-sen owes 2024-Q4 (judged today, after it)
    assert (district_repository / "public" / "index.html").is_file()
    assert (district_repository / "public" / "bao-cao.xlsx").is_file()


def run_ci_script(lines: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """A GitLab job's script as its runner runs it: one shell, stopping at the first line that fails."""
    script = "\n".join(lines).replace("python -m gecolumn", f'"{sys.executable}" -m gecolumn')
    environment = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "GITHUB_STEP_SUMMARY")}
    environment.update(env or {})
    return subprocess.run(["bash", "-ec", script], capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=environment)


def test_the_gitlab_template_reads_every_school_once_and_publishes_pages_even_when_a_school_owes(district_repository):
    pipeline = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"] and pipeline["pages"]["needs"] == ["monitor"]
    assert all(rule["when"] == "always" for rule in pipeline["pages"]["rules"])
    assert any("schedule" in rule["if"] for rule in pipeline["pages"]["rules"])
    assert not any("gecolumn district" in line for line in pipeline["pages"]["script"])  # the schools are read once
    assert pipeline["monitor"]["allow_failure"] == {"exit_codes": [3]}  # unproven: a warning, not a failure
    assert pipeline["monitor"]["artifacts"]["when"] == "always"
    result = run_ci_script(pipeline["monitor"]["script"], district_repository)
    assert result.returncode == 1, result.stderr  # mn-hoa-sen owes 2024-Q4: the job fails…
    assert run_ci_script(pipeline["pages"]["script"], district_repository).returncode == 0  # …and pages still publishes
    assert (district_repository / "public" / "index.html").is_file()
    shutil.rmtree(district_repository / "public")
    (district_repository / "truong.csv").write_text("unit,name\n", encoding="utf-8")
    assert run_ci_script(pipeline["monitor"]["script"], district_repository).returncode == 2  # a broken roster fails the job
    assert run_ci_script(pipeline["pages"]["script"], district_repository).returncode != 0  # with nothing to publish


def test_a_terminal_sees_a_progress_bar_when_there_are_many_schools_and_a_pipe_does_not(columns, tmp_path):
    pty = pytest.importorskip("pty")
    a, _ = columns
    listed = roster(tmp_path, *(f"truong-{n},Trường {n},{a.site_dir},2024-Q1" for n in range(20)))
    command = [sys.executable, str(ROOT / "scripts" / "district.py"), str(listed), "--today", TODAY]
    master, terminal = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=terminal, cwd=tmp_path) as process:
        os.close(terminal)
        shown_on_terminal = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal's other end is closed: the command has finished
                break
            if not chunk:
                break
            shown_on_terminal += chunk
        stdout = process.stdout.read().decode("utf-8")
    os.close(master)
    assert process.returncode == 1
    assert b"20/20" in shown_on_terminal and b"[" + b"#" * 30 + b"]" in shown_on_terminal
    assert "] 20/20" not in stdout and "Trường 19" in stdout  # the report itself is not mixed with it
    piped = district(str(listed), cwd=tmp_path)
    assert "] 20/20" not in piped.stderr + piped.stdout


def test_the_benchmark_runs_and_meets_its_targets_on_a_small_district_with_stuck_servers():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "bench_district.py"),
            "--schools",
            "24",
            "--hosts",
            "3",
            "--latency",
            "0.01",
            "--stuck",
            "0.1",
            "--timeout",
            "1.5",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cold (no cache)" in result.stdout and result.stdout.count(" PASS") == 2
    assert "3 stuck" in result.stdout  # reported as timed out, the others judged


# --- the middle, in this process ---------------------------------------------------------------


def test_a_bug_reading_one_school_is_that_schools_problem_and_the_others_are_judged(columns, tmp_path, monkeypatch):
    import datetime

    from gecolumn.district import Fetcher, judge, read_roster

    a, _ = columns
    real = judge.find_evidence

    def planted(school, fetcher, today, *due):
        if school.unit == "hong":
            raise RuntimeError("hỏng ở giữa")
        return real(school, fetcher, today, *due)

    monkeypatch.setattr(judge, "find_evidence", planted)
    listed = read_roster(roster(tmp_path, f"hong,Trường hỏng,{a.site_dir},2024-Q1", f"tot,Trường tốt,{a.site_dir},2024-Q1"))
    with Fetcher(cache=None) as fetcher:
        result = judge.monitor(listed, fetcher, datetime.date(2025, 2, 10))
    broken, good = result.schools
    assert broken.problem.code == "internal_error" and "hỏng ở giữa" in broken.problem.params["detail"]
    assert good.problem is None and [c.status.value for c in good.cells][:3] == ["ok", "ok", "missing"]
    assert result.exit_code == 1


def test_a_kept_copy_removed_since_is_fetched_again_in_full(server, tmp_path):
    from gecolumn.district import Fetcher

    server.serve("/kept.xml", atom_feed([("Bài", "2024-05-05T08:00:00+07:00")]), "application/atom+xml", headers={"ETag": '"k1"'})
    cache = tmp_path / "cache"
    with Fetcher(cache=cache) as fetcher:
        first = fetcher.get(server.url("/kept.xml"))
        assert not first.from_cache and b"<feed" in first.body
        assert fetcher.get(server.url("/kept.xml")).from_cache  # 304: the kept body
        for body in cache.glob("*.body"):
            body.unlink()
        again = fetcher.get(server.url("/kept.xml"))
    assert again.body == first.body and not again.from_cache
    asked = [headers.get("If-None-Match") for headers in server.headers["/kept.xml"]]
    assert asked == [None, '"k1"', '"k1"', None]


def test_a_kept_copy_planted_as_a_symlink_is_never_read(server, tmp_path):
    from gecolumn.district import Fetcher

    secret = tmp_path / "environ"
    secret.write_bytes(b"DEPLOY_TOKEN=canary-district")
    server.serve("/kept.xml", atom_feed([("Bài", "2024-05-05T08:00:00+07:00")]), "application/atom+xml", headers={"ETag": '"k1"'})
    cache = tmp_path / "cache"
    with Fetcher(cache=cache) as fetcher:
        first = fetcher.get(server.url("/kept.xml"))
        [body] = cache.glob("*.body")
        body.unlink()
        body.symlink_to(secret)  # a restored or committed cache, pointing at a file of the machine
        again = fetcher.get(server.url("/kept.xml"))
    assert b"canary-district" not in again.body and again.body == first.body and not again.from_cache


@pytest.mark.browser
def test_the_dashboard_sorts_by_missing_quarters_in_a_browser_and_loads_nothing(server, columns, wordpress, tmp_path, browser):
    a, _ = columns
    listed = roster(
        tmp_path,
        f"th-hoa-binh,Trường TH Hoà Bình,{wordpress},2024-Q1",  # 1 missing (2025-Q1)
        f"thcs-bao-khe,Trường THCS Bảo Khê,{a.site_dir},2024-Q1",  # 2 missing
    )
    assert district(str(listed), "--html", str(tmp_path / "public"), "--today", "2025-05-10", cwd=tmp_path).returncode == 1
    context = browser.new_context()
    try:
        page = context.new_page()
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto((tmp_path / "public" / "index.html").as_uri())
        names = "#schools tbody th[scope=row] a, #schools tbody th[scope=row]"
        first_cells = lambda: page.eval_on_selector_all("#schools tbody tr", "rows => rows.map(r => r.dataset.missing)")  # noqa: E731
        assert first_cells() == ["1", "2"]
        page.click("#sort-missing")
        assert first_cells() == ["2", "1"]
        page.click("#sort-missing")
        assert first_cells() == ["1", "2"]  # back to the roster's order
        assert page.locator(names).first.is_visible()
    finally:
        context.close()
    assert all(url.startswith("file://") for url in requested)  # nothing from the network, not even a font


def test_a_feed_with_only_posts_not_out_yet_proves_nothing_and_an_empty_one_proves_no_post(tmp_path):
    # A feed holds only its latest items: holding only posts dated after today, it cannot prove
    # a quarter had no post (unknown, never missing) and shows none published. Holding no item
    # at all, it proves the school has no post: every ended quarter is missing.
    import datetime

    from gecolumn.district import Fetcher, SchoolStatus, monitor, read_roster

    feeds = {
        "trong": wordpress_rss("https://th-trong.edu.vn/", []),
        "sap-dang": atom_feed([("Sắp đăng", "2025-03-01T08:00:00+07:00"), ("Quý sau", "2025-05-02T08:00:00+07:00")]),
        "cu": atom_feed([("Bài cũ", "2024-08-01T08:00:00+07:00")]),  # its oldest item proves the quarters after it
    }
    for unit, body in feeds.items():
        (tmp_path / unit).mkdir()
        (tmp_path / unit / "atom.xml").write_bytes(body)
    listed = read_roster(roster(tmp_path, *(f"{unit},Trường {unit},{unit},2024-Q3" for unit in feeds)))
    with Fetcher(cache=None) as fetcher:
        result = monitor(listed, fetcher, datetime.date(2025, 2, 10))
    judged = {r.school.unit: [(str(c.quarter), c.posts, c.status.value) for c in r.cells] for r in result.schools}
    nothing_proven = [("2024-Q3", None, "unknown"), ("2024-Q4", None, "unknown"), ("2025-Q1", 0, "in_progress")]
    assert judged == {
        "trong": [("2024-Q3", 0, "missing"), ("2024-Q4", 0, "missing"), ("2025-Q1", 0, "in_progress")],
        "sap-dang": nothing_proven,  # 01/03/2025 is in this quarter, but not out on 10/02
        "cu": [("2024-Q3", 1, "ok"), ("2024-Q4", 0, "missing"), ("2025-Q1", 0, "in_progress")],
    }
    assert [(r.status, r.posts) for r in result.schools] == [
        (SchoolStatus.MISSING, 0),
        (SchoolStatus.UNKNOWN, 0),
        (SchoolStatus.MISSING, 1),
    ]
