"""Commands are modules of the package (issue 9, item 7): one way to open a column, one front door, three ways in.

Each command is reachable as ``python scripts/<x>.py``, as an installed console script and
as ``python -m gecolumn <command>``, and all three are the same ``main``. Every command opens
``mkdocs.yml`` through :func:`gecolumn.column.open_column`, which reports a broken file and
never raises.
"""

import ast
import importlib
import importlib.metadata
import json
import os
import subprocess
import sys
import tomllib

import pytest
from conftest import ROOT, post, run_python

from gecolumn.__main__ import COMMANDS as COMMANDS_FOUND
from gecolumn.column import Validation, open_column

TODAY = "2024-11-22"
COMMANDS = {  # `python -m gecolumn` name: (module, console script, shim, arguments that reach the column)
    "check": ("gecolumn.commands.check", "gecolumn-check", "check_quarters.py", ("--today", TODAY)),
    "new-post": (
        "gecolumn.commands.new_post",
        "gecolumn-new-post",
        "new_post.py",
        ("--title", "Bài mới", "--date", "08/03/2024"),
    ),
    "report": ("gecolumn.commands.report", "gecolumn-report", "report.py", ("--from", "2024-Q1", "--to", "2024-Q2")),
    "package": ("gecolumn.commands.package", "gecolumn-package", "package_site.py", ()),
}
ROSTER_COMMANDS = {  # the same three ways in, for commands that read no column (tests/test_district.py has the rest)
    "district": ("gecolumn.commands.district", "gecolumn-district", "district.py", ()),
    "photos": ("gecolumn.commands.photos", "gecolumn-photos", "strip_photos.py", ()),
}
EVERY_COMMAND = {**COMMANDS, **ROSTER_COMMANDS}
STARTERS = {  # commands that read no mkdocs.yml, from an installed package (no shim; tests/test_new_column.py, test_engine.py)
    "new": ("gecolumn.commands.new", "gecolumn-new"),
    "upgrade": ("gecolumn.commands.upgrade", "gecolumn-upgrade"),
}


