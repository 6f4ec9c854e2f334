"""The district remembers (its ledger) and says what a district reports (exit status, schools with a post per quarter).

Schools are served by a real HTTP server on 127.0.0.1 (``district_server``); each test runs
the monitor as a district does, as a separate process, week after week on the same folder.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT
from district_server import LocalServer, atom_feed
from test_district import as_json, district, roster, run_ci_script, statuses

LEDGER = "so-theo-doi.jsonl"


@pytest.fixture(scope="module")
def server():
    with LocalServer() as running:
        yield running


def feed(*entries: tuple[str, str]) -> bytes:
    """An Atom feed whose entries each link to their own post and keep its id (named by title), as a real site's do."""
    body = atom_feed(list(entries))
    for number, (title, _) in reversed(list(enumerate(entries, start=1))):
        slug = title.lower().replace(" ", "-")
        body = body.replace(f'/bai/{number}"'.encode(), f'/bai/{slug}"'.encode())
        body = body.replace(f"2024:{number}</id>".encode(), f"2024:{slug}</id>".encode())
    return body


def ledger_records(folder) -> list[dict]:
    return [json.loads(line) for line in (folder / LEDGER).read_text(encoding="utf-8").splitlines()]


def test_a_post_that_has_left_the_feed_still_proves_its_quarter(server, tmp_path):
    listed = str(roster(tmp_path, f"th-a,Trường TH A,{server.url('/a/atom.xml')},2024-Q1"))
    week = ("--format", "json", "--no-cache")
    server.serve(
        "/a/atom.xml",
        feed(("Ngày 8/3", "2024-03-08T08:00:00+07:00"), ("Gia đình", "2024-06-28T08:00:00+07:00")),
        "application/atom+xml",
    )
    first = district(listed, *week, "--today", "2024-07-10", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    # Next quarter the feed holds only its latest items: the post of 8/3 has left it.
    server.serve(
        "/a/atom.xml",
        feed(("Gia đình", "2024-06-28T08:00:00+07:00"), ("Khai giảng", "2024-09-05T08:00:00+07:00")),
        "application/atom+xml",
    )
    second = district(listed, *week, "--today", "2024-10-10", cwd=tmp_path)
    assert second.returncode == 0, second.stdout  # every due quarter proven covered
    assert statuses(as_json(second), "th-a") == {
        "2024-Q1": (1, "ok"),  # from the ledger
        "2024-Q2": (1, "ok"),
        "2024-Q3": (1, "ok"),
        "2024-Q4": (0, "in_progress"),
    }
    without = district(listed, *week, "--today", "2024-10-10", "--no-ledger", cwd=tmp_path)
    assert statuses(as_json(without), "th-a")["2024-Q1"] == (None, "unknown") and without.returncode == 3

    records = ledger_records(tmp_path)
    posts = {r["title"]: r for r in records if r["kind"] == "post"}
    assert list(posts) == ["Ngày 8/3", "Gia đình", "Khai giảng"]  # one line per post, new ones at the end
    assert (posts["Ngày 8/3"]["first_seen"], posts["Ngày 8/3"]["last_seen"]) == ("2024-07-10", "2024-07-10")
    assert (posts["Gia đình"]["first_seen"], posts["Gia đình"]["last_seen"]) == ("2024-07-10", "2024-10-10")
    assert posts["Ngày 8/3"]["url"] == "https://mn-hoa-sen.edu.vn/bai/ngày-8/3" and posts["Ngày 8/3"]["date"].startswith(
        "2024-03-08"
    )
    assert posts["Ngày 8/3"]["source"] == server.url("/a/atom.xml") and posts["Ngày 8/3"]["unit"] == "th-a"
    # The two readings overlap, so they prove one unbroken span: one line, extended in place.
    [span] = [r for r in records if r["kind"] == "span"]
    assert span == {
        "kind": "span",
        "unit": "th-a",
        "source": server.url("/a/atom.xml"),
        "from": "2024-03-08",
        "to": "2024-09-05",
        "read_at": "2024-10-10",
    }
    before = (tmp_path / LEDGER).read_bytes()
    assert district(listed, *week, "--today", "2024-10-10", cwd=tmp_path).returncode == 0
    assert (tmp_path / LEDGER).read_bytes() == before  # the same reading again adds nothing


def test_a_quarter_once_proven_empty_stays_missing_until_a_post_dated_in_it_is_seen(server, tmp_path):
    listed = str(roster(tmp_path, f"th-b,Trường TH B,{server.url('/b/atom.xml')},2024-Q1"))
    week = ("--format", "json", "--no-cache")
    server.serve(
        "/b/atom.xml", feed(("Q1", "2024-02-10T08:00:00+07:00"), ("Q3", "2024-08-08T08:00:00+07:00")), "application/atom+xml"
    )
    assert statuses(as_json(district(listed, *week, "--today", "2024-10-10", cwd=tmp_path)), "th-b")["2024-Q2"] == (0, "missing")
    server.serve(
        "/b/atom.xml", feed(("Q3", "2024-08-08T08:00:00+07:00"), ("Q4", "2024-11-11T08:00:00+07:00")), "application/atom+xml"
    )
    later = district(listed, *week, "--today", "2025-01-10", cwd=tmp_path)
    assert later.returncode == 1
    assert statuses(as_json(later), "th-b") == {
        "2024-Q1": (1, "ok"),
        "2024-Q2": (0, "missing"),  # the feed no longer reaches it; the ledger proves it empty
        "2024-Q3": (1, "ok"),
        "2024-Q4": (1, "ok"),
        "2025-Q1": (0, "in_progress"),
    }
    server.serve(
        "/b/atom.xml",
        feed(("Bổ sung Q2", "2024-06-20T08:00:00+07:00"), ("Q4", "2024-11-11T08:00:00+07:00")),
        "application/atom+xml",
    )
    found = district(listed, *week, "--today", "2025-01-11", cwd=tmp_path)
    assert statuses(as_json(found), "th-b")["2024-Q2"] == (1, "ok") and found.returncode == 0


def test_a_corrupt_or_hand_edited_ledger_line_is_reported_with_its_line_number_and_the_run_goes_on(server, tmp_path):
    roster(tmp_path, f"th-c,Trường TH C,{server.url('/c/atom.xml')},2024-Q1")
    listed = "truong.csv"  # as CI names it: the ledger beside it is named as a path in the repository
    server.serve(
        "/c/atom.xml", feed(("Q1", "2024-02-10T08:00:00+07:00"), ("Q2", "2024-05-10T08:00:00+07:00")), "application/atom+xml"
    )
    assert district(listed, "--today", "2024-07-10", "--no-cache", cwd=tmp_path).returncode == 0
    lines = (tmp_path / LEDGER).read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[1]) | {"date": "10/05/2024"}  # a date typed by hand, day first
    lines[1:2] = ["{hỏng", json.dumps(edited, ensure_ascii=False)]
    (tmp_path / LEDGER).write_text("\n".join(lines) + "\n", encoding="utf-8")
    server.serve(
        "/c/atom.xml", feed(("Q2", "2024-05-10T08:00:00+07:00"), ("Q3", "2024-08-10T08:00:00+07:00")), "application/atom+xml"
    )

    text = district(listed, "--today", "2024-10-10", "--no-cache", cwd=tmp_path)
    assert text.returncode == 0, text.stdout + text.stderr  # the Q1 post is still remembered by line 1
    said = text.stderr.splitlines()
    assert any(line.startswith(f"{LEDGER}:2: CẢNH BÁO") and "không phải JSON" in line for line in said), text.stderr
    assert any(line.startswith(f"{LEDGER}:3: CẢNH BÁO") and "'date'" in line for line in said), text.stderr
    assert "Quý I/2024: 1/1 trường (100%)" in text.stdout
    kept = (tmp_path / LEDGER).read_text(encoding="utf-8").splitlines()
    assert kept[1] == "{hỏng" and json.loads(kept[2])["date"] == "10/05/2024"  # kept as written, never lost

    report = as_json(district(listed, "--today", "2024-10-10", "--no-cache", "--format", "json", "--lang", "en", cwd=tmp_path))
    assert [(w["code"], w["line"]) for w in report["warnings"]] == [("ledger_bad_line", 2), ("ledger_bad_line", 3)]
    assert "not JSON" in report["warnings"][0]["message"]
    github = district(listed, "--today", "2024-10-10", "--no-cache", "--format", "github", cwd=tmp_path)
    assert f"::warning file={LEDGER},line=2::" in github.stdout


