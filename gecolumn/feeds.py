"""RSS 2.0 and Atom feeds of the column, written with feedgen.

School portals show the column through RSS news widgets and district offices follow their
schools' feeds, so the feeds are stable: entry ids come from the post's file, not its title;
``lastBuildDate``/``updated`` come from the newest post, so an unchanged column yields the
same bytes; text that Word pasted in (control characters illegal in XML) is stripped.

    >>> channel = Channel("Chuyên mục", "Mô tả", "https://x.edu.vn/", "https://x.edu.vn/rss.xml")
    >>> rss(channel, items)[:38]
    b"<?xml version='1.0' encoding='UTF-8'?>"
"""

from __future__ import annotations

import datetime
import enum
import html
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

import lxml.html
from feedgen.feed import FeedGenerator

from gecolumn import __version__

# XML 1.0 forbids these; Word and some web editors paste them (vertical tab, form feed…).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class FeedKind(enum.StrEnum):
    """What a feed of the column is written as; a page announces it by its MIME type and label."""

    RSS = "rss"
    """RSS 2.0 (:func:`rss`): the site's ``rss.xml`` and every unit's and tag's feed."""
    ATOM = "atom"
    """Atom 1.0 (:func:`atom`): the site's ``atom.xml``."""
    JSON = "json"
    """The coverage data (``theo-doi.json``): announced like a feed, written from the coverage,
    not from posts, so it has no row in :data:`WRITERS`."""

    @property
    def mime_type(self) -> str:
        return _MIME_TYPES[self]

    @property
    def label(self) -> str:
        return _LABELS[self]


_MIME_TYPES = {FeedKind.RSS: "application/rss+xml", FeedKind.ATOM: "application/atom+xml", FeedKind.JSON: "application/json"}
_LABELS = {FeedKind.RSS: "RSS", FeedKind.ATOM: "Atom", FeedKind.JSON: "JSON"}


def xml_safe(text: str | None) -> str:
    """``text`` without characters that XML 1.0 cannot carry."""
    return _ILLEGAL_XML.sub("", text or "")


@dataclass(frozen=True)
class Channel:
    """What a feed says about itself."""

    title: str
    description: str
    link: str
    """The site (or unit page) the feed belongs to: absolute."""
    self_url: str
    """Where the feed itself is published: absolute."""
    language: str = "vi"
    author: str = ""
    """Who publishes the feed (the school): Atom requires an author for every entry (RFC 4287
    §4.1.1), and the feed's own stands for each entry that names none."""


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    type: str


@dataclass(frozen=True)
class FeedItem:
    """One published post as feeds carry it: every URL absolute, every text XML-safe."""

    id: str
    title: str
    link: str
    published: datetime.datetime
    summary: str
    content_html: str
    categories: tuple[str, ...]
    author: str | None = None
    enclosure: Enclosure | None = None


def post_id(site_url: str, first_published: datetime.date, source_path: str) -> str:
    """A ``tag:`` URI that survives edits of title, body and slug: it names the post's file.

    >>> post_id("https://thcs-baokhe.edu.vn/binh-dang-gioi/", datetime.date(2024, 3, 8), "2024/ngay-8-3.md")
    'tag:thcs-baokhe.edu.vn,2024-03-08:/binh-dang-gioi/posts/2024/ngay-8-3.md'
    """
    parts = urlsplit(site_url)
    return f"tag:{parts.hostname},{first_published.isoformat()}:{parts.path or '/'}posts/{quote(source_path)}"


def absolute_html(html: str, base_url: str) -> str:
    """``html`` with every relative link and image made absolute against ``base_url``."""
    if not html.strip():
        return ""
    fragment = lxml.html.fragment_fromstring(xml_safe(html), create_parent="div")
    fragment.make_links_absolute(base_url, resolve_base_href=False)
    # lxml leaves srcset alone: a reader that picks a photo's smaller copy would get a
    # relative address, which a portal's news widget resolves against its own page.
    for element in fragment.iter("img", "source"):
        if element.get("srcset"):
            element.set("srcset", absolute_srcset(element.get("srcset"), base_url))
    inner = (fragment.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in fragment)
    return inner


def absolute_srcset(srcset: str, base_url: str) -> str:
    """A ``srcset`` with each candidate's address made absolute, read as HTML reads it.

    >>> absolute_srcset("a-480w.jpg 480w,a.jpg 800w", "https://x.edu.vn/bai-viet/a/")
    'https://x.edu.vn/bai-viet/a/a-480w.jpg 480w, https://x.edu.vn/bai-viet/a/a.jpg 800w'
    """
    candidates, position, end = [], 0, len(srcset)
    while True:
        # HTML's rules: an address runs to the next whitespace (commas at its end belong to
        # no one), its descriptors run to the next comma.
        while position < end and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        if position >= end:
            return ", ".join(candidates)
        start = position
        while position < end and not srcset[position].isspace():
            position += 1
        address, descriptors = srcset[start:position], ""
        if address.endswith(","):
            address = address.rstrip(",")
        else:
            comma = srcset.find(",", position)
            comma = end if comma < 0 else comma
            descriptors, position = " ".join(srcset[position:comma].split()), comma
        candidates.append(urljoin(base_url, address) + (f" {descriptors}" if descriptors else ""))


def enclosure_for(url: str, length: int | None) -> Enclosure:
    """An enclosure with the MIME type guessed from the file name; length 0 when unknown."""
    kind = mimetypes.guess_type(urlsplit(url).path)[0] or "application/octet-stream"
    return Enclosure(url, length or 0, kind)


