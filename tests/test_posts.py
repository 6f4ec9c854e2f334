"""Reading posts: every file under posts/ becomes a valid post or a message that says how to fix it."""

import datetime
import unicodedata

from conftest import ONE_UNIT, post

from gecolumn import posts as posts_module
from gecolumn.config import read_column_config
from gecolumn.messages import render_located, render_problem
from gecolumn.posts import load_posts

TWO_UNITS = {
    "start": "2024-Q1",
    "units": {"thcs-bao-khe": {"name": "Trường THCS Bảo Khê"}, "mn-hoa-sen": {"name": "Trường MN Hoa Sen"}},
}


def read(make_site, files: dict, column=ONE_UNIT):
    site = make_site(column)
    for path, content in files.items():
        site.add(path, content)
    config, problems = read_column_config({"column": column})
    assert problems == []
    return load_posts(site.posts, config)


def only_problem(corpus):
    assert len(corpus.problems) == 1, [render_located(p) for p in corpus.problems]
    return corpus.problems[0]


def test_a_valid_post_is_read_with_every_field(make_site):
    corpus = read(
        make_site,
        {
            "2024/a.md": post(
                tags="[Luật Bình đẳng giới, Gia đình]",
                summary="Tóm tắt",
                author="Công đoàn",
                image="anh.jpg",
                date="08/03/2024 07:30",
            ),
            "2024/anh.jpg": b"\xff\xd8\xff",
        },
    )
    [p] = corpus.posts
    assert (p.title, p.unit, p.slug, p.tags) == (
        "Bình đẳng giới trong trường học",
        "thcs-bao-khe",
        "binh-dang-gioi-trong-truong-hoc",
        ("Luật Bình đẳng giới", "Gia đình"),
    )
    assert p.published.isoformat() == "2024-03-08T07:30:00+07:00"
    assert (p.summary, p.author, p.image, p.draft, p.path) == ("Tóm tắt", "Công đoàn", "2024/anh.jpg", False, "2024/a.md")
    assert corpus.problems == ()


def test_windows_saved_file_reads_like_a_plain_one(make_site):
    plain = post(title="Bình đẳng giới", quarter="Quý I/2024")
    windows = b"\xef\xbb\xbf" + unicodedata.normalize("NFD", plain).replace("\n", "\r\n").encode("utf-8")
    assert "ì".encode() not in windows and "i\u0300".encode() in windows  # the title really is decomposed
    corpus = read(make_site, {"plain.md": plain, "windows.md": windows})
    # Same slug means a clash: proof both files were read identically.
    assert [p.slug for p in corpus.posts] == ["binh-dang-gioi"]
    problem = only_problem(corpus)
    assert problem.code == "duplicate_slug" and "plain.md" in render_problem(problem)
    [alone] = read(make_site, {"windows.md": windows}).posts
    assert alone.title == "Bình đẳng giới"  # NFC, as the plain file has it: slugs fold NFD anyway


