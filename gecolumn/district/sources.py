"""Where a school's posts are known from: its ``theo-doi.json``, else its RSS/Atom feed, else a folder.

:func:`find_evidence` looks at what the roster names and takes the best source there:

1. a ``theo-doi.json`` (the column's coverage as data): the address itself, one announced
   by the page (``<link rel="alternate" type="application/json">``), or one at the root of
   the site;
2. else an RSS 2.0 or Atom feed: the address itself, or one the page announces (never the
   comments feed WordPress also announces), read by feedparser;
3. else, for a folder on this computer, the built site's ``theo-doi.json`` or ``rss.xml``.

What it finds is :class:`Evidence`: posts per quarter, and from which quarter on the source
can prove a quarter had none. A ``theo-doi.json`` lists every published post, so it proves
everything; a feed holds only the latest items and proves nothing before its oldest one.

    >>> evidence = read_feed(WORDPRESS_RSS, "https://x.edu.vn/feed/", today)
    >>> evidence.counts[Quarter(2024, 1)], evidence.known_from
    (2, Quarter(year=2024, number=1))
"""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
import hashlib
import html
import io
import json
import re
import xml.sax
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser
import feedparser.api
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from gecolumn.dates import LOCAL_TZ
from gecolumn.district.fetch import Fetcher, SchoolFetcher, Unreadable
from gecolumn.district.roster import School
from gecolumn.problems import megabytes
from gecolumn.quarters import Quarter

COVERAGE_FILE = "theo-doi.json"
SUPPORTED_SCHEMA = 1
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "theo-doi-1.schema.json"
"""What a school's ``theo-doi.json`` must satisfy to be read, bounds included (the file columns are tested against)."""


class SourceKind(enum.Enum):
    """What kind of document a school's quarters were read from."""

    COVERAGE = "theo-doi.json"
    """The column's own coverage data: every published post, so every quarter is proven."""
    RSS = "rss"
    """An RSS feed: the latest items only."""
    ATOM = "atom"
    """An Atom feed: the latest items only."""

    @property
    def shown(self) -> str:
        """How tables, the ledger and the dashboard name the kind (``theo-doi.json``, ``RSS``, ``Atom``)."""
        return {"rss": "RSS", "atom": "Atom"}.get(self.value, self.value)


MAX_IDENTITY = 500
"""Bytes of a post's identity kept as it is; a longer one is kept as its SHA-256, never cut (two long links cut alike are two posts)."""


def post_identity(guid: str, url: str, title: str, published: datetime.datetime) -> str:
    """What tells one post of a school from another: the feed's own id, else its link and date, else its title and date.

    A link alone is not enough: a portal may link every item to its home page, and a title
    alone neither (items without a link, a yearly "Tháng hành động" post). Long values are
    hashed, never cut, so the ledger's line stays bounded without merging two posts.

    >>> moment = datetime.datetime(2024, 3, 8, 9, tzinfo=LOCAL_TZ)
    >>> post_identity("https://x.edu.vn/?p=1", "https://x.edu.vn/", "Ngày 8/3", moment)
    'https://x.edu.vn/?p=1'
    >>> post_identity("", "https://x.edu.vn/", "Ngày 8/3", moment)
    'https://x.edu.vn/ 2024-03-08T09:00:00+07:00'
    >>> post_identity("", "", "Ngày 8/3", moment)
    'Ngày 8/3 2024-03-08T09:00:00+07:00'
    >>> long = post_identity("", "https://x.edu.vn/?" + "a" * 2000, "", moment)
    >>> long[:7], len(long), long == post_identity("", "https://x.edu.vn/?" + "a" * 2000 + "b", "", moment)
    ('sha256:', 71, False)
    """
    identity = guid or f"{url or title} {published.astimezone(LOCAL_TZ).isoformat()}"
    if len(json.dumps(identity, ensure_ascii=False).encode("utf-8", "surrogatepass")) - 2 > MAX_IDENTITY:
        return "sha256:" + hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()
    return identity


