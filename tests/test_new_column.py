"""A school starts its own column with `gecolumn new` and upgrades it by changing one pin.

The first test is the whole path on an installed build of the package: a wheel built here,
installed in a fresh virtual environment (the source tree is not on its path), then a
newer wheel installed over it. The others run the command from this checkout.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, post, run_python

from gecolumn import __version__

TODAY = datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
EPOCH = str(int(TODAY.timestamp()))
SCHOOL = ["--school", "Trường THCS Bảo Khê", "--unit", "thcs-bao-khe", "--url", "https://thcs-baokhe.edu.vn/binh-dang-gioi/"]


def environment(**extra: str) -> dict[str, str]:
    drop = ("PYTHONPATH", "LANG", "LC_ALL", "GITHUB_STEP_SUMMARY", "VIRTUAL_ENV")
    return {
        **{k: v for k, v in os.environ.items() if k not in drop},
        "SOURCE_DATE_EPOCH": EPOCH,
        "NO_MKDOCS_2_WARNING": "1",
        **extra,
    }


def run(python: str | Path, *args: str, cwd: Path, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(python), *args], cwd=cwd, env=environment(), stdin=stdin, capture_output=True, text=True, encoding="utf-8"
    )


def new_column(tmp_path: Path, *args: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    """``python -m gecolumn new …`` (in this process, see ``run_python``, unless ``stdin`` is a terminal)."""
    return run_python(["-m", "gecolumn", "new", *args], cwd=tmp_path, env=environment(), stdin=stdin)


def tree(folder: Path) -> dict[str, str]:
    """Every file of a column folder that a school commits (not site/ or the photo cache), by hash."""
    skip = ("site/", ".cache/")
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.relative_to(folder).as_posix().startswith(skip)
    }


# --- the whole path, on an installed wheel --------------------------------------------------


def build_wheel(source: Path, out: Path, version: str | None = None, css_marker: str | None = None) -> Path:
    """A wheel of a copy of this package, optionally with another version and a changed stylesheet."""
    copy = out / f"src-{version or 'current'}"
    shutil.copytree(ROOT / "gecolumn", copy / "gecolumn", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "README.md", copy)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if version:
        pyproject = re.sub(r'(?m)^version = ".*"$', f'version = "{version}"', pyproject, count=1)
        css = copy / "gecolumn/theme/assets/stylesheets/column.css"
        css.write_text(css.read_text(encoding="utf-8") + f"\n/* {css_marker} */\n", encoding="utf-8")
    (copy / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    # The build backend pip calls, called directly (pip and its two hook processes cost 2 s
    # a wheel); setuptools is pinned in requirements.lock, nothing is downloaded.
    backend = "import sys; from setuptools import build_meta; build_meta.build_wheel(sys.argv[1])"
    subprocess.run([sys.executable, "-c", backend, str(out)], check=True, capture_output=True, cwd=copy)
    [wheel] = out.glob(f"gecolumn-{version or __version__}-*.whl")
    return wheel


def fresh_environment(where: Path) -> Path:
    """A new virtual environment that sees the pinned dependencies but not this checkout."""
    venv.create(where)  # no pip of its own (3.5 s): the test environment's pip installs into it, see install()
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], capture_output=True, text=True, check=True
    ).stdout.strip()
    # A path line, not a site dir: the test venv's .pth files (the editable install of this
    # checkout among them) are not run, so `gecolumn` can only come from the wheel.
    (Path(purelib) / "pinned-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return python


def install(python: Path, wheel: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--upgrade",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )


def test_a_column_made_by_an_installed_wheel_builds_strictly_takes_a_post_and_is_upgraded_by_a_newer_wheel(tmp_path):
    major, minor, patch = (int(part) for part in re.match(r"(\d+)\.(\d+)\.(\d+)", __version__).groups())
    newer = f"{major}.{minor}.{patch + 1}"
    first = build_wheel(ROOT, tmp_path / "dist")
    second = build_wheel(ROOT, tmp_path / "dist", version=newer, css_marker="nâng cấp thử")
    python = fresh_environment(tmp_path / "venv")
    install(python, first)
    where = run(python, "-c", "import gecolumn; print(gecolumn.__file__, gecolumn.__version__)", cwd=tmp_path)
    assert where.stdout.split() == [str(Path(where.stdout.split()[0])), __version__]
    assert Path(where.stdout.split()[0]).is_relative_to(tmp_path / "venv") and not Path(where.stdout.split()[0]).is_relative_to(
        ROOT
    )

    # A Windows staff member's folder name: diacritics and a space.
    made = run(python, "-m", "gecolumn", "new", "Trường Bảo Khê", *SCHOOL, "--start", "2026-Q4", cwd=tmp_path)
    assert made.returncode == 0, made.stdout + made.stderr
    column = tmp_path / "Trường Bảo Khê"
    assert "Đang dựng trang (--strict)" in made.stdout and "đủ bài các quý, không có lỗi" in made.stdout
    assert "Ba bước tiếp theo:" in made.stdout and "-m properdocs serve" in made.stdout and "new-post" in made.stdout
    assert f"gecolumn=={__version__}" in (column / "requirements-gecolumn.txt").read_text(encoding="utf-8").splitlines()
    assert "requirements-gecolumn.txt ghi 'gecolumn==" in made.stdout and "GitHub/GitLab không tới được" in made.stdout
    assert (column / "site/bai-viet/chao-mung-ban-den-voi-chuyen-muc/index.html").is_file()
    # The school's folder holds content and settings only: no templates, no package.
    assert not (column / "overrides").exists() and not (column / "gecolumn").exists()
    assert len((column / "hooks/column.py").read_text(encoding="utf-8").splitlines()) < 10

    added = run(python, "-m", "gecolumn", "new-post", "--title", "Ngày hội gia đình", "--date", "20/11/2026", cwd=column)
    assert added.returncode == 0, added.stderr
    new_post = column / "posts/2026/ngay-hoi-gia-dinh.md"
    new_post.write_text(new_post.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")  # as the guide says
    built = run(python, "-m", "mkdocs", "build", "--strict", cwd=column)
    assert built.returncode == 0, built.stderr
    assert (column / "site/bai-viet/ngay-hoi-gia-dinh/index.html").is_file()
    assert feedparser.parse(str(column / "site/rss.xml")).feed.generator == f"gecolumn {__version__}"
    before = tree(column)

    install(python, second)
    rebuilt = run(python, "-m", "mkdocs", "build", "--strict", cwd=column)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert tree(column) == before  # nothing in the school's folder was changed or needed changing
    feed = feedparser.parse(str(column / "site/rss.xml"))
    assert feed.feed.generator == f"gecolumn {newer}"
    assert {entry.title for entry in feed.entries} == {"Ngày hội gia đình"}  # the welcome post is no quarter's post
    css = (column / "site/assets/stylesheets/column.css").read_text(encoding="utf-8")
    assert "nâng cấp thử" in css  # the new version's theme, with no file copied


# --- the command ------------------------------------------------------------------------


def test_the_new_column_hook_is_the_one_this_repository_uses():
    shipped = (ROOT / "gecolumn/templates/new-column/hook.py").read_text(encoding="utf-8")
    assert (ROOT / "hooks/column.py").read_text(encoding="utf-8") == shipped


def test_new_asks_in_vietnamese_when_run_in_a_terminal_with_defaults_from_the_name(tmp_path):
    leader, follower = pty.openpty()
    # Name; Enter keeps the unit made from it; address; Enter keeps this quarter; Enter: no web editor.
    os.write(leader, "Trường Mầm non Hoa Sen\n\nhttps://mnhoasen.edu.vn/bdg\n\n\n".encode())
    result = new_column(tmp_path, "hoa-sen", "--no-build", stdin=follower)
    os.close(leader), os.close(follower)
    assert result.returncode == 0, result.stderr
    assert (
        "Tên trường (hoặc cơ quan)" in result.stdout
        and "Mã đơn vị (chữ thường không dấu) [truong-mam-non-hoa-sen]" in result.stdout
    )
    assert "Quý đầu tiên phải có bài [2026-Q4]" in result.stdout
    assert "Bật trình soạn bài trên trình duyệt (trang quan-tri/, cần Node.js)? (c/k) [k]" in result.stdout
    assert not (tmp_path / "hoa-sen/package.json").exists()
    settings = yaml.safe_load((tmp_path / "hoa-sen/mkdocs.yml").read_text(encoding="utf-8"))
    assert settings["site_url"] == "https://mnhoasen.edu.vn/bdg/"
    assert settings["extra"]["column"]["units"] == {"truong-mam-non-hoa-sen": {"name": "Trường Mầm non Hoa Sen"}}
    assert settings["extra"]["column"]["start"] == "2026-Q4" and settings["extra"]["column"]["version"] == 1


def test_new_without_a_terminal_names_every_missing_option_and_writes_nothing(tmp_path):
    result = new_column(tmp_path, "cot-moi", "--school", "Trường THCS Bảo Khê")
    assert result.returncode == 2
    assert "thiếu --url (ví dụ: --url https://thcs-baokhe.edu.vn/binh-dang-gioi/)" in result.stderr
    assert "--school" not in result.stderr.split("thiếu", 1)[1].split("\n")[0]  # the name was given; the unit comes from it
    assert not (tmp_path / "cot-moi").exists()


def test_new_refuses_a_folder_that_holds_files_and_leaves_them_alone(tmp_path):
    (tmp_path / "cu").mkdir()
    (tmp_path / "cu/mkdocs.yml").write_text("site_name: Cũ\n", encoding="utf-8")
    result = new_column(tmp_path, "cu", *SCHOOL)
    assert result.returncode == 2 and "thư mục cu đã có tệp; gecolumn new không ghi đè" in result.stderr
    assert (tmp_path / "cu/mkdocs.yml").read_text(encoding="utf-8") == "site_name: Cũ\n"


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        (
            "--unit",
            "Bảo Khê",
            "--unit 'Bảo Khê' không dùng được: mã đơn vị chỉ gồm chữ thường không dấu, số và '-', tối đa 60 ký tự. Cách sửa: dùng bao-khe",
        ),
        ("--url", "thcs-baokhe.edu.vn", "không phải địa chỉ thư mục http(s)://…/ của chuyên mục"),
        ("--start", "2027-Q1", "cần một quý từ 2000 đến quý này (2026-Q4)"),
        ("--start", "0001-Q1", "cần một quý từ 2000 đến quý này (2026-Q4)"),
        ("--url", 'https://x.vn/"><script>alert(1)</script>', "không phải địa chỉ thư mục http(s)://…/ của chuyên mục"),
        ("--url", "https://x.vn/bdg/?q=1#a", "bỏ phần sau ? hay #, ví dụ https://thcs-baokhe.edu.vn/bdg/"),
        ("--url", "https://user:mat-khau@x.vn/bdg/", "không phải địa chỉ thư mục"),
        ("--url", "https://x.vn/bdg/index.html", "không phải địa chỉ thư mục"),
        ("--url", "https://x.vn:99999/", "không phải địa chỉ thư mục"),
        ("--unit", "a" * 61, "tối đa 60 ký tự"),
        ("--requirement", "gecolumn==0.1.0\n--index-url https://evil.example/", "không phải một dòng cài gói gecolumn"),
        ("--requirement", "-e /home/x", "không phải một dòng cài gói gecolumn"),
        ("--start", "quý 1", "không đọc được quý. Cách sửa: viết như 2025-Q1"),
        ("--school", "Trường\nA", "cần một dòng chữ"),
    ],
)
def test_new_refuses_a_value_a_column_cannot_use_before_writing_anything(tmp_path, option, value, said):
    given = dict(zip(SCHOOL[::2], SCHOOL[1::2], strict=True)) | {option: value}
    result = new_column(tmp_path, "cot", *[f"{name}={part}" for name, part in given.items()])
    assert result.returncode == 2 and said in result.stderr, result.stderr
    assert not (tmp_path / "cot").exists()


def test_a_district_column_from_its_roster_has_a_unit_per_school_and_names_the_quarters_owed(tmp_path):
    roster = tmp_path / "truong.csv"
    roster.write_text(
        'unit,name,url,since\nthcs-a,Trường THCS A,https://a.edu.vn/,2026-Q2\nth-b,"Trường TH B, xã C",https://b.edu.vn/,\n',
        encoding="utf-8",
    )
    args = ["--school", "Phòng GD&ĐT huyện Văn Lâm", "--unit", "pgd-van-lam", "--url", "https://pgd.edu.vn/bdg/"]
    result = new_column(tmp_path, "phong", *args, "--start", "2026-Q3", "--units", str(roster))
    assert result.returncode == 0, result.stderr
    # A start in the past owes its quarters: built without --strict, and said first.
    assert "còn thiếu bài các quý Quý III/2026 (tính từ 2026-Q3)" in result.stdout
    assert "Viết bài cho các quý còn thiếu" in result.stdout
    column = yaml.safe_load((tmp_path / "phong/mkdocs.yml").read_text(encoding="utf-8"))["extra"]["column"]
    assert column["per_unit"] is True
    assert column["units"] == {
        "pgd-van-lam": {"name": "Phòng GD&ĐT huyện Văn Lâm"},
        "thcs-a": {"name": "Trường THCS A", "since": "2026-Q2"},
        "th-b": {"name": "Trường TH B, xã C"},
    }
    page = BeautifulSoup((tmp_path / "phong/site/don-vi/index.html").read_text(encoding="utf-8"), "html.parser")
    assert {"Trường THCS A", "Trường TH B, xã C"} <= {a.get_text(" ", strip=True) for a in page.select("a")}


def test_a_roster_with_a_bad_line_is_refused_and_nothing_is_written(tmp_path):
    roster = tmp_path / "truong.csv"
    roster.write_text("unit,name,url\nTHCS A,Trường THCS A,https://a.edu.vn/\n", encoding="utf-8")
    result = new_column(tmp_path, "phong", *SCHOOL, "--units", str(roster))
    assert result.returncode == 2 and "truong.csv:2" in result.stderr
    assert not (tmp_path / "phong").exists()


def test_a_name_with_quotes_markup_and_yaml_stays_text_in_the_settings_the_pages_and_the_feed(tmp_path):
    name = 'Trường "A": #1 <script>alert(1)</script> *đậm* [x](javascript:alert(2))'
    result = new_column(
        tmp_path, "cot", "--school", name, "--unit", "truong-a", "--url", "https://a.edu.vn/", "--start", "2026-Q4"
    )
    assert result.returncode == 0, result.stderr
    settings = yaml.safe_load((tmp_path / "cot/mkdocs.yml").read_text(encoding="utf-8"))
    assert settings["extra"]["column"]["school"] == name and settings["extra"]["column"]["units"]["truong-a"]["name"] == name
    site = tmp_path / "cot/site"
    for page in ("index.html", "bai-viet/chao-mung-ban-den-voi-chuyen-muc/index.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        assert not [s for s in soup.find_all("script") if "alert" in s.get_text()]
        assert not soup.select('a[href^="javascript"]')
        assert name in soup.select_one("article").get_text()
    feed = feedparser.parse(str(site / "rss.xml"))  # the welcome post is not in it (it is not a post of a quarter)
    assert feed.entries == [] and not feed.bozo
    xml = (site / "rss.xml").read_text(encoding="utf-8")  # the name is escaped text in the channel, not markup
    assert html.escape(name, quote=False) in xml and "<script>" not in xml
    assert "[x](javascript:alert(2))" in feed.feed.subtitle and "alert(1)" not in feed.feed.subtitle


# --- upgrades: the school's own files and old settings -------------------------------------


def test_the_school_custom_dir_wins_over_the_package_theme_and_each_shadowed_file_is_named(make_site):
    site = make_site(theme={"name": "material", "language": "vi", "font": False, "custom_dir": "overrides"})
    site.add("2024/bai.md", post())
    nav = site.root / "overrides/partials/nav.html"  # Material's, which the package does not ship
    nav.parent.mkdir(parents=True)
    nav.write_text('<nav class="nav-rieng" aria-label="Menu của trường"></nav>\n', encoding="utf-8")
    stale = site.root / "overrides/column/post.html"
    stale.parent.mkdir()
    stale.write_text('{% extends "main.html" %}{% block content %}<p class="ban-cu">mẫu cũ</p>{% endblock %}\n', encoding="utf-8")
    result = site.build("--strict", today="2024-03-20")
    assert result.returncode == 0, result.stderr  # a deliberate override is not an error
    page = site.html("bai-viet/binh-dang-gioi-trong-truong-hoc/index.html")
    assert page.select_one("p.ban-cu") and page.select_one("nav.nav-rieng")
    assert "overrides/column/post.html thay mẫu cùng tên của gecolumn" in result.stderr
    assert "nav.html" not in result.stderr  # Material's own template, not one the package ships
    assert site.html("index.html").select_one("link[href$='column.css']")  # the rest still from the package


def test_settings_written_for_a_newer_generator_say_to_upgrade_it(make_site):
    site = make_site({"version": 2, "start": "2024-Q1", "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}}})
    checked = site.check("--today", "2024-11-22")
    assert checked.returncode == 2
    assert (
        f"cài đặt ghi version: 2, nhưng gecolumn {__version__} đang cài chỉ đọc được tới phiên bản 1"
        in checked.stderr + checked.stdout
    )
    built = site.build()
    assert built.returncode != 0 and "nâng cấp gecolumn" in built.stderr


def test_a_hook_file_copied_from_an_old_generator_is_named_with_the_one_line_to_write(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    old = site.root / "hooks/column.py"
    old.parent.mkdir()
    old.write_text("from gecolumn.check import run_check\n\n\ndef on_config(config):\n    return config\n", encoding="utf-8")
    site.write_config(
        {"start": "2024-Q1", "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}}}, {"hooks": ["hooks/column.py"]}
    )
    checked = site.check("--today", "2024-11-22")
    assert "hooks/column.py là bản sao bộ sinh trang cũ" in checked.stdout + checked.stderr
    assert "from gecolumn.mkdocs_hook import *" in checked.stdout + checked.stderr


def test_new_refuses_a_path_that_is_a_file_or_an_empty_name(tmp_path):
    (tmp_path / "tep").write_text("", encoding="utf-8")
    assert "đây là một tệp, không phải thư mục" in new_column(tmp_path, "tep", *SCHOOL).stderr
    assert "chưa có tên thư mục" in new_column(tmp_path, "", *SCHOOL).stderr
    (tmp_path / "that").mkdir()
    (tmp_path / "lien-ket").symlink_to(tmp_path / "that")
    assert "đây là một liên kết (symlink)" in new_column(tmp_path, "lien-ket", *SCHOOL).stderr
    assert not any((tmp_path / "that").iterdir())


def test_in_a_terminal_a_wrong_answer_is_explained_and_asked_again_and_ctrl_d_cancels(tmp_path):
    leader, follower = pty.openpty()
    os.write(leader, "Trường A\nTruong A\ntruong-a\nthcs.edu.vn\nhttps://a.edu.vn/bdg\n\nk\n".encode())
    result = new_column(tmp_path, "a", "--no-build", stdin=follower)
    assert result.returncode == 0, result.stderr
    assert "mã đơn vị chỉ gồm chữ thường không dấu" in result.stderr and "không phải địa chỉ thư mục" in result.stderr
    assert yaml.safe_load((tmp_path / "a/mkdocs.yml").read_text(encoding="utf-8"))["site_url"] == "https://a.edu.vn/bdg/"
    os.write(leader, b"\x04")  # Ctrl-D at the first question
    cancelled = new_column(tmp_path, "b", stdin=follower)
    os.close(leader), os.close(follower)
    assert cancelled.returncode == 130 and "Đã huỷ: chưa ghi tệp nào." in cancelled.stderr
    assert not (tmp_path / "b").exists()


def test_new_with_editor_turns_it_on_and_pins_decap_for_npm_ci(tmp_path):
    result = new_column(tmp_path, "co-editor", *SCHOOL, "--editor", "--no-build")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "co-editor"
    assert yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["column"]["editor"] is True
    package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    ours = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert package["devDependencies"] == {name: ours[name] for name in ("decap-cms", "decap-server")}
    assert "node_modules/" in (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "BIND_HOST=127.0.0.1" in (folder / ".env").read_text(encoding="utf-8").splitlines()  # decap-server: this PC only
    assert "npm ci" in result.stdout and "npx decap-server" in result.stdout and "/quan-tri/" in result.stdout
    # CI installs Decap before it builds, or the published site would have no quan-tri/ to sign in to.
    github = yaml.safe_load((folder / ".github/workflows/chuyen-muc.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["build"]["steps"]
    install = next(i for i, step in enumerate(steps) if "npm ci" in step.get("run", ""))
    assert steps[install]["if"] == "hashFiles('package.json') != ''"
    assert install < next(i for i, step in enumerate(steps) if " build -f mkdocs.yml" in step.get("run", ""))
    pages = yaml.safe_load((folder / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]["script"]
    assert "npm ci" in pages[0] and pages[0].startswith("if [ -f package.json ]") and " build -f mkdocs.yml" in pages[1]
    plain = new_column(tmp_path, "khong-editor", *SCHOOL, "--no-build")  # without a terminal: off unless asked for
    assert "editor" not in (tmp_path / "khong-editor/mkdocs.yml").read_text(encoding="utf-8")
    assert not (tmp_path / "khong-editor/package.json").exists() and "decap-server" not in plain.stdout


def test_a_roster_school_with_the_column_s_own_unit_id_is_refused(tmp_path):
    roster = tmp_path / "truong.csv"
    roster.write_text("unit,name,url\nthcs-bao-khe,Trường khác,https://a.edu.vn/\n", encoding="utf-8")
    result = new_column(tmp_path, "phong", *SCHOOL, "--units", str(roster))
    assert result.returncode == 2 and "truong.csv:2" in result.stderr and "trùng mã đơn vị với --unit" in result.stderr
    assert not (tmp_path / "phong").exists()


def test_the_school_ci_files_report_a_missing_quarter_but_still_build_the_site(tmp_path):
    assert new_column(tmp_path, "cot", *SCHOOL, "--start", "2026-Q4", "--no-build").returncode == 0
    github = yaml.safe_load((tmp_path / "cot/.github/workflows/chuyen-muc.yml").read_text(encoding="utf-8"))
    steps = {job: " ".join(step.get("run", "") for step in spec["steps"]) for job, spec in github["jobs"].items()}
    assert "python -m gecolumn check --format github" in steps["check"] and "pip install -r requirements.txt" in steps["check"]
    assert "python -m properdocs build" in steps["build"] and "needs" not in github["jobs"]["build"]
    gitlab = yaml.safe_load((tmp_path / "cot/.gitlab-ci.yml").read_text(encoding="utf-8"))
    assert (
        gitlab["check"]["script"] == ["python -m gecolumn check"]
        and gitlab["before_script"][0] == "pip install -r requirements.txt"
    )
    assert gitlab["pages"]["needs"] == [] and gitlab["pages"]["artifacts"]["paths"] == ["public"]


def test_a_site_url_that_could_leave_its_html_attribute_stops_the_build(make_site):
    site = make_site(site_url='https://x.vn/"><script>alert(1)</script>/')
    site.add("2024/bai.md", post())
    built = site.build(today="2024-03-20")
    assert built.returncode != 0 and "'site_url'" in built.stderr and "không có dấu nháy, <, >" in built.stderr
    assert not (site.site_dir / "index.html").exists()


def test_a_requirements_pin_other_than_the_installed_generator_is_said_at_every_build(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    (site.root / "requirements.txt").write_text("gecolumn==0.0.9\n", encoding="utf-8")
    built = site.build("--strict", today="2024-03-20")
    assert built.returncode == 0, built.stderr  # a local try of another version still builds
    assert f"requirements.txt ghi gecolumn 0.0.9, nhưng trang đang được dựng bằng gecolumn {__version__}" in built.stderr
    (site.root / "requirements.txt").write_text(f"gecolumn=={__version__}\n", encoding="utf-8")
    assert "requirements.txt ghi" not in site.build(today="2024-03-20").stderr
    # Without the district's index gecolumn's line is in a file of its own.
    (site.root / "requirements.txt").write_text("nh3==0.3.8\n", encoding="utf-8")
    (site.root / "requirements-gecolumn.txt").write_text("gecolumn==0.0.9\n", encoding="utf-8")
    assert (
        "requirements-gecolumn.txt: THÔNG TIN: requirements-gecolumn.txt ghi gecolumn 0.0.9"
        in site.build(today="2024-03-20").stderr
    )


def test_the_installed_version_is_one_command_away():
    result = run(sys.executable, "-m", "gecolumn", "--version", cwd=ROOT)
    assert result.returncode == 0 and result.stdout == f"gecolumn {__version__}\n"


def test_the_welcome_post_of_a_new_column_never_counts_for_its_quarter(tmp_path):
    # The only post of a fresh column is its welcome, dated the day it was made (2026-Q4): once
    # that quarter has ended, the check, the column's theo-doi.json, its feed and the district
    # all say the quarter has no post.
    assert new_column(tmp_path, "cot", *SCHOOL, "--start", "2026-Q4").returncode == 0
    column = tmp_path / "cot"
    [welcome] = (column / "posts").rglob("*.md")
    assert "welcome: true" in welcome.read_text(encoding="utf-8")
    checked = run(sys.executable, "-m", "gecolumn", "check", "--today", "2027-01-05", "--format", "json", cwd=column)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert [(m["quarter"]) for m in json.loads(checked.stdout)["missing"]] == ["2026-Q4"]
    data = json.loads((column / "site" / "theo-doi.json").read_text(encoding="utf-8"))
    assert data["posts"] == [] and data["whole"][0]["posts"] == 0
    assert b"<item>" not in (column / "site" / "rss.xml").read_bytes()
    assert (column / "site" / "bai-viet" / "chao-mung-ban-den-voi-chuyen-muc" / "index.html").is_file()  # still on the site
    roster = tmp_path / "truong.csv"
    roster.write_text(f"unit,name,url,since\nthcs-bao-khe,Trường THCS Bảo Khê,{column / 'site'},2026-Q4\n", encoding="utf-8")
    seen = run(
        sys.executable, "-m", "gecolumn", "district", str(roster), "--today", "2027-01-05", "--format", "json", cwd=tmp_path
    )
    assert seen.returncode == 1, seen.stdout + seen.stderr
    assert json.loads(seen.stdout)["missing"] == [{"unit": "thcs-bao-khe", "quarter": "2026-Q4"}]
