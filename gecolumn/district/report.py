"""The district's findings laid out for people: the school table, the six-month table (CSV, XLSX), JSON and the dashboard.

The tables speak the reader's language (``lang``): Vietnamese, the language of the district's
report forms, unless English is asked for. The dashboard is a page for the district office and
stays Vietnamese only: a typed view (:class:`DashboardView`) rendered by
``templates/district/dashboard.html``, one self-contained, printable HTML file with every value
escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from gecolumn.coverage import Status
from gecolumn.dates import short_vietnamese
from gecolumn.district.judge import DistrictResult, QuarterTotal, SchoolResult, SchoolStatus
from gecolumn.messages import label, quarter_name, render_problem, shown
from gecolumn.quarters import Quarter
from gecolumn.reporting import total_row

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "district"
"""How a source kind is named to people."""
MARKS = {Status.OK: "✅", Status.MISSING: "❌", Status.IN_PROGRESS: "⏳", Status.UNKNOWN: "❔"}
"""A quarter's status as a sign, where colour is not available (GitHub's job summary)."""


def cell_word(result: SchoolResult, quarter: Quarter, lang: str = "vi") -> str:
    """One school's quarter in words (``3 bài``, ``THIẾU``, ``chưa rõ``); empty when the quarter is not due."""
    cell = result.cell(quarter)
    if cell is None:
        return ""
    if cell.status is Status.OK:
        return label("district_ok", lang, posts=cell.posts)
    return label(f"district_{cell.status.value}", lang)


def source_word(result: SchoolResult, lang: str = "vi") -> str:
    """The kind of a school's source (``RSS``, ``theo-doi.json``), or that it could not be read."""
    return result.evidence.kind.shown if result.evidence else label("district_unreachable_source", lang)


def percent_text(value: float | None, lang: str = "vi") -> str:
    """A share as the reader's language writes it: ``65,5%`` (Vietnamese), ``65.5%``; ``—`` when nothing is due.

    >>> percent_text(100 * 19 / 29), percent_text(100.0, "en"), percent_text(None)
    ('65,5%', '100%', '—')
    """
    if value is None:
        return "—"
    number = f"{value:.1f}".removesuffix(".0")
    return (number if lang == "en" else number.replace(".", ",")) + "%"


def total_text(total: QuarterTotal, lang: str = "vi") -> str:
    """One quarter across the district, the seeds' "100%" line: ``Quý III/2025: 19/29 trường (65,5%)``."""
    return label(
        "district_total",
        lang,
        quarter=quarter_name(total.quarter, lang),
        ok=total.ok,
        due=total.due,
        percent=percent_text(total.percent, lang),
    )


def total_cell(total: QuarterTotal, lang: str = "vi") -> str:
    """The same under a quarter's column of a table: ``19/29 (65,5%)``."""
    return f"{total.ok}/{total.due} ({percent_text(total.percent, lang)})"


def school_table(result: DistrictResult, lang: str = "vi") -> tuple[list[str], list[list[str]]]:
    """A row per school: its name (shown safely), each due quarter in words, its source: ``(header, rows)``."""
    quarters = result.quarters
    header = [label("district_school", lang), *(f"Q{q.number}/{q.year}" for q in quarters), label("district_source", lang)]
    rows = [[str(shown(r.school.name)), *(cell_word(r, q, lang) for q in quarters), source_word(r, lang)] for r in result.schools]
    return header, rows


def six_month_table(result: DistrictResult, lang: str = "vi") -> tuple[list[str], list[list]]:
    """The district's six-month table, as the report form lays it out: a row per school, then the total."""
    quarters = result.quarters
    header = [
        label("table_unit", lang),
        *(quarter_name(q, lang) for q in quarters),
        *(label(f"table_{name}", lang) for name in ("posts", "covered", "due", "missing", "unknown", "id", "source", "note")),
    ]
    rows, counts = [], []
    for r in result.schools:
        cells, numbers = [], []
        for q in quarters:
            cell = r.cell(q)
            numbers.append(cell.posts or 0 if cell else 0)
            if cell is None:
                cells.append("")
            elif cell.status is Status.UNKNOWN:
                cells.append(label("district_unknown", lang))
            else:
                cells.append(cell.posts)
        counts.append(numbers)
        due = [c for c in r.cells if c.status is not Status.IN_PROGRESS]
        covered = [c for c in due if c.status is Status.OK]
        judged = r.evidence is not None or bool(r.cells)  # an unreadable school is judged on its ledger, if it has one
        rows.append(
            [
                r.school.name,
                *cells,
                r.posts if judged else "",
                len(covered) if judged else "",
                len(due) if judged else "",
                ", ".join(quarter_name(c.quarter, lang) for c in r.missing) or ("—" if judged else ""),
                ", ".join(quarter_name(c.quarter, lang) for c in r.unknown) or ("—" if judged else ""),
                r.school.unit,
                r.evidence.location if r.evidence else "",
                label("table_unreadable", lang, problem=render_problem(r.problem, lang)) if r.problem else "",
            ]
        )
    judged = [r for r in result.schools if r.evidence or r.cells]
    total = total_row(
        counts, len(quarters), sum(1 for r in judged if r.posts), len(result.schools), sum(1 for r in judged if r.missing), lang
    )
    unreadable = len(result.unreachable)
    total += ["", "", "", label("table_schools_unreadable", lang, count=unreadable) if unreadable else ""]
    rows.append(total)
    schools = [label("table_schools_with_post", lang), *(total_cell(t, lang) for t in result.totals)]
    rows.append(schools + [""] * (len(header) - len(schools)))
    return header, rows


