"""What the column site is made of: post pages, section pages and assets, planned from posts.

The plan knows nothing of MkDocs: it names pages by their ``src_uri`` (as if they were
files in ``docs/``), the template that renders each and the view it gets. The build hook
turns the plan into MkDocs files. Nothing here grows the navigation with the number of
posts: long lists are split by year.

    >>> plan = plan_site(corpus, config, today)   # doctest: +SKIP
    >>> plan.posts[0].src_uri                     # doctest: +SKIP
    'bai-viet/binh-dang-gioi.md'
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from gecolumn.campaigns import Campaign, campaign_of
from gecolumn.config import ColumnConfig, Unit
from gecolumn.coverage import Cell, Status, counts, coverage
from gecolumn.dates import long_vietnamese, short_vietnamese
from gecolumn.posts import Corpus, Post
from gecolumn.quarters import Quarter
from gecolumn.slugs import slug_of

SOURCES = "posts"
"""Posts and their files keep their own path as ``src_uri`` (``posts/2024/a.md``): MkDocs then
resolves every relative link in a post as the author wrote it, and its warnings name the file."""
POSTS = "bai-viet"
ASSETS = f"{POSTS}/tep"
ARCHIVE = "luu-tru"
UNITS = "don-vi"
TAGS = "chu-de"
COVERAGE = "theo-doi.md"
HOME = "index.md"
LATEST_ON_HOME = 10
LATEST_ON_LISTING = 10

# Sections in the order the navigation shows them: (title, src_uri).
SECTIONS = (
    ("Trang chủ", HOME),
    ("Lưu trữ theo quý", f"{ARCHIVE}/index.md"),
    ("Đơn vị", f"{UNITS}/index.md"),
    ("Chủ đề", f"{TAGS}/index.md"),
    ("Theo dõi thực hiện", COVERAGE),
)

STATUS_TEXT = {
    Status.OK: "Đã có bài",
    Status.MISSING: "Thiếu bài",
    Status.IN_PROGRESS: "Đang diễn ra",
}


@dataclass(frozen=True)
class Link:
    """A titled reference to another page of the site, by its ``src_uri``."""

    title: str
    src_uri: str


@dataclass(frozen=True)
class Cover:
    """A post's cover image: an external ``http(s)`` URL, or a published asset with its size."""

    url: str | None = None
    src_uri: str | None = None
    size: int = 0

    @property
    def is_external(self) -> bool:
        return self.url is not None


@dataclass(frozen=True)
class PostView:
    """A published post with everything its page and the listings show."""

    post: Post
    src_uri: str
    unit: Link
    quarter: Link
    tags: tuple[Link, ...]
    date_long: str
    date_short: str
    excerpt: str
    body: str
    """The Markdown body as written: MkDocs resolves its links against ``src_uri``."""
    image: Cover | None
    page_uri: str = ""
    """Where the post is published, as if it were ``docs/<page_uri>`` (``bai-viet/<slug>.md``)."""
    previous: Link | None = None
    next: Link | None = None


@dataclass(frozen=True)
class QuarterEntry:
    """One quarter in the archive, with its posts and whether it was covered."""

    quarter: Quarter
    title: str
    status: Status | None
    """``None`` for a quarter before ``start`` that happens to hold posts."""
    status_text: str
    posts: tuple[PostView, ...]


@dataclass(frozen=True)
class YearEntry:
    year: int
    link: Link
    count: int
    quarters: tuple[QuarterEntry, ...] = ()


@dataclass(frozen=True)
class Listing:
    """A unit's or a tag's page: its years, and its latest posts."""

    kind: str
    """``unit`` or ``tag``."""
    name: str
    years: tuple[YearEntry, ...]
    latest: tuple[PostView, ...]
    count: int
    unit_id: str | None = None


@dataclass(frozen=True)
class ListingYear:
    """One year of a unit's or a tag's posts, or of the archive."""

    parent: Link
    year: int
    quarters: tuple[QuarterEntry, ...]


@dataclass(frozen=True)
class CoverageRow:
    quarter: Quarter
    title: str
    whole: Cell | None
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class CoverageView:
    today: str
    units: tuple[Unit, ...]
    per_unit: bool
    rows: tuple[CoverageRow, ...]
    missing: tuple[Cell, ...]
    status_text: dict


@dataclass(frozen=True)
class HomeView:
    latest: tuple[PostView, ...]
    campaign: Campaign | None
    campaign_posts: tuple[PostView, ...]
    current: Quarter
    current_count: int
    days_left: int


@dataclass(frozen=True)
class GeneratedPage:
    """A section page the column adds to the site."""

    src_uri: str
    title: str
    template: str
    view: Any


