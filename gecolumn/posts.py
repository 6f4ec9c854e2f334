"""Reading posts: every post file under ``posts/`` becomes a valid :class:`Post` or a problem.

:mod:`gecolumn.sources` says which files are posts; :mod:`gecolumn.front_matter` finds and
parses each one's header safely; :mod:`gecolumn.fields` reads its fields. A post never holds
its body: the check needs only headers, and the site reads a body when it renders the page
(:meth:`Corpus.body`).

    >>> corpus = load_posts("posts", config)
    >>> [p.slug for p in corpus.posts], corpus.problems
    (['ngay-quoc-te-phu-nu', 'ngay-gia-dinh-viet-nam', 'binh-dang-gioi'], ())
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime
import functools
import itertools
import operator
import os
import posixpath
import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import markdown
import yaml
from markdown import util as markdown_util

from gecolumn.config import ColumnConfig
from gecolumn.fields import FIELD_NAMES, post_attributes, read_fields
from gecolumn.front_matter import Refused, Split, key_lines, load_header, read_body, split_post
from gecolumn.linear_markdown import LinearScans, fenced_code_blocks
from gecolumn.problems import HasProblems, Problem, Severity, closest_match, megabytes
from gecolumn.quarters import Quarter
from gecolumn.sources import ASSET_TYPES, MAX_POST_BYTES, is_ignored, is_post_file, scan_sources

__all__ = ["Corpus", "Post", "load_posts", "read_post", "is_ignored", "is_post_file", "long_inline_text"]

# Below this many files a second process costs more than it saves.
PARALLEL_FROM = 2000

MAX_PARAGRAPH_CHARS = 24_000
"""The most characters a post's paragraph (text between blank lines), or a row of a table, may hold.

Markdown's inline patterns rebuild a paragraph's text, and list its elements, at each match:
a paragraph costs time quadratic in its length. The worst construct measured (``*a*``
repeated) takes 0.18 s at 16,000 characters, 0.34 s at 24,000 and 0.8 s at 32,000; other
constructs (``\\*``, ``<a>``, ``[x](y)``) at most as much. Real paragraphs are under 3,000
characters. A fenced code block is never read by the inline patterns, and a table's cells
are read one by one: neither is bounded as a whole, a table row is. Bounded, a post of 1 MB
builds in time linear in its size.
"""


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
    body_line: int
    """Line of the file where the body starts, for messages about the body (read by :meth:`Corpus.body`)."""
    tags: tuple[str, ...] = ()
    summary: str | None = None
    author: str | None = None
    image: str | None = None
    """The cover: an ``http(s)`` URL, or the path of an asset relative to the posts folder."""
    draft: bool = False
    welcome: bool = False
    """The welcome post ``gecolumn new`` writes (``welcome: true``): on the site, but never a quarter's post."""
    mentions: frozenset[str] = frozenset()
    """Base names (casefolded, NFC) of the files the post's text could link to: see :func:`mentioned_files`."""
    links: frozenset[str] = frozenset()
    """The same, as paths relative to the posts folder, resolved from the post's own folder."""

    @property
    def date(self) -> datetime.date:
        """The local publication date."""
        return self.published.date()

    def is_out(self, today: datetime.date) -> bool:
        """Out on ``today``: not a draft, and dated on or before it; only such a post is on the site and counts."""
        return not self.draft and self.date <= today

    def counts(self, today: datetime.date) -> bool:
        """Counts for its quarter on ``today``: out, and not the column's welcome post."""
        return self.is_out(today) and not self.welcome


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
    root: str = ""
    """The posts folder: bodies are read from it when a page is rendered."""
    prefix: str = "posts/"
    """How messages name the posts folder (relative to the column's folder)."""
    other_files: tuple[str, ...] = ()
    """Files under the posts folder that are neither posts nor published (:attr:`gecolumn.sources.Sources.others`)."""

    def label(self, post: Post) -> str:
        """How messages name a post's file: ``posts/2024/a.md``."""
        return self.prefix + post.path

    def body(self, post: Post) -> str:
        """A post's Markdown body, read now: the check never holds bodies, the site one page at a time."""
        return read_body(os.path.join(self.root, post.path))


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
    root = str(posts_dir)
    jobs = [(f"{root}/{relative}", relative, prefix + relative) for relative in found.posts]  # "/" works on Windows too
    if workers is None:
        workers = _default_workers(len(jobs))
    if workers > 1:
        results = _read_in_processes([jobs[n::workers] for n in range(workers)], config)
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
    return Corpus(
        tuple(posts), tuple(problems), found.assets, found.disk_names, found.sizes, str(posts_dir), prefix, found.others
    )


