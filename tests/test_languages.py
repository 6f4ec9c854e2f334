"""Every command speaks the reader's language: ``--lang en`` or an English ``LANG`` gives English, else Vietnamese.

Each command is run in-process (``python -m gecolumn``'s ``main``) for its ``--help``, a usage
error argparse reports, and a mistake of its own (a bad date, a folder that is a file …): what it
prints is in English with ``--lang en`` and with ``LANG=en_US.UTF-8``, without one Vietnamese
letter, and in Vietnamese with neither.
"""

import datetime
import re
import sys
import zipfile

import pytest
from conftest import post

from gecolumn.__main__ import COMMANDS
from gecolumn.__main__ import main as gecolumn
from gecolumn.district import roster
from gecolumn.district.fetch import Unreadable
from gecolumn.district.sources import read_coverage, read_feed
from gecolumn.docx_import import DocxRefused, import_docx
from gecolumn.messages import render_problem
from gecolumn.problems import Problem

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
    "upgrade": ([], "requirements.txt: ERROR: requirements.txt not found", "requirements.txt: LỖI: Không thấy requirements.txt"),
    "new": (
        ["a-file", "--school", "THCS A", "--unit", "thcs-a", "--url", "https://a.edu.vn/bdg/"],
        "ERROR [folder]: folder 'a-file' cannot be used: this is a file, not a folder. Fix: choose another folder name",
        "LỖI [folder]: folder 'a-file' không dùng được: đây là một tệp",
    ),
}

# command: (the start of its description in English, in Vietnamese)
ABOUT = {
    "check": ("Check that every due quarter has a gender-equality awareness post", "Kiểm tra mỗi quý đến hạn"),
    "new-post": ("Create a new post in posts/.", "Tạo bài viết mới trong posts/."),
    "report": ("Periodic report (six-month, year-end)", "Báo cáo định kỳ (sáu tháng, cuối năm)"),
    "package": ("Build the site (--strict) and pack it as one zip", "Dựng trang (--strict) và đóng gói"),
    "district": ("Monitor the gender-equality columns of the schools", "Theo dõi chuyên mục bình đẳng giới"),
    "photos": ("Find and remove GPS positions and camera serial numbers", "Tìm và xoá vị trí GPS"),
    "new": ("Create the column of a school (or a district office)", "Tạo chuyên mục mới cho một trường"),
    "upgrade": ("Rewrite requirements.txt for another gecolumn release", "Viết lại requirements.txt cho một bản gecolumn khác"),
}

LANGUAGE_SETTINGS = {  # how the reader asks: (extra arguments, environment)
    "--lang en": (["--lang", "en"], {}),
    "LANG=en_US.UTF-8": ([], {"LANG": "en_US.UTF-8"}),
    "nothing": ([], {}),
}


@pytest.fixture
def command(monkeypatch, capsys):
    """Run ``python -m gecolumn`` in-process in a folder and an environment: ``(exit status, stdout + stderr)``."""
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # the command wraps stdout for `| head`: put it back after

    def run(folder, argv: list[str], env: dict) -> tuple[int, str]:
        monkeypatch.chdir(folder)
        for name in ("LANG", "LC_ALL", "LC_MESSAGES", "GECOLUMN_LANG", "GECOLUMN_DEBUG"):
            monkeypatch.delenv(name, raising=False)
        for name, value in {"COLUMNS": "1000", "NO_MKDOCS_2_WARNING": "1", **env}.items():  # no help line is wrapped
            monkeypatch.setenv(name, value)
        try:
            status = gecolumn(argv)
        except SystemExit as exit:  # argparse's --help and usage errors
            status = exit.code
        out, err = capsys.readouterr()
        return status, out + err

    return run


def test_every_command_is_tested():
    assert set(MISTAKES) == set(ABOUT) == set(COMMANDS)


@pytest.mark.parametrize("setting", sorted(LANGUAGE_SETTINGS))
@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_every_command_says_its_mistake_in_the_language_asked_for(make_site, command, name, setting):
    site = make_site()
    site.add("a.md", post())
    (site.root / "a-file").write_text("not a folder", encoding="utf-8")
    arguments, english, vietnamese = MISTAKES[name]
    extra, env = LANGUAGE_SETTINGS[setting]
    status, said = command(site.root, [name, *arguments, *extra], env)
    assert status == 2, said
    if setting == "nothing":
        assert vietnamese in said and VIETNAMESE.search(said), said
    else:
        assert english in said, said
        assert not VIETNAMESE.search(said), said


