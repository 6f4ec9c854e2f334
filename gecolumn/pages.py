"""The column's section pages: one builder per page type, registered in :data:`PAGE_BUILDERS`.

A builder takes the published posts (as :class:`~gecolumn.views.PostView`) and the
column's state on a day, and returns the pages it adds: where (a route), a title, the
template that renders it and a frozen view. Adding a page type means a builder here, a view
in :mod:`gecolumn.views` and a template in ``overrides/column/``. Long lists are split by
year, so nothing grows the navigation with the number of posts.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from gecolumn import routes
from gecolumn.collation import vietnamese_key
from gecolumn.config import ColumnConfig
from gecolumn.coverage import Cell, Coverage, Status
from gecolumn.dates import short_vietnamese
from gecolumn.feeds import FeedKind
from gecolumn.messages import label
from gecolumn.quarters import Quarter
from gecolumn.views import (
    ArchiveView,
    CoverageRow,
    CoverageView,
    EmbedView,
    Feed,
    GeneratedPage,
    Link,
    ListingView,
    PostView,
    QuarterEntry,
    StatusView,
    TagEntry,
    TagsView,
    UnitEntry,
    UnitsView,
    YearEntry,
    YearView,
)

LATEST_ON_LISTING = 10
LATEST_IN_EMBED = 8
"""Posts the portal's frame lists: what fits a sidebar box without scrolling on a computer."""


@dataclass(frozen=True)
class ColumnState:
    """What every builder reads: the published posts, newest first, and the verdict on ``today``."""

    views: tuple[PostView, ...]
    config: ColumnConfig
    today: datetime.date
    coverage: Coverage
    site_name: str
    feed_size: int


def status_view(cell: Cell) -> StatusView:
    """A judged cell in the words the site and the CLI share."""
    return StatusView(cell.status, status_text(cell.status, cell.days_left), len(cell.posts), cell.days_left)


def status_text(status: Status, days_left: int | None = None) -> str:
    text = label(f"status_{status.value}", days=days_left if days_left is not None else "?")
    return text[:1].upper() + text[1:].lower() if status is Status.MISSING else text[:1].upper() + text[1:]


def archive_pages(state: ColumnState, archive: Link) -> list[GeneratedPage]:
    """The archive: every due quarter, newest first, one page per year; a missing quarter shows."""
    status_of = {cell.quarter: cell for cell in state.coverage.whole}
    years = _years(state.views, status_of, routes.archive_year)
    pages = [GeneratedPage(archive.src_uri, archive.title, "column/archive.html", ArchiveView(years), in_nav=True)]
    for entry in years:
        view = YearView(archive, entry.year, entry.quarters)
        pages.append(GeneratedPage(entry.link.src_uri, f"Lưu trữ năm {entry.year}", "column/listing_year.html", view))
    return pages


def unit_pages(state: ColumnState, units: Link) -> list[GeneratedPage]:
    """A page per unit with its posts and its RSS feed, and the list of units in Vietnamese alphabetical order."""
    pages, entries = [], []
    for unit in sorted(state.config.units, key=lambda unit: unit.sort_key):
        chosen = tuple(v for v in state.views if v.post.unit == unit.id)
        link = Link(unit.name, routes.unit(unit.id))
        feed = Feed(
            routes.unit_feed(unit.id), FeedKind.RSS, f"{unit.name} – {state.site_name}", link.src_uri, chosen[: state.feed_size]
        )
        entries.append(UnitEntry(link, len(chosen), unit.since.vietnamese if unit.since else None))
        pages += _listing_pages(unit.name, link.src_uri, chosen, lambda year, u=unit.id: routes.unit_year(u, year), feed)
    pages.append(GeneratedPage(units.src_uri, units.title, "column/units.html", UnitsView(tuple(entries)), in_nav=True))
    return pages


def tag_pages(state: ColumnState, tags: Link) -> list[GeneratedPage]:
    """A page per tag with its posts and its RSS feed, and the list of tags: most used first, then alphabetical."""
    by_page: dict[str, list[PostView]] = defaultdict(list)
    names: dict[str, str] = {}
    for view in state.views:
        for tag in view.post.tags:
            by_page[routes.tag(tag)].append(view)
            names.setdefault(routes.tag(tag), tag)
    pages, entries = [], []
    for src in sorted(by_page, key=lambda s: (-len(by_page[s]), vietnamese_key(names[s]))):
        name, chosen = names[src], tuple(by_page[src])
        title = f"Chủ đề: {name}"
        feed = Feed(routes.tag_feed(name), FeedKind.RSS, f"{name} – {state.site_name}", src, chosen[: state.feed_size])
        entries.append(TagEntry(Link(name, src), len(chosen)))
        pages += _listing_pages(title, src, chosen, lambda year, n=name: routes.tag_year(n, year), feed)
    pages.append(GeneratedPage(tags.src_uri, tags.title, "column/tags.html", TagsView(tuple(entries)), in_nav=True))
    return pages


