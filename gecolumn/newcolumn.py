"""A new column's folder, planned from its settings: what ``gecolumn new`` writes.

The settings it is given are checked here too (:func:`check_name`, :func:`check_unit` …),
each refusal a ``new_bad_option`` problem. A school's folder holds only its content and settings: ``mkdocs.yml``, ``docs/``, ``posts/``
with a welcome post, ``hooks/column.py`` (a few lines that call the installed package), a
Vietnamese ``README.md``, CI files for GitHub and GitLab, ``.gitignore`` and a
``requirements.txt`` pinning every package of its build with hashes (and gecolumn, when the
district's package index serves it; otherwise gecolumn's line is ``requirements-gecolumn.txt``). Templates, rules and commands stay in the package, so
upgrading is rewriting that file (``gecolumn upgrade``).

>>> settings = NewColumn("Trường THCS Bảo Khê", "thcs-bao-khe", "https://thcs-baokhe.edu.vn/bdg/", Quarter(2025, 1))
>>> files = plan_files(settings, datetime.date(2025, 3, 8))
>>> sorted(files)[:4]
['.github/workflows/chuyen-muc.yml', '.gitignore', '.gitlab-ci.yml', 'README.md']
>>> files["posts/2025/chao-mung-ban-den-voi-chuyen-muc.md"].splitlines()[2]
'date: 08/03/2025'
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import html
import json
import re
import string
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import urlsplit

from gecolumn import __version__
from gecolumn.config import DEFAULT_EDITOR_PORT, MAX_UNIT_ID, SETTINGS_VERSION, is_unit_id, unit_suggestion
from gecolumn.district.roster import Roster
from gecolumn.editor import DECAP_SERVER_VERSION, DECAP_VERSION
from gecolumn.engine import DEFAULT_ENGINE
from gecolumn.front_matter import clean
from gecolumn.pins import GECOLUMN_REQUIREMENTS, Pin, build_pins, write_requirements
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter
from gecolumn.scaffold import scaffold

WELCOME_TITLE = "Chào mừng bạn đến với chuyên mục"
_TEMPLATES = resources.files("gecolumn") / "templates" / "new-column"
_FILES = {
    ".github/workflows/chuyen-muc.yml": "github.yml",
    ".gitlab-ci.yml": "gitlab-ci.yml",
    ".gitignore": "gitignore",
    "hooks/column.py": "hook.py",
}
"""Written as they are but for ``${engine}``; the README (a ``string.Template``) also names the school."""


@dataclass(frozen=True)
class ColumnUnit:
    """A unit of a new column: the organisation itself, or a school of a district's roster."""

    id: str
    name: str
    since: Quarter | None = None


@dataclass(frozen=True)
class NewColumn:
    """What a school (or a district) tells ``gecolumn new``; every value already checked."""

    school: str
    """The organisation's name, as readers see it: ``Trường THCS Bảo Khê``."""
    unit: str
    """Its unit id, the ``unit:`` of its posts: ``thcs-bao-khe``."""
    url: str
    """Where the column is published, ending with ``/``."""
    start: Quarter
    """The first quarter that must have a post."""
    schools: tuple[ColumnUnit, ...] = ()
    """A district's schools (from its roster): each must post every quarter."""
    address: str | None = None
    requirement: str = f"gecolumn=={__version__}"
    """The line of ``requirements.txt`` that installs this generator."""
    python: str = "python"
    """How the README spells Python on the staff member's computer (``py`` on Windows)."""
    engine: str = DEFAULT_ENGINE
    """What builds the site: ``properdocs`` or ``mkdocs`` (:mod:`gecolumn.engine`); CI's build line names it."""
    index: str | None = None
    """The district's package index (PEP 503 ``…/simple/``) that serves gecolumn, if named."""
    pins: tuple[Pin, ...] = ()
    """With ``index``: this version's pins as the index publishes them, gecolumn's hashes included."""
    editor: bool = False
    """The web editor at ``quan-tri/`` (Decap CMS, installed with npm from the column's ``package.json``)."""


