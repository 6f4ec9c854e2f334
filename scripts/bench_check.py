"""Benchmark: the CI check on N synthetic posts, as a whole process, beside its floor.

    python scripts/bench_check.py [--posts 10000] [--runs 5]

Posts have realistic bodies (a heading, several paragraphs, a list: 3–6 KB). The floor is a
process that reads the same files and parses only their front-matter (libyaml), with no
validation, coverage or report: what no check can go below. Targets: 10,000 posts in under
1.5 s wall (issue 2), at most 1.3x the floor and 80 MiB peak memory (issue 9), on the
2-core reference machine. Peak memory is the largest resident set of the process and the
workers it forks.
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
TARGET_RATIO = 1.3
TARGET_MIB = 80

# Runs a command and prints its exit status and the peak resident memory of it and its children.
MEASURE = r"""
import resource, subprocess, sys
result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(result.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
PARAGRAPH = (
    "Bình đẳng giới là việc nam, nữ có vị trí, vai trò ngang nhau, được tạo điều kiện và cơ hội phát huy "
    "năng lực của mình cho sự phát triển của cộng đồng, của gia đình và thụ hưởng như nhau về thành quả của "
    "sự phát triển đó. Nhà trường tổ chức tuyên truyền đến toàn thể cán bộ, giáo viên, nhân viên và học sinh."
)

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


def generate(root: Path, posts: int, units: int = 5) -> Path:
    """A column of ``posts`` posts spread over ``units`` units and 2020-Q1 onwards."""
    unit_ids = {f"truong-{n}": {"name": f"Trường THCS số {n}"} for n in range(1, units + 1)}
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
    lines += [f"      {uid}: {{name: {unit['name']}}}" for uid, unit in unit_ids.items()]
    (root / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = datetime.date(2020, 1, 1)
    for n in range(posts):
        day = first + datetime.timedelta(days=(n * 7) % 2000)
        quarter = f"{day.year}-Q{(day.month - 1) // 3 + 1}"
        folder = root / "posts" / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = [f"{PARAGRAPH} (đoạn {k + 1})" for k in range(4 + n % 5)]
        items = "\n".join(f"- Hoạt động {k + 1}: tọa đàm, sân khấu hóa, thi vẽ tranh về bình đẳng giới." for k in range(5))
        body = "\n\n".join([paragraphs[0], "## Nội dung chính", *paragraphs[1:], items, "## Kết quả", PARAGRAPH])
        (folder / f"bai-{n}.md").write_text(
            f"---\ntitle: {TOPICS[n % 4]} số {n}\ndate: {day:%d/%m/%Y} 07:30\nquarter: {quarter}\n"
            f"unit: truong-{n % units + 1}\ntags: [Bình đẳng giới, Gia đình]\nsummary: Bài số {n}.\n---\n\n{body}\n",
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


def peak_mib(command: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True).stdout.split()
    return int(out[1]) / 1024


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
        floor_command = [sys.executable, "-c", FLOOR, str(root / "posts")]
        floor_median, floor_best, floor = timed(floor_command, args.runs)
        assert floor.stdout.strip() == str(args.posts), floor.stderr
        check_mib, floor_mib = peak_mib(check), peak_mib(floor_command)
        size = sum(path.stat().st_size for path in (root / "posts").rglob("*.md")) / args.posts
    ratio = check_median / floor_median
    verdicts = {
        "time": check_median < TARGET_SECONDS,
        "ratio": ratio <= TARGET_RATIO,
        "memory": check_mib <= TARGET_MIB,
    }
    print(f"posts: {args.posts} of {size / 1000:.1f} KB on average, runs: {args.runs} (median / best wall seconds; peak MiB)")
    print(f"{'what':<44}{'median':>8}{'best':>8}{'peak':>8}")
    print(f"{'check_quarters.py --format json':<44}{check_median:>8.3f}{check_best:>8.3f}{check_mib:>8.1f}")
    print(f"{'floor: read files + parse front-matter only':<44}{floor_median:>8.3f}{floor_best:>8.3f}{floor_mib:>8.1f}")
    print(f"{'targets':<44}{TARGET_SECONDS:>8.3f}{'':>8}{TARGET_MIB:>8}")
    print(f"check / floor: {ratio:.2f}x (target <= {TARGET_RATIO}x)")
    print("verdict: " + ", ".join(f"{name} {'PASS' if ok else 'FAIL'}" for name, ok in verdicts.items()))
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
