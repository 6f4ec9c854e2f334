"""What is under ``posts/``: post files, publishable assets, and files refused or ignored, each said once.

Every file under the posts folder lands in exactly one of four places, and nothing from
outside the repository is ever read:

- a **post**: a Markdown file (``.md``, and the other extensions MkDocs renders as pages:
  ``.markdown``, ``.mdown``, ``.mkdn``, ``.mkd``), read and validated by :mod:`gecolumn.posts`;
- an **asset**: a photo, a document or a recording of a type in :data:`ASSET_TYPES`,
  published as it is under ``bai-viet/tep/``;
- a **problem**: a symlink, a special file, a file too large, a type a column does not
  publish (``.html``, ``.svg`` and ``.js`` can carry script; editor backups; ``.md.txt``),
  two names that differ only in case (one file on Windows and macOS);
- **ignored**, by the documented rule :func:`is_ignored`: names starting with ``_`` or
  ``.``, Office lock files ``~$…``, and the files Windows writes into photo folders
  (``Thumbs.db``, ``desktop.ini``).

Symlinks are never followed, whatever they point at: a link to ``/proc/self/environ``
would otherwise publish the build's secrets.

    >>> found = scan_sources("posts")
    >>> found.posts[:1], found.assets[:1], found.problems
    (('2024/binh-dang-gioi.md',), ('2024/anh.jpg',), ())
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from gecolumn.problems import Problem, Severity, megabytes

POST_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""Every extension MkDocs renders as a page: a post in any of them is checked like a ``.md``."""

ASSET_TYPES = frozenset(
    {
        # photos
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".heic", ".heif",
        # documents a column attaches (plans, reports, posters)
        ".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp",
        # recordings
        ".mp3", ".m4a", ".ogg", ".mp4", ".webm",
    }
)  # fmt: skip
"""File types published as assets. Anything else is reported, never published."""

_WINDOWS_NOISE = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})
_SCRIPT_TYPES = frozenset({".html", ".htm", ".xhtml", ".svg", ".svgz", ".js", ".mjs", ".xml", ".php"})
_BACKUP_ENDINGS = ("~", ".bak", ".tmp", ".orig", ".swp", ".old")

MAX_POST_BYTES = 1_000_000
"""A post is text: a megabyte is hundreds of pages. Larger is a mistake (a pasted image?)."""
MAX_ASSET_BYTES = 25_000_000
"""Surely a mistake for a school column (a raw video, a whole scan): refused, not uploaded."""
MAX_FILES = 50_000
"""More files than any column has; past this the folder is not a column (a copied disk?)."""
MAX_DEPTH = 16
"""Folder levels below ``posts/``; deeper is a copied tree, not a column."""


def is_ignored(name: str) -> bool:
    """Files and folders that are neither posts nor assets: hidden, ``_private``, Office locks, Windows thumbnails."""
    return name.startswith(("_", ".", "~$")) or name.lower() in _WINDOWS_NOISE


def is_post_file(name: str) -> bool:
    """Whether MkDocs would render this file as a page (so it must be checked as a post)."""
    return name.lower().endswith(POST_SUFFIXES)


@dataclass(frozen=True)
class Sources:
    """The files of a posts folder, sorted: what to read, what to publish, what was refused."""

    posts: tuple[str, ...]
    """Post files relative to the posts folder, ``/``-separated, as on disk; one too large is refused when it is read."""
    assets: tuple[str, ...]
    """Asset files relative to the posts folder, ``/``-separated, NFC (links in posts are NFC)."""
    problems: tuple[Problem, ...]
    disk_names: dict
    """NFC asset path → the path as it is on disk, where the two differ (macOS writes NFD)."""
    sizes: dict
    """Asset path → its size in bytes (feeds give an enclosure's length)."""
    others: tuple[str, ...] = ()
    """Regular files neither posts nor assets (a refused type, a backup, a case clash), as on disk: not published,
    but in the repository all the same, so the photo check looks into them by content."""