def plan_files(column: NewColumn, today: datetime.date) -> dict[str, str]:
    """Relative path → text of every file of the new column, with a welcome post dated ``today``."""
    values = {
        "school_md": markdown_text(column.school),
        "version": __version__,
        "python": column.python,
        "requirement": column.requirement,
        "engine": column.engine,
        **_requirements_words(column),
    }
    # safe_substitute: GitLab's own $CI_… variables stay as they are.
    files = {target: string.Template(_template(name)).safe_substitute(engine=column.engine) for target, name in _FILES.items()}
    files["README.md"] = string.Template(_template("README.md")).substitute(values)
    files["mkdocs.yml"] = mkdocs_yml(column, today)
    files.update(requirements_files(column.requirement, column.python, column.index, column.pins))
    files["docs/index.md"] = (
        "# Chuyên mục tuyên truyền bình đẳng giới\n\n"
        f"Chuyên mục tuyên truyền bình đẳng giới của {markdown_text(column.school)}: mỗi quý ít nhất một tin, "
        "bài nâng cao nhận thức về bình đẳng giới, theo Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng "
        "giới giai đoạn 2021–2030.\n"
    )
    moment = datetime.datetime.combine(today, datetime.time())
    body = (
        f"Đây là chuyên mục tuyên truyền bình đẳng giới của {markdown_text(column.school)}.\n\n"
        "Mỗi quý, chuyên mục đăng ít nhất một tin, bài về bình đẳng giới trong nhà trường và gia đình:\n\n"
        "- hoạt động của nhà trường, công đoàn, đoàn thanh niên, đội thiếu niên;\n"
        "- kiến thức về Luật Bình đẳng giới và phòng chống bạo lực trên cơ sở giới;\n"
        "- câu chuyện, gương tốt của thầy cô, học sinh và phụ huynh.\n\n"
        "Bạn đọc theo dõi chuyên mục qua trang này hoặc qua nguồn tin RSS.\n"
    )
    if column.editor:
        files["package.json"] = editor_package_json()
        # decap-server reads .env: on the web master's PC only, never the school's network (it writes the repository).
        files[".env"] = f"BIND_HOST=127.0.0.1\nPORT={DEFAULT_EDITOR_PORT}\n"
        files[".gitignore"] += "# Decap CMS, installed by npm ci from package.json.\nnode_modules/\n"
    summary = f"Giới thiệu chuyên mục tuyên truyền bình đẳng giới của {column.school}."
    post = scaffold(WELCOME_TITLE, column.unit, moment, tags=("Bình đẳng giới",), body=body, summary=summary, welcome=True)
    files[f"posts/{post.path}"] = post.text
    return files


def requirements_files(requirement: str, python: str, index: str | None = None, pins: tuple[Pin, ...] = ()) -> dict[str, str]:
    """A column's requirements files, name → text: gecolumn and every package of its build, pinned with hashes.

    With the district's index (``pins`` from it) one file holds all, gecolumn's hashes included.
    Without one, gecolumn's own file hash is unknown (a git revision, or a wheel no index serves)
    and pip checks hashes for every line or none: ``requirements.txt`` then holds the build's
    packages with the hashes of ``build.lock``, and :data:`GECOLUMN_REQUIREMENTS` gecolumn's line,
    installed after it with ``--no-deps``.
    """
    upgrade = f"{python} -m gecolumn upgrade"
    if index and pins:
        header = (
            "# gecolumn và mọi gói cần để dựng trang, đúng phiên bản đã kiểm thử, kèm mã băm: pip chỉ cài tệp\n"
            f"# có mã băm khớp. Không sửa tay; nâng cấp: {upgrade} [PHIÊN_BẢN], rồi {python} -m pip install -r requirements.txt"
        )
        return {"requirements.txt": write_requirements(list(pins), header=header, index=index)}
    own = f"{python} -m pip install --no-deps -r {GECOLUMN_REQUIREMENTS}"
    header = (
        "# Mọi gói cần để dựng trang, đúng phiên bản đã kiểm thử, kèm mã băm: pip chỉ cài tệp có mã băm khớp.\n"
        f"# gecolumn ghi ở {GECOLUMN_REQUIREMENTS}, cài sau tệp này. Không sửa tay; nâng cấp: {upgrade}, rồi\n"
        f"# {python} -m pip install -r requirements.txt và {own}"
    )
    own_header = (
        "# Dòng cài gecolumn. Bản lấy từ kho git không có mã băm tệp (mã commit đủ 40 ký tự thay cho nó), mà pip\n"
        "# kiểm mã băm cho mọi dòng hoặc không dòng nào, nên dòng này ở riêng một tệp. Cài sau requirements.txt,\n"
        f"# không kèm gói phụ thuộc (chúng đã có mã băm ở đó): {own}"
    )
    return {
        "requirements.txt": write_requirements(build_pins(), header=header, require_hashes=True),
        GECOLUMN_REQUIREMENTS: f"{own_header}\n{requirement}\n",
    }


