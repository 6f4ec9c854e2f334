"""Release gecolumn without PyPI: a wheel, an sdist and a static package index a district can publish.

    python scripts/release.py                 # dist/index/simple/…: add this version to the index
    python scripts/release.py --out FOLDER    # another index folder (earlier releases in it stay)
    python scripts/release.py lock            # rewrite gecolumn/build.lock from requirements.lock

The index (PEP 503 "simple" layout, each file linked with ``#sha256=``, see
:mod:`gecolumn.package_index`) is plain files: publish the folder on GitHub/GitLab Pages or
any web server, and make columns with ``gecolumn new --index https://…/simple/``. Each
release also writes ``simple/gecolumn/requirements-<version>.txt``: gecolumn and every package
of its build with hashes, which ``gecolumn new`` and ``gecolumn upgrade`` copy into a school's
``requirements.txt``.

``lock`` needs pip-tools (``pip install pip-tools==7.6.2``, not a dependency of the column):
it resolves the package's dependencies at the versions of ``requirements.lock`` and collects the
hashes of every file PyPI has for each (every platform's wheels), then writes them in the
layout :func:`gecolumn.pins.write_requirements` keeps.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import _bootstrap  # noqa: F401  (with the system Python, runs this again with .venv)

from gecolumn import __version__
from gecolumn.package_index import write_index
from gecolumn.pins import BUILD_LOCK, build_pins, read_pins, write_requirements

ROOT = Path(__file__).resolve().parent.parent
LOCK_HEADER = (
    "# The packages of a column's build, at the versions of requirements.lock (what the release was\n"
    "# tested with), with the hashes of every file PyPI has for each. Made by `scripts/release.py lock`;\n"
    "# `gecolumn new` and `gecolumn upgrade` write a school's requirements.txt from it."
)


def build_distributions(out: Path) -> list[Path]:
    """The wheel and the sdist of this checkout, by setuptools' build backend (pinned in requirements.lock)."""
    for hook in ("build_wheel", "build_sdist"):  # a process each, as pip runs them: setuptools keeps state between the two
        backend = f"import sys; from setuptools import build_meta; build_meta.{hook}(sys.argv[1])"
        subprocess.run([sys.executable, "-c", backend, str(out)], check=True, cwd=ROOT, capture_output=True)
    return sorted(out.glob(f"gecolumn-{__version__}*"))


def release(index: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="gecolumn-release-") as out:
        distributions = build_distributions(Path(out))
        simple = write_index(index, distributions, __version__, build_pins())
    for dist in distributions:
        print((simple / "gecolumn" / dist.name).as_posix())
    return simple


def lock() -> None:
    compile_ = shutil.which("pip-compile")
    if compile_ is None:
        sys.exit("pip-compile not found: pip install pip-tools==7.6.2")
    with tempfile.TemporaryDirectory() as work:
        constraints = Path(work) / "tested.in"
        constraints.write_text(f"-c {ROOT / 'requirements.lock'}\n", encoding="utf-8")
        output = Path(work) / "build.lock"
        command = [compile_, "--quiet", "--generate-hashes", "--strip-extras", "--allow-unsafe", "--no-emit-index-url"]
        command += ["--no-emit-find-links", "-o", str(output), str(ROOT / "pyproject.toml"), str(constraints)]
        # Only PyPI's files count: a machine's own find-links or extra indexes would add hashes CI never sees.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")} | {"PIP_CONFIG_FILE": os.devnull}
        subprocess.run(command, check=True, cwd=ROOT, env=env)
        pins = read_pins(output.read_text(encoding="utf-8"))
    target = ROOT / "gecolumn" / BUILD_LOCK
    target.write_text(write_requirements(pins, header=LOCK_HEADER), encoding="utf-8")
    print(f"{target.relative_to(ROOT)}: {len(pins)} packages")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", nargs="?", choices=("index", "lock"), default="index")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "index", help="the index folder (default: dist/index)")
    args = parser.parse_args(argv)
    if args.action == "lock":
        lock()
    else:
        release(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
