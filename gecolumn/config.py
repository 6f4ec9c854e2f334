"""The column's settings (``extra.column`` in ``mkdocs.yml``): start quarter, units, options.

The caller loads ``mkdocs.yml`` with MkDocs' own loader and hands over its ``extra``
mapping; this module validates it once into a frozen :class:`ColumnConfig`. Problems are
reported like post problems, naming ``mkdocs.yml`` and the key.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gecolumn.collation import SortKey, vietnamese_key
from gecolumn.problems import Problem, Severity, closest_match
from gecolumn.quarters import Quarter
from gecolumn.slugs import SLUG_PATTERN, slug_of

PREFIX = "extra.column"
DEFAULT_FEED_SIZE = 20
MAX_UNIT_ID = 60
"""A unit id is a folder name of the site (``don-vi/<id>/``) and a word in every post's header."""
SETTINGS_VERSION = 1
"""The format of ``extra.column`` this package reads. A column without ``version`` is format 1
(every column written before the key existed). When a setting changes meaning or name, the
format goes up and the old key gets a message here saying exactly what to write instead."""
_LETTERHEAD_KEYS = ("managing_body", "place", "signer", "signer_name")
"""One-line texts an official report (``report --docx``) is headed and signed with."""
_KNOWN_KEYS = (
    "version",
    "start",
    "per_unit",
    "units",
    "feed_size",
    "as_of",
    "school",
    "address",
    *_LETTERHEAD_KEYS,
    "recipients",
    "editor",
)
_UNIT_KEYS = ("name", "since")
_EDITOR_KEYS = ("backend", "repo", "branch", "base_url", "app_id", "local_port")
EDITOR_BACKENDS = ("local", "github", "gitlab")
"""Where the web editor saves: the web master's PC only (Decap's local server), a GitHub or a GitLab repository."""
DEFAULT_EDITOR_PORT = 8081
"""The port Decap's local server (``npx decap-server``) listens on unless told otherwise."""


@dataclass(frozen=True)
class EditorSettings:
    """``extra.column.editor``: the web editor at ``quan-tri/`` (``true``, or these keys)."""

    backend: str = "local"
    repo: str | None = None
    """``owner/name`` of the column's repository (GitHub, GitLab)."""
    branch: str = "main"
    base_url: str | None = None
    """GitHub: the sign-in (OAuth) service's address; GitLab: the GitLab server, if not gitlab.com."""
    app_id: str | None = None
    """GitLab: the application id of the column's sign-in (PKCE) application."""
    local_port: int = DEFAULT_EDITOR_PORT


@dataclass(frozen=True)
class Unit:
    """Who publishes posts: a school, an office, or an organisation inside a school."""

    id: str
    name: str
    since: Quarter | None = None

    @property
    def sort_key(self) -> SortKey:
        """Where the unit goes in a list by name: Vietnamese alphabetical order."""
        return vietnamese_key(self.name)


@dataclass(frozen=True)
class ColumnConfig:
    """Validated ``extra.column`` settings."""

    start: Quarter
    units: tuple[Unit, ...]
    per_unit: bool = False
    feed_size: int = DEFAULT_FEED_SIZE
    as_of: datetime.date | None = None
    """Judge the column as it stood on this day instead of today (a demo, an archived column);
    ``--today`` and ``SOURCE_DATE_EPOCH`` still win."""
    school: str | None = None
    """Who runs the column (a school or an office), for the header, the footer and the feeds' author."""
    address: str | None = None
    """Its postal address, for the footer."""
    managing_body: str | None = None
    """The body above it (``UBND XÃ BẢO KHÊ``), first line of an official report's letterhead."""
    place: str | None = None
    """The place an official report is dated at (``Bảo Khê``)."""
    signer: str | None = None
    """The signer's title on an official report (``HIỆU TRƯỞNG``)."""
    signer_name: str | None = None
    recipients: tuple[str, ...] = ()
    """An official report's "Nơi nhận", one line each (``Phòng GD&ĐT (để báo cáo)``)."""
    editor: EditorSettings | None = None
    """The web editor, when the column turns it on."""

    def unit(self, unit_id: str) -> Unit | None:
        """The unit with this id, or ``None``."""
        return next((unit for unit in self.units if unit.id == unit_id), None)

    @property
    def unit_ids(self) -> tuple[str, ...]:
        return tuple(unit.id for unit in self.units)

    @property
    def default_unit(self) -> Unit | None:
        """The unit a post belongs to when it names none: the only one, if the column has one."""
        return self.units[0] if len(self.units) == 1 else None

    def due_from(self, unit: Unit | None = None) -> Quarter:
        """First quarter that must have a post: ``start``, or the unit's ``since`` if later.

        For the column as a whole (``unit`` is ``None``) it is the earliest quarter any
        unit is accountable from, and never before ``start``.
        """
        if unit is not None:
            return max(self.start, unit.since or self.start)
        return max(self.start, min((u.since or self.start for u in self.units), default=self.start))


