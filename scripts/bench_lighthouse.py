"""Lighthouse (mobile) on the column's home page and a post with a photo, beside a plain Material site.

    python scripts/dev.py run scripts/bench_lighthouse.py [--runs 1]

The demo column (posts/) is built as `dev.py site` builds it, and the same posts as bare pages
of an ordinary Material site (bench_site.plain_site, photos copied beside them). Both are
served on 127.0.0.1 by bench_search's static host (gzip, as a real host), and Lighthouse
(npm, pinned in package-lock.json; the mobile profile: Moto G Power screen, 4x CPU slowdown,
slow 4G simulated) runs in Debian's Chromium (CHROME_PATH). Printed: the four category
scores, the page weight by resource type, and every audit that cost points, with its
figure. Targets (issue 12): Performance ≥ 95, Accessibility, Best Practices and SEO 100.
With --runs N the median of each score is printed (Performance varies a point or two).

With --posts N (issue 21: 1,000) the column is instead a realistic district column: N generated
posts (bench_check.generate: 3–6 KB bodies) from 14 units, a phone photo (bench_photos) on every
third post, the demo's configuration and pages with a site_url under a sub-folder (so share
cards, feeds and canonical addresses exist). Beside it the same posts, photos included, go
through Material's blog plugin (bench_site.plain_site with blog=True). Both are served with
gzip under the sub-folder /binh-dang-gioi/ on 127.0.0.1; measured: home, the post with a photo
and the coverage page (blog: its index, the same post and its archive). Targets (issue 21):
Performance ≥ 98, Accessibility, Best Practices and SEO 100.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import frontmatter
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import generate  # noqa: E402
from bench_photos import add_photos  # noqa: E402
from bench_search import CHROMIUM, serve  # noqa: E402
from bench_site import TODAY_EPOCH, plain_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SUB_FOLDER = "binh-dang-gioi"
REALISTIC_UNITS = 14
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# As the browser tests: flags that keep Chromium off the network it does not have here.
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
RESOURCE_TYPES = ("document", "script", "stylesheet", "image", "font", "other")


def photo_post() -> tuple[Path, str]:
    """The first demo post that shows a photo of its own, and its title."""
    for source in sorted((ROOT / "posts").rglob("*.md")):
        post = frontmatter.load(source)
        if any(f"]({path.name}" in post.content for path in source.parent.iterdir() if path.suffix in (".png", ".jpg", ".jpeg")):
            return source, str(post["title"])
    raise SystemExit("no demo post shows a photo")


def build_column(target: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(target)], check=True, env=env
    )
    return target


def build_plain(root: Path) -> Path:
    site = plain_site(ROOT, root, blog=False)
    for asset in (ROOT / "posts").rglob("*"):
        if asset.is_file() and asset.suffix != ".md":
            shutil.copy(asset, site / "docs" / "posts" / asset.name)  # posts are flattened: so are their photos
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml")], check=True, env=env)
    return site / "site"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def realistic_column(root: Path, posts: int, site_url: str) -> Path:
    """The demo's configuration and pages over ``posts`` generated posts of 14 units, a photo on every third."""
    generate(root, posts, units=REALISTIC_UNITS)
    shutil.rmtree(root / "docs")
    shutil.copytree(ROOT / "docs", root / "docs")
    photographed = sorted((root / "posts").rglob("*.md"))[::3]
    add_photos(root, len(photographed), posts=photographed)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^site_url: .*$", f"site_url: {site_url}", config, flags=re.MULTILINE)
    config = config.replace("hooks/column.py", str(ROOT / "hooks" / "column.py"))
    config = re.sub(r"    start: .*\n", "    start: 2020-Q1\n", config)
    config = re.sub(r"    per_unit: .*\n", "    per_unit: true\n", config)
    config = re.sub(r"    as_of: .*\n", "    as_of: 2025-06-01\n", config)
    units = "".join(f"      truong-{n}:\n        name: Trường THCS số {n}\n" for n in range(1, REALISTIC_UNITS + 1))
    head, _, rest = config.partition("    units:\n")
    tail = re.sub(r"^(      .*|\s*#.*)?\n", "", rest, flags=re.MULTILINE)  # the demo's units, dropped
    (root / "mkdocs.yml").write_text(head + "    units:\n" + units + tail, encoding="utf-8")
    return root


def build_realistic(root: Path, posts: int, site_url: str) -> Path:
    """The realistic column and the same posts under Material's blog, each in ``www-*/<sub-folder>/``."""
    column = realistic_column(root / "column", posts, site_url)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": TODAY_EPOCH}
    target = root / "www-column" / SUB_FOLDER
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(column / "mkdocs.yml"), "-d", str(target)], check=True, env=env
    )
    blog = plain_site(column, root / "blog", blog=True)
    for photo in (column / "posts").rglob("*.jpg"):
        shutil.copy(photo, blog / "docs" / "blog" / "posts" / photo.name)  # posts are flattened: so are their photos
    config = (blog / "mkdocs.yml").read_text(encoding="utf-8")
    (blog / "mkdocs.yml").write_text(config.replace("site_name: Benchmark\n", f"site_name: Benchmark\nsite_url: {site_url}\n"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(blog / "mkdocs.yml"),
            "-d",
            str(root / "www-blog" / SUB_FOLDER),
        ],
        check=True,
        env=env,
    )
    return root


