"""The column's commands, one module each, and the front door they share.

Each command module (``check``, ``new_post``, ``report``, ``package``, ``photos`` …) has a
``main(argv) -> int`` that parses arguments, calls the domain package and formats what it
found; each is installed as a console script (``gecolumn-check`` …) and reachable as
``python -m gecolumn <command>``. What every command needs is here, once: :func:`run` gives
it UTF-8 output (a Windows console or pipe defaults to a code page without Vietnamese), a
stdout that a reader may close early (``… | head -1``), and a last guard that turns an
unexpected error into a message and exit 2, with the traceback only when
``GECOLUMN_DEBUG=1``. :func:`open_and_show_warnings` and :func:`require_column` open the column
the same way for all; the shared options are :mod:`~gecolumn.commands._options`, the shared
output formats :mod:`~gecolumn.commands._output`.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from gecolumn.check import ExitCode
from gecolumn.column import OpenedColumn, Validation, open_column
from gecolumn.dates import BadToday, TodaySource
from gecolumn.messages import LANGUAGES, pick_language, render_located, shown
from gecolumn.problems import Problem


def run(
    command: str,
    parser: Callable[[str], argparse.ArgumentParser],
    body: Callable[[argparse.Namespace], int],
    argv: list[str] | None,
) -> int:
    """Prepare the streams, parse ``argv`` with ``parser(lang)`` and run ``body``: an unexpected error is exit 2 with a message.

    The language is the command's ``--lang``, else that of ``LANG``; it is found before
    parsing, so ``--help`` and a usage error are in it too. ``args.lang`` is set to it, so
    ``body`` never chooses again.
    """
    prepare_streams()
    argv = sys.argv[1:] if argv is None else argv
    lang = pick_language(requested_language(argv))
    args = parser(lang).parse_args(argv)
    args.lang = lang
    return guarded(command, lambda: body(args), lang)


def requested_language(argv: list[str]) -> str | None:
    """The value of ``--lang`` (or ``--lang=…``) in ``argv``, if it is a language, read before any parser runs."""
    for at, word in enumerate(argv):
        if word == "--":
            break
        value = (
            word.partition("=")[2]
            if word.startswith("--lang=")
            else argv[at + 1]
            if word == "--lang" and at + 1 < len(argv)
            else None
        )
        if value in LANGUAGES:
            return value
    return None


def guarded(command: str, body: Callable[[], int], lang: str = "vi") -> int:
    """Run a command's ``body`` as a last resort against the unexpected: exit 2 with a message, no traceback."""
    try:
        return body()
    except Exception as exc:
        print(render_located(crash_problem(command, exc), lang), file=sys.stderr)
        return ExitCode.INVALID


def crash_problem(command: str, exc: BaseException) -> Problem:
    """An unexpected exception as a problem: its kind and message, and the traceback only on request."""
    if os.environ.get("GECOLUMN_DEBUG", "") not in ("", "0"):
        traceback.print_exception(exc, file=sys.stderr)
    return Problem(command, "internal_error", params={"kind": type(exc).__name__, "detail": str(exc)})


def today_problem(exc: BadToday) -> Problem:
    """A malformed ``--today`` or ``SOURCE_DATE_EPOCH`` as a problem naming it and its value."""
    if exc.source is TodaySource.OPTION:
        return Problem("--today", "bad_today", params={"value": exc.given})
    return Problem("SOURCE_DATE_EPOCH", "bad_source_date_epoch", params={"value": exc.given})


def open_and_show_warnings(config_path: str | Path, validation: Validation = Validation.WHOLE) -> OpenedColumn:
    """:func:`gecolumn.column.open_column`, with MkDocs' warnings about ``mkdocs.yml`` on stderr, as ``mkdocs build`` shows them."""
    column = open_column(config_path, validation)
    for warning in column.mkdocs_warnings:
        print(warning, file=sys.stderr)
    return column


def require_column(config_path: str | Path, lang: str, validation: Validation = Validation.WHOLE) -> OpenedColumn | None:
    """The column of ``config_path``; ``None`` after saying (on stderr, in ``lang``) why its settings cannot be used."""
    column = open_and_show_warnings(config_path, validation)
    if column.config is None:
        for problem in column.errors:
            print(located(problem, lang), file=sys.stderr)
        return None
    return column


def refuse(problem: Problem, lang: str) -> int:
    """Say ``problem`` on stderr in ``lang`` and give the exit status of a refusal (2)."""
    print(located(problem, lang), file=sys.stderr)
    return ExitCode.INVALID


def located(problem: Problem, lang: str = "vi") -> str:
    """``render_located`` with the file and field, which come from the disk, made safe to print."""
    safe = dataclasses.replace(problem, file=shown(problem.file, None), field=shown(problem.field, None))
    return render_located(safe, lang)


def prepare_streams() -> None:
    """UTF-8 output everywhere, and a stdout that a reader may close early (``… | head -1``)."""
    for stream in (sys.stdout, sys.stderr):  # a Windows pipe defaults to a code page without Vietnamese
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")
    if not isinstance(sys.stdout, _ReaderMayLeave):
        sys.stdout = _ReaderMayLeave(sys.stdout)


class _ReaderMayLeave:
    """stdout for ``… | head``: once the reader has gone, the rest of the output is dropped.

    The command goes on to the end (files are still written, the exit status still says
    what it found); it only stops printing.
    """

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._gone()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._gone()

    def _gone(self) -> None:
        # Point the descriptor at /dev/null: what is still buffered, and the interpreter's
        # last flush at exit, then go nowhere instead of raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, self._stream.fileno())
        finally:
            os.close(devnull)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)
