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

from gecolumn import __version__, editor
from gecolumn.check import ExitCode, check_column
from gecolumn.column import open_column
from gecolumn.commands import located, refuse, run, today_problem
from gecolumn.commands._options import command_parser, common_options, helps
from gecolumn.config import unit_suggestion
from gecolumn.dates import BadToday, find_today
from gecolumn.district.roster import read_roster
from gecolumn.engine import DEFAULT_ENGINE, ENGINES, QUIET, build_command
from gecolumn.messages import label, quarter_name, render_problem
from gecolumn.newcolumn import (
    NEW_COMMAND,
    NewColumn,
    bad_option,
    check_name,
    check_requirement,
    check_start,
    check_unit,
    check_url,
    default_requirement,
    folder_problem,
    plan_files,
    roster_units,
)
from gecolumn.package_index import IndexUnusable, published
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter

_EXAMPLES = {
    "--school": "school",  # the catalogue gives a name in the reader's language
    "--unit": "thcs-bao-khe",
    "--url": "https://thcs-baokhe.edu.vn/binh-dang-gioi/",
    "--start": "2025-Q1",
}
_QUESTIONS = {"--school": "ask_school", "--unit": "ask_unit_id", "--url": "ask_url", "--start": "ask_start"}


def main(argv: list[str] | None = None) -> int:
    """Write, build and check a new column; print what to do next."""
    return run("new", _parser, _new, argv)


def _parser(lang: str) -> argparse.ArgumentParser:
    parser, said = command_parser("gecolumn new", "new", lang), helps("new", lang)
    parser.add_argument("folder", help=said("folder"))
    for option in ("school", "unit", "url", "start", "address"):
        parser.add_argument(f"--{option}", help=said(option))
    parser.add_argument("--units", metavar="truong.csv", help=said("units"))
    parser.add_argument("--requirement", help=said("requirement", version=__version__))
    parser.add_argument("--index", metavar="URL", help=said("index"))
    parser.add_argument("--engine", choices=ENGINES, default=DEFAULT_ENGINE, help=said("engine", default=DEFAULT_ENGINE))
    parser.add_argument("--no-build", action="store_true", help=said("no_build"))
    parser.add_argument("--editor", action=argparse.BooleanOptionalAction, default=None, help=said("editor"))
    common_options(parser, lang, config=False)
    return parser


class _Cancelled(Exception):
    """Ctrl-C or Ctrl-D at a question: nothing has been written."""


def _new(args: argparse.Namespace) -> int:
    lang = args.lang
    folder = Path(args.folder)
    refused = folder_problem(folder, args.folder)
    if refused:
        return refuse(refused, lang)
    try:
        today = find_today()
    except BadToday as exc:
        return refuse(today_problem(exc), lang)
    try:
        column, problems = _settings(args, today.date, interactive=sys.stdin.isatty(), lang=lang)
    except _Cancelled:
        print(label("new_cancelled", lang), file=sys.stderr)
        return 130
    if column is None:
        for problem in problems:
            print(located(problem, lang), file=sys.stderr)
        return ExitCode.INVALID
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a parent that is a file, no permission, a name too long
        return refuse(bad_option("folder", args.folder, "folder_unusable", problem=exc.strerror or type(exc).__name__), lang)

    for relative, text in plan_files(column, today.date).items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")  # LF on Windows too: git and CI see one file
    print(label("new_created", lang, school=column.school, folder=folder, version=__version__))
    if args.no_build:
        _next_steps(folder, column, lang, built=False)
        return ExitCode.OK
    return _build_and_check(folder, column, today, lang)


