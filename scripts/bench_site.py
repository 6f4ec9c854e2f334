"""Benchmark: the whole column build against plain MkDocs + Material and Material's blog plugin.

    python scripts/bench_site.py [--posts 1000] [--large 10000] [--runs 5] [--large-runs 1] [--no-blog]

Each build is a whole `mkdocs build` process on the same generated posts (realistic bodies:
a heading, several paragraphs and a list, 3–6 KB, from bench_check.generate):
- column: this project (hook, pages, index pages, coverage, check, Pagefind's index);
- plain: the same posts as bare Markdown pages in docs/, not in the nav, Material theme
  (with Material's own search index, which the column replaces by Pagefind's);
- blog: the same posts under Material's blog plugin.
Column and plain are built in turn, ``--runs`` rounds, and each ratio is the median of the
rounds' ratios: on a shared machine the load drifts between the first build and the last.
Targets (issues 3, 9 and 19):
- CPU seconds: column ≤ 1.3 × plain. They add user and system time of every process of
  the build, Pagefind included: Pagefind indexes on a second core, so the column's wall time
  can stay close to the plain build's while its CPU time is not. CPU time is the figure to
  trust on a shared machine; wall time is shown beside it, with no target of its own.
- Peak memory at --large: ≤ 600 MiB for every process of the build. It is given for the
  build process itself and for the largest of its children (Pagefind), apart.
- Column at --large ≤ 11 × column at --posts in CPU seconds (10,000 vs 1,000: linear growth).
The blog plugin is a reference, reported as a ratio with no target. So is the column built
with its search index off (Pagefind's binary made unreachable: the build warns and goes on),
built in the same rounds: what the search index costs, apart from the rest of the column.
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
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TODAY_EPOCH = "1748750400"  # 2025-06-01 12:00 in Hanoi: the generated corpus spans 2020–2025
TARGET_CPU_RATIO = 1.3
TARGET_PEAK_MIB = 600
TARGET_GROWTH = 11
_MEASURE = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[2:], capture_output=True); "
    "sys.stderr.buffer.write(r.stderr[-3000:]) if r.returncode else None; "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); own = open(sys.argv[1]).read().split() if r.returncode == 0 else [0, 0]; "
    "print(r.returncode, u.ru_utime + u.ru_stime, *own)"
)
"""Runs a build; prints its exit status, the CPU seconds of all its processes and what _BUILD wrote."""
_BUILD = (
    "import atexit, resource, runpy, sys\n"
    "def said(path=sys.argv.pop(1)):\n"
    "    with open(path, 'w') as out:\n"
    "        out.write(f'{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}')\n"
    "atexit.register(said)\n"
    "sys.argv[0] = 'mkdocs'\n"
    "runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)\n"
)
"""``mkdocs`` in a process that writes, as it exits, its own peak memory and its largest child's (KiB)."""


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


class Build(NamedTuple):
    """What one build (or the median of some builds) cost."""

    seconds: float
    cpu: float
    """User and system seconds of every process of the build."""
    own_mib: int
    """Peak resident memory of the build process itself."""
    child_mib: int
    """Peak resident memory of its largest child process (Pagefind's service), 0 without one."""

    @property
    def peak_mib(self) -> int:
        return max(self.own_mib, self.child_mib)


