"""Every address of the column in one place: where each page, file and feed is published.

Pages are named by ``src_uri``, as if they were files in ``docs/`` (``luu-tru/2024.md``);
MkDocs turns that into the URL for ``use_directory_urls`` true or false. Feeds are named by
their path in the built site (``don-vi/<unit>/rss.xml``). Posts and their files keep their
own path under ``posts/`` as ``src_uri`` so MkDocs resolves their links as the author wrote
them; only where they are published moves (:func:`page_dest`). Templates never compose an
address: views carry :class:`gecolumn.views.Link` values built here.

    >>> unit_year("thcs-bao-khe", 2024)
    'don-vi/thcs-bao-khe/2024.md'
    >>> tag_feed("Nam & Nữ")
    'chu-de/nam-nu/rss.xml'
    >>> page_dest(post_page("binh-dang-gioi"), use_directory_urls=True)
    'bai-viet/binh-dang-gioi/index.html'
"""

from __future__ import annotations

import functools
from urllib.parse import quote

from gecolumn.slugs import slug_of

SOURCES = "posts"
POSTS = "bai-viet"
ASSETS = f"{POSTS}/tep"
ARCHIVE = "luu-tru"
UNITS = "don-vi"
TAGS = "chu-de"

HOME = "index.md"
COVERAGE = "theo-doi.md"
GUIDE = "huong-dan.md"
"""The staff guide, where a column has one in ``docs/`` (the demo's): linked from the footer."""
EMBED = "nhung/index.md"
"""The page a school portal shows in an ``<iframe>``: the latest posts, no script."""
COVERAGE_DATA = "theo-doi.json"
"""The coverage as data (:mod:`gecolumn.coverage_data`), beside the coverage page."""
EDITOR = "quan-tri"
"""The web editor's folder (:mod:`gecolumn.editor`): a static folder, in no navigation, sitemap or search index."""
SITE_RSS = "rss.xml"
SITE_ATOM = "atom.xml"
SHARE_CARDS = "anh-chia-se"
"""The generated share cards (:mod:`gecolumn.cards`): one per post without a cover, and the column's own."""
SITE_CARD = f"{SHARE_CARDS}/chuyen-muc.png"
"""The card of every page that is not a post: the column's name and the school."""
CONTENT = "__noi-dung"
"""The id of every column page's content: Material's "Bỏ qua" (skip) link leads there. The
leading underscores keep it apart from the ids Markdown gives headings (``## Nội dung``)."""

SHARE = {
    "facebook": "https://www.facebook.com/sharer/sharer.php?u={url}",
    "zalo": "https://sp.zalo.me/share_inline?url={url}",
}
"""Share pages of the services readers pass posts on with: plain links, no script of theirs on the page."""


def post_source(path: str) -> str:
    """A post's ``src_uri``: its own path (``posts/2024/a.md``)."""
    return f"{SOURCES}/{path}"


def post_page(slug: str) -> str:
    """Where a post is published, as a page name (``bai-viet/<slug>.md``)."""
    return f"{POSTS}/{slug}.md"


def asset_source(path: str) -> str:
    return f"{SOURCES}/{path}"


def asset_dest(path: str) -> str:
    """Where a photo or an attachment next to a post is published."""
    return f"{ASSETS}/{path}"


def share_card(page_uri: str) -> str:
    """Where a post's share card is published (``anh-chia-se/bai-viet/<slug>.png``), from where its page is.

    >>> share_card(post_page("binh-dang-gioi"))
    'anh-chia-se/bai-viet/binh-dang-gioi.png'
    """
    return f"{SHARE_CARDS}/{page_uri.removesuffix('.md')}.png"


def archive() -> str:
    return f"{ARCHIVE}/index.md"


def archive_year(year: int) -> str:
    return f"{ARCHIVE}/{year}.md"


def units() -> str:
    return f"{UNITS}/index.md"


def unit(unit_id: str) -> str:
    return f"{UNITS}/{unit_id}/index.md"


def unit_year(unit_id: str, year: int) -> str:
    return f"{UNITS}/{unit_id}/{year}.md"


def unit_feed(unit_id: str) -> str:
    return f"{UNITS}/{unit_id}/rss.xml"


def tags() -> str:
    return f"{TAGS}/index.md"


@functools.lru_cache(maxsize=4096)
def tag_folder(tag: str) -> str:
    """A tag's folder: its slug (``khac`` for a tag with no letters or digits)."""
    return f"{TAGS}/{slug_of(tag) or 'khac'}"


def tag(name: str) -> str:
    return f"{tag_folder(name)}/index.md"


def tag_year(name: str, year: int) -> str:
    return f"{tag_folder(name)}/{year}.md"


def tag_feed(name: str) -> str:
    return f"{tag_folder(name)}/rss.xml"


def quarter_anchor(quarter) -> str:
    """The id of a quarter's section on a year page (``quy-2024-q1``)."""
    return f"quy-{str(quarter).lower()}"


def page_dest(page_uri: str, use_directory_urls: bool) -> str:
    """The file MkDocs writes for a page it would read from ``docs/<page_uri>``."""
    stem = page_uri.removesuffix(".md")
    if not use_directory_urls or stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def share(service: str, page_url: str) -> str:
    """The address that shares ``page_url`` on ``service`` (a key of :data:`SHARE`).

    >>> share("zalo", "https://thcs-baokhe.edu.vn/binh-dang-gioi/bai-viet/a/")
    'https://sp.zalo.me/share_inline?url=https%3A%2F%2Fthcs-baokhe.edu.vn%2Fbinh-dang-gioi%2Fbai-viet%2Fa%2F'
    """
    return SHARE[service].format(url=quote(page_url, safe=""))
