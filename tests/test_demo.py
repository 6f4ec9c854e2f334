"""The demo column in posts/: a newcomer in any year gets a clean build that still shows a missing quarter."""

import csv
import datetime
import json
import os
import re
import subprocess
import sys

from bs4 import BeautifulSoup
from conftest import ROOT, run_python

from gecolumn.quarters import Quarter
from gecolumn.reporting import TOTAL


def clean_environment():
    return {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "LANG", "LC_ALL")} | {
        "NO_MKDOCS_2_WARNING": "1"
    }


def test_the_demo_builds_strictly_without_a_date_given(tmp_path):
    result = run_python(
        ["-m", "mkdocs", "build", "--strict", "-f", ROOT / "mkdocs.yml", "-d", tmp_path / "site"],
        env=clean_environment(),
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site" / "theo-doi" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Số liệu đến ngày 10/12/2025" in page.get_text()
    missing = [td for td in page.select("table.column-coverage td") if td.select_one(".column-status--missing")]
    assert len(missing) == 1  # the Pioneers' branch missed Quý III/2025; the column as a whole did not
    summary = [" ".join(p.get_text().split()) for p in page.select(".column-summary")]
    assert summary == [
        "Cả chuyên mục: mọi quý đến hạn đều đã có bài.",
        "Đơn vị còn thiếu bài: Quý III/2025 (Liên đội TNTP Hồ Chí Minh).",
    ]


def test_the_check_judges_the_demo_on_its_pinned_day_and_an_option_still_wins():
    def check(*args):
        command = [ROOT / "scripts" / "check_quarters.py", "-f", ROOT / "mkdocs.yml", "--format", "json"]
        result = run_python([*command, *args], env=clean_environment(), cwd=ROOT)
        return result.returncode, json.loads(result.stdout)

    code, report = check()
    assert (code, report["today"], report["missing"]) == (0, "2025-12-10", [])
    code, report = check("--today", "2026-11-22")
    assert code == 1 and report["today"] == "2026-11-22" and {"quarter": "2026-Q1", "unit": None} in report["missing"]


def test_the_report_and_the_check_judge_the_demo_on_the_same_day_with_the_same_verdicts(tmp_path):
    # One column, one today: the report counts what the check counts (never the post
    # scheduled after `as_of`), and calls a quarter missing where the check does.
    def run(script, *args):
        command = [ROOT / "scripts" / script, "-f", ROOT / "mkdocs.yml", *args]
        result = run_python(command, env=clean_environment(), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return result.stdout

    check = json.loads(run("check_quarters.py", "--format", "json"))
    printed = run("report.py", "--from", "2024-Q1", "--to", "2025-Q4", "--csv", str(tmp_path / "bao-cao.csv"))
    with open(tmp_path / "bao-cao.csv", encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    quarters = [str(Quarter.parse(name)) for name in header[1:-4]]
    [total] = [row for row in rows if row and row[0] == TOTAL]
    posts = dict(zip(quarters, map(int, total[1 : len(quarters) + 1]), strict=True))
    day = datetime.date.fromisoformat(check["today"])
    assert f"(đến ngày {day:%d/%m/%Y})" in printed
    current = str(Quarter.of(day))
    from_report = {q: "ok" if n else "in_progress" if q == current else "missing" for q, n in posts.items()}
    from_check = {cell["quarter"]: cell["status"] for cell in check["quarters"]}
    assert from_report == from_check
    assert posts == {cell["quarter"]: cell["posts"] for cell in check["quarters"]}


def test_staff_commands_work_as_the_guide_writes_them_with_a_bare_python(tmp_path):
    # A Python with none of the column's packages, like the one a teacher's laptop has.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "bare")], check=True)
    bare = tmp_path / "bare" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    result = subprocess.run(
        [str(bare), str(ROOT / "scripts" / "check_quarters.py"), "-f", str(ROOT / "mkdocs.yml")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=clean_environment(),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Mọi quý đến hạn đều đã có bài" in result.stdout


FILE_NAME = re.compile(r"^[\w.-]+\.(jpe?g|png|webp|gif|avif|svg|heic)$", re.IGNORECASE)


def reader_pages(site):
    """Every built page of the demo, parsed, that a reader opens (not the editor's admin page)."""
    for path in sorted(site.rglob("*.html")):
        if "quan-tri" not in path.relative_to(site).parts:
            yield path.relative_to(site), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def true_alt(image) -> bool:
    """The alt text says something: not nothing, not the file's name."""
    alt = image.get("alt", "").strip()
    stem = image.get("src", "").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return bool(alt) and not FILE_NAME.match(alt) and alt != stem


def decorative_card_image(image) -> bool:
    """A card's thumb, marked decorative on purpose (alt="") beside the title that names the post."""
    card = image.find_parent(class_="column-card")
    title = card.select_one(".column-card__title a") if card else None
    return image.get("alt") == "" and title is not None and title.get_text().strip() != ""


def test_the_demo_shows_its_images_with_true_alt_text_and_its_prose_with_vietnamese_quotes(demo_site):
    # The demo is the product's showcase: a picture says what it shows (never a file name or
    # nothing), and quotes in the text a reader sees are typographic, not typed straight.
    home = BeautifulSoup((demo_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    first = home.select_one(".md-content img")
    assert first is None or true_alt(first) or decorative_card_image(first), first
    photos, straight = [], []
    for path, page in reader_pages(demo_site):
        for image in page.select(".md-content img"):
            assert true_alt(image) or decorative_card_image(image), f"{path}: {image}"
            photos += [image.get("alt")] if true_alt(image) else []
        for hidden in page.select(".md-content code, .md-content pre, .md-content script, .md-content style"):
            hidden.decompose()
        content = page.select_one(".md-content")
        shown = [page.title.get_text() if page.title else "", content.get_text() if content else ""]
        shown += [image.get("alt", "") for image in page.select(".md-content img")]
        straight += [f"{path}: …{text[max(0, i - 30) : i + 30]}…" for text in shown if (i := text.find('"')) >= 0]
    assert any(alt.startswith("Hình minh hoạ:") for alt in photos)  # the illustration says it is one
    assert straight == []
