"""Vietnamese alphabetical order: tags, units and report rows sort as a Vietnamese reader expects."""

import json
import random
import subprocess
import sys
import unicodedata

import pytest
from conftest import ROOT, post

from gecolumn.collation import vietnamese_key
from gecolumn.quarters import Quarter
from gecolumn.reporting import period_report
from gecolumn.site import plan_site


def test_a_letter_with_a_diacritic_sorts_as_its_own_letter_of_the_alphabet_not_after_z():
    assert vietnamese_key("Định kiến giới") < vietnamese_key("Sức khỏe")  # đ comes right after d
    assert vietnamese_key("Anh") < vietnamese_key("Ăn") < vietnamese_key("Âm") < vietnamese_key("Bình")  # a < ă < â < b
    assert vietnamese_key("Dân") < vietnamese_key("Đa") < vietnamese_key("Em")


def test_nfc_and_nfd_text_sort_the_same():
    text = "Định kiến giới"
    assert vietnamese_key(unicodedata.normalize("NFD", text)) == vietnamese_key(text)


def test_tags_units_and_report_rows_are_in_vietnamese_order(read_column):
    column = {
        "start": "2024-Q1",
        "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}, "doan-doi": {"name": "Đoàn – Đội"}, "cong-doan": "Công đoàn"},
    }
    corpus, config = read_column({"a.md": post(unit="thcs-bao-khe", tags="[Sức khỏe, Định kiến giới, Ăn uống, Anh em]")}, column)
    plan = plan_site(corpus, config, corpus.posts[0].date)
    [tags] = [page.view for page in plan.pages if page.src_uri == "chu-de/index.md"]
    assert [entry.link.title for entry in tags.tags] == ["Anh em", "Ăn uống", "Định kiến giới", "Sức khỏe"]
    [units] = [page.view for page in plan.pages if page.src_uri == "don-vi/index.md"]
    assert [entry.link.title for entry in units.units] == ["Công đoàn", "Đoàn – Đội", "Trường THCS Bảo Khê"]
    report = period_report(corpus.posts, config, Quarter(2024, 1), Quarter(2024, 1), corpus.posts[0].date)
    assert [row.unit.name for row in report.rows] == ["Công đoàn", "Đoàn – Đội", "Trường THCS Bảo Khê"]


ICU_ORDER = json.loads((ROOT / "tests/fixtures/collation-vi.json").read_text(encoding="utf-8"))
"""Real names, tags and words in ICU's ``vi`` order (made by scripts/collation_fixture.py)."""


def test_real_names_tags_and_words_sort_as_icu_sorts_them():
    assert len(ICU_ORDER["shuffled"]) >= 300
    assert sorted(ICU_ORDER["shuffled"], key=vietnamese_key) == ICU_ORDER["sorted"]


def test_sorting_needs_no_icu_library():
    # The order is a table of the package's: a column installs without ICU's 50 MB.
    code = "import sys; sys.modules['icu'] = None; from gecolumn.collation import vietnamese_key as k; print(sorted(['Đa', 'Dân'], key=k))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "['Dân', 'Đa']", result.stderr


def syllables(count: int, seed: int) -> list[str]:
    """Made-up Vietnamese-looking texts: letters, tones, capitals, spaces and punctuation mixed."""
    pick = random.Random(seed)
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(pick.randint(1, 3)):
            word = "".join(pick.choice(letters) + pick.choice(tones) for _ in range(pick.randint(1, 3)))
            parts.append(word.upper() if pick.random() < 0.2 else word.capitalize() if pick.random() < 0.3 else word)
        texts.append(unicodedata.normalize("NFC", pick.choice([" ", " ", "-", " – ", "/", ", "]).join(parts)))
    return texts


def test_the_order_is_icus_own_where_icu_is_installed():
    icu = pytest.importorskip("icu", reason="PyICU is not installed: the fixture test above holds ICU's order")
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    texts = ICU_ORDER["shuffled"] + syllables(3000, seed=19)
    keys = {collator.getSortKey(text): text for text in texts}  # one of each text ICU cannot tell apart
    distinct = list(keys.values())
    assert sorted(distinct, key=vietnamese_key) == sorted(distinct, key=collator.getSortKey)
