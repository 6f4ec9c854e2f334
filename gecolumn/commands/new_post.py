"""``gecolumn-new-post``: start a new post; asks (in Vietnamese) for the title, unit and date, or takes them as options.

    gecolumn-new-post                      # asks
    gecolumn-new-post --title "…" --unit thcs-bao-khe --date 08/03/2024 [--campaign 8-3]

Also ``python -m gecolumn new-post …`` and ``python scripts/new_post.py …``. Writes
posts/<year>/<slug>.md with every front-matter field filled in (the text comes from
:func:`gecolumn.scaffold.scaffold`) and prints its path. Never overwrites a file (exit 1);
a date in the wrong form is refused (exit 2).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from gecolumn.commands import located, open_and_show_warnings, run, today_problem
from gecolumn.dates import LOCAL_TZ, BadToday, find_today, parse_post_date, short_vietnamese
from gecolumn.messages import render, render_problem
from gecolumn.problems import Problem
from gecolumn.scaffold import CAMPAIGN_TEMPLATES, default_title, scaffold


def main(argv: list[str] | None = None) -> int:
    """Write a new post under ``posts/`` and print its path."""
    parser = argparse.ArgumentParser(prog="new_post", description="Tạo bài viết mới (create a new post).")
    parser.add_argument("-f", "--config", default="mkdocs.yml")
    parser.add_argument("--title", help="tiêu đề bài viết")
    parser.add_argument("--unit", help="mã đơn vị (xem mkdocs.yml)")
    parser.add_argument("--date", help="ngày đăng, ví dụ 08/03/2024 hoặc '08/03/2024 07:30' (mặc định: hôm nay)")
    parser.add_argument("--campaign", choices=sorted(CAMPAIGN_TEMPLATES), help="mẫu bài cho 8/3, 28/6 hoặc Tháng hành động")
    parser.add_argument("--author", help="tác giả hoặc tổ chức viết bài")
    parser.add_argument("--tag", action="append", default=[], help="chủ đề (có thể lặp lại)")
    return run("new_post", parser, _new_post, argv)


def _new_post(args: argparse.Namespace) -> int:
    interactive = sys.stdin.isatty()
    opened = open_and_show_warnings(Path(args.config))
    column = opened.config
    if column is None:
        for problem in opened.problems:
            if problem.is_error:
                print(located(problem), file=sys.stderr)
        return 2
    try:
        today = find_today().date
    except BadToday as exc:
        print(f"Lỗi: {render_problem(today_problem(exc))}", file=sys.stderr)
        return 2

    date_text = args.date if args.date is not None else (_ask(f"Ngày đăng [{short_vietnamese(today)}]: ") if interactive else "")
    try:
        moment = parse_post_date(date_text) if date_text.strip() else _midnight(today)
    except ValueError:
        print(f"Lỗi [date]: {render('bad_date', {'value': date_text})}", file=sys.stderr)
        return 2

    title = args.title or default_title(args.campaign, moment.year)
    if not title and interactive:
        title = _ask("Tiêu đề bài viết: ").strip()
    if not title:
        print('Lỗi [title]: cần tiêu đề bài viết. Cách sửa: thêm --title "Tiêu đề".', file=sys.stderr)
        return 2

    unit = args.unit
    if unit is None and column.default_unit is not None:
        unit = column.default_unit.id
    if unit is None and interactive:
        for number, choice in enumerate(column.units, 1):
            print(f"  {number}. {choice.name} ({choice.id})")
        answer = _ask("Chọn đơn vị (số hoặc mã): ").strip()
        unit = column.units[int(answer) - 1].id if answer.isdigit() and 0 < int(answer) <= len(column.units) else answer
    if column.unit(unit or "") is None:
        known = ", ".join(column.unit_ids)
        print(f"Lỗi [unit]: {render('unknown_unit', {'value': unit or '', 'known': known})}", file=sys.stderr)
        return 2

    draft = scaffold(title, unit, moment, args.campaign, args.author, tuple(args.tag))
    target = opened.posts_dir / draft.path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # posts/2025 is a file, or the folder is read-only
        params = {"problem": exc.strerror or str(exc), "example": "posts/"}
        print(located(Problem(target.parent.as_posix(), "output_unwritable", params=params)), file=sys.stderr)
        return 2
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(draft.text)
    except FileExistsError:
        print(
            f"Lỗi: đã có tệp {target.as_posix()}; không ghi đè. Cách sửa: đổi tiêu đề hoặc sửa trực tiếp tệp đó.", file=sys.stderr
        )
        return 1
    print(target.as_posix())
    return 0


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        return ""


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ)