def post_path(site: Path, pattern: str, title: str) -> str:
    """The address (relative to ``site``) of the page matching ``pattern`` whose heading is ``title``."""
    for page in sorted(site.glob(pattern)):
        heading = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("h1")
        if heading and heading.get_text(strip=True) == title:
            return page.parent.relative_to(site).as_posix() + "/"
    raise SystemExit(f"{site} has no post titled {title!r}")


def blog_post_path(site: Path, title: str) -> str:
    return post_path(site, "blog/20*/**/index.html", title)


def column_post_path(site: Path, title: str) -> str:
    return post_path(site, "bai-viet/*/index.html", title)


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}"]
    command.append("--only-categories=" + ",".join(CATEGORIES))
    subprocess.run(command, check=True, env=env)
    return json.loads(out.read_text(encoding="utf-8"))


def summary(reports: list[dict]) -> dict:
    """Median scores of several runs, the weights and the lost points of the median run."""
    scores = {c: statistics.median(round(100 * r["categories"][c]["score"]) for r in reports) for c in CATEGORIES}
    report = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])[len(reports) // 2]
    weights = {item["resourceType"]: item["transferSize"] for item in report["audits"]["resource-summary"]["details"]["items"]}
    lost = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                lost.append(
                    f"{category}: {audit['id']} {audit.get('displayValue', '')} (score {audit['score']:.2f})".replace("  ", " ")
                )
    return {"scores": scores, "weights": weights, "total": report["audits"]["total-byte-weight"]["numericValue"], "lost": lost}


def kb(n: float) -> str:
    return f"{n / 1000:.1f} kB"


def realistic(posts: int, runs: int) -> dict:
    """Issue 21: the 1,000-post column and Material's blog on the same posts, under a sub-folder."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{SUB_FOLDER}/"
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp:
        tmp = Path(tmp)
        print(f"==> building {posts} posts, column and blog", file=sys.stderr, flush=True)
        build_realistic(tmp, posts, url)
        column, blog = tmp / "www-column" / SUB_FOLDER, tmp / "www-blog" / SUB_FOLDER
        title = str(frontmatter.load(sorted((tmp / "column" / "posts").rglob("*.md"))[0])["title"])  # photographed
        archive = sorted(p.parent.relative_to(blog).as_posix() + "/" for p in blog.glob("blog/archive/*/index.html"))[-1]
        pages = {
            "column home": (column, ""),
            "blog home": (blog, "blog/"),
            "column post": (column, column_post_path(column, title)),
            "blog post": (blog, blog_post_path(blog, title)),
            "column coverage": (column, "theo-doi/"),
            "blog archive": (blog, archive),
        }
        for name, (site, path) in pages.items():
            print(f"==> {name}: {url}{path}  (load {os.getloadavg()[0]:.2f})", file=sys.stderr, flush=True)
            server, _ = serve(site.parent, port=port)
            results[name] = summary([lighthouse(url + path, tmp / f"{name}-{run}.json") for run in range(runs)])
            server.shutdown()
            server.server_close()
            print(f"    {results[name]['scores']}", file=sys.stderr, flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--posts", type=int, default=0, help="a realistic column of this many posts (issue 21: 1000)")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        raise SystemExit("lighthouse not found in node_modules: run `python3 scripts/dev.py run scripts/bench_lighthouse.py`")
    if args.posts:
        TARGETS["performance"] = 98
        results = realistic(args.posts, args.runs)
        return report(results, args.runs, f"{args.posts} posts, 14 units, a photo on every third, under /{SUB_FOLDER}/")
    source, title = photo_post()
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp:
        tmp = Path(tmp)
        column = build_column(tmp / "column")
        plain = build_plain(tmp / "plain")
        pages = {
            "column home": (column, ""),
            "plain home": (plain, ""),
            "column post": (column, column_post_path(column, title)),
            "plain post": (plain, f"posts/{source.stem}/"),
        }
        for name, (site, path) in pages.items():
            server, url = serve(site)
            print(f"==> {name}: {url}{path}", file=sys.stderr, flush=True)
            results[name] = summary([lighthouse(url + path, tmp / f"{name}-{run}.json") for run in range(args.runs)])
            server.shutdown()
    return report(results, args.runs, f"post with a photo: {source.relative_to(ROOT).as_posix()}")


def report(results: dict, runs: int, what: str) -> int:
    """Print the scores side by side; 1 if a column page misses a target."""
    names = list(results)
    print(f"Lighthouse {_version()} mobile, median of {runs} run(s); {what}\n")
    print(f"{'':<22}" + "".join(f"{name:>17}" for name in names) + f"{'target':>10}")
    for category in CATEGORIES:
        print(
            f"{category:<22}"
            + "".join(f"{results[n]['scores'][category]:>17}" for n in names)
            + f"{'≥ ' + str(TARGETS[category]):>10}"
        )
    print(f"{'page weight':<22}" + "".join(f"{kb(results[n]['total']):>17}" for n in names))
    for kind in RESOURCE_TYPES:
        print(f"{'  ' + kind:<22}" + "".join(f"{kb(results[n]['weights'].get(kind, 0)):>17}" for n in names))
    print("\nAudits that cost points:")
    for name in names:
        for line in results[name]["lost"] or ["none"]:
            print(f"  {name}: {line}")
    below = [(n, c) for n in names if n.startswith("column") for c in CATEGORIES if results[n]["scores"][c] < TARGETS[c]]
    return 1 if below else 0


def _version() -> str:
    return json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    sys.exit(main())
