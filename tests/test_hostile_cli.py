"""Commands fed hostile or broken input (issue 8): what staff and CI see is a message and an exit code, never a traceback."""

import csv
import datetime
import os
import re
import subprocess
import sys
import zipfile

from conftest import ROOT, post
from openpyxl import load_workbook

TODAY = "2024-11-22"
TOOLS = {
    "check_quarters.py": (),
    "report.py": ("--from", "2024-Q1", "--to", "2024-Q2"),
    "new_post.py": ("--title", "Bài mới", "--date", "08/03/2024"),
    "package_site.py": (),
}


def run(script: str, *args: str, cwd, env: dict | None = None) -> subprocess.CompletedProcess:
    """A command as staff run it: a separate process, in Vietnamese, on ``TODAY`` unless ``env`` says otherwise."""
    noon = datetime.datetime.fromisoformat(f"{TODAY}T12:00:00+07:00")
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "GECOLUMN_DEBUG")}
    environment.update({"SOURCE_DATE_EPOCH": str(int(noon.timestamp())), "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
    )


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
    assert rows[3][1] == "'=1+1 Trường"  # a unit name heads the topic table too
    topics = {row[0] for row in rows[4:]}
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
