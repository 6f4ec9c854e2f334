"""The demo column in a real headless browser (Debian's chromium), as a reader on the web sees it."""

import datetime
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT

# GECOLUMN_CHROMIUM names another binary (e.g. /usr/bin/chromium-browser on Ubuntu).
CHROMIUM = os.environ.get("GECOLUMN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
TODAY = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))

pytestmark = pytest.mark.browser


def _require_chromium():
    if Path(CHROMIUM).is_file():
        return
    message = f"Chromium not found ({CHROMIUM}): browser tests SKIPPED. Install Debian's package: apt-get install chromium"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must run them: .ci/run installs it)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    """The demo column built as on 22/11/2026 and served over HTTP on localhost."""
    _require_chromium()
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(TODAY.timestamp())), "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir)], check=True, env=env
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Flags keep Chromium from reaching out to the network it does not have here.
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A phone-sized page that records console errors and failed requests."""
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="vi-VN")
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: tab.console_errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    tab.on("requestfailed", lambda request: tab.console_errors.append(f"failed: {request.url}"))
    yield tab
    assert tab.console_errors == []
    context.close()


def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search box and return the result titles."""
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.includes('khởi tạo')")
    page.wait_for_timeout(300)
    return [title.strip() for title in page.locator(".md-search-result__item > .md-search-result__link h1").all_inner_texts()]


def test_home_page_lists_the_latest_posts(page, demo_url):
    page.goto(demo_url)
    titles = page.locator("ul.column-posts--latest .column-post__title").all_inner_texts()
    assert titles[0] == "Sơ kết Tháng hành động vì bình đẳng giới năm 2025"
    assert len(titles) == 10
    assert page.locator(".column-campaign").inner_text().startswith("Đang diễn ra: Tháng hành động")


@pytest.mark.parametrize(
    "query", ["ngoi nha binh dang", "ngôi nhà bình đẳng", unicodedata.normalize("NFD", "ngôi nhà bình đẳng")]
)
def test_search_finds_a_post_with_or_without_diacritics(page, demo_url, query):
    page.goto(demo_url)
    assert 'Kết quả cuộc thi vẽ tranh "Ngôi nhà bình đẳng"' in search(page, query)


def test_coverage_page_shows_the_missing_quarter(page, demo_url):
    page.goto(demo_url + "theo-doi/")
    row = page.locator("table.column-coverage tr", has=page.locator("th", has_text="Quý III/2026"))
    assert "Thiếu bài" in row.inner_text()
    assert "Còn thiếu bài: Quý I/2026; Quý II/2026; Quý III/2026." in page.locator(".column-summary").inner_text()


def test_post_page_shows_its_metadata_and_links_the_next_post(page, demo_url):
    page.goto(demo_url + "bai-viet/ngay-gia-dinh-viet-nam-28-6-gia-dinh-binh-dang-khong-bao-luc/")
    meta = page.locator("dl.column-meta").inner_text()
    for shown in (
        "Thứ Sáu, ngày 28 tháng 6 năm 2024",
        "Trường THCS Bảo Khê",
        "Quý II/2024",
        "Công đoàn trường",
        "Ngày Gia đình Việt Nam",
    ):
        assert shown in meta
    page.locator("a[rel=next]").click()
    page.wait_for_url("**/chung-tay-phong-chong-bao-luc-hoc-duong-ngay-tu-dau-nam-hoc/")
    assert page.locator("article h1").inner_text() == "Chung tay phòng, chống bạo lực học đường ngay từ đầu năm học"
