"""The HTML of a post body, made safe for a reader's browser: what a column needs stays, what can run goes.

Posts come from many hands and Markdown passes raw HTML through, so the rendered body of
every post is cleaned with nh3 (the Ammonia sanitizer) before it reaches a page or a feed.

Kept: text formatting, headings, lists, tables, quotes, code, footnotes, images, links
(``http``, ``https``, ``mailto``, ``tel`` and relative), ``<audio>``/``<video>``, and
``<iframe>`` embeds from the video hosts in :data:`EMBED_HOSTS`. Dropped: ``<script>``,
``<style>``, event handlers (``onerror=``…), forms and their fields, ``<object>``,
``<embed>``, ``<svg>``, and ``javascript:``/``data:`` URLs (an ``<img>`` may still carry
a ``data:image/png|jpeg|gif|webp`` picture). Every tag, handler and address dropped is
reported, so the author can fix the post rather than wonder where a part went. Attributes
outside the allow-list that only change the look (``target``, ``align``, ``data-*``, a
``style`` other than ``text-align``) go without a message.

    >>> html, removed = clean_body('<p onclick="x()">Xin chào<script>alert(1)</script></p>')
    >>> html, [removal.what for removal in removed]
    ('<p>Xin chào</p>', ['onclick=', '<script>'])
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

EMBED_HOSTS = (
    "https://www.youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://www.facebook.com/plugins/video.php",
)
"""Where an ``<iframe>`` may come from: the video players schools share their events on.

A ``src`` must stay under one of these after a browser resolves its path: ``/embed/../watch``
would show any page of the host in the post, so dot segments are resolved before comparing.
"""
_UNCLEAR_IN_EMBED = re.compile(r"[\x00-\x20\x7f\\]")
_ENCODED_IN_PATH = re.compile(r"%(?:2e|2f|5c)", re.IGNORECASE)
"""What a browser or server reads otherwise than the text says: spaces and controls (dropped
from a URL), backslashes (read as /), and a path's encoded dots and slashes (decoded by some
servers): refused, not guessed. A query may encode them (Facebook's ``href=https%3A%2F%2F…``)."""

_TAGS = (nh3.ALLOWED_TAGS | {"iframe", "audio", "video", "source", "figure", "figcaption"}) - {"map", "area"}
_GENERIC = {"class", "id", "title", "lang", "style"}
_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": {"href", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "iframe": {"src", "width", "height", "allowfullscreen", "loading"},
    "audio": {"src", "controls", "preload"},
    "video": {"src", "controls", "preload", "width", "height", "poster"},
    "source": {"src", "type", "srcset", "sizes", "media"},
    "*": _GENERIC,
}
_SCHEMES = {"http", "https", "mailto", "tel", "data"}
_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp)[;,]", re.IGNORECASE)
_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL)
_URL_ATTRIBUTES = {"href", "src", "poster", "cite", "srcset"}
_SAFE_SCHEME = re.compile(r"^\s*(?:https?:|mailto:|tel:|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


@dataclass(frozen=True)
class Removal:
    """One thing taken out of a body: how to name it to the author, and what to search for in the source."""

    what: str
    needle: str
    fallback: str | None = None
    """Searched when ``needle`` is not in the source (a scheme hidden behind an entity)."""


def is_allowed_embed(src: str) -> bool:
    """Whether an ``<iframe src>`` shows one of :data:`EMBED_HOSTS`' players, and nothing else of their sites.

    >>> is_allowed_embed("https://www.youtube.com/embed/abc"), is_allowed_embed("https://www.youtube.com/embed/../watch?v=abc")
    (True, False)
    """
    address = urlsplit(src)
    if _UNCLEAR_IN_EMBED.search(src) or _ENCODED_IN_PATH.search(address.path):
        return False
    path = _resolved(address.path)
    for allowed in EMBED_HOSTS:
        host = urlsplit(allowed)
        if (address.scheme, address.netloc) == (host.scheme, host.netloc):
            if path == host.path or (host.path.endswith("/") and path.startswith(host.path)):
                return True
    return False


def _resolved(path: str) -> str:
    """``path`` with its ``.`` and ``..`` segments resolved as a browser does (a trailing / kept)."""
    if not path.startswith("/") or "//" in path:
        return ""  # no path, or an empty segment a server may read either way: matches no player
    resolved = posixpath.normpath(path)
    last = path.rsplit("/", 1)[-1]
    return resolved + "/" if (path.endswith("/") or last in (".", "..")) and resolved != "/" else resolved


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "src" and tag == "iframe":
        return value if is_allowed_embed(value) else None
    if attribute == "srcset":  # nh3 checks URL schemes in href and src, not in srcset's list
        candidates = (part.strip().split(" ", 1)[0] for part in value.split(","))
        return value if all(_SAFE_SCHEME.match(url) for url in candidates if url) else None
    if (
        attribute in _URL_ATTRIBUTES
        and value.lstrip().lower().startswith("data:")
        and not _is_data_picture(tag, attribute, value)
    ):
        return None
    return value


def _is_data_picture(tag: str, attribute: str, value: str) -> bool:
    """A ``data:`` URL an ``<img>`` may show: the only one kept."""
    return tag == "img" and attribute == "src" and _DATA_IMAGE.match(value) is not None


# Built once: nh3.clean() converts every allow-list into Rust on each call, which cost more
# than the cleaning itself (60 ms against 25 ms for 1,000 posts).
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={"script", "style"},
    attributes=_ATTRIBUTES,
    attribute_filter=_keep_attribute,
    url_schemes=_SCHEMES,
    filter_style_properties={"text-align"},
    strip_comments=True,
    link_rel=None,  # no target=_blank survives, so there is no opener to cut off
)


