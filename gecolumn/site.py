"""The site plan: what the column site is made of on a given day, planned from the posts.

The plan knows nothing of MkDocs: it names pages by ``src_uri`` (:mod:`gecolumn.routes`),
gives each the template and the frozen view it renders (:mod:`gecolumn.pages`,
:mod:`gecolumn.views`), lists the files to publish and the feeds to write. The build hook
turns it into MkDocs files in a few lines.

    >>> plan = plan_site(corpus, config, today, site_name="Chuyên mục")
    >>> plan.posts[0].page_uri, [feed.path for feed in plan.feeds][:2]
    ('bai-viet/binh-dang-gioi.md', ['rss.xml', 'atom.xml'])
"""

from __future__ import annotations

import datetime
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, replace

from gecolumn import routes
from gecolumn.campaigns import campaign_of
from gecolumn.config import ColumnConfig
from gecolumn.coverage import coverage
from gecolumn.dates import long_vietnamese, short_vietnamese
from gecolumn.feeds import FeedKind
from gecolumn.pages import PAGE_BUILDERS, ColumnState, section
from gecolumn.posts import Corpus, Post
from gecolumn.views import Cover, Feed, GeneratedPage, HomeView, Link, PostView, SiteView

LATEST_ON_HOME = 10
LATEST_ON_404 = 5
HOME = Link("Trang chủ", routes.HOME)
"""The home page (``docs/index.md``, not a builder's): the first entry of the navigation."""


@dataclass(frozen=True)
class AssetCopy:
    """A file next to a post (a photo): known to MkDocs as ``src_uri``, published at ``dest_uri``."""

    source: str
    """Path relative to the posts folder, as on disk."""
    src_uri: str
    dest_uri: str
    path: str = ""
    """Path relative to the posts folder, NFC (as links in posts name it)."""

    @property
    def label(self) -> str:
        """How messages name the file: ``posts/2024/anh.jpg``."""
        return self.src_uri


@dataclass(frozen=True)
class HeldBack:
    """A valid post not published yet, and why: ``draft`` or ``scheduled``."""

    post: Post
    reason: str


@dataclass(frozen=True)
class SitePlan:
    posts: tuple[PostView, ...]
    """Published posts, newest first."""
    held_back: tuple[HeldBack, ...]
    pages: tuple[GeneratedPage, ...]
    assets: tuple[AssetCopy, ...]
    waiting_assets: tuple[str, ...]
    """Files (relative to the posts folder) held back: only drafts and scheduled posts use them."""
    home: HomeView
    feeds: tuple[Feed, ...]
    """Every feed to write: the site's RSS and Atom first, then each page's own."""
    site: SiteView

    @property
    def sections(self) -> tuple[Link, ...]:
        """The navigation: the home page, then each section page in builder order; never the posts."""
        return (HOME, *(Link(page.title, page.src_uri) for page in self.pages if page.in_nav))

    @property
    def site_feeds(self) -> tuple[Feed, ...]:
        """The feeds every page announces."""
        return self.site.feeds


def plan_site(
    corpus: Corpus,
    config: ColumnConfig,
    today: datetime.date,
    site_name: str = "Chuyên mục tuyên truyền bình đẳng giới",
    site_description: str = "",
) -> SitePlan:
    """Plan every page, file and feed of the column as it stands on ``today``."""
    published = sorted((p for p in corpus.posts if p.is_out(today)), key=lambda p: (p.published, p.path), reverse=True)
    held_back = tuple(HeldBack(p, "draft" if p.draft else "scheduled") for p in corpus.posts if not p.is_out(today))
    waiting = _held_back_files(published, [held.post for held in held_back], corpus.assets)
    held_files = tuple(path for path in corpus.assets if path in waiting)
    assets = tuple(
        AssetCopy(corpus.disk_names.get(path, path), routes.asset_source(path), routes.asset_dest(path), path)
        for path in corpus.assets
        if path not in waiting
    )
    views = _post_views(published, config, corpus)
    state = ColumnState(views, config, today, coverage(published, config, today), site_name, config.feed_size)
    pages = tuple(page for build in PAGE_BUILDERS for page in build(state))
    site_feeds = tuple(
        Feed(path, kind, site_name, routes.HOME, views[: config.feed_size])
        for path, kind in ((routes.SITE_RSS, FeedKind.RSS), (routes.SITE_ATOM, FeedKind.ATOM))
    )
    feeds = site_feeds + tuple(feed for page in pages for feed in page.feeds)
    default_unit = config.default_unit
    site = SiteView(
        name=site_name,
        description=site_description,
        school=config.school or (default_unit.name if default_unit else site_name),
        address=config.address,
        home=HOME,
        coverage=section(routes.COVERAGE),
        guide=Link("Hướng dẫn đăng bài", routes.GUIDE),
        feeds=site_feeds,
        latest=views[:LATEST_ON_404],
    )
    return SitePlan(views, held_back, pages, assets, held_files, _home(views, today), feeds, site)


