"""Reading posts: every ``*.md`` under ``posts/`` becomes a valid :class:`Post` or a problem.

Files are read the way staff save them on Windows: UTF-8 with or without a BOM, CRLF or
LF line ends, NFC or NFD. The front-matter is split with python-frontmatter's YAML
boundary and parsed by libyaml with date resolution switched off, so every date form goes
through one parser (:func:`gecolumn.dates.parse_post_date`) and keeps its local time.

    >>> corpus = load_posts("posts", config)          # doctest: +SKIP
    >>> [p.slug for p in corpus.posts], corpus.problems  # doctest: +SKIP
"""

from __future__ import annotations

import codecs
import concurrent.futures
import dataclasses
import datetime
import functools
import itertools
import multiprocessing
import os
import posixpath
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from gecolumn.config import ColumnConfig
from gecolumn.dates import parse_post_date, short_vietnamese
from gecolumn.problems import HasProblems, Problem, Severity, closest_match
from gecolumn.quarters import Quarter
from gecolumn.slugs import SLUG_PATTERN, slug_of
from gecolumn.sources import MAX_POST_BYTES, is_ignored, is_post_file, scan_sources

__all__ = ["Corpus", "Post", "load_posts", "read_post", "is_ignored", "is_post_file"]

FIELDS = ("title", "date", "quarter", "unit", "tags", "summary", "author", "image", "slug", "draft")
_EXAMPLES = {
    "title": "Bình đẳng giới trong trường học",
    "date": "08/03/2024",
    "quarter": "2024-Q1",
    "unit": "thcs-bao-khe",
    "summary": "Tóm tắt một câu",
    "author": "Ban Vì sự tiến bộ phụ nữ",
    "image": "anh-bia.jpg",
}
# Longest text each field may hold: a headline, a share text, a name. Longer is a paste gone wrong.
MAX_LENGTH = {"title": 200, "summary": 1000, "author": 200, "image": 500, "slug": 80}
MAX_TAGS = 20
MAX_TAG_LENGTH = 60
MAX_FRONT_MATTER = 16_384
"""Characters between the two ``---`` lines; a real header is a few hundred."""
MAX_NESTING = 8
"""Lists inside lists: a post header needs two levels at most."""

_BOUNDARY = YAMLHandler.FM_BOUNDARY
# Invisible characters that text pasted from Word, Zalo or the web carries: C0 and C1
# controls (YAML and XML reject them), zero-width spaces and word joiners, and the bidi
# overrides that can make a title read differently from what it is.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_TOP_LEVEL_KEY = re.compile(r"^([^\s#:'\"-][^:\n]*?)\s*:", re.MULTILINE)
# Only a header with one of these can hold an alias, an explicit tag or deep nesting;
# only such a header pays for the event scan that bounds them before libyaml composes it.
_NEEDS_SCAN = re.compile(r"[&*!?]|-[ \t]+-|(?:[\[{].*){4}", re.DOTALL)
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})


class _Refused(Exception):
    """The header uses YAML a post never needs, at a cost we do not pay (aliases, deep nesting)."""

    def __init__(self, code: str, line: int, **params: Any):
        super().__init__(code)
        self.code, self.line, self.params = code, line, params


class _PostLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """Safe YAML where every scalar stays text (``no``, ``010``, ``1:30`` and dates are kept as written).

    A repeated key is an error at its line, not a silent overwrite.
    """

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in seen:
                raise _Refused("duplicate_field", key_node.start_mark.line, key=key)
            seen.add(key)
        return super().construct_mapping(node, deep)


# Only null keeps its YAML meaning: booleans, numbers and timestamps stay the text staff
# typed, and each field's own parser reads them (``draft`` reads true/false itself).
_PostLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Post:
    """A valid post, trusted by everything downstream."""

    path: str
    """Path relative to the posts folder, with ``/`` separators (``2024/ngay-8-3.md``)."""
    title: str
    published: datetime.datetime
    """Publication moment, aware, in Asia/Ho_Chi_Minh."""
    quarter: Quarter
    unit: str
    slug: str
    body: str
    body_line: int
    """Line of the file where ``body`` starts, for messages about the body."""
    tags: tuple[str, ...] = ()
    summary: str | None = None
    author: str | None = None
    image: str | None = None
    """The cover: an ``http(s)`` URL, or the path of an asset relative to the posts folder."""
    draft: bool = False

    @property
    def date(self) -> datetime.date:
        """The local publication date."""
        return self.published.date()


