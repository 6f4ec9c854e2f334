"""MkDocs adapter: posts/ become pages of the column, and the quarterly check runs in every build.

The work lives in ``gecolumn``; each event here says why it runs where it does. State for
one build lives in ``_build``, replaced at every ``on_config``: under ``mkdocs serve`` this
module is imported once, and nothing may survive from one build to the next.
"""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path

import nh3
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from gecolumn import feeds
from gecolumn.check import CheckResult, missing_params, run_check
from gecolumn.dates import resolve_today
from gecolumn.messages import pick_language, render, render_located
from gecolumn.problems import Problem, Severity
from gecolumn.sanitize import clean_body, line_of
from gecolumn.site import HOME, SECTIONS, UNITS, SitePlan, plan_site
from gecolumn.slugs import folded_words

log = logging.getLogger("mkdocs.hooks.column")


class _Build:
    """What one build knows about the column: the check's result and the site plan."""

    def __init__(self, check: CheckResult, plan: SitePlan, posts_dir: Path, lang: str, site: dict):
        self.check, self.plan, self.posts_dir, self.lang = check, plan, posts_dir, lang
        self.site = site
        """``site_name`` and ``site_description`` as written in mkdocs.yml (the config holds them escaped)."""
        self.views = {view.src_uri: view for view in plan.posts}
        self.pages = {page.src_uri: page for page in plan.pages}
        self.urls: dict[str, str] = {}
        """src_uri → URL of every file of the site, known from on_env on."""
        self.bodies: dict[str, str] = {}
        """src_uri → rendered body HTML of every post, for the feeds."""


_build: _Build | None = None
_NO_META = "---\n{}\n---\n\n"


def _page_dest(page_uri: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes a page it would read from ``docs/<page_uri>``."""
    stem = page_uri.removesuffix(".md")
    return f"{stem}/index.html" if use_directory_urls and not stem.endswith("/index") else f"{stem}.html"


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
    site = {"name": config.site_name or "", "description": config.site_description or ""}
    _build = _Build(check, plan_site(check.corpus, check.config, today), posts_dir, lang, site)
    # Material writes these settings into pages as they are (MkDocs' Jinja does not escape):
    # from here on they are HTML text, and the column's own templates use the raw values.
    for name in ("site_name", "site_description", "site_author", "repo_name"):
        if config.get(name):
            config[name] = html.escape(str(config[name]))
    if config.get("copyright"):
        config["copyright"] = nh3.clean(str(config["copyright"]))
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
    # MkDocs follows symlinks in docs/: a page or file there must not bring in a file from
    # outside the column's folder (a key, /proc/self/environ).
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(config.docs_dir).resolve()
    for file in list(files):
        source = file.abs_src_path
        if source and Path(source).is_relative_to(docs_dir) and not Path(source).resolve().is_relative_to(root):
            files.remove(file)
            label = Path(source).relative_to(root).as_posix() if Path(source).is_relative_to(root) else source
            log.warning(render_located(Problem(label, "symlink_refused"), _build.lang))
    # A post keeps its own path as src_uri and only moves where it is published, as
    # Material's blog does: MkDocs then resolves its relative links and images as written.
    # The empty header stops MkDocs reading "Hotline: 111" at the top of a body as metadata.
    for view in _build.plan.posts:
        file = File.generated(config, view.src_uri, content=_NO_META + view.body, inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = _page_dest(view.page_uri, config.use_directory_urls)
        files.append(file)
    for asset in _build.plan.assets:
        file = File.generated(config, asset.src_uri, abs_src_path=str(_build.posts_dir / asset.source))
        file.dest_uri = asset.dest_uri
        files.append(file)
    in_nav = {src for _, src in SECTIONS}
    for page in _build.plan.pages:
        inclusion = InclusionLevel.UNDEFINED if page.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=f"# {html.escape(page.title)}\n", inclusion=inclusion))
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
    env.globals["column_site"] = _build.site
    # The column's templates escape everything they print (MkDocs turns autoescape off for
    # Material's sake); only a sanitized body is marked safe, where it is printed.
    env.autoescape = _escaped_template
    return env


def _escaped_template(name: str | None) -> bool:
    return bool(name) and (name.startswith("column/") or name == "main.html")


def on_page_markdown(markdown: str, page, config, files):
    # A page's template and title are read from page.meta after this event: the plan says
    # which template renders each generated page.
    # Material prints page.meta.title and .description unescaped, so they hold HTML text.
    src = page.file.src_uri
    view = _build.views.get(src)
    if view is not None:
        page.meta.update(template="column/post.html", title=html.escape(view.post.title), description=html.escape(view.excerpt))
    elif src in _build.pages:
        page.meta.update(template=_build.pages[src].template, title=html.escape(_build.pages[src].title))
    elif src == HOME:
        page.meta.setdefault("template", "column/home.html")
    return markdown


def on_page_content(html: str, page, config, files):
    # The body as HTML exists only once Markdown has run: it is cleaned here, before the
    # page, the search index and the feeds (which carry it in full) take it.
    view = _build.views.get(page.file.src_uri)
    if view is None:
        return html
    cleaned, removals = clean_body(html)
    if removals:
        post = view.post
        first = removals[0]
        where = line_of(post.body, post.body_line, first.needle)
        removed = ", ".join(r.what for r in removals)
        problem = Problem(view.src_uri, "html_removed", "body", where, {"removed": removed}, Severity.WARNING)
        log.warning(render_located(problem, _build.lang))
    _build.bodies[page.file.src_uri] = cleaned
    return cleaned


def on_page_context(context, page, config, nav):
    # The template of each column page receives its view; nothing else reaches it.
    src = page.file.src_uri
    context["column_post"] = _build.views.get(src)
    context["column_page"] = _build.pages.get(src)
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
    site_name = _build.site["name"]
    description = _build.site["description"] or "Chuyên mục tuyên truyền bình đẳng giới"
    for name, render_feed in (("rss.xml", feeds.rss), ("atom.xml", feeds.atom)):
        channel = feeds.Channel(site_name, description, site_url, site_url + name)
        (site_dir / name).write_bytes(render_feed(channel, items))
    for unit in _build.check.config.units:
        views = [view for view in _build.plan.posts if view.post.unit == unit.id][:size]
        unit_items = feeds.items_for(views, _build.urls, _build.bodies, site_url, _build.posts_dir)
        path = f"{UNITS}/{unit.id}/rss.xml"
        page_url = site_url + _build.urls[f"{UNITS}/{unit.id}/index.md"]
        channel = feeds.Channel(f"{unit.name} – {site_name}", description, page_url, site_url + path)
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