def scan_sources(posts_dir: str | os.PathLike, label_prefix: str = "posts/") -> Sources:
    """Sort every file under ``posts_dir`` into posts, assets and problems, following no symlink."""
    posts_dir = Path(posts_dir)
    posts: list[str] = []
    assets: list[str] = []
    problems: list[Problem] = []
    disk_names: dict[str, str] = {}
    sizes: dict[str, int] = {}
    seen_folded: dict[str, str] = {}
    count = 0

    def refuse(relative: str, code: str, severity: Severity = Severity.ERROR, **params) -> None:
        problems.append(Problem(label_prefix + relative, code, params=params, severity=severity))

    if posts_dir.is_symlink():
        refuse("", "symlink_refused")
        return Sources((), (), tuple(problems), {}, {})
    if not posts_dir.is_dir():
        return Sources((), (), (), {}, {})
    others: list[str] = []

    stack: list[tuple[Path, str, int]] = [(posts_dir, "", 0)]
    while stack:
        folder, prefix, depth = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            refuse(prefix, "unreadable_file", problem=exc.strerror or type(exc).__name__)
            continue
        subfolders = []
        for entry in entries:
            if is_ignored(entry.name):
                continue
            relative = prefix + entry.name
            count += 1
            if count > MAX_FILES:
                problems.append(Problem(label_prefix.rstrip("/") or "posts", "too_many_files", params={"limit": MAX_FILES}))
                return _sorted(posts, assets, problems, disk_names, sizes, others)
            if entry.is_symlink():
                refuse(relative, "symlink_refused")
                continue
            if entry.is_dir(follow_symlinks=False):
                if depth + 1 >= MAX_DEPTH:
                    refuse(relative + "/", "too_deep", limit=MAX_DEPTH)
                else:
                    subfolders.append((Path(entry.path), relative + "/", depth + 1))
                continue
            if not entry.is_file(follow_symlinks=False):
                refuse(relative, "not_regular_file")  # a FIFO would hang the build at open()
                continue
            name = entry.name.lower()
            if is_post_file(name):  # its size is checked when it is read: a stat here costs as much again
                posts.append(relative)
                continue
            kind = _refused_kind(name)
            if kind is not None:
                refuse(relative, kind, Severity.WARNING, suffix=Path(name).suffix or name)
                others.append(relative)
                continue
            size = entry.stat(follow_symlinks=False).st_size
            if size > MAX_ASSET_BYTES:
                refuse(relative, "file_too_large", size=megabytes(size), limit=megabytes(MAX_ASSET_BYTES))
                continue
            published = unicodedata.normalize("NFC", relative)
            folded = published.casefold()
            if folded in seen_folded:
                refuse(relative, "asset_case_clash", other=label_prefix + seen_folded[folded])
                others.append(relative)
                continue
            seen_folded[folded] = published
            if published != relative:
                disk_names[published] = relative
            sizes[published] = size
            assets.append(published)
        stack.extend(reversed(subfolders))
    return _sorted(posts, assets, problems, disk_names, sizes, others)


def _sorted(posts, assets, problems, disk_names, sizes, others) -> Sources:
    return Sources(tuple(sorted(posts)), tuple(sorted(assets)), tuple(problems), disk_names, sizes, tuple(sorted(others)))


def _refused_kind(name: str) -> str | None:
    """The message code saying why a file of this name is not published, or ``None`` when it is."""
    if name.endswith(_BACKUP_ENDINGS):
        return "asset_backup"
    if any(name.endswith(suffix + ".txt") for suffix in POST_SUFFIXES):
        return "asset_post_as_text"
    suffix = Path(name).suffix
    if suffix in _SCRIPT_TYPES:
        return "asset_script"
    if suffix not in ASSET_TYPES:
        return "asset_other_type"
    return None
