"""The options commands share, declared once (as MkDocs' ``common_config_options``): ``-f``, ``--lang``, ``--today``."""

from __future__ import annotations

import argparse

from gecolumn.messages import LANGUAGES


def config_option(parser: argparse.ArgumentParser) -> None:
    """``-f/--config``: the column's ``mkdocs.yml``."""
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="mkdocs.yml của chuyên mục (default: mkdocs.yml)")


def lang_option(parser: argparse.ArgumentParser) -> None:
    """``--lang vi|en``: the language of every line the command prints (default: ``LANG``, else Vietnamese)."""
    parser.add_argument("--lang", choices=LANGUAGES, help="ngôn ngữ thông báo (default: vi; en when LANG=en*)")


def today_option(parser: argparse.ArgumentParser, what: str = "ngày xét") -> None:
    """``--today YYYY-MM-DD``: the day to judge on, instead of ``as_of``, ``SOURCE_DATE_EPOCH`` or the clock."""
    parser.add_argument("--today", help=f"{what} YYYY-MM-DD (default: SOURCE_DATE_EPOCH or now, Asia/Ho_Chi_Minh)")


def common_options(parser: argparse.ArgumentParser, config: bool = True, today: bool = False) -> argparse.ArgumentParser:
    """Add ``--lang`` and, as asked, ``-f/--config`` and ``--today`` to ``parser``; return it."""
    if config:
        config_option(parser)
    if today:
        today_option(parser)
    lang_option(parser)
    return parser
