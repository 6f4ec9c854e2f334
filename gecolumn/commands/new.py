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
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from gecolumn import __version__
from gecolumn.check import check_column
from gecolumn.column import open_column
from gecolumn.commands import located, run, today_problem
from gecolumn.dates import BadToday, find_today, pinned
from gecolumn.district.roster import read_roster
from gecolumn.front_matter import clean
from gecolumn.newcolumn import ColumnUnit, NewColumn, plan_files
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter
from gecolumn.slugs import SLUG_PATTERN, slug_of

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


def _new(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(located(Problem(str(folder), "new_folder_not_empty", params={"folder": str(folder)})), file=sys.stderr)
        return 2
    try:
        today = find_today()
    except BadToday as exc:
        print(located(today_problem(exc)), file=sys.stderr)
        return 2
    column, problems = _settings(args, today.date, interactive=sys.stdin.isatty())
    if column is None:
        for problem in problems:
            print(located(problem), file=sys.stderr)
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


def _settings(args: argparse.Namespace, today, interactive: bool) -> tuple[NewColumn | None, list[Problem]]:
    """The new column's settings from the options, asking for what is missing when a person is there."""
    asked = {
        "--school": args.school,
        "--unit": args.unit,
        "--url": args.url,
        "--start": args.start,
    }
    if interactive:
        asked["--school"] = asked["--school"] or _ask("Tên trường (hoặc cơ quan), như bạn đọc thấy", "")
        default_unit = slug_of(clean(asked["--school"] or ""))
        asked["--unit"] = asked["--unit"] or _ask("Mã đơn vị (chữ thường không dấu)", default_unit)
        asked["--url"] = asked["--url"] or _ask("Địa chỉ chuyên mục trên cổng thông tin (https://…/)", "")
        asked["--start"] = asked["--start"] or _ask("Quý đầu tiên phải có bài", str(Quarter.of(today)))
    else:
        if asked["--school"] and not asked["--unit"]:
            asked["--unit"] = slug_of(clean(asked["--school"]))
        asked["--start"] = asked["--start"] or str(Quarter.of(today))
    missing = [name for name, value in asked.items() if not (value or "").strip()]
    if missing:
        return None, [
            Problem("gecolumn new", "new_missing_option", name, params={"example": _EXAMPLES[name]}) for name in missing
        ]

    problems: list[Problem] = []
    school = _name(asked["--school"], "--school", problems)
    address = _name(args.address, "--address", problems) if args.address else None
    unit = asked["--unit"].strip()
    if not SLUG_PATTERN.match(unit):
        problems.append(
            _bad(
                "--unit",
                unit,
                "mã đơn vị chỉ gồm chữ thường không dấu, số và '-'",
                "a unit id is lower-case ASCII letters, digits and '-'",
                f"dùng {slug_of(unit) or 'truong-1'}",
                f"use {slug_of(unit) or 'truong-1'}",
            )
        )
    url = _url(asked["--url"].strip(), problems)
    start = _start(asked["--start"].strip(), today, problems)
    schools = _roster(Path(args.units), problems) if args.units else ()
    if problems:
        return None, problems
    requirement = args.requirement or f"gecolumn=={__version__}"
    python = "py" if os.name == "nt" else "python"
    return NewColumn(school, unit, url, start, schools, address, requirement, python), []


def _ask(question: str, default: str) -> str:
    shown_default = f" [{default}]" if default else ""
    try:
        answer = input(f"{question}{shown_default}: ").strip()
    except EOFError:
        answer = ""
    return answer or default


def _bad(option: str, value: str, reason_vi: str, reason_en: str, fix_vi: str, fix_en: str) -> Problem:
    params = {"value": value, "reason_vi": reason_vi, "reason_en": reason_en, "fix_vi": fix_vi, "fix_en": fix_en}
    return Problem("gecolumn new", "new_bad_option", option, params=params)


def _name(raw: str, option: str, problems: list[Problem]) -> str:
    # What readers see in every page's header and feed: one line, no invisible characters.
    name = " ".join(clean(raw).split())
    if not name or len(name) > MAX_NAME or any(ch in raw for ch in "\r\n"):
        problems.append(
            _bad(
                option,
                raw,
                f"cần một dòng chữ, không quá {MAX_NAME} ký tự",
                f"one line of text of at most {MAX_NAME} characters is needed",
                'viết tên trong dấu nháy, ví dụ "Trường THCS Bảo Khê"',
                'quote the name, e.g. "Trường THCS Bảo Khê"',
            )
        )
    return name


def _url(raw: str, problems: list[Problem]) -> str:
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or any(ch.isspace() for ch in raw):
        problems.append(
            _bad(
                "--url",
                raw,
                "không phải địa chỉ http(s)://",
                "not an http(s):// address",
                "chép địa chỉ chuyên mục từ thanh địa chỉ của trình duyệt",
                "copy the column's address from the browser's address bar",
            )
        )
        return raw
    return raw if raw.endswith("/") else raw + "/"  # MkDocs builds links under site_url as a folder


def _start(raw: str, today, problems: list[Problem]) -> Quarter | None:
    try:
        start = Quarter.parse(raw)
    except ValueError:
        problems.append(_bad("--start", raw, "không đọc được quý", "not a quarter", "viết như 2025-Q1", "write it as 2025-Q1"))
        return None
    if start > Quarter.of(today):
        problems.append(
            _bad(
                "--start",
                raw,
                f"quý này chưa bắt đầu (hôm nay thuộc {Quarter.of(today)})",
                f"that quarter has not begun (today is in {Quarter.of(today)})",
                f"dùng {Quarter.of(today)} hoặc một quý đã qua",
                f"use {Quarter.of(today)} or an earlier quarter",
            )
        )
    return start


def _roster(path: Path, problems: list[Problem]) -> tuple[ColumnUnit, ...]:
    roster = read_roster(path)
    problems.extend(problem for problem in roster.problems if problem.is_error)
    return tuple(ColumnUnit(school.unit, school.name, school.since) for school in roster.schools)


def _build_and_check(folder: Path, column: NewColumn, today) -> int:
    config = folder / "mkdocs.yml"
    result = check_column(open_column(config), pinned(today, None))
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
    if owing:
        names = ", ".join(dict.fromkeys(cell.quarter.vietnamese for cell in owing))
        print(f"Trang đã dựng trong {folder / 'site'}. Kiểm tra: còn thiếu bài các quý {names} (tính từ {column.start}).")
    else:
        print(f"Trang đã dựng trong {folder / 'site'}; kiểm tra: đủ bài các quý, không có lỗi.")
    _next_steps(folder, column, built=True, owing=bool(owing))
    return 0


def _next_steps(folder: Path, column: NewColumn, built: bool, owing: bool = False) -> None:
    py = column.python
    where = f'"{folder}"' if " " in str(folder) else str(folder)
    print("\nBa bước tiếp theo:")
    print(f"  1. Xem thử trang trên máy: cd {where}  rồi  {py} -m mkdocs serve  (mở http://127.0.0.1:8000/)")
    post_step = "viết bài cho các quý còn thiếu" if owing else "viết bài mới"
    print(
        f'  2. {post_step[0].upper() + post_step[1:]}: {py} -m gecolumn new-post --title "Tên bài"  (hoặc --from bai-viet.docx)'
    )
    print("  3. Đưa thư mục lên GitHub hoặc GitLab (đã có sẵn tệp CI): mỗi lần đẩy bài, CI kiểm tra bài, báo quý còn thiếu")
    print(f"     và dựng trang để đăng lên {column.url}")
    if not built:
        print(f"  (Chưa dựng trang: chạy {py} -m mkdocs build --strict trong thư mục chuyên mục.)")
