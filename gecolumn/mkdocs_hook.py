"""MkDocs adapter: posts/ become pages of the column, and the quarterly check runs in every build.

A column's ``hooks/column.py`` star-imports this module, so the build is the installed
package's: upgrading the package upgrades every column. The templates, styles and script
are the package's ``theme/`` folder, given to Material here (a school's own ``custom_dir``
still wins). The work lives in ``gecolumn``; each event here says why it runs where it does.
State for one build lives in ``_build``, replaced at every ``on_config``: under ``mkdocs
serve`` this module is imported once, and nothing may survive from one build to the next.
"""

from __future__ import annotations

import concurrent.futures
import html
import json
import logging
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

import nh3
from jinja2 import Template, pass_context
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import url_filter

from gecolumn import __version__, feeds, images, routes
from gecolumn.check import CheckResult, check_column
from gecolumn.codes import Code
from gecolumn.column import OpenedColumn
from gecolumn.coverage_data import coverage_document
from gecolumn.dates import BadToday
from gecolumn.files import read_head
from gecolumn.linear_markdown import LinearScans
from gecolumn.messages import pick_language, render_located
from gecolumn.problems import Problem, Severity, file_label
from gecolumn.sanitize import Removal, clean_body, line_of
from gecolumn.search_index import RECORD_TEMPLATE, SearchIndex, SearchIndexFailed, post_record, search_words
from gecolumn.site import SitePlan, plan_site
from gecolumn.views import Share, Thumbnail

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

log = logging.getLogger("mkdocs.hooks.column")
SEARCH_DIR = "pagefind"
"""Pagefind's index and script in site/ (the search box loads pagefind/pagefind.js)."""
THEME_DIR = Path(__file__).resolve().parent / "theme"
"""The column's templates (``column/*``, ``main.html``, ``404.html``, partials), CSS and script."""

_NO_META = "---\n{}\n---\n\n"


class _PostFile(File):
    """A post's page: its body is read when MkDocs renders it, so a build holds one body at a time."""

    post = None

    @property
    def content_string(self) -> str:
        # The empty header stops MkDocs reading "Hotline: 111" at the top of a body as metadata.
        return _NO_META + _build.check.corpus.body(self.post)

    @content_string.setter
    def content_string(self, value: str) -> None:
        raise AttributeError("a post's page is read from its file")


class _Build:
    """What one build knows about the column: the check's result and the site plan."""

    def __init__(self, check: CheckResult, plan: SitePlan, posts_dir: Path, lang: str):
        self.check, self.plan, self.posts_dir, self.lang = check, plan, posts_dir, lang
        self.site = plan.site
        self.views = {view.src_uri: view for view in plan.posts}
        self.pages = {page.src_uri: page for page in plan.pages}
        self.urls: dict[str, str] = {}
        """src_uri → URL of every file of the site, known from on_env on."""
        self.bodies: dict[str, str] = {}
        """src_uri → cleaned body HTML of every post, for the feeds."""
        self.photos: dict[str, images.Published] = {}
        """src_uri of a photo → its published copies."""
        self.photo_urls: dict[str, images.Published] = {}
        """Site URL of a photo's main copy → its published copies (known from on_env on)."""
        self.photo_cache: images.PhotoCache | None = None
        """Where processed photos are kept (a temporary folder when the column's cannot be trusted)."""
        self.search: SearchIndex | None = None
        """Pagefind's index, given each post when its body is made (started by the first one)."""
        self.search_words: dict[str, str] = {}
        """src_uri → the post's words with đ, folded: hidden in its page and given to Pagefind with it."""
        self.search_failed = False
        self.search_record: Template | None = None
        """The template of what Pagefind is given for a post (made by the first one)."""
        self.in_nav: set[str] = set()
        """src_uri of every page in the navigation (known from on_nav on)."""
        self.own_partials = False
        """Whether the school's custom_dir has partials or base.html, which may print anything of a page."""
        self.shared_nav = False
        """Whether posts outside the navigation share one rendering of it (see _nav_is_the_same_on_every_post)."""
        self.rendered: dict[tuple[str, ...], Markup] = {}
        """Parts of Material's pages that are the same on many pages, rendered once (see _once)."""


_build: _Build | None = None