def coverage_page(state: ColumnState, section: Link) -> list[GeneratedPage]:
    """Quarter × unit: which schools owe a post."""
    config = state.config
    whole = {cell.quarter: cell for cell in state.coverage.whole}
    by_unit: dict[Quarter, dict[str, Cell]] = defaultdict(dict)
    for cell in state.coverage.by_unit:
        by_unit[cell.quarter][cell.unit.id] = cell
    rows = []
    for quarter in sorted(set(whole) | set(by_unit), reverse=True):
        cells = tuple(by_unit[quarter].get(unit.id) for unit in config.units)
        rows.append(
            CoverageRow(
                quarter,
                quarter.vietnamese,
                status_view(whole[quarter]) if quarter in whole else None,
                tuple(status_view(cell) if cell else None for cell in cells),
            )
        )
    view = CoverageView(
        today=short_vietnamese(state.today),
        units=config.units,
        per_unit=config.per_unit,
        show_whole=not config.per_unit and len(config.units) > 1,
        rows=tuple(rows),
        missing=state.coverage.missing,
        # Judged as a whole, a column covers a quarter one unit missed: said too, or the page
        # would read "every quarter covered" above a red cell.
        units_missing=tuple(
            cell for cell in state.coverage.by_unit if cell.status is Status.MISSING and quarter_covered(whole.get(cell.quarter))
        )
        if not config.per_unit and len(config.units) > 1
        else (),
        not_due=any(cell is None for row in rows for cell in row.cells),
        data=Feed(routes.COVERAGE_DATA, FeedKind.JSON, f"Số liệu theo dõi – {state.site_name}", routes.COVERAGE, ()),
    )
    # For the school and its district, not for the parents the tabs serve: linked from the footer.
    return [GeneratedPage(section.src_uri, section.title, "column/coverage.html", view)]


def quarter_covered(cell: Cell | None) -> bool:
    return cell is not None and cell.status is Status.OK


def embed_page(state: ColumnState, section: Link) -> list[GeneratedPage]:
    """The latest posts for a school portal's ``<iframe>``: a page of its own, not in the navigation, without script."""
    view = EmbedView(state.views[:LATEST_IN_EMBED], Link("Xem tất cả bài viết", routes.archive()))
    return [GeneratedPage(section.src_uri, section.title, "column/embed.html", view)]


@dataclass(frozen=True)
class PageBuilder:
    """A page type: its section page's title and address, and the function that builds its pages."""

    title: str
    """The section page's title: its heading, its navigation entry and every link to it."""
    src_uri: str
    build: Callable[[ColumnState, Link], list[GeneratedPage]]
    """Given the section's link, the pages it adds (the section page among them)."""

    @property
    def link(self) -> Link:
        return Link(self.title, self.src_uri)

    def __call__(self, state: ColumnState) -> list[GeneratedPage]:
        return self.build(state, self.link)


PAGE_BUILDERS: tuple[PageBuilder, ...] = (
    PageBuilder("Lưu trữ theo quý", routes.archive(), archive_pages),
    PageBuilder("Đơn vị", routes.units(), unit_pages),
    PageBuilder("Chủ đề", routes.tags(), tag_pages),
    PageBuilder("Theo dõi thực hiện", routes.COVERAGE, coverage_page),
    PageBuilder("Bài mới", routes.EMBED, embed_page),
)
"""Every section page type, in navigation order."""


def section(src_uri: str) -> Link:
    """The link to a section page, titled by its builder.

    >>> section(routes.COVERAGE).title
    'Theo dõi thực hiện'
    """
    return next(builder.link for builder in PAGE_BUILDERS if builder.src_uri == src_uri)


def _years(views: tuple[PostView, ...], status_of: dict[Quarter, Cell], year_page: Callable[[int], str]) -> tuple[YearEntry, ...]:
    """Group posts by year and quarter, newest first; every quarter in ``status_of`` (the due ones) appears."""
    by_quarter: dict[Quarter, list[PostView]] = defaultdict(list)
    for view in views:
        by_quarter[view.post.quarter].append(view)
    years: dict[int, list[QuarterEntry]] = defaultdict(list)
    for quarter in sorted(set(by_quarter) | set(status_of), reverse=True):
        cell = status_of.get(quarter)
        text = status_text(cell.status, cell.days_left) if cell else ""
        found = tuple(by_quarter.get(quarter, ()))
        entry = QuarterEntry(
            quarter, quarter.vietnamese, routes.quarter_anchor(quarter), cell.status if cell else None, text, found
        )
        years[quarter.year].append(entry)
    return tuple(
        YearEntry(year, Link(f"Năm {year}", year_page(year)), sum(len(q.posts) for q in entries), tuple(entries))
        for year, entries in sorted(years.items(), reverse=True)
    )


def _listing_pages(
    title: str, src: str, views: tuple[PostView, ...], year_page: Callable[[int], str], feed: Feed
) -> list[GeneratedPage]:
    years = _years(views, {}, year_page)
    listing = ListingView(title, years, views[:LATEST_ON_LISTING], len(views), feed)
    pages = [GeneratedPage(src, title, "column/listing.html", listing, feeds=(feed,))]
    for entry in years:
        view = YearView(Link(title, src), entry.year, entry.quarters)
        pages.append(GeneratedPage(entry.link.src_uri, f"{title} – năm {entry.year}", "column/listing_year.html", view))
    return pages
