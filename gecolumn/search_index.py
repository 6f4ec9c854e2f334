"""Pagefind's index of the posts, built while MkDocs renders the rest of the site.

Pagefind's service mode (the binary of the pinned ``pagefind-bin`` package, ``--service``)
takes pages one by one on stdin and writes the index when asked. The build hands it each
post (:func:`post_record`) as soon as Markdown has run, and asks for the index before the
templates are rendered, so Pagefind works on another core while MkDocs does, instead of a
whole second pass over ``site/`` after the build. The protocol is
the one Pagefind's own Python and Node APIs speak: base64 JSON messages ended by ``,``.
(The Python API is not used because it reads one answer per tenth of a second.)
The index comes back as files in memory (``GetFiles``) and is written here, one file after
the other: Pagefind's own ``WriteFiles`` creates its thousand fragments from dozens of
threads at once, which spend about a second of CPU waiting on each other for the folder.

>>> index = SearchIndex.start()
>>> index.add("/bai-viet/a/", "<html lang='vi'><body data-pagefind-body><p>Bình đẳng</p></body></html>")
>>> index.finish(Path("site/pagefind"))
1
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

from jinja2 import Template

from gecolumn.slugs import folded_words
from gecolumn.views import PostView

RECORD_TEMPLATE = "column/search-record.html"
"""The theme's template of what Pagefind is given for a post: the page's ``column/article.html``, alone."""
ANSWER_SECONDS = 600
"""How long the build waits for one answer of Pagefind (a page, or the whole index) before giving up on search."""
POSTS_PER_SHARD = 2000
"""The most posts one Pagefind index holds: Pagefind keeps about 115 KB per post until it writes
the index (upstream's Pagefind/pagefind#842), so a column of 10,000 posts is five indexes,
built one after the other, the search box merging them (``mergeIndex``)."""
_TAG = re.compile(r"<[^>]*>")
_WORD_WITH_D = re.compile(r"\w*[đĐ]\w*")


def search_words(view: PostView, body: str) -> str:
    """The post's words that hold ``đ``, folded (``đẳng`` → ``dang``), which the page carries hidden for Pagefind.

    Pagefind matches the other Vietnamese letters without their marks by itself (``binh``
    finds ``bình``), but keeps ``đ`` apart from ``d``: only those words need a second form.

    >>> post = type("P", (), {"title": "Bình đẳng giới"})
    >>> search_words(type("V", (), {"post": post}), "<p>Được <b>đến</b> trường, đẳng cấp</p>")
    'dang Duoc den'
    """
    # The regex runs only on the pieces between spaces that hold a đ: run on the whole body,
    # it tries every position and costs three times as much.
    pieces = (piece for piece in f"{view.post.title} {_TAG.sub(' ', body)}".split() if "đ" in piece or "Đ" in piece)
    return folded_words(" ".join(_WORD_WITH_D.findall(" ".join(pieces))))


def post_record(template: Template, view: PostView, body: str, words: str, lang: str = "vi", **context: Any) -> str:
    """The page Pagefind indexes for a post: ``column/article.html``, the article its page prints, rendered by ``template`` (:data:`RECORD_TEMPLATE`).

    Made from the cleaned body as soon as Markdown has run, so Pagefind indexes while MkDocs
    is still rendering pages, and writes the index while it renders their templates.
    ``words`` are :func:`search_words`; ``context`` is what the article's links need of the
    page (``page``, ``base_url``, ``config``), as MkDocs gives it. A test compares the
    records with those Pagefind's own command writes from the built pages.
    """
    return template.render(context, column_post=view, column_body=body, column_search_words=words, column_lang=lang)


class SearchIndexFailed(Exception):
    """Pagefind could not be started, refused a page, or could not write the index."""


class SearchIndex:
    """A running Pagefind service holding one index; :meth:`finish` or :meth:`abandon` ends it."""

    def __init__(self, process: subprocess.Popen):
        self._process = process
        self._answers: dict[int, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._sent = 0
        self._added: list[int] = []
        self._writing: int | None = None
        self._output: Path | None = None
        self._scripts = True
        self._written = False
        self._failure: str | None = None
        self._reader = threading.Thread(target=self._read, name="pagefind-answers", daemon=True)
        self._reader.start()
        self._index = self._ask({"type": "NewIndex", "config": {}}).get("index_id")
        if not isinstance(self._index, int):
            self.abandon()
            raise SearchIndexFailed("pagefind --service did not open an index")

    @staticmethod
    def binary() -> Path | None:
        """Pagefind's binary: ``PAGEFIND_BINARY_PATH`` if set, else the pinned ``pagefind-bin`` package's, else one on PATH."""
        if os.environ.get("PAGEFIND_BINARY_PATH"):
            return Path(os.environ["PAGEFIND_BINARY_PATH"])
        try:
            import pagefind_bin  # imported here: a build without search never loads it

            return pagefind_bin.get_executable()
        except (ImportError, FileNotFoundError):
            found = shutil.which("pagefind_extended") or shutil.which("pagefind")
            return Path(found) if found else None

    @classmethod
    def start(cls) -> SearchIndex:
        """Start the service; raises :class:`SearchIndexFailed` when the binary is missing or will not run."""
        binary = cls.binary()
        if binary is None:
            raise SearchIndexFailed("the pagefind binary is not installed (pip package pagefind-bin)")
        try:
            process = subprocess.Popen(
                [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
        except OSError as exc:
            raise SearchIndexFailed(f"{binary}: {exc.strerror or exc}") from exc
        return cls(process)

    def add(self, url: str, html: str) -> None:
        """Queue a rendered page for indexing (only what its ``data-pagefind-body`` holds is searched)."""
        self._added.append(self._send({"type": "AddFile", "index_id": self._index, "url": url, "file_contents": html}))

    def write(self, output: Path, scripts: bool = True) -> None:
        """Ask for the index to be written into ``output`` once the pages before are indexed; returns at once.

        Without ``scripts``, Pagefind's scripts and WebAssembly are left out: an index the search
        box merges into the first one is searched by the first one's.
        """
        if self._writing is None:
            # Known before it is sent: the reader thread may have the answer before _send returns.
            self._output, self._writing, self._scripts = output, self._sent + 1, scripts
            self._send({"type": "GetFiles", "index_id": self._index})

    @property
    def written(self) -> bool:
        """Whether the index asked for by :meth:`write` is written (or will never be): :meth:`finish` then returns at once."""
        with self._arrived:
            return self._written or self._failure is not None

    def finish(self, output: Path, scripts: bool = True) -> int:
        """Wait for every page and the index in ``output``, and stop the service; the number of pages indexed."""
        try:
            self.write(output, scripts)
            for message in self._added:
                self._answer(message)
            with self._arrived:
                self._arrived.wait_for(lambda: self._written or self._failure is not None, timeout=ANSWER_SECONDS)
            if not self._written:
                raise SearchIndexFailed(self._failure or f"pagefind did not answer in {ANSWER_SECONDS} s")
            return len(self._added)
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Stop the service without writing anything (a build that failed)."""
        if self._process.stdin and not self._process.stdin.closed:
            try:
                self._process.stdin.close()
            except OSError:
                pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        return self._answer(self._send(payload))

    def _send(self, payload: dict[str, Any]) -> int:
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}, ensure_ascii=False).encode("utf-8")
        try:
            self._process.stdin.write(base64.b64encode(message) + b",")
            self._process.stdin.flush()
        except (OSError, ValueError) as exc:  # the service has gone: its reason, if it said one
            raise SearchIndexFailed(self._failure or f"pagefind stopped ({exc})") from exc
        return self._sent

    def _answer(self, message: int) -> dict[str, Any]:
        with self._arrived:
            self._arrived.wait_for(lambda: message in self._answers or self._failure is not None, timeout=ANSWER_SECONDS)
            answer = self._answers.pop(message, None)
        if answer is None:
            raise SearchIndexFailed(self._failure or f"pagefind did not answer in {ANSWER_SECONDS} s")
        if answer.get("type") == "Error":
            raise SearchIndexFailed(str(answer.get("message", answer))[:300])
        return answer

    def _read(self) -> None:
        # Answers are drained as they come: a full stdout pipe would stop the service reading pages.
        # The index (thousands of files, tens of MB at 10,000 posts) is one message: its pieces
        # are joined once, when its ending comma arrives.
        pieces: list[bytes] = []
        while chunk := self._process.stdout.read1(65536):
            *complete, rest = chunk.split(b",")
            if complete:
                complete[0] = b"".join((*pieces, complete[0]))
                pieces = []
            for encoded in complete:
                self._receive(encoded)
            if rest:
                pieces.append(rest)
        with self._arrived:
            self._failure = self._failure or f"pagefind exited ({self._process.wait()})"
            self._arrived.notify_all()

    def _receive(self, encoded: bytes) -> None:
        # Whatever Pagefind sends, this thread must live on to say so: finish() waits on it.
        try:
            answer = json.loads(base64.b64decode(encoded))
            message, payload = answer.get("message_id"), answer.get("payload")
            if not isinstance(payload, dict) or not (message is None or type(message) is int):
                raise ValueError(payload)
        except (ValueError, AttributeError, RecursionError):  # not Pagefind's protocol: no answer will come
            self._fail("pagefind --service answered something unreadable")
            return
        if message is None:  # a message Pagefind could not read at all
            self._fail(str(payload.get("message", payload))[:300])
        elif message == self._writing:
            self._write_index(payload)
        else:
            with self._arrived:
                self._answers[message] = payload
                self._arrived.notify_all()

    def _write_index(self, payload: dict[str, Any]) -> None:
        # Written here, on this thread, while MkDocs goes on rendering pages.
        if payload.get("type") != "GetFiles":  # Pagefind's Error, or anything else
            self._fail(str(payload.get("message", payload))[:300])
            return
        try:
            files = payload.get("files")
            if not self._scripts and isinstance(files, list):
                files = [file for file in files if not (isinstance(file, dict) and _SCRIPT.fullmatch(str(file.get("path"))))]
            failure = _write_files(self._output, files)
        except Exception as exc:  # noqa: BLE001 - any error of this thread is reported by finish()
            failure = f"the search index could not be written ({type(exc).__name__}: {exc})"
        if failure is not None:
            self._fail(failure)
            return
        with self._arrived:
            self._written = True
            self._arrived.notify_all()

    def _fail(self, reason: str) -> None:
        with self._arrived:
            self._failure = self._failure or reason
            self._arrived.notify_all()


