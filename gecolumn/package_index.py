"""A district's package index for gecolumn: a static PEP 503 "simple" folder, written and read.

``scripts/release.py`` writes it (:func:`write_index`): ``simple/index.html``,
``simple/gecolumn/index.html`` linking each wheel and sdist with ``#sha256=…``, the files
beside it, and ``simple/gecolumn/requirements-<version>.txt``: that release's pins of the
build (``gecolumn/build.lock``) plus gecolumn's own hashes. A district publishes the folder on
GitHub/GitLab Pages or any web server; ``gecolumn new --index`` and ``gecolumn upgrade`` read
it (:func:`published`).

>>> a, c = "a" * 64, "c" * 64
>>> versions_on(f'<a href="gecolumn-0.2.0-py3-none-any.whl#sha256={a}">x</a><a href="gecolumn-0.10.0.tar.gz#sha256={c}">y</a>')
{'0.2.0': ('sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',), '0.10.0': ('sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',)}
>>> versions_on('<a href="gecolumn-0.2.0.tar.gz#sha256=ab&#10;--index-url http://x/">x</a>')  # not a hash: no line of its own
{}
>>> newest(["0.2.0", "0.10.0", "0.9.1"])
'0.10.0'
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from gecolumn.pins import Pin, read_pins, write_requirements
from gecolumn.problems import Problem

PROJECT = "gecolumn"
MAX_BYTES = 2_000_000
"""An index page or a requirements file larger than this is not one of ours."""
TIMEOUT = 20.0
DEADLINE = 60.0
"""Seconds a whole page may take: a server sending a byte a second never holds the command longer."""
_SHA256 = re.compile(r"sha256=([0-9a-f]{64})")
_FILE = re.compile(rf"^{PROJECT}-(\d[\w.+!]*?)(?:-py\d.*\.whl|\.tar\.gz)$")


class IndexUnusable(Exception):
    """The index cannot give what was asked; ``reason`` is a catalogue choice, ``params`` its values."""

    def __init__(self, reason: str, url: str, **params: object):
        super().__init__(reason, url)
        self.reason, self.url, self.params = reason, url, params

    def problem(self, file: str) -> Problem:
        """The finding ``index_unusable`` for a command working on ``file``."""
        return Problem(file, "index_unusable", params={"url": self.url, "reason": self.reason, **self.params})


def project_url(index: str) -> str:
    """gecolumn's page of the index ``index`` (``…/simple/`` → ``…/simple/gecolumn/``)."""
    return urljoin(index if index.endswith("/") else index + "/", f"{PROJECT}/")


def requirements_name(version: str) -> str:
    return f"requirements-{version}.txt"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def versions_on(page: str) -> dict[str, tuple[str, ...]]:
    """Version → the ``sha256:`` hashes of its files, from gecolumn's page of a PEP 503 index."""
    parser = _Links()
    parser.feed(page)
    found: dict[str, list[str]] = {}
    for href in parser.hrefs:
        path, _, fragment = href.partition("#")
        name = unquote(urlsplit(path).path.rsplit("/", 1)[-1])
        match = _FILE.match(name)
        digest = _SHA256.fullmatch(fragment)
        if match and digest:  # anything else in the fragment would reach the school's requirements.txt
            found.setdefault(match[1], []).append("sha256:" + digest[1])
    return {version: tuple(sorted(hashes)) for version, hashes in found.items()}


def newest(versions) -> str:
    """The highest of release versions ``X.Y.Z`` (numbers compared as numbers; a pre-release sorts first)."""
    return max(versions, key=newest_key)


def _get(url: str) -> str:
    import httpx  # only the commands that read an index pay for it

    try:
        with httpx.Client(timeout=TIMEOUT, follow_redirects=True) as client, client.stream("GET", url) as response:
            if response.status_code != 200:
                raise IndexUnusable("status", url, status=response.status_code)
            body = b""
            end = time.monotonic() + DEADLINE
            for chunk in response.iter_bytes():
                body += chunk
                if time.monotonic() > end:
                    raise IndexUnusable("unreachable", url, problem=f"> {DEADLINE:.0f} s")
                if len(body) > MAX_BYTES:
                    raise IndexUnusable("too_big", url, limit=MAX_BYTES)
    except httpx.HTTPError as exc:
        raise IndexUnusable("unreachable", url, problem=type(exc).__name__) from exc
    return body.decode("utf-8", "replace")


def published(index: str, version: str | None = None) -> tuple[str, tuple[Pin, ...]]:
    """``(version, pins)`` of a release on ``index`` (its newest when ``version`` is ``None``), gecolumn's hashes as its page lists them."""
    page = project_url(index)
    versions = versions_on(_get(page))
    if not versions:
        raise IndexUnusable("no_release", page)
    chosen = version or newest(versions)
    if chosen not in versions:
        raise IndexUnusable("no_version", page, version=chosen, known=", ".join(sorted(versions, key=newest_key)))
    pins = [pin for pin in read_pins(_get(urljoin(page, requirements_name(chosen)))) if pin.name != PROJECT]
    return chosen, (*pins, Pin(PROJECT, chosen, versions[chosen]))


def newest_key(version: str) -> list[int]:
    """The order of release versions: ``0.10.0`` after ``0.9.1``."""
    return [int(part) if part.isdigit() else -1 for part in re.split(r"[.+!-]", version)]


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_index(root: Path, distributions: list[Path], version: str, build_pins: list[Pin]) -> Path:
    """Add ``distributions`` (wheel, sdist) of ``version`` to the index in ``root``; rewrite its pages. Returns ``root/simple``."""
    project = root / "simple" / PROJECT
    project.mkdir(parents=True, exist_ok=True)
    own = []
    for dist in distributions:
        target = project / dist.name
        if not target.exists():  # a published file never changes: schools' requirements.txt hold its hash
            shutil.copyfile(dist, target)
        own.append("sha256:" + sha256(target))
    pins = [pin for pin in build_pins if pin.name != PROJECT] + [Pin(PROJECT, version, tuple(own))]
    header = f"# gecolumn {version} and every package of its build, as tested (written by scripts/release.py)."
    (project / requirements_name(version)).write_text(write_requirements(pins, header=header), encoding="utf-8")
    files = sorted(path for path in project.iterdir() if _FILE.match(path.name))
    links = "".join(
        f'<a href="{html.escape(path.name)}#sha256={sha256(path)}">{html.escape(path.name)}</a><br>\n' for path in files
    )
    (project / "index.html").write_text(_page(f"Links for {PROJECT}", links), encoding="utf-8")
    (root / "simple" / "index.html").write_text(_page("Simple index", f'<a href="{PROJECT}/">{PROJECT}</a>\n'), encoding="utf-8")
    return root / "simple"


def _page(title: str, body: str) -> str:
    return f'<!DOCTYPE html>\n<html><head><meta name="pypi:repository-version" content="1.0"><title>{title}</title></head>\n<body>\n{body}</body></html>\n'
