"""A column outlives its engine and installs the same everywhere (issue 23).

ProperDocs builds the demo to the site MkDocs builds; a new column builds without an English
banner; its ``requirements.txt`` pins every package of the build as the suite tested them, with
hashes (gecolumn's own from the district's index, or by its git commit in a second file), and
``gecolumn upgrade`` rewrites them readably; a release is
installed from a served index into a fresh environment; nginx serves the built site right.
"""

from __future__ import annotations

import difflib
import http.server
import json
import os
import re
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest
from conftest import DEMO_FOLDER, DEMO_TODAY, ROOT, run_python, serving

from gecolumn import __version__, package_index
from gecolumn.package_index import IndexUnusable, write_index
from gecolumn.pins import build_pins, normalised, read_pins

SCHOOL = ["--school", "Trường THCS Bảo Khê", "--unit", "thcs-bao-khe", "--url", "https://thcs-baokhe.edu.vn/binh-dang-gioi/"]
BANNERS = ("end of life", "Zensical", "ProperDocs", "MkDocs may break", "NO_MKDOCS_2_WARNING")
"""What Material's end-of-life notice and ProperDocs' notice say: none of it may reach staff."""
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def staff_environment(**extra: str) -> dict[str, str]:
    """The environment of a staff member's terminal: none of the variables that silence the banners."""
    drop = ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING", "PYTHONPATH", "LANG", "LC_ALL", "VIRTUAL_ENV")
    epoch = str(int(DEMO_TODAY.timestamp()))
    return {**{k: v for k, v in os.environ.items() if k not in drop}, "SOURCE_DATE_EPOCH": epoch, **extra}


def new_column(where: Path, *args: str) -> subprocess.CompletedProcess:
    return run_python(["-m", "gecolumn", "new", *args], cwd=where, env=staff_environment())


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


# --- the engine ---------------------------------------------------------------------------


