"""theo-doi.json: the column's coverage as data, in a documented format a district's monitor can rely on."""

import json

import jsonschema
import pytest
from conftest import post

from gecolumn.coverage_data import SCHEMA_FILE

TWO_UNITS = {
    "start": "2024-Q1",
    "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}, "mn-hoa-sen": {"name": "Trường MN Hoa Sen", "since": "2024-Q3"}},
    "per_unit": True,
}
SITE = "https://thcs-baokhe.edu.vn/binh-dang-gioi/"


@pytest.fixture
def built(make_site):
    site = make_site(TWO_UNITS)
    site.add("2024/a.md", post(title="Ngày 8/3", date="08/03/2024 07:30", unit="thcs-bao-khe"))
    site.add("2024/b.md", post(title="Gia đình", date="28/06/2024", quarter="2024-Q2", unit="thcs-bao-khe"))
    site.add("2024/c.md", post(title="Nháp", date="01/07/2024", quarter="2024-Q3", unit="mn-hoa-sen", draft="true"))
    assert site.build(today="2024-11-22").returncode == 0
    return site


def document(site) -> dict:
    return json.loads((site.site_dir / "theo-doi.json").read_text(encoding="utf-8"))


def test_every_build_writes_coverage_data_valid_against_the_shipped_schema(built):
    data = document(built)
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")), format_checker=jsonschema.FormatChecker())
    assert (data["schema"], data["site_url"], data["today"], data["start"], data["per_unit"]) == (
        1,
        SITE,
        "2024-11-22",
        "2024-Q1",
        True,
    )
    assert data["units"][1] == {"id": "mn-hoa-sen", "name": "Trường MN Hoa Sen", "since": "2024-Q3"}


def test_each_unit_has_each_due_quarter_with_its_count_and_status(built):
    cells = {(c["unit"], c["quarter"]): (c["posts"], c["status"]) for c in document(built)["quarters"]}
    assert cells[("thcs-bao-khe", "2024-Q1")] == (1, "ok")
    assert cells[("thcs-bao-khe", "2024-Q3")] == (0, "missing")
    assert cells[("mn-hoa-sen", "2024-Q3")] == (0, "missing")  # a draft does not count
    assert cells[("mn-hoa-sen", "2024-Q4")] == (0, "in_progress")
    assert ("mn-hoa-sen", "2024-Q2") not in cells  # due from its since
    assert {"unit": "mn-hoa-sen", "quarter": "2024-Q3"} in document(built)["missing"]


def test_published_posts_are_listed_with_absolute_urls_and_local_dates(built):
    posts = document(built)["posts"]
    assert [p["title"] for p in posts] == ["Gia đình", "Ngày 8/3"]
    assert posts[1] == {
        "title": "Ngày 8/3",
        "url": SITE + "bai-viet/ngay-8-3/",
        "date": "2024-03-08T07:30:00+07:00",
        "quarter": "2024-Q1",
        "unit": "thcs-bao-khe",
    }


def test_the_coverage_page_links_the_data_and_announces_it_to_monitors(built):
    page = built.html("theo-doi/index.html")
    announced = page.find("link", rel="alternate", type="application/json")
    assert announced["href"] == "../theo-doi.json"
    assert page.select_one("p.column-data a")["href"] == "../theo-doi.json"
