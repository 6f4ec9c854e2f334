"""A column written by an attacker, in a real browser: every field a reader sees carries a payload, and nothing runs."""

import json
import re
import shutil
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, Site, goto_settled, require_chromium, serving, settled

pytestmark = pytest.mark.browser

IMG = "<img src=x onerror=alert(1)>"
PAYLOADS = (IMG, '"><img src=x onerror=alert(1)>', "</title><script>alert(1)</script>")
PAYLOADS += ("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "'-alert(1)-'")
EVERY = " ".join(PAYLOADS)
TITLE = f"Bình đẳng <giới> và {IMG}"
SUMMARY = f'Tóm tắt có "ngoặc kép" và {EVERY} hết.'
BODY = """Đoạn mở đầu <b>an toàn</b>.

<script>alert(1)</script>

<img src=x onerror=alert(1)>

[x](javascript:alert(1))

<iframe src="javascript:alert(1)"></iframe>

<a href="data:text/html,<script>alert(1)</script>">d</a>

<svg onload=alert(1)>

<form action=https://evil.example><input name=p></form>

Mã: `<img src=x onerror=alert(1)>` và `</title><script>alert(1)</script>`
"""
# Entities and srcset hide a scheme from a filter that looks for "javascript:" as written.
HIDDEN = '<a href="jav&#x09;ascript:alert(1)">t</a> <img src="x" srcset="javascript:alert(1) 1x">'
# File → title, date, quarter, unit, other fields, body. Values are written as JSON strings, which YAML reads.
POSTS = {
    "2024/tan-cong.md": (TITLE, "08/03/2024", "2024-Q1", "truong-a", {"tags": list(PAYLOADS) + ["../..", "a/b"]}, BODY),
    "2024/the-title.md": (PAYLOADS[2], "08/04/2024", "2024-Q2", "truong-a", {"summary": PAYLOADS[1]}, BODY),
    "2024/thuc-the.md": (PAYLOADS[3], "08/07/2024", "2024-Q3", "truong-b", {"slug": "thuc-the"}, f"Chữ {PAYLOADS[3]}.\n"),
    "2024/nhay.md": (PAYLOADS[4], "08/10/2024", "2024-Q4", "truong-b", {"image": 'https://x/" onerror="alert(1)'}, "Chữ.\n"),
    "2024/che-giau.md": ("Che giấu", "08/02/2024", "2024-Q1", "truong-b", {}, f"Chữ.\n\n{HIDDEN}\n"),
}
SCRIPT = "<script>alert(1)</script>"
FIRST_UNSAFE_LINE = {"2024/tan-cong.md": SCRIPT, "2024/the-title.md": SCRIPT, "2024/che-giau.md": HIDDEN}
POST_URLS = {
    TITLE: "bai-viet/binh-dang-gioi-va-img-src-x-onerror-alert-1/",
    PAYLOADS[2]: "bai-viet/title-script-alert-1-script/",
    PAYLOADS[3]: "bai-viet/thuc-the/",
    PAYLOADS[4]: "bai-viet/alert-1/",
}
PAGE_TYPES = {
    "home": "",
    "post": POST_URLS[TITLE],
    "post with hidden schemes": "bai-viet/che-giau/",
    "archive": "luu-tru/",
    "archive year": "luu-tru/2024/",
    "units": "don-vi/",
    "unit": "don-vi/truong-a/",
    "unit year": "don-vi/truong-a/2024/",
    "tags": "chu-de/",
    "tag": "chu-de/img-src-x-onerror-alert-1/",
    "tag '../..'": "chu-de/khac/",
    "coverage": "theo-doi/",
    "404": "404.html",
    "guide": "huong-dan/",
    "search words in the URL": POST_URLS[TITLE] + "?h=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "search query in the URL": "?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
}
# Served under the sub-folder site_url names, so the 404 page's absolute links resolve.
FOLDER = "binh-dang-gioi/"


def _front_matter(title, date, quarter, unit, fields) -> str:
    values = {"title": title, "date": date, "quarter": quarter, "unit": unit, "summary": SUMMARY, "author": EVERY, **fields}
    return "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile column built on 22/11/2024 (conftest's default day): (site folder, mkdocs' stderr)."""
    root = tmp_path_factory.mktemp("hostile")
    units = {"truong-a": {"name": f"Trường {EVERY}"}, "truong-b": {"name": "Trường B"}}
    theme = {"name": "material", "language": "vi", "font": False}
    settings = {"site_name": f"Chuyên mục {EVERY}", "site_description": f"Mô tả {EVERY}", "copyright": f"© {EVERY}"}
    settings.update(site_author=EVERY, repo_name=EVERY, repo_url="https://git.example/cot")
    site = Site(root, {"start": "2024-Q1", "units": units}, {**settings, "theme": {**theme, "features": ["search.highlight"]}})
    if (ROOT / "docs" / "huong-dan.md").is_file():
        shutil.copy(ROOT / "docs" / "huong-dan.md", root / "docs")
        shutil.copytree(ROOT / "docs" / "anh-huong-dan", root / "docs" / "anh-huong-dan")  # its screenshots
    for path, (title, date, quarter, unit, fields, body) in POSTS.items():
        site.add(path, f"---\n{_front_matter(title, date, quarter, unit, fields)}\n---\n\n{body}")
    served = root / "www"
    build = site.build("-d", str(served / FOLDER))
    assert build.returncode == 0, build.stderr
    return served / FOLDER, build.stderr


@pytest.fixture(scope="module")
def site_url(hostile):
    require_chromium()
    with serving(hostile[0].parent) as origin:
        yield f"{origin}/{FOLDER}"


def _is_error(message) -> bool:
    # <img src=x> (kept by the sanitizers) and the cover https://x/… are left to fail to load,
    # so that an onerror= which survived would fire: their failed loads are expected.
    url = message.location.get("url", "")
    bait = message.text.startswith("Failed to load resource") and (url.endswith("/x") or url.startswith("https://x/"))
    return message.type == "error" and not bait


@pytest.fixture
def page(browser):
    """A phone-sized tab that records every dialog (and dismisses it), console error and page error."""
    context = browser.new_context(viewport={"width": 412, "height": 915}, locale="vi-VN")
    tab = context.new_page()
    tab.ran = []
    tab.on("dialog", lambda dialog: (tab.ran.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.on("console", lambda m: _is_error(m) and tab.ran.append(f"console: {m.text} {m.location.get('url')}"))
    tab.on("pageerror", lambda error: tab.ran.append(f"pageerror: {error}"))
    try:
        yield tab
    finally:
        context.close()


# Elements and attributes of the DOM that could carry an attacker's code, as the browser built them.
LIVE_IN_DOM = """() => [
  ...[...document.scripts].filter(s => s.textContent.includes('alert(')).map(s => 'script: ' + s.textContent),
  ...[...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
    .filter(a => a.name.startsWith('on') || /^\\s*(javascript|vbscript|data(?!:image\\/)):/i.test(a.value))
    .map(a => `${el.tagName} ${a.name}=${a.value}`)),
  ...[...document.querySelectorAll('iframe, object, embed, form[action*=evil], input[name=p]')].map(el => el.outerHTML),
]"""


def live_markup(fragment: str) -> list[str]:
    """What in an HTML fragment a browser would run or submit: scripts, frames, forms, handlers, script URLs."""
    soup = BeautifulSoup(fragment, "html.parser")
    found = [str(tag) for tag in soup.find_all(["script", "iframe", "svg", "form", "input", "object", "embed"])]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") or re.match(r"\s*(javascript|vbscript|data(?!:image/)):", value, re.IGNORECASE):
                found.append(f"<{tag.name} {name}={value!r}>")
    return found


SEARCHED = r"/kết quả|Không tìm thấy|Không tải được/"
"""What the search panel says once a search has ended."""


def search(page, query: str) -> None:
    """Type ``query`` into Material's search box and wait for its results."""
    if not page.locator("input.md-search__input").is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=10)
    page.wait_for_function(f"() => document.querySelector('.md-search-result__meta').textContent.match({SEARCHED})")
    page.wait_for_timeout(300)


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_payload_runs_on_any_page_type(page, site_url, path):
    goto_settled(page, site_url + path)  # Material's own fetches and every image load have ended
    assert page.evaluate(LIVE_IN_DOM) == []
    assert page.ran == []


def test_searching_the_payload_words_runs_nothing(page, site_url):
    page.goto(site_url)
    for query in ("img", "alert", "script", "title", "onerror", "lt gt", IMG, PAYLOADS[2], "Bình đẳng giới"):
        search(page, query)
        assert page.evaluate(LIVE_IN_DOM) == [], query
    with settled(page), page.expect_navigation():  # a result opens its page with ?h= highlighting
        page.locator(".md-search-result__item a").first.click()
    assert page.evaluate(LIVE_IN_DOM) == []
    assert page.ran == []


@pytest.mark.parametrize("title", POST_URLS, ids=["angle-brackets", "close-title", "entities", "quotes"])
def test_a_title_with_markup_reads_literally(page, site_url, title):
    page.goto(site_url + POST_URLS[title])
    assert page.locator("article h1").inner_text() == title
    assert page.title().startswith(f"{title} – ")
    assert page.ran == []


def test_share_tags_carry_the_whole_summary_and_title(hostile):
    html = BeautifulSoup((hostile[0] / POST_URLS[TITLE] / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert html.find("meta", property="og:description")["content"] == SUMMARY
    assert html.find("meta", attrs={"name": "twitter:description"})["content"] == SUMMARY
    assert html.find("meta", attrs={"name": "description"})["content"] == SUMMARY
    assert html.find("meta", property="og:title")["content"] == TITLE


def test_build_log_names_the_post_file_and_line_of_removed_html(hostile):
    for path, unsafe in FIRST_UNSAFE_LINE.items():
        lines = (f"---\n{_front_matter(*POSTS[path][:5])}\n---\n\n{POSTS[path][5]}").splitlines()
        warning = re.search(rf"^WARNING +- +posts/{path}(:\d+)?: .*\[body\].*$", hostile[1], re.MULTILINE)
        assert warning, hostile[1]
        assert warning.group(1) == f":{lines.index(unsafe) + 1}", warning.group(0)
    for removed in ("<script>", "onerror=", "javascript:", "<iframe", "data:", "<svg>", "<form>"):
        assert removed in re.search(r"^WARNING +- +posts/2024/tan-cong.md:.*$", hostile[1], re.MULTILINE).group(0)


def test_feed_entries_carry_no_live_markup(hostile):
    feed = feedparser.parse((hostile[0] / "rss.xml").read_bytes())
    assert len(feed.entries) == len(POSTS)
    for entry in feed.entries:
        assert live_markup(entry.content[0].value + entry.summary) == []
    # feedparser sanitizes what it reads: the raw XML says what a less careful reader receives.
    # RSS <description> and content:encoded both hold HTML, entity-encoded in the XML.
    encoded = "{http://purl.org/rss/1.0/modules/content/}encoded"
    for item in ET.parse(hostile[0] / "rss.xml").iter("item"):
        for html in (item.findtext(encoded), item.findtext("description")):
            assert "<script" not in html.lower() and live_markup(html) == [], html
