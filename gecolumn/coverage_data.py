"""The column's coverage as data (``theo-doi.json``): what a district's monitor reads instead of scraping pages.

A small, versioned format (``"schema": 1``, JSON Schema in ``gecolumn/schemas/``): the
column, the day it was judged on, its units, every due quarter of every unit with its post
count and status, and every published post with its absolute URL. Other tools may rely on
it; a change that breaks a reader bumps ``schema``.

    >>> data = coverage_document(plan.posts, judged, config, today, {}, "https://x.edu.vn/", "Chuyên mục")
    >>> data["schema"], data["units"][0]["id"], data["missing"]
    (1, 'thcs-bao-khe', [{'unit': None, 'quarter': '2024-Q3'}])
"""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import urljoin

from gecolumn.config import ColumnConfig
from gecolumn.coverage import Cell, Coverage
from gecolumn.views import PostView

SCHEMA_VERSION = 1
SCHEMA_FILE = Path(__file__).parent / "schemas" / "theo-doi-1.schema.json"
"""The JSON Schema of :func:`coverage_document`, shipped with the package."""


def coverage_document(
    views: tuple[PostView, ...],
    coverage: Coverage,
    config: ColumnConfig,
    today: datetime.date,
    urls: dict[str, str],
    site_url: str,
    name: str,
) -> dict:
    """The coverage document of a column on ``today``; ``urls`` maps a page's src_uri to its URL below ``site_url``."""
    return {
        "schema": SCHEMA_VERSION,
        "name": name,
        "site_url": site_url,
        "today": today.isoformat(),
        "start": str(config.start),
        "per_unit": config.per_unit,
        "units": [{"id": u.id, "name": u.name, "since": str(u.since) if u.since else None} for u in config.units],
        "quarters": [_cell(cell) for cell in coverage.by_unit],
        "whole": [_cell(cell) for cell in coverage.whole],
        "missing": [{"unit": cell.unit.id if cell.unit else None, "quarter": str(cell.quarter)} for cell in coverage.missing],
        "posts": [
            {
                "title": view.post.title,
                "url": urljoin(site_url, urls.get(view.src_uri, "")),
                "date": view.post.published.isoformat(),
                "quarter": str(view.post.quarter),
                "unit": view.post.unit,
            }
            for view in views
            if not view.post.welcome  # not a quarter's post: the cells do not count it either
        ],
    }


def _cell(cell: Cell) -> dict:
    return {
        "unit": cell.unit.id if cell.unit else None,
        "quarter": str(cell.quarter),
        "posts": len(cell.posts),
        "status": cell.status.value,
    }
