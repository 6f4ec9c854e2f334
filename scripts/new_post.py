"""Start a new post (``python scripts/new_post.py --help``); the command lives in gecolumn/commands/new_post.py."""

import sys

import _bootstrap  # noqa: F401  (with the system Python, runs this again with .venv)

from gecolumn.commands.new_post import main

if __name__ == "__main__":
    sys.exit(main())
