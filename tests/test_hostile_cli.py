"""Commands fed hostile or broken input (issue 8): what staff and CI see is a message and an exit code, never a traceback."""

import csv
import datetime
import json
import os
import re
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT, post, run_python
from openpyxl import load_workbook

from gecolumn.column import open_column
from gecolumn.dates import parse_post_date

TODAY = "2024-11-22"
TOOLS = {
    "check_quarters.py": (),
    "report.py": ("--from", "2024-Q1", "--to", "2024-Q2"),
    "new_post.py": ("--title", "Bài mới", "--date", "08/03/2024"),
    "package_site.py": (),
}


def run(script: str, *args: str, cwd, env: dict | None = None) -> subprocess.CompletedProcess:
    """A command as staff run it (as if a separate process, see ``run_python``), in Vietnamese, on ``TODAY`` unless ``env`` says otherwise."""
    noon = datetime.datetime.fromisoformat(f"{TODAY}T12:00:00+07:00")
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "GECOLUMN_DEBUG")}
    environment.update({"SOURCE_DATE_EPOCH": str(int(noon.timestamp())), "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return run_python([ROOT / "scripts" / script, *args], cwd=cwd, env=environment, stdin=subprocess.DEVNULL)


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


# --- what is printed in CI cannot forge workflow commands ------------------------------------


FORGED = "x\\n::error::forged\\n::stop-commands::guess\\r::warning::forged"


def test_github_format_prints_nothing_a_post_can_turn_into_a_workflow_command(make_site, tmp_path):
    site = make_site({"start": "2024-Q1", "units": {"thcs-bao-khe": "Trường A\n::error::forged-unit"}})
    site.add("2024/a.md", post(title=f'"{FORGED}"', date=f'"{FORGED}"'))
    site.add("2024/b.md", post(title="Bài b", unit=f'"{FORGED}"'))
    summary = tmp_path / "summary.md"
    result = site.check("--today", TODAY, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    annotations = [line for line in commands if re.match(r"::(error|warning) (file|title)=", line)]
    assert len(annotations) >= 2 and all("\n" not in a for a in annotations)
    stop, resume = (line for line in commands if line not in annotations)
    token = stop.removeprefix("::stop-commands::")
    assert len(token) >= 16 and resume == f"::{token}::"
    # Everything after the annotations is the plain report, between the pair.
    assert lines.index(stop) == len(annotations) and lines[-1] == resume
    assert not any(line.startswith(("::error::forged", "::warning::forged", "::stop-commands::guess")) for line in lines)
    assert "x\\n::error::forged" in result.stdout  # shown, escaped, so staff still see what is wrong


def test_messages_show_control_and_bidi_characters_escaped_and_cut_long_values(make_site):
    site = make_site()
    site.add("a.md", post(unit='"khong-co\\u202e\\u2066\\x1b[31m"'))
    site.add("b.md", post(title="Bài b", date='"' + "9" * 300 + '"'))
    result = site.check("--today", TODAY)
    assert result.returncode == 2
    assert "đơn vị 'khong-co\\u202e\\u2066\\u001b[31m' không có trong cấu hình" in result.stdout
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", result.stdout)
    assert "ngày '" + "9" * 119 + "…' không đọc được" in result.stdout and "9" * 121 not in result.stdout


# --- configuration MkDocs refuses, files it cannot read, the unexpected --------------------


@pytest.mark.parametrize("extra", [["column"], None], ids=["a list", "empty"])
def test_a_setting_the_check_reads_that_mkdocs_refuses_is_exit_2_naming_the_key_in_text_and_json(make_site, extra):
    site = make_site(extra=extra)
    site.add("a.md", post())
    text = site.check("--today", TODAY)
    assert text.returncode == 2, text.stdout + text.stderr
    assert "mkdocs.yml: LỖI [extra]: MkDocs không chấp nhận mục này" in text.stdout
    english = site.check("--today", TODAY, "--format", "json", "--lang", "en")
    assert english.returncode == 2
    [error] = json.loads(english.stdout)["errors"]
    assert (error["file"], error["field"], error["code"]) == ("mkdocs.yml", "extra", "config_rejected")
    assert error["message"].startswith("MkDocs rejects this setting")


@pytest.mark.parametrize(
    "setting, field",
    [({"site_url": 754}, "site_url"), ({"plugins": ["khong-co-plugin"]}, "plugins")],  # `site_url: 12:34` reads as 754
    ids=["site_url 12:34", "unknown plugin"],
)
def test_settings_only_the_build_reads_are_left_to_the_build_and_the_other_commands(make_site, setting, field):
    # Loading the theme, plugins and hooks costs the CI check more than its posts; the build
    # job beside it loads them and fails on them, and so does every other command.
    site = make_site(**setting)
    site.add("a.md", post())
    check = site.check("--today", TODAY, "--format", "json")
    assert check.returncode == 1 and json.loads(check.stdout)["errors"] == [], check.stdout  # judged on its posts
    report = run("report.py", "--from", "2024-Q1", "--to", "2024-Q2", cwd=site.root)
    assert report.returncode == 2 and f"mkdocs.yml: LỖI [{field}]: MkDocs không chấp nhận mục này" in report.stderr
    assert [(p.code, p.field) for p in open_column(site.config).problems] == [("config_rejected", field)]


def test_mkdocs_yml_written_as_12_34_is_caught_as_mkdocs_reads_it(make_site):
    site = make_site()
    site.config.write_text(site.config.read_text(encoding="utf-8").replace("column:\n", "column:\n    as_of: 12:34\n"))
    result = site.check("--today", TODAY)
    assert result.returncode == 2 and "LỖI [extra.column.as_of]" in result.stdout and "'754'" in result.stdout


def test_mkdocs_yml_that_is_a_folder_exits_2_with_valid_json(make_site):
    site = make_site()
    site.config.unlink()
    site.config.mkdir()
    text = site.check("--today", TODAY)
    assert text.returncode == 2 and "không đọc được tệp cấu hình" in text.stdout
    report = site.check("--today", TODAY, "--format", "json")
    assert report.returncode == 2
    [error] = json.loads(report.stdout)["errors"]
    assert error["code"] == "config_unreadable" and "Is a directory" in error["message"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_unreadable_post_exits_2_with_valid_json(make_site):
    site = make_site()
    site.add("a.md", post())
    site.add("b.md", post(title="Bài b")).chmod(0)
    result = site.check("--today", TODAY, "--format", "json")
    assert result.returncode == 2
    assert "posts/b.md" in [error["file"] for error in json.loads(result.stdout)["errors"]]
    assert_no_traceback(result)


def check_that_crashes(site, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The CI command with a bug planted in the check: any exception a future change could raise."""
    program = (
        "import sys, gecolumn.commands.check\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('hỏng ở giữa')\n"
        "gecolumn.commands.check.check_column = broken\n"
        "sys.exit(gecolumn.commands.check.main(sys.argv[1:]))\n"
    )
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "GECOLUMN_DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", program, "-f", str(site.config), "--today", TODAY, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**environment, **(env or {})},
    )


def test_an_unexpected_error_exits_2_with_a_message_and_no_traceback(make_site):
    site = make_site()
    text = check_that_crashes(site)
    assert text.returncode == 2
    assert "lỗi ngoài dự kiến của chương trình (RuntimeError: hỏng ở giữa)" in text.stdout
    assert_no_traceback(text)
    report = check_that_crashes(site, "--format", "json", "--lang", "en")
    assert report.returncode == 2
    [error] = json.loads(report.stdout)["errors"]
    assert error["code"] == "internal_error" and "RuntimeError: hỏng ở giữa" in error["message"]


def test_gecolumn_debug_shows_the_traceback(make_site):
    result = check_that_crashes(make_site(), env={"GECOLUMN_DEBUG": "1"})
    assert result.returncode == 2 and "Traceback" in result.stderr and "RuntimeError: hỏng ở giữa" in result.stderr


# --- what "today" is --------------------------------------------------------------------------


@pytest.mark.parametrize("epoch", ["315532800", "0"], ids=["1980", "1970"])
def test_source_date_epoch_before_start_is_a_configuration_error_naming_it(make_site, epoch):
    site = make_site()
    site.add("a.md", post())
    result = site.check(env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 2, result.stdout
    assert "mkdocs.yml: LỖI [extra.column.start]: chuyên mục bắt đầu từ 2024-Q1" in result.stdout
    assert f"theo biến môi trường SOURCE_DATE_EPOCH={epoch}" in result.stdout
    [error] = json.loads(site.check("--format", "json", env={"SOURCE_DATE_EPOCH": epoch}).stdout)["errors"]
    assert (error["field"], error["code"]) == ("extra.column.start", "start_after_today")


def test_today_option_before_start_names_the_option(make_site):
    result = make_site().check("--today", "2023-12-31", "--lang", "en")
    assert result.returncode == 2
    assert "today is 31/12/2023 (from --today 2023-12-31)" in result.stdout and "'start: 2023-Q4'" in result.stdout


def test_start_after_the_clock_names_the_clock(make_site):
    result = make_site({"start": "2999-Q1", "units": {"a": "Trường A"}}).check()
    assert result.returncode == 2 and "(theo đồng hồ của máy tính)" in result.stdout


def test_strict_build_refuses_to_publish_an_empty_column_on_a_1980_epoch(make_site):
    site = make_site()
    site.add("a.md", post())
    result = site.build("--strict", today="1980-01-01")
    assert result.returncode != 0
    assert "[extra.column.start]" in result.stderr and "SOURCE_DATE_EPOCH" in result.stderr


@pytest.mark.parametrize("epoch", ["abc", "1e9", "99999999999999999", "-1"])
@pytest.mark.parametrize("script", sorted(TOOLS))
def test_malformed_source_date_epoch_is_a_clear_error_in_every_tool(make_site, script, epoch):
    site = make_site()
    result = run(script, *TOOLS[script], cwd=site.root, env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"biến môi trường SOURCE_DATE_EPOCH = '{epoch}' không phải một thời điểm" in result.stderr
    assert "None" not in result.stderr
    assert_no_traceback(result)
    assert not list(site.posts.rglob("*.md"))


def test_malformed_source_date_epoch_still_gives_json(make_site):
    result = make_site().check("--format", "json", env={"SOURCE_DATE_EPOCH": "1e9"})
    report = json.loads(result.stdout)
    assert result.returncode == 2 and report["today"] is None
    [error] = report["errors"]
    assert (error["file"], error["code"]) == ("SOURCE_DATE_EPOCH", "bad_source_date_epoch") and "'1e9'" in error["message"]


@pytest.mark.parametrize("text", ["9999-12-31T23:59-05:00", "0001-01-01T00:00+09:00"])
def test_a_date_outside_the_calendar_in_local_time_is_a_value_error(text):
    with pytest.raises(ValueError):
        parse_post_date(text)


# --- spreadsheets never run what a post wrote --------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)"]


def test_report_keeps_formulas_from_posts_as_text_in_csv_and_xlsx(make_site, tmp_path):
    site = make_site({"start": "2024-Q1", "units": {"thcs-bao-khe": "=1+1 Trường"}})
    tags = ", ".join("'" + tag.replace("'", "''") + "'" for tag in FORMULAS)
    site.add("a.md", post(tags=f"[{tags}, Gia đình]"))
    csv_path, xlsx_path = tmp_path / "r.csv", tmp_path / "r.xlsx"
    result = run(
        "report.py", "--from", "2024-Q1", "--to", "2024-Q1", "--csv", str(csv_path), "--xlsx", str(xlsx_path), cwd=site.root
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(csv_path.open(encoding="utf-8-sig")))
    assert rows[1] == ["'=1+1 Trường", "1", "1", "1", "1", "—"]  # the name is text, the counts stay numbers
    assert rows[2][0] == "Tổng cộng"  # the unit table's total row
    assert rows[4][1] == "'=1+1 Trường"  # a unit name heads the topic table too
    topics = {row[0] for row in rows[5:]}
    assert topics == {"'" + formula for formula in FORMULAS} | {"Gia đình"}
    workbook = load_workbook(xlsx_path)
    texts = {cell.value: cell for sheet in workbook for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    for text in [*FORMULAS, "=1+1 Trường"]:
        assert texts[text].data_type == "s", text
    assert workbook["Theo chủ đề"]["B2"].value == 1 and workbook["Theo chủ đề"]["B2"].data_type == "n"
    with zipfile.ZipFile(xlsx_path) as archive:
        sheets = [archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in xml or "<f " in xml for xml in sheets)


def test_report_workbook_drops_control_characters_a_spreadsheet_cannot_hold(make_site, tmp_path):
    site = make_site({"start": "2024-Q1", "units": {"thcs-bao-khe": "Trường\x07 THCS"}})
    site.add("a.md", post())
    xlsx_path = tmp_path / "r.xlsx"
    result = run("report.py", *TOOLS["report.py"], "--xlsx", str(xlsx_path), cwd=site.root)
    assert result.returncode == 0, result.stderr
    assert load_workbook(xlsx_path)["Theo quý"]["A2"].value == "Trường THCS"


# --- bad paths, broken settings, closed pipes: messages, not tracebacks ------------------------

BROKEN_CONFIGS = {
    "missing": None,
    "yaml syntax": "site_name: [không đóng\n",
    "unit name is a list": "site_name: X\nextra:\n  column:\n    start: 2024-Q1\n    units: {x: {name: [a, b]}}\n",
    "a folder": "folder",
}


@pytest.mark.parametrize("broken", sorted(BROKEN_CONFIGS))
@pytest.mark.parametrize("script", ["report.py", "new_post.py", "package_site.py"])
def test_tools_on_a_broken_mkdocs_yml_exit_2_with_a_message(make_site, script, broken):
    site = make_site()
    content = BROKEN_CONFIGS[broken]
    site.config.unlink()
    if content == "folder":
        site.config.mkdir()
    elif content is not None:
        site.config.write_text(content, encoding="utf-8")
    result = run(script, "-f", str(site.config), *TOOLS[script], cwd=site.root)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "mkdocs.yml" in result.stderr and "LỖI" in result.stderr
    assert_no_traceback(result)
    if broken == "unit name is a list":
        assert "'extra.column.units.x.name' phải là một dòng chữ, không phải '['a', 'b']'" in result.stderr
    assert not list(site.posts.rglob("*.md"))


def test_tools_given_a_missing_mkdocs_yml_name_it(make_site):
    site = make_site()
    for script in ("report.py", "new_post.py", "package_site.py"):
        result = run(script, "-f", "/khong-co/mkdocs.yml", *TOOLS[script], cwd=site.root)
        assert result.returncode == 2 and "/khong-co/mkdocs.yml: No such file or directory" in result.stderr
        assert_no_traceback(result)


@pytest.mark.parametrize("option", ["--csv", "--xlsx"])
def test_report_to_a_folder_that_does_not_exist_is_a_message(make_site, option):
    site = make_site()
    result = run("report.py", *TOOLS["report.py"], option, "/khong-co/thu-muc/bao-cao.x", cwd=site.root)
    assert result.returncode == 2
    assert f"/khong-co/thu-muc/bao-cao.x: LỖI [{option}]: không ghi được vào đây (No such file or directory)" in result.stderr
    assert_no_traceback(result)


def test_package_site_output_that_is_a_file_stops_before_building(make_site):
    site = make_site()
    (site.root / "dist").write_text("không phải thư mục", encoding="utf-8")
    result = run("package_site.py", "--output", "dist", cwd=site.root)
    assert result.returncode == 2
    assert "dist: LỖI [--output]: không ghi được vào đây (Not a directory)" in result.stderr
    assert "INFO" not in result.stderr  # no build was started
    assert_no_traceback(result)


def test_new_post_into_a_year_folder_that_is_a_file_is_a_message(make_site):
    site = make_site()
    site.add("2024", "không phải thư mục")
    result = run("new_post.py", *TOOLS["new_post.py"], cwd=site.root)
    assert result.returncode == 2 and "posts/2024: LỖI: không ghi được vào đây" in result.stderr
    assert_no_traceback(result)


def test_new_post_with_an_offset_past_year_9999_is_a_bad_date(make_site):
    site = make_site()
    result = run("new_post.py", "--title", "Bài", "--date", "9999-12-31T23:59-05:00", cwd=site.root)
    assert result.returncode == 2
    assert "LỖI [date]: ngày '9999-12-31T23:59-05:00' không đọc được" in result.stderr
    assert_no_traceback(result)


MANY_UNITS = {
    "start": "2024-Q1",
    "per_unit": True,
    "units": {f"truong-{n}": f"Trường Tiểu học số {n} của huyện miền núi" for n in range(3000)},
}


@pytest.mark.parametrize(
    "script, args, status",
    [("report.py", TOOLS["report.py"], 0), ("check_quarters.py", ("--today", TODAY), 1)],
    ids=["report", "check"],
)
def test_a_reader_that_stops_after_one_line_ends_the_command_quietly(make_site, script, args, status):
    site = make_site(MANY_UNITS)  # a report far longer than a pipe holds
    command = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=site.root,
        env={k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "SOURCE_DATE_EPOCH")},
    )
    first = command.stdout.readline()  # `| head -1`
    command.stdout.close()
    errors = command.stderr.read().decode("utf-8")
    assert command.wait(timeout=60) == status
    assert first.strip() and "Traceback" not in errors and "BrokenPipe" not in errors and "Broken pipe" not in errors