def _settings(args: argparse.Namespace, today, interactive: bool, lang: str) -> tuple[NewColumn | None, list[Problem]]:
    """The new column's settings from the options; in a terminal, what is missing is asked, each answer checked as it comes."""
    given = {"--school": args.school, "--unit": args.unit, "--url": args.url, "--start": args.start}
    checks = {
        "--school": lambda raw: check_name(raw, "--school"),
        "--unit": check_unit,
        "--url": check_url,
        "--start": lambda raw: check_start(raw, today),
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
                raw = _ask(label(_QUESTIONS[option], lang), default)
            elif raw is None:
                raw = default
            if not raw.strip():
                if interactive and given[option] is None:
                    print(label("answer_needed", lang), file=sys.stderr)
                    raw = None
                    continue
                problems.append(Problem(NEW_COMMAND, "new_missing_option", option, params={"example": _EXAMPLES[option]}))
                break
            value, problem = check(raw)
            if problem is None:
                values[option] = value
                break
            if interactive and given[option] is None:  # asked: say why, and ask again
                print("  " + render_problem(problem, lang), file=sys.stderr)
                raw = None
                continue
            problems.append(problem)
            break
    address, problem = check_name(args.address, "--address") if args.address is not None else (None, None)
    problems += [problem] if problem else []
    requirement, problem = check_requirement(args.requirement)
    problems += [problem] if problem else []
    index, pins = None, ()
    if args.index is not None:
        index, problem = check_url(args.index, "--index")
        if problem is None:
            try:
                _, pins = published(index, __version__)
            except IndexUnusable as exc:
                problem = exc.problem(NEW_COMMAND)
        problems += [problem] if problem else []
    schools = ()
    if args.units:
        schools, refused = roster_units(read_roster(Path(args.units)), str(values.get("--unit") or ""))
        problems += refused
    if problems:
        return None, problems
    editor = args.editor
    while editor is None and interactive:
        answer = _ask(label("ask_editor", lang), "k").strip().lower()
        editor = True if answer in ("c", "có", "y", "yes") else False if answer in ("k", "không", "n", "no") else None
    python = "py" if os.name == "nt" else "python"
    column = NewColumn(
        values["--school"],
        values["--unit"],
        values["--url"],
        values["--start"],
        schools,
        address,
        requirement,
        python,
        args.engine,
        index,
        pins,
        editor=bool(editor),
    )
    return column, []


def _ask(question: str, default: str) -> str:
    shown_default = f" [{default}]" if default else ""
    try:
        return input(f"{question}{shown_default}: ").strip() or default
    except (EOFError, KeyboardInterrupt) as exc:
        raise _Cancelled from exc


def _build_and_check(folder: Path, column: NewColumn, today, lang: str) -> int:
    config = folder / "mkdocs.yml"
    result = check_column(open_column(config), today)
    owing = result.missing
    # A start in the past owes its quarters until posts are written for them: the site is
    # built anyway (without --strict, which would refuse it), and the missing quarters lead
    # the next steps.
    # An editor not installed yet (npm ci comes after) is a warning of the build, not a failure here.
    strict = not owing and (not column.editor or _editor_installed(folder))
    command = build_command(column.engine, "-f", "mkdocs.yml", *(["--strict"] if strict else []))
    environment = {**os.environ, **QUIET, "GECOLUMN_LANG": lang}  # the build speaks as we do, and only that
    print(label("new_building_strict" if strict else "new_building", lang), flush=True)
    built = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", errors="replace", env=environment, cwd=folder
    )
    if built.returncode != 0:
        said = [line for line in (built.stderr or built.stdout).splitlines() if line.strip()]
        for line in said[-15:]:
            print(line, file=sys.stderr)
        problem = Problem(str(config), "new_build_failed", params={"problem": said[-1] if said else built.returncode})
        refuse(problem, lang)
        return ExitCode.MISSING
    for problem in result.findings:
        if problem.is_error:
            print(located(problem, lang), file=sys.stderr)
    first_owed = owing[0].quarter if owing else None
    site = folder / "site"
    if owing:
        names = ", ".join(dict.fromkeys(quarter_name(cell.quarter, lang) for cell in owing))
        print(label("new_built_owing", lang, site=site, quarters=names, start=column.start))
    else:
        print(label("new_built", lang, site=site))
    _next_steps(folder, column, lang, built=True, first_owed=first_owed)
    return ExitCode.OK


def _editor_installed(folder: Path) -> bool:
    try:
        editor.bundle(folder)
    except editor.EditorMissing:
        return False
    return True


def _next_steps(folder: Path, column: NewColumn, lang: str, built: bool, first_owed: Quarter | None = None) -> None:
    py = column.python
    where = f'"{folder}"' if " " in str(folder) else str(folder)
    print(label("next_steps", lang))
    print(label("next_preview", lang, where=where, py=py, engine=column.engine))
    if first_owed:  # a post counts for the quarter of its date: a late post is dated in the quarter it reports on
        print(label("next_write_owed", lang, py=py, day=f"{first_owed.last_day:%d/%m/%Y}"))
    else:
        print(label("next_write", lang, py=py))
    print(label("next_publish", lang, url=column.url))
    if column.editor:
        print(label("next_editor", lang, where=where, py=py, engine=column.engine))
    if not built:
        print(label("next_not_built", lang, py=py, engine=column.engine))
    requirement, local = default_requirement()
    if local and column.requirement == requirement and not column.index:
        print(label("local_install", lang, local=local, requirement=column.requirement, version=__version__))