def on_config(config):
    # The first event of every build, and `mkdocs serve` reloads the config before each
    # rebuild: reading posts here means every build starts from the files as they are now.
    global _build
    posts_dir = Path(config.config_file_path).parent / routes.SOURCES
    lang = pick_language()
    _check_site_url(config, lang)
    column = OpenedColumn.of_build(config)
    try:
        today = column.today()  # the column's one day: the check, the report and the build agree
    except BadToday as exc:
        problem = Problem("SOURCE_DATE_EPOCH", "bad_source_date_epoch", params={"value": exc.given})
        raise PluginError(render_located(problem, lang)) from exc
    check = check_column(column, today)
    if check.config is None:
        raise PluginError("\n".join(render_located(p, lang) for p in check.config_problems))
    plan = plan_site(check.corpus, check.config, check.today, config.site_name or "", config.site_description or "")
    _build = _Build(check, plan, posts_dir, lang)
    # Material writes these settings into pages as they are (MkDocs' Jinja does not escape):
    # from here on they are HTML text, and the column's own templates use the raw values.
    # Markup, so that where Material does escape (`| e`) nothing is escaped twice.
    for name in ("site_name", "site_description", "site_author", "repo_name"):
        if config.get(name):
            config[name] = escape(str(config[name]))
    if config.get("copyright"):
        config["copyright"] = Markup(nh3.clean(str(config["copyright"])))
    if not config.site_url:
        log.warning(render_located(Problem(_label(config), "no_site_url", "site_url"), lang))
    _keep_only_search_box(config)
    # Every page's Markdown is made from this list after on_config: appended last, the linear
    # scans replace only Markdown's own processors, so one hostile post cannot stall the build.
    config.markdown_extensions.append(LinearScans())
    _build.own_partials = _add_theme(config, lang)
    _compare_pinned_version(config, lang)
    if config.nav is None:  # a column's navigation is its sections, never its posts
        config.nav = [{link.title: link.src_uri} for link in _build.plan.sections]
    return config


def _add_theme(config, lang: str) -> bool:
    # Before Material's own templates and after the school's custom_dir, which overrides
    # any file here. on_config runs before MkDocs builds the Jinja environment from dirs.
    # Says whether the school has partials or a base.html of its own (see _Build.own_partials).
    dirs, custom = config.theme.dirs, config.theme.custom_dir
    if str(THEME_DIR) not in dirs:
        dirs.insert(1 if custom else 0, str(THEME_DIR))
    if not custom:
        return False
    # A column that began as a copy of this repository holds the templates of its day in
    # overrides/: said once per build (INFO, so --strict still passes a deliberate change).
    root = Path(config.config_file_path).parent
    own_partials = False
    for path in sorted(Path(custom).rglob("*")):
        relative = path.relative_to(custom).as_posix()
        own_partials = own_partials or relative.startswith("partials/") or relative == "base.html"
        if path.is_file() and (THEME_DIR / relative).is_file():
            label = file_label(path, root)
            problem = Problem(label, "theme_file_overridden", params={"file": label}, severity=Severity.INFO)
            log.info(render_located(problem, lang))
    return own_partials


_UNSAFE_IN_URL = re.compile(r"[\s\"'<>`\\]")


def _check_site_url(config, lang: str) -> None:
    # MkDocs and Material print site_url into every page's canonical link as it is: an
    # address with a quote or a bracket would end the attribute and start markup.
    if config.site_url and _UNSAFE_IN_URL.search(config.site_url):
        params = {"value": config.site_url, "expected": "https://…/ (không có dấu nháy, <, >, khoảng trắng)"}
        raise PluginError(render_located(Problem(_label(config), "config_bad_value", "site_url", params=params), lang))


def _compare_pinned_version(config, lang: str) -> None:
    # After `pip install -U gecolumn` the site builds with the new version at once, while CI
    # installs what requirements.txt says: said at every build until the two agree (INFO:
    # a local try of a new version must still build strictly).
    requirements = Path(config.config_file_path).parent / "requirements.txt"
    try:
        text = requirements.read_text(encoding="utf-8", errors="replace")[:100_000]
    except OSError:
        return
    pinned = re.search(r"(?im)^\s*gecolumn\s*==\s*([\w.+!-]+)\s*$", text)
    if pinned and pinned.group(1) != __version__:
        params = {"pinned": pinned.group(1), "installed": __version__}
        log.info(
            render_located(Problem("requirements.txt", "generator_version_differs", params=params, severity=Severity.INFO), lang)
        )


