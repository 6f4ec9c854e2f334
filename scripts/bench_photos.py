"""Benchmark: a 1,000-post column with 300 phone photos, first build (no cache) and rebuild.

    python scripts/dev.py run scripts/bench_photos.py [--posts 1000] [--photos 300] [--runs 1]

Photos are 3000×2000 camera JPEGs with texture (2–3 MB, GPS EXIF, orientation 6), each a
distinct file. Printed beside the same column with no photos, the reference: what the
photos cost on a first build, and what the cache saves on a rebuild (issue 10: a rebuild
with unchanged photos re-encodes nothing).
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_site import TODAY_EPOCH, column_site  # noqa: E402


def camera_photos(count: int, distinct: int = 20) -> list[bytes]:
    """``count`` distinct JPEG files; ``distinct`` images, told apart by trailing bytes (ignored by decoders)."""
    bases = []
    for n in range(distinct):
        image = Image.effect_noise((3000, 2000), 40 + n).convert("RGB")
        image.paste((30 + 10 * n, 90, 160), (0, 0, 1500, 400))
        exif = Image.Exif()
        exif[0x0112] = 6
        exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 10.0)})
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=92, exif=exif)
        bases.append(buffer.getvalue())
    return [bases[n % distinct] + f"copy {n}".encode() for n in range(count)]


def add_photos(root: Path, count: int, posts: list[Path] | None = None) -> None:
    posts = posts or sorted((root / "posts").rglob("*.md"))
    for n, (photo, post) in enumerate(zip(camera_photos(count), posts, strict=False)):
        (post.parent / f"anh-{n}.jpg").write_bytes(photo)
        text = post.read_text(encoding="utf-8")
        post.write_text(text + f"\n![Ảnh hoạt động số {n}](anh-{n}.jpg)\n", encoding="utf-8")


def build(site: Path) -> float:
    shutil.rmtree(site / "site", ignore_errors=True)
    env = {"SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml")], capture_output=True, env=env
    )
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(result.stderr.decode()[-3000:])
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--photos", type=int, default=300)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as tmp:
        plain = column_site(Path(tmp) / "plain", args.posts)
        reference = statistics.median(build(plain) for _ in range(args.runs))
        column = column_site(Path(tmp) / "photos", args.posts)
        add_photos(column, args.photos)
        originals = sum(p.stat().st_size for p in (column / "posts").rglob("*.jpg"))
        cache = column / ".cache"
        firsts, rebuilds = [], []
        for _ in range(args.runs):
            shutil.rmtree(cache, ignore_errors=True)
            firsts.append(build(column))
            rebuilds.append(build(column))
        published = sum(p.stat().st_size for p in (column / "site" / "bai-viet" / "tep").rglob("*.jpg"))
        copies = len(list((column / "site" / "bai-viet" / "tep").rglob("*.jpg")))
    first, rebuild = statistics.median(firsts), statistics.median(rebuilds)
    print(f"{args.posts} posts, {args.photos} photos of 3000×2000 ({originals / args.photos / 1e6:.1f} MB each on average)")
    print(f"{'build':<52}{'seconds':>9}")
    print(f"{'reference: the same posts without photos':<52}{reference:>9.2f}")
    print(f"{'first build (every photo processed, no cache)':<52}{first:>9.2f}")
    print(f"{'rebuild (photos unchanged, from the cache)':<52}{rebuild:>9.2f}")
    print(f"photos: {originals / 1e6:.0f} MB in posts/ → {published / 1e6:.0f} MB published in {copies} copies")
    print(
        f"rebuild − reference: {rebuild - reference:+.2f} s (the cache makes a rebuild cost what a column without photos costs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
