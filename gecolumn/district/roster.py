"""The district's roster: one school per line of a CSV file, read as Excel saves it, checked line by line.

Columns ``unit``, ``name``, ``url`` and an optional ``since`` (Vietnamese headings
``mã``, ``tên``, ``địa chỉ``, ``từ quý`` are read the same). UTF-8 with or without a BOM;
comma, semicolon or tab between cells (Excel uses the list separator of the computer's
region). A roster with any problem is refused whole: a district report must not quietly
leave a school out.

    >>> roster = read_roster(Path("truong.csv"))
    >>> [school.unit for school in roster.schools]
    ['thcs-bao-khe', 'mn-hoa-sen']
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from gecolumn.config import MAX_UNIT_ID, is_unit_id, unit_suggestion
from gecolumn.problems import HasProblems, Problem
from gecolumn.quarters import Quarter

MAX_BYTES = 2_000_000
"""A roster of every school of a province is a few hundred kilobytes."""
MAX_SCHOOLS = 5000

REQUIRED = ("unit", "name", "url")
# Headings staff type in a Vietnamese spreadsheet, folded to lower case.
_HEADINGS = {
    "unit": "unit",
    "mã": "unit",
    "mã đơn vị": "unit",
    "name": "name",
    "tên": "name",
    "tên trường": "name",
    "tên đơn vị": "name",
    "url": "url",
    "địa chỉ": "url",
    "trang web": "url",
    "website": "url",
    "since": "since",
    "từ quý": "since",
}


@dataclass(frozen=True)
class School:
    """One line of the roster: a unit the district watches, and where its column is published."""

    unit: str
    name: str
    url: str
    """As written: an ``http(s)://`` address, or a folder (or file) on this computer."""
    since: Quarter | None
    line: int
    folder: Path | None = None
    """The local folder or file ``url`` names (relative to the roster); ``None`` for a web address."""


@dataclass(frozen=True)
class Roster(HasProblems):
    """The schools of a roster file, or the problems why it cannot be used."""

    path: Path
    schools: tuple[School, ...]
    problems: tuple[Problem, ...]

    @property
    def first_quarter(self) -> Quarter | None:
        """The earliest ``since`` of the roster: where a school without one is judged from."""
        return min((school.since for school in self.schools if school.since), default=None)


def read_roster(path: Path) -> Roster:
    """Read and check the roster at ``path``; never raises for what is in the file."""
    shown_path = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return _refused(path, Problem(shown_path, "roster_unreadable", params={"problem": exc.strerror or str(exc)}))
    if len(raw) > MAX_BYTES:
        return _refused(path, Problem(shown_path, "roster_too_large", params={"limit": "2 MB"}))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return _refused(path, Problem(shown_path, "roster_not_utf8", line=line, params={"position": exc.start}))
    return _parse(path, text)


def _refused(path: Path, problem: Problem) -> Roster:
    return Roster(path, (), (problem,))


def _parse(path: Path, text: str) -> Roster:
    file = str(path)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[Problem] = []
    header = next(reader, None)
    columns = {}
    for index, heading in enumerate(header or ()):
        known = _HEADINGS.get(" ".join(heading.strip().casefold().split()))
        if known and known not in columns:
            columns[known] = index
    absent = [name for name in REQUIRED if name not in columns]
    if absent:
        found = ", ".join(h.strip() for h in header or () if h.strip()) or "—"
        problems = [Problem(file, "roster_missing_column", field=name, line=1, params={"found": found}) for name in absent]
        return Roster(path, (), tuple(problems))

    schools: list[School] = []
    first_seen: dict[str, int] = {}
    line = reader.line_num
    for row in reader:
        start, line = line + 1, reader.line_num  # a quoted cell may span lines: name the first
        cells = {name: (row[index].strip() if index < len(row) else "") for name, index in columns.items()}
        if not any(cells.values()):
            continue  # the empty lines Excel keeps below a table
        if len(schools) >= MAX_SCHOOLS:
            problems.append(Problem(file, "roster_too_large", line=start, params={"limit": "schools", "schools": MAX_SCHOOLS}))
            break
        school, found = _school(file, path.parent, start, cells)
        problems += found
        if school is None:
            continue
        if school.unit in first_seen:
            params = {"value": school.unit, "first_line": first_seen[school.unit]}
            problems.append(Problem(file, "roster_duplicate_unit", field="unit", line=start, params=params))
            continue
        first_seen[school.unit] = start
        schools.append(school)
    if not schools and not problems:
        problems.append(Problem(file, "roster_no_school", line=line))
    return Roster(path, tuple(schools), tuple(problems))


def _school(file: str, base: Path, line: int, cells: dict[str, str]) -> tuple[School | None, list[Problem]]:
    problems = [Problem(file, "roster_empty_cell", field=name, line=line) for name in REQUIRED if not cells[name]]
    unit, name, url = cells["unit"], " ".join(cells["name"].split()), cells["url"]
    if unit and not is_unit_id(unit):
        params = {"value": unit, "suggestion": unit_suggestion(unit), "limit": MAX_UNIT_ID}
        problems.append(Problem(file, "roster_bad_unit", field="unit", line=line, params=params))
    folder = None
    if url:
        scheme = urlsplit(url).scheme.lower()
        if scheme in ("http", "https"):
            if not urlsplit(url).hostname:
                problems.append(Problem(file, "roster_bad_url", field="url", line=line, params={"value": url}))
        elif scheme == "file":
            folder = Path(url2pathname(urlsplit(url).path))
        elif scheme and len(scheme) > 1:  # C:\… is a Windows path, not a scheme
            problems.append(Problem(file, "roster_bad_url", field="url", line=line, params={"value": url}))
        else:
            folder = base / Path(url)
    since = None
    if cells.get("since"):
        try:
            since = Quarter.parse(cells["since"])
        except ValueError:
            problems.append(Problem(file, "roster_bad_since", field="since", line=line, params={"value": cells["since"]}))
    if problems:
        return None, problems
    return School(unit, name, url, since, line, folder), []
