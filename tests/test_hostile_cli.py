"""Commands fed hostile or broken input (issue 8): what staff and CI see is a message and an exit code, never a traceback."""

import datetime
import os
import re
import subprocess
import sys

from conftest import ROOT, post

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
