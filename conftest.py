"""The names the examples in gecolumn's docstrings use: a small column on disk, read as every command reads it.

A module's first docstring shows its entry point at work (``load_posts("posts", config)``,
``coverage(corpus.posts, config, today=…)``). Those examples run with the suite
(``--doctest-modules``) in the folder of the example column below, with ``corpus``,
``config``, ``today`` and the rest in their namespace (pytest's ``doctest_namespace``). The
tests' own fixtures are in ``tests/conftest.py``.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import io
import json
import threading
from pathlib import Path

import pytest
from _pytest.doctest import DoctestItem
from PIL import Image

EXAMPLE_COLUMN = {
    "start": "2024-Q1",
    "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}, "mn-hoa-sen": {"name": "Trường MN Hoa Sen"}},
}
"""Two units, judged as a whole: a quarter is covered when either unit posted."""

EXAMPLE_POSTS = {
    "2024/ngay-8-3.md": ("Ngày Quốc tế Phụ nữ", "08/03/2024", "2024-Q1", "thcs-bao-khe"),
    "2024/gia-dinh.md": ("Ngày Gia đình Việt Nam", "28/06/2024", "2024-Q2", "mn-hoa-sen"),
    "2024/binh-dang-gioi.md": ("Bình đẳng giới", "15/11/2024", "2024-Q4", "thcs-bao-khe"),
}
"""Quarter III/2024 has no post: on 22/11/2024 it is the one missing."""

EXAMPLE_ROSTER = """unit,name,url,since
thcs-bao-khe,Trường THCS Bảo Khê,https://thcs-baokhe.edu.vn/binh-dang-gioi/,2024-Q1
mn-hoa-sen,Trường MN Hoa Sen,https://mn-hoasen.edu.vn/tin-tuc/feed/,2024-Q1
"""

WORDPRESS_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tin tức</title><link>https://x.edu.vn/</link><description>Tin</description>
<item><title>Ngày 8/3</title><link>https://x.edu.vn/8-3/</link><pubDate>Fri, 08 Mar 2024 07:30:00 +0700</pubDate></item>
<item><title>Đầu năm</title><link>https://x.edu.vn/dau-nam/</link><pubDate>Mon, 15 Jan 2024 08:00:00 +0700</pubDate></item>
</channel></rss>
""".encode()
"""A school's WordPress feed: two posts in Quarter I/2024, nothing older (so nothing before is proven)."""


def _write_example_column(root: Path) -> None:
    posts = root / "posts"
    for path, (title, date, quarter, unit) in EXAMPLE_POSTS.items():
        (posts / path).parent.mkdir(parents=True, exist_ok=True)
        front = f"---\ntitle: {title}\ndate: {date}\nquarter: {quarter}\nunit: {unit}\n---\n\nNội dung bài {title}.\n"
        (posts / path).write_text(front, encoding="utf-8")
    photo = io.BytesIO()
    Image.new("RGB", (2400, 1600), (120, 60, 30)).save(photo, "JPEG")  # 3:2, wider than the largest copy
    (posts / "2024" / "anh.jpg").write_bytes(photo.getvalue())
    (root / "truong.csv").write_text(EXAMPLE_ROSTER, encoding="utf-8")


@pytest.fixture(scope="session")
def example_namespace(tmp_path_factory) -> tuple[Path, dict]:
    """The example column's folder, and what its examples name: the column as read on 22/11/2024."""
    from gecolumn.config import read_column_config
    from gecolumn.coverage import coverage
    from gecolumn.coverage_data import coverage_document
    from gecolumn.dates import parse_post_date
    from gecolumn.feeds import items_for
    from gecolumn.posts import load_posts
    from gecolumn.site import plan_site

    root = tmp_path_factory.mktemp("example-column")
    _write_example_column(root)
    config, problems = read_column_config({"column": EXAMPLE_COLUMN})
    assert config is not None and not problems, problems
    today = datetime.date(2024, 11, 22)
    corpus = load_posts(root / "posts", config, today=today)
    plan = plan_site(corpus, config, today, site_name="Chuyên mục")
    urls = {view.src_uri: view.page_uri.removesuffix(".md") + "/" for view in plan.posts}
    bodies = {view.src_uri: f"<p>{view.excerpt}</p>" for view in plan.posts}
    judged = coverage(corpus.posts, config, today)
    document = coverage_document(plan.posts, judged, config, today, urls, "https://x.edu.vn/", "Chuyên mục")
    (root / "theo-doi.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    namespace = {
        "config": config,
        "today": today,
        "corpus": corpus,
        "plan": plan,
        "judged": judged,
        "items": items_for(plan.posts, urls, bodies, "https://x.edu.vn/"),
        "parse_post_date": parse_post_date,
        "WORDPRESS_RSS": WORDPRESS_RSS,
        "column_url": f"http://127.0.0.1:{server.server_address[1]}/",
    }
    yield root, namespace
    server.shutdown()
    server.server_close()


IN_THE_COLUMN_FOLDER = {
    "gecolumn.posts",
    "gecolumn.images",
    "gecolumn.cards",
    "gecolumn.sources",
    "gecolumn.district.roster",
    "gecolumn.search_index",
}
"""Doctests whose examples name files relative to a column (``posts``, ``truong.csv``, ``site/``): they
run in the example column's folder; the others in the repository's (``tests/fixtures/…``)."""


@pytest.fixture(autouse=True)
def _examples_see_the_example_column(request):
    """For a doctest only: its namespace holds the example column, and it runs in that column's folder if it names files."""
    if not isinstance(request.node, DoctestItem):
        return
    root, namespace = request.getfixturevalue("example_namespace")
    request.getfixturevalue("doctest_namespace").update(namespace)
    if request.node.dtest.name in IN_THE_COLUMN_FOLDER:
        request.getfixturevalue("monkeypatch").chdir(root)
