"""Reading posts: every ``*.md`` under ``posts/`` becomes a valid :class:`Post` or a problem.

Files are read the way staff save them on Windows: UTF-8 with or without a BOM, CRLF or
LF line ends, NFC or NFD. The front-matter is split with python-frontmatter's YAML
boundary and parsed by libyaml with date resolution switched off, so every date form goes
through one parser (:func:`gecolumn.dates.parse_post_date`) and keeps its local time.

    >>> corpus = load_posts("posts", config)          # doctest: +SKIP
    >>> [p.slug for p in corpus.posts], corpus.problems  # doctest: +SKIP
"""

from __future__ import annotations

import concurrent.futures
import datetime
import functools
import itertools
import multiprocessing
import os
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from gecolumn.config import ColumnConfig
from gecolumn.dates import parse_post_date
from gecolumn.problems import HasProblems, Problem, Severity, closest_match
from gecolumn.quarters import Quarter
from gecolumn.slugs import SLUG_PATTERN, slug_of

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
_BOUNDARY = YAMLHandler.FM_BOUNDARY
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TOP_LEVEL_KEY = re.compile(r"^([^\s#:'\"-][^:]*?)\s*:", re.MULTILINE)


class _PostLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """Safe YAML without timestamp resolution: ``2024-03-08 07:30`` and ``2024-03-08`` stay text."""


_PostLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
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
    """Other files (photos, attachments), relative to the posts folder."""


def is_ignored(name: str) -> bool:
    """Files and folders that are neither posts nor assets: hidden, ``_private``, Office locks."""
    return name.startswith(("_", ".", "~$"))


def is_post_file(name: str) -> bool:
    return name.lower().endswith(".md")


# Below this many files a second process costs more than it saves.
PARALLEL_FROM = 2000


def load_posts(
    posts_dir: str | os.PathLike,
    config: ColumnConfig | None,
    label_root: str | os.PathLike | None = None,
    workers: int | None = None,
) -> Corpus:
    """Read every post under ``posts_dir``; problems name files relative to ``label_root``.

    ``label_root`` defaults to the folder holding ``posts_dir`` (where ``mkdocs.yml`` is),
    so messages say ``posts/2024/bai.md``. With ``config`` ``None`` (unusable settings)
    units are not checked but everything else is. ``workers`` processes read the files
    (default: one per core for large columns where forking is safe, else one).
    """
    posts_dir = Path(posts_dir)
    label_root = Path(label_root) if label_root is not None else posts_dir.parent
    prefix = os.path.relpath(posts_dir, label_root).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    sources, assets = _walk(posts_dir)
    jobs = [(str(posts_dir / relative), relative, prefix + relative) for relative in sources]
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
    problems = [problem for _, found in results for problem in found]
    posts, clashes = _without_slug_clashes(posts, prefix)
    problems.extend(clashes)
    problems.sort(key=Problem.sort_key)
    return Corpus(tuple(posts), tuple(problems), tuple(assets))


def _walk(posts_dir: Path) -> tuple[list[str], list[str]]:
    """Post files and asset files under ``posts_dir``, relative, ``/``-separated, sorted."""
    sources, assets = [], []
    for folder, dirs, files in os.walk(posts_dir):
        dirs[:] = sorted(d for d in dirs if not is_ignored(d))
        relative_folder = os.path.relpath(folder, posts_dir).replace(os.sep, "/")
        relative_folder = "" if relative_folder == "." else relative_folder + "/"
        for name in sorted(files):
            if not is_ignored(name):
                (sources if is_post_file(name) else assets).append(relative_folder + name)
    return sources, assets


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
        with open(source, "rb") as handle:
            results.append(read_post(handle.read(), relative, config, label=label))
    return results


def read_post(raw: bytes, path: str, config: ColumnConfig | None, label: str | None = None) -> tuple[Post | None, list[Problem]]:
    """Validate one post's bytes; the post is ``None`` when any problem is an error."""
    label = label or path
    problems: list[Problem] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(label, "not_utf8", params={"position": exc.start})]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Text pasted from Word carries invisible control characters that YAML and XML reject.
    text = _CONTROL.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)

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

    # Where each top-level key stands, found only when a problem needs a line number.
    lines = functools.cache(lambda: _key_lines(front, first_line))
    try:
        meta = yaml.load(front, Loader=_PostLoader)
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
    draft = meta.get("draft")
    if draft is None:
        draft = False
    elif not isinstance(draft, bool):
        problem("not_boolean", "draft", value=draft)

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


Report = Callable[..., None]


def _key_lines(front: str, first_line: int) -> dict[str, int]:
    return {m.group(1): first_line + front.count("\n", 0, m.start()) for m in _TOP_LEVEL_KEY.finditer(front)}


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
    return value or None


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
            date=published.strftime("%d/%m/%Y"),
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
        if len(config.units) == 1:
            return config.units[0].id
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
    tags = (" ".join(str(tag).split()) for tag in value if tag is not None)
    return tuple(dict.fromkeys(tag for tag in tags if tag))


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


def _without_slug_clashes(posts: list[Post], prefix: str) -> tuple[list[Post], list[Problem]]:
    """Keep the first-published post at each slug: its link may already have been shared."""
    posts = sorted(posts, key=lambda p: (p.published, p.path))
    owners: dict[str, Post] = {}
    kept, problems = [], []
    for post in posts:
        owner = owners.setdefault(post.slug, post)
        if owner is post:
            kept.append(post)
        else:
            problems.append(
                Problem(prefix + post.path, "duplicate_slug", "slug", None, {"slug": post.slug, "other": prefix + owner.path})
            )
    return kept, problems
