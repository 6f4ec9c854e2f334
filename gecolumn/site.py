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
import posixpath
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
    """The Markdown body with relative links pointing where the assets are published."""
    image: str | None
    """The cover image: an absolute URL, or the ``src_uri`` of a published asset."""
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
    """A file next to a post (a photo), published under ``src_uri``."""

    source: str
    """Path relative to the posts folder."""
    src_uri: str


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
    return f"{POSTS}/{post.slug}.md"


def plan_site(corpus: Corpus, config: ColumnConfig, today: datetime.date) -> SitePlan:
    """Plan every page of the column as it stands on ``today``."""
    published = sorted((p for p in corpus.posts if counts(p, today)), key=lambda p: (p.published, p.path), reverse=True)
    held_back = tuple((p, "draft" if p.draft else "scheduled") for p in corpus.posts if not counts(p, today))
    assets = tuple(AssetCopy(path, f"{ASSETS}/{path}") for path in corpus.assets)
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
    by_path = {p.path: p for p in corpus.posts}
    assets = set(corpus.assets)
    views = []
    for post in published:
        unit = config.unit(post.unit)
        views.append(
            PostView(
                post=post,
                src_uri=post_src_uri(post),
                unit=Link(unit.name if unit else post.unit, f"{UNITS}/{post.unit}/index.md"),
                quarter=Link(post.quarter.vietnamese, f"{ARCHIVE}/{post.quarter.year}.md"),
                tags=tuple(Link(tag, tag_src_uri(tag)) for tag in post.tags),
                date_long=long_vietnamese(post.date),
                date_short=short_vietnamese(post.date),
                excerpt=post.summary or first_paragraph(post.body),
                body=rewrite_links(post.body, post.path, assets, by_path),
                image=_image(post, assets),
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


def _image(post: Post, assets: set[str]) -> str | None:
    if not post.image:
        return None
    if re.match(r"^[a-z][a-z0-9+.-]*://", post.image, re.IGNORECASE):
        return post.image
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(post.path), post.image))
    return f"{ASSETS}/{resolved}" if resolved in assets else None


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

_LINK = re.compile(r"(?P<lead>!?\[[^\]]*\]\(\s*<?|\b(?:src|href)=[\"'])(?P<target>[^)\s>\"']+)")
_PATH_AND_SUFFIX = re.compile(r"([^?#]*)(.*)")
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


def rewrite_links(body: str, post_path: str, assets: set[str], posts_by_path: dict[str, Post]) -> str:
    """Point relative links of a post at where its assets and sibling posts are published.

    A post written at ``posts/2024/a.md`` that shows ``anh.jpg`` is published at
    ``bai-viet/<slug>.md``; the photo is at ``bai-viet/tep/2024/anh.jpg``. Links to
    another post's file become links to that post's page.
    """
    folder = posixpath.dirname(post_path)

    def point(match: re.Match) -> str:
        target = match["target"]
        if _SCHEME.match(target):
            return match.group(0)
        path, suffix = _PATH_AND_SUFFIX.match(target).groups()  # keep ?query and #fragment as they are
        resolved = posixpath.normpath(posixpath.join(folder, path))
        if resolved in assets:
            new = f"tep/{resolved}"
        elif resolved in posts_by_path:
            new = f"{posts_by_path[resolved].slug}.md"
        else:
            return match.group(0)
        return match["lead"] + new + suffix

    return _LINK.sub(point, body)


_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[*_`]|<[^>]+>")


def first_paragraph(body: str) -> str:
    """The first paragraph of plain prose in a Markdown body, without markup."""
    for block in re.split(r"\n\s*\n", body.strip()):
        text = block.strip()
        if not text or text[0] in "#!|>-*+<`" or re.match(r"^\d+\.\s", text):
            continue
        plain = " ".join(_MARKUP.sub(lambda m: m.group(1) or "", text).split())
        if plain:
            return plain
    return ""
