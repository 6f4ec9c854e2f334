"""CI check: every due quarter has a post and every post is valid (``python scripts/check_quarters.py --help``); the command lives in gecolumn/commands/check.py."""

import sys

import _bootstrap  # noqa: F401  (with the system Python, runs this again with .venv)

from gecolumn.commands.check import main

if __name__ == "__main__":
    sys.exit(main())
