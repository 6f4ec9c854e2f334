"""The web editor (Decap CMS at quan-tri/): what a build publishes, and a post written in Chromium as a teacher writes it.

The browser tests run the column's editor against Decap's local server (``decap-server``, from
``package-lock.json``) on 127.0.0.1, on one temporary column that is a git repository; the
first test writes a post through the page, the second edits it. With ``GECOLUMN_SCREENSHOTS``
set to a folder they save the staff guide's screenshots there
(``GECOLUMN_SCREENSHOTS=docs/anh-huong-dan .venv/bin/python -m pytest -n 0 tests/test_editor.py``).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import frontmatter
import pytest
import yaml
from conftest import ROOT, Site, free_port, post, require_chromium, require_tool, serving
from PIL import Image, ImageDraw

from gecolumn import editor
from gecolumn.config import read_column_config

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
TODAY = "2024-04-20"
TITLE = "Ngày hội: Bình đẳng giới ở trường THCS"
SLUG = "ngay-hoi-binh-dang-gioi-o-truong-thcs"
TWO_UNITS = {
    "start": "2024-Q1",
    "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}, "lien-doi": {"name": "Liên đội TNTP Hồ Chí Minh"}},
}
SCREENSHOTS = os.environ.get("GECOLUMN_SCREENSHOTS")


def _require(what: str, present: bool, how: str) -> None:
    require_tool(what, present, how, "editor tests")


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Cô Lan", "-c", "user.email=lan@truong.edu.vn", "-C", str(root), *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def phone_photo() -> bytes:
    """A small phone photo as phones write it: stored on its side with EXIF orientation 6, GPS and camera data."""
    upright = Image.new("RGB", (300, 450), (236, 239, 241))
    draw = ImageDraw.Draw(upright)
    draw.rectangle((0, 0, 300, 60), fill=(211, 47, 47))  # top, once shown upright
    draw.rectangle((0, 390, 300, 450), fill=(25, 118, 210))  # bottom
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = "samsung", "SM-A325F", 6
    exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 1.0, 30.5), 3: "E", 4: (105.0, 51.0, 12.25)})
    out = io.BytesIO()
    upright.transpose(Image.Transpose.ROTATE_90).save(out, "JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


# --- what the build publishes ----------------------------------------------------------------


@pytest.fixture(scope="module")
def column(tmp_path_factory):
    """A column of two units with its editor on, built, a git repository; Decap's local server on a free port."""
    _require("Decap CMS", DECAP_SERVER.is_file(), "python3 scripts/dev.py test installs it (npm ci)")
    port = free_port()
    site = Site(tmp_path_factory.mktemp("editor"), {**TWO_UNITS, "editor": {"local_port": port}})
    site.add("2024/ra-mat.md", post(title="Ra mắt chuyên mục", date="08/03/2024", quarter="2024-Q1", unit="thcs-bao-khe"))
    built = site.build(today=TODAY)
    assert built.returncode == 0, built.stderr
    git(site.root, "init", "-q", "-b", "main")
    (site.root / ".gitignore").write_text("site/\n.cache/\n", encoding="utf-8")
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", "Chuyên mục mới")
    site.port = port
    return site


def test_the_editor_is_published_with_decap_pinned_and_a_config_made_from_the_fields(column):
    folder = column.site_dir / "quan-tri"
    assert (folder / "decap-cms.js").is_file() and (folder / "gecolumn-editor.js").is_file()
    assert not list(folder.glob("*.map")) and not list(folder.glob("cms.js"))
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert package["devDependencies"]["decap-cms"] == editor.DECAP_VERSION  # the pin and the code agree
    config = yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "vi" and config["local_backend"]["url"] == f"http://127.0.0.1:{column.port}/api/v1"
    posts = config["collections"][0]
    assert (posts["folder"], posts["path"], posts["media_folder"]) == ("posts", "{{year}}/{{slug}}", "")
    fields = {field["name"]: field for field in posts["fields"]}
    assert list(fields) == ["title", "date", "quarter", "unit", "tags", "summary", "author", "image", "draft", "body"]
    assert fields["date"]["format"] == "DD/MM/YYYY HH:mm" and fields["quarter"]["widget"] == "hidden"
    assert fields["unit"]["options"] == [
        {"label": "Trường THCS Bảo Khê", "value": "thcs-bao-khe"},
        {"label": "Liên đội TNTP Hồ Chí Minh", "value": "lien-doi"},
    ]


