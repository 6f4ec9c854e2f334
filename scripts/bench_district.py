"""Benchmark: the district monitor on a province (3,000 schools) served locally with realistic latency and stuck servers.

    python scripts/bench_district.py [--schools 3000] [--hosts 50] [--latency 0.1-0.3] [--stuck 0.01] [--jobs 64] [--timeout 10]

The schools are spread over ``--hosts`` local servers (127.0.0.1, one port each: a province's
schools sit on many hosts, and the monitor opens at most six connections to one). Every
response waits a random ``--latency`` (100-300 ms) first. Of the schools, ``--stuck`` (1%)
answer nothing until long after any deadline (their server threads stop by themselves); of the
others, a half are columns built with this tool (a home page, then ``theo-doi.json`` beside it),
a quarter are WordPress sites (a home page announcing its feed: two probes for theo-doi.json
answer 404, then the feed, gzip-compressed), a quarter are Atom feeds given directly. The
monitor runs as a whole process, cold (no cache), then warm (the cache of the cold run:
conditional requests answered 304). Targets (issue 20): cold <= 60 s and <= 500 MiB peak
resident memory, warm <= 20 s; every school judged but the stuck ones, which are reported as
timed out. Peak memory is the largest resident set of the monitor's process.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the test suite's local server and feed shapes

from district_server import LocalServer, atom_feed, wordpress_page, wordpress_rss  # noqa: E402

TARGETS = {"cold (no cache)": (60.0, 500.0), "warm (cache: 304s)": (20.0, 500.0)}
"""Per run: (wall seconds, peak MiB)."""
STUCK_FOR = 40.0
"""How long a stuck server holds a request: longer than any deadline of the benchmark."""
TODAY = "2025-02-10"
MEASURE = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
result = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stdout.buffer.write(f"{result.returncode} {usage.ru_maxrss} {elapsed} {usage.ru_utime + usage.ru_stime}\n".encode())
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


def stuck(request) -> None:
    """A server that accepted the connection and then hangs (it gives up by itself, after any deadline)."""
    time.sleep(STUCK_FOR)
    request.send(200, b"", "text/plain")


def serve_schools(servers: list[LocalServer], schools: int, stuck_share: float) -> tuple[list[list[str]], int]:
    """Put ``schools`` schools on the servers, round robin; the roster's lines and how many are stuck."""
    lines = []
    every = round(1 / stuck_share) if stuck_share > 0 else 0
    stuck_count = 0
    for number in range(schools):
        server = servers[number % len(servers)]
        base = f"/s{number}/"
        site = server.url(base)
        kind = number % 4
        if every and number % every == (number // every) % every:  # spread over the roster and over the hosts
            server.routes[base] = stuck
            url, stuck_count = site, stuck_count + 1
        elif kind in (0, 1):  # a column built with this tool
            page = f'<!doctype html><html lang="vi"><head><link rel="alternate" type="application/rss+xml" href="rss.xml"></head><body>Trường {number}</body></html>'
            server.serve(base, page.encode(), "text/html; charset=utf-8")
            server.serve(
                base + "theo-doi.json", coverage_document(site, number), "application/json", headers={"ETag": f'"c{number}"'}
            )
            url = site
        elif kind == 2:  # WordPress: the home page announces the feed, served compressed
            feed, comments = server.url(base + "feed/"), server.url(base + "comments/feed/")
            server.serve(base, wordpress_page(site, feed, comments), "text/html; charset=UTF-8")
            items = [
                (f"Bài {n}", day) for n, day in enumerate(["Wed, 20 Nov 2024 00:30:00 +0000", "Thu, 05 Sep 2024 00:30:00 +0000"])
            ]
            server.serve(
                base + "feed/",
                gzip.compress(wordpress_rss(site, items)),
                "application/rss+xml; charset=UTF-8",
                headers={"ETag": f'"w{number}"', "Content-Encoding": "gzip"},
            )
            url = site
        else:  # an Atom feed given directly
            server.serve(
                base + "atom.xml",
                atom_feed([("Bài", "2024-11-20T07:30:00+07:00")]),
                "application/atom+xml",
                headers={"ETag": f'"a{number}"'},
            )
            url = server.url(base + "atom.xml")
        lines.append([f"truong-{number}", f"Trường số {number}", url, "2024-Q1"])
    return lines, stuck_count


def run(command: list[str]) -> tuple[int, float, float, float, dict]:
    """Exit status, wall seconds, peak MiB, CPU seconds of the monitor's process, and its JSON report."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True).stdout
    head, _, body = out.partition(b"\n")
    code, kib, seconds, cpu = head.split()
    return int(code), float(seconds), int(kib) / 1024, float(cpu), json.loads(body or b"{}")


def latency_range(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=3000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--latency", type=latency_range, default=(0.1, 0.3), help="seconds, or LOW-HIGH (default 0.1-0.3)")
    parser.add_argument("--stuck", type=float, default=0.01, help="share of schools whose server hangs (default 0.01)")
    parser.add_argument("--jobs", type=int, default=64)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    servers = [LocalServer(latency=args.latency) for _ in range(args.hosts)]
    for server in servers:
        server.request_queue_size = 1024
        server.__enter__()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-district-") as tmp:
            roster = Path(tmp) / "truong.csv"
            lines, stuck_count = serve_schools(servers, args.schools, args.stuck)
            with roster.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle).writerows([["unit", "name", "url", "since"], *lines])
            command = [sys.executable, "-m", "gecolumn", "district", str(roster), "--format", "json", "--today", TODAY]
            command += ["--cache", str(Path(tmp) / "cache"), "--jobs", str(args.jobs), "--timeout", str(args.timeout)]
            results = {}
            for label in TARGETS:
                before = sum(sum(server.hits.values()) for server in servers)
                unchanged = sum(server.not_modified for server in servers)
                serving = resource.getrusage(resource.RUSAGE_SELF)
                code, seconds, mib, cpu, report = run(command)
                served = resource.getrusage(resource.RUSAGE_SELF)
                servers_cpu = served.ru_utime + served.ru_stime - serving.ru_utime - serving.ru_stime
                asked = sum(sum(server.hits.values()) for server in servers) - before
                unchanged = sum(server.not_modified for server in servers) - unchanged
                judged = sum(1 for school in report.get("schools", []) if school["status"] != "unreachable")
                timed_out = sum(1 for entry in report.get("unreachable", []) if entry["code"] == "source_timeout")
                unread = len(report.get("unreachable", []))
                results[label] = (code, seconds, mib, cpu, servers_cpu, judged, asked, unchanged, unread, timed_out)
    finally:
        for server in servers:
            server.__exit__(None, None, None)
    low, high = args.latency
    print(
        f"schools: {args.schools} on {args.hosts} local hosts, {low * 1000:.0f}-{high * 1000:.0f} ms before every answer, "
        f"{stuck_count} stuck; monitor: --jobs {args.jobs} --timeout {args.timeout:g}"
    )
    print(
        f"{'run':<20}{'wall s':>8}{'target':>8}{'CPU s':>7}{'servers':>8}{'peak MiB':>10}{'target':>8}{'judged':>8}{'requests':>10}{'304s':>6}"
        f"{'unread':>8}{'stuck':>7}  verdict"
    )
    ok = True
    for label, (code, seconds, mib, cpu, servers_cpu, judged, asked, unchanged, unread, timed_out) in results.items():
        wall, memory = TARGETS[label]
        good = (
            code in (0, 1, 3)
            and judged == args.schools - stuck_count
            and unread == timed_out == stuck_count
            and seconds <= wall
            and mib <= memory
        )
        ok &= good
        print(
            f"{label:<20}{seconds:>8.2f}{wall:>8.0f}{cpu:>7.1f}{servers_cpu:>8.1f}{mib:>10.1f}{memory:>8.0f}{judged:>8}{asked:>10}{unchanged:>6}"
            f"{unread:>8}{stuck_count:>7}  {'PASS' if good else 'FAIL'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
