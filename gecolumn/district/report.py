"""The district's findings laid out for people: the six-month table (CSV, XLSX) and the dashboard page.

Both are in Vietnamese, the language of the district's report forms. The dashboard is a
typed view (:class:`DashboardView`) rendered by ``templates/district/dashboard.html``, one
self-contained, printable HTML file with every value escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from gecolumn.coverage import Status
from gecolumn.dates import short_vietnamese
from gecolumn.district.judge import DistrictResult, SchoolStatus
from gecolumn.district.sources import SourceKind
from gecolumn.messages import label, render_problem
from gecolumn.reporting import total_row

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "district"
KIND_NAMES = {SourceKind.COVERAGE: "theo-doi.json", SourceKind.RSS: "RSS", SourceKind.ATOM: "Atom"}
"""How a source kind is named to people."""


def six_month_table(result: DistrictResult) -> tuple[list[str], list[list]]:
    """The district's six-month table, in the Vietnamese report form: a row per school, then the total."""
    quarters = result.quarters
    header = [
        "Đơn vị",
        *(q.vietnamese for q in quarters),
        "Tổng số bài",
        "Số quý có bài",
        "Số quý phải có",
        "Quý thiếu bài",
        "Quý chưa rõ",
        "Mã",
        "Nguồn",
        "Ghi chú",
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
                cells.append("chưa rõ")
            else:
                cells.append(cell.posts)
        counts.append(numbers)
        due = [c for c in r.cells if c.status is not Status.IN_PROGRESS]
        covered = [c for c in due if c.status is Status.OK]
        rows.append(
            [
                r.school.name,
                *cells,
                r.posts if r.evidence else "",
                len(covered) if r.evidence else "",
                len(due) if r.evidence else "",
                ", ".join(c.quarter.vietnamese for c in r.missing) or ("—" if r.evidence else ""),
                ", ".join(c.quarter.vietnamese for c in r.unknown) or ("—" if r.evidence else ""),
                r.school.unit,
                r.evidence.location if r.evidence else "",
                f"không đọc được: {render_problem(r.problem, 'vi')}" if r.problem else "",
            ]
        )
    read = [r for r in result.schools if r.evidence]
    total = total_row(
        counts, len(quarters), sum(1 for r in read if r.posts), len(result.schools), sum(1 for r in read if r.missing)
    )
    unreadable = len(result.unreachable)
    total += ["", "", "", f"{unreadable} trường không đọc được" if unreadable else ""]
    rows.append(total)
    return header, rows


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
class DashboardView:
    """Everything the dashboard page shows."""

    today: str
    quarters: tuple[str, ...]
    schools: tuple[SchoolView, ...]
    total: int
    counts: Mapping[str, int]
    """Schools per :class:`~gecolumn.district.SchoolStatus` value."""


def _link(address: str | None) -> str | None:
    """An address the page may link to: only http(s); a local path is shown, never linked."""
    return address if address and address.lower().startswith(("http://", "https://")) else None


def dashboard_view(result: DistrictResult) -> DashboardView:
    """The dashboard of ``result``, in Vietnamese."""
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
                kind=KIND_NAMES[r.evidence.kind] if r.evidence else None,
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
    )


def dashboard_html(result: DistrictResult) -> str:
    """The dashboard page: one self-contained, printable HTML file in Vietnamese, every value escaped."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape  # only when the page is asked for

    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))
    view = dashboard_view(result)
    return environment.get_template("dashboard.html").render(
        today=view.today, quarters=list(view.quarters), schools=view.schools, total=view.total, counts=view.counts
    )
