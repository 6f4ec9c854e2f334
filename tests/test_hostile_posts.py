"""Hostile and careless posts: each attack from the review is tried, and each is contained.

A school column is written by many hands and built in CI with secrets in its environment;
one bad file must never leak a file, exhaust the machine or take the other posts down.
"""

import json
import os
import resource
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

import lxml.html
import pytest
from conftest import ONE_UNIT, ROOT, photo, post
from hypothesis import given, settings
from hypothesis import strategies as st

from gecolumn.config import read_column_config
from gecolumn.messages import render_located
from gecolumn.posts import MAX_PARAGRAPH_CHARS, load_posts
from gecolumn.sources import MAX_POST_BYTES

TODAY = "2024-03-20"  # inside 2024-Q1, the only quarter of these posts: nothing is due yet
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space: an alias bomb needs many times more


def limited():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def check_json(site, *args):
    """The CI check as a separate process under a memory limit, with a hang guard."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "check_quarters.py"),
            "-f",
            str(site.config),
            "--today",
            TODAY,
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        preexec_fn=limited,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)


def codes(report) -> dict[str, str]:
    """file → message code of every error and warning in a JSON report."""
    return {p["file"]: p["code"] for p in report["errors"] + report["warnings"]}


def corpus_of(site, column=ONE_UNIT, today=None):
    config, _ = read_column_config({"column": column})
    return load_posts(site.posts, config, today=today)


def all_site_bytes(site_dir) -> bytes:
    return b"".join(path.read_bytes() for path in site_dir.rglob("*") if path.is_file())


# --- the machine: memory, stack, time ------------------------------------------------------

ALIAS_BOMB = "\n".join(
    ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    + [
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)},*{chr(97 + n)}]"
        for n in range(9)
    ]
    + ["date: *j"]
)


def test_alias_bomb_is_refused_at_its_line_without_expanding(make_site):
    site = make_site()
    site.add("bom.md", f"---\ntitle: Bom\n{ALIAS_BOMB}\nquarter: 2024-Q1\n---\nx\n")
    site.add("tot.md", post(title="Bài tốt"))
    code, report = check_json(site)
    assert code == 2
    [error] = report["errors"]
    assert (error["file"], error["code"], error["line"]) == ("posts/bom.md", "yaml_alias", 3)
    assert "'&'" in error["message"]


def test_deeply_nested_brackets_are_refused_not_a_crash(make_site):
    site = make_site()
    site.add("sau.md", "---\ntitle: Sâu\ntags: " + "[" * 5_000 + "]" * 5_000 + "\n---\nx\n")
    site.add("tot.md", post(title="Bài tốt"))
    code, report = check_json(site)
    assert code == 2 and codes(report) == {"posts/sau.md": "too_deep_nesting"}
    result = site.build(today=TODAY)
    assert result.returncode == 0, result.stderr  # the build survives and publishes the rest
    assert (site.site_dir / "bai-viet" / "bai-tot" / "index.html").is_file()


def test_compact_nested_lists_are_refused_too(make_site):
    site = make_site()
    site.add("sau.md", "---\n" + "- " * 5_000 + "x\n---\nx\n")
    code, report = check_json(site)
    assert code == 2 and codes(report) == {"posts/sau.md": "too_deep_nesting"}


def test_huge_front_matter_is_refused_quickly_with_its_size(make_site):
    site = make_site()
    site.add("lon.md", "---\ntitle: Lớn\n" + "".join(f"k{n}: v\n" for n in range(30_000)) + "---\nx\n")
    code, report = check_json(site)
    assert code == 2 and codes(report) == {"posts/lon.md": "front_matter_too_large"}


def test_ten_thousand_tags_are_refused_not_ten_thousand_folders(make_site):
    site = make_site()
    site.add("the.md", post(title="Thẻ", tags="[" + ", ".join(f"t{n}" for n in range(10_000)) + "]"))
    site.add("it-hon.md", post(title="Ít hơn", tags="[" + ", ".join(f"t{n}" for n in range(1_000)) + "]"))
    site.add("tot.md", post(title="Bài tốt"))
    code, report = check_json(site)
    assert code == 2
    assert codes(report) == {"posts/the.md": "front_matter_too_large", "posts/it-hon.md": "too_many_tags"}
    site.build(today=TODAY)
    assert len(list((site.site_dir / "chu-de").iterdir())) <= 2


def test_key_lines_are_right_across_a_large_header():
    from gecolumn.front_matter import key_lines as _key_lines

    front = "".join(f"k{n}: v\n" for n in range(50_000))
    lines = _key_lines(front, 2)
    assert lines["k0"] == 2 and lines["k49999"] == 50_001


# --- files from outside the repository ---------------------------------------------------


@pytest.fixture
def secret(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "id_rsa").write_text("SECRET-KEY-MATERIAL\n")
    return outside / "id_rsa"


def test_symlinks_never_publish_files_from_outside(make_site, secret):
    site = make_site()
    site.add("2024/bai.md", post(title="Bài có ảnh", image="anh.jpg", body="![ảnh](anh.jpg)\n\n[tệp](thu-muc/id_rsa)"))
    (site.posts / "2024" / "anh.jpg").symlink_to(secret)
    (site.posts / "2024" / "thu-muc").symlink_to(secret.parent, target_is_directory=True)
    (site.posts / "2024" / "moi-truong.md").symlink_to("/proc/self/environ")
    code, report = check_json(site)
    assert code == 2
    assert {f: c for f, c in codes(report).items() if c == "symlink_refused"} == {
        "posts/2024/anh.jpg": "symlink_refused",
        "posts/2024/thu-muc": "symlink_refused",
        "posts/2024/moi-truong.md": "symlink_refused",
    }
    site.build(env={"GECOLUMN_CANARY": "CANARY-FROM-ENVIRONMENT"}, today=TODAY, process=True)  # /proc/self/environ is a process's
    published = all_site_bytes(site.site_dir)
    assert b"SECRET-KEY-MATERIAL" not in published and b"CANARY-FROM-ENVIRONMENT" not in published
    page = site.html("bai-viet/bai-co-anh/index.html")
    shared = page.find("meta", property="og:image")["content"]
    assert "/anh-chia-se/" in shared  # the symlinked cover is not shared either: the post's card is


def test_a_fifo_in_posts_is_reported_not_waited_on(make_site):
    site = make_site()
    site.add("tot.md", post())
    os.mkfifo(site.posts / "ong.md")
    code, report = check_json(site)
    assert code == 2 and codes(report) == {"posts/ong.md": "not_regular_file"}


# --- what is an asset ---------------------------------------------------------------------


def test_only_allowed_file_types_are_published_and_the_rest_are_named(make_site):
    site = make_site()
    site.add("2024/bai.md", post())
    refused = {
        "2024/bai.md.bak": "asset_backup",
        "2024/bai.md~": "asset_backup",
        "2024/cu.md.txt": "asset_post_as_text",
        "2024/trang.html": "asset_script",
        "2024/hinh.svg": "asset_script",
        "2024/chay.exe": "asset_other_type",
    }
    for path in refused:
        site.add(path, b"<script>alert(1)</script>")
    site.add("2024/Thumbs.db", b"\0")
    site.add("2024/desktop.ini", b"[.ShellClassInfo]")
    site.add("2024/anh.png", photo("PNG"))
    site.add("2024/ke-hoach.pdf", b"%PDF-1.4")
    code, report = check_json(site)
    assert code == 0, report
    assert codes(report) == {f"posts/{path}": code for path, code in refused.items()}
    site.build(today=TODAY)
    published = {p.name for p in (site.site_dir / "bai-viet" / "tep" / "2024").iterdir()}
    assert published == {"anh.png", "ke-hoach.pdf"}


def test_names_differing_only_in_case_are_one_file_on_windows(make_site):
    site = make_site()
    site.add("a/Anh.PNG", b"\x89PNG1")
    site.add("a/anh.png", b"\x89PNG2")
    corpus = corpus_of(site)
    assert corpus.assets == ("a/Anh.PNG",)
    assert [(p.file, p.code) for p in corpus.problems] == [("posts/a/anh.png", "asset_case_clash")]


def test_other_markdown_extensions_are_posts_checked_like_md(make_site):
    site = make_site()
    site.add("nhap.markdown", post(title="Nháp bí mật", draft="true"))
    site.add("hong.mdown", post(title="Hỏng", date="hôm qua"))
    site.add("dung.mkd", post(title="Bài đúng"))
    code, report = check_json(site)
    assert code == 2 and codes(report) == {"posts/hong.mdown": "bad_date"}
    site.build(today=TODAY)
    assert (site.site_dir / "bai-viet" / "bai-dung" / "index.html").is_file()
    assert b"Nh\xc3\xa1p b\xc3\xad m\xe1\xba\xadt" not in all_site_bytes(site.site_dir)


# --- the body -----------------------------------------------------------------------------


def test_body_lines_that_look_like_metadata_stay_in_the_page_and_feed(make_site):
    site = make_site()
    site.add("lien-he.md", post(title="Đường dây nóng", body="Hotline: 111 (miễn phí)\nEmail: tuvan@truong.edu.vn\n\nNội dung."))
    site.add(
        "an.md", post(title="Bài có khối", date="09/03/2024", body="---\nsearch:\n  exclude: true\n---\n\nVẫn tìm được bài này.")
    )
    site.build(today=TODAY)
    text = site.html("bai-viet/duong-day-nong/index.html").select_one("article").get_text()
    assert "Hotline: 111" in text and "Email: tuvan@truong.edu.vn" in text
    rss = (site.site_dir / "rss.xml").read_text(encoding="utf-8")
    assert "Hotline: 111" in rss
    searched = site.html("bai-viet/bai-co-khoi/index.html").select_one("[data-pagefind-body]")
    assert "Vẫn tìm được bài này" in searched.get_text()
    assert (site.site_dir / "pagefind" / "pagefind.js").is_file()
    assert not (site.site_dir / "search").exists()  # Material's whole-site index is neither built nor published


def test_unsafe_html_in_a_body_is_removed_from_page_and_feed_and_reported_at_its_line(make_site):
    site = make_site()
    body = "Đoạn đầu.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[bấm](javascript:alert(3))"
    site.add("2024/xau.md", post(title="Bài có mã", body=body))
    result = site.build(today=TODAY)
    assert "posts/2024/xau.md:9: CẢNH BÁO [body]:" in result.stderr and "<script>" in result.stderr
    page = (site.site_dir / "bai-viet" / "bai-co-ma" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    for attack in ("alert(1)", "onerror", "javascript:"):
        assert attack not in article
    content = ET.parse(site.site_dir / "rss.xml").find(".//{http://purl.org/rss/1.0/modules/content/}encoded").text
    assert "Đoạn đầu." in content and "<script" not in content and "onerror" not in content and "javascript:" not in content
    assert site.build("--strict", today=TODAY).returncode == 1  # CI makes the author clean it up


def test_links_resolve_as_written_and_code_blocks_are_left_alone(make_site):
    site = make_site()
    body = "![Ảnh][a]\n\n[a]: ảnh%20đẹp%20%231.jpg\n\n```\n![code](anh.jpg)\n```\n\n[bài kia](khac.md)"
    site.add("2024/bai.md", post(title="Bài chính", body=body))
    site.add("2024/khac.md", post(title="Bài khác", date="09/03/2024"))
    site.add(unicodedata.normalize("NFD", "2024/ảnh đẹp #1.jpg"), photo())  # as macOS saves it
    site.add("2024/anh.jpg", photo())
    result = site.build("--strict", today=TODAY)
    assert result.returncode == 0, result.stderr
    page = site.html("bai-viet/bai-chinh/index.html")
    assert page.select_one("article img")["src"] == "../tep/2024/%E1%BA%A3nh%20%C4%91%E1%BA%B9p%20%231.jpg"
    assert page.select_one("article pre").get_text().strip() == "![code](anh.jpg)"
    assert page.find("a", string="bài kia")["href"] == "../bai-khac/"


def test_a_broken_link_warns_under_strict_naming_the_post_file(make_site):
    site = make_site()
    site.add("2024/bai.md", post(body="![ảnh](khong-co.jpg)"))
    result = site.build("--strict", today=TODAY)
    assert result.returncode == 1
    assert "posts/2024/bai.md" in result.stderr and "khong-co.jpg" in result.stderr


# --- fields -------------------------------------------------------------------------------


def test_a_draft_never_takes_the_url_of_a_published_post(make_site):
    site = make_site()
    site.add("a-nhap.md", post(title="Ngày hội gia đình", date="01/03/2024", draft="true"))
    site.add("b-that.md", post(title="Ngày hội gia đình", date="08/03/2024"))
    corpus = corpus_of(site, today=__import__("datetime").date(2024, 11, 22))
    assert [p.path for p in corpus.posts] == ["b-that.md"]
    [problem] = corpus.problems
    assert (problem.file, problem.code, problem.is_error) == ("posts/a-nhap.md", "duplicate_slug", False)


@pytest.mark.parametrize(
    ("image", "code"),
    [
        ("khong-co.jpg", "image_not_found"),
        ("../../etc/passwd", "image_not_found"),
        ("/etc/passwd", "image_bad_url"),
        ("file:///etc/passwd", "image_bad_url"),
        ("javascript:alert(1)", "image_bad_url"),
    ],
)
def test_a_cover_that_does_not_resolve_is_reported_and_dropped(make_site, image, code):
    site = make_site()
    site.add("2024/bai.md", post(image=f'"{image}"'))
    [p] = corpus_of(site).posts
    [problem] = corpus_of(site).problems
    assert (p.image, problem.code, problem.field, problem.is_error) == (None, code, "image", False)


def test_a_repeated_field_is_an_error_at_its_second_line(make_site):
    site = make_site()
    site.add("hai.md", "---\ntitle: Một\ndate: 08/03/2024\nquarter: 2024-Q1\ntitle: Hai\n---\nx\n")
    [problem] = corpus_of(site).problems
    assert (problem.code, problem.field, problem.line) == ("duplicate_field", "title", 5)


def test_text_fields_keep_what_was_typed_not_yaml_1_1_types(make_site):
    site = make_site()
    site.add("a.md", post(title="no", author="010", summary="1:30", slug="2024"))
    [p] = corpus_of(site).posts
    assert (p.title, p.author, p.summary, p.slug) == ("no", "010", "1:30", "2024")


def test_notepad_unicode_files_read_like_utf8(make_site):
    site = make_site()
    site.add("notepad.md", post(title="Bình đẳng").replace("\n", "\r\n").encode("utf-16"))  # BOM + UTF-16LE
    [p] = corpus_of(site).posts
    assert p.title == "Bình đẳng"


def test_invisible_and_direction_characters_are_dropped_and_an_invisible_title_is_empty(make_site):
    site = make_site()
    site.add("a.md", post(title='"Bình\u0085 đẳng\u202e giới\u200b"'))
    site.add("b.md", post(title='"\u200b\u202e\u2066"', date="09/03/2024"))
    corpus = corpus_of(site)
    assert [p.title for p in corpus.posts] == ["Bình đẳng giới"]
    assert [(p.file, p.code) for p in corpus.problems] == [("posts/b.md", "empty_field")]


def test_every_new_problem_has_a_message_in_both_languages(make_site, secret):
    site = make_site()
    site.add("a.md", f"---\ntitle: x\n{ALIAS_BOMB}\n---\n")
    (site.posts / "b.jpg").symlink_to(secret)
    for problem in corpus_of(site).problems:
        for lang in ("vi", "en"):
            text = render_located(problem, lang)
            assert "{" not in text and problem.file in text


def test_a_symlink_in_docs_cannot_bring_an_outside_file_into_the_site(make_site, secret):
    site = make_site()
    site.add("bai.md", post())
    (site.root / "docs" / "khoa.txt").symlink_to(secret)
    result = site.build(today=TODAY)
    assert "docs/khoa.txt" in result.stderr and "symlink" in result.stderr
    assert b"SECRET-KEY-MATERIAL" not in all_site_bytes(site.site_dir)


def test_feed_ids_are_valid_uris_whatever_the_file_name(make_site):
    site = make_site()
    site.add("tháng 3/bài #1.md", post())
    site.build(today=TODAY)
    guid = ET.parse(site.site_dir / "rss.xml").find(".//item/guid").text
    assert guid.endswith("/posts/th%C3%A1ng%203/b%C3%A0i%20%231.md") and " " not in guid


def test_a_malformed_source_date_epoch_stops_the_build_with_a_message_not_a_traceback(make_site):
    site = make_site()
    site.add("bai.md", post())
    result = site.build(env={"SOURCE_DATE_EPOCH": "1e9"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "SOURCE_DATE_EPOCH = '1e9' không phải một thời điểm" in result.stderr


# --- the time one post takes ----------------------------------------------------------------


def published_article(site, path: str) -> lxml.html.HtmlElement:
    """The ``<article>`` of a built page, parsed by lxml: BeautifulSoup takes 11 s of CPU over a page of 250,000 list items, lxml 0.4 s."""
    return lxml.html.document_fromstring((site.site_dir / path).read_bytes()).find(".//article")


def paragraphs_at_the_cap(construct: str, size: int) -> str:
    """``construct`` repeated in paragraphs of :data:`MAX_PARAGRAPH_CHARS`, separated by blank lines, to at most ``size`` characters.

    The worst post of ``construct`` the limits let through: one paragraph longer is refused.
    """
    paragraph = construct * (MAX_PARAGRAPH_CHARS // len(construct))
    return "\n\n".join([paragraph] * (size // (len(paragraph) + 2)))


def test_a_megabyte_of_unclosed_brackets_builds_in_a_minute_not_for_days(make_site):
    # Each '[' made Markdown look for its ']' to the end of the body: 16 KB took 38 s,
    # so the 1 MB a post may have (sources.MAX_POST_BYTES) would have taken two days.
    # In paragraphs at the cap: one longer paragraph is refused (paragraph_too_long).
    site = make_site()
    header = post(title="Ngoặc", body="")
    site.add("ngoac.md", header + paragraphs_at_the_cap("[", MAX_POST_BYTES - len(header.encode()) - 1) + "\n")
    site.add("tot.md", post(title="Bài tốt", date="09/03/2024"))
    result = site.build(today=TODAY, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "[[[[" in site.html("bai-viet/ngoac/index.html").select_one("article").get_text()
    assert (site.site_dir / "bai-viet" / "bai-tot" / "index.html").is_file()


def test_one_line_paragraphs_build_in_markdown_time_linear_in_their_size(make_site, monkeypatch):
    # Markdown's block parser took each block with blocks.pop(0), moving all the others:
    # 1 MB of 'x\n\n' (333,000 blocks) took 53 s of Markdown alone (12 s now), growing with
    # the square of the size. Measured here is the CPU of Markdown's conversions inside the
    # build (its fixed start and the rest of its work would hide the growth): linear, a post
    # eight times larger costs about eight times as much; quadratic, it cost twice that.
    # The sizes, not the megabyte a post may have, keep the test short
    # (scripts/bench_markdown.py measures the megabyte).
    import time

    import markdown

    spent = []
    stock = markdown.Markdown.convert

    def timed(self, source):
        started = time.thread_time()
        try:
            return stock(self, source)
        finally:
            spent.append(time.thread_time() - started)

    monkeypatch.setattr(markdown.Markdown, "convert", timed)
    cpu, paragraphs = {}, {}
    for count in (2, 16):  # paragraphs at the cap: 16,000 and 128,000 blocks (48 KB and 384 KB)
        site = make_site()
        site.add("doan.md", post(title="Đoạn", body=paragraphs_at_the_cap("x\n\n", count * (MAX_PARAGRAPH_CHARS + 2))))
        spent.clear()
        result = site.build(today=TODAY)
        assert result.returncode == 0, result.stderr
        cpu[count] = sum(spent)
        paragraphs[count] = sum(1 for p in published_article(site, "bai-viet/doan/index.html").iter("p") if p.text == "x")
    assert paragraphs == {2: 16_000, 16: 128_000}, paragraphs  # published whole
    assert cpu[16] < 12 * cpu[2], cpu


def test_a_paragraph_over_the_cap_is_refused_by_the_check_at_its_line_and_not_published(make_site):
    # One paragraph costs Markdown time quadratic in its length: 256 KB of '<a>' took 37 s.
    site = make_site()
    site.add("dai.md", post(title="Dài", body="Đoạn đầu.\n\n" + "Bình đẳng giới. " * 6_250))  # 100 KB, line 9
    site.add("tot.md", post(title="Bài tốt", date="09/03/2024"))
    code, report = check_json(site)
    assert code == 2
    [error] = report["errors"]
    assert (error["file"], error["code"], error["line"]) == ("posts/dai.md", "paragraph_too_long", 9)
    assert "100000" in error["message"] and str(MAX_PARAGRAPH_CHARS) in error["message"] and "dòng trống" in error["message"]
    result = site.build(today=TODAY, timeout=60)
    assert "paragraph_too_long" in result.stderr or "dòng trống" in result.stderr, result.stderr
    assert not (site.site_dir / "bai-viet" / "dai").exists()
    assert (site.site_dir / "bai-viet" / "bai-tot" / "index.html").is_file()


def test_a_long_fenced_code_block_and_a_long_table_are_published_whole(make_site):
    # Neither is a paragraph: code is never read by the inline patterns, and a table's cells
    # are read one by one. Only a row is bounded (table_row_too_long), as a paragraph is.
    site = make_site()
    code = "\n".join(f"dong_{n} = {n}  # mã nguồn" for n in range(2_400))  # 60,000 characters
    table = "| Lớp | Số học sinh nữ |\n|---|---|\n" + "\n".join(f"| 6A{n} | {n} em |" for n in range(2_500))
    assert len(code) > 60_000 and len(table) > 40_000
    site.add("ma.md", post(title="Mã và bảng", body=f"Mở đầu.\n\n```python\n{code}\n```\n\n{table}\n\nKết.\n"))
    site.add(
        "dong.md", post(title="Dòng dài", date="09/03/2024", body="| a | b |\n|---|---|\n| x | y |\n| " + "z" * 30_000 + " | w |")
    )
    code_, report = check_json(site)
    assert [(e["file"], e["code"], e["line"]) for e in report["errors"]] == [("posts/dong.md", "table_row_too_long", 10)]
    result = site.build(today=TODAY, timeout=120)
    article = site.html("bai-viet/ma-va-bang/index.html").select_one("article")
    assert "dong_2399 = 2399" in article.select_one("pre code").get_text()
    assert len(article.select("table tbody tr")) == 2_500, result.stderr
    assert not (site.site_dir / "bai-viet" / "dong-dai").exists()


def test_a_paragraph_that_only_looks_like_code_or_a_table_is_still_bounded(make_site):
    # What Markdown reads as one paragraph is bounded whatever it looks like: an opening fence
    # with two words after it is no fence for Markdown, and a table row does not make a table
    # of a paragraph.
    site = make_site()
    site.add("ma.md", post(title="Giả mã", body="Đoạn.\n\n```python hai từ\n" + "Bình đẳng. " * 2_800 + "\n```\n"))
    site.add("bang.md", post(title="Giả bảng", body="| a | b |\n" + "Bình đẳng giới. " * 1_900))
    site.add("dai.md", post(title="Dài", body="Đoạn đầu.\n\n" + "Bình đẳng giới. " * 1_875))  # 30,000 characters
    code, report = check_json(site)
    assert code == 2
    found = sorted((e["file"], e["code"], e["line"]) for e in report["errors"])
    assert found == [
        ("posts/bang.md", "paragraph_too_long", 7),
        ("posts/dai.md", "paragraph_too_long", 9),
        ("posts/ma.md", "paragraph_too_long", 9),
    ], found
    assert any("30000" in e["message"] for e in report["errors"] if e["file"] == "posts/dai.md")


MANY_BLOCK_KINDS = """# Tiêu đề

