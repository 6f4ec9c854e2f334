"""The fields of a post's header: one line each in :data:`FIELDS`, read in one pass; rules between fields in a second.

A field is declared once, with whether it is required, how its value is read, and the
example its messages show; adding a field means a line here and an attribute on
:class:`gecolumn.posts.Post`. Rules that need two fields (the quarter must be the date's,
the unit must be configured or implied, the slug defaults to the title's) run after every
field has been read, in :func:`read_fields`.

    >>> values, problems = read_fields({"title": "Bình đẳng giới", "date": "08/03/2024", "quarter": "Quý I/2024"}, None, "a.md")
    >>> values["slug"], str(values["quarter"]), problems
    ('binh-dang-gioi', '2024-Q1', [])
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from gecolumn.config import ColumnConfig
from gecolumn.dates import parse_post_date, short_vietnamese
from gecolumn.problems import closest_match
from gecolumn.quarters import Quarter
from gecolumn.slugs import SLUG_PATTERN, slug_of

MAX_TAGS = 20
MAX_TAG_LENGTH = 60
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})

Report = Callable[..., None]
"""``report(code, **params)``: a problem with the field being read."""


@dataclass(frozen=True)
class FieldSpec:
    """One header field: its name, whether it must be there, how it is read, the example messages give."""

    name: str
    read: Callable[[Any, Report], Any]
    """Reads a present value; returns the typed value, or ``None`` after reporting why not."""
    required: bool = False
    example: str | Callable[[dict], str] = ""
    """What a message suggests writing; may depend on fields read before this one."""
    default: Any = None
    attribute: str = ""
    """The :class:`~gecolumn.posts.Post` attribute it fills (default: its name)."""

    def example_for(self, values: dict) -> str:
        return self.example(values) if callable(self.example) else self.example


def text(limit: int) -> Callable[[Any, Report], str | None]:
    """A one-line text of at most ``limit`` characters, whitespace folded."""

    def read(value: Any, report: Report) -> str | None:
        if isinstance(value, (dict, list)):
            report("not_text")
            return None
        value = " ".join(str(value).split())
        if len(value) > limit:
            report("too_long", length=len(value), limit=limit)
            return None
        return value or None

    return read


def read_date(value: Any, report: Report) -> datetime.datetime | None:
    try:
        return parse_post_date(str(value))
    except ValueError:
        report("bad_date", value=value)
        return None


def read_tags(value: Any, report: Report) -> tuple[str, ...] | None:
    if isinstance(value, str):  # "tags: Gia đình, Luật" is what people type
        value = value.split(",")
    if not isinstance(value, list) or any(isinstance(tag, (dict, list)) for tag in value):
        report("not_tag_list")
        return None
    tags = tuple(dict.fromkeys(tag for tag in (" ".join(str(t).split()) for t in value if t is not None) if tag))
    if len(tags) > MAX_TAGS:
        report("too_many_tags", count=len(tags), limit=MAX_TAGS)
        return None
    long = next((tag for tag in tags if len(tag) > MAX_TAG_LENGTH), None)
    if long is not None:
        report("too_long", length=len(long), limit=MAX_TAG_LENGTH)
        return None
    return tags


def read_slug(value: Any, report: Report) -> str | None:
    value = str(value).strip()
    if not SLUG_PATTERN.match(value):
        report("bad_slug", value=value, suggestion=slug_of(value) or "bai-viet")
        return None
    return value


def read_boolean(value: Any, report: Report) -> bool | None:
    word = value.strip().lower() if isinstance(value, str) else None
    if word not in _TRUE | _FALSE:
        report("not_boolean", value=value if isinstance(value, str) else type(value).__name__)
        return None
    return word in _TRUE


def _date_quarter(values: dict) -> str:
    return str(Quarter.of(values["date"].date())) if values.get("date") else "2024-Q1"


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", text(200), required=True, example="Bình đẳng giới trong trường học"),
    FieldSpec("date", read_date, required=True, example="08/03/2024", attribute="published"),
    FieldSpec("quarter", text(40), required=True, example=_date_quarter),
    FieldSpec("unit", text(80), example="thcs-bao-khe"),
    FieldSpec("tags", read_tags, default=()),
    FieldSpec("summary", text(1000), example="Tóm tắt một câu"),
    FieldSpec("author", text(200), example="Ban Vì sự tiến bộ phụ nữ"),
    FieldSpec("image", text(500), example="anh-bia.jpg"),
    FieldSpec("slug", read_slug, example="binh-dang-gioi"),
    FieldSpec("draft", read_boolean, default=False),
    FieldSpec("welcome", read_boolean, default=False),
)
"""Every field a post's header may hold, in the order messages list them."""