@dataclass(frozen=True)
class SeenPost:
    """One post a source showed: what the district's ledger keeps of it."""

    url: str
    title: str
    published: datetime.datetime
    """Aware; its quarter is that of its local (+07:00) date."""
    guid: str = ""
    """The source's own id of the post (RSS ``guid``, Atom ``id``; a column's post address); empty when it gives none."""

    @functools.cached_property  # asked for at each step of reading, recording and judging
    def identity(self) -> str:
        """The post's :func:`post_identity`: one post however often, and wherever, it is seen."""
        return post_identity(self.guid, self.url, self.title, self.published)


@dataclass(frozen=True)
class Evidence:
    """What one source proves about a school: posts per quarter, and how far back it can tell."""

    kind: SourceKind
    location: str
    """The address (or path) of the document read."""
    counts: Mapping[Quarter, int]
    """Posts that count per quarter: published, dated on or before today."""
    known_from: Quarter | None
    """The first quarter the source can prove empty; ``None`` when it proves every quarter."""
    posts: tuple[SeenPost, ...] = ()
    """The posts behind ``counts``, where the source lists them (the ledger keeps them)."""


def find_evidence(school: School, fetcher: Fetcher, today: datetime.date, first_due: Quarter | None = None) -> Evidence:
    """The best source for ``school``; raises :class:`Unreadable` saying why there is none.

    A feed is paged back (bounded) until its items reach ``first_due``, the oldest quarter
    the district asks about; without it, as far as the bounds allow.
    """
    if school.folder is not None:
        return _from_folder(school.folder, today, fetcher.max_bytes)
    with fetcher.for_school(school.url) as reader:  # one deadline for all its requests
        return _from_web(school, reader, today, first_due)


# --- on the web -----------------------------------------------------------------------------


def _from_web(school: School, fetcher: SchoolFetcher, today: datetime.date, first_due: Quarter | None = None) -> Evidence:
    """The school's source: the one an earlier run found from its page, read directly; else found again from the page.

    The source read directly proves what it proves when found (the same reader, and a 304 gives
    back the body it answered for); a ``theo-doi.json`` is still checked to be the school's.
    When it fails in any way, the page is looked at again, as on a first run.
    """
    remembered = fetcher.fetcher.source_of(school.url)
    if remembered is not None:
        kind, url = remembered
        try:
            if kind == "coverage":
                return _coverage_at(fetcher, url, school, today)
            return _feed_at(fetcher, url, today, first_due)
        except Unreadable:
            pass  # moved, gone or changed: look again from the roster's address
    return _discovered(school, fetcher, today, first_due)


def _discovered(school: School, fetcher: SchoolFetcher, today: datetime.date, first_due: Quarter | None) -> Evidence:
    first = fetcher.get(school.url)
    kind = _sniff(first.body, first.content_type)
    if kind == "json":
        # The roster names the document itself: the district says it is the school's.
        return read_coverage(first.body, first.url, school.unit, today)
    if kind == "feed":
        return _read_feed_pages(fetcher, first.body, first.url, today, first_due)
    if kind != "html":
        raise Unreadable("source_no_feed", location=first.url)
    announced = _Links.of(first.body, first.url)
    failures: list[Unreadable] = []
    feed_failures: list[Unreadable] = []  # told first: what the school publishes for readers
    # Announced data first; then the file beside the page or at the site's root, which a page
    # need not announce (a probe: a 404 there, or a portal's "page not found" page, says
    # nothing). Either counts only when it is the school's own (see _owned).
    for url in announced.data:
        try:
            return _found(fetcher, school, "coverage", _coverage_at(fetcher, url, school, today))
        except _NotCoverage:
            pass  # another JSON a page announces (WordPress announces its REST API so)
        except Unreadable as exc:
            failures.append(exc)
    for url in _root_candidates(first.url):
        if url in announced.data:
            continue
        try:
            return _found(fetcher, school, "coverage", _coverage_at(fetcher, url, school, today))
        except Unreadable as exc:
            if exc.code in ("source_foreign_data", "source_inconsistent_data"):
                failures.append(exc)
    for url in _own_feeds_first(announced.feeds, first.url)[:3]:
        try:
            return _found(fetcher, school, "feed", _feed_at(fetcher, url, today, first_due))
        except Unreadable as exc:
            feed_failures.append(exc)
    if feed_failures or failures:
        raise (feed_failures + failures)[0]
    raise Unreadable("source_no_feed", location=first.url)


