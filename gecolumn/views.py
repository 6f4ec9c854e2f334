"""What each page of the column shows: frozen views, built by :mod:`gecolumn.pages`, read by templates.

A template only reads attributes of its view; every address in a view is a :class:`Link`
(built by :mod:`gecolumn.routes`), so no template composes a path. Texts are as written
(titles, unit names): the templates escape them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gecolumn.campaigns import Campaign
from gecolumn.config import Unit
from gecolumn.coverage import Cell, Status
from gecolumn.feeds import FeedKind
from gecolumn.posts import Post
from gecolumn.quarters import Quarter


@dataclass(frozen=True)
class Link:
    """A titled reference to a page of the site (by ``src_uri``, plus a ``#fragment``) or to an absolute URL."""

    title: str
    src_uri: str | None = None
    fragment: str | None = None
    url: str | None = None
    """An absolute URL outside the site; ``src_uri`` is then ``None``."""


@dataclass(frozen=True)
class Cover:
    """A post's cover image: an external ``http(s)`` URL, or a published asset with its size."""

    src_uri: str | None = None
    url: str | None = None
    size: int = 0

    @property
    def is_external(self) -> bool:
        return self.url is not None


@dataclass(frozen=True)
class Thumbnail:
    """The small copy of a post's cover that a post card shows, with its size (known once the photo is processed)."""

    src_uri: str
    width: int
    height: int


@dataclass(frozen=True)
class Share:
    """A link that passes a page on to a service (``facebook``, ``zalo``); the ``absolute`` filter gives its address."""

    title: str
    service: str
    page: Link


@dataclass(frozen=True)
class ShareImage:
    """The picture a shared link shows (``og:image``): a post's cover, or a generated card (1200×630)."""

    image: Cover
    width: int | None = None
    height: int | None = None
    """Unknown for a cover at an external address."""
    alt: str = ""


SHARES = (("facebook", "Facebook"), ("zalo", "Zalo"))
"""Where a post's share row sends it, in order: the service and the name readers know it by."""


@dataclass(frozen=True)
class Feed:
    """One feed of the column: what the hook writes, and what pages announce in their ``<head>``."""

    path: str
    """Where it is published in the site (``rss.xml``, ``chu-de/<tag>/rss.xml``)."""
    kind: FeedKind
    """What it is written as: ``FeedKind("rss")`` and the like; an unknown kind fails here, where the feed is made."""
    title: str
    page: str
    """``src_uri`` of the page it belongs to (its ``<link>`` in the feed)."""
    posts: tuple[PostView, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", FeedKind(self.kind))

    @property
    def mime_type(self) -> str:
        return self.kind.mime_type

    @property
    def label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class PostView:
    """A published post with everything its page and the listings show."""

    post: Post
    src_uri: str
    """The post's own path (``posts/2024/a.md``): MkDocs resolves its links against it."""
    page_uri: str
    """Where it is published, as a page name (``bai-viet/<slug>.md``)."""
    unit: Link
    quarter: Link
    tags: tuple[Link, ...]
    date_long: str
    date_short: str
    excerpt: str
    image: Cover | None
    previous: Link | None = None
    next: Link | None = None

    @property
    def link(self) -> Link:
        return Link(self.post.title, self.src_uri)

    @property
    def shares(self) -> tuple[Share, ...]:
        return tuple(Share(title, service, self.link) for service, title in SHARES)


@dataclass(frozen=True)
class QuarterEntry:
    """One quarter of a year page, with its posts and whether it was covered."""

    quarter: Quarter
    title: str
    anchor: str
    status: Status | None
    """``None`` for a quarter that is not judged (before ``start``, or on a unit or tag page)."""
    status_text: str
    posts: tuple[PostView, ...]


@dataclass(frozen=True)
class YearEntry:
    """One year in a list of years: its page, its number of posts, its quarters."""

    year: int
    link: Link
    count: int
    quarters: tuple[QuarterEntry, ...] = ()

    def quarter_link(self, entry: QuarterEntry) -> Link:
        return Link(entry.title, self.link.src_uri, entry.anchor)


@dataclass(frozen=True)
class ArchiveView:
    years: tuple[YearEntry, ...]


@dataclass(frozen=True)
class ListingView:
    """A unit's or a tag's page: its latest posts, one link per year, and its feed."""

    title: str
    years: tuple[YearEntry, ...]
    latest: tuple[PostView, ...]
    count: int
    feed: Feed | None = None


@dataclass(frozen=True)
class YearView:
    """One year of the archive, of a unit or of a tag: its quarters, newest first."""

    parent: Link
    year: int
    quarters: tuple[QuarterEntry, ...]


@dataclass(frozen=True)
class UnitEntry:
    link: Link
    count: int
    since: str | None
    """The quarter the unit is due from, in Vietnamese, when set."""


@dataclass(frozen=True)
class UnitsView:
    units: tuple[UnitEntry, ...]


@dataclass(frozen=True)
class TagEntry:
    link: Link
    count: int


@dataclass(frozen=True)
class TagsView:
    tags: tuple[TagEntry, ...]


@dataclass(frozen=True)
class StatusView:
    """A judged cell as a page shows it: status, words, posts, days left."""

    status: Status
    text: str
    count: int
    days_left: int | None


@dataclass(frozen=True)
class CoverageRow:
    quarter: Quarter
    title: str
    whole: StatusView | None
    cells: tuple[StatusView | None, ...]
    """One per unit, in configuration order; ``None`` where the unit is not due yet."""


@dataclass(frozen=True)
class CoverageView:
    today: str
    units: tuple[Unit, ...]
    per_unit: bool
    show_whole: bool
    """A column with several units judged as a whole shows the whole column's column too."""
    rows: tuple[CoverageRow, ...]
    missing: tuple[Cell, ...]
    units_missing: tuple[Cell, ...] = ()
    """A unit's missed quarters that the column as a whole covered (judged as a whole only)."""
    not_due: bool = False
    """Whether a unit is not due yet in some quarter of the table (a "Chưa tính" cell)."""
    data: Feed | None = None
    """The same coverage as data (``theo-doi.json``), linked from the page and announced in its head."""


@dataclass(frozen=True)
class HomeView:
    latest: tuple[PostView, ...]
    campaign: Campaign | None
    campaign_posts: tuple[PostView, ...]
    """This year's posts about the campaign of the moment, but the newest post, which heads ``latest``."""
    campaign_tag: Link | None
    """The campaign's tag page (every year's posts about it), when a post carries its tag."""
    archive: Link


@dataclass(frozen=True)
class EmbedView:
    """The page a school portal shows in an ``<iframe>``: the newest posts, each a date and a title."""

    latest: tuple[PostView, ...]
    archive: Link


@dataclass(frozen=True)
class SiteView:
    """What every page shows of the column itself: the header, the footer and the 404 page read it."""

    name: str
    description: str
    school: str
    """Who runs the column: ``extra.column.school``, else the only unit, else the site's name."""
    address: str | None
    home: Link
    coverage: Link
    guide: Link
    """The staff guide's page: the footer links it when the column has one (``docs/huong-dan.md``)."""
    feeds: tuple[Feed, ...]
    """The site's own feeds (RSS, Atom), announced in every ``<head>`` and linked from the footer."""
    latest: tuple[PostView, ...]
    """The newest posts, for a page that has no view of its own (404)."""

    @property
    def label(self) -> str:
        """The column as a browser tab and a shared link name it: its name with the school's, unless the name holds it.

        Every column ``gecolumn new`` makes has the same name; the school tells them apart.

        >>> SiteView("Chuyên mục bình đẳng giới", "", "Trường THCS Bảo Khê", None, None, None, None, (), ()).label
        'Chuyên mục bình đẳng giới – Trường THCS Bảo Khê'
        """
        return self.name if self.school.casefold() in self.name.casefold() else f"{self.name} – {self.school}"


@dataclass(frozen=True)
class GeneratedPage:
    """A section page the column adds to the site: where, its title, its template and its view."""

    src_uri: str
    title: str
    template: str
    view: Any
    feeds: tuple[Feed, ...] = ()
    """Feeds this page announces besides the site's own."""
    in_nav: bool = False
