"""What the column's templates call: ``href``, ``absolute`` and ``thumbnail``, the ``published`` test, ``column_*`` globals.

Views name pages by ``src_uri`` (:mod:`gecolumn.routes`); which URL a page gets depends on
``use_directory_urls``, which only the built file list knows. Each function here takes the
build it reads; :func:`install` binds them to this build's Jinja environment.
"""

from __future__ import annotations

import posixpath

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.utils.templates import url_filter

from gecolumn import routes
from gecolumn.coverage import Status
from gecolumn.mkdocs.state import Build
from gecolumn.mkdocs.theme import COMPILED, escaped_template
from gecolumn.views import Share, Thumbnail


def install(env, build: Build, config) -> None:
    """Give the templates of ``env`` the column's filters, test and globals, reading ``build``."""
    site_url = config.site_url or ""

    @pass_context
    def href_filter(context, target) -> str:
        return href(build, context, target)

    env.filters["href"] = href_filter
    env.filters["absolute"] = lambda target: absolute(build, target, site_url)
    env.filters["thumbnail"] = lambda cover: thumbnail(build, cover)
    # A cover whose photo could not be published (reported in on_files) is not shown or shared.
    env.tests["published"] = lambda target: bool(target) and (bool(target.url) or target.src_uri in build.urls)
    # Header, footer and the 404 page (rendered without a page) read the column from here.
    env.globals["column_site"] = build.site
    env.globals["column_share_image"] = build.share_images.get("")  # the 404 page's: it has no page context
    env.globals["column_content"] = routes.CONTENT
    env.globals["column_status"] = Status  # the coverage page's legend names each status
    env.globals["column_once"] = lambda key, render: once(build, key, render)
    env.globals["column_shared_partials"] = not build.own_partials
    # The column's templates escape everything they print (MkDocs turns autoescape off for
    # Material's sake); only a cleaned body is marked safe, where it is printed.
    env.autoescape = escaped_template
    # Set before the first template is loaded (on_env, and the search record's environment).
    env.bytecode_cache = COMPILED


def href(build: Build, context, target) -> str:
    """The URL of a Link, Cover or Feed, relative to the page being rendered."""
    if getattr(target, "url", None):
        return target.url
    path = getattr(target, "src_uri", None)
    path = build.urls.get(path, path) if path is not None else target.path
    fragment = getattr(target, "fragment", None)
    return url_filter(context, path) + (f"#{fragment}" if fragment else "")


def once(build: Build, key: tuple[str, ...], render) -> Markup:
    """What ``render`` (a template block's ``super``) gives, rendered the first time ``key`` is asked for in this build.

    ``main.html`` keys a block by everything its HTML depends on: a post hides the navigation
    and its table of contents, so Material's navigation is the same on every post of the same
    ``base_url`` (its depth) that is not in the navigation, while no address in it leads into
    the posts' folder (``column_shared_nav``). The search box prints only ``base_url`` and the
    settings: the same on every page of a depth, unless the school has partials of its own.
    """
    if key not in build.rendered:
        build.rendered[key] = Markup(render())
    return build.rendered[key]


def absolute(build: Build, target, site_url: str) -> str:
    """The absolute URL of a Link or Cover (needs ``site_url``), or the share address of a Share."""
    if isinstance(target, Share):
        return routes.share(target.service, absolute(build, target.page, site_url))
    if target.url:
        return target.url
    # The home page's URL is "./": the site's address itself.
    return site_url + build.urls[target.src_uri].removeprefix("./") if target.src_uri in build.urls else ""


def thumbnail(build: Build, cover) -> Thumbnail | None:
    """The narrowest published copy of a post's cover, for a card; none for an external or refused photo."""
    published = build.photos.get(cover.src_uri) if cover and not cover.is_external else None
    if published is None:
        return None
    name, width = published.names[0]
    variant = published.processed.variants[0]
    src_uri = cover.src_uri if variant is published.processed.main else posixpath.join(posixpath.dirname(cover.src_uri), name)
    return Thumbnail(src_uri, width, variant.height)
