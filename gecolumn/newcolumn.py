"""A new column's folder, planned from its settings: what ``gecolumn new`` writes.

A school's folder holds only its content and settings: ``mkdocs.yml``, ``docs/``, ``posts/``
with a welcome post, ``hooks/column.py`` (a few lines that call the installed package), a
Vietnamese ``README.md``, CI files for GitHub and GitLab, ``.gitignore`` and a
``requirements.txt`` pinning this generator. Templates, rules and commands stay in the
package, so upgrading is changing that pin.

>>> settings = NewColumn("Trường THCS Bảo Khê", "thcs-bao-khe", "https://thcs-baokhe.edu.vn/bdg/", Quarter(2025, 1))
>>> files = plan_files(settings, datetime.date(2025, 3, 8))
>>> sorted(files)[:4]
['.github/workflows/chuyen-muc.yml', '.gitignore', '.gitlab-ci.yml', 'README.md']
>>> files["posts/2025/chao-mung-ban-den-voi-chuyen-muc.md"].splitlines()[2]
'date: 08/03/2025'
"""

from __future__ import annotations

import datetime
import html
import json
import re
import string
from dataclasses import dataclass
from importlib import resources

from gecolumn import __version__
from gecolumn.config import SETTINGS_VERSION
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
"""Written as they are; only the README (a ``string.Template``) names the school."""


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


def plan_files(column: NewColumn, today: datetime.date) -> dict[str, str]:
    """Relative path → text of every file of the new column, with a welcome post dated ``today``."""
    values = {
        "school_md": markdown_text(column.school),
        "version": __version__,
        "python": column.python,
        "requirement": column.requirement,
    }
    files = {target: _template(name) for target, name in _FILES.items()}
    files["README.md"] = string.Template(_template("README.md")).substitute(values)
    files["mkdocs.yml"] = mkdocs_yml(column, today)
    files["requirements.txt"] = (
        "# Bộ sinh trang gecolumn, ghi rõ phiên bản: nâng cấp là sửa dòng dưới rồi cài lại\n"
        f"# ({column.python} -m pip install -r requirements.txt).\n{column.requirement}\n"
    )
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
    summary = f"Giới thiệu chuyên mục tuyên truyền bình đẳng giới của {column.school}."
    post = scaffold(WELCOME_TITLE, column.unit, moment, tags=("Bình đẳng giới",), body=body, summary=summary)
    files[f"posts/{post.path}"] = post.text
    return files


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
    lines.append("    units:")
    for unit in units:
        lines += [f"      {unit.id}:", f"        name: {yaml_text(unit.name)}"]
        if unit.since:
            lines.append(f"        since: {unit.since}")
    return "\n".join(lines) + "\n"


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