def test_windows_saved_post_has_its_metadata(make_site):
    text = post(title="Ngày Gia đình Việt Nam", date="28/06/2024", quarter="Quý II/2024", tags="[Gia đình]")
    corpus = read(make_site, {"a.md": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")})
    [p] = corpus.posts
    assert (p.title, str(p.quarter), p.tags, corpus.body(p)) == (
        "Ngày Gia đình Việt Nam",
        "2024-Q2",
        ("Gia đình",),
        "Nội dung.\n",
    )


def test_every_date_form_is_local_time(make_site):
    forms = {
        "a.md": ("2024-03-08", "2024-03-08T00:00:00+07:00"),
        "b.md": ("2024-03-08 07:30", "2024-03-08T07:30:00+07:00"),
        "c.md": ("08/03/2024", "2024-03-08T00:00:00+07:00"),
        "d.md": ("8/3/2024 7:05", "2024-03-08T07:05:00+07:00"),
        "e.md": ("2024-03-08T01:00:00Z", "2024-03-08T08:00:00+07:00"),
    }
    corpus = read(make_site, {name: post(title=name, date=date) for name, (date, _) in forms.items()})
    assert {p.path: p.published.isoformat() for p in corpus.posts} == {name: iso for name, (_, iso) in forms.items()}


def test_quarter_comes_from_the_local_date_not_utc(make_site):
    # 06:00 on 1 April in Hanoi is still 31 March in UTC.
    corpus = read(make_site, {"a.md": post(date="2024-04-01 06:00", quarter="2024-Q2")})
    assert str(corpus.posts[0].quarter) == "2024-Q2" and corpus.problems == ()


def test_date_quarter_mismatch_names_both_and_the_right_quarter(make_site):
    corpus = read(make_site, {"2024/a.md": post(date="05/04/2024", quarter="Quý I/2024")})
    problem = only_problem(corpus)
    assert (problem.file, problem.field, problem.line) == ("posts/2024/a.md", "quarter", 4)
    message = render_problem(problem)
    assert "Quý I/2024" in message and "05/04/2024" in message and "Quý II/2024" in message and "quarter: 2024-Q2" in message
    assert corpus.posts == ()


def test_impossible_day_is_a_date_error(make_site):
    problem = only_problem(read(make_site, {"a.md": post(date="31/02/2024")}))
    assert problem.field == "date" and problem.line == 3 and "31/02/2024" in render_problem(problem)


def test_unknown_unit_lists_known_ids_and_the_closest(make_site):
    problem = only_problem(read(make_site, {"a.md": post(unit="thcs-baokhe")}, TWO_UNITS))
    message = render_problem(problem)
    assert problem.field == "unit" and "thcs-bao-khe, mn-hoa-sen" in message and "Có phải ý bạn là 'thcs-bao-khe'" in message
    assert "Did you mean 'thcs-bao-khe'" in render_problem(problem, "en")


def test_unit_may_be_left_out_only_when_the_site_has_one(make_site):
    assert read(make_site, {"a.md": post()}).posts[0].unit == "thcs-bao-khe"
    problem = only_problem(read(make_site, {"b.md": post()}, TWO_UNITS))
    assert problem.code == "unit_required" and "mn-hoa-sen" in render_problem(problem)


def test_misspelt_field_is_a_warning_that_suggests_the_field(make_site):
    corpus = read(make_site, {"a.md": post(qurter="2024-Q1")})
    problem = only_problem(corpus)
    assert not problem.is_error and problem.field == "qurter" and problem.line == 5
    assert "'quarter'" in render_problem(problem)
    assert len(corpus.posts) == 1  # a warning never drops a post


def test_broken_yaml_says_where(make_site):
    problem = only_problem(read(make_site, {"a.md": post(title="Ngày 8/3: tôn vinh phụ nữ")}))
    assert (problem.code, problem.line, problem.field) == ("yaml_syntax", 2, "title")
    assert "ngoặc kép" in render_problem(problem)


def test_missing_and_empty_required_fields(make_site):
    corpus = read(make_site, {"a.md": post(title=None), "b.md": post(date=""), "c.md": "---\n---\nchỉ có nội dung\n"})
    codes = sorted((p.file, p.field, p.code) for p in corpus.problems)
    assert ("posts/a.md", "title", "missing_field") in codes
    assert ("posts/b.md", "date", "empty_field") in codes
    assert {c[1] for c in codes if c[0] == "posts/c.md"} == {"title", "date", "quarter"}
    assert corpus.posts == ()


def test_file_without_front_matter_or_not_utf8_is_reported_not_dropped(make_site):
    corpus = read(make_site, {"a.md": "Chỉ có nội dung\n", "b.md": post().encode("cp1258", "replace"), "c.md": "---\ntitle: x\n"})
    assert {p.file: p.code for p in corpus.problems} == {
        "posts/a.md": "no_front_matter",
        "posts/b.md": "not_utf8",
        "posts/c.md": "unclosed_front_matter",
    }


def test_slug_transliterates_vietnamese_and_nfd_gives_the_same(make_site):
    corpus = read(
        make_site,
        {"a.md": post(title="Bình đẳng giới"), "b.md": post(title=unicodedata.normalize("NFD", "Đoàn – Đội tuyên truyền"))},
    )
    assert sorted(p.slug for p in corpus.posts) == ["binh-dang-gioi", "doan-doi-tuyen-truyen"]


def test_explicit_slug_must_be_ascii(make_site):
    problem = only_problem(read(make_site, {"a.md": post(slug="Bình đẳng")}))
    assert problem.field == "slug" and "slug: binh-dang" in render_problem(problem)


def test_duplicate_slug_names_both_files_and_keeps_the_first_published(make_site):
    corpus = read(make_site, {"a.md": post(date="10/03/2024"), "b.md": post(date="01/03/2024")})
    assert [p.path for p in corpus.posts] == ["b.md"]
    problem = only_problem(corpus)
    assert problem.file == "posts/a.md" and "posts/b.md" in render_problem(problem)


def test_a_scheduled_post_never_takes_the_url_of_a_published_one_and_only_waits(make_site):
    # Dated after today, it is not out: the clash is a warning (rename it before its day), and
    # the published post keeps its link. On its day it is out, and the same clash is an error.
    site = make_site()
    site.add("a-da-dang.md", post(title="Ngày hội gia đình", date="01/03/2024"))
    site.add("b-hen-gio.md", post(title="Ngày hội gia đình", date="01/12/2024", quarter="2024-Q4"))
    config = read_column_config({"column": ONE_UNIT})[0]
    for today, is_error in ((datetime.date(2024, 11, 22), False), (datetime.date(2024, 12, 1), True)):
        corpus = load_posts(site.posts, config, today=today)
        assert [p.path for p in corpus.posts] == ["a-da-dang.md"]
        [problem] = corpus.problems
        assert (problem.file, problem.code, problem.is_error) == ("posts/b-hen-gio.md", "duplicate_slug", is_error)


def test_hidden_private_and_lock_files_are_not_posts_other_files_are_assets(make_site):
    corpus = read(
        make_site,
        {
            "2024/a.md": post(),
            "2024/anh-bia.jpg": b"\xff\xd8",
            "_nhap.md": "không phải bài",
            ".an.md": "không phải bài",
            "~$a.md": b"\x00lock",
            "_mau/b.md": "không phải bài",
            "UPPER.MD": post(title="Viết hoa"),
        },
    )
    assert sorted(p.path for p in corpus.posts) == ["2024/a.md", "UPPER.MD"]
    assert corpus.assets == ("2024/anh-bia.jpg",) and corpus.problems == ()


def test_tags_typed_as_a_line_are_split_and_draft_must_be_boolean(make_site):
    corpus = read(make_site, {"a.md": post(tags="Gia đình, Luật, Gia đình"), "b.md": post(title="b", draft="có")})
    assert corpus.posts[0].tags == ("Gia đình", "Luật")
    problem = only_problem(corpus)
    assert (problem.file, problem.field) == ("posts/b.md", "draft") and "true" in render_problem(problem)


def test_every_message_is_vietnamese_by_default_and_english_on_request(make_site):
    problem = only_problem(read(make_site, {"a.md": post(date="hôm qua")}))
    assert render_located(problem).startswith("posts/a.md:3: LỖI [date]: ngày 'hôm qua' không đọc được. Cách sửa:")
    assert render_located(problem, "en").startswith("posts/a.md:3: ERROR [date]: date 'hôm qua' cannot be read. Fix:")


def test_reading_in_two_processes_gives_the_same_corpus(make_site):
    site = make_site(TWO_UNITS)
    for n in range(40):
        site.add(f"{n % 3}/bai-{n}.md", post(title=f"Bài {n}", unit="mn-hoa-sen" if n % 2 else "thcs-bao-khe"))
    site.add("loi.md", post(unit="sai"))
    site.add("trung.md", post(title="Bài 7", date="09/03/2024"))
    config, _ = read_column_config({"column": TWO_UNITS})
    sequential, parallel = load_posts(site.posts, config, workers=1), load_posts(site.posts, config, workers=2)
    assert len(sequential.posts) == 40 and len(sequential.errors) == 2
    assert parallel == sequential


def test_control_characters_pasted_from_word_are_dropped_not_fatal(make_site):
    corpus = read(make_site, {"a.md": post(title="Bình\x0b đẳng\x0c giới", body="Đoạn\x07 văn.")})
    [p] = corpus.posts
    assert (p.title, corpus.body(p)) == ("Bình đẳng giới", "Đoạn văn.\n") and corpus.problems == ()


def test_a_post_over_a_megabyte_is_refused_with_its_size_and_the_rest_are_read(make_site):
    corpus = read(make_site, {"lon.md": post() + "x" * 2_000_000, "a.md": post(title="Bài a")})
    assert [p.path for p in corpus.posts] == ["a.md"]
    problem = only_problem(corpus)
    assert (problem.file, problem.code, problem.params) == (
        "posts/lon.md",
        "file_too_large",
        {"size": "2.0 MB", "limit": "1.0 MB"},
    )


def test_a_post_that_grew_past_a_megabyte_after_the_scan_is_still_refused(make_site, monkeypatch):
    site = make_site()
    grown = site.add("a.md", post())
    site.add("b.md", "")
    scan = posts_module.scan_sources

    def scan_then_grow(*args, **kwargs):
        found = scan(*args, **kwargs)
        grown.write_bytes(post().encode() + b"x" * 2_000_000)  # between the scan and the read
        return found

    monkeypatch.setattr(posts_module, "scan_sources", scan_then_grow)
    corpus = load_posts(site.posts, read_column_config({"column": ONE_UNIT})[0])
    assert {(p.file, p.code) for p in corpus.problems} == {("posts/a.md", "file_too_large"), ("posts/b.md", "no_front_matter")}