def _held_back_files(published: list[Post], held_back: list[Post], assets: tuple[str, ...]) -> set[str]:
    """The files only drafts and scheduled posts link to: published with the first post out that links to one.

    Their addresses can be guessed from a title; a photo of an event not yet announced must
    not be. A file a published post links to (by its path, or by a name no other file has)
    is never held back, so a live page never loses a photo (see ``Post.links``).
    """
    wanted = set().union(*(post.links for post in held_back))
    if not wanted:
        return set()
    out_links = set().union(*(post.links for post in published))
    out_names = set().union(*(post.mentions for post in published))
    names = Counter(posixpath.basename(asset).casefold() for asset in assets)
    held = set()
    for asset in assets:
        key, name = asset.casefold(), posixpath.basename(asset).casefold()
        if key in wanted and key not in out_links and not (name in out_names and names[name] == 1):
            held.add(asset)
    return held


def _home(views: tuple[PostView, ...], today: datetime.date) -> HomeView:
    """What a parent meets first: the campaign of the moment with this year's posts about it, the latest posts.

    How many posts the quarter still owes is the coverage page's business, not the home page's.
    """
    campaign = campaign_of(today)
    latest = views[:LATEST_ON_HOME]
    on_campaign = tuple(v for v in views if campaign and campaign.tag in v.post.tags)
    this_year = tuple(v for v in on_campaign if v.post.date.year == today.year)
    return HomeView(
        latest=latest,
        campaign=campaign,
        # The newest post heads the latest posts just below: the box does not show it twice.
        campaign_posts=tuple(v for v in this_year if not latest or v is not latest[0])[:5],
        campaign_tag=Link(f"Mọi bài về {campaign.tag}", routes.tag(campaign.tag)) if any(on_campaign) else None,
        archive=Link("Xem tất cả bài theo quý", routes.archive()),
    )


def _post_views(published: list[Post], config: ColumnConfig, corpus: Corpus) -> tuple[PostView, ...]:
    views = []
    for post in published:
        unit = config.unit(post.unit)
        views.append(
            PostView(
                post=post,
                src_uri=routes.post_source(post.path),
                page_uri=routes.post_page(post.slug),
                unit=Link(unit.name if unit else post.unit, routes.unit(post.unit)),
                quarter=Link(
                    post.quarter.vietnamese, routes.archive_year(post.quarter.year), routes.quarter_anchor(post.quarter)
                ),
                tags=tuple(Link(tag, routes.tag(tag)) for tag in post.tags),
                date_long=long_vietnamese(post.date),
                date_short=short_vietnamese(post.date),
                excerpt=post.summary or first_paragraph(corpus.body(post)),
                image=_cover(post, corpus),
            )
        )
    # Newest first: the previous post is the next one in the list.
    return tuple(
        replace(
            view,
            previous=views[index + 1].link if index + 1 < len(views) else None,
            next=views[index - 1].link if index > 0 else None,
        )
        for index, view in enumerate(views)
    )


def _cover(post: Post, corpus: Corpus) -> Cover | None:
    if not post.image:
        return None
    if "://" in post.image:  # the reader let through only http(s) URLs
        return Cover(url=post.image)
    return Cover(src_uri=routes.asset_source(post.image), size=corpus.asset_sizes.get(post.image, 0))


# --- excerpts -----------------------------------------------------------------------------

EXCERPT_LENGTH = 300
"""Characters of an automatic excerpt: what a listing, a share card and a feed summary show."""
_NOTE_MARKERS = re.compile(r"<sup\b[^>]*>\s*\[?\d{1,3}\]?\s*</sup>|\[\^[^\]\s]{1,40}\]")
"""A footnote's number (``<sup>1</sup>``, as the Word import writes it, or Markdown's ``[^1]``): not prose. A number
alone in superscript is taken for one: ``m<sup>2</sup>`` loses its 2 in an excerpt (``m²`` typed as a character stays)."""
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[*_`]|<[^>]+>")


def first_paragraph(body: str, limit: int = EXCERPT_LENGTH) -> str:
    """The first paragraph of plain prose in a Markdown body, without markup, cut at a word.

    >>> first_paragraph("# Tiêu đề\\n\\nMột **đoạn** có [liên kết](a.md).")
    'Một đoạn có liên kết.'
    """
    for block in re.split(r"\n\s*\n", body.strip(), maxsplit=50):
        text = block.strip()
        if not text or text[0] in "#!|>-*+<`" or re.match(r"^\d+\.\s", text):
            continue
        plain = shortened(_MARKUP.sub(lambda m: m.group(1) or "", _NOTE_MARKERS.sub("", text[: limit * 4])), limit)
        if plain:
            return plain
    return ""


def shortened(text: str, limit: int) -> str:
    """``text`` with its whitespace folded, cut at a word with "…" if longer than ``limit`` characters.

    >>> shortened("Bình đẳng giới trong trường học", 20)
    'Bình đẳng giới…'
    """
    plain = " ".join(text.split())
    if len(plain) > limit:
        plain = plain[:limit].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"
    return plain
