"""The six-month report as an official Vietnamese document (.docx, Nghị định 30/2020/NĐ-CP), a column's or a district's.

The layout is a Word file with Jinja tags, ``templates/bao-cao.docx`` (written by
``scripts/make_report_template.py``); an office whose format differs passes its own with
``--template``. This module only gathers what the document says, as plain text
(:class:`OfficialReport`, :func:`context`), from the same tables as the CSV and XLSX
(:func:`gecolumn.reporting.unit_table`, :func:`gecolumn.district.report.six_month_table`), and
fills the template with docxtpl. The document is Vietnamese, whatever ``--lang`` says: it goes to
a Vietnamese office in the state's layout.

Every value is text from posts, rosters and settings: it is XML-escaped by Jinja (autoescape),
stripped of the characters XML cannot carry, and shielded from docxtpl's own markers, so a title
written ``{{ x }}`` or ``<w:t>`` is printed as written. The template runs in Jinja's sandbox.

    >>> official_period(Quarter(2025, 1), Quarter(2025, 2)), official_period(Quarter(2025, 2), Quarter(2025, 3))
    ('6 tháng đầu năm 2025', 'từ Quý II/2025 đến Quý III/2025')
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from gecolumn import routes
from gecolumn.config import ColumnConfig
from gecolumn.dates import short_vietnamese
from gecolumn.messages import label, quarter_name
from gecolumn.posts import Post
from gecolumn.quarters import Quarter
from gecolumn.reporting import PeriodReport, tag_table, unit_table

TEMPLATE = Path(__file__).resolve().parent / "templates" / "bao-cao.docx"
MAX_TEMPLATE_BYTES = 20_000_000
MAX_TEMPLATE_UNPACKED = 100_000_000
"""What a template's parts may unpack to (the shipped one: 60 KB; a Word file with photos: a few MB)."""
MAX_TEMPLATE_PARTS = 2_000
"""An office's template is a page or two of Word: a larger file is not one."""
MAX_LISTED_POSTS = 1000
"""Posts the document lists one by one: docxtpl fills a table row in about 10 ms, and a six-month
report of a column lists tens; past this the tables still count every post."""
BLANK = "…………………"
"""What a name left out of the settings is printed as: a line to fill in by hand."""

# XML 1.0 cannot carry C0 controls (but tab, newline, return), surrogates, U+FFFE/U+FFFF; C1
# controls are invisible. Tabs and newlines are folded with other spaces: docxtpl makes them
# tabs and line breaks.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# docxtpl turns these back into Jinja's markers after rendering (its escape for literal tags):
# a word joiner between the two characters keeps a title's own text as written.
_DOCXTPL_MARKERS = re.compile(r"([{%}])(_)(?=[{%}])")


def clean(value: object) -> str:
    r"""``value`` as one line of text a Word document can carry, printed as written.

    >>> clean("Bình\tđẳng\x07 giới {_{ x }_}\n")
    'Bình đẳng giới {\u2060_{ x }\u2060_}'
    """
    text = " ".join(_UNWRITABLE.sub("", str(value)).split())
    return _DOCXTPL_MARKERS.sub("\\1\u2060\\2", text)


@dataclass(frozen=True)
class Letterhead:
    """Who issues the report and who signs it, from ``extra.column`` (blanks to fill in by hand where unset)."""

    managing_body: str
    issuing_body: str
    place: str
    signer: str
    signer_name: str
    recipients: tuple[str, ...]

    @classmethod
    def of(cls, config: ColumnConfig | None, district: bool = False) -> Letterhead:
        """The letterhead of ``config`` (``None``: every name blank); a district's signer is its head by default."""
        unit = config.default_unit if config else None
        issuing = (config.school if config else None) or (unit.name if unit else None)
        signer = (config.signer if config else None) or label("official_signer_district" if district else "official_signer")
        recipients = (config.recipients if config else ()) or (label("official_recipient_default"), label("official_archive"))
        return cls(
            managing_body=(config.managing_body if config else None) or BLANK,
            issuing_body=issuing or BLANK,
            place=(config.place if config else None) or BLANK,
            signer=signer,
            signer_name=(config.signer_name if config else None) or "",
            recipients=tuple(recipients),
        )


