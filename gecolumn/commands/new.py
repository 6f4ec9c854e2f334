"""``gecolumn new``: start a school's (or a district's) column in a new folder, build it and check it.

    gecolumn new thcs-bao-khe                          # asks, in Vietnamese
    gecolumn new thcs-bao-khe --school "Trường THCS Bảo Khê" --unit thcs-bao-khe \\
        --url https://thcs-baokhe.edu.vn/binh-dang-gioi/ --start 2025-Q1
    gecolumn new phong-gd --school "Phòng GD&ĐT huyện Văn Lâm" --unit pgd-van-lam \\
        --url https://… --start 2025-Q1 --units truong.csv   # a district: one unit per school

Also ``py -m gecolumn new …`` on Windows. Writes the files planned by
:func:`gecolumn.newcolumn.plan_files` (never into a folder that holds files), builds the
site with ``mkdocs build --strict``, runs the check and prints the next three steps.
Exit 0: written and built; 1: written, but the first build failed; 2: nothing written
(a value cannot be used, the folder is not empty, the roster is refused).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

from gecolumn import __version__
from gecolumn.check import check_column
from gecolumn.column import open_column
from gecolumn.commands import located, run, today_problem
from gecolumn.config import MAX_UNIT_ID, unit_suggestion
from gecolumn.dates import BadToday, find_today
from gecolumn.district.roster import read_roster
from gecolumn.front_matter import clean
from gecolumn.messages import render_problem
from gecolumn.newcolumn import ColumnUnit, NewColumn, plan_files
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter
from gecolumn.slugs import SLUG_PATTERN

MAX_NAME = 150
_EXAMPLES = {
    "--school": '"Trường THCS Bảo Khê"',
    "--unit": "thcs-bao-khe",
    "--url": "https://thcs-baokhe.edu.vn/binh-dang-gioi/",
    "--start": "2025-Q1",
}


def main(argv: list[str] | None = None) -> int:
    """Write, build and check a new column; print what to do next."""
    parser = argparse.ArgumentParser(prog="gecolumn new", description="Tạo chuyên mục mới cho một trường (create a new column).")
    parser.add_argument("folder", help="thư mục mới cho chuyên mục, ví dụ thcs-bao-khe")
    parser.add_argument("--school", help="tên trường hoặc cơ quan, như bạn đọc thấy")
    parser.add_argument("--unit", help="mã đơn vị: chữ thường không dấu, nối bằng '-' (mặc định: từ tên trường)")
    parser.add_argument("--url", help="địa chỉ chuyên mục trên cổng thông tin, http(s)://…/")
    parser.add_argument("--start", help="quý đầu tiên phải có bài, ví dụ 2025-Q1 (mặc định: quý này)")
    parser.add_argument("--address", help="địa chỉ của trường, in ở chân trang")
    parser.add_argument(
        "--units", metavar="truong.csv", help="danh sách các trường (như lệnh district): chuyên mục của phòng, sở"
    )
    parser.add_argument("--requirement", help=f"dòng cài gecolumn trong requirements.txt (mặc định: gecolumn=={__version__})")
    parser.add_argument("--no-build", action="store_true", help="chỉ ghi tệp, không dựng trang")
    return run("new", parser, _new, argv)


class _Cancelled(Exception):
    """Ctrl-C or Ctrl-D at a question: nothing has been written."""


def _new(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    refused = _folder_problem(folder, args.folder)
    if refused:
        print(located(refused), file=sys.stderr)
        return 2
    try:
        today = find_today()
    except BadToday as exc:
        print(located(today_problem(exc)), file=sys.stderr)
        return 2
    try:
        column, problems = _settings(args, today.date, interactive=sys.stdin.isatty())
    except _Cancelled:
        print("\nĐã huỷ: chưa ghi tệp nào.", file=sys.stderr)
        return 130
    if column is None:
        for problem in problems:
            print(located(problem), file=sys.stderr)
        return 2
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a parent that is a file, no permission, a name too long
        print(
            located(
                _bad(
                    "folder",
                    args.folder,
                    exc.strerror or type(exc).__name__,
                    exc.strerror or type(exc).__name__,
                    "chọn một thư mục khác",
                    "choose another folder",
                )
            ),
            file=sys.stderr,
        )
        return 2

    for relative, text in plan_files(column, today.date).items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")  # LF on Windows too: git and CI see one file
    print(f"Đã tạo chuyên mục của {column.school} trong thư mục {folder} (gecolumn {__version__}).")
    if args.no_build:
        _next_steps(folder, column, built=False)
        return 0
    return _build_and_check(folder, column, today)


def _folder_problem(folder: Path, given: str) -> Problem | None:
    if not given.strip():
        return _bad(
            "folder",
            given,
            "chưa có tên thư mục",
            "no folder name",
            "ghi tên thư mục mới, ví dụ thcs-bao-khe",
            "name a new folder, e.g. thcs-bao-khe",
        )
    if folder.is_symlink():  # the column would be written wherever the link points
        return _bad(
            "folder",
            given,
            "đây là một liên kết (symlink), không phải thư mục",
            "this is a symbolic link, not a folder",
            "chọn tên thư mục khác",
            "choose another folder name",
        )
    if folder.exists() and not folder.is_dir():
        return _bad(
            "folder",
            given,
            "đây là một tệp, không phải thư mục",
            "this is a file, not a folder",
            "chọn tên thư mục khác",
            "choose another folder name",
        )
    if folder.is_dir() and any(folder.iterdir()):
        return Problem(given, "new_folder_not_empty", params={"folder": given})
    return None


_QUESTIONS = {
    "--school": "Tên trường (hoặc cơ quan), như bạn đọc thấy",
    "--unit": "Mã đơn vị (chữ thường không dấu)",
    "--url": "Địa chỉ chuyên mục trên cổng thông tin (https://…/)",
    "--start": "Quý đầu tiên phải có bài",
}


def _settings(args: argparse.Namespace, today, interactive: bool) -> tuple[NewColumn | None, list[Problem]]:
    """The new column's settings from the options; in a terminal, what is missing is asked, each answer checked as it comes."""
    given = {"--school": args.school, "--unit": args.unit, "--url": args.url, "--start": args.start}
    checks = {
        "--school": lambda raw: _name(raw, "--school"),
        "--unit": _unit,
        "--url": _url,
        "--start": lambda raw: _start(raw, today),
    }
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for option, check in checks.items():
        default = {
            "--unit": unit_suggestion(str(values.get("--school") or "")) if values.get("--school") else "",
            "--start": str(Quarter.of(today)),
        }.get(option, "")
        raw = given[option]
        while True:
            if raw is None and interactive:
                raw = _ask(_QUESTIONS[option], default)
            elif raw is None:
                raw = default
            if not raw.strip():
                if interactive and given[option] is None:
                    print("  Cần trả lời mục này.", file=sys.stderr)
                    raw = None
                    continue
                problems.append(Problem("gecolumn new", "new_missing_option", option, params={"example": _EXAMPLES[option]}))
                break
            value, problem = check(raw)
            if problem is None:
                values[option] = value
                break
            if interactive and given[option] is None:  # asked: say why, and ask again
                print("  " + render_problem(problem), file=sys.stderr)
                raw = None
                continue
            problems.append(problem)
            break
    address, problem = _name(args.address, "--address") if args.address is not None else (None, None)
    problems += [problem] if problem else []
    requirement, problem = _requirement(args.requirement)
    problems += [problem] if problem else []
    schools = _roster(Path(args.units), str(values.get("--unit") or ""), problems) if args.units else ()
    if problems:
        return None, problems
    python = "py" if os.name == "nt" else "python"
    column = NewColumn(
        values["--school"], values["--unit"], values["--url"], values["--start"], schools, address, requirement, python
    )
    return column, []