def _default_workers(files: int) -> int:
    # Fork only where it is cheap and safe: POSIX, and no other thread (mkdocs serve runs
    # a watcher thread) that could hold a lock at the moment of the fork.
    if files < PARALLEL_FROM or threading.active_count() > 1:
        return 1
    import multiprocessing  # a column of a few hundred posts never forks: it need not load this

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 4)


def _read_in_processes(chunks: list[list[tuple[str, str, str]]], config: ColumnConfig | None) -> list:
    """:func:`_read_files` on each chunk, the first in this process and each other in a forked one, in chunk order."""
    import concurrent.futures
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(len(chunks) - 1, mp_context=context) as pool:
        # This process reads a share too rather than wait: one process fewer to fork, and
        # one share of the results that never has to be pickled and sent back.
        others = [pool.submit(_read_files, chunk, config) for chunk in chunks[1:]]
        results = _read_files(chunks[0], config)
        for other in others:
            results.extend(other.result())
    return results


def _read_files(jobs: list[tuple[str, str, str]], config: ColumnConfig | None) -> list[tuple[Post | None, list[Problem]]]:
    results = []
    for source, relative, label in jobs:
        try:
            raw, size = _read_bounded(source)
        except OSError as exc:
            results.append((None, [Problem(label, "unreadable_file", params={"problem": exc.strerror or type(exc).__name__})]))
            continue
        if len(raw) > MAX_POST_BYTES or size > MAX_POST_BYTES:
            shown = megabytes(size) if size > MAX_POST_BYTES else "> 1 MB"  # else it grew after its size was taken
            results.append((None, [Problem(label, "file_too_large", params={"size": shown, "limit": megabytes(MAX_POST_BYTES)})]))
            continue
        results.append(read_post(raw, relative, config, label=label))
    return results


# O_NOFOLLOW: the file was checked not to be a symlink; it must not become one now.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _read_bounded(source: str) -> tuple[bytes, int]:
    """The file's bytes, at most ``MAX_POST_BYTES + 1`` of them (one more: it grew too large), and its size.

    A file already larger than the bound is not read at all.
    """
    descriptor = os.open(source, _OPEN_FLAGS)
    try:
        size = os.fstat(descriptor).st_size
        if size > MAX_POST_BYTES:
            return b"", size
        # Asked for by the file's size, not by the bound: a megabyte buffer for every post
        # costs more than reading the post. A file that grew since is read on, to the bound.
        ask = size + 1
        chunks, got = [], 0
        while got <= MAX_POST_BYTES:
            chunk = os.read(descriptor, ask)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            ask = MAX_POST_BYTES + 1 - got
    finally:
        os.close(descriptor)
    return b"".join(chunks), size


