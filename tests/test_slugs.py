"""Slugs are python-slugify's, exactly: the short way for Vietnamese text never gives another answer."""

import unicodedata

import text_unidecode
from hypothesis import example, given, settings
from hypothesis import strategies as st
from slugify import slugify

from gecolumn import slugs
from gecolumn.slugs import MAX_LENGTH, slug_of

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
TYPED = (
    VIETNAMESE + VIETNAMESE.upper() + " 0123456789,.:;!?'\"&#x;-–—“”‘’…/()[]_\t\n\u00a0\u200b＇①"
    "\u0300\u0301\u0303\u0309\u0323\u034e\u034f\u0363"  # marks: the last two are not folded to nothing
)


def reference(text: str) -> str:
    return slugify(text, max_length=MAX_LENGTH, word_boundary=True, backend="text-unidecode")


def test_every_character_the_short_way_folds_is_folded_as_text_unidecode_folds_it():
    first, last = slugs._MARKS
    for code in range(first, last + 1):
        assert unicodedata.combining(chr(code)) and text_unidecode.unidecode(chr(code)) == "", hex(code)
    for char, folded in slugs._FOLDED:
        assert text_unidecode.unidecode(char) == folded and folded.isascii(), char


# Pieces a title is made of, and each thing the slug pipeline treats apart: HTML entities,
# quotes, commas between digits, marks, dashes, spaces of every kind.
PIECES = ["Bình", "đẳng", "Giới", "1,000", "2,5", "&amp;", "&#273;", "&#x110;", "&eacute;", "&", "'", "＇", "’s", "–", "—"]
PIECES += ["“", "”", " ", "  ", "-", ",", "\u00a0", "\u0301", "\u0363", "A" * 30, "dài " * 12, "①", "ﬁ"]
TITLES = st.one_of(
    st.text(st.one_of(st.sampled_from(TYPED), st.characters()), max_size=120),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(st.sampled_from(TYPED), max_size=8)), max_size=16).map("".join),
)


@settings(max_examples=1000)
@given(TITLES, st.sampled_from(["NFC", "NFD", "NFKC"]))
@example("Bình đẳng giới trong trường học", "NFC")
@example("Ngày 8/3: 1,000 học sinh & giáo viên – “Tôi” &amp; đ", "NFD")
@example("Tiêu đề " + "rất dài " * 20, "NFC")
@example("Ｔｒｕｏｎｇ＇ｓ ①", "NFC")
def test_a_slug_is_python_slugify_s_whatever_the_text(text, form):
    text = unicodedata.normalize(form, text)
    assert slug_of(text) == reference(text)


def test_vietnamese_titles_take_the_short_way():
    for title in ("Bình đẳng giới trong trường học", "Ngày Gia đình Việt Nam 28/6", "Đoàn – Đội: “Tháng hành động”"):
        assert slugs._vietnamese_slug(unicodedata.normalize("NFD", title)) == reference(title) != ""