@dataclass(frozen=True)
class Corpus(HasProblems):
    """Everything found under the posts folder."""

    posts: tuple[Post, ...]
    """Valid posts, drafts included, oldest first."""
    problems: tuple[Problem, ...]
    assets: tuple[str, ...]
    """Publishable files (photos, attachments), relative to the posts folder, NFC."""
    disk_names: dict = dataclasses.field(default_factory=dict)
    """Asset path → its name on disk, where the two differ (NFD file names)."""
    asset_sizes: dict = dataclasses.field(default_factory=dict)
    """Asset path → size in bytes."""


# Below this many files a second process costs more than it saves.
PARALLEL_FROM = 2000


def load_posts(
    posts_dir: str | os.PathLike,
    config: ColumnConfig | None,
    label_root: str | os.PathLike | None = None,
    workers: int | None = None,
    today: datetime.date | None = None,
) -> Corpus:
    """Read every post under ``posts_dir``; problems name files relative to ``label_root``.

    ``label_root`` defaults to the folder holding ``posts_dir`` (where ``mkdocs.yml`` is),
    so messages say ``posts/2024/bai.md``. With ``config`` ``None`` (unusable settings)
    units are not checked but everything else is. ``workers`` processes read the files
    (default: one per core for large columns where forking is safe, else one). With
    ``today``, a post published by then keeps its URL against drafts and scheduled posts.
    """
    posts_dir = Path(posts_dir)
    label_root = Path(label_root) if label_root is not None else posts_dir.parent
    prefix = os.path.relpath(posts_dir, label_root).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    found = scan_sources(posts_dir, prefix)
    jobs = [(str(posts_dir / relative), relative, prefix + relative) for relative in found.posts]
    if workers is None:
        workers = _default_workers(len(jobs))
    if workers > 1:
        chunks = [jobs[n::workers] for n in range(workers)]
        context = multiprocessing.get_context("fork")
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            results = [r for chunk in pool.map(_read_files, chunks, itertools.repeat(config)) for r in chunk]
    else:
        results = _read_files(jobs, config)
    posts = [post for post, _ in results if post is not None]
    problems = list(found.problems)
    problems.extend(problem for _, found_in_post in results for problem in found_in_post)
    assets = set(found.assets)
    posts = [_with_cover(post, assets, prefix, problems) for post in posts]
    posts, clashes = _without_slug_clashes(posts, prefix, today)
    problems.extend(clashes)
    problems.sort(key=Problem.sort_key)
    return Corpus(tuple(posts), tuple(problems), found.assets, found.disk_names, found.sizes)


def _default_workers(files: int) -> int:
    # Fork only where it is cheap and safe: POSIX, and no other thread (mkdocs serve runs
    # a watcher thread) that could hold a lock at the moment of the fork.
    if files < PARALLEL_FROM or threading.active_count() > 1:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 4)


def _read_files(jobs: list[tuple[str, str, str]], config: ColumnConfig | None) -> list[tuple[Post | None, list[Problem]]]:
    results = []
    for source, relative, label in jobs:
        try:
            # O_NOFOLLOW: the file was checked not to be a symlink; it must not become one now.
            descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
            with open(descriptor, "rb") as handle:
                raw = handle.read(MAX_POST_BYTES + 1)
        except OSError as exc:
            results.append((None, [Problem(label, "unreadable_file", params={"problem": exc.strerror or type(exc).__name__})]))
            continue
        if len(raw) > MAX_POST_BYTES:
            results.append((None, [Problem(label, "file_too_large", params={"size": "> 1 MB", "limit": "1.0 MB"})]))
            continue
        results.append(read_post(raw, relative, config, label=label))
    return results


