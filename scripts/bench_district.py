"""Benchmark: the district monitor on 500 schools served locally, each response 50 ms late.

    python scripts/bench_district.py [--schools 500] [--latency 0.05] [--hosts 25]

The schools are spread over ``--hosts`` local servers (127.0.0.1, one port each: a district's
schools sit on many hosts, and the monitor opens at most six connections to one). A half are
columns built with this tool (a home page, then ``theo-doi.json`` beside it), a quarter are
WordPress sites (a home page announcing its feed: two probes for theo-doi.json answer 404,
then the feed), a quarter are Atom feeds given directly. Every response waits ``--latency``
first. The monitor runs as a whole process, cold (no cache), then warm (the cache of the
cold run: conditional requests answered 304). Target (issue 11): every school judged in
under 10 s, concurrently rather than one after another. Peak memory is the largest resident
set of the monitor's process.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the test suite's local server and feed shapes

from district_server import LocalServer, atom_feed, wordpress_page, wordpress_rss  # noqa: E402

TARGET_SECONDS = 10.0
TODAY = "2025-02-10"
MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
sys.stdout.buffer.write(f"{result.returncode} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {elapsed}\n".encode())
sys.stdout.buffer.write(result.stdout)
"""
QUARTERS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
DAYS = ["2024-03-08T07:30:00+07:00", "2024-06-28T07:30:00+07:00", "2024-09-05T07:30:00+07:00", "2024-11-20T07:30:00+07:00"]


def coverage_document(site: str, number: int) -> bytes:
    """A column's theo-doi.json (schema 1): one unit, a post in every quarter of 2024 but the school's gap."""
    gap = number % 5  # every fifth school misses 2024-Q1, … (4: none missing)
    posts = [
        {"title": f"Bài {q}", "url": f"{site}bai-viet/{i}/", "date": DAYS[i], "quarter": q, "unit": "truong"}
        for i, q in enumerate(QUARTERS)
        if i != gap
    ]
    cells = [
        {"unit": "truong", "quarter": q, "posts": 0 if i == gap else 1, "status": "missing" if i == gap else "ok"}
        for i, q in enumerate(QUARTERS)
    ]
    cells.append({"unit": "truong", "quarter": "2025-Q1", "posts": 0, "status": "in_progress"})
    document = {
        "schema": 1,
        "name": f"Chuyên mục trường {number}",
        "site_url": site,
        "today": TODAY,
        "start": "2024-Q1",
        "per_unit": False,
        "units": [{"id": "truong", "name": f"Trường {number}", "since": None}],
        "quarters": cells,
        "whole": [{**cell, "unit": None} for cell in cells],
        "missing": [{"unit": None, "quarter": c["quarter"]} for c in cells if c["status"] == "missing"],
        "posts": list(reversed(posts)),
    }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def serve_schools(servers: list[LocalServer], schools: int) -> list[list[str]]:
    """Put ``schools`` schools on the servers, round robin; the roster's lines."""
    lines = []
    for number in range(schools):
        server = servers[number % len(servers)]
        base = f"/s{number}/"
        site = server.url(base)
        kind = number % 4
        if kind in (0, 1):  # a column built with this tool
            page = f'<!doctype html><html lang="vi"><head><link rel="alternate" type="application/rss+xml" href="rss.xml"></head><body>Trường {number}</body></html>'
            server.serve(base, page.encode(), "text/html; charset=utf-8")
            server.serve(
                base + "theo-doi.json", coverage_document(site, number), "application/json", headers={"ETag": f'"c{number}"'}
            )
            url = site
        elif kind == 2:  # WordPress: the home page announces the feed
            feed, comments = server.url(base + "feed/"), server.url(base + "comments/feed/")
            server.serve(base, wordpress_page(site, feed, comments), "text/html; charset=UTF-8")
            items = [
                (f"Bài {n}", day) for n, day in enumerate(["Wed, 20 Nov 2024 00:30:00 +0000", "Thu, 05 Sep 2024 00:30:00 +0000"])
            ]
            server.serve(
                base + "feed/", wordpress_rss(site, items), "application/rss+xml; charset=UTF-8", headers={"ETag": f'"w{number}"'}
            )
            url = site
        else:  # an Atom feed given directly
            server.serve(base + "atom.xml", atom_feed([("Bài", "2024-11-20T07:30:00+07:00")]), "application/atom+xml")
            url = server.url(base + "atom.xml")
        lines.append([f"truong-{number}", f"Trường số {number}", url, "2024-Q1"])
    return lines


def run(command: list[str]) -> tuple[int, float, float, dict]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True).stdout
    head, _, body = out.partition(b"\n")
    code, kib, seconds = head.split()
    return int(code), float(seconds), int(kib) / 1024, json.loads(body or b"{}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--hosts", type=int, default=25)
    args = parser.parse_args()
    servers = [LocalServer(latency=args.latency) for _ in range(args.hosts)]
    for server in servers:
        server.__enter__()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-district-") as tmp:
            roster = Path(tmp) / "truong.csv"
            with roster.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle).writerows([["unit", "name", "url", "since"], *serve_schools(servers, args.schools)])
            command = [sys.executable, "-m", "gecolumn", "district", str(roster), "--format", "json", "--today", TODAY]
            command += ["--cache", str(Path(tmp) / "cache")]
            results = {}
            for label in ("cold (no cache)", "warm (cache: 304s)"):
                before = sum(sum(server.hits.values()) for server in servers)
                unchanged = sum(server.not_modified for server in servers)
                code, seconds, mib, report = run(command)
                asked = sum(sum(server.hits.values()) for server in servers) - before
                unchanged = sum(server.not_modified for server in servers) - unchanged
                judged = sum(1 for school in report.get("schools", []) if school["status"] != "unreachable")
                results[label] = (code, seconds, mib, judged, asked, unchanged, len(report.get("unreachable", [])))
    finally:
        for server in servers:
            server.__exit__(None, None, None)
    serial = None
    print(
        f"schools: {args.schools} on {args.hosts} local hosts, {args.latency * 1000:.0f} ms added to every response; "
        f"target: all judged in under {TARGET_SECONDS:g} s"
    )
    print(f"{'run':<22}{'wall s':>8}{'target':>8}{'peak MiB':>10}{'judged':>8}{'requests':>10}{'304s':>6}{'unread':>8}  verdict")
    ok = True
    for label, (code, seconds, mib, judged, asked, unchanged, unread) in results.items():
        good = code in (0, 1) and judged == args.schools and unread == 0 and seconds < TARGET_SECONDS
        ok &= good
        serial = serial or asked * args.latency
        verdict = "OK" if good else "FAIL"
        print(
            f"{label:<22}{seconds:>8.2f}{TARGET_SECONDS:>8.1f}{mib:>10.1f}{judged:>8}{asked:>10}{unchanged:>6}{unread:>8}  {verdict}"
        )
    print(f"(one request after another, the latency alone of the cold run would take {serial:.1f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
