"""Staff and publishing tools through their command lines: new_post, package_site, report, CI files."""

import csv
import hashlib
import json
import os
import pty
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, photo, post, run_python
from openpyxl import load_workbook

from gecolumn.messages import MESSAGES

TWO_UNITS = {
    "start": "2024-Q1",
    "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}, "mn-hoa-sen": {"name": "Trường MN Hoa Sen", "since": "2024-Q2"}},
}


def run(script: str, *args: str, cwd: Path, stdin=None, today: str = "2025-03-05") -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(int(__import__("datetime").datetime.fromisoformat(f"{today}T12:00:00+07:00").timestamp())),
    }
    return run_python(
        [ROOT / "scripts" / script, *args], cwd=cwd, env=env, stdin=stdin if stdin is not None else subprocess.DEVNULL
    )


# --- new_post -----------------------------------------------------------------------------


def test_new_post_writes_a_post_that_passes_the_check_and_builds(make_site):
    site = make_site(TWO_UNITS)
    result = run(
        "new_post.py",
        "--title",
        "Phòng chống bạo lực học đường",
        "--unit",
        "mn-hoa-sen",
        "--date",
        "04/03/2025 07:30",
        "--tag",
        "Trường học",
        cwd=site.root,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "posts/2025/phong-chong-bao-luc-hoc-duong.md"
    text = (site.root / result.stdout.strip()).read_text(encoding="utf-8")
    assert "date: 04/03/2025 07:30\nquarter: 2025-Q1\nunit: mn-hoa-sen\n" in text and "- Trường học" in text
    # Unwritten, it is a draft: valid, but neither published nor counted (issue 12).
    assert "draft: true" in text and "THÔNG TIN: bản nháp (draft: true)" in result.stderr
    report = json.loads(site.check("--today", "2025-03-05", "--format", "json").stdout)
    assert (
        report["errors"] == []
        and {"quarter": "2025-Q1", "unit": None, "posts": 0, "status": "in_progress", "days_left": 27} in report["quarters"]
    )
    # Written and its draft line removed, it counts and is published.
    (site.root / result.stdout.strip()).write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    report = json.loads(site.check("--today", "2025-03-05", "--format", "json").stdout)
    assert (
        report["errors"] == []
        and {"quarter": "2025-Q1", "unit": None, "posts": 1, "status": "ok", "days_left": 27} in report["quarters"]
    )
    assert site.build(today="2025-03-05").returncode == 0
    assert (site.site_dir / "bai-viet/phong-chong-bao-luc-hoc-duong/index.html").is_file()


def test_new_post_campaign_template_and_default_date_today(make_site):
    site = make_site()
    result = run("new_post.py", "--campaign", "thang-hanh-dong", cwd=site.root, today="2025-11-15")
    assert result.returncode == 0, result.stderr
    text = (site.root / result.stdout.strip()).read_text(encoding="utf-8")
    assert result.stdout.strip() == "posts/2025/huong-ung-thang-hanh-dong-vi-binh-dang-gioi-nam-2025.md"
    assert "date: 15/11/2025\nquarter: 2025-Q4\nunit: thcs-bao-khe\n" in text and "- Tháng hành động vì bình đẳng giới" in text
    assert json.loads(site.check("--today", "2025-11-16", "--format", "json").stdout)["errors"] == []


def test_new_post_never_overwrites(make_site):
    site = make_site()
    existing = site.add("2025/bai.md", "nội dung của cô Lan\n")
    result = run("new_post.py", "--title", "Bài", "--date", "01/02/2025", cwd=site.root)
    assert result.returncode == 1 and "không ghi đè" in result.stderr
    assert existing.read_text(encoding="utf-8") == "nội dung của cô Lan\n"


def test_new_post_rejects_a_date_in_the_wrong_form(make_site):
    site = make_site()
    result = run("new_post.py", "--title", "Bài", "--date", "2025/02/01", cwd=site.root)
    assert result.returncode == 2
    assert "LỖI [date]: ngày '2025/02/01' không đọc được" in result.stderr and "08/03/2024" in result.stderr
    assert not list(site.posts.rglob("*.md"))


def test_new_post_asks_in_vietnamese_when_run_in_a_terminal(make_site):
    site = make_site(TWO_UNITS)
    leader, follower = pty.openpty()
    os.write(leader, "\n05/03/2025\nNgày hội bình đẳng\n2\n".encode())  # Enter: not from a Word file
    result = run("new_post.py", cwd=site.root, stdin=follower)
    os.close(leader), os.close(follower)
    assert result.returncode == 0, result.stderr
    assert (
        "Nhập từ tệp Word (.docx)?" in result.stdout
        and "Ngày đăng [05/03/2025]:" in result.stdout
        and "Tiêu đề bài viết:" in result.stdout
        and "2. Trường MN Hoa Sen (mn-hoa-sen)" in result.stdout
    )
    text = (site.posts / "2025/ngay-hoi-binh-dang.md").read_text(encoding="utf-8")
    assert "title: Ngày hội bình đẳng\n" in text and "unit: mn-hoa-sen\n" in text


# --- package_site ---------------------------------------------------------------------------


def test_package_site_zips_the_whole_site_with_a_checksum(make_site, tmp_path):
    site = make_site()
    site.add("2025/a.md", post(title="Tháng ba", date="05/03/2025", quarter="2025-Q1"))
    site.add("2025/anh.png", photo("PNG"))
    site.write_config({"start": "2025-Q1", "units": {"thcs-bao-khe": "Trường THCS Bảo Khê"}})
    result = run("package_site.py", "--output", str(tmp_path / "dist"), cwd=site.root, today="2025-03-20")
    assert result.returncode == 0, result.stderr
    archive = tmp_path / "dist/thcs-bao-khe-2025-03-20.zip"
    assert result.stdout.split()[0].endswith("thcs-bao-khe-2025-03-20.zip")
    digest, name = (tmp_path / "dist/thcs-bao-khe-2025-03-20.zip.sha256").read_text().split()
    assert name == archive.name and hashlib.sha256(archive.read_bytes()).hexdigest() == digest
    assert site.build(today="2025-03-20").returncode == 0
    built = {p.relative_to(site.site_dir).as_posix() for p in site.site_dir.rglob("*") if p.is_file()}
    with zipfile.ZipFile(archive) as bundle:
        assert set(bundle.namelist()) == built
        assert "bai-viet/thang-ba/index.html" in built and "bai-viet/tep/2025/anh.png" in built
        assert bundle.read("bai-viet/tep/2025/anh.png") == (site.site_dir / "bai-viet/tep/2025/anh.png").read_bytes()


def test_package_site_refuses_when_the_strict_build_fails(make_site, tmp_path):
    site = make_site()
    site.add("a.md", post())  # 2024-Q1 only: later quarters are missing on 2025-03-20
    result = run("package_site.py", "--output", str(tmp_path / "dist"), cwd=site.root, today="2025-03-20")
    assert result.returncode == 1 and "chưa tạo tệp zip" in result.stderr
    assert not (tmp_path / "dist").exists() or not list((tmp_path / "dist").iterdir())


def test_package_site_in_english_tells_the_build_to_speak_english_too(make_site, tmp_path):
    site = make_site()
    site.add("a.md", post())
    result = run("package_site.py", "--output", str(tmp_path / "dist"), "--lang", "en", cwd=site.root, today="2025-03-20")
    assert result.returncode == 1 and "no zip was written" in result.stderr
    assert "2024-Q2 has no awareness post" in result.stderr and "chưa có bài" not in result.stderr  # the build's own warning


# --- report ---------------------------------------------------------------------------------


@pytest.fixture
def district(make_site):
    site = make_site(TWO_UNITS)
    site.add("a1.md", post(title="a1", date="08/03/2024", unit="thcs-bao-khe", tags="[Gia đình, Luật]"))
    site.add("a2.md", post(title="a2", date="20/03/2024", unit="thcs-bao-khe", tags="[Gia đình]"))
    site.add("b1.md", post(title="b1", date="28/06/2024", quarter="2024-Q2", unit="mn-hoa-sen", tags="[Gia đình]"))
    site.add("b2.md", post(title="b2", date="29/06/2024", quarter="2024-Q2", unit="mn-hoa-sen", draft="true"))
    site.add("c1.md", post(title="c1", date="10/07/2024", quarter="2024-Q3", unit="thcs-bao-khe"))
    return site


def test_report_counts_match_the_fixture_on_screen_and_in_csv_and_xlsx(district, tmp_path):
    csv_path, xlsx_path = tmp_path / "bao-cao.csv", tmp_path / "bao-cao.xlsx"
    result = run(
        "report.py",
        "--from",
        "2024-Q1",
        "--to",
        "Quý II/2024",
        "--csv",
        str(csv_path),
        "--xlsx",
        str(xlsx_path),
        cwd=district.root,
        today="2024-11-01",
    )
    assert result.returncode == 0, result.stderr
    assert "BÁO CÁO CHUYÊN MỤC TUYÊN TRUYỀN BÌNH ĐẲNG GIỚI: Quý I/2024 – Quý II/2024" in result.stdout
    assert re.search(r"Trường THCS Bảo Khê\s+2\s+0\s+2\s+1\s+2\s+Quý II/2024", result.stdout)
    expected = [
        ["Đơn vị", "Quý I/2024", "Quý II/2024", "Tổng số bài", "Số quý có bài", "Số quý phải có", "Quý thiếu bài"],
        # Units in Vietnamese alphabetical order: "Trường MN" before "Trường THCS".
        ["Trường MN Hoa Sen", "0", "1", "1", "1", "1", "—"],  # due from 2024-Q2; the draft does not count
        ["Trường THCS Bảo Khê", "2", "0", "2", "1", "2", "Quý II/2024"],
    ]
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM
    rows = list(csv.reader(csv_path.open(encoding="utf-8-sig")))
    assert rows[:3] == expected
    assert rows[3] == ["Tổng cộng", "2", "1", "3", "2/2 đơn vị có bài", "", "1 đơn vị thiếu bài"]
    assert rows[5:] == [
        ["Chủ đề", "Trường MN Hoa Sen", "Trường THCS Bảo Khê", "Tổng"],
        ["Gia đình", "1", "2", "3"],
        ["Luật", "0", "1", "1"],
    ]
    workbook = load_workbook(xlsx_path)
    assert workbook.sheetnames == ["Theo quý", "Theo chủ đề"]
    sheet = [[cell for cell in row] for row in workbook["Theo quý"].iter_rows(values_only=True)]
    assert sheet == [
        expected[0],
        ["Trường MN Hoa Sen", 0, 1, 1, 1, 1, "—"],
        ["Trường THCS Bảo Khê", 2, 0, 2, 1, 2, "Quý II/2024"],
        ["Tổng cộng", 2, 1, 3, "2/2 đơn vị có bài", None, "1 đơn vị thiếu bài"],
    ]
    assert list(workbook["Theo chủ đề"].iter_rows(values_only=True))[1] == ("Gia đình", 1, 2, 3)


def test_report_in_english_has_english_heads_quarters_and_sheets(district, tmp_path):
    csv_path, xlsx_path = tmp_path / "report.csv", tmp_path / "report.xlsx"
    arguments = ("--from", "2024-Q1", "--to", "2024-Q2", "--csv", str(csv_path), "--xlsx", str(xlsx_path), "--lang", "en")
    result = run("report.py", *arguments, cwd=district.root, today="2024-11-01")
    assert result.returncode == 0, result.stderr
    assert "GENDER-EQUALITY COLUMN REPORT: 2024-Q1 – 2024-Q2 (as of 01/11/2024)" in result.stdout
    assert re.search(r"Trường THCS Bảo Khê\s+2\s+0\s+2\s+1\s+2\s+2024-Q2", result.stdout)  # names are the column's own
    rows = list(csv.reader(csv_path.open(encoding="utf-8-sig")))
    assert rows[0] == ["Unit", "2024-Q1", "2024-Q2", "Posts", "Quarters with a post", "Quarters due", "Quarters without a post"]
    assert rows[3] == ["Total", "2", "1", "3", "2/2 units with a post", "", "1 unit(s) without a post"]
    assert rows[5] == ["Topic", "Trường MN Hoa Sen", "Trường THCS Bảo Khê", "All units"]
    workbook = load_workbook(xlsx_path)
    assert workbook.sheetnames == ["By quarter", "By topic"]
    assert workbook["By quarter"]["A4"].value == "Total" and workbook["By quarter"]["A4"].font.bold
    assert "Wrote " in result.stdout and "Đã ghi" not in result.stdout


def test_report_rejects_a_bad_quarter(district):
    result = run("report.py", "--from", "Quý V/2024", "--to", "2024-Q2", cwd=district.root)
    assert result.returncode == 2 and "2024-Q1" in result.stderr


# --- CI files -------------------------------------------------------------------------------


def commands(text: str) -> list[str]:
    return re.findall(r"python (scripts/\w+\.py)", text)


def test_github_workflow_runs_the_check_builds_strict_publishes_main_and_runs_weekly():
    workflow = yaml.safe_load((ROOT / ".github/workflows/chuyen-muc.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and triggers["schedule"][0]["cron"]
    runs = {job: "\n".join(step.get("run", "") for step in spec.get("steps", [])) for job, spec in workflow["jobs"].items()}
    assert "python scripts/check_quarters.py --format github" in runs["check"]
    assert "mkdocs build --strict" in runs["build"] and "pip install -r requirements.lock" in runs["build"]
    assert "refs/heads/main" in workflow["jobs"]["publish"]["if"]
    assert all((ROOT / path).is_file() for job in runs.values() for path in commands(job))


def test_gitlab_ci_runs_the_check_and_publishes_pages_on_main():
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "python scripts/check_quarters.py" in pipeline["check"]["script"]
    assert "python -m mkdocs build --strict" in pipeline["build"]["script"]
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"] and "main" in pipeline["pages"]["rules"][0]["if"]


def test_pre_commit_hook_runs_an_installed_command_that_checks():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "check-quarters" and hook["language"] == "python"
    command = Path(sys.executable).parent / hook["entry"]
    result = subprocess.run([str(command), "--today", "2026-01-05"], capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
    assert result.returncode == 0 and "Mọi quý đến hạn đều đã có bài" in result.stdout
    assert re.search(hook["files"], "posts/2025/a.md") and re.search(hook["files"], "mkdocs.yml")


def test_the_staff_guide_explains_every_message():
    guide = (ROOT / "docs/huong-dan.md").read_text(encoding="utf-8")
    assert [code for code in MESSAGES if f"`{code}`" not in guide] == []


def test_every_package_the_code_imports_is_declared_in_pyproject():
    import ast
    import importlib.metadata
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=!\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-") for requirement in declared}
    providers = importlib.metadata.packages_distributions()
    imported = set()
    for source in (ROOT / "gecolumn").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    undeclared = {
        module: providers[module]
        for module in imported - set(sys.stdlib_module_names) - {"gecolumn"}
        if not {dist.lower().replace("_", "-") for dist in providers.get(module, [module])} & names
    }
    assert not undeclared, f"imported by gecolumn/ but not in pyproject's dependencies: {undeclared}"