def decode_post(raw: bytes) -> str:
    """The text of a post file as any Windows editor saves it: UTF-8 (BOM or not) or Notepad's UTF-16, LF lines, NFC.

    Raises ``UnicodeDecodeError``.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16")
    else:
        text = raw.decode("utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def read_post(raw: bytes, path: str, config: ColumnConfig | None, label: str | None = None) -> tuple[Post | None, list[Problem]]:
    """Validate one post's bytes; the post is ``None`` when any problem is an error."""
    label = label or path
    problems: list[Problem] = []
    try:
        text = decode_post(raw)
    except UnicodeDecodeError as exc:
        return None, [Problem(label, "not_utf8", params={"position": exc.start})]

    # Blank lines before the opening '---' are harmless; anything else means no front-matter.
    leading = len(text) - len(text.lstrip("\n"))
    boundaries = list(itertools.islice(_BOUNDARY.finditer(text, leading), 2))
    if not boundaries or boundaries[0].start() != leading:
        return None, [Problem(label, "no_front_matter", line=1)]
    if len(boundaries) < 2:
        return None, [Problem(label, "unclosed_front_matter", line=leading + 1)]
    opening, closing = boundaries[0], boundaries[1]
    front = text[opening.end() : closing.start()]
    first_line = text.count("\n", 0, opening.end()) + 1  # file line of front[0]
    body = text[closing.end() :].lstrip("\n")
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    if len(front) > MAX_FRONT_MATTER:
        return None, [
            Problem(label, "front_matter_too_large", line=first_line, params={"size": len(front), "limit": MAX_FRONT_MATTER})
        ]

    # Where each top-level key stands, found only when a problem needs a line number.
    lines = functools.cache(lambda: _key_lines(front, first_line))
    try:
        if _NEEDS_SCAN.search(front):
            _bound_structure(front)
        meta = yaml.load(front, Loader=_PostLoader)
    except _Refused as refused:
        line = first_line + refused.line
        field = refused.params.get("key") or next((key for key, at in lines().items() if at == line), None)
        return None, [Problem(label, refused.code, field, line, refused.params)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        field = next((key for key, at in lines().items() if at == line), None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(label, "yaml_syntax", field, line, {"problem": problem})]
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, [Problem(label, "front_matter_not_mapping", line=first_line)]

    def problem(code: str, field: str, severity: Severity = Severity.ERROR, **params: Any) -> None:
        params.setdefault("example", _EXAMPLES.get(field, ""))
        problems.append(Problem(label, code, field, lines().get(field), params, severity))

    for key in meta:
        if key not in FIELDS:
            problems.append(
                Problem(
                    label,
                    "unknown_field",
                    str(key),
                    lines().get(str(key)),
                    {"suggestion": closest_match(str(key), FIELDS)},
                    Severity.WARNING,
                )
            )

    title = _text(meta, "title", problem, required=True)
    published = _date(meta, problem)
    quarter = _quarter(meta, published, problem)
    unit = _unit(meta, config, problem)
    tags = _tags(meta, problem)
    summary, author, image = (_text(meta, name, problem) for name in ("summary", "author", "image"))
    slug = _slug(meta, title, path, problem)
    draft = _boolean(meta, "draft", problem)

    if any(p.is_error for p in problems):
        return None, problems
    post = Post(
        path=path,
        title=title,
        published=published,
        quarter=quarter,
        unit=unit,
        slug=slug,
        body=body,
        body_line=body_line,
        tags=tags,
        summary=summary,
        author=author,
        image=image,
        draft=draft,
    )
    return post, problems


def _bound_structure(front: str) -> None:
    """Refuse anchors, aliases, explicit tags and deep nesting before libyaml builds anything.

    A few hundred bytes of nested aliases expand to gigabytes, and libyaml composes nested
    lists recursively (25,000 ``[`` crash the interpreter). Events are read flat, so this
    pass costs neither.
    """
    depth = 0
    try:
        for event in yaml.parse(front, Loader=_PostLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise _Refused("yaml_alias", event.start_mark.line)
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag and not _implicit(event):
                raise _Refused("yaml_tag", event.start_mark.line, tag=event.tag)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    raise _Refused("too_deep_nesting", event.start_mark.line, limit=MAX_NESTING)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # the syntax error is reported by the real load, with its line


def _implicit(event) -> bool:
    implicit = event.implicit
    return any(implicit) if isinstance(implicit, tuple) else bool(implicit)


Report = Callable[..., None]


def _key_lines(front: str, first_line: int) -> dict[str, int]:
    """Top-level key → file line, the first time each appears; one pass over the header."""
    lines: dict[str, int] = {}
    line, counted_to = first_line, 0
    for match in _TOP_LEVEL_KEY.finditer(front):
        line += front.count("\n", counted_to, match.start())
        counted_to = match.start()
        lines.setdefault(match.group(1), line)
    return lines


def _text(meta: dict, field: str, problem: Report, required: bool = False) -> str | None:
    value = meta.get(field)
    if value is None:
        if required:
            problem("missing_field" if field not in meta else "empty_field", field)
        return None
    if isinstance(value, (dict, list)):
        problem("not_text", field)
        return None
    value = " ".join(str(value).split())
    if not value and required:
        problem("empty_field", field)
        return None
    if len(value) > MAX_LENGTH.get(field, 1000):
        problem("too_long", field, length=len(value), limit=MAX_LENGTH.get(field, 1000))
        return None
    return value or None


def _boolean(meta: dict, field: str, problem: Report) -> bool:
    value = meta.get(field)
    if value is None:
        return False
    if not isinstance(value, str) or value.strip().lower() not in _TRUE | _FALSE:
        problem("not_boolean", field, value=value if isinstance(value, str) else type(value).__name__)
        return False
    return value.strip().lower() in _TRUE


def _date(meta: dict, problem: Report) -> datetime.datetime | None:
    value = meta.get("date")
    if value is None:
        problem("missing_field" if "date" not in meta else "empty_field", "date")
        return None
    try:
        return parse_post_date(str(value))
    except ValueError:
        problem("bad_date", "date", value=value)
        return None


def _quarter(meta: dict, published: datetime.datetime | None, problem: Report) -> Quarter | None:
    value = meta.get("quarter")
    expected = Quarter.of(published.date()) if published else None
    example = str(expected) if expected else "2024-Q1"
    if value is None:
        problem("missing_field" if "quarter" not in meta else "empty_field", "quarter", example=example)
        return None
    try:
        quarter = Quarter.parse(str(value))
    except ValueError:
        reference = expected or Quarter(2024, 1)
        problem(
            "bad_quarter",
            "quarter",
            value=value,
            example=example,
            roman=reference.roman,
            number=reference.number,
            year=reference.year,
        )
        return None
    if expected is not None and quarter != expected:
        problem(
            "quarter_mismatch",
            "quarter",
            value=value,
            quarter=str(quarter),
            date=short_vietnamese(published),
            date_quarter=expected.vietnamese,
            date_quarter_id=str(expected),
        )
        return None
    return quarter


def _unit(meta: dict, config: ColumnConfig | None, problem: Report) -> str | None:
    value = meta.get("unit")
    if config is None:
        return str(value) if value is not None else ""
    known = ", ".join(config.unit_ids)
    if value is None or str(value).strip() == "":
        if config.default_unit is not None:
            return config.default_unit.id
        problem("unit_required", "unit", known=known)
        return None
    value = str(value).strip()
    if config.unit(value) is None:
        closest = closest_match(value, config.unit_ids) or closest_match(slug_of(value), config.unit_ids)
        problem("unknown_unit", "unit", value=value, known=known, closest=closest)
        return None
    return value


def _tags(meta: dict, problem: Report) -> tuple[str, ...]:
    value = meta.get("tags")
    if value is None:
        return ()
    if isinstance(value, str):  # "tags: Gia đình, Luật" is what people type
        value = value.split(",")
    if not isinstance(value, list) or any(isinstance(tag, (dict, list)) for tag in value):
        problem("not_tag_list", "tags")
        return ()
    tags = tuple(dict.fromkeys(tag for tag in (" ".join(str(t).split()) for t in value if t is not None) if tag))
    if len(tags) > MAX_TAGS:
        problem("too_many_tags", "tags", count=len(tags), limit=MAX_TAGS)
        return ()
    long = next((tag for tag in tags if len(tag) > MAX_TAG_LENGTH), None)
    if long is not None:
        problem("too_long", "tags", length=len(long), limit=MAX_TAG_LENGTH)
        return ()
    return tags


def _slug(meta: dict, title: str | None, path: str, problem: Report) -> str | None:
    value = meta.get("slug")
    if value is not None:
        value = str(value).strip()
        if not SLUG_PATTERN.match(value):
            problem("bad_slug", "slug", value=value, suggestion=slug_of(value) or slug_of(Path(path).stem) or "bai-viet")
            return None
        return value
    if title is None:
        return None
    return slug_of(title) or slug_of(Path(path).stem) or "bai-viet"


_URL = re.compile(r"^https?://[^\s/\"'<>\\]+(?:/[^\s\"'<>\\]*)?$", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _with_cover(post: Post, assets: set[str], prefix: str, problems: list[Problem]) -> Post:
    """The post with ``image`` resolved to an asset path or an http(s) URL; a cover that is neither is reported and dropped."""
    if not post.image:
        return post
    if _URL.match(post.image):
        return post
    if _SCHEME.match(post.image) or post.image.startswith(("/", "\\")):
        code = "image_bad_url"
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(post.path), post.image))
        if resolved in assets:
            return replace(post, image=resolved)
        code = "image_not_found"
    problems.append(Problem(prefix + post.path, code, "image", None, {"value": post.image}, Severity.WARNING))
    return replace(post, image=None)


def _without_slug_clashes(posts: list[Post], prefix: str, today: datetime.date | None) -> tuple[list[Post], list[Problem]]:
    """Keep the first-published post at each slug: its link may already have been shared.

    A draft or a post scheduled after ``today`` never takes a URL from one already out.
    """

    def waiting(post: Post) -> bool:
        return post.draft or (today is not None and post.date > today)

    posts = sorted(posts, key=lambda p: (waiting(p), p.published, p.path))
    owners: dict[str, Post] = {}
    kept, problems = [], []
    for post in posts:
        owner = owners.setdefault(post.slug, post)
        if owner is post:
            kept.append(post)
        else:
            problems.append(
                Problem(
                    prefix + post.path,
                    "duplicate_slug",
                    "slug",
                    None,
                    {"slug": post.slug, "other": prefix + owner.path},
                    Severity.WARNING if waiting(post) else Severity.ERROR,
                )
            )
    kept.sort(key=lambda p: (p.published, p.path))
    return kept, problems