def _ask(question: str, default: str) -> str:
    shown_default = f" [{default}]" if default else ""
    try:
        return input(f"{question}{shown_default}: ").strip() or default
    except (EOFError, KeyboardInterrupt) as exc:
        raise _Cancelled from exc


def _bad(option: str, value: str, reason_vi: str, reason_en: str, fix_vi: str, fix_en: str) -> Problem:
    params = {"value": value, "reason_vi": reason_vi, "reason_en": reason_en, "fix_vi": fix_vi, "fix_en": fix_en}
    return Problem("gecolumn new", "new_bad_option", option, params=params)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _name(raw: str, option: str, example: str = '"Trường THCS Bảo Khê"') -> tuple[str, Problem | None]:
    # What readers see in every page's header and feed: one line, no invisible characters.
    name = " ".join(clean(raw).split())
    if not name or len(name) > MAX_NAME or _CONTROL.search(raw):
        fix_vi = f"một dòng chữ trong dấu nháy, ví dụ {example}"
        return name, _bad(
            option,
            raw,
            f"cần một dòng chữ, không quá {MAX_NAME} ký tự",
            f"one line of text of at most {MAX_NAME} characters is needed",
            fix_vi,
            f"one quoted line, e.g. {example}",
        )
    return name, None


def _unit(raw: str) -> tuple[str, Problem | None]:
    unit = raw.strip()
    if SLUG_PATTERN.match(unit) and len(unit) <= MAX_UNIT_ID:
        return unit, None
    suggestion = unit_suggestion(unit)
    return unit, _bad(
        "--unit",
        unit,
        f"mã đơn vị chỉ gồm chữ thường không dấu, số và '-', tối đa {MAX_UNIT_ID} ký tự",
        f"a unit id is lower-case ASCII letters, digits and '-', {MAX_UNIT_ID} characters at most",
        f"dùng {suggestion}",
        f"use {suggestion}",
    )