def clean_body(html: str) -> tuple[str, tuple[Removal, ...]]:
    """``html`` with only what a column needs, and what was removed (each kind once)."""
    removals = _find_unsafe(html)
    cleaned = _CLEANER.clean(html)
    if "<iframe" in cleaned:
        cleaned = _EMPTY_IFRAME.sub("", cleaned)
    return cleaned, removals


def line_of(body: str, first_line: int, removal: Removal) -> int | None:
    """The file line where what was removed first appears, in a body that starts at ``first_line``."""
    lowered = body.lower()
    for needle in (removal.needle, removal.fallback):
        at = lowered.find(needle.lower()) if needle else -1
        if at >= 0:
            return first_line + body.count("\n", 0, at)
    return None


class _Inspector(HTMLParser):
    """Lists what :func:`clean_body` will drop, in the order it appears."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, Removal] = {}

    def note(self, what: str, needle: str, fallback: str | None = None) -> None:
        self.found.setdefault(what, Removal(what, needle, fallback))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _TAGS:
            self.note(f"<{tag}>", f"<{tag}")
            return
        if tag == "iframe" and not any(name == "src" for name, _ in attrs):  # srcdoc=, data-src=: removed whole
            self.note("<iframe>", "<iframe")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.note(f"{name}=", name)
            elif name in _URL_ATTRIBUTES and tag == "iframe" and _keep_attribute(tag, name, value) is None:
                self.note(f"<iframe src={value[:60]}>", value[:40] or "<iframe", "<iframe")
            elif name in _URL_ATTRIBUTES and (_keep_attribute(tag, name, value) is None or not _SAFE_SCHEME.match(value)):
                if not _is_data_picture(tag, name, value):
                    scheme = "".join(value.strip().split(":", 1)[0].lower().split())
                    self.note(f"{scheme}: ({name})", f"{scheme}:", f"{name}=")

    handle_startendtag = handle_starttag


# Only HTML with a tag outside the allow-list, an event handler, an iframe, a srcset, an
# address that is not http(s), mailto, tel or relative, or an entity (a scheme can hide
# behind one) can lose anything to nh3: only such a body pays for the inspection that names
# what is removed (Markdown's own output of plain text and links never does). The screen runs
# on every post, on the lowered body. A handler needs no space before it: `<img/onerror=` and
# `<img src="x"onerror=` are attributes to a browser too; and a tag name ends only at HTML's
# own spaces (`<img\xa0src=` is no <img>).
_OUTSIDE_ALLOW_LIST = re.compile(r"<(?!/?(?:" + "|".join(sorted(_TAGS - {"iframe"}, key=len, reverse=True)) + r")[ \t\n\r\f/>])")
_HANDLER = re.compile(r"on[a-z]+\s*=")
_ADDRESS = re.compile(  # srcset, a list of addresses, is in _SUSPECT
    "(?:" + "|".join(sorted(_URL_ATTRIBUTES - {"srcset"})) + r""")\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
)
_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot);)[a-z#]")
_SUSPECT = ("srcset", "javascript:", "vbscript:", "data:")


def _maybe_unsafe(html: str) -> bool:
    lowered = html.lower()
    return (
        any(needle in lowered for needle in _SUSPECT)
        or _OUTSIDE_ALLOW_LIST.search(lowered) is not None
        or _HANDLER.search(lowered) is not None
        or _ENTITY.search(lowered) is not None
        or any(not _SAFE_SCHEME.match(a or b or c) for a, b, c in _ADDRESS.findall(lowered))
    )


def _find_unsafe(html: str) -> tuple[Removal, ...]:
    if not _maybe_unsafe(html):
        return ()
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return tuple(inspector.found.values())