def _label(config) -> str:
    return Path(config.config_file_path).name


def _keep_only_search_box(config) -> None:
    # Search is Pagefind's chunked index of the posts (data-pagefind-body in column/post.html):
    # a phone fetches a few small files when the reader searches, not Material's whole index.
    # Material's search plugin stays configured because its templates draw the search box
    # when it is; its own index, built page by page and written after the build, would never
    # be fetched (partials/search.html), so its handlers for those two events are taken off.
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return
    for event in ("page_context", "post_build"):
        handlers = config.plugins.events[event]
        handlers[:] = [handler for handler in handlers if getattr(handler, "__self__", None) is not search]


def on_files(files: Files, config) -> Files:
    # Posts live outside docs_dir, so they join the site here, where MkDocs assembles the
    # list of files; later events then treat them like any page. Findings are logged here
    # once per build, as WARNINGs so that `mkdocs build --strict` fails on them.
    _report(_build.check, _build.lang)
    _drop_outside_files(files, config)
    # A post and its files keep their own path as src_uri and only move where they are
    # published, as Material's blog does: MkDocs resolves their links as the author wrote them.
    for view in _build.plan.posts:
        file = _PostFile.generated(config, view.src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = routes.page_dest(view.page_uri, config.use_directory_urls)
        file.post = view.post
        files.append(file)
    _add_assets(files, config)
    for page in _build.plan.pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=f"# {html.escape(page.title)}\n", inclusion=inclusion))
    if files.get_file_from_path(routes.HOME) is None:
        files.append(File.generated(config, routes.HOME, content="# Chuyên mục tuyên truyền bình đẳng giới\n"))
    return files


def _add_assets(files: Files, config) -> None:
    # Every image the site publishes goes through images: from posts/ as from docs/ or the
    # school's theme folder, decided by its bytes as well as its name. Copies are made in
    # parallel (Pillow works outside the GIL) and cached outside site/; other files as they are.
    root = Path(config.config_file_path).parent
    cache, refused = images.open_cache(root)
    _build.photo_cache = cache
    if refused is not None:
        log.warning(render_located(Problem(images.CACHE_FOLDER, refused), _build.lang))
    posts_dir = _build.posts_dir
    for path in _build.plan.waiting_assets:
        problem = Problem(_build.check.corpus.prefix + path, "file_held_back", severity=Severity.INFO)
        log.info(render_located(problem, _build.lang))
    photos = {
        asset
        for asset in _build.plan.assets
        if images.is_image(asset.path, read_head(posts_dir / asset.source, images.SNIFF_BYTES))
    }
    own = _own_images(files, config)
    sources = [posts_dir / asset.source for asset in sorted(photos, key=lambda a: a.path)] + [Path(f.abs_src_path) for f in own]
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = dict(zip(sources, pool.map(lambda source: _process(source, cache), sources), strict=True))
    for file in own:
        _publish_own_image(files, file, results[Path(file.abs_src_path)], config, root)
    for asset, result, names in _without_name_clashes(_build.plan.assets, photos, results):
        if result is None:
            file = File.generated(config, asset.src_uri, abs_src_path=str(posts_dir / asset.source))
            file.dest_uri = asset.dest_uri
            files.append(file)
            continue
        for variant, name in zip(result.variants, names, strict=True):
            main = variant is result.main
            file = File.generated(config, asset.src_uri if main else routes.asset_source(name), abs_src_path=variant.path)
            file.dest_uri = routes.asset_dest(name)
            files.append(file)
        _build.photos[asset.src_uri] = images.Published(
            result, tuple((posixpath.basename(name), v.width) for name, v in zip(names, result.variants, strict=True))
        )