def json_report(result: DistrictResult, lang: str = "vi") -> dict:
    """The result as CI reads it (``--format json``): codes and values, and each error's message in ``lang``."""
    return {
        "today": result.today.isoformat(),
        "to": str(result.last),
        "exit_code": int(result.exit_code),
        "totals": [
            {
                "quarter": str(t.quarter),
                "due": t.due,
                "ok": t.ok,
                "missing": t.missing,
                "unknown": t.unknown,
                "in_progress": t.in_progress,
            }
            for t in result.totals
        ],
        "schools": [
            {
                "unit": r.school.unit,
                "name": r.school.name,
                "url": r.school.url,
                "source": r.evidence.location if r.evidence else None,
                "kind": r.evidence.kind.value if r.evidence else None,
                "status": r.status.value,
                "from": str(r.first),
                "quarters": [{"quarter": str(c.quarter), "posts": c.posts, "status": c.status.value} for c in r.cells],
            }
            for r in result.schools
        ],
        "missing": [{"unit": r.school.unit, "quarter": str(c.quarter)} for r in result.schools for c in r.missing],
        "unknown": [{"unit": r.school.unit, "quarter": str(c.quarter)} for r in result.schools for c in r.unknown],
        "unreachable": [
            {"unit": r.school.unit, "url": r.school.url, "code": r.problem.code.value, "error": render_problem(r.problem, lang)}
            for r in result.unreachable
        ],
        "errors": [],
    }


@dataclass(frozen=True)
class CellView:
    """One quarter of one school on the dashboard."""

    status: str
    """A :class:`~gecolumn.coverage.Status` value, or ``not-due``: the cell's style."""
    text: str
    posts: int | None


@dataclass(frozen=True)
class SchoolView:
    """One school's row on the dashboard; ``href`` and ``source_href`` only for http(s) addresses."""

    order: int
    name: str
    unit: str
    url: str
    href: str | None
    status: str
    status_text: str
    missing: int
    cells: tuple[CellView, ...]
    source: str | None
    source_href: str | None
    kind: str | None
    error: str | None


@dataclass(frozen=True)
class BarView:
    """One quarter's bar in the dashboard's chart: its text, and each state's share of the bar's width."""

    quarter: str
    text: str
    """The whole line in words (``Quý III/2025: 19/29 trường (65,5%)``): the bar's accessible name."""
    parts: tuple[tuple[str, float, float, int], ...]
    """``(status, x, width, schools)`` per state with schools, ``x`` and ``width`` in per cent of the bar."""


@dataclass(frozen=True)
class DashboardView:
    """Everything the dashboard page shows."""

    today: str
    quarters: tuple[str, ...]
    schools: tuple[SchoolView, ...]
    total: int
    counts: Mapping[str, int]
    """Schools per :class:`~gecolumn.district.SchoolStatus` value."""
    bars: tuple[BarView, ...] = ()


def _bar(total: QuarterTotal) -> BarView:
    parts, x = [], 0.0
    for status, schools in (
        ("ok", total.ok),
        ("missing", total.missing),
        ("in_progress", total.in_progress),
        ("unknown", total.unknown),
    ):
        if schools:
            width = 100 * schools / total.due
            parts.append((status, round(x, 2), round(width, 2), schools))
            x += width
    return BarView(total.quarter.vietnamese, total_text(total, "vi"), tuple(parts))


def _link(address: str | None) -> str | None:
    """An address the page may link to: only http(s); a local path is shown, never linked."""
    return address if address and address.lower().startswith(("http://", "https://")) else None


def dashboard_view(result: DistrictResult) -> DashboardView:
    """The dashboard of ``result``, in Vietnamese: a page for the district office, which reads Vietnamese only."""
    schools = []
    for order, r in enumerate(result.schools):
        cells = []
        for q in result.quarters:
            cell = r.cell(q)
            if cell is None:
                cells.append(CellView("not-due", "—", None))
            else:
                cells.append(CellView(cell.status.value, label(f"cell_{cell.status.value}", "vi"), cell.posts))
        schools.append(
            SchoolView(
                order=order,
                name=r.school.name,
                unit=r.school.unit,
                url=r.school.url,
                href=_link(r.school.url),
                status=r.status.value,
                status_text=label(f"school_{r.status.value}", "vi"),
                missing=len(r.missing),
                cells=tuple(cells),
                source=r.evidence.location if r.evidence else None,
                source_href=_link(r.evidence.location) if r.evidence else None,
                kind=r.evidence.kind.shown if r.evidence else None,
                error=render_problem(r.problem, "vi") if r.problem else None,
            )
        )
    counts = {status.value: sum(1 for r in result.schools if r.status is status) for status in SchoolStatus}
    return DashboardView(
        today=short_vietnamese(result.today),
        quarters=tuple(q.vietnamese for q in result.quarters),
        schools=tuple(schools),
        total=len(result.schools),
        counts=counts,
        bars=tuple(_bar(total) for total in result.totals),
    )


def write_dashboard(folder: str | Path, result: DistrictResult) -> Path:
    """Write the dashboard as ``index.html`` in ``folder`` (made if need be); return the page's path."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    page = out / "index.html"
    page.write_text(dashboard_html(result), encoding="utf-8")
    return page


def dashboard_html(result: DistrictResult) -> str:
    """The dashboard page: one self-contained, printable HTML file in Vietnamese, every value escaped."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape  # only when the page is asked for

    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    view = dashboard_view(result)
    return environment.get_template("dashboard.html").render(
        today=view.today, quarters=list(view.quarters), schools=view.schools, total=view.total, counts=view.counts, bars=view.bars
    )
