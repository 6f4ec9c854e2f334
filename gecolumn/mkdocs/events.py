"""The events MkDocs calls: each says why its work runs there, and hands this build to the module that does it.

The one build of the moment is made in :func:`on_config` and read only here: under ``mkdocs
serve`` this module is imported once, and nothing may survive from one build to the next.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from gecolumn import routes
from gecolumn.linear_markdown import LinearScans
from gecolumn.mkdocs import filters, outputs, search, state, theme
from gecolumn.problems import Problem
from gecolumn.search_index import search_words
from gecolumn.slugs import heading_id

__all__ = [
    "on_config",
    "on_files",
    "on_nav",
    "on_env",
    "on_page_markdown",
    "on_page_content",
    "on_page_context",
    "on_post_build",
    "on_build_error",
    "on_serve",
]
"""The events a column's hook file takes from here (``from gecolumn.mkdocs_hook import *``)."""

_build: state.Build | None = None


def _current() -> state.Build:
    if _build is None:
        raise RuntimeError("gecolumn's hook: an event came before on_config started the build")
    return _build


def on_config(config):
    # The first event of every build, and `mkdocs serve` reloads the config before each
    # rebuild: reading posts here means every build starts from the files as they are now.
    global _build
    _build = build = state.start(config)
    theme.escape_settings(config)
    if not config.site_url:
        build.say(Problem(state.settings_label(config), "no_site_url", "site_url"))
    # Material's search plugin ran its on_config already (plugins before hooks); from here on
    # it only draws the search box.
    search.keep_only_search_box(config)
    # Every page's Markdown is made from this list after on_config: appended last, the linear
    # scans replace only Markdown's own processors, so one hostile post cannot stall the build.
    config.markdown_extensions.append(LinearScans())
    # Heading ids (a post's section anchors, shared as links) spell Vietnamese as the column's
    # addresses do; a school that set its own slugify for toc keeps it.
    config.mdx_configs.setdefault("toc", {}).setdefault("slugify", heading_id)
    build.own_partials = theme.add_theme(build, config)
    state.compare_pinned_version(build, config)
    if config.nav is None:  # a column's navigation is its sections, never its posts
        config.nav = [{link.title: link.src_uri} for link in build.plan.sections]
    return config


def on_files(files: Files, config) -> Files:
    # Posts live outside docs_dir, so they join the site here, where MkDocs assembles the
    # list of files; later events then treat them like any page. Findings are logged here
    # once per build, as WARNINGs so that `mkdocs build --strict` fails on them.
    build = _current()
    state.report_findings(build)
    outputs.add_posts_and_pages(build, files, config)
    search.leave_out_lunr(build, files, config)
    return files


def on_nav(nav, config, files: Files):
    # Pages are rendered between on_nav and on_env: this is the last event before a body
    # needs to know at which URL each photo is published.
    build = _current()
    outputs.note_photo_urls(build, files)
    # A school's own `nav:` may list a post; that post's navigation marks it as the current page.
    build.in_nav = {page.file.src_uri for page in nav.pages}
    build.shared_nav = not build.own_partials and theme.nav_is_the_same_on_every_post(nav)
    return nav


def on_env(env, config, files: Files):
    # Views name pages by src_uri (routes); the URL of a page depends on use_directory_urls,
    # which only the built file list knows. Templates resolve links with `href`.
    build = _current()
    build.urls = {file.src_uri: file.url for file in files}
    filters.install(env, build, config)
    search.announce_shards(env, build)
    # Every body has been read (pages are rendered after this event): Pagefind writes the
    # index while MkDocs renders the templates.
    search.write_when_every_post_read(build, config)
    return env


def on_page_markdown(markdown: str, page, config, files):
    # A page's template and title are read from page.meta after this event: the plan says
    # which template renders each generated page.
    theme.set_page_meta(_current(), page)
    return markdown


def on_page_content(html: str, page, config, files):
    # The body as HTML exists only once Markdown has run: it is cleaned here, before the
    # page, the search index and the feeds (which carry it in full) take it. The table of
    # contents exists from here on too, and Material's skip link goes to its first entry.
    build = _current()
    if theme.is_column_page(build, page):
        page.toc = theme.skip_to_content(page.toc, page.title or "", headings=page.file.src_uri not in build.views)
    view = build.views.get(page.file.src_uri)
    if view is None:
        return html
    content = outputs.publish_body(build, view, html, page.url)
    # Each post goes to Pagefind as soon as its body exists, so Pagefind indexes on another core.
    build.search_words[view.src_uri] = words = search_words(view, content)
    search.add_post(build, view, page, content, words, config, files)
    return content


def on_page_context(context, page, config, nav):
    # The template of each column page receives its view; nothing else reaches it.
    return theme.page_context(_current(), context, page)


def on_post_build(config):
    # Feeds need every post's HTML, which exists only after all pages are rendered.
    build = _current()
    if config.site_url:
        outputs.write_feeds(build, config)
        outputs.write_coverage_data(build, config)
        outputs.write_server_files(config)  # its 404 rule names the folder site_url gives
    # The editor is a folder of static files beside the site, never a page: written after the
    # pages, it is in no navigation, sitemap or search index.
    outputs.write_editor(build, config)
    search.finish(build, config)
    build.photo_cache.discard()


def on_build_error(error):
    # A build that stops half-way leaves no Pagefind service behind (mkdocs serve goes on).
    if _build is not None:
        search.abandon(_build)
        if _build.photo_cache is not None:
            _build.photo_cache.discard()


def on_serve(server, config, builder):
    # posts/ is outside docs_dir: without this, editing a post would not trigger a rebuild.
    server.watch(str(Path(config.config_file_path).parent / routes.SOURCES))
    return server
