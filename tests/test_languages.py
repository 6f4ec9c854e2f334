"""Every command speaks the reader's language: ``--lang en`` or an English ``LANG`` gives English, else Vietnamese.

Each command is run on a mistake of its own (a bad date, a folder that is a file …): the
message it prints is the catalogue's, in English with ``--lang en`` and with
``LANG=en_US.UTF-8``, in Vietnamese with neither.
"""

import os
import re
import subprocess

import pytest
from conftest import post, run_python

VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)

# command: (arguments after the command, the English message, the Vietnamese message)
MISTAKES = {
    "check": (["--today", "nope"], "--today 'nope' must read YYYY-MM-DD", "--today 'nope'"),
    "new-post": (
        ["--title", "Ngay 8-3", "--date", "2025/02/01"],
        "ERROR [date]: date '2025/02/01' cannot be read",
        "LỖI [date]: ngày '2025/02/01'",
    ),
    "report": (
        ["--from", "2025-Q5", "--to", "2025-Q4"],
        "ERROR [--from]: quarter '2025-Q5' cannot be read",
        "LỖI [--from]: quý '2025-Q5'",
    ),
    "package": (["--output", "a-file"], "a-file: ERROR [--output]: cannot write here", "a-file: LỖI [--output]: "),
    "district": (["no-roster.csv"], "no-roster.csv: ERROR: cannot open the roster", "no-roster.csv: LỖI: "),
    "photos": (["no-photo.jpg"], "no-photo.jpg: ERROR: the file cannot be read", "no-photo.jpg: LỖI: "),
    "new": (
        ["a-file", "--school", "THCS A", "--unit", "thcs-a", "--url", "https://a.edu.vn/bdg/"],
        "ERROR [folder]: folder 'a-file' cannot be used: this is a file, not a folder. Fix: choose another folder name",
        "LỖI [folder]: folder 'a-file' không dùng được: đây là một tệp",
    ),
}

LANGUAGE_SETTINGS = {  # how the reader asks: (extra arguments, environment)
    "--lang en": (["--lang", "en"], {}),
    "LANG=en_US.UTF-8": ([], {"LANG": "en_US.UTF-8"}),
    "nothing": ([], {}),
}


def run_in(folder, command: list[str], env: dict) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "GECOLUMN_DEBUG")}
    environment.update({"NO_MKDOCS_2_WARNING": "1", **env})
    return run_python(["-m", "gecolumn", *command], cwd=folder, env=environment, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("setting", sorted(LANGUAGE_SETTINGS))
@pytest.mark.parametrize("command", sorted(MISTAKES))
def test_every_command_says_its_mistake_in_the_language_asked_for(make_site, command, setting):
    site = make_site()
    site.add("a.md", post())
    (site.root / "a-file").write_text("not a folder", encoding="utf-8")
    arguments, english, vietnamese = MISTAKES[command]
    extra, env = LANGUAGE_SETTINGS[setting]
    result = run_in(site.root, [command, *arguments, *extra], env)
    assert result.returncode == 2, result.stderr
    said = result.stdout + result.stderr
    if setting == "nothing":
        assert vietnamese in said and VIETNAMESE.search(said), said
    else:
        assert english in said, said
        assert not VIETNAMESE.search(said), said


@pytest.mark.parametrize("setting", ["--lang en", "LANG=en_US.UTF-8"])
def test_an_unknown_command_is_said_in_english_when_asked(tmp_path, setting):
    extra, env = LANGUAGE_SETTINGS[setting]
    result = run_in(tmp_path, ["nope", *extra], env)
    assert result.returncode == 2
    assert result.stderr.startswith("ERROR: there is no command 'nope'") and not VIETNAMESE.search(result.stderr)
