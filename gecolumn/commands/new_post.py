"""``gecolumn-new-post``: start a new post; asks (in Vietnamese) for the title, unit and date, or takes them as options.

    gecolumn-new-post                      # asks
    gecolumn-new-post --title "…" --unit thcs-bao-khe --date 08/03/2024 [--campaign 8-3]
    gecolumn-new-post --from bai-viet.docx --unit thcs-bao-khe --date 07/03/2025 [--title "…"]

Also ``python -m gecolumn new-post …`` and ``python scripts/new_post.py …``. Writes
posts/<year>/<slug>.md with every front-matter field filled in (the text comes from
:func:`gecolumn.scaffold.scaffold`) and prints its path. Never overwrites a file (exit 1);
a date in the wrong form is refused (exit 2). With ``--from`` (or the first question) the body,
the title and the photos come from a Word document (:func:`gecolumn.docx_import.import_docx`):
the photos are written next to the post upright and without EXIF, XMP or GPS (a phone photo in a
Word file still has them), what the conversion left out is listed as INFO lines,
and a file that is not a readable .docx is refused (exit 2) before anything is written.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from gecolumn.campaigns import WITH_TEMPLATE
from gecolumn.commands import located, refuse, require_column, run, today_problem
from gecolumn.commands._options import command_parser, common_options, helps
from gecolumn.dates import LOCAL_TZ, BadToday, find_today, parse_post_date, short_vietnamese
from gecolumn.docx_import import DocxRefused, ImportedDocument, import_docx
from gecolumn.messages import label
from gecolumn.photo_privacy import PhotoUnreadable, upright_without_metadata
from gecolumn.problems import Problem, Severity
from gecolumn.scaffold import default_title, post_path, scaffold


def main(argv: list[str] | None = None) -> int:
    """Write a new post under ``posts/`` and print its path."""
    return run("new_post", _parser, _new_post, argv)


def _parser(lang: str) -> argparse.ArgumentParser:
    parser, said = command_parser("new_post", "new_post", lang), helps("new_post", lang)
    common_options(parser, lang)
    parser.add_argument("--title", help=said("title"))
    parser.add_argument("--unit", help=said("unit"))
    parser.add_argument("--date", help=said("date"))
    parser.add_argument("--campaign", choices=sorted(WITH_TEMPLATE), help=said("campaign"))
    parser.add_argument("--author", help=said("author"))
    parser.add_argument("--tag", action="append", default=[], help=said("tag"))
    parser.add_argument("--from", dest="source", metavar=label("metavar_docx", lang), help=said("from"))
    return parser


def _new_post(args: argparse.Namespace) -> int:
    lang = args.lang
    interactive = sys.stdin.isatty()
    opened = require_column(Path(args.config), lang)
    if opened is None:
        return 2
    column = opened.config
    try:
        today = find_today().date
    except BadToday as exc:
        return refuse(today_problem(exc), lang)

    source = args.source
    if source is None and interactive:
        source = _ask(label("ask_word_file", lang)).strip().strip("'\"") or None
    imported = None
    if source is not None:
        try:
            imported = import_docx(source)
        except DocxRefused as refused:
            return refuse(refused.problem, lang)

    date_text = (
        args.date
        if args.date is not None
        else (_ask(label("ask_date", lang, today=short_vietnamese(today))) if interactive else "")
    )
    try:
        moment = parse_post_date(date_text) if date_text.strip() else _midnight(today)
    except ValueError:
        return refuse(Problem("", "bad_date", "date", params={"value": date_text}), lang)

    title = args.title or (imported and imported.title) or default_title(args.campaign, moment.year)
    if not title and interactive:
        title = _ask(label("ask_title", lang)).strip()
    if not title:
        return refuse(Problem("", "new_post_no_title", "title"), lang)

    unit = args.unit
    if unit is None and column.default_unit is not None:
        unit = column.default_unit.id
    if unit is None and interactive:
        for number, choice in enumerate(column.units, 1):
            print(f"  {number}. {choice.name} ({choice.id})")
        answer = _ask(label("ask_unit", lang)).strip()
        unit = column.units[int(answer) - 1].id if answer.isdigit() and 0 < int(answer) <= len(column.units) else answer
    if column.unit(unit or "") is None:
        known = ", ".join(column.unit_ids)
        return refuse(Problem("", "unknown_unit", "unit", params={"value": unit or "", "known": known}), lang)

    if imported is not None and imported.images:  # photos named after the post: posts of one year share a folder
        imported = import_docx(source, image_prefix=f"{Path(post_path(title, moment)).stem}-anh")
    body = imported.markdown if imported is not None else None
    if imported is None:
        draft = scaffold(title, unit, moment, args.campaign, args.author, tuple(args.tag), body)
    else:  # what the document knows is filled in; the author reads it before it is published
        author = args.author or imported.author
        summary, cover = imported.summary, imported.cover
        draft = scaffold(title, unit, moment, args.campaign, author, tuple(args.tag), body, summary, image=cover, draft=True)
    target = opened.posts_dir / draft.path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # posts/2025 is a file, or the folder is read-only
        params = {"problem": exc.strerror or str(exc), "example": "posts/"}
        return refuse(Problem(target.parent.as_posix(), "output_unwritable", params=params), lang)
    try:  # a phone photo comes out of Word with its EXIF: the school's GPS position must not reach the repository
        photos = [(target.parent / image.name, _publishable(image.data)) for image in imported.images] if imported else []
    except PhotoUnreadable as exc:
        return refuse(exc.as_problem(source), lang)
    try:
        _write_new(target, draft.text.encode("utf-8"), photos)
    except FileExistsError as exc:
        refuse(Problem("", "new_post_exists", params={"file": Path(exc.filename).as_posix()}), lang)
        return 1
    print(target.as_posix())
    for path, _ in photos:
        print(path.as_posix())
    if imported is None:  # a skeleton is a draft until its author has written it
        print(located(Problem(_shown(target, opened), "post_draft", severity=Severity.INFO), lang), file=sys.stderr)
    if imported is not None:
        _say_what_was_left_out(imported, args.title, source, lang)
        print(located(Problem(_shown(target, opened), "docx_next_steps", severity=Severity.INFO), lang), file=sys.stderr)
    return 0


def _shown(target: Path, opened) -> str:
    """The post's path as its author sees it: from the column's folder."""
    root = opened.posts_dir.parent
    return target.relative_to(root).as_posix() if target.is_relative_to(root) else str(target)


def _publishable(data: bytes) -> bytes:
    """A photo from the document, upright and without metadata, in its own format (the post names it so)."""
    return upright_without_metadata(data)[0]


def _write_new(post: Path, text: bytes, photos: list[tuple[Path, bytes]]) -> None:
    """Write the post and its photos, all or none, never over a file that is there (``FileExistsError`` names it)."""
    for path in (post, *(path for path, _ in photos)):
        if path.exists() or path.is_symlink():
            raise FileExistsError(17, "exists", str(path))
    written: list[Path] = []
    try:
        for path, data in (*photos, (post, text)):
            with open(path, "xb") as handle:
                written.append(path)
                handle.write(data)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def _say_what_was_left_out(imported: ImportedDocument, given_title: str | None, source: str, lang: str) -> None:
    """One INFO line for each kind of thing the Word document held that the post does not."""
    notes = list(imported.dropped)
    if given_title and imported.title and given_title.strip() != imported.title:
        params = {"title": imported.title, "given": given_title}
        notes.append(Problem(source, "docx_title_replaced", params=params, severity=Severity.INFO))
    for problem in notes:
        print(located(problem, lang), file=sys.stderr)


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        return ""


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ)