def _without_name_clashes(assets, photos: set, results: dict) -> list[tuple]:
    """Each asset to publish, with its processed copies (``None`` for a file published as it is) and their names.

    A refused photo is reported and left out; so are two files that would be published
    under one name (``anh.heic`` and ``anh.jpg`` both as ``anh.jpg``), neither in place of the other.
    """
    said = {(problem.file, problem.code) for problem in _build.check.photo_problems}
    taken: dict[str, str] = {}
    """Each published name, folded (one file on Windows), → the label of the file it comes from."""
    chosen: list[tuple] = []
    for asset in assets:
        result = results.get(_build.posts_dir / asset.source) if asset in photos else None
        if isinstance(result, images.ImageRefused):
            if (asset.label, result.code) not in said:  # else the check named it already
                log.warning(render_located(Problem(asset.label, result.code, params=result.params), _build.lang))
            continue
        names = [asset.path] if result is None else [images.published_name(asset.path, result, v.width) for v in result.variants]
        if result is not None:
            names[-1] = images.published_name(asset.path, result)
        clash = next((taken[name.casefold()] for name in names if name.casefold() in taken), None)
        if clash is not None:
            params = {"other": clash, "name": routes.SOURCES + "/" + names[-1]}
            log.warning(render_located(Problem(asset.label, "asset_name_clash", params=params), _build.lang))
            chosen = [entry for entry in chosen if entry[0].label != clash]
            continue
        taken.update((name.casefold(), asset.label) for name in names)
        chosen.append((asset, result, names))
    return chosen


def _own_images(files: Files, config) -> list[File]:
    """Images of the school's own folders (docs/, the theme's custom_dir): published through the same pipeline."""
    # Paths are compared as written, not resolved: a symlink in docs/ to a photo elsewhere in
    # the column is still one of docs/ (one leading outside was dropped already).
    folders = [Path(os.path.abspath(config.docs_dir))]
    if config.theme.custom_dir:
        folders.append(Path(os.path.abspath(config.theme.custom_dir)))
    found = []
    for file in files:
        source = Path(os.path.abspath(file.abs_src_path)) if file.abs_src_path else None
        if source is None or not any(source.is_relative_to(folder) for folder in folders):
            continue
        if not file.is_documentation_page() and images.is_image(file.src_uri, read_head(source, images.SNIFF_BYTES)):
            found.append(file)
    return found


def _publish_own_image(files: Files, file: File, result, config, root: Path) -> None:
    # A photo of docs/ keeps its address; one that is not what its name says (a HEIC, a JPEG
    # named .gif) moves to the extension it now has, and MkDocs rewrites the links to it.
    files.remove(file)
    if isinstance(result, images.ImageRefused):
        label = file_label(Path(file.abs_src_path), root)
        log.warning(render_located(Problem(label, result.code, params=result.params), _build.lang))
        return
    copy = File.generated(config, file.src_uri, abs_src_path=result.main.path, inclusion=file.inclusion)
    copy.dest_uri = images.published_name(file.dest_uri, result)
    files.append(copy)


def _process(source: Path, cache: images.PhotoCache):
    try:
        return images.process_image(source, cache)
    except images.ImageRefused as refused:
        return refused


def _drop_outside_files(files: Files, config) -> None:
    # MkDocs follows symlinks in docs/ and in the theme's custom_dir: a file there must not
    # bring in a file from elsewhere, outside the column (a key, /proc/self/environ) or inside
    # it (.git/config holds CI's token, .cache anything). A link is published only when it
    # stays in the folder it sits in.
    root = Path(config.config_file_path).resolve().parent
    folders = [Path(config.docs_dir)] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
    for file in list(files):
        source = Path(os.path.abspath(file.abs_src_path)) if file.abs_src_path else None
        folder = next((f for f in folders if source and source.is_relative_to(os.path.abspath(f))), None)
        if folder is not None and not source.resolve().is_relative_to(folder.resolve()):
            files.remove(file)
            label = file_label(source, root)
            log.warning(render_located(Problem(label, "symlink_refused"), _build.lang))


def on_nav(nav, config, files: Files):
    # Pages are rendered between on_nav and on_env: this is the last event before a body
    # needs to know at which URL each photo is published.
    _build.photo_urls = {file.url: _build.photos[file.src_uri] for file in files if file.src_uri in _build.photos}
    # A school's own `nav:` may list a post; that post's navigation marks it as the current page.
    _build.in_nav = {page.file.src_uri for page in nav.pages}
    _build.shared_nav = not _build.own_partials and _nav_is_the_same_on_every_post(nav)
    return nav


