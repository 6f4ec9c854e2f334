"""Fixtures: a tiny column site in ``tmp_path``, built from a few literal posts; the demo and Chromium, once.

Set-up that tests only read is shared: the demo is built once per session (per worker under
``pytest-xdist``), Chromium is launched once, and a module that reads one built column builds
it once in a module fixture. A test that changes its column (adds a post, rebuilds on another
day, edits ``mkdocs.yml``) makes its own with ``make_site``.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import http.server
import importlib
import io
import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no shared demo between xdist workers
    fcntl = None

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from gecolumn.config import ColumnConfig, read_column_config
from gecolumn.posts import Corpus, load_posts

ROOT = Path(__file__).resolve().parent.parent

# GECOLUMN_CHROMIUM names another binary (e.g. /usr/bin/chromium-browser on Ubuntu).
CHROMIUM = os.environ.get("GECOLUMN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
DEMO_TODAY = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
"""The day the browser and quality tests see the demo: a quarter missing, the current one in progress."""
DEMO_FOLDER = "binh-dang-gioi/"
"""The sub-folder of the demo's ``site_url``: the site is served where it is published, so the
404 page's absolute addresses resolve."""

IN_PROCESS_SCRIPTS = {
    "check_quarters.py": "gecolumn.commands.check",
    "new_post.py": "gecolumn.commands.new_post",
    "report.py": "gecolumn.commands.report",
    "district.py": "gecolumn.commands.district",
    "strip_photos.py": "gecolumn.commands.photos",
}
"""The shims of ``scripts/`` whose command's ``main(argv)`` :func:`run_python` calls in this process.

``package_site.py`` is not among them: its build is a child process writing to the real stderr,
which only a process of its own captures."""


def run_python(argv: list[str], *, env: dict[str, str], cwd: Path | str, stdin=None) -> subprocess.CompletedProcess:
    """``subprocess.run([sys.executable, *argv], capture_output=True, text=True)``, without starting an interpreter.

    A new Python costs 0.3 s (1 s with MkDocs) of import before the first line of a command:
    most of the suite's CPU. Here the command's ``main(argv)`` runs in this process with what
    a process of its own would have: exactly ``env`` as ``os.environ``, ``cwd``, ``sys.argv``,
    an empty non-terminal stdin, stdout and stderr in UTF-8 read back with universal newlines,
    the exit status from ``SystemExit`` or the return value, and an escaping exception printed
    as the interpreter prints it (exit 1). ``argv`` is a ``scripts/`` shim of
    :data:`IN_PROCESS_SCRIPTS`, ``-m gecolumn`` or ``-m mkdocs``; anything else (and a stdin
    other than none) runs in a real process. Tests that need the real entry point, a time
    limit or a memory limit start one themselves.
    """
    command = [str(part) for part in argv]
    if command[:2] == ["-m", "gecolumn"]:
        main, program = importlib.import_module("gecolumn.__main__").main, str(ROOT / "gecolumn" / "__main__.py")
    elif command[:2] == ["-m", "mkdocs"]:
        main, program = _mkdocs_main, "mkdocs"
    elif Path(command[0]).parent == ROOT / "scripts" and Path(command[0]).name in IN_PROCESS_SCRIPTS:
        main, program = importlib.import_module(IN_PROCESS_SCRIPTS[Path(command[0]).name]).main, command[0]
    else:
        main = None
    if main is None or stdin not in (None, subprocess.DEVNULL):
        return subprocess.run(
            [sys.executable, *command], capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, stdin=stdin
        )
    args = command[2:] if command[0] == "-m" else command[1:]
    out, err = io.BytesIO(), io.BytesIO()
    # Kept here: a wrapper closes its buffer when it goes, and the buffers are read at the end.
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    saved = (dict(os.environ), os.getcwd(), sys.argv, sys.stdin, sys.stdout, sys.stderr)
    mkdocs_logger = logging.getLogger("mkdocs")
    logger_state = (mkdocs_logger.level, mkdocs_logger.propagate, list(mkdocs_logger.handlers))
    try:
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        sys.argv = [program, *args]
        sys.stdin = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # /dev/null: empty, not a terminal
        sys.stdout, sys.stderr = stdout, stderr
        with warnings.catch_warnings():
            try:
                code = main(args)
            except SystemExit as exc:
                code = exc.code
            except Exception:
                traceback.print_exc()
                code = 1
        if not isinstance(code, int):  # sys.exit("message") prints it and exits 1, as Python does
            if code is not None:
                print(code, file=sys.stderr)
            code = 0 if code is None else 1
        sys.stdout.flush(), sys.stderr.flush()
    finally:
        os.environ.clear()
        os.environ.update(saved[0])
        os.chdir(saved[1])
        sys.argv, sys.stdin, sys.stdout, sys.stderr = saved[2:]
        mkdocs_logger.setLevel(logger_state[0])
        mkdocs_logger.propagate = logger_state[1]
        mkdocs_logger.handlers[:] = logger_state[2]
    read = functools.partial(io.TextIOWrapper, encoding="utf-8", newline=None)  # as subprocess's text=True reads
    return subprocess.CompletedProcess(
        [sys.executable, *command], code, read(io.BytesIO(out.getvalue())).read(), read(io.BytesIO(err.getvalue())).read()
    )


