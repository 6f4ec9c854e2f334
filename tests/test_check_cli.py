"""The CI command as CI runs it: exit codes, text, JSON and GitHub output, languages."""

import json
import os

from conftest import ROOT, post, run_python

TODAY = "2024-11-22"


def test_all_due_quarters_covered_exits_0_with_a_vietnamese_table(make_site):
    site = make_site()
    for n, (date, quarter) in enumerate([("08/03/2024", "2024-Q1"), ("28/06/2024", "2024-Q2"), ("09/09/2024", "2024-Q3")]):
        site.add(f"{n}.md", post(title=f"Bài {n}", date=date, quarter=quarter))
    result = site.check("--today", TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Quý III/2024" in result.stdout and "đã có bài" in result.stdout
    assert "Quý IV/2024" in result.stdout and "đang diễn ra, còn 40 ngày" in result.stdout
    assert result.stdout.rstrip().endswith("Mọi quý đến hạn đều đã có bài. Tốt lắm!")


def test_missing_quarter_exits_1_and_says_which(make_site):
    site = make_site()
    site.add("a.md", post())
    result = site.check("--today", TODAY)
    assert result.returncode == 1
    assert "THIẾU BÀI" in result.stdout
    assert "Còn thiếu bài ở 2 quý: Quý II/2024, Quý III/2024" in result.stdout


def test_invalid_post_exits_2_even_when_quarters_are_missing(make_site):
    site = make_site()
    site.add("2024/sai.md", post(date="05/04/2024", quarter="2024-Q1"))
    result = site.check("--today", TODAY)
    assert result.returncode == 2
    assert "posts/2024/sai.md:4: LỖI [quarter]:" in result.stdout
    assert "Quý II/2024 (2024-Q2)" in result.stdout
    assert "Bài bị lỗi không được đăng và không được tính" in result.stdout


def test_invalid_configuration_exits_2_naming_mkdocs_yml(make_site):
    site = make_site({"start": "2024", "units": {"a": "A"}})
    result = site.check("--today", TODAY)
    assert result.returncode == 2 and "mkdocs.yml: LỖI [extra.column.start]" in result.stdout


def test_unreadable_mkdocs_yml_exits_2(make_site):
    site = make_site()
    site.config.write_text("site_name: [không đóng\n", encoding="utf-8")
    result = site.check()
    assert result.returncode == 2 and "không đọc được tệp cấu hình" in result.stdout


def test_warnings_alone_do_not_fail(make_site):
    site = make_site({"start": "2024-Q4", "units": {"thcs-bao-khe": "Trường THCS Bảo Khê"}})
    site.add("a.md", post(date="01/10/2024", quarter="2024-Q4", tac_gia="Cô Lan"))
    result = site.check("--today", "2024-10-02")
    assert result.returncode == 0 and "CẢNH BÁO [tac_gia]" in result.stdout


def test_json_report_has_quarters_missing_errors_and_warnings(make_site):
    site = make_site()
    site.add("a.md", post(qurter="x"))
    site.add("b.md", post(title="Sai ngày", date="hôm nay"))
    result = site.check("--today", "2024-07-01", "--format", "json")
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert report["today"] == "2024-07-01"
    assert report["quarters"] == [
        {"quarter": "2024-Q1", "unit": None, "posts": 1, "status": "ok", "days_left": None},
        {"quarter": "2024-Q2", "unit": None, "posts": 0, "status": "missing", "days_left": None},
        {"quarter": "2024-Q3", "unit": None, "posts": 0, "status": "in_progress", "days_left": 92},
    ]
    assert report["missing"] == [{"quarter": "2024-Q2", "unit": None}]
    [error] = report["errors"]
    assert (error["file"], error["line"], error["field"]) == ("posts/b.md", 3, "date") and "hôm nay" in error["message"]
    [warning] = report["warnings"]
    assert warning["field"] == "qurter" and "'quarter'" in warning["message"]


def test_json_per_unit_names_units(make_site):
    site = make_site({"start": "2024-Q1", "per_unit": True, "units": {"a": "Trường A", "b": "Trường B"}})
    site.add("a.md", post(unit="a"))
    report = json.loads(site.check("--today", "2024-04-01", "--format", "json").stdout)
    assert report["missing"] == [{"quarter": "2024-Q1", "unit": "b"}]


def test_github_format_annotates_and_writes_the_job_summary(make_site, tmp_path):
    site = make_site()
    site.add("2024/a.md", post(unit="khong-co"))
    summary = tmp_path / "summary.md"
    result = site.check("--today", "2024-04-02", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=posts/2024/a.md,line=5,title=unit::đơn vị 'khong-co'") for line in lines)
    assert any(line.startswith("::error title=Thiếu bài Quý I/2024::") for line in lines)
    table = summary.read_text(encoding="utf-8")
    assert "| Quý I/2024 | (cả chuyên mục) | 0 | ❌ THIẾU BÀI |" in table and "posts/2024/a.md:5" in table


def test_english_on_request_or_from_lang(make_site):
    site = make_site()
    site.add("a.md", post(date="hôm qua"))
    for result in (site.check("--today", TODAY, "--lang", "en"), site.check("--today", TODAY, env={"LANG": "en_US.UTF-8"})):
        assert result.returncode == 2
        assert "posts/a.md:3: ERROR [date]: date 'hôm qua' cannot be read." in result.stdout
        assert "LỖI" not in result.stdout


def test_source_date_epoch_sets_today(make_site):
    site = make_site()
    site.add("a.md", post())
    result = site.check("--format", "json", env={"SOURCE_DATE_EPOCH": "1711908000"})  # 2024-04-01 01:00 in Hanoi
    assert json.loads(result.stdout)["today"] == "2024-04-01" and result.returncode == 0


def test_bad_today_option_is_a_clear_error(make_site):
    result = make_site().check("--today", "22/11/2024")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_the_demo_column_passes_the_check_while_it_was_written():
    command = [ROOT / "scripts" / "check_quarters.py", "-f", ROOT / "mkdocs.yml", "--today", "2026-01-05", "--format", "json"]
    result = run_python(command, env=dict(os.environ), cwd=os.getcwd())
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout
    assert [q["status"] for q in report["quarters"]] == ["ok"] * 8 + ["in_progress"]
    assert report["errors"] == [] and report["warnings"] == []
