"""Benchmark: the whole column build against plain MkDocs + Material and Material's blog plugin.

    python scripts/bench_site.py [--posts 1000] [--large 10000] [--runs 2] [--no-blog]

Each build is a whole `mkdocs build` process on the same generated posts (realistic bodies:
a heading, several paragraphs and a list, 3–6 KB, from bench_check.generate):
- column: this project (hook, pages, index pages, coverage, check);
- plain: the same posts as bare Markdown pages in docs/, not in the nav, Material theme;
- blog: the same posts under Material's blog plugin.
Column and plain are built in turn, ``--runs`` rounds, and the ratio is the median of the
rounds' ratios: on a shared machine the load drifts between the first build and the last.
Targets (issues 3 and 9): column ≤ 1.3 × plain at --posts; column at --large ≤ 11 × column
at --posts (10,000 vs 1,000: linear growth). The blog plugin is a reference, reported as a
ratio with no target. Peak memory is the maximum resident size of the build process and
its workers. CPU seconds add user and system time of every process of the build, Pagefind
included: the column's search index is built on a second core, so its wall time can stay
close to the plain build's while its CPU time is not.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TODAY_EPOCH = "1748750400"  # 2025-06-01 12:00 in Hanoi: the generated corpus spans 2020–2025
_MEASURE = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
    "sys.stderr.buffer.write(r.stderr[-3000:]) if r.returncode else None; "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); print(r.returncode, u.ru_maxrss, u.ru_utime + u.ru_stime)"
)


def column_site(root: Path, posts: int) -> Path:
    generate(root, posts)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  language: vi\n", "  language: vi\n  font: false\n")
    config += f"plugins:\n  - search:\n      lang: vi\nhooks:\n  - {ROOT / 'hooks' / 'column.py'}\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def plain_site(column: Path, root: Path, blog: bool) -> Path:
    """The column's posts as bare pages (or blog posts) of an ordinary Material site."""
    folder = root / "docs" / ("blog/posts" if blog else "posts")
    folder.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    if blog:
        (root / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    for source in (column / "posts").rglob("*.md"):
        text = source.read_text(encoding="utf-8")
        if blog:
            day, month, year = re.search(r"date: (\d\d)/(\d\d)/(\d{4})", text).groups()
            text = re.sub(r"date: .*", f"date: {year}-{month}-{day}", text)
            text = re.sub(
                r"tags: \[(.*)\]", lambda m: "categories:\n" + "".join(f"  - {t.strip()}\n" for t in m[1].split(",")), text
            )
        (folder / source.name).write_text(text, encoding="utf-8")
    lines = [
        "site_name: Benchmark",
        "theme:",
        "  name: material",
        "  language: vi",
        "  font: false",
        "plugins:",
        "  - search:",
        "      lang: vi",
    ]
    lines += ["  - blog"] if blog else []
    lines += ["nav:", "  - index.md"] + (["  - blog/index.md"] if blog else [])
    (root / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def build_once(site: Path) -> tuple[float, int, float]:
    """Wall seconds, peak memory (MiB) and CPU seconds (all processes) of one `mkdocs build` on ``site``."""
    env = {"SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    shutil.rmtree(site / "site", ignore_errors=True)
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml")]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    code, rss, cpu = result.stdout.split()
    if code != "0":
        raise SystemExit(f"build of {site} failed:\n{result.stderr}")
    return seconds, int(rss) // 1024, float(cpu)


def summary(samples: list[tuple[float, int, float]]) -> tuple[float, int, float]:
    """Median wall seconds, peak memory (MiB) and median CPU seconds of some builds."""
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples), statistics.median(s[2] for s in samples)


def build(site: Path, runs: int) -> tuple[float, int, float]:
    """Median wall seconds, peak memory (MiB) and median CPU seconds of `mkdocs build` on ``site``."""
    return summary([build_once(site) for _ in range(runs)])


def side_by_side(first: Path, second: Path, runs: int):
    """Both sites built in turn, ``runs`` rounds: each one's summary, and the median of the rounds' ratios.

    On a shared machine the load drifts over a minute; a ratio taken within each round
    compares two builds that met the same load.
    """
    rounds = [(build_once(first), build_once(second)) for _ in range(runs)]
    ratio = statistics.median(one[0] / two[0] for one, two in rounds)
    return summary([one for one, _ in rounds]), summary([two for _, two in rounds]), ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="rounds of column and plain builds, in turn")
    parser.add_argument("--no-blog", action="store_true", help="skip the (slow) blog plugin build")
    args = parser.parse_args()
    rows, verdicts = [], []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        tmp = Path(tmp)
        column = column_site(tmp / "column", args.posts)
        plain = plain_site(column, tmp / "plain", blog=False)
        column_row, plain_row, ratio = side_by_side(column, plain, args.runs)
        column_time = column_row[0]
        rows.append((f"column build, {args.posts} posts", *column_row))
        rows.append((f"plain MkDocs + Material, {args.posts} bare pages", *plain_row))
        verdicts.append(("column / plain (median of rounds, in turn)", ratio, "≤ 1.30", ratio <= 1.3))
        if not args.no_blog:
            blog_row = build(plain_site(column, tmp / "blog", blog=True), 1)
            rows.append((f"Material blog plugin, {args.posts} posts", *blog_row))
            verdicts.append(("blog / column (reference, no target)", blog_row[0] / column_time, "-", None))
        if args.large:
            large_row = build(column_site(tmp / "large", args.large), 1)
            large_time = large_row[0]
            rows.append((f"column build, {args.large} posts", *large_row))
            verdicts.append(
                (f"{args.large} / {args.posts} posts", large_time / column_time, "≤ 11.00", large_time / column_time <= 11)
            )
    print(f"{'build':<48}{'seconds':>9}{'peak MiB':>10}{'CPU s':>8}")
    for name, seconds, mem, cpu in rows:
        print(f"{name:<48}{seconds:>9.2f}{mem:>10}{cpu:>8.2f}")
    print()
    print(f"{'ratio':<48}{'value':>9}{'target':>10}")
    for name, value, target, ok in verdicts:
        print(f"{name:<48}{value:>9.2f}{target:>10}  {'' if ok is None else 'PASS' if ok else 'FAIL'}")
    return 0 if all(ok is not False for *_, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