def _mkdocs_main(args: list[str]) -> int:
    """``mkdocs …`` as its console script runs it, leaving no state behind for the next build of this process."""
    from mkdocs import __main__ as mkdocs_cli
    from mkdocs.commands import build

    mkdocs_cli.ColorFormatter.text_wrapper.width = 0  # a pipe: no wrapping, whatever terminal pytest runs in
    filters = list(build.log.filters)
    try:
        return mkdocs_cli.cli.main(args, prog_name="mkdocs", standalone_mode=True)
    finally:
        build.log.filters[:] = filters  # each `mkdocs build` adds a filter that drops messages it has seen


ONE_UNIT = {"start": "2024-Q1", "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}}}


def post(title="Bình đẳng giới trong trường học", date="08/03/2024", quarter="2024-Q1", body="Nội dung.", **fields) -> str:
    """The text of a post file with these front-matter fields (``None`` leaves one out)."""
    values = {"title": title, "date": date, "quarter": quarter, **fields}
    lines = [f"{key}: {value}" for key, value in values.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


@functools.cache
def photo(kind: str = "JPEG", size: tuple[int, int] = (64, 48)) -> bytes:
    """A real, tiny image file (the build re-encodes photos: fake bytes are refused)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 60, 30)).save(buffer, kind)
    return buffer.getvalue()


class Site:
    """A column folder: ``mkdocs.yml``, ``docs/``, ``posts/``."""

    def __init__(self, root: Path, column: dict, extra_config: dict | None = None):
        self.root = root
        self.posts = root / "posts"
        self.posts.mkdir(parents=True, exist_ok=True)
        (root / "docs").mkdir(exist_ok=True)
        (root / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
        self.write_config(column, extra_config)

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def write_config(self, column: dict, extra_config: dict | None = None) -> None:
        config = {
            "site_name": "Chuyên mục thử",
            "site_url": "https://thcs-baokhe.edu.vn/binh-dang-gioi/",
            "theme": {"name": "material", "language": "vi", "font": False},
            "plugins": [{"search": {"lang": "vi"}}],
            "hooks": [str(ROOT / "hooks" / "column.py")],
            "extra": {"column": column},
        }
        config.update(extra_config or {})
        self.config.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def add(self, path: str, content: str | bytes) -> Path:
        target = self.posts / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        target.write_bytes(content)
        return target

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def build(
        self,
        *args: str,
        today: str = "2024-11-22",
        env: dict | None = None,
        timeout: float | None = None,
        process: bool = False,
    ) -> subprocess.CompletedProcess:
        """``mkdocs build`` as a staff member runs it, on the day ``today`` (via SOURCE_DATE_EPOCH).

        In this process (:func:`run_python`), unless a ``timeout`` is given or ``process`` asks
        for a process of its own: only a process can be stopped, or measured, apart.
        """
        noon = datetime.datetime.fromisoformat(f"{today}T12:00:00+07:00")
        environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
        environment.update(SOURCE_DATE_EPOCH=str(int(noon.timestamp())), NO_MKDOCS_2_WARNING="1")
        environment.update(env or {})
        command = ["-m", "mkdocs", "build", "-f", str(self.config), *args]
        if timeout is None and not process:
            return run_python(command, env=environment, cwd=self.root)
        return subprocess.run(
            [sys.executable, *command],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=environment,
            cwd=self.root,
            timeout=timeout,
        )

    def html(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.site_dir / path).read_text(encoding="utf-8"), "html.parser")

    def check(self, *args: str, env: dict | None = None, process: bool = False) -> subprocess.CompletedProcess:
        """Run the CI command on this site as CI does (in this process, see :func:`run_python`, unless ``process``)."""
        environment = {
            k: v
            for k, v in os.environ.items()
            if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "SOURCE_DATE_EPOCH", "GITHUB_STEP_SUMMARY")
        }
        environment.update(env or {})
        command = [str(ROOT / "scripts" / "check_quarters.py"), "-f", str(self.config), *args]
        if not process:
            return run_python(command, env=environment, cwd=self.root)
        return subprocess.run(
            [sys.executable, *command], capture_output=True, text=True, encoding="utf-8", env=environment, cwd=self.root
        )


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Site]:
    made = []

    def make(column: dict | None = None, **extra_config) -> Site:
        made.append(None)
        return Site(tmp_path / f"site-{len(made)}", column or ONE_UNIT, extra_config)

    return make


@pytest.fixture
def read_column(make_site) -> Callable[..., tuple[Corpus, ColumnConfig]]:
    """Write literal posts into a fresh column and read them as every build does: ``(corpus, config)``.

    ``files`` maps a path under ``posts/`` to its text (see :func:`post`) or bytes; the
    settings must be valid. No MkDocs runs: this is the input of the site plan, the
    coverage and the report.
    """

    def read(files: dict[str, str | bytes], column: dict | None = None, today: datetime.date | None = None):
        column = column or ONE_UNIT
        site = make_site(column)
        for path, content in files.items():
            site.add(path, content)
        config, problems = read_column_config({"column": column})
        assert config is not None and not problems, problems
        return load_posts(site.posts, config, today=today), config

    return read


def require_tool(what: str, present: bool, how: str, tests: str = "these tests") -> None:
    """Skip when a browser, checker or server the tests need is missing; fail under CI, which must run them."""
    if present:
        return
    message = f"{what} not found: {tests} SKIPPED. {how}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must run them: .ci/run installs it)")
    pytest.skip(message)


def require_chromium() -> None:
    """Skip (fail under CI) when Debian's Chromium is not installed."""
    require_tool(
        f"Chromium ({CHROMIUM})", Path(CHROMIUM).is_file(), "Install Debian's package: apt-get install chromium", "browser tests"
    )


def free_port() -> int:
    """A port of 127.0.0.1 free now, for a server the test starts (decap-server, nginx)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session; each test opens its own context in it."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Flags keep Chromium from reaching out to the network it does not have here.
        flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[*flags, "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


QUIET_SECONDS = 0.15
"""How long no request may be in flight before :func:`settled` takes a page's network as done."""


@contextlib.contextmanager
def settled(page, timeout: float = 30) -> Iterator[None]:
    """Wait, after the block (a ``goto``, a click that navigates), until no request of ``page`` has been in flight for :data:`QUIET_SECONDS`.

    Playwright's ``wait_until="networkidle"`` waits for 500 ms without a request, on every
    page: a fixed half-second per visit, most of the browser tests' time. This waits as long
    as requests go on (Material's fetches, lazy photos, fonts) and a short quiet after them.
    """
    in_flight, last = set(), time.monotonic()

    def started(request):
        nonlocal last
        in_flight.add(request)
        last = time.monotonic()

    def ended(request):
        nonlocal last
        in_flight.discard(request)
        last = time.monotonic()

    events = {"request": started, "requestfinished": ended, "requestfailed": ended}
    for event, listener in events.items():
        page.on(event, listener)
    try:
        yield
        deadline = time.monotonic() + timeout
        while in_flight or time.monotonic() - last < QUIET_SECONDS:
            if time.monotonic() > deadline:
                raise AssertionError(f"still loading after {timeout} s: {sorted(request.url for request in in_flight)}")
            page.wait_for_timeout(25)
    finally:
        for event, listener in events.items():
            page.remove_listener(event, listener)


def goto_settled(page, url: str) -> None:
    """``page.goto(url)``, returning once the page and whatever it fetched have loaded (:func:`settled`)."""
    with settled(page):
        page.goto(url)


@contextlib.contextmanager
def serving(
    directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = http.server.SimpleHTTPRequestHandler
) -> Iterator[str]:
    """Serve ``directory`` over HTTP on a free port of localhost; yields ``http://127.0.0.1:PORT``."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo column built once as on 22/11/2026, into ``…/binh-dang-gioi/``: tests only read it.

    Under pytest-xdist the workers of one run share it: the first to need it builds it while
    the others wait on a lock (where there is no ``fcntl``, each worker builds its own).
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None:
        root = root.parent  # the run's folder, above each worker's own
    site_dir = root / "demo" / DEMO_FOLDER
    built = root / "demo" / "built"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(root / "demo.lock", "w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.is_file():
            env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(DEMO_TODAY.timestamp())), "NO_MKDOCS_2_WARNING": "1"}
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir)]
            subprocess.run(command, check=True, env=env)
            built.touch()
    return site_dir


@pytest.fixture(autouse=True)
def _no_proxy_from_the_machine(monkeypatch):
    """The district monitor honours the *_PROXY variables: a developer's own proxy must not carry the tests' 127.0.0.1 traffic."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