def _requirements_words(column: NewColumn) -> dict[str, str]:
    """What the column's README says of its requirements files: the install commands, in order, and what each holds."""
    install = f"{column.python} -m pip install -r requirements.txt"
    if column.index and column.pins:
        said = (
            "`requirements.txt` ghi gecolumn và mọi gói cần để dựng trang, đúng phiên bản đã được kiểm thử, "
            "kèm mã băm (từ kho gói của phòng/sở)."
        )
        return {"install": install, "requirements_said": said, "requirements_files": "`requirements.txt`"}
    said = (
        "`requirements.txt` ghi mọi gói cần để dựng trang, đúng phiên bản đã được kiểm thử, kèm mã băm; "
        f"`{GECOLUMN_REQUIREMENTS}` ghi dòng cài gecolumn, cài sau tệp kia và không kèm gói phụ thuộc (chúng đã có mã băm ở đó)."
    )
    return {
        "install": f"{install}\n{column.python} -m pip install --no-deps -r {GECOLUMN_REQUIREMENTS}",
        "requirements_said": said,
        "requirements_files": f"`requirements.txt` và `{GECOLUMN_REQUIREMENTS}`",
    }


def mkdocs_yml(column: NewColumn, today: datetime.date) -> str:
    """The column's settings: MkDocs and Material as the product uses them, and ``extra.column``."""
    units = [ColumnUnit(column.unit, column.school, None), *column.schools]
    lines = [
        f"# Chuyên mục tuyên truyền bình đẳng giới. Tạo bằng gecolumn {__version__} ngày {today:%d/%m/%Y};",
        "# hướng dẫn trong README.md. Mọi giá trị có dấu nháy được giữ nguyên như đã gõ.",
        "site_name: Chuyên mục tuyên truyền bình đẳng giới",
        f"site_description: {yaml_text('Chuyên mục tuyên truyền bình đẳng giới của ' + column.school)}",
        f"site_url: {yaml_text(column.url)}",
        "docs_dir: docs",
        "",
        "theme:",
        "  name: material",
        "  language: vi",
        "  font: false  # không tải phông chữ của Google: trang mở nhanh, không gửi gì ra ngoài",
        "  features:",
        "    - navigation.tabs",
        "    - search.highlight",
        "",
        "plugins:",
        "  - search:",
        "      lang: vi",
        "",
        "hooks:",
        "  - hooks/column.py  # gọi gecolumn đã cài (requirements.txt)",
        "",
        "extra:",
        "  column:",
        f"    version: {SETTINGS_VERSION}  # định dạng cài đặt; khi cần đổi, lệnh dựng trang báo cần sửa gì",
        f"    start: {column.start}  # quý đầu tiên phải có bài",
        f"    per_unit: {'true' if column.schools else 'false'}  # true: mỗi đơn vị phải có bài mỗi quý",
        f"    school: {yaml_text(column.school)}",
    ]
    if column.address:
        lines.append(f"    address: {yaml_text(column.address)}")
    if column.editor:
        lines.append("    editor: true  # trình soạn bài ở quan-tri/: npm ci, npx decap-server (xem README.md)")
    lines.append("    units:")
    for unit in units:
        lines += [f"      {unit.id}:", f"        name: {yaml_text(unit.name)}"]
        if unit.since:
            lines.append(f"        since: {unit.since}")
    return "\n".join(lines) + "\n"


