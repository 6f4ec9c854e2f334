"""The options commands share, declared once (as MkDocs' ``common_config_options``), and parsers in the reader's language.

A command's parser is built for one language (:func:`command_parser`): its description, each
option's help and the errors of its value types come from :mod:`gecolumn.catalogue.usage`, so
``--help`` and a usage error read in the language the command speaks. argparse's own words
(``usage:``, ``error:``, ``invalid choice``) are English whatever the language.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from gecolumn.messages import LANGUAGES, label
from gecolumn.problems import Problem
from gecolumn.quarters import Quarter


def command_parser(prog: str, command: str, lang: str) -> argparse.ArgumentParser:
    """A parser for ``command`` whose description and ``-h/--help`` are in ``lang``."""
    parser = argparse.ArgumentParser(prog=prog, description=label(f"about_{command}", lang), add_help=False)
    parser.add_argument("-h", "--help", action="help", help=label("help_help", lang))
    return parser


def helps(command: str, lang: str) -> Callable[..., str]:
    """``helps("report", lang)("from")``: the help of ``command``'s option ``--from`` in ``lang``."""
    return lambda option, **params: label(f"help_{command}_{option}", lang, **params)


def config_option(parser: argparse.ArgumentParser, lang: str) -> None:
    """``-f/--config``: the column's ``mkdocs.yml``."""
    parser.add_argument("-f", "--config", default="mkdocs.yml", help=label("help_config", lang))


def lang_option(parser: argparse.ArgumentParser, lang: str) -> None:
    """``--lang vi|en``: the language of every line the command prints (default: ``LANG``, else Vietnamese)."""
    parser.add_argument("--lang", choices=LANGUAGES, help=label("help_lang", lang))


def today_option(parser: argparse.ArgumentParser, lang: str, command: str | None = None) -> None:
    """``--today YYYY-MM-DD``: the day to judge on, instead of ``as_of``, ``SOURCE_DATE_EPOCH`` or the clock.

    ``command`` names a command whose default day differs (the district has no ``as_of``).
    """
    parser.add_argument("--today", help=label(f"help_{command}_today" if command else "help_today", lang))


def format_option(parser: argparse.ArgumentParser, lang: str, forms: tuple[str, ...] = ("text", "json", "github")) -> None:
    """``--format text|json|github``: how the result is printed (JSON and GitHub's workflow commands for CI)."""
    parser.add_argument("--format", choices=forms, default="text", help=label("help_format", lang))


def common_options(
    parser: argparse.ArgumentParser, lang: str, config: bool = True, today: bool = False
) -> argparse.ArgumentParser:
    """Add ``--lang`` and, as asked, ``-f/--config`` and ``--today`` to ``parser``, their help in ``lang``; return it."""
    if config:
        config_option(parser, lang)
    if today:
        today_option(parser, lang)
    lang_option(parser, lang)
    return parser


def docx_options(parser: argparse.ArgumentParser, lang: str) -> None:
    """``--docx FILE`` (the report as an official Word document) and ``--template FILE`` (an office's own layout)."""
    parser.add_argument("--docx", help=label("help_docx", lang))
    parser.add_argument("--template", help=label("help_docx_template", lang))


def positive(kind: Callable[[str], float], lang: str) -> Callable[[str], float]:
    """An option type: a number of ``kind`` greater than 0, refused in ``lang``."""

    def parse(text: str):
        value = kind(text)
        if not value > 0 or value != value:  # NaN is not greater than 0 either
            raise argparse.ArgumentTypeError(label("must_be_positive", lang, value=text))
        return value

    parse.__name__ = kind.__name__  # argparse names the type in "invalid int value"
    return parse


def non_negative(lang: str) -> Callable[[str], int]:
    """An option type: a whole number, 0 or more, refused in ``lang``."""

    def parse(text: str) -> int:
        value = int(text)
        if value < 0:
            raise argparse.ArgumentTypeError(label("must_not_be_negative", lang, value=text))
        return value

    parse.__name__ = "int"
    return parse


def quarter_option(option: str, text: str) -> Quarter | Problem:
    """The quarter ``option`` was given (any form staff write), or the problem that says how to write one."""
    try:
        return Quarter.parse(text)
    except ValueError:
        params = {"value": text, "example": "2024-Q1", "roman": "I", "number": 1, "year": 2024}
        return Problem("", "bad_quarter", option, params=params)
