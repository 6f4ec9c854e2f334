"""Set everything up and build, serve or test the column: the README's two commands.

    python scripts/dev.py site      # .venv from requirements.lock, then `mkdocs build`
    python scripts/dev.py serve     # same, then `mkdocs serve` on http://127.0.0.1:8000
    python scripts/dev.py test      # same, then the whole test suite on every core (extra args go to pytest;
                                    # -n 0 runs it in one process)
    python scripts/dev.py run SCRIPT [ARGS]  # same, then any script with the venv's Python

Needs only Python 3.11+ (on Windows: ``py scripts\\dev.py site``). The virtual environment
is rebuilt only when ``requirements.lock`` or ``pyproject.toml`` change. ``test`` and ``run``
also install the checkers pinned in ``package-lock.json`` (Nu HTML Checker, axe-core,
Lighthouse) into ``node_modules/`` with ``npm ci``, again only when the pins change;
without npm they are left out and the tests that need them say so (under CI they fail).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-from"
NODE_MODULES = ROOT / "node_modules"
NODE_STAMP = NODE_MODULES / ".installed-from"


def ensure_environment() -> None:
    """Create ``.venv`` and install the pinned dependencies and this package, if not done yet."""
    wanted = hashlib.sha256(b"".join((ROOT / name).read_bytes() for name in ("requirements.lock", "pyproject.toml"))).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print(f"==> setting up {VENV.relative_to(ROOT)} from requirements.lock", flush=True)
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "install", "-r", str(ROOT / "requirements.lock")], check=True)
    # No build isolation: setuptools comes pinned from the lock, so nothing unpinned is fetched.
    subprocess.run([*pip, "install", "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)
    STAMP.write_text(wanted)


def ensure_checkers() -> None:
    """Install the npm checkers pinned in ``package-lock.json`` into ``node_modules/``, if not done yet."""
    wanted = hashlib.sha256(b"".join((ROOT / name).read_bytes() for name in ("package.json", "package-lock.json"))).hexdigest()
    if NODE_STAMP.exists() and NODE_STAMP.read_text().strip() == wanted:
        return
    npm = shutil.which("npm")
    if npm is None:
        print("==> npm not found: the HTML, accessibility and search checkers are not installed (Node.js 18+)", file=sys.stderr)
        return
    print("==> installing the checkers from package-lock.json (npm ci)", flush=True)
    # --ignore-scripts: vnu-jar's install script downloads a Java runtime from outside the
    # registry; the machine's own Java runs vnu.jar, and no other pinned package needs a script.
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True)
    NODE_STAMP.write_text(wanted)


def in_parallel(pytest_args: list[str]) -> list[str]:
    """pytest-xdist's options for one worker per core, unless the arguments choose (``-n 0``: one process).

    ``loadscope`` gives each worker whole modules, so a column a module's tests share is built
    once, not once per worker. (``loadgroup`` would not help: with pytest 9.2 it silently stops
    grouping, pytest-xdist issue 1386.)
    """
    if any(arg.startswith(("-n", "--numprocesses", "--dist")) or arg == "no:xdist" for arg in pytest_args):
        return []
    return ["-n", "auto", "--dist", "loadscope"]


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (this runs on whatever Python the newcomer has)
        print("Python 3.11 or newer is needed / Cần Python 3.11 trở lên.", file=sys.stderr)
        return 2
    if not argv or argv[0] not in {"site", "serve", "test", "run"}:
        print(__doc__, file=sys.stderr)
        return 2
    ensure_environment()
    command, rest = argv[0], argv[1:]
    if command in {"test", "run"}:  # the tests and the benchmarks use them; a site build does not
        ensure_checkers()
    if command == "site":
        args = ["-m", "mkdocs", "build", *rest]
    elif command == "serve":
        args = ["-m", "mkdocs", "serve", *rest]
    elif command == "test":
        args = ["-m", "pytest", *in_parallel(rest), *rest]
    else:
        args = rest
    # Material prints a banner about MkDocs 2 on every build; staff have nothing to do about it.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(PYTHON), *args], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
