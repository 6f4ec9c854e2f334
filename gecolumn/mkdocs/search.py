"""Search is Pagefind's chunked index of the posts; Material's search plugin only draws the search box.

A phone fetches a few small files when the reader searches, not a whole-site index. Each
post goes to Pagefind as soon as its body exists, so Pagefind indexes on another core while
MkDocs goes on; the index is written while MkDocs renders the templates (``on_env``) and
finished after the build.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from gecolumn import routes
from gecolumn.mkdocs import filters
from gecolumn.mkdocs.state import Build
from gecolumn.problems import Problem, Severity
from gecolumn.search_index import (
    POSTS_PER_SHARD,
    RECORD_TEMPLATE,
    SearchIndexFailed,
    ShardedSearchIndex,
    merged_folders,
    post_record,
)

SEARCH_DIR = "pagefind"
"""Pagefind's index and script in site/ (the search box loads pagefind/pagefind.js); more indexes in its sub-folders past 2,000 posts."""
SHARD_SETTING = "GECOLUMN_SEARCH_SHARD_POSTS"
"""The environment variable that sets how many posts one Pagefind index holds (:data:`POSTS_PER_SHARD`), for tests: a few posts make several shards."""

TAKEN_OFF = ("page_context", "post_build")
"""The events at which Material's search plugin builds its own index, whose handlers a build takes off:
``on_page_context`` parses each page into the index, ``on_post_build`` writes ``search/search_index.json``."""

KNOWN_HANDLERS = frozenset({"on_startup", "on_config", "on_page_context", "on_post_build", "on_serve"})
"""Every event handler of Material's ``SearchPlugin`` as of Material 9.8.1: one more may do index work here too."""


def keep_only_search_box(config) -> None:
    """Take Material's search plugin's index handlers off this build; its box stays."""
    # Material's search plugin stays configured and enabled because templates draw the search
    # box when it is: Material's header, the package's, and the header a column that began as
    # a copy of this repository still has in overrides/ (`search.enabled`, read when a page is
    # rendered). Its own index, built page by page and written after the build, would never be
    # fetched (partials/search.html), so its handlers for those two events are taken off.
    # MkDocs offers no call to drop one plugin's handler: the edit is of the handler lists of
    # MkDocs 1.6's PluginCollection, and is skipped (Material then builds its unused index,
    # the site is still right) if those lists or the handlers are not where they were.
    search = config.plugins.get("material/search") or config.plugins.get("search")
    events = getattr(config.plugins, "events", None)
    if search is None or not isinstance(events, dict):
        return
    for event in TAKEN_OFF:
        handlers = events.get(event)
        if isinstance(handlers, list):
            handlers[:] = [handler for handler in handlers if getattr(handler, "__self__", None) is not search]


LUNR = "assets/javascripts/lunr/"
"""Material's search engine's language packs and stemmers in its theme files (34 files, 964 KB)."""


def leave_out_lunr(build: Build, files: Files, config) -> None:
    """Publish none of lunr's files: the column's search box never starts Material's search worker that loads them.

    The worker itself stays, small: every page's settings name it (``__config``), and every
    address a page names exists. A school with partials of its own keeps lunr: its header may
    still hold Material's own search.
    """
    if build.own_partials:
        return
    # Only the themes' files: one of that name in the school's docs/ or custom_dir stays.
    custom = Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else None
    theme_dirs = {Path(folder).resolve() for folder in config.theme.dirs} - {custom}
    for file in [file for file in files if file.src_uri.startswith(LUNR)]:
        if file.src_dir and Path(file.src_dir).resolve() in theme_dirs:
            files.remove(file)


def moved_handlers() -> list[str]:
    """What moved in Material's search plugin since :func:`keep_only_search_box` was written; empty when nothing did."""
    try:
        from material.plugins.search.plugin import SearchPlugin
    except ImportError as exc:
        return [f"material.plugins.search.plugin.SearchPlugin cannot be imported ({exc})"]
    own = {name for name in dir(SearchPlugin) if name.startswith("on_")}
    moved = [f"SearchPlugin.on_{event} is gone" for event in TAKEN_OFF if f"on_{event}" not in own]
    moved += [f"SearchPlugin has a new handler {name}" for name in sorted(own - KNOWN_HANDLERS)]
    return moved


def per_shard() -> int:
    """How many posts one Pagefind index holds: :data:`SHARD_SETTING` when it is a positive number, else :data:`POSTS_PER_SHARD`."""
    given = os.environ.get(SHARD_SETTING, "")
    return int(given) if given.isdigit() and int(given) > 0 else POSTS_PER_SHARD


def announce_shards(env, build: Build) -> None:
    """Give the search box (``partials/search.html``) the indexes it merges into the first, under ``pagefind/``; none up to 2,000 posts."""
    env.globals["column_search_merged"] = [f"{SEARCH_DIR}/{folder}/" for folder in merged_folders(len(build.views), per_shard())]


def _started(build: Build, config) -> ShardedSearchIndex:
    return build.search or ShardedSearchIndex(Path(config.site_dir) / SEARCH_DIR, len(build.views), per_shard())


def add_post(build: Build, view, page, cleaned: str, words: str, config, files: Files) -> None:
    """Give Pagefind one post, its body just made (the first post starts Pagefind's service)."""
    if build.search_failed:
        return
    try:
        build.search = _started(build, config)
        if build.search_record is None:
            # MkDocs makes the pages' environment only after every body: the record, the post's
            # article as its page prints it, is rendered by an environment of the theme's own.
            env = config.theme.get_env()
            build.urls = {file.src_uri: file.url for file in files}
            filters.install(env, build, config)
            build.search_record = env.get_template(RECORD_TEMPLATE)
        context = {"page": page, "base_url": get_relative_url(".", page.url), "config": config}
        language = config.theme.get("language") or "vi"
        record = post_record(build.search_record, view, cleaned, words, lang=language, **context)
        build.search.add("/" + page.url, record)
    except SearchIndexFailed as exc:
        _failed(build, exc)


def write_when_every_post_read(build: Build, config) -> None:
    """Have Pagefind write the index while MkDocs renders the templates, when it has every post."""
    if build.search is not None and len(build.search_words) == len(build.views):
        try:
            build.search.write()
        except SearchIndexFailed as exc:
            _failed(build, exc)


def finish(build: Build, config) -> None:
    """Finish the index in site/ (an empty one for a column without a post: the search box must not fail to load)."""
    if build.search_failed:
        return
    site_dir = Path(config.site_dir)
    try:
        search, build.search = _started(build, config), None
        # `mkdocs serve --dirty` renders only changed pages: the others are read back from site/.
        for src, view in build.views.items():
            if src not in build.search_words:
                page_file = site_dir / routes.page_dest(view.page_uri, config.use_directory_urls)
                if page_file.is_file():  # the whole page: Pagefind reads its data-pagefind-body
                    search.add("/" + build.urls[src].removeprefix("./"), page_file.read_text(encoding="utf-8"))
        search.finish()
    except SearchIndexFailed as exc:
        _failed(build, exc)


def abandon(build: Build) -> None:
    """Stop Pagefind's service of a build that will not finish."""
    if build.search is not None:
        build.search.abandon()
        build.search = None


def _failed(build: Build, exc: SearchIndexFailed) -> None:
    abandon(build)
    build.search_failed = True
    build.say(Problem("", "search_index_failed", params={"reason": str(exc)}, severity=Severity.WARNING))
