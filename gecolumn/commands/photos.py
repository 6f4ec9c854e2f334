"""``gecolumn-photos``: which photos carry a GPS position or a camera serial number, and ``--strip`` to take it out.

    gecolumn-photos [PATH …] [--strip] [--lang vi|en]

Also ``python -m gecolumn photos …``. Without a PATH: ``posts/``, ``docs/`` and the theme's ``custom_dir`` of the column
in the current folder; every file there is looked at by its bytes, whatever its name. Without
``--strip`` it lists each photo or attachment that carries such data and exits 1 if there is
one (a CI step can run it), 2 if a photo cannot be read. With ``--strip`` it removes the
metadata of those files in place (losslessly: the image data of a JPEG, PNG or WebP, also
inside a .docx/.pptx/…, stays byte for byte; every XMP packet goes, whatever it says; an
orientation is kept), says per file what it removed and exits 0; 2 when a file could not be
stripped (a HEIC, AVIF, GIF or TIFF, which only re-encoding could clean; a PDF or a recording,
which its program must export again; an unreadable file). The reading and the stripping are
:mod:`gecolumn.photo_privacy`; this module finds the files and prints.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from gecolumn.check import ExitCode
from gecolumn.column import Validation, open_column
from gecolumn.commands import located, run
from gecolumn.commands._options import command_parser, common_options, helps
from gecolumn.messages import label
from gecolumn.photo_privacy import file_problem, files_at_rest, strip_private_data
from gecolumn.problems import Problem, Refusal, Severity

DEFAULT_FOLDERS = ("posts", "docs")


def main(argv: list[str] | None = None) -> int:
    """List the photos that carry a position or a serial (exit 1 if any), or strip them with ``--strip``."""
    return run("photos", _parser, _photos, argv)


def _parser(lang: str) -> argparse.ArgumentParser:
    parser, said = command_parser("photos", "photos", lang), helps("photos", lang)
    parser.add_argument("paths", nargs="*", metavar="PATH", help=said("paths"))
    parser.add_argument("--strip", action="store_true", help=said("strip"))
    common_options(parser, lang, config=False)
    return parser


def _photos(args: argparse.Namespace) -> int:
    lang = args.lang
    carriers = stripped = failed = 0
    for path, name in _files(args.paths or _column_folders()):
        if isinstance(path, Problem):
            print(located(path, lang), file=sys.stderr)
            failed += 1
            continue
        problem = file_problem(path, name)
        if problem is None:
            continue
        if not problem.is_error or problem.code == "image_unreadable":
            print(located(problem, lang), file=sys.stderr)
            failed += problem.is_error
            continue
        carriers += 1
        if args.strip and problem.params.get("fix") == "export":  # a PDF, a recording: only its program can export it again
            print(located(problem, lang), file=sys.stderr)
            failed += 1
            continue
        if not args.strip:
            print(located(problem, lang))
            continue
        outcome = _strip(path, name)
        print(located(outcome, lang), file=sys.stdout if outcome.severity is Severity.INFO else sys.stderr)
        failed += outcome.is_error
        stripped += not outcome.is_error
    if args.strip:
        if stripped or not carriers:
            print(label("photos_stripped", lang, count=stripped) if stripped else label("photos_clean", lang))
        return ExitCode.INVALID if failed else ExitCode.OK
    print(label("photos_found", lang, count=carriers) if carriers else label("photos_clean", lang))
    return ExitCode.INVALID if failed else ExitCode.MISSING if carriers else ExitCode.OK


def _strip(path: Path, name: str) -> Problem:
    """What stripping one file did, as the line to print."""
    try:
        stripped = strip_private_data(path)
    except Refusal as refused:  # a format it cannot strip losslessly, or a file it cannot read
        return refused.as_problem(name)
    params = {
        "carried": tuple(stripped.carried) or ("",),  # the catalogue words each kind, and nothing known as "the metadata"
        "removed": tuple(stripped.removed),
        "kept": "orientation" if stripped.orientation is not None else "",
    }
    return Problem(name, "photo_stripped", params=params, severity=Severity.INFO)


def _column_folders() -> list[str]:
    """posts/ and the folders the column in the current folder publishes (docs/, the theme's custom_dir)."""
    own = open_column("mkdocs.yml", Validation.COLUMN).own_folders if os.path.isfile("mkdocs.yml") else ()
    folders = ["posts", *(label.rstrip("/") for _, label in own)] if own else list(DEFAULT_FOLDERS)
    return [folder for folder in folders if os.path.isdir(folder)]


def _files(paths: list[str]) -> Iterator[tuple[Path | Problem, str]]:
    """(path, how to name it) of each photo or attachment under ``paths``; a symlink or a missing path as a problem."""
    for given in paths:
        shown = given.replace(os.sep, "/")
        try:
            mode = os.lstat(given).st_mode
        except OSError as exc:
            yield Problem(shown, "unreadable_file", params={"problem": exc.strerror or str(exc)}), shown
            continue
        if stat.S_ISLNK(mode):
            yield Problem(shown, "symlink_refused"), shown
        elif stat.S_ISDIR(mode):
            # Every file, published or not, whatever its name: file_problem looks at the bytes.
            yield from files_at_rest(given, shown.rstrip("/") + "/")
        elif stat.S_ISREG(mode):
            yield Path(given), shown
        else:
            yield Problem(shown, "not_regular_file"), shown
