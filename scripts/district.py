"""The district monitor (``python scripts/district.py --help``); the command lives in gecolumn/commands/district.py."""

import sys

import _bootstrap  # noqa: F401  (with the system Python, runs this again with .venv)

from gecolumn.commands.district import main

if __name__ == "__main__":
    sys.exit(main())
