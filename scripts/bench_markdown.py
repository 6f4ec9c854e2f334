"""Benchmark: one hostile post, built by a real `mkdocs build` at growing sizes; time per MB must stay flat.

    python scripts/bench_markdown.py [--sizes 32,128,512,1000] [--cases "<a ,[,..."]

Each build is a whole `mkdocs build` process of a column with one post whose body repeats one
construct that Python-Markdown used to scan to the end of the body from every occurrence
(issue 18: 32 KB of ``<a `` took 18.6 s, and the 1 MB a post may have would take hours).
Printed first: the seconds of a build whose post is one line (what every build costs). Then
per construct: the seconds of each size's build, its seconds per MB above that baseline, and
the ratio of that figure at the largest size to the figure at the smallest. Linear time keeps
the ratio near 1 (quadratic time multiplies it by the ratio of the sizes). Target: ≤ 2.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = "before issue 18: 32 KB of '<a ' took 18.6 s (581 s/MB), 16 KB of '[' took 38 s"
CASES = ("<a ", "<a", "<div ", "<![CDATA[", "[", "![")
HEADER = "---\ntitle: Bài thử\ndate: 08/03/2024\nquarter: 2024-Q1\n---\n\n"
CONFIG = (
    "site_name: Benchmark\nsite_url: https://truong.example/\ntheme:\n  name: material\n  language: vi\n  font: false\n"
    "plugins:\n  - search:\n      lang: vi\nhooks:\n  - {hook}\nextra:\n  column:\n    start: 2024-Q1\n"
    "    units:\n      truong:\n        name: Trường thử\n"
)


def build_seconds(root: Path, construct: str, kilobytes: int) -> float:
    """Wall seconds of `mkdocs build` of a column whose one post is ``construct`` repeated to ``kilobytes`` KB."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "posts").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG.format(hook=ROOT / "hooks" / "column.py"), encoding="utf-8")
    size = max(min(kilobytes * 1000, 999_000) - len(HEADER), len(construct))  # the post limit is 1,000,000 bytes
    (root / "posts" / "bai.md").write_text(HEADER + construct * (size // len(construct)) + "\n", encoding="utf-8")
    env = {"SOURCE_DATE_EPOCH": "1711000000", "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")], capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed for {construct!r} at {kilobytes} KB:\n{result.stderr[-3000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="128,512,1000", help="post sizes in KB (1000 = the limit)")
    parser.add_argument("--cases", default=",".join(CASES), help="constructs to repeat, comma-separated")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"reference: {REFERENCE}")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-markdown-") as tmp:
        baseline = min(build_seconds(Path(tmp) / f"baseline-{n}", "Nội dung.", 0) for n in range(2))
        print(f"baseline: a build with a one-line post takes {baseline:.2f} s")
        print(f"{'construct':<12}" + "".join(f"{f'{s} KB s':>11}{'s/MB':>8}" for s in sizes) + f"{'last/first':>12}")
        print("(s/MB: seconds above the baseline, per MB of post)")
        for n, construct in enumerate(args.cases.split(",")):
            seconds = [build_seconds(Path(tmp) / f"{n}-{size}", construct, size) for size in sizes]
            per_mb = [max(s - baseline, 0.01) / (size / 1000) for s, size in zip(seconds, sizes, strict=True)]
            ratio = per_mb[-1] / per_mb[0]
            worst = max(worst, ratio)
            cells = "".join(f"{s:>11.2f}{p:>8.2f}" for s, p in zip(seconds, per_mb, strict=True))
            print(f"{construct!r:<12}{cells}{ratio:>12.2f}", flush=True)
    print(f"\nlargest last/first s/MB: {worst:.2f} (target ≤ 2) {'PASS' if worst <= 2 else 'FAIL'}")
    return 0 if worst <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