def _nav_is_the_same_on_every_post(nav) -> bool:
    """Whether Material's navigation renders the same on every post that is not in it.

    Posts are published side by side in ``bai-viet/<slug>/``: a relative address differs
    between them only when it leads into that folder (a page a school put beside a post).
    """

    def addresses(items):
        for item in items:
            yield (getattr(item, "url", None) or "").removeprefix("./")
            yield from addresses(getattr(item, "children", None) or ())

    return not any(address.startswith(routes.POSTS + "/") for address in addresses(nav.items))


def on_env(env, config, files: Files):
    # The column's filters and globals go into the environment every page is rendered with.
    env = _column_env(env, config, files)
    # Every body has been read (pages are rendered after this event): Pagefind writes the
    # index while MkDocs renders the templates.
    if _build.search is not None and len(_build.search_words) == len(_build.views):
        try:
            _build.search.write(Path(config.site_dir) / SEARCH_DIR)
        except SearchIndexFailed as exc:
            _search_failed(exc)
    return env


def _column_env(env, config, files: Files):
    """``env`` (one of the theme's Jinja environments) given what the column's templates use."""
    # Views name pages by src_uri (routes); the URL of a page depends on use_directory_urls,
    # which only the built file list knows. Templates resolve links with `href`.
    _build.urls = urls = {file.src_uri: file.url for file in files}
    env.filters["href"] = _href
    env.filters["absolute"] = lambda target: _absolute(target, config.site_url or "")
    env.filters["thumbnail"] = _thumbnail
    # A cover whose photo could not be published (reported in on_files) is not shown or shared.
    env.tests["published"] = lambda target: bool(target) and (bool(target.url) or target.src_uri in urls)
    # Header, footer and the 404 page (rendered without a page) read the column from here.
    # Only the site's own feeds go in every <head>: Material fetches a sitemap.xml beside each
    # <link rel=alternate>, which a feed in a sub-folder does not have (a 404 on every visit).
    env.globals["column_site"] = _build.site
    env.globals["column_content"] = routes.CONTENT
    env.globals["column_once"] = _once
    env.globals["column_shared_partials"] = not _build.own_partials
    # The column's templates escape everything they print (MkDocs turns autoescape off for
    # Material's sake); only a cleaned body is marked safe, where it is printed.
    env.autoescape = _escaped_template
    return env


@pass_context
def _href(context, target) -> str:
    """The URL of a Link, Cover or Feed, relative to the page being rendered."""
    if getattr(target, "url", None):
        return target.url
    path = getattr(target, "src_uri", None)
    path = _build.urls.get(path, path) if path is not None else target.path
    fragment = getattr(target, "fragment", None)
    return url_filter(context, path) + (f"#{fragment}" if fragment else "")


def _once(key: tuple[str, ...], render) -> Markup:
    """What ``render`` (a template block's ``super``) gives, rendered the first time ``key`` is asked for in this build.

    ``main.html`` keys a block by everything its HTML depends on: a post hides the navigation
    and its table of contents, so Material's navigation is the same on every post of the same
    ``base_url`` (its depth) that is not in the navigation, while no address in it leads into
    the posts' folder (``column_shared_nav``). The search box prints only ``base_url`` and the
    settings: the same on every page of a depth, unless the school has partials of its own.
    """
    if key not in _build.rendered:
        _build.rendered[key] = Markup(render())
    return _build.rendered[key]


def _absolute(target, site_url: str) -> str:
    """The absolute URL of a Link or Cover (needs ``site_url``), or the share address of a Share."""
    if isinstance(target, Share):
        return routes.share(target.service, _absolute(target.page, site_url))
    if target.url:
        return target.url
    return site_url + _build.urls[target.src_uri] if target.src_uri in _build.urls else ""


def _thumbnail(cover) -> Thumbnail | None:
    """The narrowest published copy of a post's cover, for a card; none for an external or refused photo."""
    published = _build.photos.get(cover.src_uri) if cover and not cover.is_external else None
    if published is None:
        return None
    name, width = published.names[0]
    variant = published.processed.variants[0]
    src_uri = cover.src_uri if variant is published.processed.main else posixpath.join(posixpath.dirname(cover.src_uri), name)
    return Thumbnail(src_uri, width, variant.height)