@dataclass(frozen=True)
class AssetCopy:
    """A file next to a post (a photo): known to MkDocs as ``src_uri``, published at ``dest_uri``."""

    source: str
    """Path relative to the posts folder, as on disk."""
    src_uri: str
    dest_uri: str


@dataclass(frozen=True)
class SitePlan:
    posts: tuple[PostView, ...]
    """Published posts, newest first."""
    held_back: tuple[tuple[Post, str], ...]
    """Valid posts not published yet, with why: ``draft`` or ``scheduled``."""
    pages: tuple[GeneratedPage, ...]
    assets: tuple[AssetCopy, ...]
    home: HomeView


def post_src_uri(post: Post) -> str:
    return f"{SOURCES}/{post.path}"


def post_page_uri(post: Post) -> str:
    return f"{POSTS}/{post.slug}.md"


def asset_copy(path: str, disk_name: str | None = None) -> AssetCopy:
    return AssetCopy(disk_name or path, f"{SOURCES}/{path}", f"{ASSETS}/{path}")


def plan_site(corpus: Corpus, config: ColumnConfig, today: datetime.date) -> SitePlan:
    """Plan every page of the column as it stands on ``today``."""
    published = sorted((p for p in corpus.posts if counts(p, today)), key=lambda p: (p.published, p.path), reverse=True)
    held_back = tuple((p, "draft" if p.draft else "scheduled") for p in corpus.posts if not counts(p, today))
    assets = tuple(asset_copy(path, corpus.disk_names.get(path)) for path in corpus.assets)
    views = _post_views(published, config, corpus)

    whole = coverage(published, replace(config, per_unit=False), today)
    by_unit = coverage(published, replace(config, per_unit=True), today)
    status_of = {cell.quarter: cell.status for cell in whole.cells}

    archive = Link("Lưu trữ theo quý", f"{ARCHIVE}/index.md")
    archive_years = _years(views, status_of, f"{ARCHIVE}/{{year}}.md")
    pages = [GeneratedPage(archive.src_uri, archive.title, "column/archive.html", archive_years)]
    for entry in archive_years:
        view = ListingYear(archive, entry.year, entry.quarters)
        pages.append(GeneratedPage(entry.link.src_uri, f"Lưu trữ năm {entry.year}", "column/listing_year.html", view))

    unit_links = []
    for unit in config.units:
        chosen = tuple(v for v in views if v.post.unit == unit.id)
        src = f"{UNITS}/{unit.id}/index.md"
        unit_links.append((Link(unit.name, src), len(chosen), unit))
        pages += _listing_pages("unit", unit.name, src, chosen, f"{UNITS}/{unit.id}/{{year}}.md", unit.id)
    pages.append(GeneratedPage(f"{UNITS}/index.md", "Đơn vị", "column/units.html", tuple(unit_links)))

    tag_posts: dict[str, list[PostView]] = defaultdict(list)
    tag_names: dict[str, str] = {}
    for view in views:
        for tag in view.tags:
            tag_posts[tag.src_uri].append(view)
            tag_names.setdefault(tag.src_uri, tag.title)
    tag_links = []
    for src in sorted(tag_posts, key=lambda s: (-len(tag_posts[s]), tag_names[s])):
        name, chosen = tag_names[src], tuple(tag_posts[src])
        tag_links.append((Link(name, src), len(chosen)))
        pages += _listing_pages("tag", f"Chủ đề: {name}", src, chosen, src.replace("/index.md", "/{year}.md"))
    pages.append(GeneratedPage(f"{TAGS}/index.md", "Chủ đề", "column/tags.html", tuple(tag_links)))

    pages.append(
        GeneratedPage(COVERAGE, "Theo dõi thực hiện", "column/coverage.html", _coverage_view(whole, by_unit, config, today))
    )

    campaign = campaign_of(today)
    current = Quarter.of(today)
    home = HomeView(
        latest=views[:LATEST_ON_HOME],
        campaign=campaign,
        campaign_posts=tuple(v for v in views if campaign and campaign.tag in v.post.tags)[:5],
        current=current,
        current_count=sum(1 for v in views if v.post.quarter == current),
        days_left=(current.last_day - today).days + 1,
    )
    return SitePlan(views, held_back, tuple(pages), assets, home)


@functools.lru_cache(maxsize=4096)
def tag_src_uri(tag: str) -> str:
    return f"{TAGS}/{slug_of(tag) or 'khac'}/index.md"