def read_column_config(extra: Mapping[str, Any] | None, file: str = "mkdocs.yml") -> tuple[ColumnConfig | None, list[Problem]]:
    """Validate the ``extra`` mapping of ``mkdocs.yml``; the config is ``None`` when unusable."""
    problems: list[Problem] = []

    def error(code: str, key: str, severity: Severity = Severity.ERROR, **params: Any) -> None:
        problems.append(Problem(file, code, f"{PREFIX}.{key}" if key else PREFIX, params=params, severity=severity))

    column = (extra or {}).get("column")
    if not isinstance(column, Mapping):
        error("config_missing", "", example="start: 2024-Q1")
        return None, problems

    for key in column:
        if key not in _KNOWN_KEYS:
            error("config_unknown_key", str(key), Severity.WARNING, suggestion=closest_match(str(key), _KNOWN_KEYS))

    version = column.get("version", SETTINGS_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        error("config_bad_value", "version", value=version, expected=f"1 … {SETTINGS_VERSION}")
    elif version > SETTINGS_VERSION:
        from gecolumn import __version__

        error("settings_too_new", "version", version=version, supported=SETTINGS_VERSION, package=__version__)
        return None, problems  # the rest may mean something this version cannot know

    start = None
    if "start" not in column:
        error("config_missing", "start", example="start: 2024-Q1")
    else:
        start = _quarter(column["start"], "start", error)

    per_unit = column.get("per_unit", False)
    if not isinstance(per_unit, bool):
        error("config_bad_value", "per_unit", value=per_unit, expected="true / false")
        per_unit = False

    feed_size = column.get("feed_size", DEFAULT_FEED_SIZE)
    if not isinstance(feed_size, int) or isinstance(feed_size, bool) or feed_size < 1:
        error("config_bad_value", "feed_size", value=feed_size, expected="> 0")
        feed_size = DEFAULT_FEED_SIZE

    as_of = column.get("as_of")
    if as_of is not None and not isinstance(as_of, datetime.date):
        try:
            as_of = datetime.date.fromisoformat(str(as_of).strip())
        except ValueError:
            error("config_bad_value", "as_of", value=as_of, expected="YYYY-MM-DD")
            as_of = None
    if isinstance(as_of, datetime.datetime):
        as_of = as_of.date()

    school, address = _text(column, "school", error), _text(column, "address", error)
    letterhead = {key: _text(column, key, error) for key in _LETTERHEAD_KEYS}
    recipients = column.get("recipients") or []
    if isinstance(recipients, str):  # one line written without a list
        recipients = [recipients]
    if not isinstance(recipients, list) or not all(isinstance(line, (str, int, float)) for line in recipients):
        error("config_not_text", "recipients", value=recipients)
        recipients = []
    recipients = tuple(text for line in recipients if (text := " ".join(str(line).split())))

    units = _units(column.get("units"), error)
    editor = _editor(column.get("editor", False), error)
    if any(p.is_error for p in problems) or start is None:
        return None, problems
    return (
        ColumnConfig(
            start=start,
            units=units,
            per_unit=per_unit,
            feed_size=feed_size,
            as_of=as_of,
            school=school,
            address=address,
            recipients=recipients,
            **letterhead,
            editor=editor,
        ),
        problems,
    )


def _editor(raw: Any, error) -> EditorSettings | None:
    """``editor: true`` (the web master's PC), or a mapping naming the repository the editor saves to."""
    if raw is None or raw is False:
        return None
    if raw is True:
        return EditorSettings()
    if not isinstance(raw, Mapping):
        error("config_bad_value", "editor", value=raw, expected="true / false")
        return None
    for name in raw:
        if name not in _EDITOR_KEYS:
            error("config_unknown_key", f"editor.{name}", Severity.WARNING, suggestion=closest_match(str(name), _EDITOR_KEYS))
    backend = str(raw.get("backend", "local"))
    if backend not in EDITOR_BACKENDS:
        error("config_bad_value", "editor.backend", value=backend, expected=" / ".join(EDITOR_BACKENDS))
        return None
    port = raw.get("local_port", DEFAULT_EDITOR_PORT)
    if not isinstance(port, int) or isinstance(port, bool) or not 1024 <= port <= 65535:
        error("config_bad_value", "editor.local_port", value=port, expected="1024 … 65535")
        return None
    texts = {
        key: _text(raw, key, lambda code, key, **params: error(code, f"editor.{key}", **params))
        for key in ("repo", "branch", "base_url", "app_id")
    }
    base = texts["base_url"]
    if base and not re.fullmatch(r"https?://[^\s\"'<>`\\]+", base):  # the editor's page links it: never javascript:
        error("config_bad_value", "editor.base_url", value=base, expected="https://… (địa chỉ máy chủ đăng nhập)")
        texts["base_url"] = None
    if backend != "local" and not (texts["repo"] and "/" in texts["repo"]):
        error("config_bad_value", "editor.repo", value=texts["repo"] or "", expected="truong/chuyen-muc (tên tài khoản/tên kho)")
        return None
    return EditorSettings(backend, texts["repo"], texts["branch"] or "main", texts["base_url"], texts["app_id"], port)


def _text(column: Mapping[str, Any], key: str, error) -> str | None:
    """An optional one-line text setting: ``None`` when absent or empty."""
    raw = column.get(key)
    if raw is None:
        return None
    if not isinstance(raw, (str, int, float)) or isinstance(raw, bool):  # `address: [a, b]` is not "['a', 'b']"
        error("config_not_text", key, value=raw)
        return None
    return " ".join(str(raw).split()) or None


def is_unit_id(text: str) -> bool:
    """The unit-id rule, for settings, rosters and ``gecolumn new`` alike: a URL name of at most :data:`MAX_UNIT_ID` characters.

    >>> is_unit_id("thcs-bao-khe"), is_unit_id("THCS Bảo Khê"), is_unit_id("a" * 61)
    (True, False, False)
    """
    return bool(SLUG_PATTERN.match(text)) and len(text) <= MAX_UNIT_ID


def unit_suggestion(unit_id: str) -> str:
    """A valid unit id close to ``unit_id``: its slug, cut at a word within :data:`MAX_UNIT_ID`."""
    slug = slug_of(unit_id)
    if len(slug) > MAX_UNIT_ID:
        slug = slug[: MAX_UNIT_ID + 1].rsplit("-", 1)[0][:MAX_UNIT_ID]
    return slug or "truong-1"


def _units(raw: Any, error) -> tuple[Unit, ...]:
    if not isinstance(raw, Mapping) or not raw:
        error("config_missing", "units", example="units: {thcs-bao-khe: {name: Trường THCS Bảo Khê}}")
        return ()
    units = []
    for unit_id, settings in raw.items():
        unit_id = str(unit_id)
        key = f"units.{unit_id}"
        if not is_unit_id(unit_id):
            error("config_bad_unit_id", key, value=unit_id, suggestion=unit_suggestion(unit_id))
            continue
        if isinstance(settings, str):  # shorthand: ``thcs-bao-khe: Trường THCS Bảo Khê``
            settings = {"name": settings}
        if not isinstance(settings, Mapping) or not str(settings.get("name") or "").strip():
            error("config_missing", f"{key}.name", example="name: Trường THCS Bảo Khê")
            continue
        if not isinstance(settings["name"], (str, int, float)):  # `name: [a, b]` is not "['a', 'b']"
            error("config_not_text", f"{key}.name", value=settings["name"])
            continue
        for name in settings:
            if name not in _UNIT_KEYS:
                error("config_unknown_key", f"{key}.{name}", Severity.WARNING, suggestion=closest_match(str(name), _UNIT_KEYS))
        since = _quarter(settings["since"], f"{key}.since", error) if settings.get("since") else None
        units.append(Unit(unit_id, str(settings["name"]).strip(), since))
    return tuple(units)


def _quarter(raw: Any, key: str, error) -> Quarter | None:
    try:
        return Quarter.parse(str(raw))
    except ValueError:
        error("config_bad_quarter", key, value=raw)
        return None