> trích
> > lồng

> nối tiếp

* a

    đoạn trong mục

* b
    1. x
    2. y

[a]: https://x.example "t"
*[HTML]: Hyper Text

Thuật ngữ
:   định nghĩa

    thêm

!!! note "Ghi chú"
    thân

    thân 2

??? tip
    ẩn

=== "A"
    thẻ a

=== "B"
    thẻ b

/// admonition | T
    type: warning
chữ

thêm
///

Chú thích[^1].

[^1]: ghi

    thêm ghi

        mã

```py
x = 1
```

<div markdown="1">
*trong*

thêm
</div>

    mã thụt

    lề

- [ ] việc
- [x] xong

a) danh
b) sách

---
chữ ***
x
=

| a | b |
|---|---|
| [l](y) | `c` |
"""
EXTENSIONS_A_SCHOOL_MAY_LIST = [
    *("toc", "tables", "fenced_code", "admonition", "footnotes", "attr_list", "def_list", "abbr", "md_in_html"),
    *("sane_lists", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist"),
    *("pymdownx.blocks.admonition", "pymdownx.fancylists", "pymdownx.arithmatex", "pymdownx.quotes"),
]


@pytest.mark.parametrize("extensions", [["toc", "tables", "fenced_code"], EXTENSIONS_A_SCHOOL_MAY_LIST])
def test_the_linear_block_parser_and_inline_queue_render_exactly_as_markdown(extensions):
    # The column replaces the list of blocks Markdown's block processors take from, and the
    # queue of its inline processor; every block processor of Markdown, MkDocs, Material and
    # pymdown-extensions must still see the same blocks in the same order.
    import markdown

    from gecolumn.linear_markdown import LinearScans

    text = MANY_BLOCK_KINDS * 3
    assert markdown.markdown(text, extensions=[*extensions, LinearScans()]) == markdown.markdown(text, extensions=extensions)


def test_a_use_of_the_blocks_the_column_does_not_support_fails_loudly():
    from gecolumn.linear_markdown import _Blocks

    blocks = _Blocks(["a", "b"])
    blocks.insert(0, "z")
    blocks[0] = "y"
    assert (len(blocks), blocks[0], blocks[1], blocks.pop(0), blocks.pop(0), bool(blocks)) == (3, "y", "a", "y", "a", True)
    for misuse in (
        lambda: blocks.append("c"),
        lambda: blocks.pop(),
        lambda: blocks.insert(1, "c"),
        lambda: list(blocks),
        lambda: blocks[-1],
    ):
        with pytest.raises(TypeError, match="linear_markdown._Blocks"):
            misuse()


def test_an_embed_that_climbs_out_of_the_player_is_removed_and_named(make_site):
    site = make_site()
    attack = "https://www.youtube.com/embed/%2e%2e/%2e%2e/watch?v=abc"
    body = f'Xem video:\n\n<iframe src="https://www.youtube.com/embed/abc"></iframe>\n\n<iframe src="{attack}"></iframe>'
    site.add("2024/video.md", post(title="Video", body=body))
    result = site.build(today=TODAY)
    assert (
        f"posts/2024/video.md:11: CẢNH BÁO [body]: nội dung bài có mã HTML không an toàn đã bị gỡ khi đăng: <iframe src={attack}>"
        in result.stderr
    )
    iframes = site.html("bai-viet/video/index.html").select("article iframe")
    assert [iframe["src"] for iframe in iframes] == ["https://www.youtube.com/embed/abc"]


def test_a_link_address_is_looked_for_in_a_bounded_window_and_ordinary_links_are_unchanged():
    # From every "](" Markdown looked for the closing ")" to the end of the paragraph: a
    # paragraph of "![a](<" cost its square (an attacker's 96 KB took 110 s).
    import markdown

    from gecolumn.linear_markdown import MAX_LINK_TARGET, LinearScans

    def html(text: str) -> str:
        return markdown.Markdown(extensions=["toc", "tables", "fenced_code", LinearScans()]).convert(text)

    ordinary = '[a](http://x.vn/a(b) "t (x)") ![i](<a b.jpg> "c") [r](u)'
    assert html(ordinary) == markdown.Markdown(extensions=["toc", "tables", "fenced_code"]).convert(ordinary)
    endless = "[a](http://x.vn/" + "b" * (MAX_LINK_TARGET + 10) + ")"
    assert "<a " not in html(endless) and "[a](http://x.vn/" in html(endless)


UNCLOSED_ADDRESSES = ("![a](<", "[a](", "[a](((", "[a](x (", "[a](<b>(")


@pytest.mark.parametrize("opener", UNCLOSED_ADDRESSES)
def test_a_paragraph_of_unclosed_link_addresses_is_read_once_not_once_per_opener(opener):
    # Markdown read up to MAX_LINK_TARGET characters from every "](" whose address never
    # closes: a megabyte of "![a](<" cost 48 s of CPU. What Markdown's own reading of
    # addresses is given must now stay within a small multiple of the paragraph.
    from unittest import mock

    import markdown
    from markdown import inlinepatterns

    from gecolumn.linear_markdown import LinearScans

    paragraph = opener * (MAX_PARAGRAPH_CHARS // len(opener))
    read = []
    markdown_reading = inlinepatterns.LinkInlineProcessor.getLink

    def counted(self, data, index):
        read.append(len(data) - index)
        return markdown_reading(self, data, index)

    with mock.patch.object(inlinepatterns.LinkInlineProcessor, "getLink", counted):
        markdown.Markdown(extensions=["toc", "tables", "fenced_code", LinearScans()]).convert(paragraph)
    assert sum(read) <= 2 * len(paragraph), (len(read), sum(read))


LINK_TEXT = st.lists(st.sampled_from(["(", ")", '"', "'", " ", "a", "<", ">", "[", "]", "](", "[a](", "\n", "\t"]), max_size=40)


@settings(max_examples=200, deadline=None)
@given(pieces=LINK_TEXT, window=st.sampled_from([1, 2, 5, 9, 17, 2000]))
def test_a_link_address_ends_where_markdown_reading_it_within_the_window_ends(pieces, window):
    # The address map must answer what Markdown's character-by-character reading answers,
    # quotes, nested parentheses and its quirks included, for every "(" and any window.
    from unittest import mock

    import markdown
    from markdown import inlinepatterns

    import gecolumn.linear_markdown as linear

    text = "".join(pieces)
    md = markdown.Markdown(extensions=[linear.LinearScans()])
    md.convert("x")  # makes the inline processor's stash, which unescaping reads
    ours = md.inlinePatterns["link"]
    reference = inlinepatterns.LinkInlineProcessor(inlinepatterns.LINK_RE, md)
    with mock.patch.object(linear, "MAX_LINK_TARGET", window):
        for index in (i for i, char in enumerate(text) if char == "("):
            expected = reference.getLink(text[: index + window], index)
            found = ours.getLink(text, index)
            assert (found if expected[3] else found[3]) == (expected if expected[3] else False), (text, index)
    plain = "".join(pieces)
    assert markdown.markdown(plain, extensions=[linear.LinearScans()]) == markdown.markdown(plain)


# --- tables and fenced code: one pass, the cells and blocks Markdown makes ------------------

TABLE_ROW = st.lists(st.sampled_from(["|", "`", "``", "\\`", "\\|", "\\\\", "a", " ", "-", ":"]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(pieces=TABLE_ROW, rows=st.lists(TABLE_ROW, max_size=3))
def test_a_table_row_splits_into_the_cells_markdown_makes(pieces, rows):
    # Markdown paired each run of backticks with the next of its length by searching the rest
    # of the row, and compared each pipe with every code span: a row of "|`" cost its square.
    import markdown
    from markdown.extensions.tables import PIPE_LEFT, PIPE_NONE, PIPE_RIGHT, TableProcessor

    from gecolumn.linear_markdown import LinearScans

    row = "".join(pieces)
    ours = markdown.Markdown(extensions=["tables", LinearScans()]).parser.blockprocessors["table"]
    stock = TableProcessor(markdown.Markdown().parser, {"use_align_attribute": False})
    assert type(ours) is not TableProcessor
    for border in (PIPE_NONE, PIPE_LEFT, PIPE_RIGHT, PIPE_LEFT | PIPE_RIGHT):
        ours.border = stock.border = border
        assert ours._split_row(row) == stock._split_row(row), (row, border)
    table = "\n".join([row, "|---|---|", *("".join(r) for r in rows)])
    assert markdown.markdown(table, extensions=["tables", LinearScans()]) == markdown.markdown(table, extensions=["tables"])


FENCED_TEXT = st.lists(
    st.sampled_from(["```", "````", "~~~", "\n", " ", "x", "py", ".py", "{.py #i}", "{", "}", 'hl_lines="1"', "`", "<", "&"]),
    max_size=40,
)


@settings(max_examples=250, deadline=None)
@given(pieces=FENCED_TEXT)
def test_fenced_code_blocks_are_found_and_rendered_as_markdown_does(pieces):
    # Markdown made the whole text anew for every code block, and searched from every opening
    # fence to the end of the text when it never closed: both cost the square of a post.
    import markdown
    from markdown.extensions.fenced_code import FencedBlockPreprocessor

    from gecolumn.linear_markdown import LinearScans

    md = markdown.Markdown(extensions=["fenced_code", LinearScans()])
    assert type(md.preprocessors["fenced_code_block"]) is not FencedBlockPreprocessor
    text = "".join(pieces)
    for extensions in (["fenced_code"], ["fenced_code", "attr_list", "tables"]):
        ours = markdown.markdown(text, extensions=[*extensions, LinearScans()])
        assert ours == markdown.markdown(text, extensions=extensions), text


def test_a_megabyte_of_hostile_table_rows_builds_in_a_minute(make_site):
    # One 24,000-character row of "|`" took Markdown 1.9 s to split into cells: a megabyte
    # of them, one table with every row at the cap, took 80 s of CPU.
    site = make_site()
    header = post(title="Bảng", body="| a | b |\n|---|---|")  # the rows follow on the next line
    row = "|`" * (MAX_PARAGRAPH_CHARS // 2)
    rows = (MAX_POST_BYTES - len(header.encode()) - 1) // (len(row) + 1)
    site.add("bang.md", header + "\n".join([row] * rows) + "\n")
    site.add("tot.md", post(title="Bài tốt", date="09/03/2024"))
    result = site.build(today=TODAY, timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(site.html("bai-viet/bang/index.html").select("article table tbody tr")) == rows == 41
    assert (site.site_dir / "bai-viet" / "bai-tot" / "index.html").is_file()


def test_a_megabyte_of_fences_that_never_close_is_checked_and_built_in_a_minute(make_site):
    # From every line that opens a fence and never closes, Markdown (and the check, which
    # finds code blocks as Markdown does) searched to the end of the post: 60 KB took 6 s.
    site = make_site()
    header = post(title="Rào", body="")
    site.add("rao.md", header + paragraphs_at_the_cap("``` x\n", MAX_POST_BYTES - len(header.encode()) - 1) + "\n")
    code, report = check_json(site)
    assert code == 0 and report["errors"] == [], report
    result = site.build(today=TODAY, timeout=60)
    assert result.returncode == 0, result.stderr
    # Published whole: each two lines are one code span ("``` x\n``` x" is the code "x x").
    article = published_article(site, "bai-viet/rao/index.html")
    assert sum(1 for paragraph in article.iter("p") for _ in paragraph.iter("code")) > 80_000


def test_a_megabyte_of_tiny_code_blocks_is_converted_one_block_at_a_time(monkeypatch):
    # Markdown's fenced-code preprocessor made the whole text anew for every code block: 200 KB
    # of them took 0.9 s, a megabyte 17 s. The column's finds the blocks in one pass and gives
    # Markdown's own code one block at a time, so no step sees more than a block: counted here,
    # not timed (scripts/bench_markdown.py measures the time across sizes).
    import markdown
    from markdown.extensions.fenced_code import FencedBlockPreprocessor

    from gecolumn.linear_markdown import LinearScans

    stock, given = FencedBlockPreprocessor.run, []

    def counted(self, lines):
        given.append(sum(len(line) + 1 for line in lines))
        return stock(self, lines)

    monkeypatch.setattr(FencedBlockPreprocessor, "run", counted)
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code", LinearScans()])
    html = md.convert("```\nx\n```\n\n" * (MAX_POST_BYTES // 12))
    assert html.count("<pre><code>x\n</code></pre>") == MAX_POST_BYTES // 12  # every block, as Markdown makes it
    assert len(given) == MAX_POST_BYTES // 12 and max(given) <= 12, (len(given), max(given))


# --- lists: each item is read on its own, so each item is bounded, not the list -------------


def test_a_long_list_without_blank_lines_is_published_and_a_long_item_is_refused_at_its_line(make_site):
    # 2,000 items with no blank line between them were one 76,000-character "paragraph" for
    # the check, though Markdown reads each item on its own (a megabyte of short items builds
    # in time linear in its size). One item over the cap, with its lazy lines, is still refused.
    site = make_site()
    items = "\n".join(f"- Học sinh số {n}: bình đẳng giới trong lớp." for n in range(2_000))
    ordered = "\n".join(f"{n}. Việc làm số {n}." for n in range(1, 2_001))
    assert len(items) > 3 * MAX_PARAGRAPH_CHARS and len(ordered) > MAX_PARAGRAPH_CHARS
    site.add("ds.md", post(title="Danh sách", body=f"Mở đầu.\n\n{items}\n\n{ordered}"))
    long_item = "- Mục ngắn.\n- Mục dài bắt đầu\n" + "tiếp tục * dòng\n" * 1_700 + "- Mục sau."  # lazy lines, 27,000 characters
    site.add("dai.md", post(title="Mục dài", date="09/03/2024", body=long_item))
    code, report = check_json(site)
    assert [(e["file"], e["code"], e["line"]) for e in report["errors"]] == [("posts/dai.md", "list_item_too_long", 8)]
    result = site.build(today=TODAY, timeout=120)
    article = site.html("bai-viet/danh-sach/index.html").select_one("article")
    items = [li.get_text() for li in article.select("li")]
    assert sum("Học sinh số" in item for item in items) == sum("Việc làm số" in item for item in items) == 2_000, result.stderr
    assert not (site.site_dir / "bai-viet" / "muc-dai").exists()


@pytest.mark.parametrize(
    "body",
    [
        "- a\n# Tiêu đề\n" + "chữ\n- b\n" * 4_000,  # a heading splits the block: the rest is one paragraph
        "- a\n- - -\n" + "chữ\n- b\n" * 4_000,  # so does a rule
        "- a\n" + "    chữ\n" * 4_000,  # one item with all its lines
        "> - a\n" + "> - b\n" * 6_000,  # a quote is bounded whole
    ],
)
def test_what_only_starts_like_a_list_is_still_bounded(make_site, body):
    site = make_site()
    site.add("gia.md", post(title="Giả danh sách", body=body))
    code, report = check_json(site)
    assert code == 2 and [e["code"] for e in report["errors"]] in (["paragraph_too_long"], ["list_item_too_long"]), report


def test_a_megabyte_list_of_short_items_builds_in_a_minute(make_site):
    # The worst list the limits let through: one block of 250,000 items with no blank line.
    site = make_site()
    header = post(title="Danh sách dài", body="")
    site.add("ds.md", header + "- x\n" * ((MAX_POST_BYTES - len(header.encode())) // 4))
    result = site.build(today=TODAY, timeout=60)
    assert result.returncode == 0, result.stderr
    assert sum(1 for _ in published_article(site, "bai-viet/danh-sach-dai/index.html").iter("li")) > 240_000