def _post_views(published: list[Post], config: ColumnConfig, corpus: Corpus) -> tuple[PostView, ...]:
    views = []
    for post in published:
        unit = config.unit(post.unit)
        views.append(
            PostView(
                post=post,
                src_uri=post_src_uri(post),
                page_uri=post_page_uri(post),
                unit=Link(unit.name if unit else post.unit, f"{UNITS}/{post.unit}/index.md"),
                quarter=Link(post.quarter.vietnamese, f"{ARCHIVE}/{post.quarter.year}.md"),
                tags=tuple(Link(tag, tag_src_uri(tag)) for tag in post.tags),
                date_long=long_vietnamese(post.date),
                date_short=short_vietnamese(post.date),
                excerpt=post.summary or first_paragraph(post.body),
                body=post.body,
                image=_cover(post, corpus),
            )
        )
    # Newest first: the previous post is the next one in the list.
    linked = []
    for index, view in enumerate(views):
        older = views[index + 1] if index + 1 < len(views) else None
        newer = views[index - 1] if index > 0 else None
        linked.append(
            replace(
                view,
                previous=Link(older.post.title, older.src_uri) if older else None,
                next=Link(newer.post.title, newer.src_uri) if newer else None,
            )
        )
    return tuple(linked)


def _cover(post: Post, corpus: Corpus) -> Cover | None:
    if not post.image:
        return None
    if "://" in post.image:  # the reader checked it is http(s)
        return Cover(url=post.image)
    return Cover(src_uri=f"{SOURCES}/{post.image}", size=corpus.asset_sizes.get(post.image, 0))


def _years(views: tuple[PostView, ...], status_of: dict[Quarter, Status], pattern: str) -> tuple[YearEntry, ...]:
    """Group posts by year and quarter, newest first; every quarter in ``status_of`` (the due ones) appears."""
    by_quarter: dict[Quarter, list[PostView]] = defaultdict(list)
    for view in views:
        by_quarter[view.post.quarter].append(view)
    quarters = set(by_quarter) | set(status_of)
    years: dict[int, list[QuarterEntry]] = defaultdict(list)
    for quarter in sorted(quarters, reverse=True):
        status = status_of.get(quarter)
        found = tuple(by_quarter.get(quarter, ()))
        years[quarter.year].append(QuarterEntry(quarter, quarter.vietnamese, status, STATUS_TEXT.get(status, ""), found))
    return tuple(
        YearEntry(year, Link(f"Năm {year}", pattern.format(year=year)), sum(len(q.posts) for q in entries), tuple(entries))
        for year, entries in sorted(years.items(), reverse=True)
    )


def _listing_pages(
    kind: str, title: str, src: str, views: tuple[PostView, ...], pattern: str, unit_id: str | None = None
) -> list[GeneratedPage]:
    years = _years(views, {}, pattern)
    listing = Listing(kind, title, years, views[:LATEST_ON_LISTING], len(views), unit_id)
    pages = [GeneratedPage(src, title, "column/listing.html", listing)]
    for entry in years:
        view = ListingYear(Link(title, src), entry.year, entry.quarters)
        pages.append(GeneratedPage(entry.link.src_uri, f"{title} – năm {entry.year}", "column/listing_year.html", view))
    return pages


def _coverage_view(whole, by_unit, config: ColumnConfig, today: datetime.date) -> CoverageView:
    whole_cells = {cell.quarter: cell for cell in whole.cells}
    unit_cells: dict[Quarter, dict[str, Cell]] = defaultdict(dict)
    for cell in by_unit.cells:
        unit_cells[cell.quarter][cell.unit.id] = cell
    quarters = sorted(set(whole_cells) | set(unit_cells), reverse=True)
    rows = tuple(
        CoverageRow(
            quarter,
            quarter.vietnamese,
            whole_cells.get(quarter),
            tuple(unit_cells[quarter].get(unit.id) for unit in config.units),
        )
        for quarter in quarters
    )
    missing = by_unit.missing if config.per_unit else whole.missing
    return CoverageView(short_vietnamese(today), config.units, config.per_unit, rows, missing, STATUS_TEXT)


# --- Markdown helpers ---------------------------------------------------------------------

_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[*_`]|<[^>]+>")


EXCERPT_LENGTH = 300
"""Characters of an automatic excerpt: what a listing, a share card and a feed summary show."""


def first_paragraph(body: str, limit: int = EXCERPT_LENGTH) -> str:
    """The first paragraph of plain prose in a Markdown body, without markup, cut at a word.

    >>> first_paragraph("# Tiêu đề\\n\\nMột **đoạn** có [liên kết](a.md).")
    'Một đoạn có liên kết.'
    """
    for block in re.split(r"\n\s*\n", body.strip(), maxsplit=50):
        text = block.strip()
        if not text or text[0] in "#!|>-*+<`" or re.match(r"^\d+\.\s", text):
            continue
        plain = " ".join(_MARKUP.sub(lambda m: m.group(1) or "", text[: limit * 4]).split())
        if len(plain) > limit:
            plain = plain[:limit].rsplit(" ", 1)[0] + "…"
        if plain:
            return plain
    return ""