FIELD_NAMES = tuple(spec.name for spec in FIELDS)


def post_attributes(values: dict) -> dict:
    """Read values by :class:`~gecolumn.posts.Post` attribute."""
    return {spec.attribute or spec.name: values[spec.name] for spec in FIELDS}


def read_fields(
    meta: dict, config: ColumnConfig | None, path: str, problem: Callable[..., None] | None = None
) -> tuple[dict, list]:
    """Read every field of a header, then apply the rules between fields.

    ``problem(code, field, **params)`` records a problem (by default into the returned
    list, as ``(code, field, params)``). ``config`` ``None`` (unusable settings) skips the
    unit rule. Returns the values by field name; a value is ``None`` where a problem was found.
    """
    found: list = []
    problem = problem or (lambda code, field, **params: found.append((code, field, params)))
    values: dict[str, Any] = {}
    for spec in FIELDS:
        raw = meta.get(spec.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if spec.required:
                code = "missing_field" if spec.name not in meta else "empty_field"
                problem(code, spec.name, example=spec.example_for(values))
            values[spec.name] = spec.default
            continue

        def report(code: str, _spec: FieldSpec = spec, **params: Any) -> None:
            if "example" not in params:  # made only for a message: most posts need none
                params["example"] = _spec.example_for(values)
            problem(code, _spec.name, **params)

        value = spec.read(raw, report)
        values[spec.name] = spec.default if value is None and spec.default is not None else value
    values["quarter"] = _quarter_of_date(values, meta, problem)
    values["unit"] = _unit(values, config, problem)
    values["slug"] = _slug(values, meta, path, problem)
    return values, found


def _quarter_of_date(values: dict, meta: dict, problem: Callable[..., None]) -> Quarter | None:
    """The quarter as written, which must be the quarter of the date."""
    written, published = values.get("quarter"), values.get("date")
    if written is None:
        return None
    expected = Quarter.of(published.date()) if published else None
    try:
        quarter = Quarter.parse(written)
    except ValueError:
        reference = expected or Quarter(2024, 1)
        example = str(reference)
        problem(
            "bad_quarter",
            "quarter",
            value=meta.get("quarter"),
            example=example,
            roman=reference.roman,
            number=reference.number,
            year=reference.year,
        )
        return None
    if expected is not None and quarter != expected:
        problem(
            "quarter_mismatch",
            "quarter",
            value=meta.get("quarter"),
            quarter=str(quarter),
            date=short_vietnamese(published),
            date_quarter=expected.vietnamese,
            date_quarter_id=str(expected),
        )
        return None
    return quarter


def _unit(values: dict, config: ColumnConfig | None, problem: Callable[..., None]) -> str | None:
    """The unit written, which must be configured; none written means the column's only unit."""
    written = values.get("unit")
    if config is None:
        return written or ""
    if written is None:
        if config.default_unit is not None:
            return config.default_unit.id
        problem("unit_required", "unit", known=", ".join(config.unit_ids), example="thcs-bao-khe")
        return None
    if config.unit(written) is None:
        closest = closest_match(written, config.unit_ids) or closest_match(slug_of(written), config.unit_ids)
        problem("unknown_unit", "unit", value=written, known=", ".join(config.unit_ids), closest=closest, example="thcs-bao-khe")
        return None
    return written


def _slug(values: dict, meta: dict, path: str, problem: Callable[..., None]) -> str | None:
    """The slug written, else the title's, else the file name's."""
    if values.get("slug") is not None:
        return values["slug"]
    if str(meta.get("slug") or "").strip():
        return None  # written but unusable: already reported
    title = values.get("title")
    return (slug_of(title) or slug_of(PurePosixPath(path).stem) or "bai-viet") if title else None