def test_the_editor_page_says_noindex_and_is_in_no_sitemap_search_index_or_navigation(column):
    page = column.html("quan-tri/index.html")
    assert page.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    assert page.find("html")["lang"] == "vi"
    assert "quan-tri" not in (column.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for built in column.site_dir.rglob("*"):
        if built.is_file() and "quan-tri" not in built.parts and built.suffix in (".html", ".xml", ".json", ".pf_meta"):
            assert b"quan-tri" not in built.read_bytes(), built


def test_with_one_unit_the_unit_is_fixed_not_asked():
    column, problems = read_column_config(
        {"column": {"start": "2024-Q1", "units": {"thcs-bao-khe": "Trường THCS Bảo Khê"}, "editor": True}}
    )
    assert not problems
    unit = next(f for f in editor.decap_config(column)["collections"][0]["fields"] if f["name"] == "unit")
    assert (unit["widget"], unit["default"]) == ("hidden", "thcs-bao-khe")


def test_without_decap_installed_the_build_says_how_to_install_it_and_strict_fails(make_site):
    site = make_site({**TWO_UNITS, "editor": True})
    site.add("2024/ra-mat.md", post(unit="thcs-bao-khe"))
    old = site.root / "node_modules" / "decap-cms"
    old.mkdir(parents=True)
    (old / "package.json").write_text('{"version": "2.10.0"}', encoding="utf-8")  # the column's own, older Decap
    result = site.build("--strict", today="2024-03-20")
    assert result.returncode == 1 and not (site.site_dir / "quan-tri").exists()
    assert (
        "mkdocs.yml: LỖI [extra.column.editor]: trình soạn bài trên web (editor) đang bật nhưng chưa cài Decap CMS"
        in result.stderr
    )
    assert (
        f"npm install --save-exact decap-cms@{editor.DECAP_VERSION} decap-server" in result.stderr and "'2.10.0'" in result.stderr
    )


def test_an_editor_setting_of_the_wrong_kind_names_the_key():
    _, problems = read_column_config({"column": {**TWO_UNITS, "editor": {"backend": "dropbox"}}})
    assert [(p.field, p.params["expected"]) for p in problems] == [("extra.column.editor.backend", "local / github / gitlab")]


@pytest.mark.parametrize("base_url", ["javascript:alert(document.domain)//", 'https://a.vn/"><script>', "dang-nhap.vn"])
def test_a_sign_in_address_that_is_not_a_web_address_is_refused(base_url):
    editor = {"backend": "github", "repo": "truong/cot", "base_url": base_url}
    column, problems = read_column_config({"column": {**TWO_UNITS, "editor": editor}})
    assert [p.field for p in problems] == ["extra.column.editor.base_url"]
    assert column is None or column.editor is None or column.editor.base_url is None


# --- a post written in the browser -------------------------------------------------------------


@pytest.fixture(scope="module")
def editing(column, browser):
    """Decap's local server on the column, the built site served, a Vietnamese browser page signed in."""
    require_chromium()
    node = shutil.which("node")
    _require("Node.js", node is not None, "Install Node.js 18 or later")
    env = {**os.environ, "PORT": str(column.port), "BIND_HOST": "127.0.0.1", "MODE": "fs", "GIT_REPO_DIRECTORY": str(column.root)}
    server = subprocess.Popen([node, str(DECAP_SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", column.port), timeout=0.5).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.stdout.read().decode()
                time.sleep(0.1)
        with serving(column.site_dir) as origin:
            context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(f"{origin}/quan-tri/")
            page.get_by_role("button", name="Đăng nhập").click()
            page.get_by_text("Bài viết", exact=True).first.wait_for()
            yield page
            context.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def shoot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / name))


def publish(page) -> None:
    page.get_by_text("Công bố", exact=True).click()
    page.get_by_text("Công bố ngay").click()
    page.get_by_text("Đã công bố").wait_for()


@pytest.mark.browser
def test_a_post_written_in_the_editor_passes_the_check_and_is_published(column, editing, tmp_path):
    page = editing
    shoot(page, "trinh-soan-bai-danh-sach.png")
    page.get_by_text("＋ bài viết").click()
    page.locator("input[id^=title-field]").fill(TITLE)
    page.locator("input[id^=date-field]").fill("2024-04-15T07:30")  # 15/04: no month 15, so a month-first reading fails
    page.locator("input[id^=unit-field]").click()
    page.get_by_text("Liên đội TNTP Hồ Chí Minh", exact=True).click()
    page.locator("input[id^=tags-field]").fill("Gia đình, Luật Bình đẳng giới")
    page.locator("textarea[id^=summary-field]").fill("Liên đội tổ chức ngày hội tìm hiểu Luật Bình đẳng giới.")
    page.locator("button[role=switch][class*=ToolbarToggle]").click()  # the body as Markdown
    page.locator("[data-slate-editor=true]").click()
    page.keyboard.type("Sáng 15/4, Liên đội tổ chức ngày hội.\n\n## Hoạt động\n\n- Tọa đàm\n- Hội thi vẽ tranh")
    photo = tmp_path / "IMG_20240415_0930.jpg"
    photo.write_bytes(phone_photo())
    page.get_by_text("Chọn một hình").click()
    page.locator("input[type=file]").set_input_files(photo)
    page.get_by_text("img_20240415_0930.jpg").wait_for()
    shoot(page, "trinh-soan-bai-anh.png")
    page.get_by_text("Lấy những cái đã chọn").click()
    page.locator("input[id^=title-field]").scroll_into_view_if_needed()
    shoot(page, "trinh-soan-bai-viet.png")
    publish(page)

    saved = column.posts / "2024" / f"{SLUG}.md"
    text = saved.read_text(encoding="utf-8")
    header = frontmatter.loads(text)
    assert header.metadata == {
        "title": TITLE,
        "date": "15/04/2024 07:30",
        "quarter": "2024-Q2",
        "unit": "lien-doi",
        "tags": ["Gia đình", "Luật Bình đẳng giới"],
        "summary": "Liên đội tổ chức ngày hội tìm hiểu Luật Bình đẳng giới.",
        "image": "img_20240415_0930.jpg",
        "draft": False,
    }
    assert "## Hoạt động" in header.content and "- Tọa đàm" in header.content

    with Image.open(saved.parent / "img_20240415_0930.jpg") as uploaded:  # beside the post, upright, bare
        exif = uploaded.getexif()
        assert uploaded.size == (300, 450) and not exif and not exif.get_ifd(0x8825) and "exif" not in uploaded.info
        top, bottom = uploaded.convert("RGB").getpixel((150, 10)), uploaded.convert("RGB").getpixel((150, 440))
    assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]  # the red band on top, as the photo was taken

    check = column.check("--today", TODAY)
    assert check.returncode == 0 and SLUG not in check.stdout + check.stderr, check.stdout + check.stderr
    built = column.build("--strict", today=TODAY)
    assert built.returncode == 0, built.stderr
    published = column.html(f"bai-viet/{SLUG}/index.html")
    assert published.find("h1").get_text(strip=True) == TITLE and published.find("h2", string="Hoạt động") is not None
    assert [
        li.get_text()
        for li in published.select("article ul li, .md-content ul li")
        if li.get_text() in ("Tọa đàm", "Hội thi vẽ tranh")
    ]
    assert published.find("meta", property="og:image")["content"].endswith(".jpg")


@pytest.mark.browser
def test_editing_a_post_in_the_editor_changes_only_what_was_edited(column, editing):
    page = editing
    assert (column.posts / "2024" / f"{SLUG}.md").is_file(), "the post the test before this one writes in the editor"
    git(column.root, "add", "-A")
    git(column.root, "commit", "-q", "-m", "Bài viết trong trình soạn")
    page.goto(page.url.split("#")[0] + f"#/collections/posts/entries/2024/{SLUG}")
    summary = page.locator("textarea[id^=summary-field]")
    summary.fill("Liên đội tổ chức ngày hội tìm hiểu Luật Bình đẳng giới 2006.")
    publish(page)
    changed = git(column.root, "status", "--porcelain").splitlines()
    assert changed == [f" M posts/2024/{SLUG}.md"]
    diff = [line for line in git(column.root, "diff", "-U0").splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert diff == [
        "-summary: Liên đội tổ chức ngày hội tìm hiểu Luật Bình đẳng giới.",
        "+summary: Liên đội tổ chức ngày hội tìm hiểu Luật Bình đẳng giới 2006.",
    ]
