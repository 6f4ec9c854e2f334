"""What one build knows about the column: made in ``on_config``, passed to every step after it.

Under ``mkdocs serve`` the hook is imported once and builds many times: each build starts a new
:class:`Build` from the files as they are, and nothing survives from one build to the next.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Template
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from gecolumn import __version__, images, routes
from gecolumn.check import CheckResult, check_column
from gecolumn.codes import Code
from gecolumn.column import OpenedColumn
from gecolumn.dates import BadToday
from gecolumn.messages import pick_language, render_located
from gecolumn.pins import GECOLUMN_REQUIREMENTS, read_pins
from gecolumn.problems import Problem, Severity
from gecolumn.search_index import ShardedSearchIndex
from gecolumn.site import SitePlan, plan_site
from gecolumn.views import GeneratedPage, PostView, ShareImage, SiteView

log = logging.getLogger("mkdocs.hooks.column")
"""The hook's log: a WARNING fails ``mkdocs build --strict``."""


@dataclass(eq=False)
class Build:
    """What one build knows about the column: the check's result, the site plan, and what later events learn."""

    check: CheckResult
    plan: SitePlan
    posts_dir: Path
    lang: str
    """The language of the messages this build logs."""
    views: dict[str, PostView] = field(init=False)
    """src_uri → view of every published post."""
    pages: dict[str, GeneratedPage] = field(init=False)
    """src_uri → every page the plan generates (archive, units, tags, coverage)."""
    urls: dict[str, str] = field(default_factory=dict)
    """src_uri → URL of every file of the site, known from on_env on."""
    bodies: dict[str, str] = field(default_factory=dict)
    """src_uri → cleaned body HTML of every post, for the feeds."""
    photos: dict[str, images.Published] = field(default_factory=dict)
    """src_uri of a photo → its published copies."""
    share_images: dict[str, ShareImage] = field(default_factory=dict)
    """src_uri of a page (a post, or "" for every other page) → the picture a link to it shows (known from on_files on)."""
    photo_urls: dict[str, images.Published] = field(default_factory=dict)
    """Site URL of a photo's main copy → its published copies (known from on_nav on)."""
    photo_cache: images.PhotoCache | None = None
    """Where processed photos are kept (a temporary folder when the column's cannot be trusted)."""
    search: ShardedSearchIndex | None = None
    """Pagefind's index, given each post when its body is made (started by the first one)."""
    search_words: dict[str, str] = field(default_factory=dict)
    """src_uri → the post's words with đ, folded: hidden in its page and given to Pagefind with it."""
    search_failed: bool = False
    search_record: Template | None = None
    """The template of what Pagefind is given for a post (made for the first one)."""
    in_nav: set[str] = field(default_factory=set)
    """src_uri of every page in the navigation (known from on_nav on)."""
    own_partials: bool = False
    """Whether the school's custom_dir has partials or base.html, which may print anything of a page."""
    shared_nav: bool = False
    """Whether posts outside the navigation share one rendering of it (see theme.nav_is_the_same_on_every_post)."""
    rendered: dict[tuple[str, ...], Markup] = field(default_factory=dict)
    """Parts of Material's pages that are the same on many pages, rendered once (see filters.once)."""

    def __post_init__(self) -> None:
        self.views = {view.src_uri: view for view in self.plan.posts}
        self.pages = {page.src_uri: page for page in self.plan.pages}

    @property
    def site(self) -> SiteView:
        return self.plan.site

    def say(self, problem: Problem) -> None:
        """Log ``problem`` in the build's language, at the level its severity asks for."""
        log.log(_LEVELS[problem.severity], render_located(problem, self.lang))


_LEVELS = {Severity.ERROR: logging.WARNING, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}


def start(config) -> Build:
    """The build of the column ``config`` (MkDocs' settings) describes, judged on the column's one day.

    Raises MkDocs' ``PluginError`` (the build stops with the message) when the settings or
    ``SOURCE_DATE_EPOCH`` cannot be used.
    """
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
    return Build(check, plan, Path(config.config_file_path).parent / routes.SOURCES, lang)


def settings_label(config) -> str:
    """The settings file as messages name it (``mkdocs.yml``)."""
    return Path(config.config_file_path).name


_UNSAFE_IN_URL = re.compile(r"[\s\"'<>`\\]")


def _check_site_url(config, lang: str) -> None:
    # MkDocs and Material print site_url into every page's canonical link as it is: an
    # address with a quote or a bracket would end the attribute and start markup.
    if config.site_url and _UNSAFE_IN_URL.search(config.site_url):
        params = {"value": config.site_url, "expected": "https://…/ (không có dấu nháy, <, >, khoảng trắng)"}
        problem = Problem(settings_label(config), "config_bad_value", "site_url", params=params)
        raise PluginError(render_located(problem, lang))


def compare_pinned_version(build: Build, config) -> None:
    """Say (INFO) when the installed generator is not the version the column's ``requirements.txt`` pins."""
    # After `pip install -U gecolumn` the site builds with the new version at once, while CI
    # installs what requirements.txt says: said at every build until the two agree (INFO:
    # a local try of a new version must still build strictly).
    # gecolumn's line is in requirements.txt when the district's index serves it, else in its own file.
    for name in ("requirements.txt", GECOLUMN_REQUIREMENTS):
        try:
            text = (Path(config.config_file_path).parent / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        pinned = next(
            (pin.version for pin in read_pins(text[:1_000_000]) if pin.name == "gecolumn"), None
        )  # ~100 KB with every hash
        if pinned and pinned != __version__:
            params = {"file": name, "pinned": pinned, "installed": __version__}
            build.say(Problem(name, "generator_version_differs", params=params, severity=Severity.INFO))


def report_findings(build: Build) -> None:
    """Log the check's findings: an error or a missing quarter as a WARNING, so ``--strict`` fails on it."""
    # The rest (unknown fields, drafts, scheduled posts) is said at INFO.
    for finding in build.check.findings:
        failing = finding.is_error or finding.code is Code.MISSING_QUARTER
        log.log(logging.WARNING if failing else logging.INFO, render_located(finding, build.lang))
