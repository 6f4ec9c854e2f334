"""MkDocs adapter: posts/ become pages of the column, and the quarterly check runs in every build.

The work lives in ``gecolumn``; each event here says why it runs where it does. State for
one build lives in ``_build``, replaced at every ``on_config``: under ``mkdocs serve`` this
module is imported once, and nothing may survive from one build to the next.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from gecolumn import feeds
from gecolumn.check import CheckResult, missing_params, run_check
from gecolumn.dates import resolve_today
from gecolumn.messages import pick_language, render, render_located
from gecolumn.problems import Problem
from gecolumn.site import HOME, SECTIONS, UNITS, SitePlan, plan_site
from gecolumn.slugs import folded_words

log = logging.getLogger("mkdocs.hooks.column")


class _Build:
    """What one build knows about the column: the check's result and the site plan."""

    def __init__(self, check: CheckResult, plan: SitePlan, posts_dir: Path, lang: str):
        self.check, self.plan, self.posts_dir, self.lang = check, plan, posts_dir, lang
        self.views = {view.src_uri: view for view in plan.posts}
        self.pages = {page.src_uri: page for page in plan.pages}
        self.urls: dict[str, str] = {}
        """src_uri → URL of every file of the site, known from on_env on."""
        self.bodies: dict[str, str] = {}
        """src_uri → rendered body HTML of every post, for the feeds."""


_build: _Build | None = None


def on_config(config):
    # The first event of every build, and `mkdocs serve` reloads the config before each
    # rebuild: reading posts here means every build starts from the files as they are now.
    global _build
    posts_dir = Path(config.config_file_path).parent / "posts"
    lang = pick_language()
    try:
        today = resolve_today()
    except ValueError as exc:
        raise PluginError(f"SOURCE_DATE_EPOCH: {exc}") from exc
    check = run_check(config.extra, posts_dir, today, config_label=Path(config.config_file_path).name)
    if check.config is None:
        raise PluginError("\n".join(render_located(p, lang) for p in check.config_problems))
    _build = _Build(check, plan_site(check.corpus, check.config, today), posts_dir, lang)
    if not config.site_url:
        log.warning(render_located(Problem(Path(config.config_file_path).name, "no_site_url", "site_url"), lang))
    if config.nav is None:  # a column's navigation is its sections, never its posts
        config.nav = [{title: src} for title, src in SECTIONS]
    return config


def on_files(files: Files, config) -> Files:
    # Posts live outside docs_dir, so they join the site here, where MkDocs assembles the
    # list of files; later events then treat them like any page. Findings are logged here
    # once per build, as WARNINGs so that `mkdocs build --strict` fails on them.
    _report(_build.check, _build.plan, _build.lang)
    for view in _build.plan.posts:
        files.append(File.generated(config, view.src_uri, content=view.body, inclusion=InclusionLevel.NOT_IN_NAV))
    for asset in _build.plan.assets:
        files.append(File.generated(config, asset.src_uri, abs_src_path=str(_build.posts_dir / asset.source)))
    in_nav = {src for _, src in SECTIONS}
    for page in _build.plan.pages:
        inclusion = InclusionLevel.UNDEFINED if page.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=f"# {page.title}\n", inclusion=inclusion))
    if files.get_file_from_path(HOME) is None:
        files.append(File.generated(config, HOME, content="# Chuyên mục tuyên truyền bình đẳng giới\n"))
    return files


def on_env(env, config, files: Files):
    # Templates name pages by src_uri, like Markdown links; the URL of a page depends on
    # use_directory_urls, which only the built file list knows.
    _build.urls = urls = {file.src_uri: file.url for file in files}

    def src_url(src_uri: str) -> str:
        return urls.get(src_uri, src_uri)

    env.filters["src_url"] = src_url
    return env


def on_page_markdown(markdown: str, page, config, files):
    # A page's template and title are read from page.meta after this event: the plan says
    # which template renders each generated page.
    src = page.file.src_uri
    view = _build.views.get(src)
    if view is not None:
        page.meta.update(template="column/post.html", title=view.post.title, description=view.excerpt)
    elif src in _build.pages:
        page.meta.update(template=_build.pages[src].template, title=_build.pages[src].title)
    elif src == HOME:
        page.meta.setdefault("template", "column/home.html")
    return markdown


def on_page_content(html: str, page, config, files):
    # The body as HTML exists only once Markdown has run; the feeds carry it in full.
    if page.file.src_uri in _build.views:
        _build.bodies[page.file.src_uri] = html
    return html


def on_page_context(context, page, config, nav):
    # The template of each column page receives its view; nothing else reaches it.
    src = page.file.src_uri
    context["column_post"] = _build.views.get(src)
    context["column_view"] = _build.pages[src].view if src in _build.pages else None
    context["column_home"] = _build.plan.home if src == HOME else None
    return context


def on_post_build(config):
    # Feeds need every post's HTML, which exists only after all pages are rendered.
    if config.site_url:
        _write_feeds(config)
    _fold_search_index(config)


def _write_feeds(config) -> None:
    site_dir, site_url = Path(config.site_dir), config.site_url
    size = _build.check.config.feed_size
    items = feeds.items_for(_build.plan.posts[:size], _build.urls, _build.bodies, site_url, _build.posts_dir)
    description = config.site_description or "Chuyên mục tuyên truyền bình đẳng giới"
    for name, render_feed in (("rss.xml", feeds.rss), ("atom.xml", feeds.atom)):
        channel = feeds.Channel(config.site_name, description, site_url, site_url + name)
        (site_dir / name).write_bytes(render_feed(channel, items))
    for unit in _build.check.config.units:
        views = [view for view in _build.plan.posts if view.post.unit == unit.id][:size]
        unit_items = feeds.items_for(views, _build.urls, _build.bodies, site_url, _build.posts_dir)
        path = f"{UNITS}/{unit.id}/rss.xml"
        page_url = site_url + _build.urls[f"{UNITS}/{unit.id}/index.md"]
        channel = feeds.Channel(f"{unit.name} – {config.site_name}", description, page_url, site_url + path)
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_bytes(feeds.rss(channel, unit_items))


def _fold_search_index(config) -> None:
    # Material writes its search index in its own on_post_build; hooks run after plugins.
    # Readers on phones type Vietnamese with or without diacritics: give every entry its
    # unaccented words too, so `binh dang gioi` finds `bình đẳng giới`.
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        folded = folded_words(f"{doc.get('title', '')} {doc.get('text', '')}")
        if folded:
            doc["text"] = f"{doc.get('text', '')} <span hidden>{folded}</span>"
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_serve(server, config, builder):
    # posts/ is outside docs_dir: without this, editing a post would not trigger a rebuild.
    server.watch(str(Path(config.config_file_path).parent / "posts"))
    return server


def _report(check: CheckResult, plan: SitePlan, lang: str) -> None:
    for problem in check.problems:
        (log.warning if problem.is_error else log.info)(render_located(problem, lang))
    for cell in check.missing:
        log.warning(render("missing_quarter", missing_params(cell), lang))
    for post, why in plan.held_back:
        reason = {"draft": "bản nháp (draft: true), chưa đăng", "scheduled": f"hẹn đăng ngày {post.date:%d/%m/%Y}, chưa đăng"}[
            why
        ]
        log.info(f"posts/{post.path}: {reason}")
