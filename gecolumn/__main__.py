"""``python -m gecolumn <command> …``: the installed commands, for a machine where only the module path is known.

python -m gecolumn new thcs-bao-khe --school "Trường THCS Bảo Khê" --unit thcs-bao-khe --url https://… --start 2025-Q1
python -m gecolumn check --today 2025-01-05
python -m gecolumn new-post --title "…"
python -m gecolumn report --from 2024-Q1 --to 2024-Q2
python -m gecolumn package --output dist
python -m gecolumn district truong.csv --from 2024-Q1
python -m gecolumn photos --strip
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

from gecolumn.commands import prepare_streams, requested_language
from gecolumn.messages import label, pick_language, render


def _commands() -> dict[str, str]:
    """Command name → module with its ``main(argv)``: every public module of :mod:`gecolumn.commands`.

    A new command is its module (no list to edit here); ``new_post`` is called ``new-post``.
    Modules are imported on use, so ``check`` never loads openpyxl.
    """
    import gecolumn.commands

    found = pkgutil.iter_modules(gecolumn.commands.__path__)
    return {info.name.replace("_", "-"): f"gecolumn.commands.{info.name}" for info in found if not info.name.startswith("_")}


COMMANDS = _commands()
"""Command name → module with its ``main(argv)``; imported on use."""


def main(argv: list[str] | None = None) -> int:
    """Run the command named by the first argument with the rest of ``argv``."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        prepare_streams()  # the usage line is Vietnamese too
        lang = pick_language(requested_language(argv))
        usage = label("usage", lang, commands=",".join(COMMANDS))
        if argv and argv[0] in ("-V", "--version"):
            from gecolumn import __version__

            print(f"gecolumn {__version__}")
            return 0
        if argv and argv[0] in ("-h", "--help"):
            print(usage)
            return 0
        if argv:
            kind = label("severity_error", lang)
            print(f"{kind}: {render('unknown_command', {'value': argv[0], 'known': ', '.join(COMMANDS)}, lang)}", file=sys.stderr)
        print(usage, file=sys.stderr)
        return 2
    command = importlib.import_module(COMMANDS[argv[0]])
    return command.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
