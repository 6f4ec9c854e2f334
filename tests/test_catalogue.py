"""The catalogue of findings: each code with when it happens, a text in both languages, and a row in the staff guide."""

import re
import string

import pytest
from conftest import ROOT

from gecolumn.catalogue import CATALOGUE, DOMAINS, PHRASES, WORDS
from gecolumn.codes import Code
from gecolumn.messages import MESSAGES, render
from gecolumn.problems import Problem

GUIDE = ROOT / "docs" / "huong-dan.md"


def guide_codes(text: str) -> list[list[str]]:
    """The codes named in the first cell of each row of the guide's message tables (those headed ``| Mã |``)."""
    rows, inside = [], False
    for line in text.splitlines():
        if line.startswith("| Mã |"):
            inside = True
        elif not line.startswith("|"):
            inside = False
        elif inside and not line.startswith("|---"):
            rows.append(re.findall(r"`([^`]+)`", line.split("|")[1]))
    return rows


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_code_enum_is_the_catalogue_in_order_and_no_code_is_written_twice():
    entries = [message.code for domain in DOMAINS for message in domain.MESSAGES]
    assert len(entries) == len(set(entries)), "a code is in the catalogue twice"
    assert [code.value for code in Code] == entries
    assert all(code.name == code.value.upper() for code in Code)


def test_every_code_has_a_vietnamese_and_an_english_text():
    for code in Code:
        assert CATALOGUE[code].vi.strip() and CATALOGUE[code].en.strip(), code
    assert set(MESSAGES) == {code.value for code in Code}  # the old mapping stays whole


def test_every_code_says_when_it_happens():
    for code in Code:
        assert CATALOGUE[code].when.strip().endswith((".", ")")), f"{code.name} does not say when it happens"
        assert code.__doc__ == CATALOGUE[code].when


def test_every_code_is_explained_in_the_staff_guide():
    explained = {code for row in guide_codes(GUIDE.read_text(encoding="utf-8")) for code in row}
    assert [code.value for code in Code if code.value not in explained] == []


def test_every_row_of_the_staff_guide_explains_known_codes_only():
    rows = guide_codes(GUIDE.read_text(encoding="utf-8"))
    assert rows and all(rows), "a row of a message table names no code"
    assert [code for row in rows for code in row if code not in set(Code)] == []


def test_a_guide_row_for_an_unknown_code_is_caught():
    table = "| Mã | Khi nào | Cách sửa |\n|---|---|---|\n| `not_utf8`, `no_such_code` | … | … |\n"
    assert [c for row in guide_codes(table) for c in row if c not in set(Code)] == ["no_such_code"]


def test_a_problem_with_a_code_outside_the_catalogue_is_refused_where_it_is_made():
    with pytest.raises(ValueError):
        Problem("posts/a.md", "no_such_code")


def names_in(message) -> set[str]:
    """Every placeholder a message and its choices' words name."""
    names = placeholders(message.vi) | placeholders(message.en)
    for choice in message.choices.values():
        names.add(choice.param)
        names |= {name for option in choice.options.values() for text in option for name in placeholders(text)}
    return names


def test_every_text_fills_every_placeholder_it_names_whichever_words_are_chosen():
    for code in Code:
        message = CATALOGUE[code]
        keys = [""] + sorted({key for choice in message.choices.values() for key in choice.options})
        for key in keys:
            params = {name: "x" for name in names_in(message)} | {choice.param: key for choice in message.choices.values()}
            for lang in ("vi", "en"):
                assert "{" not in render(code, params, lang), (code, key, lang)


def test_a_choice_gives_the_words_of_the_reader_language_and_shows_an_unknown_value_as_it_is():
    params = {"file": "anh.jpg", "carried": ("location", "serial")}
    assert "vị trí GPS, số sê-ri máy ảnh" in render(Code.PHOTO_HAS_LOCATION, params, "vi")
    assert "GPS position, camera serial number" in render(Code.PHOTO_HAS_LOCATION, params, "en")
    stripped = render(Code.PHOTO_STRIPPED, {"carried": ("",), "removed": ("EXIF", "trailer"), "kept": ""}, "en")
    assert (
        stripped
        == "removed the metadata (EXIF, trailer (an extra image or video after the photo)); the image data is kept byte for byte."
    )


def test_no_parameter_carries_words_of_one_language():
    # A value that reads differently in each language is chosen by the catalogue (a Choice), not passed in.
    for code in Code:
        for name in names_in(CATALOGUE[code]):
            assert not name.endswith(("_vi", "_en")), (code, name)


def test_every_word_around_the_messages_is_in_both_languages_with_the_same_placeholders():
    for entry in (*WORDS.values(), *PHRASES.values()):
        assert entry.vi.strip() and entry.en.strip(), entry.name
        assert placeholders(entry.vi) == placeholders(entry.en), entry.name


def test_every_refused_input_is_one_kind_of_error_whose_message_reads_in_both_languages(tmp_path):
    # A header, a Word file, a photo to strip, a photo to publish: a caller catches Refusal
    # once, and what it reports is a catalogued message with every value it names.
    from gecolumn import docx_import, front_matter, images, photo_privacy
    from gecolumn.problems import Refusal

    (tmp_path / "bai.docx").write_bytes(b"not a zip")
    (tmp_path / "anh.jpg").write_text("not a photo", encoding="utf-8")
    cache = images.PhotoCache(tmp_path / "cache", key=b"k" * 32)
    refusing = {
        "header": lambda: front_matter.split_post(b"Just text, no header."),
        "word": lambda: docx_import.import_docx(tmp_path / "bai.docx"),
        "strip unreadable": lambda: photo_privacy.strip_private_data(tmp_path / "anh.jpg"),
        "publish": lambda: images.process_image(tmp_path / "anh.jpg", cache),
    }
    for what, refuse in refusing.items():
        with pytest.raises(Refusal) as refused:
            refuse()
        problem = refused.value.as_problem("posts/2024/bai.md")
        for lang in ("vi", "en"):
            text = render(problem.code, problem.params, lang)
            assert text and "{" not in text, (what, lang, text)
