"""The six-month report (``python scripts/report.py --help``); the command lives in gecolumn/commands/report.py."""

import sys

import _bootstrap  # noqa: F401  (with the system Python, runs this again with .venv)

from gecolumn.commands.report import main

if __name__ == "__main__":
    sys.exit(main())