def _found(fetcher: SchoolFetcher, school: School, kind: str, evidence: Evidence) -> Evidence:
    """``evidence``, found from the school's page: the next run reads its document directly."""
    fetcher.fetcher.found_source(school.url, kind, evidence.location)
    return evidence


def _feed_at(fetcher: SchoolFetcher, url: str, today: datetime.date, first_due: Quarter | None) -> Evidence:
    fetched = fetcher.get(url)
    if _sniff(fetched.body, fetched.content_type) != "feed":
        raise Unreadable("source_not_feed", location=fetched.url)
    return _read_feed_pages(fetcher, fetched.body, fetched.url, today, first_due)


def _coverage_at(fetcher: SchoolFetcher, url: str, school: School, today: datetime.date) -> Evidence:
    fetched = fetcher.get(url)
    if _sniff(fetched.body, fetched.content_type) != "json":
        raise Unreadable("source_bad_data", location=fetched.url, detail="not_json")
    return read_coverage(fetched.body, fetched.url, school.unit, today, owner=school.url)


def _own_feeds_first(feeds: list[str], page_url: str) -> list[str]:
    """The feeds a page announces, its own first: a category or tag page's feed lives under its path.

    WordPress announces the whole site's feed first on every page; a category page
    (``/chuyen-muc/binh-dang-gioi/``) announces its own feed (``…/binh-dang-gioi/feed/``) after it.
    """
    page = urlsplit(page_url)
    folder = page.path if page.path.endswith("/") else page.path.rsplit("/", 1)[0] + "/"

    def own(url: str) -> bool:
        parts = urlsplit(url)
        return folder != "/" and (parts.scheme, parts.netloc) == (page.scheme, page.netloc) and parts.path.startswith(folder)

    return sorted(feeds, key=lambda url: not own(url))  # stable: announcement order otherwise


def _is_under(url: str, address: str) -> bool:
    """``url`` is ``address`` or below it: same scheme and host, and its path starts with the address's folder."""
    target, base = urlsplit(url), urlsplit(address)
    # A path without a final slash (``/truong-a``, ``/truong-a.html``) is the school's own page,
    # not its parent folder: the portal's root is not under it.
    path = base.path or "/"
    folder = path if path.endswith("/") else path + "/"
    same_site = (target.scheme, target.netloc.lower()) == (base.scheme, base.netloc.lower())
    return same_site and ((target.path or "/") == path or (target.path or "/").startswith(folder))


def _names_school(site_url: object, owner: str) -> bool:
    """The column at ``site_url`` is the school's: the roster names its address, or its coverage page."""
    if not isinstance(site_url, str) or not site_url.startswith(("http://", "https://")):
        return False
    column = site_url if site_url.endswith("/") else site_url + "/"
    given = owner if owner.endswith("/") or _is_file(owner) else owner + "/"
    return given.split("#")[0] in (column, column + COVERAGE_FILE, column + COVERAGE_FILE.removesuffix(".json") + "/")


def _is_file(url: str) -> bool:
    return "." in urlsplit(url).path.rsplit("/", 1)[-1]


def _root_candidates(page_url: str) -> list[str]:
    """``theo-doi.json`` beside the page (the column's folder), then at the root of the host."""
    beside = urljoin(page_url, COVERAGE_FILE)
    root = urljoin(page_url, "/" + COVERAGE_FILE)
    return [beside] if beside == root else [beside, root]


