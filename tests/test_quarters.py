"""Quarter values: parsing the forms staff write, and arithmetic (property-based)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gecolumn.quarters import Quarter, quarter_range

quarters = st.builds(Quarter, st.integers(1900, 2200), st.integers(1, 4))


@pytest.mark.parametrize(
    "text",
    [
        "2024-Q1",
        "2024-q1",
        "Q1/2024",
        "q1/2024",
        "Quý I/2024",
        "quý i/2024",
        "QUÝ I/2024",
        "Quý 1 năm 2024",
        "Quý 1/2024",
        " Quý  I / 2024 ",
    ],
)
def test_every_form_staff_write_reads_as_the_same_quarter(text):
    assert Quarter.parse(text) == Quarter(2024, 1)


def test_roman_numerals_up_to_four():
    assert [Quarter.parse(f"Quý {r}/2025").number for r in ("I", "II", "III", "IV")] == [1, 2, 3, 4]


def test_decomposed_unicode_parses_like_composed():
    import unicodedata

    assert Quarter.parse(unicodedata.normalize("NFD", "Quý IV năm 2024")) == Quarter(2024, 4)


@pytest.mark.parametrize("text", ["2024-Q5", "Q0/2024", "Quý V/2024", "2024", "Q1/24", "quarter one", ""])
def test_anything_else_is_refused(text):
    with pytest.raises(ValueError):
        Quarter.parse(text)


def test_quarter_boundaries_are_calendar_quarters():
    assert Quarter.of(datetime.date(2024, 3, 31)) == Quarter(2024, 1)
    assert Quarter.of(datetime.date(2024, 4, 1)) == Quarter(2024, 2)
    assert Quarter(2024, 1).last_day == datetime.date(2024, 3, 31)
    assert Quarter(2024, 4).last_day == datetime.date(2024, 12, 31)
    assert str(Quarter(2024, 3)) == "2024-Q3" and Quarter(2024, 3).vietnamese == "Quý III/2024"


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 12, 31)))
def test_a_date_lies_inside_its_quarter(day):
    quarter = Quarter.of(day)
    assert quarter.first_day <= day <= quarter.last_day


@given(quarters, st.integers(-400, 400))
def test_adding_then_subtracting_returns_the_same_quarter(quarter, n):
    assert (quarter + n) - n == quarter
    assert (quarter + n) - quarter == n


@given(quarters, quarters)
def test_order_follows_time(a, b):
    assert (a < b) == (a.first_day < b.first_day)


@given(quarters)
def test_text_forms_round_trip(quarter):
    assert Quarter.parse(str(quarter)) == quarter
    assert Quarter.parse(quarter.vietnamese) == quarter
    assert (quarter + 1).first_day == quarter.last_day + datetime.timedelta(days=1)


@given(quarters, st.integers(0, 60))
def test_range_includes_both_ends(first, length):
    span = list(quarter_range(first, first + length))
    assert len(span) == length + 1 and span[0] == first and span[-1] == first + length
    assert list(quarter_range(first + 1, first)) == []