# A column's folder address: no quotes, brackets or spaces that could leave an HTML attribute,
# and no ?query, #fragment or user:password@ (none of ?, #, =, & or @ is allowed).
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~/:%]+")


def _url(raw: str) -> tuple[str, Problem | None]:
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
        return url, _bad(
            "--url",
            url,
            "không phải địa chỉ thư mục http(s)://…/ của chuyên mục",
            "not the http(s)://…/ address of the column's folder",
            "chép địa chỉ từ trình duyệt, bỏ phần sau ? hay #, ví dụ https://thcs-baokhe.edu.vn/bdg/",
            "copy the address from the browser, without what follows ? or #, e.g. https://thcs-baokhe.edu.vn/bdg/",
        )
    return (url if url.endswith("/") else url + "/"), None  # MkDocs builds links under site_url as a folder


FIRST_YEAR = 2000
"""No column starts before this: the first national gender-equality law is of 2006."""


def _start(raw: str, today) -> tuple[Quarter | None, Problem | None]:
    now = Quarter.of(today)
    try:
        start = Quarter.parse(raw)
    except ValueError:
        return None, _bad("--start", raw, "không đọc được quý", "not a quarter", "viết như 2025-Q1", "write it as 2025-Q1")
    if start > now or start.year < FIRST_YEAR:
        return start, _bad(
            "--start",
            raw,
            f"cần một quý từ {FIRST_YEAR} đến quý này ({now})",
            f"a quarter from {FIRST_YEAR} to this one ({now}) is needed",
            f"dùng {now} hoặc một quý đã qua",
            f"use {now} or an earlier quarter",
        )
    return start, None


def _requirement(raw: str | None) -> tuple[str, Problem | None]:
    """The pip line that installs gecolumn: given, or how this copy was installed (so CI gets the same)."""
    if raw is None:
        return default_requirement()[0], None
    line = raw.strip()
    if not re.fullmatch(r"gecolumn(\s*(==|>=|~=)\s*[\w.+!-]+|\s*@\s*\S+)", line):
        return line, _bad(
            "--requirement",
            raw,
            "không phải một dòng cài gói gecolumn",
            "not a line that installs the gecolumn package",
            f'ví dụ "gecolumn=={__version__}" hoặc "gecolumn @ git+https://…/gecolumn.git@v{__version__}"',
            f'e.g. "gecolumn=={__version__}" or "gecolumn @ git+https://…/gecolumn.git@v{__version__}"',
        )
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
        revision = vcs.get("requested_revision") or vcs.get("commit_id")
        return f"gecolumn @ {vcs.get('vcs', 'git')}+{url}@{revision}", None
    if url.startswith(("https://", "http://")):
        return f"gecolumn @ {url}", None
    return pinned, url