@dataclass(frozen=True)
class Table:
    """A table of the report: its caption, head, rows, and total rows (set in bold)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    totals: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class PostLine:
    date: str
    title: str
    link: str


@dataclass(frozen=True)
class OfficialReport:
    """Everything the document says, as text; :func:`context` hands it to the template."""

    letterhead: Letterhead
    today: datetime.date
    first: Quarter
    last: Quarter
    rule: str
    results: tuple[str, ...]
    tables: tuple[Table, ...]
    posts: tuple[PostLine, ...] = field(default=())

    @property
    def period_words(self) -> str:
        return official_period(self.first, self.last)


def official_period(first: Quarter, last: Quarter) -> str:
    """The period as a report's subject names it: ``6 tháng đầu năm 2025``, ``năm 2025``, else ``từ … đến …``."""
    if first.year == last.year and (first.number, last.number) in ((1, 2), (3, 4), (1, 4)):
        name = {(1, 2): "official_half_first", (3, 4): "official_half_second", (1, 4): "official_year"}
        return label(name[first.number, last.number], year=first.year)
    return label("official_span", first=quarter_name(first), last=quarter_name(last))


def context(report: OfficialReport) -> dict:
    """The template's variables: every value a cleaned string (or a list or mapping of them)."""
    head, period = report.letterhead, report.period_words

    def cleaned(value):
        if isinstance(value, dict):
            return {key: cleaned(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [cleaned(item) for item in value]
        return clean(value)

    recipients = [f"- {line};" for line in head.recipients[:-1]] + [f"- {line}." for line in head.recipients[-1:]]
    # Blanks to write in by hand: the number when the office registers it, the day and month when it is signed.
    blanks = {"number": "\u00a0" * 8 + "/BC-" + BLANK[:6], "day": "\u00a0" * 6, "month": "\u00a0" * 6}
    return blanks | cleaned(
        {
            "managing_body": head.managing_body,
            "issuing_body": head.issuing_body,
            "place": head.place,
            "year": str(report.today.year),
            "subject": label("official_subject", period=period),
            "opening": label("official_opening", body=head.issuing_body, period=period),
            "period": label("official_span", first=quarter_name(report.first), last=quarter_name(report.last)),
            "as_of": short_vietnamese(report.today),
            "rule": report.rule,
            "results": list(report.results),
            "tables": [asdict(table) for table in report.tables],
            "posts": [asdict(post) for post in report.posts],
            "closing": label("official_closing", body=head.issuing_body, period=period),
            "recipients": recipients,
            "signer": head.signer,
            "signer_name": head.signer_name,
        }
    )


def _cells(row: Iterable[object]) -> tuple[str, ...]:
    return tuple("" if cell is None else str(cell) for cell in row)


def _table(caption: str, header: Sequence[object], rows: Sequence[Sequence[object]], totals: int) -> Table:
    """A table whose last ``totals`` rows are total rows."""
    body, ends = (rows[:-totals], rows[-totals:]) if totals else (rows, [])
    return Table(caption, _cells(header), tuple(map(_cells, body)), tuple(map(_cells, ends)))


def column_report(
    report: PeriodReport, posts: Iterable[Post], config: ColumnConfig, site_url: str | None, use_directory_urls: bool = True
) -> OfficialReport:
    """A school's (or a district column's) report: its units' figures, the tables of the CSV, its posts and topics."""
    results = []
    with_post = [row for row in report.rows if row.total]
    if len(report.rows) == 1:
        [row] = report.rows
        results.append(label("official_result_one", posts=row.total, covered=row.covered, due=len(row.due)))
    else:
        total = sum(row.total for row in report.rows)
        results.append(label("official_result_units", posts=total, with_post=len(with_post), units=len(report.rows)))
        for row in report.rows:
            results.append(
                label("official_result_unit", name=row.unit.name, posts=row.total, covered=row.covered, due=len(row.due))
            )
    missing = [row for row in report.rows if row.missing]
    if not missing:
        results.append(label("official_no_missing"))
    elif len(report.rows) == 1:
        results.append(label("official_missing", quarters=", ".join(quarter_name(q) for q in missing[0].missing)))
    else:
        for row in missing:
            quarters = ", ".join(quarter_name(q) for q in row.missing)
            results.append(label("official_missing_unit", name=row.unit.name, quarters=quarters))
    current = Quarter.of(report.today)
    if report.first <= current <= report.last:
        results.append(label("official_in_progress", quarter=quarter_name(current)))
    header, rows = unit_table(report, "vi")
    tables = [_table(label("official_caption_quarters"), header, rows, totals=1)]
    tag_header, tag_rows = tag_table(report, "vi")
    if tag_rows:
        tables.append(_table(label("official_caption_topics"), tag_header, tag_rows, totals=0))
    names = {unit.id: unit.name for unit in config.units}
    counted_all = [p for p in posts if p.counts(report.today) and report.first <= p.quarter <= report.last]
    counted = sorted(counted_all, key=lambda p: (p.published, p.title))[:MAX_LISTED_POSTS]
    if len(counted_all) > len(counted):
        results.append(label("official_posts_cut", listed=len(counted), total=len(counted_all)))
    lines = tuple(
        PostLine(
            date=p.date.strftime("%d/%m/%Y"),
            title=p.title if len(report.rows) == 1 else f"{p.title} ({names.get(p.unit, p.unit)})",
            link=_post_link(p, site_url, use_directory_urls),
        )
        for p in counted
    )
    rule = label("official_rule_units" if config.per_unit and len(config.units) > 1 else "official_rule")
    return OfficialReport(
        Letterhead.of(config), report.today, report.first, report.last, rule, tuple(results), tuple(tables), lines
    )


def _post_link(post: Post, site_url: str | None, use_directory_urls: bool) -> str:
    """The post's address on the site (below ``site_url`` when the column sets one)."""
    dest = routes.page_dest(routes.post_page(post.slug), use_directory_urls)
    path = dest.removesuffix("index.html") if use_directory_urls else dest
    return urljoin(site_url, path) if site_url else path


def district_report(result, config: ColumnConfig | None) -> OfficialReport:
    """A district office's report over its schools: the KPI line per quarter, schools missing, the six-month table."""
    from gecolumn.district.report import percent_text, six_month_table

    quarters = result.quarters
    results = [label("official_district_schools", count=len(result.schools))]
    for total in result.totals:
        line = label(
            "official_district_kpi",
            quarter=quarter_name(total.quarter),
            ok=total.ok,
            due=total.due,
            percent=percent_text(total.percent),
        )
        if total.unknown:
            line += label("official_district_kpi_unknown", count=total.unknown)
        if total.in_progress:
            line += label("official_district_kpi_in_progress")
        results.append(line + ".")
    missing = [r for r in result.schools if r.missing]
    if missing:
        results.append(label("official_district_missing_head", count=len(missing)))
        for r in missing:
            results.append(
                label("official_missing_unit", name=r.school.name, quarters=", ".join(quarter_name(c.quarter) for c in r.missing))
            )
    elif quarters and not any(r.unknown or r.problem for r in result.schools):  # nothing unproven either
        results.append(label("official_no_missing"))
    for r in (r for r in result.schools if r.unknown and not r.problem):
        quarters_unknown = ", ".join(quarter_name(c.quarter) for c in r.unknown)
        results.append(label("official_district_unknown", name=r.school.name, quarters=quarters_unknown))
    for r in result.unreachable:
        results.append(label("official_district_unreachable", name=r.school.name, url=r.school.url))
    header, rows = six_month_table(result, "vi")
    # The figures only: the id, source and note columns are the spreadsheet's (the unreadable are said above).
    width = 1 + len(quarters) + 5
    table = _table(label("official_caption_schools"), header[:width], [row[:width] for row in rows], totals=2)
    first = quarters[0] if quarters else result.last
    return OfficialReport(
        Letterhead.of(config, district=True),
        result.today,
        first,
        result.last,
        label("official_rule_district"),
        tuple(results),
        (table,),
    )


class TemplateUnusable(Exception):
    """The template is not a Word file, or its tags do not render; ``str()`` says why, in the library's words."""


def write_docx(path: str | Path, report: OfficialReport, template: str | Path | None = None) -> None:
    """Fill ``template`` (the package's by default) with ``report`` and save it at ``path``.

    Raises :class:`TemplateUnusable` for a template that is not a Word file or whose tags do not
    render, and ``OSError`` when ``path`` cannot be written.
    """
    import zipfile

    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate  # only when a document is asked for: python-docx is slow to import
    from jinja2 import StrictUndefined, TemplateError
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment
    from lxml.etree import LxmlError

    class Environment(SandboxedEnvironment):
        # Sandboxed: an office's template is a Word file passed around by e-mail, and runs nothing but
        # tags. Jinja's sandbox stops code, not size: ('x' * 400000000) is refused here.
        intercepted_binops = frozenset(("*", "**"))

        def call_binop(self, context, operator, left, right):
            if operator == "**" or any(isinstance(side, str | list | tuple) for side in (left, right)):
                raise SecurityError(f"'{operator}' is not allowed in a report template")
            return super().call_binop(context, operator, left, right)

    source = Path(template) if template else TEMPLATE
    environment = Environment(autoescape=True, undefined=StrictUndefined)
    try:
        if not source.is_file() or source.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateUnusable(f"not a file of at most {MAX_TEMPLATE_BYTES // 1_000_000} MB")
        with zipfile.ZipFile(source) as archive:  # the 20 MB is packed: a bomb inflates to gigabytes
            unpacked = sum(part.file_size for part in archive.infolist())
            if unpacked > MAX_TEMPLATE_UNPACKED or len(archive.infolist()) > MAX_TEMPLATE_PARTS:
                raise TemplateUnusable(f"unpacks to {unpacked} bytes in {len(archive.infolist())} parts")
        document = DocxTemplate(source)
        document.render(context(report), environment)
        _share_loop_columns(document.docx)
    except OSError as exc:  # reading the template: writing comes after
        raise TemplateUnusable(exc.strerror or str(exc)) from exc
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, LxmlError) as exc:
        raise TemplateUnusable(f"{type(exc).__name__}: {exc}") from exc
    except TemplateError as exc:
        where = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise TemplateUnusable(f"{type(exc).__name__}: {exc}{where}") from exc
    document.save(str(path))


def _share_loop_columns(document) -> None:
    """Give the columns a ``{%tc for%}`` loop made the room the loop's one cell had.

    docxtpl repeats the loop cell with its width and adds grid columns of the average width,
    so a table of many quarters runs off the page in Word and LibreOffice squeezes its first
    column. A row wider than the table's grid keeps its first cell and shares the rest equally.
    """
    from docx.oxml.ns import qn

    for table in document.element.body.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        columns = grid.findall(qn("w:gridCol")) if grid is not None else []
        total = sum(int(column.get(qn("w:w"), 0)) for column in columns)
        rows = [row.findall(qn("w:tc")) for row in table.findall(qn("w:tr"))]
        widest = max(rows, key=len, default=[])
        if not total or len(widest) < 2 or len(widest) != len(columns):
            continue
        widths = [cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}") for cell in widest]
        if any(width is None for width in widths) or sum(int(w.get(qn("w:w"), 0)) for w in widths) <= total * 1.01:
            continue
        first = min(int(widths[0].get(qn("w:w"))), total // 2)
        shares = [first] + [(total - first) // (len(widest) - 1)] * (len(widest) - 1)
        for column, width in zip(columns, shares, strict=True):
            column.set(qn("w:w"), str(width))
        for cells in rows:
            if len(cells) == len(shares):
                for cell, width in zip(cells, shares, strict=True):
                    found = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
                    if found is not None:
                        found.set(qn("w:w"), str(width))
                        found.set(qn("w:type"), "dxa")
