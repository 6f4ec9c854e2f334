"""``gecolumn upgrade [VERSION]``: rewrite a column's ``requirements.txt`` for another gecolumn release.

    python -m gecolumn upgrade          # the newest release of the index the file names
    python -m gecolumn upgrade 0.2.0    # that release
    python -m pip install -r requirements.txt   # then install what the file now pins

With a package index in the file (``--extra-index-url``, written by ``gecolumn new --index``),
the release's pins are read from the index (:func:`gecolumn.package_index.published`): gecolumn
and every package of its build, each with its hashes. Without one, the file is rewritten for
the installed version from the lock it ships (every hash), and gecolumn's line, kept as the
school wrote it, goes to ``requirements-gecolumn.txt`` beside it (a column made before that
file existed gets it too). The layout is always the same,
one package a line, sorted, one hash a line, so the diff lists what changed; the command prints
that list too. Exit 0: rewritten (or already so); 2: nothing written.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from gecolumn import __version__
from gecolumn.check import ExitCode
from gecolumn.commands import refuse, run
from gecolumn.commands._options import command_parser, common_options, helps
from gecolumn.files import write_atomically
from gecolumn.messages import label
from gecolumn.newcolumn import requirements_files
from gecolumn.package_index import PROJECT, IndexUnusable, published
from gecolumn.pins import GECOLUMN_REQUIREMENTS, index_of, read_pins
from gecolumn.problems import Problem


def main(argv: list[str] | None = None) -> int:
    """Rewrite ``requirements.txt`` for ``VERSION`` (or the newest release); print what changed."""
    return run("upgrade", _parser, _upgrade, argv)


def _parser(lang: str) -> argparse.ArgumentParser:
    parser, said = command_parser("gecolumn upgrade", "upgrade", lang), helps("upgrade", lang)
    parser.add_argument("version", nargs="?", metavar="VERSION", help=said("version"))
    parser.add_argument("-r", "--requirements", default="requirements.txt", metavar="requirements.txt", help=said("requirements"))
    common_options(parser, lang, config=False)
    return parser


def _upgrade(args: argparse.Namespace) -> int:
    lang, path = args.lang, Path(args.requirements)
    python = "py" if os.name == "nt" else "python"
    try:
        old = path.read_text(encoding="utf-8-sig")
    except OSError:
        return refuse(Problem(str(path), "upgrade_no_requirements", params={"file": str(path)}), lang)
    own = path.with_name(GECOLUMN_REQUIREMENTS)
    try:
        old_own = own.read_text(encoding="utf-8-sig")
    except OSError:
        old_own = ""
    index = index_of(old)
    if index:
        try:
            version, pins = published(index, args.version)
        except IndexUnusable as exc:
            return refuse(exc.problem(str(path)), lang)
        new = requirements_files("", python, index, pins)
    else:
        if args.version not in (None, __version__):
            problem = Problem(str(path), "upgrade_other_version", params={"version": args.version, "installed": __version__})
            return refuse(problem, lang)
        version = __version__
        # A git or URL line stays as the school wrote it; before requirements-gecolumn.txt existed it was in requirements.txt.
        direct = re.search(rf"^\s*{PROJECT}\s*@\s*\S+.*$", old_own or old, re.MULTILINE)
        new = requirements_files(direct[0].strip() if direct else f"{PROJECT}=={version}", python)
    new = {path.with_name(name): text for name, text in new.items()}
    before = {pin.name: pin.version for pin in read_pins(old + "\n" + old_own)}
    after = {pin.name: pin.version for pin in read_pins("\n".join(new.values()))}
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    for target, text in new.items():
        if text != {path: old, own: old_own}.get(target):
            write_atomically(target, text.encode("utf-8"))
    print(label("upgrade_done", lang, file=path, version=version, changed=len(changed)))
    for name in changed:
        print(f"  {name}: {before.get(name, '-')} → {after.get(name, '-')}")
    if own in new:
        print(label("upgrade_next_own", lang, py=python, file=path, own=own.name))
        # A column made before requirements-gecolumn.txt existed: its CI would install no gecolumn.
        for ci in (".github/workflows/chuyen-muc.yml", ".gitlab-ci.yml"):
            try:
                stale = own.name not in (path.parent / ci).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if stale:
                print(label("upgrade_ci_file", lang, ci=ci, own=own.name))
    else:
        print(label("upgrade_next", lang, py=python, file=path))
    return ExitCode.OK