_TAG = re.compile(r"<(link|base)(?=[\s/>])([^<>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
LINKS_BYTES = 512 * 1024
"""The head is near the top: the links are looked for in this much of a page."""


class _Links:
    """The ``<link rel="alternate">`` of a page that point to coverage data or feeds.

    Found by one scan for ``<link>`` and ``<base>`` tags (comments skipped), not a full HTML
    parser: a page of 32 KB of ``<a `` cost Python's parser seconds of CPU; this is linear.
    """

    def __init__(self, base: str):
        self.base = base
        self.data: list[str] = []
        self.feeds: list[str] = []
        self._comment_feeds: list[str] = []

    @classmethod
    def of(cls, body: bytes, url: str) -> _Links:
        links = cls(url)
        for match in _TAG.finditer(_uncommented(body[:LINKS_BYTES].decode("utf-8", errors="replace"))):
            attrs = [(name.lower(), html.unescape(value.strip("\"'"))) for name, value in _ATTRIBUTE.findall(match.group(2))]
            links.handle_starttag(match.group(1).lower(), attrs)
        # Comments feeds are never read: they list readers' comments, not the school's posts.
        return links

    def handle_starttag(self, tag: str, attrs) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "base" and values.get("href"):
            self.base = urljoin(self.base, values["href"].strip())
            return
        if tag != "link" or "alternate" not in values.get("rel", "").lower().split():
            return
        href = urljoin(self.base, values.get("href", "").strip())
        if urlsplit(href).scheme not in ("http", "https"):
            return  # a page may not send the monitor to a file or another scheme
        kind = values.get("type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            self.data.append(href)
        elif kind in ("application/rss+xml", "application/atom+xml"):
            about_comments = re.search(r"comment|bình luận|phản hồi", values.get("title", "") + " " + href, re.IGNORECASE)
            (self._comment_feeds if about_comments else self.feeds).append(href)


def _uncommented(text: str) -> str:
    """``text`` without its ``<!-- … -->`` comments, in one pass (an unclosed one runs to the end)."""
    kept, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        kept.append(text[at:start])
        end = text.find("-->", start + 4)
        at = len(text) if end < 0 else end + 3
    kept.append(text[at:])
    return "".join(kept)


def _sniff(body: bytes, content_type: str) -> str:
    """``json``, ``feed``, ``html`` or ``other``, from the first bytes (servers mislabel types)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        return "json"
    if b"<!doctype html" in head or b"<html" in head:
        return "html"
    if head.startswith(b"<") and (head.startswith(b"<?xml") or re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head)):
        return "feed"
    if "html" in content_type.lower():
        return "html"
    if "json" in content_type.lower():
        return "json"
    if "xml" in content_type.lower() or "rss" in content_type.lower():
        return "feed"
    return "other"


# --- on this computer -----------------------------------------------------------------------


def _from_folder(path: Path, today: datetime.date, max_bytes: int) -> Evidence:
    if path.is_dir():
        for name in (COVERAGE_FILE, "rss.xml", "atom.xml"):
            if (path / name).is_file():
                return _from_file(path / name, today, max_bytes)
        raise Unreadable("source_folder", location=str(path))
    if path.is_file():
        return _from_file(path, today, max_bytes)
    raise Unreadable("source_folder", location=str(path))


def _from_file(path: Path, today: datetime.date, max_bytes: int) -> Evidence:
    try:
        with open(path, "rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError:
        raise Unreadable("source_folder", location=str(path)) from None
    if len(body) > max_bytes:
        raise Unreadable("source_too_large", limit=megabytes(max_bytes))
    kind = _sniff(body, "")
    if kind == "json":
        return read_coverage(body, str(path), None, today)
    if kind == "feed":
        return read_feed(body, str(path), today)
    raise Unreadable("source_no_feed", location=str(path))


# --- reading a document ---------------------------------------------------------------------


def read_coverage(body: bytes, location: str, unit: str | None, today: datetime.date, owner: str | None = None) -> Evidence:
    """A column's ``theo-doi.json``: the cells of ``unit`` when the column has that unit, else the whole column's.

    Ended quarters come from the cells the column judged; the current quarter, and quarters
    the column did not judge (before its ``start``), are counted from its list of posts,
    which holds every published post. It is evidence only when it is the school's and agrees
    with itself: found at ``owner`` (the roster's address) or below it, or naming ``owner``
    as its ``site_url`` (else ``source_foreign_data``); every ended quarter's cell counting
    the posts its own list holds for it (else ``source_inconsistent_data``).
    """
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable("source_not_utf8", location=location, position=exc.start) from None
    try:
        document = json.loads(text)
    except RecursionError:
        raise Unreadable("source_bad_data", location=location, detail="nesting") from None
    except ValueError as exc:
        raise Unreadable("source_bad_data", location=location, detail=str(exc)[:120]) from None
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        # "\ud800" is valid JSON but no text: printed or written to the ledger, it stopped the whole run.
        raise Unreadable("source_bad_data", location=location, detail="lone surrogate (\\ud800-\\udfff)") from None
    if not isinstance(document, dict) or "schema" not in document:
        raise _NotCoverage("source_bad_data", location=location, detail="no_schema")
    schema = document.get("schema")
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > SUPPORTED_SCHEMA:
        raise Unreadable("source_newer_schema", location=location, schema=schema)
    if schema != SUPPORTED_SCHEMA:
        raise Unreadable("source_bad_data", location=location, detail=f"schema = {str(schema)[:20]}")
    if owner is not None and not _is_under(location, owner) and not _names_school(document.get("site_url"), owner):
        site = document.get("site_url")
        raise Unreadable("source_foreign_data", location=location, site_url=str(site)[:200] if site else "—", address=owner)
    problem = best_match(_coverage_schema().iter_errors(document))
    if problem is not None:  # every number bounded before it is used (10**400 posts once crashed the Excel table)
        where = "/".join(str(part) for part in problem.absolute_path) or "/"
        raise Unreadable("source_bad_data", location=location, detail=f"{where}: {problem.message[:100]}")
    try:
        units = {entry["id"] for entry in _list(document, "units")}
        mine = unit if unit in units else None
        judged: dict[Quarter, int] = {}
        for cell in _list(document, "quarters") if mine else _list(document, "whole"):
            if cell.get("unit") == mine:
                judged[Quarter.parse(cell["quarter"])] = _count(cell["posts"])
        listed: Counter[Quarter] = Counter()  # as the column counted on the day it was built
        posts = Counter()
        seen = []
        for entry in _list(document, "posts"):
            if mine is None or entry.get("unit") == mine:
                moment = datetime.datetime.fromisoformat(entry["date"]).astimezone(LOCAL_TZ)
                listed[Quarter.of(moment.date())] += 1
                if moment.date() <= today:
                    posts[Quarter.of(moment.date())] += 1
                    url = str(entry.get("url") or "")
                    # A column's post address is its id: a post moved to another date stays one post.
                    seen.append(SeenPost(url, str(entry.get("title") or ""), moment, url))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise Unreadable("source_bad_data", location=location, detail=f"{type(exc).__name__}: {str(exc)[:80]}") from None
    for quarter, count in sorted(judged.items()):
        if count != listed[quarter]:
            raise Unreadable(
                "source_inconsistent_data", location=location, quarter=str(quarter), cell=count, listed=listed[quarter]
            )
    current = Quarter.of(today)
    counts = {quarter: count for quarter, count in judged.items() if quarter < current}
    for quarter, count in posts.items():
        if quarter not in counts:
            counts[quarter] = count
    return Evidence(SourceKind.COVERAGE, location, counts, None, tuple(seen))


@functools.cache
def _coverage_schema() -> Draft202012Validator:
    """The published schema of ``theo-doi.json``, with its bounds: what a school's data must satisfy to be read.

    Its ``$ref``s to its own ``$defs`` are written out in place once here (the schema has no
    recursion): the same rules, checked in half the time, since jsonschema resolves a
    reference again at every cell and post (half of a warm province run's checking).
    """
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return Draft202012Validator(_inlined(schema, schema.get("$defs", {})))


def _inlined(node, definitions: dict):
    """``node`` with every ``{"$ref": "#/$defs/<name>"}`` replaced by that definition, itself inlined."""
    if isinstance(node, dict):
        reference = node.get("$ref")
        if len(node) == 1 and isinstance(reference, str) and reference.startswith("#/$defs/"):
            return _inlined(definitions[reference.removeprefix("#/$defs/")], definitions)
        return {key: value if key == "$defs" else _inlined(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inlined(value, definitions) for value in node]
    return node


class _NotCoverage(Unreadable):
    """JSON, but not a coverage document at all (no ``schema``): someone else's data, not a broken theo-doi.json."""


def _list(document: dict, key: str) -> list[dict]:
    value = document[key]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise TypeError(f"'{key}': not a list of objects")
    return value


def _count(value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"posts = {str(value)[:20]}")
    return value


# feedparser asks for libxml2's SAX driver before expat's on every parse; where it is not
# installed (it is not a dependency) that is a failed import each time, under the interpreter's
# import lock: with many schools read at once, parsing queued on that lock. Expat it is.
feedparser.api.PREFERRED_XML_PARSERS = []

_ENTITIES = re.compile(r"<!ENTITY|<!DOCTYPE[^>\[]{0,2000}\[", re.IGNORECASE)
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def read_feed(body: bytes, location: str, today: datetime.date) -> Evidence:
    """An RSS or Atom feed, one document: posts per quarter of their local date.

    It proves nothing before its oldest item, unless it says it holds everything: RFC 5005's
    ``<fh:complete/>``, or no item at all (a feed of the latest posts that has none has no post).
    """
    page = _parse_feed(body, location)
    return _evidence([page], location, today, proven=page.complete or not page.entries)


MAX_FEED_PAGES = 20
"""Pages of one school's feed read at most (WordPress: 10 posts a page, so 200 posts back)."""
_HISTORY = re.compile(rb"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*["']http://purl\.org/syndication/history/1\.0["']""")
_PROVEN_GONE = (404, 410)


@dataclass(frozen=True)
class _FeedPage:
    """One document of a feed: its items, and the ways back it offers."""

    kind: SourceKind
    entries: tuple[SeenPost, ...]
    complete: bool
    """RFC 5005 ``<fh:complete/>``: the document holds every item of the feed."""
    next: str | None
    """RFC 5005 paging (``rel="next"``): the page of older items."""
    archive: str | None
    """RFC 5005 archives (``rel="prev-archive"``): the archive document before this one."""
    wordpress: bool
    """Written by WordPress, which pages back with ``?paged=N`` and answers 404 past the last page."""
    undated: int = 0
    """Items with no date feedparser can read: they may be in any quarter, so the page proves no absence."""


def _read_feed_pages(fetcher: Fetcher, body: bytes, location: str, today: datetime.date, first_due: Quarter | None) -> Evidence:
    """A feed, paged back until its items reach ``first_due``, its oldest page is proven, or a bound is met.

    The end is proven when a page says ``<fh:complete/>`` or holds no item, when the last of
    a chain of RFC 5005 archives has no ``prev-archive``, or when WordPress answers 404 for
    the next ``?paged=N``; then absence is proven for every quarter. Otherwise (a sliding
    window, a failed page, a bound) the feed proves nothing before its oldest item. Bounds:
    :data:`MAX_FEED_PAGES` documents, and the fetcher's ``max_bytes`` for all of them.
    """
    pages = [_parse_feed(body, location)]
    budget = fetcher.max_bytes - len(body)
    visited = {location}
    seen = {post.identity for post in pages[0].entries}
    followed_archive, number = False, 1
    while True:
        page = pages[-1]
        if page.complete or not page.entries:
            return _evidence(pages, location, today, proven=True)
        if first_due is not None and Quarter.of(_oldest(pages)) <= first_due:
            break  # every due quarter is after the oldest item: nothing older is asked
        if len(pages) >= MAX_FEED_PAGES:
            break
        probe = False
        if page.next:
            following = page.next
        elif page.archive:
            following, followed_archive = page.archive, True
        elif followed_archive:
            return _evidence(pages, location, today, proven=True)  # the first archive: nothing before it
        elif page.wordpress:
            number += 1
            following, probe = _paged(location, number), True
        else:
            break  # a sliding window with no way back
        if following in visited:
            break
        visited.add(following)
        try:
            fetched = fetcher.get(following)
        except Unreadable as exc:
            if probe and exc.code == "source_http" and exc.params.get("status") in _PROVEN_GONE:
                return _evidence(pages, location, today, proven=True)
            break
        budget -= len(fetched.body)
        if budget < 0 or fetched.body == body or _sniff(fetched.body, fetched.content_type) != "feed":
            break  # (the first page again, byte for byte: a server that ignores ?paged, told without parsing it)
        try:
            older = _parse_feed(fetched.body, fetched.url)
        except Unreadable:
            break
        fresh = [post for post in older.entries if post.identity not in seen]
        if older.entries and not fresh:
            break  # a server that ignores ?paged sends the first page again: it proves nothing
        seen.update(post.identity for post in fresh)
        pages.append(older)
    return _evidence(pages, location, today, proven=False)


def _paged(url: str, number: int) -> str:
    parts = urlsplit(url)
    query = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if name != "paged"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("paged", str(number))])))


def _oldest(pages: list[_FeedPage]) -> datetime.date:
    return min(post.published.date() for page in pages for post in page.entries)


def _evidence(pages: list[_FeedPage], location: str, today: datetime.date, proven: bool) -> Evidence:
    """Posts out by ``today`` (each once), per quarter; from which quarter absence is proven."""
    posts: dict[str, SeenPost] = {}
    for page in pages:
        for post in page.entries:
            if post.published.date() <= today:
                posts.setdefault(post.identity, post)
    counts = Counter(Quarter.of(post.published.date()) for post in posts.values())
    if proven and not any(page.undated for page in pages):
        known_from = None
    else:
        known_from = Quarter.of(min(post.published.date() for post in posts.values())) if posts else Quarter.of(today)
    return Evidence(pages[0].kind, location, dict(counts), known_from, tuple(posts.values()))


def _parse_feed(body: bytes, location: str) -> _FeedPage:
    stripped = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    declared = _DECLARED.match(stripped)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        text = body.decode("utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise Unreadable("source_not_utf8", location=location, position=getattr(exc, "start", 0)) from None
    if _ENTITIES.search(text):
        # feedparser keeps a DOCTYPE's entity declarations, and expat expands them: a few
        # kilobytes of nested entities become gigabytes. No feed needs one.
        raise Unreadable("source_entities", location=location)
    # A stream, never a string: feedparser would take a string for a file name or an address.
    parsed = feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXParseException):
        at = {"line": problem.getLineNumber(), "column": problem.getColumnNumber(), "reason": problem.getMessage()}
        raise Unreadable("source_bad_xml", location=location, detail="xml_at", **at)
    if parsed.get("bozo") and isinstance(problem, xml.sax.SAXException):
        raise Unreadable("source_bad_xml", location=location, detail=str(problem)[:120])
    version = parsed.get("version") or ""
    if not version:
        raise Unreadable("source_not_feed", location=location)
    entries, undated = [], 0
    for entry in parsed.entries:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
        undated += not stamp
        if stamp:
            # feedparser gives UTC; the quarter is that of the local (+07:00) date.
            moment = datetime.datetime.fromtimestamp(calendar.timegm(stamp), datetime.UTC).astimezone(LOCAL_TZ)
            post = SeenPost(str(entry.get("link") or ""), str(entry.get("title") or ""), moment, str(entry.get("id") or ""))
            entries.append(post)
    links = {}
    for link in parsed.feed.get("links", []):
        rel, href = link.get("rel"), str(link.get("href") or "").strip()
        if rel in ("next", "prev-archive") and rel not in links and href:
            target = urljoin(location, href)
            if urlsplit(target).scheme in ("http", "https"):
                links[rel] = target
    history = _HISTORY.search(body)
    complete = bool(history) and re.search(rb"<" + re.escape(history.group(1)) + rb":complete[\s/>]", body) is not None
    generator = str(parsed.feed.get("generator") or "") + " " + str((parsed.feed.get("generator_detail") or {}).get("href") or "")
    return _FeedPage(
        SourceKind.ATOM if version.startswith("atom") else SourceKind.RSS,
        tuple(entries),
        complete,
        links.get("next"),
        links.get("prev-archive"),
        "wordpress.org" in generator.lower(),
        undated,
    )
