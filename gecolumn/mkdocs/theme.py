"""The column's look in Material: the package's templates, settings made HTML text, each page's template and layout."""

from __future__ import annotations

from pathlib import Path

import nh3
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup, escape
from mkdocs.structure.toc import AnchorLink, TableOfContents

from gecolumn import routes
from gecolumn.mkdocs.state import Build
from gecolumn.problems import Problem, Severity, file_label

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
"""The column's templates (``column/*``, ``main.html``, ``404.html``, partials), CSS and script."""

_ESCAPED = ("main.html", "404.html", "partials/header.html")
"""Material's templates the column overrides: autoescaped like its own ``column/*``."""


class CompiledTemplates(BytecodeCache):
    """Templates compiled once per process, not once per build: ``mkdocs serve`` rebuilds, and a test suite's builds.

    MkDocs makes a new Jinja environment for every build, which compiles Material's templates
    and the column's anew (about 0.3 s of a small column's 0.5 s build). A template is taken
    from here only while its file's text is the same (Jinja compares a checksum of the source)
    and the environment compiles it the same way (:func:`compiled_alike`); an edited override
    is compiled again at the next rebuild, and replaces its older copy. Memory holds one
    compiled copy per template file and way of compiling it: a few MB at most.
    """

    def __init__(self):
        self._compiled: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = f"{self.get_cache_key(name, filename)}|{compiled_alike(environment, name)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])  # a changed source leaves the bucket empty

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._compiled.clear()


def compiled_alike(environment, name: str | None) -> str:
    """What of ``environment`` changes the code Jinja compiles a template ``name`` to: its syntax, extensions and escaping."""
    escapes = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
    syntax = (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
    )
    how = (sorted(environment.extensions), environment.optimized, environment.finalize is not None, environment.is_async)
    return repr((syntax, how, escapes, environment.code_generator_class, environment.context_class))


COMPILED = CompiledTemplates()
"""This process's compiled templates, given to every environment a column build makes (:func:`gecolumn.mkdocs.filters.install`)."""


def escape_settings(config) -> None:
    """Make the settings Material prints into pages HTML text (``site_name``, ``copyright``…)."""
    # Material writes these settings into pages as they are (MkDocs' Jinja does not escape):
    # from here on they are HTML text, and the column's own templates use the raw values.
    # Markup, so that where Material does escape (`| e`) nothing is escaped twice.
    for name in ("site_name", "site_description", "site_author", "repo_name"):
        if config.get(name):
            config[name] = escape(str(config[name]))
    if config.get("copyright"):
        config["copyright"] = Markup(nh3.clean(str(config["copyright"])))


def add_theme(build: Build, config) -> bool:
    """Give Material the package's templates; says whether the school has partials or a base.html of its own."""
    # Before Material's own templates and after the school's custom_dir, which overrides
    # any file here. on_config runs before MkDocs builds the Jinja environment from dirs.
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
            build.say(Problem(label, "theme_file_overridden", params={"file": label}, severity=Severity.INFO))
    return own_partials


def escaped_template(name: str | None) -> bool:
    """Whether Jinja autoescapes the template ``name``: the column's own, never Material's others."""
    return bool(name) and (name.startswith("column/") or name in _ESCAPED)


def nav_is_the_same_on_every_post(nav) -> bool:
    """Whether Material's navigation renders the same on every post that is not in it.

    Posts are published side by side in ``bai-viet/<slug>/``: a relative address differs
    between them only when it leads into that folder (a page a school put beside a post).
    """

    def addresses(items):
        for item in items:
            yield (getattr(item, "url", None) or "").removeprefix("./")
            yield from addresses(getattr(item, "children", None) or ())

    return not any(address.startswith(routes.POSTS + "/") for address in addresses(nav.items))


def set_page_meta(build: Build, page) -> None:
    """The template, title and layout of a post, a generated page or the home page, in ``page.meta``."""
    # Material prints page.meta.title and .description unescaped, so they hold HTML text.
    # A column page is news, not a manual: no sidebar of one link, no table of contents.
    src = page.file.src_uri
    view = build.views.get(src)
    if view is not None:
        page.meta.update(template="column/post.html", title=escape(view.post.title), description=escape(view.excerpt))
        page.meta["hide"] = ["navigation", "toc"]
    elif src in build.pages:
        page.meta.update(template=build.pages[src].template, title=escape(build.pages[src].title))
        page.meta["hide"] = ["navigation", "toc"]
        page.meta["search"] = {"exclude": True}  # listings would crowd out the posts they list
    elif src == routes.HOME:
        page.meta.setdefault("template", "column/home.html")
        page.meta.setdefault("hide", ["navigation", "toc"])


def is_column_page(build: Build, page) -> bool:
    """Whether one of the column's templates renders ``page`` (a post, a generated page, the column's home)."""
    src = page.file.src_uri
    return src in build.views or src in build.pages or (src == routes.HOME and page.meta.get("template") == "column/home.html")


def skip_to_content(toc: TableOfContents, title: str, headings: bool) -> TableOfContents:
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


def page_context(build: Build, context: dict, page) -> dict:
    """The views a column page's template reads (``column_post``, ``column_page``…); nothing else reaches it."""
    src = page.file.src_uri
    generated = build.pages.get(src)
    context["column_post"] = build.views.get(src)
    context["column_share_image"] = build.share_images.get(src) or build.share_images.get("")
    context["column_shared_nav"] = build.shared_nav and src in build.views and src not in build.in_nav
    context["column_search_words"] = build.search_words.get(src, "")
    context["column_page"] = generated
    context["column_view"] = generated.view if generated else None
    context["column_home"] = build.plan.home if src == routes.HOME else None
    return context