_ESCAPED = ("main.html", "404.html", "partials/header.html")
"""Material's templates the column overrides: autoescaped like its own ``column/*``."""


def _escaped_template(name: str | None) -> bool:
    return bool(name) and (name.startswith("column/") or name in _ESCAPED)


def on_page_markdown(markdown: str, page, config, files):
    # A page's template and title are read from page.meta after this event: the plan says
    # which template renders each generated page. Material prints page.meta.title and
    # .description unescaped, so they hold HTML text.
    # A column page is news, not a manual: no sidebar of one link, no table of contents.
    src = page.file.src_uri
    view = _build.views.get(src)
    if view is not None:
        page.meta.update(template="column/post.html", title=escape(view.post.title), description=escape(view.excerpt))
        page.meta["hide"] = ["navigation", "toc"]
    elif src in _build.pages:
        page.meta.update(template=_build.pages[src].template, title=escape(_build.pages[src].title))
        page.meta["hide"] = ["navigation", "toc"]
        page.meta["search"] = {"exclude": True}  # listings would crowd out the posts they list
    elif src == routes.HOME:
        page.meta.setdefault("template", "column/home.html")
        page.meta.setdefault("hide", ["navigation", "toc"])
    return markdown


def on_page_content(html: str, page, config, files):
    # The body as HTML exists only once Markdown has run: it is cleaned here, before the
    # page, the search index and the feeds (which carry it in full) take it. The table of
    # contents exists from here on too, and Material's skip link goes to its first entry.
    src = page.file.src_uri
    if src in _build.views or src in _build.pages or (src == routes.HOME and page.meta.get("template") == "column/home.html"):
        page.toc = _skip_to_content(page.toc, page.title or "", headings=src not in _build.views)
    view = _build.views.get(src)
    if view is None:
        return html
    cleaned, removals = clean_body(html)
    post, body = view.post, None
    if removals:
        body = _build.check.corpus.body(post)
        where = line_of(body, post.body_line, removals[0])
        removed = ", ".join(r.what for r in removals)
        problem = Problem(view.src_uri, "html_removed", "body", where, {"removed": removed}, Severity.WARNING)
        log.warning(render_located(problem, _build.lang))
    # Each photo gets srcset/sizes/width/height here, where its final URL is known.
    cleaned, no_alt = images.responsive(cleaned, page.url, _build.photo_urls)
    for src in no_alt:
        body = body or _build.check.corpus.body(post)
        name = unquote(src.rsplit("/", 1)[-1])
        where = line_of(body, post.body_line, Removal(name, name))
        problem = Problem(view.src_uri, "image_no_alt", "body", where, {"image": name}, Severity.INFO)
        log.info(render_located(problem, _build.lang))
    _build.bodies[page.file.src_uri] = cleaned
    _build.search_words[view.src_uri] = words = search_words(view, cleaned)
    _search(view, page, cleaned, words, config, files)
    return cleaned


def _search(view, page, cleaned: str, words: str, config, files: Files) -> None:
    # Search is Pagefind's chunked index of the posts: a phone fetches a few small files when
    # the reader searches, not a whole-site index. Each post goes to Pagefind as soon as its
    # body exists, so Pagefind indexes on another core while MkDocs goes on.
    if _build.search_failed:
        return
    try:
        _build.search = _build.search or SearchIndex.start()
        if _build.search_record is None:
            # MkDocs makes the pages' environment only after every body: the record, the post's
            # article as its page prints it, is rendered by an environment of the theme's own.
            env = _column_env(config.theme.get_env(), config, files)
            _build.search_record = env.get_template(RECORD_TEMPLATE)
        context = {"page": page, "base_url": get_relative_url(".", page.url), "config": config}
        record = post_record(_build.search_record, view, cleaned, words, lang=config.theme.get("language") or "vi", **context)
        _build.search.add("/" + page.url, record)
    except SearchIndexFailed as exc:
        _search_failed(exc)