def test_properdocs_builds_the_demo_strictly_to_the_site_mkdocs_builds(demo_site, tmp_path):
    site = tmp_path / DEMO_FOLDER
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    built = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=staff_environment())
    # On the demo's day three quarters have no post: --strict refuses the site for that, and for
    # nothing else (no warning of the engine's own), after writing every file.
    warnings = [line for line in built.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 3 and all("chưa có bài tuyên truyền nào" in line for line in warnings), built.stderr
    assert built.returncode == 1 and "Aborted with 3 warnings in strict mode" in built.stdout + built.stderr
    assert not [banner for banner in BANNERS if banner in built.stdout + built.stderr]
    by_mkdocs, by_properdocs = files_of(demo_site), files_of(site)
    assert sorted(by_properdocs) == sorted(by_mkdocs) and len(by_mkdocs) > 100
    # Every file is the same but the generator tag of the pages (it names the engine).
    differ = [name for name in by_mkdocs if GENERATOR.sub(b"", by_mkdocs[name]) != GENERATOR.sub(b"", by_properdocs[name])]
    assert differ == []
    assert b"ProperDocs" in by_properdocs["index.html"] and b"ProperDocs" not in by_mkdocs["index.html"]


def _readme_command(column: Path, verb: str) -> list[str]:
    """The command of the column's README that runs ``verb`` (``build``), as staff type it."""
    readme = (column / "README.md").read_text(encoding="utf-8")
    [line] = [line for line in readme.splitlines() if re.match(rf"^python -m \w+ {verb}\b", line)]
    return line.split("#")[0].split()


def test_a_new_column_builds_as_its_readme_says_without_an_english_banner(tmp_path):
    assert new_column(tmp_path, "cot", *SCHOOL, "--start", "2026-Q4", "--no-build").returncode == 0
    column = tmp_path / "cot"
    command = _readme_command(column, "build")
    assert command[:3] == ["python", "-m", "properdocs"]  # the default engine of new columns
    built = subprocess.run(
        [sys.executable, *command[1:]], cwd=column, capture_output=True, text=True, encoding="utf-8", env=staff_environment()
    )
    assert built.returncode == 0, built.stderr
    assert not [banner for banner in BANNERS if banner in built.stdout + built.stderr], built.stderr
    assert (column / "site/index.html").is_file()


def test_a_column_that_picks_mkdocs_builds_quietly_in_its_ci(tmp_path):
    import yaml

    made = new_column(tmp_path, "cot", *SCHOOL, "--start", "2026-Q4", "--no-build", "--engine", "mkdocs")
    assert made.returncode == 0, made.stderr
    column = tmp_path / "cot"
    workflow = yaml.safe_load((column / ".github/workflows/chuyen-muc.yml").read_text(encoding="utf-8"))
    [step] = [step for step in workflow["jobs"]["build"]["steps"] if "build" in step.get("run", "")]
    assert step["run"] == "python -m mkdocs build -f mkdocs.yml"  # the one line that picks the engine
    gitlab = yaml.safe_load((column / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert [line for line in gitlab["pages"]["script"] if " build " in line] == ["python -m mkdocs build -f mkdocs.yml -d public"]
    assert {k: str(v) for k, v in gitlab["variables"].items()}.items() >= step["env"].items()  # GitLab is as quiet
    built = subprocess.run(
        [sys.executable, *step["run"].split()[1:]],
        cwd=column,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=staff_environment(**step["env"]),
    )
    assert built.returncode == 0, built.stderr
    assert not [banner for banner in BANNERS if banner in built.stdout + built.stderr], built.stderr


# --- pins ----------------------------------------------------------------------------------


def test_the_shipped_build_lock_pins_the_tested_version_of_every_package_the_build_installs():
    tested = {normalised(pin.name): pin.version for pin in read_pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))}
    pins = build_pins()
    assert pins and all(pin.hashes for pin in pins)
    assert {pin.name: pin.version for pin in pins} == {pin.name: tested[pin.name] for pin in pins}
    # Every package gecolumn (and so the build) requires is pinned, the engines among them.
    from importlib import metadata

    required = {normalised(re.split(r"[\s<>=!~;\[(]", line, maxsplit=1)[0]) for line in metadata.requires("gecolumn") or ()}
    extras = {
        normalised(re.split(r"[\s<>=!~;\[(]", line, maxsplit=1)[0])
        for line in metadata.requires("gecolumn")
        if "extra ==" in line
    }
    assert (required - extras) <= {pin.name for pin in pins}
    assert {"mkdocs", "properdocs", "mkdocs-material"} <= {pin.name for pin in pins}


GIT_COMMIT = "3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a"
FROM_GIT = f"gecolumn @ git+https://git.pgd.example.edu.vn/pgd/gecolumn.git@{GIT_COMMIT}"


@pytest.fixture
def new_from_git(tmp_path, monkeypatch, capsys):
    """``gecolumn new`` run in-process by a gecolumn pip installed from a git forge at a branch (PEP 610's record)."""
    from importlib import metadata

    from gecolumn import newcolumn
    from gecolumn.__main__ import main as gecolumn

    direct = {
        "url": "https://git.pgd.example.edu.vn/pgd/gecolumn.git",
        "vcs_info": {"vcs": "git", "requested_revision": "main", "commit_id": GIT_COMMIT},
    }
    real = metadata.distribution

    class FromGit:
        def __init__(self, name):
            self.installed = real(name)

        def read_text(self, name):
            return json.dumps(direct) if name == "direct_url.json" else self.installed.read_text(name)

    monkeypatch.setattr(metadata, "distribution", lambda name: FromGit(name) if name == "gecolumn" else real(name))
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # the command wraps stdout for `| head`: put it back after
    monkeypatch.chdir(tmp_path)
    newcolumn.default_requirement.cache_clear()

    def run(*argv: str) -> tuple[int, str]:
        status = gecolumn(list(argv))
        out, err = capsys.readouterr()
        return status, out + err

    yield run
    newcolumn.default_requirement.cache_clear()


def _parsed(path: Path) -> list:
    """The requirements of a file as pip itself reads them."""
    import warnings

    from pip._internal.network.session import PipSession
    from pip._internal.req.req_file import parse_requirements

    with warnings.catch_warnings():  # pip's own use of pkg_resources
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed = list(parse_requirements(str(path), session=PipSession()))
    for req in parsed:
        req.requirement = req.requirement.strip()  # the spaces before a line's continuation
    return parsed


def test_a_column_from_a_git_revision_pins_every_package_with_hashes_and_gecolumn_by_its_commit(tmp_path, new_from_git):
    import yaml

    status, said = new_from_git("new", "cot", *SCHOOL, "--no-build")
    assert status == 0, said
    column = tmp_path / "cot"
    # requirements.txt: every package of the build, as build.lock has it, each with its hashes, and nothing else.
    assert "--require-hashes" in (column / "requirements.txt").read_text(encoding="utf-8").splitlines()
    parsed = _parsed(column / "requirements.txt")
    assert all(re.fullmatch(r"[a-z0-9-]+==[\w.]+", req.requirement) for req in parsed)
    pinned = {normalised(req.requirement.split("==")[0]): req.requirement.split("==")[1] for req in parsed}
    assert pinned == {pin.name: pin.version for pin in build_pins()} and "gecolumn" not in pinned
    hashes = {
        normalised(req.requirement.split("==")[0]): {f"sha256:{h}" for h in req.options["hashes"]["sha256"]} for req in parsed
    }
    assert hashes == {pin.name: set(pin.hashes) for pin in build_pins()}
    # gecolumn alone in its own file, by its full commit (not the branch it was installed from).
    [own] = _parsed(column / "requirements-gecolumn.txt")
    assert own.requirement == FROM_GIT and re.search(r"@[0-9a-f]{40}$", own.requirement)
    assert [
        line
        for line in (column / "requirements-gecolumn.txt").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ] == [FROM_GIT]
    # CI, and the README's commands, install the hashed file, then gecolumn without its dependencies.
    first, then = "pip install -r requirements.txt", "pip install --no-deps -r requirements-gecolumn.txt"
    workflow = yaml.safe_load((column / ".github/workflows/chuyen-muc.yml").read_text(encoding="utf-8"))
    for job in ("check", "build"):
        runs = [step.get("run", "") for step in workflow["jobs"][job]["steps"]]
        assert runs.index(first) + 1 == runs.index(then), job
    gitlab = yaml.safe_load((column / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["before_script"][0] == first and then in gitlab["before_script"][1]
    readme = (column / "README.md").read_text(encoding="utf-8")
    installs = [line for line in readme.splitlines() if line.startswith("python -m pip install")]
    assert installs == [f"python -m {first}", f"python -m {then}"] * 2  # to install, and after an upgrade


def test_upgrade_rewrites_both_files_in_step_and_splits_a_column_made_before_them(tmp_path, monkeypatch, new_from_git):
    assert new_from_git("new", "cot", *SCHOOL, "--no-build")[0] == 0
    column = tmp_path / "cot"
    made = {name: (column / name).read_text(encoding="utf-8") for name in ("requirements.txt", "requirements-gecolumn.txt")}
    monkeypatch.chdir(column)
    status, said = new_from_git("upgrade")
    assert status == 0 and "0 gói đổi phiên bản" in said and "--no-deps -r requirements-gecolumn.txt" in said
    assert {name: (column / name).read_text(encoding="utf-8") for name in made} == made
    # A column made before: one file, gecolumn's git line and the others by version (one of them older); its CI installs that file only.
    old = [FROM_GIT, *(f"{pin.name}=={'0.0.1' if pin.name == 'nh3' else pin.version}" for pin in build_pins())]
    (column / "requirements.txt").write_text("\n".join(old) + "\n", encoding="utf-8")
    (column / "requirements-gecolumn.txt").unlink()
    gitlab = column / ".gitlab-ci.yml"
    gitlab.write_text(re.sub(r"(?m)^.*requirements-gecolumn.*\n", "", gitlab.read_text(encoding="utf-8")), encoding="utf-8")
    status, said = new_from_git("upgrade")
    assert status == 0, said
    assert {name: (column / name).read_text(encoding="utf-8") for name in made} == made
    assert "nh3: 0.0.1 → " in said and "gecolumn: - → " not in said
    assert "Lưu ý: .gitlab-ci.yml chưa cài requirements-gecolumn.txt" in said and ".github/workflows" not in said


def _fake_release(index: Path, version: str, bump: dict[str, str] | None = None) -> None:
    """A release of ``version`` in the index folder: a stand-in wheel, the build's pins (some bumped)."""
    wheel = index.parent / f"gecolumn-{version}-py3-none-any.whl"
    wheel.write_bytes(f"wheel {version}".encode())
    pins = [
        pin if pin.name not in (bump or {}) else type(pin)(pin.name, bump[pin.name], ("sha256:" + "0" * 64,))
        for pin in build_pins()
    ]
    write_index(index, [wheel], version, pins)


def test_a_column_made_from_the_district_index_pins_everything_with_hashes_and_upgrades_readably(tmp_path):
    index = tmp_path / "public" / "goi"
    index.mkdir(parents=True)
    _fake_release(index, __version__)
    with serving(tmp_path / "public") as server:
        url = f"{server}/goi/simple/"
        made = new_column(tmp_path, "cot", *SCHOOL, "--no-build", "--index", url)
        assert made.returncode == 0, made.stderr
        requirements = tmp_path / "cot/requirements.txt"
        first = requirements.read_text(encoding="utf-8")
        lines = first.splitlines()
        assert "--require-hashes" in lines and f"--extra-index-url {url}" in lines
        pins = read_pins(first)
        assert all(pin.hashes for pin in pins) and len(pins) == len(build_pins()) + 1
        [own] = [pin for pin in pins if pin.name == "gecolumn"]
        assert own.version == __version__ and own.hashes == (f"sha256:{_sha256(b'wheel ' + __version__.encode())}",)

        _fake_release(index, "99.0.0", bump={"nh3": "9.9.9"})
        upgraded = run_python(["-m", "gecolumn", "upgrade"], cwd=tmp_path / "cot", env=staff_environment())
        assert upgraded.returncode == 0, upgraded.stderr
        assert "gecolumn 99.0.0; 2 gói đổi phiên bản" in upgraded.stdout and "nh3: 0.3.8 → 9.9.9" in upgraded.stdout
        second = requirements.read_text(encoding="utf-8")
        # The diff is the two packages that changed, and nothing else: one package a line, sorted.
        changed = [line for line in difflib.unified_diff(first.splitlines(), second.splitlines(), n=0) if line[:1] in "+-"]
        changed = [line for line in changed if not line.startswith(("+++", "---"))]
        assert {re.sub(r"[=\s\\].*", "", line[1:]) for line in changed if "==" in line} == {"gecolumn", "nh3"}
        assert len(changed) <= 2 * (2 + len(own.hashes) + len(next(p for p in pins if p.name == "nh3").hashes))
        assert [pin.name for pin in read_pins(second)] == sorted(pin.name for pin in read_pins(second))

        missing = run_python(["-m", "gecolumn", "upgrade", "5.0.0"], cwd=tmp_path / "cot", env=staff_environment())
        assert missing.returncode == 2 and "không có gecolumn 5.0.0" in missing.stderr and "99.0.0" in missing.stderr
        assert requirements.read_text(encoding="utf-8") == second


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


@pytest.mark.slow
def test_a_release_installs_from_a_served_index_into_a_fresh_environment_with_hashes_and_builds(tmp_path):
    """The whole path: release.py's index on 127.0.0.1, a column from it, pip --require-hashes in a new venv, a build."""
    index = tmp_path / "public"
    released = subprocess.run(
        [sys.executable, str(ROOT / "scripts/release.py"), "--out", str(index)], capture_output=True, text=True, encoding="utf-8"
    )
    assert released.returncode == 0, released.stderr
    assert {Path(line).name for line in released.stdout.split()} == {
        f"gecolumn-{__version__}-py3-none-any.whl",
        f"gecolumn-{__version__}.tar.gz",
    }
    with serving(index) as server:
        made = new_column(tmp_path, "cot", *SCHOOL, "--no-build", "--index", f"{server}/simple/")
        assert made.returncode == 0, made.stderr
        column = tmp_path / "cot"
        venv.create(tmp_path / "venv")  # no pip of its own (3.5 s): this environment's pip installs into it
        python = tmp_path / "venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        # The usual registry for the other packages (pip's own cache is fine); gecolumn from the index only.
        # Without compiling every module of 62 packages ahead: the build compiles what it imports.
        pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-compile"]
        install = subprocess.run(
            [*pip, "--require-hashes", "-r", "requirements.txt"],
            cwd=column,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=staff_environment(),
        )
        assert install.returncode == 0, install.stderr[-3000:]
    built = subprocess.run(
        [str(python), *_readme_command(column, "build")[1:]],
        cwd=column,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=staff_environment(),
    )
    assert built.returncode == 0, built.stderr
    assert (column / "site/index.html").is_file() and (column / "site/pagefind/pagefind-entry.json").is_file()
    freeze = subprocess.run([*pip[:5], "freeze", "--all"], capture_output=True, text=True, check=True).stdout
    installed = {normalised(name): version for name, version in re.findall(r"(?m)^([\w.-]+)==(\S+)$", freeze)}
    assert installed["gecolumn"] == __version__
    assert all(installed[pin.name] == pin.version for pin in build_pins())


def test_an_index_page_cannot_write_lines_into_the_schools_requirements(tmp_path):
    # A link's fragment is the hash pip will check; a hostile index hid options after it.
    index = tmp_path / "public" / "goi"
    index.mkdir(parents=True)
    _fake_release(index, "9.9.9")
    page = index / "simple" / "gecolumn" / "index.html"
    wheel = "gecolumn-9.9.9-py3-none-any.whl"
    hostile = f'<a href="{wheel}#sha256={"a" * 64}&#10;--index-url http://127.0.0.1:9/&#10;-r http://127.0.0.1:9/x">w</a>'
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", hostile + "</body>"), encoding="utf-8")
    with serving(tmp_path / "public") as server:
        version, pins = package_index.published(f"{server}/goi/simple/")
    [own] = [pin for pin in pins if pin.name == "gecolumn"]
    assert version == "9.9.9" and all(re.fullmatch(r"sha256:[0-9a-f]{64}", digest) for digest in own.hashes)
    written = package_index.write_requirements(list(pins), index=f"{server}/goi/simple/")
    assert not [line for line in written.splitlines() if line.lstrip().startswith(("--index-url", "-r "))]


def test_an_index_that_sends_a_byte_at_a_time_is_given_up_at_its_deadline(tmp_path, monkeypatch):
    class Trickle(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            self.send_response(200)
            self.end_headers()
            for _ in range(40):  # 8 s in all, then the thread ends by itself
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.2)

        def log_message(self, *args):
            pass

    monkeypatch.setattr(package_index, "DEADLINE", 1.0)
    started = time.monotonic()
    with serving(tmp_path, Trickle) as server, pytest.raises(IndexUnusable):
        package_index.published(f"{server}/simple/")
    assert time.monotonic() - started < 3
