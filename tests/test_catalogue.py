"""The catalogue of findings: one enum of codes, each with a text in both languages and a line in the staff guide."""

import re

import pytest
from conftest import ROOT

from gecolumn.codes import Code
from gecolumn.messages import MESSAGES, render
from gecolumn.problems import Problem


def test_every_code_has_a_vietnamese_and_an_english_text_and_every_text_a_code():
    assert set(MESSAGES) == {code.value for code in Code}
    for code in Code:
        assert MESSAGES[code]["vi"].strip() and MESSAGES[code]["en"].strip(), code


def test_every_code_is_explained_in_the_staff_guide():
    guide = (ROOT / "docs" / "huong-dan.md").read_text(encoding="utf-8")
    assert [code.value for code in Code if f"`{code.value}`" not in guide] == []


def test_every_code_says_when_it_happens():
    source = (ROOT / "gecolumn" / "codes.py").read_text(encoding="utf-8")
    for code in Code:
        assert re.search(rf'= "{code.value}"\n    """.+"""', source), f"{code.name} has no docstring"


def test_a_problem_with_a_code_outside_the_catalogue_is_refused_where_it_is_made():
    with pytest.raises(ValueError):
        Problem("posts/a.md", "no_such_code")


def test_the_english_text_fills_every_placeholder_it_names():
    for code in Code:
        params = {name: "x" for name in re.findall(r"{(\w+)}", MESSAGES[code]["vi"] + MESSAGES[code]["en"])}
        for lang in ("vi", "en"):
            assert "{" not in render(code, params, lang), (code, lang)