def _skip_to_content(toc: TableOfContents, title: str, headings: bool) -> TableOfContents:
    """One first entry, the page's content, whose id every column template renders; below it ``toc``.

    Material's "Bỏ qua" link leads to the first entry of ``page.toc``: the heading Markdown made
    of a generated page's title, which its template never prints, or a post's first subheading.
    Material lists the children of a level-1 first entry as the table of contents, which the
    phone menu shows for a page in the navigation. A post is never there and hides its table
    of contents: it gets none, or Material would label (``for="__toc"``) a toggle it never prints.
    """
    content = AnchorLink(title, routes.CONTENT, 1)
    if headings:
        content.children = [child for item in toc for child in (item.children if item.level == 1 else [item])]
    return TableOfContents([content])


def on_page_context(context, page, config, nav):
    # The template of each column page receives its view; nothing else reaches it.
    src = page.file.src_uri
    generated = _build.pages.get(src)
    context["column_post"] = _build.views.get(src)
    context["column_shared_nav"] = _build.shared_nav and src in _build.views and src not in _build.in_nav
    context["column_search_words"] = _build.search_words.get(src, "")
    context["column_page"] = generated
    context["column_view"] = generated.view if generated else None
    context["column_home"] = _build.plan.home if src == routes.HOME else None
    return context


def on_post_build(config):
    # Feeds need every post's HTML, which exists only after all pages are rendered.
    if config.site_url:
        _write_feeds(config)
        _write_coverage_data(config)
    _write_search_index(config)
    _build.photo_cache.discard()


def on_build_error(error):
    # A build that stops half-way leaves no Pagefind service behind (mkdocs serve goes on).
    if _build is not None and _build.search is not None:
        _build.search.abandon()
        _build.search = None
    if _build is not None and _build.photo_cache is not None:
        _build.photo_cache.discard()


def _write_feeds(config) -> None:
    site_dir, site_url = Path(config.site_dir), config.site_url
    description = _build.site.description or "Chuyên mục tuyên truyền bình đẳng giới"
    sizes = {src: published.processed.main.size for src, published in _build.photos.items()}
    for feed in _build.plan.feeds:
        items = feeds.items_for(feed.posts, _build.urls, _build.bodies, site_url, sizes)
        channel = feeds.Channel(
            feed.title,
            description,
            site_url + _build.urls[feed.page].removeprefix("./"),
            site_url + feed.path,
            author=_build.site.school,
        )
        target = site_dir / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(feeds.rss(channel, items) if feed.kind == "rss" else feeds.atom(channel, items))


def _write_coverage_data(config) -> None:
    check = _build.check
    document = coverage_document(
        _build.plan.posts, check.coverage, check.config, check.today, _build.urls, config.site_url, _build.site.name
    )
    target = Path(config.site_dir) / routes.COVERAGE_DATA
    target.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def _write_search_index(config) -> None:
    # A column without a post still gets an (empty) index: the search box must not fail to load.
    if _build.search_failed:
        return
    site_dir = Path(config.site_dir)
    try:
        search, _build.search = _build.search or SearchIndex.start(), None
        # `mkdocs serve --dirty` renders only changed pages: the others are read back from site/.
        for src, view in _build.views.items():
            if src not in _build.search_words:
                page_file = site_dir / routes.page_dest(view.page_uri, config.use_directory_urls)
                if page_file.is_file():  # the whole page: Pagefind reads its data-pagefind-body
                    search.add("/" + _build.urls[src].removeprefix("./"), page_file.read_text(encoding="utf-8"))
        search.finish(site_dir / SEARCH_DIR)
    except SearchIndexFailed as exc:
        _search_failed(exc)


def _search_failed(exc: SearchIndexFailed) -> None:
    if _build.search is not None:
        _build.search.abandon()
        _build.search = None
    _build.search_failed = True
    problem = Problem("", "search_index_failed", params={"reason": str(exc)}, severity=Severity.WARNING)
    log.warning(render_located(problem, _build.lang))


def on_serve(server, config, builder):
    # posts/ is outside docs_dir: without this, editing a post would not trigger a rebuild.
    server.watch(str(Path(config.config_file_path).parent / routes.SOURCES))
    return server


def _report(check: CheckResult, lang: str) -> None:
    # An error or a missing quarter is a WARNING, so `mkdocs build --strict` fails on it;
    # the rest (unknown fields, drafts, scheduled posts) is said at INFO.
    for finding in check.findings:
        failing = finding.is_error or finding.code is Code.MISSING_QUARTER
        log.log(logging.WARNING if failing else logging.INFO, render_located(finding, lang))
