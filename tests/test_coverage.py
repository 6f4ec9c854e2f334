"""The quarterly rule, through the public functions: which quarters are due, missing, in progress."""

import datetime
import types

import pytest
from conftest import post

from gecolumn import dates
from gecolumn.config import read_column_config
from gecolumn.coverage import Status, coverage
from gecolumn.coverage import judge as judge_counts
from gecolumn.dates import Today, TodaySource, find_today
from gecolumn.messages import render_located
from gecolumn.posts import load_posts
from gecolumn.quarters import Quarter

DAY = datetime.date


def judge(make_site, files, today, column=None):
    column = column or {"start": "2024-Q1", "units": {"thcs-bao-khe": "Trường THCS Bảo Khê"}}
    site = make_site(column)
    for path, content in files.items():
        site.add(path, content)
    config, problems = read_column_config({"column": column})
    assert not problems
    corpus = load_posts(site.posts, config)
    assert not corpus.problems
    return coverage(corpus.posts, config, today)


def statuses(report):
    return {(str(c.quarter), c.unit.id if c.unit else None): c.status.value for c in report.cells}


def test_quarter_with_no_post_is_missing_and_current_quarter_is_in_progress(make_site):
    report = judge(make_site, {"a.md": post(date="08/03/2024", quarter="2024-Q1")}, DAY(2024, 11, 22))
    assert statuses(report) == {
        ("2024-Q1", None): "ok",
        ("2024-Q2", None): "missing",
        ("2024-Q3", None): "missing",
        ("2024-Q4", None): "in_progress",
    }
    current = report.cells[-1]
    assert current.days_left == 40  # 22 Nov to 31 Dec, today included
    assert [str(c.quarter) for c in report.missing] == ["2024-Q2", "2024-Q3"]


def test_current_quarter_with_a_post_is_ok(make_site):
    report = judge(make_site, {"a.md": post(date="01/01/2024")}, DAY(2024, 1, 2))
    assert statuses(report) == {("2024-Q1", None): "ok"}


def test_post_dated_after_today_does_not_count(make_site):
    report = judge(make_site, {"a.md": post(date="30/03/2024")}, DAY(2024, 3, 29))
    assert report.cells[0].status is Status.IN_PROGRESS and report.cells[0].posts == ()
    later = judge(make_site, {"a.md": post(date="30/03/2024")}, DAY(2024, 4, 2))
    assert later.cells[0].status is Status.OK


def test_draft_does_not_count(make_site):
    report = judge(make_site, {"a.md": post(draft="true")}, DAY(2024, 5, 1))
    assert statuses(report)[("2024-Q1", None)] == "missing"


def test_nothing_is_due_before_start(make_site):
    report = judge(make_site, {}, DAY(2023, 12, 31))
    assert report.cells == ()


def test_per_unit_judges_each_unit_from_its_own_since(make_site):
    column = {
        "start": "2024-Q1",
        "per_unit": True,
        "units": {
            "thcs-bao-khe": {"name": "Trường THCS Bảo Khê"},
            "mn-hoa-sen": {"name": "Trường MN Hoa Sen", "since": "2024-Q3"},
        },
    }
    files = {
        "a.md": post(title="a", date="08/03/2024", unit="thcs-bao-khe"),
        "b.md": post(title="b", date="10/07/2024", quarter="2024-Q3", unit="mn-hoa-sen"),
    }
    report = judge(make_site, files, DAY(2024, 10, 5), column)
    assert statuses(report) == {
        ("2024-Q1", "thcs-bao-khe"): "ok",
        ("2024-Q2", "thcs-bao-khe"): "missing",
        ("2024-Q3", "thcs-bao-khe"): "missing",
        ("2024-Q4", "thcs-bao-khe"): "in_progress",
        ("2024-Q3", "mn-hoa-sen"): "ok",
        ("2024-Q4", "mn-hoa-sen"): "in_progress",
    }


def test_without_per_unit_any_unit_covers_the_quarter(make_site):
    column = {"start": "2024-Q1", "units": {"a": "A", "b": "B"}}
    report = judge(make_site, {"x.md": post(unit="b")}, DAY(2024, 4, 1), column)
    assert statuses(report) == {("2024-Q1", None): "ok", ("2024-Q2", None): "in_progress"}


def test_the_rule_on_counts_gives_unknown_only_to_evidence_that_cannot_prove_absence():
    # The check, the report and the district judge here; only a feed's window (known_from) is unknown before it.
    due, today = (Quarter(2024, 1), Quarter(2025, 4)), DAY(2024, 11, 22)  # never judged past today's quarter

    def shown(cells):
        return [(str(c.quarter), c.status.value, c.count) for c in cells]

    assert shown(judge_counts({Quarter(2024, 2): 1}, due, today)) == [
        ("2024-Q1", "missing", 0),
        ("2024-Q2", "ok", 1),
        ("2024-Q3", "missing", 0),
        ("2024-Q4", "in_progress", 0),
    ]
    assert shown(judge_counts({Quarter(2024, 3): 2}, due, today, known_from=Quarter(2024, 2))) == [
        ("2024-Q1", "unknown", None),
        ("2024-Q2", "missing", 0),
        ("2024-Q3", "ok", 2),
        ("2024-Q4", "in_progress", 0),
    ]
    assert [c.days_left for c in judge_counts({}, due, today)] == [None, None, None, 40]


def test_today_comes_from_the_option_then_source_date_epoch_then_the_clock_in_hanoi(monkeypatch):
    assert find_today("2024-05-01", {"SOURCE_DATE_EPOCH": "0"}) == Today(DAY(2024, 5, 1), TodaySource.OPTION, "2024-05-01")
    # 2024-03-31 18:00 UTC is already 1 April in Hanoi.
    assert find_today(None, {"SOURCE_DATE_EPOCH": "1711908000"}).date == DAY(2024, 4, 1)

    class Clock(datetime.datetime):
        """The computer's clock stopped at that same instant, whatever time zone the computer is in."""

        @classmethod
        def now(cls, tz=None):
            return datetime.datetime(2024, 3, 31, 18, tzinfo=datetime.UTC).astimezone(tz)

    monkeypatch.setattr(dates, "datetime", types.SimpleNamespace(date=datetime.date, datetime=Clock))
    assert find_today(None, {}) == Today(DAY(2024, 4, 1), TodaySource.CLOCK)
    with pytest.raises(ValueError):
        find_today("22/11/2024", {})


def test_config_errors_name_mkdocs_yml_and_the_key():
    config, problems = read_column_config({"column": {"start": "Q5/2024", "units": {"THCS Bảo Khê": "x"}, "per_unt": True}})
    assert config is None
    rendered = [render_located(p) for p in problems]
    assert any(r.startswith("mkdocs.yml: LỖI [extra.column.start]") and "2024-Q1" in r for r in rendered)
    assert any("[extra.column.units.THCS Bảo Khê]" in r and "thcs-bao-khe" in r for r in rendered)
    assert any("CẢNH BÁO [extra.column.per_unt]" in r and "'per_unit'" in r for r in rendered)
    missing = read_column_config({})[1]
    assert [p.field for p in missing] == ["extra.column"]


def test_config_reads_units_with_since():
    config, problems = read_column_config(
        {"column": {"start": "Quý I/2024", "units": {"mn-hoa-sen": {"name": "MN Hoa Sen", "since": "Q3/2024"}}}}
    )
    assert problems == [] and str(config.due_from(config.units[0])) == "2024-Q3" and str(config.due_from()) == "2024-Q3"
