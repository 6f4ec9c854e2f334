"""Benchmark: the CI check on N synthetic posts, as a whole process, beside its floor.

    python scripts/bench_check.py [--posts 10000] [--runs 5]

The floor is a process that reads the same files and parses only their front-matter
(libyaml), with no validation, coverage or report: what no check can go below. The
target (issue 2) is 10,000 posts in under 1.5 s wall on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.5

FLOOR = r"""
import os, sys, yaml
from frontmatter.default_handlers import YAMLHandler
boundary = YAMLHandler.FM_BOUNDARY
count = 0
for folder, dirs, files in os.walk(sys.argv[1]):
    for name in files:
        with open(os.path.join(folder, name), "rb") as handle:
            text = handle.read().decode("utf-8-sig")
        _, front, _ = boundary.split(text, 2)
        yaml.load(front, Loader=yaml.CSafeLoader)
        count += 1
print(count)
"""

TOPICS = ["Bình đẳng giới trong trường học", "Phòng chống bạo lực học đường", "Ngày Gia đình Việt Nam", "Luật Bình đẳng giới"]


def generate(root: Path, posts: int) -> Path:
    """A column of ``posts`` posts spread over five units and 2020-Q1 onwards."""
    units = {f"truong-{n}": {"name": f"Trường THCS số {n}"} for n in range(1, 6)}
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    lines = [
        "site_name: Benchmark",
        "theme:",
        "  name: material",
        "  language: vi",
        "extra:",
        "  column:",
        "    start: 2020-Q1",
        "    units:",
    ]
    lines += [f"      {uid}: {{name: {unit['name']}}}" for uid, unit in units.items()]
    (root / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = datetime.date(2020, 1, 1)
    for n in range(posts):
        day = first + datetime.timedelta(days=(n * 7) % 2000)
        quarter = f"{day.year}-Q{(day.month - 1) // 3 + 1}"
        folder = root / "posts" / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(
            f"Đoạn {k}: nội dung tuyên truyền về bình đẳng giới, phòng chống bạo lực trên cơ sở giới." for k in range(6)
        )
        (folder / f"bai-{n}.md").write_text(
            f"---\ntitle: {TOPICS[n % 4]} số {n}\ndate: {day:%d/%m/%Y} 07:30\nquarter: {quarter}\n"
            f"unit: truong-{n % 5 + 1}\ntags: [Bình đẳng giới, Gia đình]\nsummary: Bài số {n}.\n---\n\n{body}\n",
            encoding="utf-8",
        )
    return root


def timed(command: list[str], runs: int) -> tuple[float, float, subprocess.CompletedProcess]:
    samples, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        root = generate(Path(tmp), args.posts)
        check = [
            sys.executable,
            str(ROOT / "scripts" / "check_quarters.py"),
            "-f",
            str(root / "mkdocs.yml"),
            "--today",
            "2025-06-01",
            "--format",
            "json",
        ]
        check_median, check_best, result = timed(check, args.runs)
        if result.returncode not in (0, 1):
            print(result.stdout[-2000:], result.stderr[-2000:], file=sys.stderr)
            return 1
        floor_median, floor_best, floor = timed([sys.executable, "-c", FLOOR, str(root / "posts")], args.runs)
        assert floor.stdout.strip() == str(args.posts), floor.stderr
    verdict = "PASS" if check_median < TARGET_SECONDS else "FAIL"
    print(f"posts: {args.posts}, runs: {args.runs} (median / best, wall seconds, whole process)")
    print(f"{'what':<44}{'median':>8}{'best':>8}")
    print(f"{'check_quarters.py --format json':<44}{check_median:>8.3f}{check_best:>8.3f}")
    print(f"{'floor: read files + parse front-matter only':<44}{floor_median:>8.3f}{floor_best:>8.3f}")
    print(f"{'target (issue 2)':<44}{TARGET_SECONDS:>8.3f}")
    print(f"check / floor: {check_median / floor_median:.2f}x; target: {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
