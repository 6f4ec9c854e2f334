"""``gecolumn-package``: build the column with --strict and pack it as one zip for a portal that takes uploaded files.

    gecolumn-package [-f mkdocs.yml] [--output dist]

Also ``python -m gecolumn package …`` and ``python scripts/package_site.py …``. Writes
dist/<school>-<YYYY-MM-DD>.zip (the site's files at the zip's root, ready to unpack into
the portal's sub-folder) and dist/<same>.zip.sha256 (`sha256sum -c` format). Exit 1 when
the strict build fails: a missing quarter or an invalid post is fixed before publishing.
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import os
import subprocess
import tempfile
import zipfile
from pathlib import Path

from gecolumn.commands import refuse, require_column, run, today_problem
from gecolumn.commands._options import command_parser, common_options, helps
from gecolumn.dates import BadToday
from gecolumn.engine import QUIET, build_command
from gecolumn.problems import Problem
from gecolumn.slugs import slug_of


def main(argv: list[str] | None = None) -> int:
    """Build the site strictly, zip it with its checksum, and print the two paths."""
    return run("package_site", _parser, _package, argv)


def _parser(lang: str) -> argparse.ArgumentParser:
    parser = command_parser("package_site", "package", lang)
    common_options(parser, lang)
    parser.add_argument("--output", default="dist", help=helps("package", lang)("output"))
    return parser


def _package(args: argparse.Namespace) -> int:
    lang = args.lang
    config_path = Path(args.config).resolve()
    opened = require_column(config_path, lang)
    if opened is None:
        return 2
    column = opened.config
    try:
        today = opened.today().date  # the day the build judges on names the zip
    except BadToday as exc:
        return refuse(today_problem(exc), lang)
    school = column.default_unit.id if column.default_unit else slug_of(opened.mkdocs_config["site_name"]) or "chuyen-muc"
    output = Path(args.output)
    if output.exists() and not output.is_dir():  # say so before a build of several minutes, not after
        return _unwritable(output, OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)), lang)

    with tempfile.TemporaryDirectory(prefix="gecolumn-site-") as site_dir:
        build = subprocess.run(
            build_command("mkdocs", "--strict", "-f", str(config_path), "-d", site_dir),
            env={**os.environ, **QUIET, "GECOLUMN_LANG": lang},  # the build speaks as we do, and only that
        )
        if build.returncode != 0:
            refuse(Problem("", "package_build_failed"), lang)
            return 1
        archive = output / f"{school}-{today.isoformat()}.zip"
        try:
            output.mkdir(parents=True, exist_ok=True)
            _zip(Path(site_dir), archive, today)
            digest = hashlib.sha256(archive.read_bytes()).hexdigest()
            checksum = archive.with_name(archive.name + ".sha256")
            checksum.write_text(f"{digest}  {archive.name}\n", encoding="ascii")
        except OSError as exc:
            return _unwritable(output, exc, lang)
    print(archive.as_posix())
    print(checksum.as_posix())
    return 0


def _unwritable(output: Path, exc: OSError, lang: str) -> int:
    params = {"problem": exc.strerror or str(exc), "example": "--output dist"}
    return refuse(Problem(str(output), "output_unwritable", "--output", params=params), lang)


def _zip(site_dir: Path, archive: Path, day) -> None:
    """Every file of the site, in a stable order with the build day as every file's time."""
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(site_dir).as_posix(), stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())