def build_once(site: Path, search: bool = True) -> Build:
    """One `mkdocs build` of ``site``: wall and CPU seconds, and the peak memory of each process; without ``search``, no Pagefind."""
    env = {"SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    if not search:
        env["PAGEFIND_BINARY_PATH"] = str(site / "no-pagefind-here")
    shutil.rmtree(site / "site", ignore_errors=True)
    with tempfile.NamedTemporaryFile(prefix="bench-peak-") as peaks:
        command = [sys.executable, "-c", _MEASURE, peaks.name, sys.executable, "-c", _BUILD, peaks.name]
        command += ["build", "-q", "-f", str(site / "mkdocs.yml")]
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - start
    code, cpu, own, child = result.stdout.split()
    if code != "0":
        raise SystemExit(f"build of {site} failed:\n{result.stderr}")
    # Without search the largest child is a process that failed to start Pagefind: its peak is
    # the build's own, shared until exec; nothing of Pagefind's.
    return Build(seconds, float(cpu), int(own) // 1024, int(child) // 1024 if search else 0)


def summary(samples: list[Build]) -> Build:
    """The median of each figure of some builds."""
    return Build(*(statistics.median(getattr(s, field) for s in samples) for field in Build._fields))


def build(site: Path, runs: int) -> Build:
    """The median figures of ``runs`` builds of ``site``."""
    return summary([build_once(site) for _ in range(runs)])


class Compared(NamedTuple):
    """The column, plain Material and the column without search, built in the same rounds."""

    column: Build
    plain: Build
    unsearched: Build
    cpu: float
    """Median of the rounds' column / plain CPU seconds."""
    wall: float
    unsearched_cpu: float
    """Median of the rounds' column-without-search / plain CPU seconds."""


def side_by_side(column: Path, plain: Path, runs: int) -> Compared:
    """The sites built in turn, ``runs`` rounds: each one's summary, and the medians of the rounds' ratios.

    On a shared machine the load drifts over a minute; a ratio taken within each round
    compares builds that met the same load.
    """
    rounds = [(build_once(column), build_once(plain), build_once(column, search=False)) for _ in range(runs)]
    return Compared(
        *(summary([builds[index] for builds in rounds]) for index in range(3)),
        statistics.median(one.cpu / two.cpu for one, two, _ in rounds),
        statistics.median(one.seconds / two.seconds for one, two, _ in rounds),
        statistics.median(three.cpu / two.cpu for _, two, three in rounds),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10_000, help="posts of the large column (0: none)")
    parser.add_argument("--runs", type=int, default=5, help="rounds of column and plain builds, in turn")
    parser.add_argument("--large-runs", type=int, default=1, help="builds of the large column (its peak memory varies little)")
    parser.add_argument("--no-blog", action="store_true", help="skip the (slow) blog plugin build")
    args = parser.parse_args()
    rows, verdicts = [], []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        tmp = Path(tmp)
        column = column_site(tmp / "column", args.posts)
        plain = plain_site(column, tmp / "plain", blog=False)
        compared = side_by_side(column, plain, args.runs)
        column_row, cpu_ratio = compared.column, compared.cpu
        rows.append((f"column, {args.posts} posts", column_row))
        rows.append((f"plain MkDocs + Material, {args.posts} pages", compared.plain))
        rows.append(("column without its search index", compared.unsearched))
        rounds = f"median of {args.runs} rounds"
        verdicts.append(
            (f"column / plain, CPU s ({rounds})", f"{cpu_ratio:.2f}", f"≤ {TARGET_CPU_RATIO:.2f}", cpu_ratio <= TARGET_CPU_RATIO)
        )
        verdicts.append((f"column / plain, wall s ({rounds})", f"{compared.wall:.2f}", "-", None))
        verdicts.append(("column without search / plain, CPU s", f"{compared.unsearched_cpu:.2f}", "-", None))
        if not args.no_blog:
            blog_row = build(plain_site(column, tmp / "blog", blog=True), 1)
            rows.append((f"Material blog plugin, {args.posts} posts", blog_row))
            verdicts.append(("blog / column, CPU s (reference)", f"{blog_row.cpu / column_row.cpu:.2f}", "-", None))
        if args.large:
            large_row = build(column_site(tmp / "large", args.large), args.large_runs)
            rows.append((f"column, {args.large} posts", large_row))
            growth = large_row.cpu / column_row.cpu
            verdicts.append(
                (f"{args.large} / {args.posts} posts, CPU s", f"{growth:.2f}", f"≤ {TARGET_GROWTH:.2f}", growth <= TARGET_GROWTH)
            )
            verdicts.append(
                (
                    f"peak MiB at {args.large} posts (build / Pagefind)",
                    f"{large_row.own_mib} / {large_row.child_mib}",
                    f"≤ {TARGET_PEAK_MIB}",
                    large_row.peak_mib <= TARGET_PEAK_MIB,
                )
            )
    print(f"{'build (median)':<40}{'wall s':>8}{'CPU s':>8}{'peak MiB build':>16}{'peak MiB Pagefind':>19}")
    for name, row in rows:
        print(f"{name:<40}{row.seconds:>8.2f}{row.cpu:>8.2f}{row.own_mib:>16}{row.child_mib or '-':>19}")
    print()
    print(f"{'ratio':<48}{'value':>11}{'target':>10}")
    for name, value, target, ok in verdicts:
        print(f"{name:<48}{value:>11}{target:>10}  {'' if ok is None else 'PASS' if ok else 'FAIL'}")
    return 0 if all(ok is not False for *_, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
