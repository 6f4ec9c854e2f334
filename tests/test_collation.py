"""Vietnamese alphabetical order: tags, units and report rows sort as a Vietnamese reader expects."""

import unicodedata

from conftest import post

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