def merged_folders(posts: int, per_shard: int = POSTS_PER_SHARD) -> list[str]:
    """The folders, under the first index's, of the indexes the search box merges into it: none up to ``per_shard`` posts.

    >>> merged_folders(2000), merged_folders(2001), merged_folders(7, per_shard=3)
    ([], ['shard-2'], ['shard-2', 'shard-3'])
    """
    return [f"shard-{number}" for number in range(2, -(-posts // per_shard) + 1)]


class ShardedSearchIndex:
    """Pagefind's index of a column, in shards of at most ``per_shard`` posts, one Pagefind service at a time.

    Pagefind holds every page it is given until it writes the index, so a service is given
    one shard's posts, asked for its index and stopped, its memory freed, before the next
    one starts. The first shard is written in ``output`` itself: a column of up to
    ``per_shard`` posts gets the very index a single service writes. The others go to
    :func:`merged_folders`. While a shard is being written, the next shard's posts wait here
    (a few KB each), so MkDocs never waits for Pagefind but at the end.

    The ``posts`` announced are shared evenly (2,001 posts: 1,001 and 1,000), so the last
    shard is never a handful: Pagefind in the browser refuses to merge an index of no page,
    and ``mkdocs serve --dirty`` may come with a few posts fewer than it counted.
    """

    def __init__(self, output: Path, posts: int, per_shard: int = POSTS_PER_SHARD):
        self._folders = [output] + [output / folder for folder in merged_folders(posts, per_shard)]
        """Where each shard's index goes: the search box merges each folder after the first."""
        self._per_shard = max(1, -(-posts // len(self._folders)))
        """How many posts each shard takes: at most ``per_shard``, as many in each as can be."""
        self._shard = 0
        """The shard the next post goes to."""
        self._in_shard = 0
        self._current: SearchIndex | None = None
        self._closing: SearchIndex | None = None
        """The previous shard's service, writing its index."""
        self._waiting: list[tuple[str, str]] = []
        self._pages = 0

    def add(self, url: str, html: str) -> None:
        """Queue a rendered page for indexing in the shard whose turn it is."""
        if self._in_shard == self._per_shard:
            self._feed(wait=self._current is None)  # the previous shard written: this one is complete
            self._current.write(self._folder(), scripts=self._shard == 0)
            self._closing, self._current = self._current, None
            self._shard, self._in_shard = self._shard + 1, 0
        self._in_shard += 1
        self._pages += 1
        self._waiting.append((url, html))
        self._feed()

    def write(self) -> None:
        """Ask for the last shard's index once every post has been added; returns at once (or when the shard before is written)."""
        self._feed()
        if self._current is not None and self._closing is None:
            self._current.write(self._folder(), scripts=self._shard == 0)

    def finish(self) -> int:
        """Wait for every shard's index, and stop the services; the number of pages indexed."""
        try:
            self._feed(wait=True)
            last, self._current = self._current or SearchIndex.start(), None
            last.finish(self._folder(), scripts=self._shard == 0)
            return self._pages
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Stop every service without writing anything more (a build that failed)."""
        for search in (self._closing, self._current):
            if search is not None:
                search.abandon()
        self._closing = self._current = None

    def _folder(self, shard: int | None = None) -> Path:
        shard = self._shard if shard is None else shard
        # Only a column that gained posts after it was counted has more shards than folders announced.
        return self._folders[shard] if shard < len(self._folders) else self._folders[0] / f"shard-{shard + 1}"

    def _feed(self, wait: bool = False) -> None:
        # The previous shard's service is stopped before the next starts: when its index is
        # written, or at once when ``wait`` (the end, or the next shard complete already).
        if self._closing is not None:
            if not (wait or self._closing.written):
                return
            closing, self._closing = self._closing, None
            closing.finish(self._folder(self._shard - 1), scripts=self._shard == 1)
        if self._waiting:
            self._current = self._current or SearchIndex.start()
            for url, html in self._waiting:
                self._current.add(url, html)
            self._waiting.clear()


_SCRIPT = re.compile(r"pagefind[^/]*\.(?:js|css)|wasm\.[^/]*")
"""Pagefind's scripts, styles and WebAssembly, beside its index: an index merged into another needs none of them."""
_FILE_NAME = re.compile(r"[A-Za-z0-9_.-]+")
"""A part of a path Pagefind writes (``fragment/vi_3a9f.pf_fragment``): nothing a file system reads as a way out."""


def _write_files(output: Path, files: Any) -> str | None:
    """Pagefind's files written under ``output``; what went wrong, or None.

    Only plain names (:data:`_FILE_NAME`) in folders of their own: no ``..``, no drive, no
    backslash, and no link followed. What else is in ``output`` (a school's own
    ``docs/pagefind/`` files) stays.
    """
    if not isinstance(files, list) or not files:
        return "pagefind --service sent no index files"
    paths = []
    for file in files:
        path = file.get("path") if isinstance(file, dict) else None
        parts = path.split("/") if isinstance(path, str) else [""]
        if not all(_FILE_NAME.fullmatch(part) and part not in (".", "..") for part in parts):
            return f"pagefind --service named a file outside its folder: {str(path)[:100]}"
        paths.append(parts)
    try:
        checked: set[Path] = set()
        for parts, file in zip(paths, files, strict=True):
            for depth in range(len(parts)):  # output, then each folder on the way to the file
                folder = output.joinpath(*parts[:depth])
                if folder not in checked:
                    folder.mkdir(parents=True, exist_ok=True)
                    if folder.is_symlink():
                        return f"the search index could not be written: {folder} is a link"
                    checked.add(folder)
            target = folder / parts[-1]
            if target.is_symlink():  # replaced, not followed
                target.unlink()
            target.write_bytes(base64.b64decode(file["content"], validate=True))
    except (KeyError, TypeError, ValueError) as exc:
        return f"pagefind --service sent an unreadable file ({exc})"
    except OSError as exc:
        return f"the search index could not be written: {exc}"
    return None
