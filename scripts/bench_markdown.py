"""Benchmark: one hostile post, built by a real `mkdocs build` at growing sizes; time per MB must stay flat.

    python scripts/bench_markdown.py [--sizes 32,128,512,1000] [--cases '<a ,[,x\\n\\n,...']

Each build is a whole `mkdocs build` process of a column with one post whose body repeats one
construct that Python-Markdown handled in time superlinear in the body (issue 18: 32 KB of
``<a `` took 18.6 s, and the 1 MB a post may have would take hours). The post is the worst
one within the limits: paragraphs of the construct at the cap (``MAX_PARAGRAPH_CHARS``),
separated by blank lines, up to the size; the build must publish it. In ``--cases``, ``\\n``
is a line end (``x\\n\\n``: many one-line paragraphs). A construct that starts with ``|`` is a
table row, one that starts with ``- `` a list item: the post is then one table or list, with no
blank line, every row or item at the cap (``table_row_too_long``, ``list_item_too_long``).
CPU seconds, not wall time: on a shared machine the wall time of one build varies by seconds.
Printed per construct: the seconds of each size's build and its seconds per MB, then the
growth: the seconds each added MB cost between the last two sizes, divided by what it cost
between the first two. The fixed start of a build cancels out of both; linear time keeps the
growth near 1, quadratic time makes it 2.4 at the default sizes. Target: ≤ 1.6.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from gecolumn.posts import MAX_PARAGRAPH_CHARS

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = "before issue 18: 32 KB of '<a ' took 18.6 s (581 s/MB), 16 KB of '[' took 38 s"
CASES = (
    *("<a ", "<a", "<div ", "<![CDATA[", "[", "![", "![a](<", "[x](y) ", "<a>", "<b>x</b> ", "`a ", "_a_ ", "x\n\n", "> "),
    *("|`", "|``", "```\nx\n```\n\n", "``` x\n", "- x\n", "- [", "- x\n    - y\n"),
)
TABLE_HEAD = "| a | b |\n|---|---|\n"
HEADER = "---\ntitle: Bài thử\ndate: 08/03/2024\nquarter: 2024-Q1\n---\n\n"
CONFIG = (
    "site_name: Benchmark\nsite_url: https://truong.example/\ntheme:\n  name: material\n  language: vi\n  font: false\n"
    "plugins:\n  - search:\n      lang: vi\nhooks:\n  - {hook}\nextra:\n  column:\n    start: 2024-Q1\n"
    "    units:\n      truong:\n        name: Trường thử\n"
)


def build_seconds(root: Path, construct: str, kilobytes: int) -> float:
    """CPU seconds (user + system, Pagefind's included) of `mkdocs build` of a column whose one post is ``construct`` repeated to ``kilobytes`` KB."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "posts").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG.format(hook=ROOT / "hooks" / "column.py"), encoding="utf-8")
    size = max(min(kilobytes * 1000, 999_000) - len(HEADER), len(construct))  # the post limit is 1,000,000 bytes
    paragraph = construct * (MAX_PARAGRAPH_CHARS // len(construct))
    if construct.startswith(("|", "- ")):  # one table or list, no blank line: each row or item at the cap
        head, rows = TABLE_HEAD if construct.startswith("|") else "", paragraph.rstrip("\n") + "\n"
        body = head + rows * ((size - len(head)) // len(rows))
    else:
        body = "\n\n".join(
            [paragraph] * (size // (len(paragraph) + 2)) + [construct * (size % (len(paragraph) + 2) // len(construct))]
        )
    (root / "posts" / "bai.md").write_text(HEADER + body.strip("\n") + "\n", encoding="utf-8")
    env = {"SOURCE_DATE_EPOCH": "1711000000", "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")], capture_output=True, text=True, env=env
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if result.returncode != 0:
        raise SystemExit(f"build failed for {construct!r} at {kilobytes} KB:\n{result.stderr[-3000:]}")
    if not (root / "site" / "bai-viet" / "bai-thu" / "index.html").is_file():
        raise SystemExit(f"the post of {construct!r} at {kilobytes} KB was not published:\n{result.stderr[-3000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="128,512,1000", help="post sizes in KB (1000 = the limit)")
    parser.add_argument(
        "--cases",
        default=",".join(case.replace("\n", "\\n") for case in CASES),
        help="constructs to repeat, comma-separated; \\n is a line end",
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"reference: {REFERENCE}")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-markdown-") as tmp:
        print(f"{'construct':<12}" + "".join(f"{f'{s} KB s':>11}{'s/MB':>8}" for s in sizes) + f"{'growth':>9}")
        for n, construct in enumerate(case.replace("\\n", "\n") for case in args.cases.split(",")):
            seconds = [build_seconds(Path(tmp) / f"{n}-{size}", construct, size) for size in sizes]
            per_mb = [s / (size / 1000) for s, size in zip(seconds, sizes, strict=True)]
            last = (seconds[-1] - seconds[-2]) / ((sizes[-1] - sizes[-2]) / 1000)
            first = (seconds[1] - seconds[0]) / ((sizes[1] - sizes[0]) / 1000)
            ratio = last / max(first, 0.01)
            worst = max(worst, ratio)
            cells = "".join(f"{s:>11.2f}{p:>8.2f}" for s, p in zip(seconds, per_mb, strict=True))
            print(f"{construct!r:<12}{cells}{ratio:>9.2f}", flush=True)
    print(f"\nlargest growth: {worst:.2f} (target ≤ 1.6) {'PASS' if worst <= 1.6 else 'FAIL'}")
    return 0 if worst <= 1.6 else 1


if __name__ == "__main__":
    sys.exit(main())
