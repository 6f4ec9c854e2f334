"""Output forms the commands share: problems as JSON, GitHub workflow commands and job summary, text tables, progress.

GitHub reads any stdout line that starts with ``::`` as a command; what a report repeats from
posts, rosters and servers is printed between ``::stop-commands::<token>`` and ``::<token>::``
(:func:`untrusted`), with a token none of them can guess.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from gecolumn.messages import label, render_problem, shown
from gecolumn.problems import Problem


def problem_json(problem: Problem, lang: str) -> dict:
    """A problem as the JSON reports list it: where, its code and its message in ``lang``."""
    return {
        "file": problem.file,
        "line": problem.line,
        "field": problem.field,
        "code": problem.code,
        "message": render_problem(problem, lang),
    }


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub documents it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property (``file=…``, ``title=…``), escaped as GitHub documents it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(kind: str, title: str, message: str) -> str:
    """``::error title=…::message``: a GitHub annotation on no file."""
    return f"::{kind} title={escape_property(title)}::{escape_data(message)}"


def problem_annotation(problem: Problem, lang: str, title: bool = True) -> str:
    """A problem as a GitHub annotation on its file and line (an error, else a warning); its field is the title."""
    props = [f"file={escape_property(shown(problem.file, None))}"]
    if problem.line:
        props.append(f"line={problem.line}")
    if title and problem.field:
        props.append(f"title={escape_property(shown(problem.field, None))}")
    kind = "error" if problem.is_error else "warning"
    return f"::{kind} {','.join(props)}::{escape_data(render_problem(problem, lang))}"


def append_step_summary(markdown: Callable[[], str]) -> None:
    """Append ``markdown()`` to the job summary when GitHub gives one (``GITHUB_STEP_SUMMARY``)."""
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        with open(summary_path, "a", encoding="utf-8") as summary:
            summary.write(markdown())


@contextmanager
def untrusted() -> Iterator[None]:
    """Print inside this block with GitHub reading no workflow command, whatever the text says."""
    import secrets  # only the github format needs it: the others start faster without its hashlib

    token = secrets.token_hex(16)
    print(f"::stop-commands::{token}")
    try:
        yield
    finally:
        print(f"::{token}::")


def markdown_cell(text: object) -> str:
    """A value in a Markdown table cell: shown safely, with no ``|`` or HTML tag to break the table."""
    return str(shown(text)).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def write_official(args, official) -> Problem | None:
    """Write ``official`` (an :class:`~gecolumn.official_report.OfficialReport`) to ``--docx`` with ``--template``; the problem if not."""
    from gecolumn.official_report import TemplateUnusable, write_docx

    try:
        write_docx(args.docx, official, args.template)
    except TemplateUnusable as exc:
        return Problem(args.template or "", "docx_template_unusable", "--template", params={"problem": str(exc)})
    except OSError as exc:
        params = {"problem": exc.strerror or str(exc), "example": "--docx bao-cao.docx"}
        return Problem(args.docx, "output_unwritable", "--docx", params=params)
    return None


def print_table(header: Sequence[object], rows: Sequence[Sequence[object]]) -> None:
    """A text table: columns padded, numbers to the right, a rule under the header."""
    table = [[str(shown(cell, None)) for cell in line] for line in [header, *rows]]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for number, line in enumerate(table):
        print(
            "  ".join(
                cell.ljust(width) if i == 0 or not cell.isdigit() else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(line, widths, strict=True))
            )
        )
        if number == 0:
            print("  ".join("-" * width for width in widths))


def print_columns(lines: Sequence[Sequence[str]]) -> None:
    """Lines of cells, each column padded to its widest cell, as a terminal shows a table without rules."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))] if lines else []
    for line in lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())


def progress_bar(lang: str = "vi") -> Callable[[int, int, list[str]], None]:
    """``show(done, total, waiting)``: a bar on stderr that a terminal redraws in place, naming the first few units still awaited."""

    def show(done: int, total: int, waiting: Sequence[str] = ()) -> None:
        filled = 30 * done // total
        awaited = ""
        if waiting and done < total:
            more = f" (+{len(waiting) - 3})" if len(waiting) > 3 else ""
            awaited = " " + label("progress_waiting", lang, units=", ".join(waiting[:3]) + more)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}{awaited}\x1b[K")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show