def read_post(raw: bytes, path: str, config: ColumnConfig | None, label: str | None = None) -> tuple[Post | None, list[Problem]]:
    """Validate one post's bytes; the post is ``None`` when any problem is an error."""
    label = label or path
    split: Split | None = None  # a refusal found while splitting has no header to place its line in
    try:
        split = split_post(raw)
        meta = load_header(split.front)
    except UnicodeDecodeError as exc:
        return None, [Problem(label, "not_utf8", params={"position": exc.start})]
    except Refused as refused:
        return None, [_refusal(refused, label, split)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = split.first_line + mark.line if mark is not None else None
        field = next((key for key, at in key_lines(split.front, split.first_line).items() if at == line), None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(label, "yaml_syntax", field, line, {"problem": problem})]
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, [Problem(label, "front_matter_not_mapping", line=split.first_line)]

    # Where each top-level key stands, found only when a problem needs a line number.
    found_lines: dict[str, int] = {}

    def line_of(key: str) -> int | None:
        if not found_lines:
            found_lines.update(key_lines(split.front, split.first_line))
        return found_lines.get(key)

    problems = [
        Problem(
            label,
            "unknown_field",
            str(key),
            line_of(str(key)),
            {"suggestion": closest_match(str(key), FIELD_NAMES)},
            Severity.WARNING,
        )
        for key in meta
        if key not in FIELD_NAMES
    ]

    def problem(code: str, field: str, **params: Any) -> None:
        problems.append(Problem(label, code, field, line_of(field), params))

    values, _ = read_fields(meta, config, path, problem)
    long_text = _long_inline_text(raw, split)
    if long_text is not None:
        code, line, length = long_text
        problems.append(Problem(label, code, line=line, params={"length": length, "limit": MAX_PARAGRAPH_CHARS}))
    if any(p.is_error for p in problems):
        return None, problems
    links, mentions = mentioned_files(raw, path)
    post = Post(path=path, body_line=split.body_line, mentions=mentions, links=links, **post_attributes(values))
    return post, problems


def _long_inline_text(raw: bytes, split: Split) -> tuple[str, int, int] | None:
    """:func:`long_inline_text` of a post file's body, at the line of the file."""
    # The normalisation split_post makes, so that split.body_start points into it.
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw = raw.decode("utf-16").encode("utf-8")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    found = long_inline_text(raw[split.body_start :].decode("utf-8", "replace"))
    if found is None:
        return None
    code, line, length = found
    return code, split.body_line + line - 1, length


def long_inline_text(body: str) -> tuple[str, int, int] | None:
    """The first text of a Markdown body that Markdown's inline patterns would read whole and is over :data:`MAX_PARAGRAPH_CHARS`, as (code, line from 1, length); ``None`` if none is.

    Those texts are what Markdown's own block parsing makes of the body: a block between blank
    lines (``paragraph_too_long``, at its first line), except a fenced code block (never read
    by them), a table, whose rows are read cell by cell (``table_row_too_long``, at the row), and a
    list, whose items are read one by one (``list_item_too_long``, at the item).

        >>> long = "x" * (MAX_PARAGRAPH_CHARS + 1)
        >>> long_inline_text(f"a\\n\\n{long}\\n")
        ('paragraph_too_long', 3, 24001)
        >>> long_inline_text(f"```\\n{long}\\n```\\n") is None
        True
    """
    text = _as_markdown_reads_it(body.rstrip("\n"))  # the file's last line end is no text
    if len(text) <= MAX_PARAGRAPH_CHARS:
        return None
    outside_code = 0
    for code_block in itertools.chain(fenced_code_blocks(text), [None]):
        end = code_block[0] if code_block is not None else len(text)
        for block in _BLOCK.finditer(text, outside_code, end):
            if block.end() - block.start() <= MAX_PARAGRAPH_CHARS:
                continue
            line = 1 + text.count("\n", 0, block.start())
            # The table test reads a block's first two rows: a longer one is never tried (its cost grows faster).
            first_rows_fit = all(len(row) <= MAX_PARAGRAPH_CHARS for row in block.group().split("\n", 2)[:2])
            if first_rows_fit and _is_table(block.group()):
                parts, code = _LINE.finditer(text, block.start(), block.end()), "table_row_too_long"
            elif (items := _list_items(text, block.start(), block.end())) is not None:
                parts, code = items, "list_item_too_long"
            else:
                return "paragraph_too_long", line, block.end() - block.start()
            longest = max(parts, key=lambda part: part.end() - part.start())
            if len(longest.group()) > MAX_PARAGRAPH_CHARS:
                return code, line + text.count("\n", block.start(), longest.start()), len(longest.group())
        if code_block is None:
            return None
        outside_code = code_block[1]
    return None


def _as_markdown_reads_it(body: str) -> str:
    """A body as Markdown's whitespace preprocessor hands it on: the same lines, tabs expanded."""
    # markdown/preprocessors.py NormalizeWhitespace (tab_length 4, MkDocs' too); no line is added or removed.
    text = body.replace(markdown_util.STX, "").replace(markdown_util.ETX, "").expandtabs(4)
    return _SPACES_ONLY_LINE.sub("\n", text)


_SPACES_ONLY_LINE = re.compile(r"(?<=\n) +\n")
_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")
"""A block of Markdown's block parser: lines up to a blank line (the text is normalised: blank lines are empty)."""
_LINE = re.compile(r"[^\n]+")


def _is_table(block: str) -> bool:
    """Whether Markdown's ``tables`` extension reads this block as a table (its own test, on its first two rows)."""
    return _block_processors()["table"].test(None, block)


_ITEM_LINES = (r"[ ]{0,3}\d+\.[ ]+", r"[ ]{0,3}[*+-][ ]+")
"""A line that starts an item of Markdown's lists (``OListProcessor.RE``, ``UListProcessor.RE``, tab length 4)."""
_LIST_ITEMS = tuple(re.compile(rf"^{line}[^\n]*(?:\n(?!{line})[^\n]*)*", re.MULTILINE) for line in _ITEM_LINES)
"""An item of a list: its line, and every following line up to the next line that starts an item of its kind."""


def _list_items(text: str, start: int, end: int):
    """The items of the list that the block ``text[start:end]`` is, if Markdown reads it as one list; ``None`` if not.

    Markdown reads each item on its own (its text, its nested lists), so a list of short
    items costs time linear in its length. A line that starts an item of the other kind, or an
    indented one, is counted here in the item above, as ``sane_lists`` reads it (plain
    Markdown splits there too: its items are never longer). A heading or a rule anywhere in a
    block, or a setext underline, splits it before any list sees it, and the rest is read
    afresh, maybe as one paragraph: such a block is not taken for a list.
    """
    block, processors = text[start:end], _block_processors()
    if any(processors[name].test(None, block) for name in ("hashheader", "setextheader", "hr")):
        return None
    item = next((item for item in _LIST_ITEMS if item.match(text, start, end)), None)
    return None if item is None else item.finditer(text, start, end)


@functools.cache
def _block_processors():
    """Markdown's block processors, whose tests say how it reads a block (the table's splits a row in linear time)."""
    return markdown.Markdown(extensions=["tables", LinearScans()]).parser.blockprocessors


_EXTENSIONS = "|".join(sorted((suffix[1:] for suffix in ASSET_TYPES), key=len, reverse=True))
_ENDING = re.compile(rf"\.(?:{_EXTENSIONS})(?!\w)", re.IGNORECASE)
_HARD_STOPS = (" ", "\t", "\n", '"', "'", "<", ">", "|", "\\", "`")
"""Characters no file name in a post's link contains: a name starts after the last of them."""
_SOFT_STOPS = frozenset("([]=*:")
"""Characters a name may contain (``anh(1).jpg``) or that may open it (``](anh.jpg)``): each is tried as a start."""
_MAX_NAME = 255
_ASSET_FOLDER = "/bai-viet/tep/"


def mentioned_files(raw: bytes, path: str = "") -> tuple[frozenset[str], frozenset[str]]:
    """What a post's text could link to: the paths (relative to the posts folder) and the base names, casefolded, NFC.

    Deliberately generous (a name in running text counts, ``anh(1).jpg`` as well as ``1).jpg``):
    it decides which files a draft holds back, and a file a published post might use must
    never be held back. Linear in the post: each name is looked for in at most 255 characters
    before its extension, after the name before it.

    >>> links, names = mentioned_files(b"![x](anh(1).jpg) <img src='../2024/IMG_1.JPG'> f.jpg.", "2025/bai.md")
    >>> sorted(link for link in links if link in ("2024/img_1.jpg", "2025/anh(1).jpg", "2025/f.jpg"))
    ['2024/img_1.jpg', '2025/anh(1).jpg', '2025/f.jpg']
    >>> sorted(name for name in names if "/" not in name and "(" not in name[:1] and "]" not in name)
    ['1).jpg', 'anh(1).jpg', 'f.jpg', 'img_1.jpg']
    """
    text = raw.decode("utf-8", "replace")
    folder = posixpath.dirname(path)
    links, names = set(), set()
    previous = 0
    for match in _ENDING.finditer(text):
        # A name starts after the last hard stop, and after the name before it: linear in the post.
        window = text[max(previous, match.start() - _MAX_NAME) : match.end()]
        previous = match.end()
        candidate = window[max(window.rfind(stop) for stop in _HARD_STOPS) + 1 :]
        starts = [0, *(n + 1 for n, char in enumerate(candidate) if char in _SOFT_STOPS)]
        for start in starts:
            name = unicodedata.normalize("NFC", unquote(candidate[start:])).casefold()
            if posixpath.basename(name).startswith(".") or not name:
                continue
            names.add(posixpath.basename(name))
            if _ASSET_FOLDER in name:  # a link to the published copy: /bai-viet/tep/2024/anh.jpg
                links.add(name.split(_ASSET_FOLDER, 1)[1])
            elif "://" not in name and not name.startswith("/"):
                links.add(posixpath.normpath(posixpath.join(folder, name)))
    return frozenset(links), frozenset(names)


def _refusal(refused: Refused, label: str, split: Split | None) -> Problem:
    """A refused header as a problem; lines from the YAML scan are relative to the header."""
    line = refused.line
    field = refused.params.get("key")
    if split is not None and line is not None:
        line = split.first_line + line
        field = field or next((key for key, at in key_lines(split.front, split.first_line).items() if at == line), None)
    return Problem(label, refused.code, field, line, refused.params)


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

    A draft or a post scheduled after ``today`` never takes a URL from one already out;
    without ``today``, only drafts wait.
    """

    by_time = sorted(posts, key=operator.attrgetter("published", "path"))
    waiting = {id(post) for post in by_time if (post.draft if today is None else not post.is_out(today))}
    # Posts out claim their slugs first, each group in publication order.
    claimants = [post for post in by_time if id(post) not in waiting] + [post for post in by_time if id(post) in waiting]
    owners: dict[str, Post] = {}
    lost, problems = set(), []
    for post in claimants:
        owner = owners.setdefault(post.slug, post)
        if owner is not post:
            lost.add(id(post))
            problems.append(
                Problem(
                    prefix + post.path,
                    "duplicate_slug",
                    "slug",
                    None,
                    {"slug": post.slug, "other": prefix + owner.path},
                    Severity.WARNING if id(post) in waiting else Severity.ERROR,
                )
            )
    return [post for post in by_time if id(post) not in lost], problems