def editor_package_json() -> str:
    """The column's ``package.json``: Decap CMS and its local server, at the versions this package publishes."""
    package = {
        "name": "chuyen-muc",
        "private": True,
        "description": "Trình soạn bài trên trình duyệt của chuyên mục (quan-tri/): cài bằng npm ci.",
        "devDependencies": {"decap-cms": DECAP_VERSION, "decap-server": DECAP_SERVER_VERSION},
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def yaml_text(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's string syntax is YAML's): nothing in it is YAML.

    >>> yaml_text('Trường "A": #1')
    '"Trường \\\\"A\\\\": #1"'
    """
    return json.dumps(text, ensure_ascii=False)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~!])")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that reads as itself: no HTML, link, emphasis or heading in it.

    >>> markdown_text("Trường <b>A</b> *1*")
    'Trường &lt;b&gt;A&lt;/b&gt; \\\\*1\\\\*'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _template(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


# --- the settings ``gecolumn new`` is given, each checked as it comes ---------------------

MAX_NAME = 150
"""Characters of a school's name: one header line."""
FIRST_YEAR = 2000
"""No column starts before this: the first national gender-equality law is of 2006."""
NEW_COMMAND = "gecolumn new"
"""Where a refused value comes from, as a problem's file."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A column's folder address: no quotes, brackets or spaces that could leave an HTML attribute,
# and no ?query, #fragment or user:password@ (none of ?, #, =, & or @ is allowed).
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~/:%]+")


def bad_option(option: str, value: str, reason: str, **values: object) -> Problem:
    """``new_bad_option`` for ``value`` of ``option``; ``reason`` picks the catalogue's words, ``values`` fill them."""
    return Problem(NEW_COMMAND, "new_bad_option", option, params={"value": value, "reason": reason, **values})


def folder_problem(folder: Path, given: str) -> Problem | None:
    """Why the new column cannot be written into ``folder``, or ``None``: it must be a new or empty folder."""
    if not given.strip():
        return bad_option("folder", given, "no_folder")
    if folder.is_symlink():  # the column would be written wherever the link points
        return bad_option("folder", given, "symlink")
    if folder.exists() and not folder.is_dir():
        return bad_option("folder", given, "file")
    if folder.is_dir() and any(folder.iterdir()):
        return Problem(given, "new_folder_not_empty", params={"folder": given})
    return None


def check_name(raw: str, option: str) -> tuple[str, Problem | None]:
    """A school's name as readers see it in every page's header and feed: one line, no invisible characters."""
    name = " ".join(clean(raw).split())
    if not name or len(name) > MAX_NAME or _CONTROL.search(raw):
        return name, bad_option(option, raw, "name", limit=MAX_NAME)
    return name, None


def check_unit(raw: str) -> tuple[str, Problem | None]:
    """A unit id, by the one rule of :func:`gecolumn.config.is_unit_id`."""
    unit = raw.strip()
    if is_unit_id(unit):
        return unit, None
    return unit, bad_option("--unit", unit, "unit_id", limit=MAX_UNIT_ID, suggestion=unit_suggestion(unit))


def check_url(raw: str, option: str = "--url") -> tuple[str, Problem | None]:
    """The column's folder address (or, for ``--index``, the package index's), ending in ``/`` (MkDocs builds links under ``site_url`` as a folder)."""
    url = raw.strip()
    parts = urlsplit(url)
    try:
        port_ok = parts.port is None or 0 < parts.port
    except ValueError:
        port_ok = False
    last = url.rstrip("/").rsplit("/", 1)[-1] if parts.path.strip("/") else ""
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or not port_ok
        or not _URL_CHARACTERS.fullmatch(url)
        or last.endswith((".html", ".htm", ".php", ".aspx"))
    ):
        return url, bad_option(option, url, option.removeprefix("--"))
    return (url if url.endswith("/") else url + "/"), None


def check_start(raw: str, today: datetime.date) -> tuple[Quarter | None, Problem | None]:
    """The first due quarter: one that has begun, from :data:`FIRST_YEAR`."""
    now = Quarter.of(today)
    try:
        start = Quarter.parse(raw)
    except ValueError:
        return None, bad_option("--start", raw, "start_unreadable")
    if start > now or start.year < FIRST_YEAR:
        return start, bad_option("--start", raw, "start_range", first_year=FIRST_YEAR, now=str(now))
    return start, None


def check_requirement(raw: str | None) -> tuple[str, Problem | None]:
    """The pip line that installs gecolumn: given, or how this copy was installed (so CI gets the same)."""
    if raw is None:
        return default_requirement()[0], None
    line = raw.strip()
    if not re.fullmatch(r"gecolumn(\s*(==|>=|~=)\s*[\w.+!-]+|\s*@\s*\S+)", line):
        return line, bad_option("--requirement", raw, "requirement", version=__version__)
    return line, None


@functools.cache  # asked for the default and again for the next steps' warning
def default_requirement() -> tuple[str, str | None]:
    """``(requirement, local source)``: how pip installed this gecolumn (PEP 610), as a line CI can install.

    The local source is the wheel or folder it came from when that exists only on this computer.
    """
    pinned = f"gecolumn=={__version__}"
    try:
        direct = metadata.distribution("gecolumn").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return pinned, None
    if not direct:  # from an index (PyPI, or the district's): CI installs from the same
        return pinned, None
    source = json.loads(direct)
    url, vcs = source.get("url", ""), source.get("vcs_info")
    if vcs and url.startswith(("https://", "http://")):
        # The full commit, never the branch or tag asked for: it names gecolumn's content as a
        # hash would (its line is installed without one, see requirements_files).
        revision = vcs.get("commit_id") or vcs.get("requested_revision")
        return f"gecolumn @ {vcs.get('vcs', 'git')}+{url}@{revision}", None
    if url.startswith(("https://", "http://")):
        return f"gecolumn @ {url}", None
    return pinned, url


def roster_units(roster: Roster, own_unit: str) -> tuple[tuple[ColumnUnit, ...], list[Problem]]:
    """A district column's units from its roster (``--units``), each name and id checked as ``--school`` and ``--unit`` are."""
    problems = [problem for problem in roster.problems if problem.is_error]
    schools = []
    for school in roster.schools:
        name, problem = check_name(school.name, "--units")
        unit, unit_problem = check_unit(school.unit)
        same = bad_option("--units", school.unit, "same_unit") if school.unit == own_unit else None
        for found in (problem, unit_problem, same):
            if found:
                problems.append(dataclasses.replace(found, file=str(roster.path), line=school.line))
        schools.append(ColumnUnit(unit, name, school.since))
    return tuple(schools), problems