def _roster(path: Path, own_unit: str, problems: list[Problem]) -> tuple[ColumnUnit, ...]:
    roster = read_roster(path)
    problems.extend(problem for problem in roster.problems if problem.is_error)
    schools = []
    for school in roster.schools:
        name, problem = _name(school.name, "--units", '"Trường THCS Bảo Khê"')
        unit, unit_problem = _unit(school.unit)
        for found in (problem, unit_problem):
            if found:
                problems.append(dataclasses.replace(found, file=str(path), line=school.line))
        if school.unit == own_unit:
            problems.append(
                dataclasses.replace(
                    _bad(
                        "--units",
                        school.unit,
                        "trùng mã đơn vị với --unit",
                        "the same unit id as --unit",
                        "đổi mã của trường này trong danh sách, hoặc đổi --unit",
                        "change this school's id or --unit",
                    ),
                    file=str(path),
                    line=school.line,
                )
            )
        schools.append(ColumnUnit(unit, name, school.since))
    return tuple(schools)


def _build_and_check(folder: Path, column: NewColumn, today) -> int:
    config = folder / "mkdocs.yml"
    result = check_column(open_column(config), today)
    owing = result.missing
    # A start in the past owes its quarters until posts are written for them: the site is
    # built anyway (without --strict, which would refuse it), and the missing quarters lead
    # the next steps.
    command = [sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml"] + ([] if owing else ["--strict"])
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    print("Đang dựng trang" + ("" if owing else " (--strict)") + "…", flush=True)
    built = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", errors="replace", env=environment, cwd=folder
    )
    if built.returncode != 0:
        said = [line for line in (built.stderr or built.stdout).splitlines() if line.strip()]
        for line in said[-15:]:
            print(line, file=sys.stderr)
        problem = Problem(str(config), "new_build_failed", params={"problem": said[-1] if said else built.returncode})
        print(located(problem), file=sys.stderr)
        return 1
    for problem in result.findings:
        if problem.is_error:
            print(located(problem), file=sys.stderr)
    first_owed = owing[0].quarter if owing else None
    if owing:
        names = ", ".join(dict.fromkeys(cell.quarter.vietnamese for cell in owing))
        print(f"Trang đã dựng trong {folder / 'site'}. Kiểm tra: còn thiếu bài các quý {names} (tính từ {column.start}).")
    else:
        print(f"Trang đã dựng trong {folder / 'site'}; kiểm tra: đủ bài các quý, không có lỗi.")
    _next_steps(folder, column, built=True, first_owed=first_owed)
    return 0


def _next_steps(folder: Path, column: NewColumn, built: bool, first_owed: Quarter | None = None) -> None:
    py = column.python
    where = f'"{folder}"' if " " in str(folder) else str(folder)
    print("\nBa bước tiếp theo:")
    print(f"  1. Xem thử trang trên máy: cd {where}  rồi  {py} -m mkdocs serve  (mở http://127.0.0.1:8000/)")
    if first_owed:  # a post counts for the quarter of its date: a late post is dated in the quarter it reports on
        day = first_owed.last_day
        print(
            f'  2. Viết bài cho các quý còn thiếu, ghi ngày trong quý đó: {py} -m gecolumn new-post --title "Tên bài" --date {day:%d/%m/%Y}'
        )
    else:
        print(f'  2. Viết bài mới: {py} -m gecolumn new-post --title "Tên bài"  (hoặc --from bai-viet.docx)')
    print("  3. Đưa thư mục lên GitHub hoặc GitLab (đã có sẵn tệp CI): mỗi lần đẩy bài, CI kiểm tra bài, báo quý còn thiếu")
    print(f"     và dựng trang để đăng lên {column.url}")
    if not built:
        print(f"  (Chưa dựng trang: chạy {py} -m mkdocs build --strict trong thư mục chuyên mục.)")
    requirement, local = default_requirement()
    if local and column.requirement == requirement:
        print(
            f"\nLưu ý: gecolumn trên máy này được cài từ {local}, nơi GitHub/GitLab không tới được. requirements.txt ghi "
            f"'{column.requirement}': CI cài được khi gói có trên PyPI hoặc trên kho gói của phòng/sở. Nếu phòng/sở để "
            f'gecolumn trên một kho git, tạo lại với --requirement "gecolumn @ git+https://…/gecolumn.git@v{__version__}".'
        )
