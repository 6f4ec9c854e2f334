"""Benchmark: Material's search against a chunked static index (Pagefind), on a throttled phone.

    python scripts/dev.py run scripts/bench_search.py [--posts 1000 10000] [--query "bao luc hoc duong"]

For each size, a column of generated posts is built as the project builds it (bench_site's
column, bodies made of sentences from the demo column so the vocabulary is real Vietnamese),
served on 127.0.0.1 with gzip as a host serves it, and opened in Debian's Chromium as a
390 px phone with 4x CPU throttling and a slow-4G network (562.5 ms latency, 1.44 Mbit/s
down, 675 kbit/s up: DevTools' preset) through a CDP session, cache empty:

- Material: the site as built; its search downloads search/search_index.json (and its
  worker, lunr) when the page loads and builds the index on the phone;
- Pagefind: the same site indexed by the build's Pagefind (pip pagefind-bin, pinned in requirements.lock), posts
  only (``data-pagefind-body`` on the post's article), date and unit as Pagefind metadata,
  the folded words (đ → d) beside the text as the hook gives Material; Material's index is
  not loaded, and a 40-line script in Material's search box loads pagefind.js when the box is
  focused, then renders the first 5 results with title, date, unit and snippet.

The reader opens the home page, taps search as soon as the page has loaded and enters the
query (folded: no diacritics). Measured: bytes transferred (encoded, as on the wire) by the
search machinery and in all until the first result shows; time from the query to the first
result; index size on disk. Numbers are one run each (the throttling dominates the noise).
Material's figures are also given with listing pages dropped from its index, as
``search: exclude`` in their page meta would do. BENCH_SEARCH_DEBUG=1 lists every response.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_site import TODAY_EPOCH, column_site  # noqa: E402

from gecolumn.search_index import SearchIndex  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGEFIND = SearchIndex.binary()
"""The build's own Pagefind (pip pagefind-bin, pinned in requirements.lock): one Pagefind, one version."""
CHROMIUM = os.environ.get("GECOLUMN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 1.6e6 * 0.9 / 8, "uploadThroughput": 750e3 * 0.9 / 8}
"""DevTools' "Slow 4G" (Lighthouse's mobile profile): bytes per second, milliseconds."""
CPU_SLOWDOWN = 4
TEXT_TYPES = (".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".pagefind_worker")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

PAGEFIND_UI = """
(() => {
  // Bench only: Pagefind's JS API in Material's search box, results in Material's list.
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const meta = document.querySelector(".md-search-result__meta");
  let loading;
  const load = () => loading ??= import(new URL("pagefind/pagefind.js", document.baseURI).href)
    .then(async pf => { await pf.options({excerptLength: 24}); pf.init(); return pf; });
  input.addEventListener("focus", load);
  input.addEventListener("input", async () => {
    const pf = await load();
    const query = input.value.normalize("NFC");
    const search = await pf.debouncedSearch(query, {}, 100);
    if (search === null || input.value.normalize("NFC") !== query) return;
    const top = await Promise.all(search.results.slice(0, 5).map(result => result.data()));
    meta.textContent = search.results.length + " kết quả";
    list.replaceChildren(...top.map(data => {
      const item = document.createElement("li");
      item.className = "md-search-result__item pf-result";
      const link = item.appendChild(document.createElement("a"));
      link.href = data.url;
      link.className = "md-search-result__link";
      const article = link.appendChild(document.createElement("article"));
      article.className = "md-search-result__article md-typeset";
      article.appendChild(document.createElement("h1")).textContent = data.meta.title;
      const about = article.appendChild(document.createElement("p"));
      about.textContent = [data.meta.date, data.meta.unit].filter(Boolean).join(" · ");
      article.appendChild(document.createElement("p")).innerHTML = data.excerpt;  // Pagefind escapes it
      return item;
    }));
  });
})();
"""


def realistic_corpus(root: Path, posts: int) -> Path:
    """bench_site's column of ``posts`` posts, each body rewritten from the demo's own sentences."""
    column_site(root, posts)
    sentences = []
    for source in sorted((ROOT / "posts").rglob("*.md")):
        body = source.read_text(encoding="utf-8").split("\n---", 2)[-1]
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", re.sub(r"[#*>|\[\]()-]", " ", body)) if len(s) > 40]
    for n, path in enumerate(sorted((root / "posts").rglob("*.md"))):
        rng = random.Random(n)
        head, _, _ = path.read_text(encoding="utf-8").partition("\n---\n")
        paragraphs = [" ".join(rng.sample(sentences, 4)) for _ in range(4 + n % 4)]
        body = "\n\n".join([paragraphs[0], "## Nội dung chính", *paragraphs[1:], "## Kết quả", *rng.sample(sentences, 2)])
        path.write_text(f"{head}\n---\n\n{body}\n", encoding="utf-8")
    return root


def build(site: Path) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml")], check=True, env=env)
    return site / "site"


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static host that compresses text, as GitHub Pages and most school portals do.

    It notes the body bytes of every response (``sent``): the browser's own counters miss
    what Material's and Pagefind's web workers fetch.
    """

    sent: list[tuple[float, str, int]] = []

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in TEXT_TYPES and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file():
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.sent.append((time.monotonic(), self.path, len(body)))
            return io.BytesIO(body)
        head = super().send_head()
        if head is not None and hasattr(head, "fileno"):
            self.sent.append((time.monotonic(), self.path, os.fstat(head.fileno()).st_size))
        return head

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # a browser that stopped a download it no longer needs
            pass

    def log_message(self, *args):
        pass


def serve(site_dir: Path, port: int = 0):
    handler = functools.partial(_GzipHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(browser, url: str, query: str, result: str, search_urls: tuple[str, ...], timeout: float) -> dict:
    """Open ``url`` as a throttled phone, search ``query``, wait for ``result``: times and bytes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="vi-VN")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    _GzipHandler.sent.clear()
    start = time.monotonic()
    page.goto(url, wait_until="load", timeout=timeout * 1000)
    loaded = time.monotonic()
    page.locator("label.md-header__button[for=__search]").tap()
    box = page.locator("input.md-search__input")
    box.focus()
    asked = time.monotonic()
    box.fill(query)
    found = None
    try:
        page.locator(result).first.wait_for(timeout=timeout * 1000)
        found = time.monotonic()
        snippet = page.locator(result).first.inner_text()
    except Exception:  # noqa: BLE001 (a timeout is a figure: "more than")
        snippet = ""
    until = found or time.monotonic()
    if os.environ.get("BENCH_SEARCH_DEBUG"):
        print(*(f"  {size:>9} {path}" for at, path, size in _GzipHandler.sent if at <= until), sep="\n", file=sys.stderr)
    sent = [(path, size) for at, path, size in _GzipHandler.sent if at <= until]
    searching = [size for path, size in sent if any(part in path for part in search_urls)]
    figures = {
        "load_s": loaded - start,
        "query_to_result_s": (found - asked) if found else None,
        "open_to_result_s": (found - start) if found else None,
        "search_bytes": sum(searching),
        "search_requests": len(searching),
        "total_bytes": sum(size for _, size in sent),
        "snippet": " ".join(snippet.split())[:160],
    }
    context.close()
    return figures


def material_index(site_dir: Path) -> dict:
    index_path = site_dir / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    posts_only = {**index, "docs": [doc for doc in index["docs"] if doc["location"].startswith("bai-viet/")]}
    encoded = json.dumps(posts_only, ensure_ascii=False, separators=(",", ":")).encode()
    raw = index_path.read_bytes()
    return {
        "entries": len(index["docs"]),
        "pages": len({doc["location"].split("#")[0] for doc in index["docs"]}),
        "post_entries": len(posts_only["docs"]),
        "bytes": len(raw),
        "gzip": len(gzip.compress(raw, 6)),
        "posts_only_bytes": len(encoded),
        "posts_only_gzip": len(gzip.compress(encoded, 6)),
    }


def prepare_pagefind(site_dir: Path) -> dict:
    """Mark posts for Pagefind as a post template would, index them, put the bench UI on the home page."""
    from bs4 import BeautifulSoup

    from gecolumn.slugs import folded_words

    for page in (site_dir / "bai-viet").glob("*/index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.find("article")
        article["data-pagefind-body"] = ""
        meta = article.find("dl", class_="column-meta")
        if meta is not None:
            for term in meta.find_all("dt"):
                key = {"Ngày đăng": "date", "Đơn vị": "unit"}.get(term.get_text(strip=True))
                if key:
                    term.find_next_sibling("dd")["data-pagefind-meta"] = key
            meta["data-pagefind-ignore"] = ""
        folded = soup.new_tag("div", hidden="")
        folded["data-pagefind-weight"] = "0.5"
        folded.string = folded_words(article.get_text(" "))
        article.append(folded)
        page.write_text(str(soup), encoding="utf-8")
    home = site_dir / "index.html"
    html = home.read_text(encoding="utf-8")
    # Without a form named "search", Material's bundle never requests its index.
    html = html.replace('name="search"', 'name="pagefind-search"', 1)
    html = html.replace("</body>", f"<script>{PAGEFIND_UI}</script></body>", 1)
    home.write_text(html, encoding="utf-8")
    started = time.monotonic()
    subprocess.run([str(PAGEFIND), "--site", str(site_dir), "--quiet"], check=True)
    files = [path for path in (site_dir / "pagefind").rglob("*") if path.is_file()]
    return {
        "seconds": time.monotonic() - started,
        "files": len(files),
        "bytes": sum(path.stat().st_size for path in files),
        "index_bytes": sum(p.stat().st_size for p in files if p.parent.name in ("index", "fragment") or p.suffix == ".pf_meta"),
    }


def mb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1e6:.2f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


def seconds(n: float | None, timeout: float) -> str:
    return f"> {timeout:.0f} s" if n is None else f"{n:.1f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--query", default="bao luc hoc duong")
    parser.add_argument("--timeout", type=float, default=420, help="seconds to wait for a first result")
    args = parser.parse_args()
    if PAGEFIND is None:
        raise SystemExit("pagefind not found: run `python3 scripts/dev.py run scripts/bench_search.py` (installs pagefind-bin)")
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for posts in args.posts:
            print(f"==> {posts} posts: building", file=sys.stderr, flush=True)
            site_dir = build(realistic_corpus(Path(tmp) / f"column-{posts}", posts))
            index = material_index(site_dir)
            server, url = serve(site_dir)
            print(f"==> {posts} posts: Material's search", file=sys.stderr, flush=True)
            material = measure(
                browser, url, args.query, ".md-search-result__item", ("search/", "workers/search", "lunr/"), args.timeout
            )
            print(f"==> {posts} posts: Pagefind", file=sys.stderr, flush=True)
            pagefind = prepare_pagefind(site_dir)
            found = measure(browser, url, args.query, ".pf-result", ("pagefind/",), args.timeout)
            server.shutdown()
            rows.append((posts, index, material, pagefind, found))
            shutil.rmtree(site_dir.parent)
        browser.close()

    print(f"Search on a phone: 390 px, {CPU_SLOWDOWN}x CPU slowdown, slow 4G; query {args.query!r}, typed after load\n")
    print(f"{'':<44}{'Material (lunr)':>18}{'Pagefind':>18}")
    for posts, index, material, pagefind, found in rows:
        print(f"--- {posts} posts " + "-" * 60)
        lines = [
            ("index on disk", mb(index["bytes"]), mb(pagefind["bytes"])),
            ("  of which index + fragments", mb(index["bytes"]), mb(pagefind["index_bytes"])),
            ("  files", "1", str(pagefind["files"])),
            ("  Material, listing pages excluded", mb(index["posts_only_bytes"]), ""),
            ("search bytes sent (gzip) until the result", mb(material["search_bytes"]), mb(found["search_bytes"])),
            ("  requests", str(material["search_requests"]), str(found["search_requests"])),
            ("all bytes until the first result", mb(material["total_bytes"]), mb(found["total_bytes"])),
            ("page load (event)", seconds(material["load_s"], 0), seconds(found["load_s"], 0)),
            (
                "query → first result",
                seconds(material["query_to_result_s"], args.timeout),
                seconds(found["query_to_result_s"], args.timeout),
            ),
            (
                "open → first result",
                seconds(material["open_to_result_s"], args.timeout),
                seconds(found["open_to_result_s"], args.timeout),
            ),
        ]
        for name, left, right in lines:
            print(f"{name:<44}{left:>18}{right:>18}")
        print(
            f"  Material's index: {index['entries']} entries for {index['pages']} pages, {index['post_entries']} of them posts' "
            f"(gzip {mb(index['gzip'])}; posts only {mb(index['posts_only_gzip'])}); Pagefind indexed in {pagefind['seconds']:.1f} s"
        )
        print(f"  first Material result: {material['snippet'] or '-'}")
        print(f"  first Pagefind result: {found['snippet'] or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
