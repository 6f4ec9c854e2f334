"""Pins: every package a column's build installs, at the version the release was tested with, with its hashes.

``gecolumn/build.lock`` (shipped in the package) holds the build's packages at the versions of
the repository's ``requirements.lock``, each with the SHA-256 of every file PyPI has for it
(wheels for Windows, macOS and Linux, and the sdist), so ``pip install --require-hashes``
installs the same bytes on a school's computer and on CI, and a look-alike file from another
index cannot match. A school's ``requirements.txt`` is written from it by ``gecolumn new`` and
rewritten by ``gecolumn upgrade``, always in one layout: one package a line, sorted, one hash a
line, so an upgrade's diff reads as the list of what changed. Without the district's index
gecolumn's own line (a git revision, which has no file hash) goes in a file of its own,
:data:`GECOLUMN_REQUIREMENTS`, installed after with ``--no-deps``: pip checks hashes for every
line of an install or for none.

>>> pins = read_pins("b==2 \\\\\\n    --hash=sha256:22\\n# a comment\\nA_x==1.0 --hash=sha256:11\\n")
>>> [(pin.name, pin.version, pin.hashes) for pin in pins]
[('b', '2', ('sha256:22',)), ('a-x', '1.0', ('sha256:11',))]
>>> print(write_requirements(pins, index="https://example.org/simple/"), end="")
--require-hashes
--extra-index-url https://example.org/simple/
<BLANKLINE>
a-x==1.0 \\
    --hash=sha256:11
b==2 \\
    --hash=sha256:22
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

BUILD_LOCK = "build.lock"
"""The file of the package that pins the build (made by ``scripts/release.py lock``)."""

GECOLUMN_REQUIREMENTS = "requirements-gecolumn.txt"
"""A column's second requirements file, when no index serves gecolumn: its one line (``gecolumn @ git+…@<commit>``).

CI installs it after ``requirements.txt``, with ``--no-deps``: every dependency is already
installed from the hashed file, and a full commit names gecolumn's content as a hash would.
"""

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([A-Za-z0-9.+!_-]+)\s*(.*)$")
_HASH = re.compile(r"--hash[=\s]+(sha256:[0-9a-f]{64}|sha256:\w+)")


@dataclass(frozen=True, order=True)
class Pin:
    """One package at one version, with the hashes of the files pip may install for it."""

    name: str
    """The normalised name (PEP 503): lower case, runs of ``-_.`` as one ``-``."""
    version: str
    hashes: tuple[str, ...] = ()

    def line(self) -> str:
        """The pin as ``requirements.txt`` lines: the package, then one sorted hash a line."""
        if not self.hashes:
            return f"{self.name}=={self.version}"
        return " \\\n    ".join([f"{self.name}=={self.version}", *(f"--hash={digest}" for digest in sorted(self.hashes))])


def normalised(name: str) -> str:
    """PEP 503's name: ``Pillow_HEIF`` → ``pillow-heif``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(text: str) -> list[Pin]:
    """The ``name==version`` lines of a requirements file (continuations joined), with their hashes; options and comments skipped."""
    pins = []
    for logical in re.sub(r"\\\r?\n", " ", text).splitlines():
        line = logical.split(" #", 1)[0].strip()
        found = _PIN.match(line)
        if found:
            pins.append(Pin(normalised(found[1]), found[2], tuple(_HASH.findall(found[3]))))
    return pins


def index_of(text: str) -> str | None:
    """The package index a requirements file names (``--extra-index-url`` or ``--index-url``), or ``None``."""
    found = re.search(r"^\s*--(?:extra-)?index-url[=\s]+(\S+)", text, re.MULTILINE)
    return found[1] if found else None


def write_requirements(
    pins: list[Pin], *, header: str = "", index: str | None = None, before: tuple[str, ...] = (), require_hashes: bool = False
) -> str:
    """A requirements file: ``header`` (comment lines), then the lines ``before`` the pins, then the pins sorted by name.

    With ``index`` (or ``require_hashes``) every pin must carry hashes and ``--require-hashes``
    leads (then ``--extra-index-url``). ``before`` holds a requirement pip reads as written
    (``gecolumn @ git+…``).
    """
    lines = [line for line in header.splitlines() if line]
    if index or require_hashes:
        lines.append("--require-hashes")
    if index:
        # --extra-index-url, not --index-url: the build's other packages come from PyPI, and the
        # hashes below refuse any file of another index, a look-alike gecolumn included.
        lines.append(f"--extra-index-url {index}")
    lines += before
    return "".join(line + "\n" for line in lines) + ("\n" if lines else "") + "".join(pin.line() + "\n" for pin in sorted(pins))


def build_pins() -> list[Pin]:
    """The build's packages as this release was tested with them (``gecolumn/build.lock``)."""
    return read_pins((resources.files("gecolumn") / BUILD_LOCK).read_text(encoding="utf-8"))