def rss(channel: Channel, items: list[FeedItem]) -> bytes:
    """RSS 2.0 with ``content:encoded``, ``dc:creator`` and an ``atom:link rel=self``."""
    return _generator(channel, items, FeedKind.RSS).rss_str(pretty=True)


def atom(channel: Channel, items: list[FeedItem]) -> bytes:
    """Atom 1.0 with ``content type="html"``."""
    return _generator(channel, items, FeedKind.ATOM).atom_str(pretty=True)


WRITERS: dict[FeedKind, Callable[[Channel, list[FeedItem]], bytes]] = {FeedKind.RSS: rss, FeedKind.ATOM: atom}
"""The writer of each kind of post feed: a new kind is a row here, and the hook writes it."""


def write(kind: FeedKind, channel: Channel, items: list[FeedItem]) -> bytes:
    """The bytes of a feed of ``kind``; a kind without a writer is refused, never written as another.

    >>> channel = Channel("Theo dõi", "Số liệu", "https://x.edu.vn/theo-doi/", "https://x.edu.vn/theo-doi.json")
    >>> write(FeedKind.JSON, channel, items)
    Traceback (most recent call last):
    ...
    LookupError: no writer for feed kind 'json' (theo-doi.json): add its row to gecolumn.feeds.WRITERS
    """
    writer = WRITERS.get(kind)
    if writer is None:
        raise LookupError(
            f"no writer for feed kind {str(kind)!r} ({channel.self_url.rsplit('/', 1)[-1]}): add its row to gecolumn.feeds.WRITERS"
        )
    return writer(channel, items)


def _generator(channel: Channel, items: list[FeedItem], kind: FeedKind) -> FeedGenerator:
    feed = FeedGenerator()
    feed.load_extension("dc")
    feed.load_extension("media")
    feed.id(channel.link)
    feed.title(xml_safe(channel.title))
    feed.subtitle(xml_safe(channel.description) or xml_safe(channel.title))
    feed.language(channel.language)
    # The alternate link first: feedgen's RSS <link> is the last one given.
    feed.link(href=channel.self_url, rel="self", type=kind.mime_type)
    feed.link(href=channel.link, rel="alternate")
    feed.generator(f"gecolumn {__version__}")  # which build of the generator wrote it: upgrades show here
    if xml_safe(channel.author).strip():  # Atom only: RSS's managingEditor needs an e-mail, so feedgen leaves it out
        feed.author(name=xml_safe(channel.author))
    newest = max((item.published for item in items), default=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    feed.lastBuildDate(newest)
    feed.updated(newest)
    for item in items:
        entry = feed.add_entry(order="append")
        entry.id(item.id)
        entry.guid(item.id, permalink=False)
        entry.title(xml_safe(item.title))
        entry.link(href=item.link, rel="alternate")
        entry.published(item.published)
        entry.updated(item.published)
        for category in item.categories:
            entry.category(term=xml_safe(category))
        if item.author:
            entry.dc.dc_creator(xml_safe(item.author))
            if kind is FeedKind.ATOM:
                entry.author(name=xml_safe(item.author))
        summary = xml_safe(item.summary) or xml_safe(item.title)
        entry.summary(summary)  # Atom: type="text", shown as written
        # RSS readers show <description> as HTML: plain text must arrive as text, markup and all.
        entry.description(html.escape(summary, quote=False))
        entry.content(xml_safe(item.content_html), type="html")
        if item.enclosure and kind is FeedKind.RSS:
            entry.enclosure(item.enclosure.url, str(item.enclosure.length), item.enclosure.type)
        elif item.enclosure:
            # feedgen 1.0.0 drops rel/type/length of Atom entry links (its writer loop reuses
            # the variable), so an Atom enclosure link would turn into a bare alternate link.
            # One picture: a media:content of the entry itself (a media:group of one is what
            # the W3C validator warns about; a group is for several versions of one medium).
            entry.media.content(
                url=item.enclosure.url,
                type=item.enclosure.type,
                fileSize=str(item.enclosure.length),
                medium="image",
                group=None,
            )
    return feed


def items_for(
    views,
    urls: dict[str, str],
    bodies: dict[str, str],
    site_url: str,
    sizes: dict[str, int] | None = None,
    made: dict[str, str] | None = None,
) -> list[FeedItem]:
    """Feed items for published post views.

    ``urls`` maps a src_uri (post or asset) to its URL below ``site_url``; ``bodies`` maps a
    post's src_uri to its rendered HTML. ``made`` keeps each post's absolute HTML for the
    next feed that carries it (a post is in the column's feed, its unit's and its tags').
    """
    made = {} if made is None else made
    items = []
    for view in views:
        if view.post.welcome:
            continue  # the column's welcome, not a post: a monitor reading the feed must not count it
        link = urljoin(site_url, urls[view.src_uri])
        enclosure = None
        if view.image and view.image.is_external:
            enclosure = enclosure_for(view.image.url, None)
        elif view.image and view.image.src_uri in urls:  # a photo refused at build time has no URL
            size = (sizes or {}).get(view.image.src_uri, view.image.size)  # a photo is published processed
            enclosure = enclosure_for(urljoin(site_url, urls[view.image.src_uri]), size)
        post = view.post
        if view.src_uri not in made:
            made[view.src_uri] = absolute_html(bodies.get(view.src_uri, ""), link)
        items.append(
            FeedItem(
                id=post_id(site_url, post.date, post.path),
                title=post.title,
                link=link,
                published=post.published,
                summary=view.excerpt,
                content_html=made[view.src_uri],
                categories=(view.unit.title, *post.tags),
                author=post.author,
                enclosure=enclosure,
            )
        )
    return items