@pytest.mark.parametrize("setting", sorted(LANGUAGE_SETTINGS))
@pytest.mark.parametrize("name", sorted(ABOUT))
def test_every_commands_help_is_in_the_language_asked_for(tmp_path, command, name, setting):
    extra, env = LANGUAGE_SETTINGS[setting]
    status, said = command(tmp_path, [name, "--help", *extra], env)
    assert status == 0, said
    english, vietnamese = ABOUT[name]
    if setting == "nothing":
        assert vietnamese in said and "in phần trợ giúp này rồi thoát" in said and "--lang {vi,en}" in said, said
    else:
        assert english in said and "show this help message and exit" in said, said
        assert not VIETNAMESE.search(said), said


@pytest.mark.parametrize("setting", ["--lang en", "LANG=en_US.UTF-8"])
@pytest.mark.parametrize("name", sorted(ABOUT))
def test_a_usage_error_names_the_options_in_english_when_asked(tmp_path, command, name, setting):
    extra, env = LANGUAGE_SETTINGS[setting]
    status, said = command(tmp_path, [name, "--no-such-option", *extra], env)
    assert status == 2 and "usage:" in said and ": error: " in said, said
    assert not VIETNAMESE.search(said), said


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("--lang en", "must be greater than 0: 0"),
        ("LANG=en_US.UTF-8", "must be greater than 0: 0"),
        ("nothing", "phải lớn hơn 0: 0"),
    ],
)
def test_an_option_value_refused_by_its_type_is_said_in_the_language_asked_for(tmp_path, command, setting, expected):
    extra, env = LANGUAGE_SETTINGS[setting]
    status, said = command(tmp_path, ["district", "truong.csv", "--jobs", "0", *extra], env)
    assert status == 2 and f"argument --jobs: {expected}" in said, said
    assert bool(VIETNAMESE.search(said)) == (setting == "nothing"), said


@pytest.mark.parametrize("setting", ["--lang en", "LANG=en_US.UTF-8"])
def test_an_unknown_command_is_said_in_english_when_asked(tmp_path, command, setting):
    extra, env = LANGUAGE_SETTINGS[setting]
    status, said = command(tmp_path, ["nope", *extra], env)
    assert status == 2
    assert said.startswith("ERROR: there is no command 'nope'") and not VIETNAMESE.search(said)


def english_and_vietnamese(problem) -> tuple[str, str]:
    return render_problem(problem, "en"), render_problem(problem, "vi")


def test_a_fault_found_deep_in_a_roster_a_source_or_a_word_file_is_worded_by_the_catalogue(tmp_path, monkeypatch):
    monkeypatch.setattr(roster, "MAX_SCHOOLS", 1)
    listed = tmp_path / "truong.csv"
    listed.write_text("unit,name,url,since\na,A,https://a.vn/,2024-Q1\nb,B,https://b.vn/,2024-Q1\n", encoding="utf-8")
    [too_large] = roster.read_roster(listed).problems
    with pytest.raises(Unreadable) as not_coverage:
        read_coverage(b'{"units": []}', "https://a.vn/theo-doi.json", None, datetime.date(2025, 1, 1))
    with pytest.raises(Unreadable) as bad_xml:
        read_feed(b"<rss><channel></rss>", "https://a.vn/feed/", datetime.date(2025, 1, 1))
    (tmp_path / "bai.docx").write_bytes(b"")
    with zipfile.ZipFile(tmp_path / "bai.docx", "w") as archive:
        archive.writestr("anh.jpg", b"x")
    with pytest.raises(DocxRefused) as not_word:
        import_docx(tmp_path / "bai.docx")
    found = [
        too_large,
        *(Problem("x", e.value.code, params=e.value.params) for e in (not_coverage, bad_xml)),
        not_word.value.problem,
    ]
    said = [english_and_vietnamese(problem) for problem in found]
    assert [english for english, _ in said if VIETNAMESE.search(english)] == []
    assert "over 1 schools" in said[0][0] and "quá 1 trường" in said[0][1]
    assert "no 'schema' key" in said[1][0] and "không có khoá 'schema'" in said[1][1]
    assert re.search(r"\(line \d+, column \d+: ", said[2][0]) and re.search(r"\(dòng \d+, cột \d+: ", said[2][1])
    assert "no word/document.xml part" in said[3][0] and "không có phần word/document.xml" in said[3][1]