def run(*command: str, cwd=ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """A command in its own process, in Vietnamese, with no debugging switched on."""
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "GECOLUMN_DEBUG")}
    environment.update({"NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return subprocess.run(
        [sys.executable, *command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
    )


# --- python -m gecolumn ---------------------------------------------------------------------


@pytest.mark.parametrize("form", ["text", "json"])
def test_python_m_gecolumn_check_reports_as_the_script_does(make_site, form):
    site = make_site()
    site.add("a.md", post())
    site.add("b.md", post(title="Bài b", unit="khong-co"))
    args = ("-f", str(site.config), "--today", TODAY, "--format", form)
    module = run("-m", "gecolumn", "check", *args, cwd=site.root)
    script = run(str(ROOT / "scripts/check_quarters.py"), *args, cwd=site.root)
    assert module.returncode == script.returncode == 2  # an invalid post
    assert module.stdout == script.stdout and module.stderr == script.stderr
    assert "khong-co" in module.stdout


def test_python_m_gecolumn_check_on_a_covered_column_exits_0(make_site):
    site = make_site()
    for quarter, day in (("2024-Q1", "08/03/2024"), ("2024-Q2", "28/06/2024"), ("2024-Q3", "01/07/2024")):
        site.add(f"{quarter}.md", post(title=f"Bài {quarter}", date=day, quarter=quarter))
    result = run("-m", "gecolumn", "check", "-f", str(site.config), "--today", TODAY, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["missing"] == []


def test_python_m_gecolumn_new_post_writes_the_post(make_site):
    site = make_site()
    result = run("-m", "gecolumn", "new-post", "--title", "Ngày hội", "--date", "08/03/2024", cwd=site.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "posts/2024/ngay-hoi.md"
    assert "unit: thcs-bao-khe\n" in (site.posts / "2024/ngay-hoi.md").read_text(encoding="utf-8")  # the only unit


def test_python_m_gecolumn_without_a_known_command_shows_the_commands():
    for args, status in (((), 2), (("xuat-ban",), 2), (("--help",), 0)):
        result = run("-m", "gecolumn", *args)
        assert result.returncode == status
        assert "check,district,new,new-post,package,photos,report" in result.stdout + result.stderr
    assert "không có lệnh 'xuat-ban'" in run("-m", "gecolumn", "xuat-ban").stderr


@pytest.mark.parametrize("name", sorted(EVERY_COMMAND))
def test_the_shim_the_module_and_python_m_gecolumn_are_the_same_command(name):
    module, _, shim, _ = EVERY_COMMAND[name]
    by_module = run("-m", "gecolumn", name, "--help")
    assert by_module.returncode == 0 and "usage:" in by_module.stdout
    assert run(str(ROOT / "scripts" / shim), "--help").stdout == by_module.stdout
    source = (ROOT / "scripts" / shim).read_text(encoding="utf-8")
    code = [line for line in source.splitlines() if line and not line.startswith(('"""', "#"))]
    assert code == [
        "import sys",
        "import _bootstrap  # noqa: F401  (with the system Python, runs this again with .venv)",
        f"from {module} import main",
        'if __name__ == "__main__":',
        "    sys.exit(main())",
    ]


# --- console scripts ------------------------------------------------------------------------


def test_every_command_is_a_console_script_declared_in_pyproject_and_installed():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    every = {name: (module, script) for name, (module, script, _, _) in EVERY_COMMAND.items()} | STARTERS
    expected = {script: f"{module}:main" for module, script in every.values()}
    assert declared == {"gecolumn": "gecolumn.__main__:main", **expected}  # `gecolumn <command>` reaches them all
    assert set(every) == set(COMMANDS_FOUND), "a module in gecolumn/commands/ is a command: give it a row here"
    installed = {ep.name: ep for ep in importlib.metadata.entry_points(group="console_scripts") if ep.name in declared}
    assert {name: ep.value for name, ep in installed.items()} == declared, "run: pip install --no-deps -e ."
    for module, script in every.values():
        assert installed[script].load() is importlib.import_module(module).main


@pytest.mark.parametrize("name", sorted([*EVERY_COMMAND, *STARTERS]))
def test_installed_console_script_runs_the_command(name):
    script = (EVERY_COMMAND.get(name) or STARTERS[name])[1]
    # One width for both help texts, whatever terminal runs the tests.
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "GECOLUMN_DEBUG")}
    environment |= {"NO_MKDOCS_2_WARNING": "1", "COLUMNS": "80"}
    result = subprocess.run(
        [str(os.path.join(os.path.dirname(sys.executable), script)), "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
    )
    # The module's help in this process (conftest.run_python): the installed script is the process under test.
    module = run_python(["-m", "gecolumn", name, "--help"], env=environment, cwd=ROOT)
    assert result.returncode == 0 and module.returncode == 0 and result.stdout == module.stdout


# --- one front door for every command -------------------------------------------------------


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_names_a_missing_mkdocs_yml_in_utf8_whatever_the_console_encoding(make_site, name):
    site = make_site()
    _, _, _, args = COMMANDS[name]
    result = run("-m", "gecolumn", name, "-f", "/khong-co/mkdocs.yml", *args, cwd=site.root, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 2
    said = result.stdout + result.stderr
    assert "/khong-co/mkdocs.yml: LỖI: không đọc được tệp cấu hình: /khong-co/mkdocs.yml: No such file or directory" in said
    assert "Cách sửa: chạy lệnh trong thư mục của chuyên mục (nơi có mkdocs.yml) hoặc chỉ tệp bằng -f" in said
    assert "Traceback" not in said and not list(site.posts.rglob("*.md"))


PLANTED = {  # a bug planted where each command does its work
    "new-post": "scaffold",
    "report": "period_report",
    "package": "require_column",
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_an_unexpected_error_in_any_command_is_exit_2_with_a_message_and_a_traceback_only_on_request(make_site, name):
    module, _, shim, args = COMMANDS[name]
    site = make_site()
    site.add("a.md", post())
    program = (
        f"import sys, {module} as command\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('hỏng ở giữa')\n"
        f"command.{PLANTED[name]} = broken\n"
        "sys.exit(command.main(sys.argv[1:]))\n"
    )
    quiet = run("-c", program, *args, cwd=site.root)
    assert quiet.returncode == 2
    prog = shim.removesuffix(".py")
    assert f"{prog}: LỖI: lỗi ngoài dự kiến của chương trình (RuntimeError: hỏng ở giữa)" in quiet.stderr
    assert "Traceback" not in quiet.stderr + quiet.stdout
    debug = run("-c", program, *args, cwd=site.root, env={"GECOLUMN_DEBUG": "1"})
    assert debug.returncode == 2 and "Traceback" in debug.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_no_command_reads_mkdocs_yml_or_extra_itself(name):
    module, _, _, _ = COMMANDS[name]
    tree = ast.parse((ROOT / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8"))
    strings = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert "extra" not in strings and "column" not in strings
    assert not names & {"read_column_config", "MkDocsConfig", "load_config", "open_column"}
    assert names & {"open_and_show_warnings", "require_column"}  # through the front door


# --- open_column ----------------------------------------------------------------------------


def test_open_column_on_a_good_column_has_its_settings_and_no_problem(make_site):
    site = make_site()
    column = open_column(site.config)
    assert column.problems == () and column.config is not None
    assert column.config.default_unit.id == "thcs-bao-khe"
    assert column.mkdocs_config["site_name"] == "Chuyên mục thử"
    assert (column.config_path, column.posts_dir, column.label) == (site.config, site.posts, "mkdocs.yml")


def test_open_column_on_a_missing_file_names_it(tmp_path):
    column = open_column(tmp_path / "mkdocs.yml")
    assert column.config is None and column.mkdocs_config is None and column.posts_dir == tmp_path / "posts"
    [problem] = column.errors
    assert problem.code == "config_unreadable" and problem.file == str(tmp_path / "mkdocs.yml")
    assert "No such file or directory" in problem.params["problem"]


@pytest.mark.parametrize("validation", list(Validation))
def test_open_column_on_broken_yaml_names_the_line(make_site, validation):
    site = make_site()
    site.config.write_text("site_name: Trường\nnav: [không đóng\n", encoding="utf-8")
    column = open_column(site.config, validation)
    [problem] = column.problems
    assert column.config is None and (problem.file, problem.code, problem.line) == ("mkdocs.yml", "config_unreadable", 3)


def test_open_column_reports_a_setting_mkdocs_refuses_on_its_key(make_site):
    column = open_column(make_site(site_url=754).config)  # `site_url: 12:34` reads as 754
    assert column.config is None and [(p.code, p.field) for p in column.problems] == [("config_rejected", "site_url")]


def test_open_column_validates_extra_column_and_keeps_warnings(make_site):
    column = open_column(make_site({"start": "Quý V/2024", "units": {"a": "Trường A"}, "per_unt": True}).config)
    assert column.config is None and column.mkdocs_config is not None
    assert {(p.code, p.field, p.is_error) for p in column.problems} == {
        ("config_bad_quarter", "extra.column.start", True),
        ("config_unknown_key", "extra.column.per_unt", False),
    }


def test_opening_only_the_column_settings_loads_no_hook_theme_or_plugin(make_site, tmp_path):
    (tmp_path / "hook.py").write_text("raise RuntimeError('hook hỏng')\n", encoding="utf-8")
    site = make_site(hooks=[str(tmp_path / "hook.py")], plugins=["khong-co-plugin"], theme={"name": "khong-co"}, site_url=754)
    assert {p.code for p in open_column(site.config).errors} == {"config_rejected"}  # what the build says
    column = open_column(site.config, Validation.COLUMN)
    assert column.problems == () and column.config.default_unit.id == "thcs-bao-khe"


def test_opening_only_the_column_settings_reads_mkdocs_yml_as_mkdocs_does(make_site, monkeypatch):
    site = make_site()
    (site.root / "base.yml").write_text(
        "extra:\n  column:\n    start: !ENV [GECOLUMN_START, 2023-Q1]\n    units: {thcs-bao-khe: Trường THCS Bảo Khê}\n",
        encoding="utf-8",
    )
    site.config.write_text(
        "INHERIT: base.yml\nsite_name: x\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: !relative $config_dir\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("GECOLUMN_START", "2024-Q2")
    whole, column = open_column(site.config), open_column(site.config, Validation.COLUMN)
    assert whole.problems == column.problems == () and str(column.config.start) == "2024-Q2"
    assert whole.config == column.config and column.mkdocs_config["site_name"] == "x"


@pytest.mark.parametrize(
    "text",
    [
        "INHERIT: mkdocs.yml\nsite_name: x\n",  # an INHERIT loop: MkDocs recurses until Python stops it
        "INHERIT: 5\nsite_name: x\n",
        "site_name: x\nsite_url: 'http://[x'\n",
        "site_name: x\nextra: " + "[" * 3000 + "]" * 3000 + "\n",
        "- a\n- b\n",
        "",
    ],
    ids=["inherit loop", "inherit number", "bad url", "deep nesting", "a list", "empty"],
)
@pytest.mark.parametrize("validation", list(Validation))
def test_open_column_never_raises_on_a_broken_mkdocs_yml(tmp_path, text, validation):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    column = open_column(tmp_path / "mkdocs.yml", validation)
    assert column.config is None and column.errors
    settings_only = {"config_missing"} if validation is Validation.COLUMN else set()  # an empty file has no extra.column
    assert {p.code for p in column.errors} <= {"config_unreadable", "config_rejected", *settings_only}


def test_open_column_on_a_hook_that_fails_to_import_is_a_problem(make_site, tmp_path):
    (tmp_path / "hook.py").write_text("raise RuntimeError('hook hỏng')\n", encoding="utf-8")
    column = open_column(make_site(hooks=[str(tmp_path / "hook.py")]).config)
    [problem] = column.errors
    assert problem.code == "config_unreadable" and "RuntimeError: hook hỏng" in problem.params["problem"]


def test_open_column_hands_mkdocs_warnings_over_as_lines_to_print(make_site):
    column = open_column(make_site(khong_co_muc="x").config)
    assert column.config is not None and column.problems == ()
    assert column.mkdocs_warnings == ("mkdocs.yml: khong_co_muc: Unrecognised configuration name: khong_co_muc",)