def test_a_ledger_too_large_or_not_a_file_is_said_and_left_alone(server, tmp_path, monkeypatch):
    from gecolumn.district import ledger as ledger_module
    from gecolumn.district.ledger import Ledger

    path = tmp_path / LEDGER
    path.write_text('{"kind": "span"}\n' * 10, encoding="utf-8")
    monkeypatch.setattr(ledger_module, "MAX_BYTES", 100)  # the bound, made small: the file is 170 bytes
    big = Ledger.read(path)
    assert [p.code for p in big.problems] == ["ledger_too_large"] and not big.writable
    assert big.save() is None and path.read_text() == '{"kind": "span"}\n' * 10  # never rewritten from a part
    # Through the command: --ledger naming a folder is said, and the schools are judged all the same.
    folder = tmp_path / "thu-muc.jsonl"
    folder.mkdir()
    listed = str(roster(tmp_path, f"th-d,Trường TH D,{server.url('/d/atom.xml')},2024-Q3"))
    server.serve("/d/atom.xml", feed(("Q3", "2024-08-10T08:00:00+07:00")), "application/atom+xml")
    result = district(listed, "--ledger", str(folder), "--today", "2024-10-10", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0 and [w["code"] for w in as_json(result)["warnings"]] == ["ledger_unreadable"]
    assert folder.is_dir() and not any(folder.iterdir())


def test_a_school_whose_feed_is_its_whole_sites_news_cannot_fill_the_ledger(tmp_path):
    import datetime

    from gecolumn.dates import LOCAL_TZ
    from gecolumn.district.judge import judge_quarters
    from gecolumn.district.ledger import MAX_POSTS_PER_QUARTER, Ledger
    from gecolumn.district.sources import Evidence, SeenPost, SourceKind
    from gecolumn.quarters import Quarter

    news = tuple(
        SeenPost(f"https://th-a.edu.vn/?p={n}", f"Tin {n}", datetime.datetime(2024, 5, 1 + n, 8, tzinfo=LOCAL_TZ))
        for n in range(25)
    )
    evidence = Evidence(SourceKind.RSS, "https://th-a.edu.vn/feed/", {Quarter(2024, 2): 25}, Quarter(2024, 2), news)
    ledger = Ledger.read(tmp_path / LEDGER)
    ledger.record("th-a", evidence, datetime.date(2024, 7, 2))
    history = ledger.history("th-a")
    assert len(history.posts) == MAX_POSTS_PER_QUARTER == 10  # enough to prove the quarter, bounded
    today = datetime.date(2024, 7, 2)
    [q2, _] = judge_quarters(evidence, Quarter(2024, 2), Quarter(2024, 3), today, history)
    assert (q2.posts, q2.status.value) == (25, "ok")  # today's feed still counts every post it shows


def test_exit_status_and_totals_say_what_a_district_reports(server, tmp_path):
    server.serve(
        "/ok/atom.xml", feed(("Q3", "2024-08-10T08:00:00+07:00"), ("Q4", "2024-11-10T08:00:00+07:00")), "application/atom+xml"
    )
    server.serve("/late/atom.xml", feed(("Q4", "2024-11-10T08:00:00+07:00")), "application/atom+xml")
    server.serve(
        "/gap/atom.xml", feed(("Q3", "2024-08-10T08:00:00+07:00"), ("Q1", "2025-01-05T08:00:00+07:00")), "application/atom+xml"
    )
    ok, late, gap = (f"{name},Trường {name},{server.url(f'/{name}/atom.xml')},2024-Q3" for name in ("ok", "late", "gap"))
    judged = {}
    for name, lines in {"0": [ok], "3": [ok, late], "1": [ok, late, gap]}.items():
        folder = tmp_path / f"exit-{name}"
        folder.mkdir()
        result = district(str(roster(folder, *lines)), "--format", "json", "--no-ledger", cwd=folder)
        judged[name] = (result.returncode, as_json(result))
    assert {name: code for name, (code, _) in judged.items()} == {"0": 0, "3": 3, "1": 1}
    assert judged["1"][1]["exit_code"] == 1 and judged["3"][1]["exit_code"] == 3
    assert judged["1"][1]["totals"] == [
        {"quarter": "2024-Q3", "due": 3, "ok": 2, "missing": 0, "unknown": 1, "in_progress": 0},
        {"quarter": "2024-Q4", "due": 3, "ok": 2, "missing": 1, "unknown": 0, "in_progress": 0},
        {"quarter": "2025-Q1", "due": 3, "ok": 1, "missing": 0, "unknown": 0, "in_progress": 2},
    ]
    text = district(str(tmp_path / "exit-1" / "truong.csv"), "--no-ledger", cwd=tmp_path)
    assert "Quý III/2024: 2/3 trường (66,7%)" in text.stdout and "Quý IV/2024: 2/3 trường (66,7%)" in text.stdout
    english = district(str(tmp_path / "exit-1" / "truong.csv"), "--no-ledger", "--lang", "en", cwd=tmp_path)
    assert "2024-Q3: 2/3 schools (66.7%)" in english.stdout


def test_the_dashboard_charts_the_totals_above_the_table_and_lists_each_schools_source(server, tmp_path):
    server.serve("/e/atom.xml", feed(("Q3", "2024-08-10T08:00:00+07:00")), "application/atom+xml")
    listed = roster(
        tmp_path,
        f"th-e,<img src=x onerror=alert(1)>,{server.url('/e/atom.xml')},2024-Q3",
        "th-loi,Trường lỗi,http://truong-loi.invalid/,2024-Q3",
    )
    result = district(str(listed), "--html", str(tmp_path / "public"), "--today", "2025-01-10", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1
    html = (tmp_path / "public" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert "<img src=x" not in html and not page.select("img")
    bars = page.select("#totals li")
    assert [li.span.get_text() for li in bars] == [
        "Quý III/2024: 1/2 trường (50%)",
        "Quý IV/2024: 0/2 trường (0%)",
        "Quý I/2025: 0/2 trường (0%)",  # the school that could not be read is due, and unknown
    ]
    svg = bars[0].svg
    assert svg["role"] == "img" and svg.title.get_text() == "Quý III/2024: 1/2 trường (50%)"
    assert page.find(id=svg["aria-labelledby"]) is svg.title
    assert [(rect["class"], rect["width"]) for rect in svg.select("rect[class]")] == [(["ok"], "50.0"), (["unknown"], "50.0")]
    assert [(rect["class"], rect["width"]) for rect in bars[1].svg.select("rect[class]")] == [
        (["missing"], "50.0"),
        (["unknown"], "50.0"),
    ]
    assert html.index('id="totals"') < html.index('id="schools"')  # above the school × quarter table
    assert not page.select("svg script, svg [onload]")  # drawn, nothing run
    sources = page.select("#sources li")
    assert "Atom" in sources[0].get_text() and sources[0].a["href"] == server.url("/e/atom.xml")
    assert "<img src=x onerror=alert(1)>" in sources[0].get_text()  # the name, shown as text
    assert "không đọc được" in sources[1].get_text() and "truong-loi.invalid" in sources[1].get_text()


# --- the district's CI templates keep and commit the ledger -------------------------------------

CI = ROOT / "gecolumn" / "templates" / "district-ci"
ON_2025_02_10 = {"SOURCE_DATE_EPOCH": "1739145600"}


def git(*args: str, cwd: Path) -> str:
    identity = {"GIT_AUTHOR_NAME": "Phòng GD&ĐT", "GIT_AUTHOR_EMAIL": "pgd@example.invalid"}
    identity |= {"GIT_COMMITTER_NAME": "Phòng GD&ĐT", "GIT_COMMITTER_EMAIL": "pgd@example.invalid"}
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **identity}, check=True)
    return done.stdout


@pytest.fixture
def district_clone(server, tmp_path):
    """A district's repository as CI checks it out: truong.csv committed, pushed to an origin on this machine."""
    if not shutil.which("git"):
        pytest.skip("git is needed")
    server.serve("/ci/atom.xml", feed(("Tháng hành động", "2024-11-20T08:00:00+07:00")), "application/atom+xml")
    origin, clone = tmp_path / "origin.git", tmp_path / "clone"
    git("init", "--quiet", "--bare", "--initial-branch=main", str(origin), cwd=tmp_path)
    git("clone", "--quiet", str(origin), str(clone), cwd=tmp_path)
    roster(clone, f"th-ci,Trường TH CI,{server.url('/ci/atom.xml')},2024-Q4")
    git("add", "truong.csv", cwd=clone)
    git("commit", "--quiet", "-m", "Danh sách trường", cwd=clone)
    git("push", "--quiet", "origin", "HEAD:main", cwd=clone)
    return origin, clone


def test_the_github_template_commits_the_ledger_after_each_reading(district_clone, tmp_path):
    origin, clone = district_clone
    workflow = yaml.safe_load((CI / "github.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"]["contents"] == "write"
    steps = {step.get("name"): step for step in workflow["jobs"]["monitor"]["steps"]}
    monitor, keep = steps["Read every school's column"], steps["Keep the ledger"]
    assert workflow["jobs"]["unproven"]["if"] == "needs.monitor.outputs.code == '3'"
    outputs = tmp_path / "github-output"
    for _week in (1, 2):  # a second reading of the same day changes nothing: no commit
        read = run_ci_script([monitor["run"]], clone, ON_2025_02_10 | {"GITHUB_OUTPUT": str(outputs)})
        assert read.returncode == 0, read.stdout + read.stderr
        assert run_ci_script([keep["run"]], clone).returncode == 0
    assert outputs.read_text().splitlines() == ["code=0", "code=0"]
    log = git("log", "--format=%s", "main", cwd=origin).splitlines()
    assert log == [
        "Sổ theo dõi: lần đọc ngày " + log[0].rsplit(" ", 1)[1],
        "Danh sách trường",
    ]  # one commit: week 2 changed nothing
    kept = [json.loads(line) for line in git("show", f"main:{LEDGER}", cwd=origin).splitlines()]
    assert [(r["kind"], r.get("title")) for r in kept] == [("post", "Tháng hành động"), ("span", None)]


def test_the_gitlab_template_commits_the_ledger_with_its_token_and_skips_ci(district_clone):
    origin, clone = district_clone
    pipeline = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert LEDGER in pipeline["monitor"]["artifacts"]["paths"]
    git("checkout", "--quiet", "--detach", cwd=clone)  # as GitLab's runner checks out
    forge = {"LEDGER_TOKEN": "t0ken", "CI_SERVER_HOST": "gitlab.example", "CI_PROJECT_PATH": "pgd/theo-doi"}
    forge |= {"CI_COMMIT_REF_NAME": "main"}
    # The forge's address is this machine's origin: git rewrites it, so nothing leaves the machine.
    git("config", f"url.{origin}.insteadOf", "https://oauth2:t0ken@gitlab.example/pgd/theo-doi.git", cwd=clone)
    result = run_ci_script(pipeline["monitor"]["script"], clone, ON_2025_02_10 | forge)
    assert result.returncode == 0, result.stdout + result.stderr
    [subject, _] = git("log", "--format=%s", "main", cwd=origin).splitlines()
    assert subject.startswith("Sổ theo dõi: lần đọc ngày ") and subject.endswith("[skip ci]")
    assert "Tháng hành động" in git("show", f"main:{LEDGER}", cwd=origin)


@pytest.mark.parametrize(("template", "schema"), [("github.yml", "github-workflows"), ("gitlab-ci.yml", "gitlab-ci")])
def test_the_ci_templates_pass_their_schemas(template, schema):
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", f"vendor.{schema}", str(CI / template)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_post_with_long_wide_characters_is_written_as_a_line_the_next_run_can_read(server, tmp_path):
    # 1,990 four-byte letters in a link and 300 in a title: counted as characters, the line was
    # 9,314 bytes, over the ledger's 8 KB a line; the next run refused it and wrote it again.
    wide = "𝕏"
    body = atom_feed([(wide * 300, "2024-05-10T08:00:00+07:00")]).replace(b"/bai/1", ("/bai/" + wide * 1990).encode())
    server.serve("/w/atom.xml", body, "application/atom+xml")
    listed = str(roster(tmp_path, f"th-w,Trường TH W,{server.url('/w/atom.xml')},2024-Q2"))
    for _ in range(3):
        run = district(listed, "--today", "2024-07-10", "--no-cache", cwd=tmp_path)
        assert "CẢNH BÁO" not in run.stderr, run.stderr
    lines = (tmp_path / LEDGER).read_bytes().splitlines()
    assert max(len(line) for line in lines) <= 8 * 1024
    kept = [json.loads(line)["url"].count(wide) for line in lines if b'"url"' in line]
    assert len(kept) == 1 and 400 < kept[0] < 500, kept  # one post, its link cut to 2,000 bytes


# --- one identity for a post, in the ledger and in the verdict -----------------------------------


def rss(*items: tuple[str, str, str | None]) -> bytes:
    """An RSS 2.0 feed of ``(title, RFC 822 date, link or None)`` items with no ``guid``, as many school portals write."""
    entries = "".join(
        f"<item><title>{escape(title)}</title>{f'<link>{escape(link)}</link>' if link else ''}<pubDate>{date}</pubDate></item>"
        for title, date, link in items
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Trường</title>{entries}</channel></rss>'.encode()


def weeks(server, tmp_path, unit: str, path: str, readings: list[tuple[str, bytes]]) -> list[dict]:
    """Read ``unit``'s feed at ``path`` once per ``(today, feed)``, on one ledger; each reading's JSON report."""
    listed = str(roster(tmp_path, f"{unit},Trường {unit},{server.url(path)},2024-Q1"))
    reports = []
    for today, body in readings:
        server.serve(path, body, "application/rss+xml")
        reports.append(as_json(district(listed, "--format", "json", "--no-cache", "--today", today, cwd=tmp_path)))
    return reports


def test_two_posts_with_one_title_and_no_link_prove_their_two_quarters(server, tmp_path):
    title = "Tuyên truyền Luật Bình đẳng giới"
    first = rss((title, "Tue, 14 May 2024 02:00:00 +0000", None), (title, "Fri, 08 Mar 2024 02:00:00 +0000", None))
    later = rss(("Khai giảng", "Thu, 05 Sep 2024 02:00:00 +0000", None))  # both have left the feed
    _, report = weeks(server, tmp_path, "th-t", "/t/rss.xml", [("2024-07-10", first), ("2024-10-10", later)])
    assert report["exit_code"] == 0
    assert statuses(report, "th-t") == {
        "2024-Q1": (1, "ok"),
        "2024-Q2": (1, "ok"),
        "2024-Q3": (1, "ok"),
        "2024-Q4": (0, "in_progress"),
    }


def test_items_that_all_link_to_the_portal_home_page_are_each_a_post(server, tmp_path):
    home = "https://th-cong.edu.vn/"
    first = rss(
        ("Ngày Gia đình Việt Nam", "Fri, 28 Jun 2024 02:00:00 +0000", home),
        ("Ngày Quốc tế Hạnh phúc", "Wed, 20 Mar 2024 02:00:00 +0000", home),
        ("Khai giảng", "Thu, 05 Sep 2024 02:00:00 +0000", home),
    )
    later = rss(("Tháng hành động", "Wed, 20 Nov 2024 02:00:00 +0000", home))
    reports = weeks(server, tmp_path, "th-h", "/h/rss.xml", [("2024-10-10", first), ("2025-01-10", later)])
    assert statuses(reports[0], "th-h") == {
        "2024-Q1": (1, "ok"),
        "2024-Q2": (1, "ok"),
        "2024-Q3": (1, "ok"),
        "2024-Q4": (0, "in_progress"),
    }
    assert reports[1]["exit_code"] == 0
    assert [cell["posts"] for cell in reports[1]["schools"][0]["quarters"]] == [1, 1, 1, 1, 0]  # the ledger remembers each
    assert sum(r["kind"] == "post" for r in ledger_records(tmp_path)) == 4


def test_two_long_links_alike_in_their_first_2000_characters_are_two_posts(server, tmp_path):
    long = "https://th-dai.edu.vn/index.php?" + "tin=binh-dang-gioi&" * 110  # 2,122 characters before the post's number
    first = rss(
        ("Ngày 8/3 (lớp 6)", "Fri, 08 Mar 2024 02:00:00 +0000", long + "p=1"),
        ("Ngày 8/3 (lớp 7)", "Fri, 08 Mar 2024 02:00:00 +0000", long + "p=2"),  # the same day, another post
        ("Ngày Gia đình", "Fri, 28 Jun 2024 02:00:00 +0000", long + "p=3"),
    )
    later = rss(("Khai giảng", "Thu, 05 Sep 2024 02:00:00 +0000", long + "p=4"))
    _, report = weeks(server, tmp_path, "th-l", "/l/rss.xml", [("2024-07-10", first), ("2024-10-10", later)])
    assert statuses(report, "th-l") == {
        "2024-Q1": (2, "ok"),
        "2024-Q2": (1, "ok"),
        "2024-Q3": (1, "ok"),
        "2024-Q4": (0, "in_progress"),
    }
    lines = (tmp_path / LEDGER).read_bytes().splitlines()
    assert max(len(line) for line in lines) <= 8 * 1024  # the link is cut as the ledger writes it; the post's id is hashed
    posts = [json.loads(line) for line in lines if b'"kind": "post"' in line]
    assert len(posts) == 4 and len({post["id"] for post in posts}) == 4


def test_lines_written_before_posts_had_ids_still_count_and_gain_their_id_when_seen_again(server, tmp_path):
    source = server.url("/o/atom.xml")
    old = [  # as the ledger was written before: no "id"; two posts of one title and no link, one post of the feed
        {"title": "Tuyên truyền", "url": "", "date": "2024-02-10T08:00:00+07:00", "first_seen": "2024-04-02"},
        {"title": "Tuyên truyền", "url": "", "date": "2024-05-10T08:00:00+07:00", "first_seen": "2024-07-02"},
        {
            "title": "Q3",
            "url": "https://mn-hoa-sen.edu.vn/bai/q3",
            "date": "2024-08-10T08:00:00+07:00",
            "first_seen": "2024-10-02",
        },
    ]
    lines = [
        json.dumps(
            {"kind": "post", "unit": "th-o"} | post | {"last_seen": post["first_seen"], "source": source}, ensure_ascii=False
        )
        for post in old
    ]
    span = {"kind": "span", "unit": "th-o", "source": source, "from": "2024-02-10", "to": "2024-08-10", "read_at": "2024-10-02"}
    lines.append(json.dumps(span))
    (tmp_path / LEDGER).write_text("\n".join(lines) + "\n", encoding="utf-8")
    listed = str(roster(tmp_path, f"th-o,Trường TH O,{source},2024-Q1"))
    # The feed now shows the Q3 post (with the id Atom gives it) and a new one.
    server.serve(
        "/o/atom.xml", feed(("Q3", "2024-08-10T08:00:00+07:00"), ("Q4", "2024-10-05T08:00:00+07:00")), "application/atom+xml"
    )

    report = as_json(district(listed, "--format", "json", "--no-cache", "--today", "2024-10-10", cwd=tmp_path))
    assert report["exit_code"] == 0 and not report["warnings"]
    assert statuses(report, "th-o") == {
        "2024-Q1": (1, "ok"),
        "2024-Q2": (1, "ok"),
        "2024-Q3": (1, "ok"),  # the old line and the feed's entry are one post
        "2024-Q4": (1, "ok"),
    }
    kept = (tmp_path / LEDGER).read_text(encoding="utf-8").splitlines()
    assert kept[:2] == lines[:2]  # unchanged lines are written back as they were
    upgraded = json.loads(kept[2])
    assert upgraded["id"] == "tag:mn-hoa-sen.edu.vn,2024:q3" and upgraded["last_seen"] == "2024-10-10"
    assert [json.loads(line)["kind"] for line in kept] == ["post", "post", "post", "span", "post"]  # one line per post


def test_a_school_that_cannot_be_read_keeps_what_its_ledger_proved_and_still_fails_the_run(server, tmp_path):
    listed = str(roster(tmp_path, f"th-u,Trường TH U,{server.url('/u/atom.xml')},2024-Q1"))
    week = ("--format", "json", "--no-cache")
    server.serve(
        "/u/atom.xml", feed(("Q1", "2024-02-10T08:00:00+07:00"), ("Q3", "2024-08-10T08:00:00+07:00")), "application/atom+xml"
    )
    assert district(listed, *week, "--today", "2024-10-10", cwd=tmp_path).returncode == 1  # Q2 proven missing
    server.serve("/u/atom.xml", b"<!doctype html><title>Not found</title>", "text/html", status=404)

    result = district(listed, *week, "--today", "2025-01-10", cwd=tmp_path)
    assert result.returncode == 1
    report = as_json(result)
    [school] = report["schools"]
    assert school["status"] == "unreachable" and school["source"] is None
    assert [entry["unit"] for entry in report["unreachable"]] == ["th-u"]
    assert statuses(report, "th-u") == {
        "2024-Q1": (1, "ok"),  # proven by the ledger
        "2024-Q2": (0, "missing"),  # proven empty by the ledger
        "2024-Q3": (1, "ok"),
        "2024-Q4": (None, "unknown"),  # no reading reached it
        "2025-Q1": (0, "in_progress"),
    }
    assert [(t["quarter"], t["ok"], t["unknown"]) for t in report["totals"]] == [
        ("2024-Q1", 1, 0),
        ("2024-Q2", 0, 0),
        ("2024-Q3", 1, 0),
        ("2024-Q4", 0, 1),
        ("2025-Q1", 0, 0),
    ]
    text = district(listed, "--no-cache", "--today", "2025-01-10", cwd=tmp_path)
    assert "Quý I/2024: 1/1 trường (100%)" in text.stdout and "Không đọc được (1)" in text.stdout
    github = district(listed, "--no-cache", "--today", "2025-01-10", "--format", "github", cwd=tmp_path).stdout
    errors = [line for line in github.splitlines() if line.startswith("::error")]
    assert len(errors) == 2 and "Quý II/2024" in errors[1]  # unreadable, and the quarter proven missing
    assert "::notice" not in github  # its unknown quarter is said by the error, not as a feed too short
    district(listed, "--no-cache", "--today", "2025-01-10", "--csv", "bang.csv", cwd=tmp_path)
    [_, row, *_] = csv.reader((tmp_path / "bang.csv").read_text(encoding="utf-8-sig").splitlines())
    assert row[1:11] == ["1", "0", "1", "chưa rõ", "0", "2", "2", "4", "Quý II/2024", "Quý IV/2024"]
    assert row[-1].startswith("không đọc được")
