"""Photos that carry a GPS position or a camera serial, and ``--strip`` to remove it (``python scripts/strip_photos.py --help``); the command lives in gecolumn/commands/photos.py."""

import sys

import _bootstrap  # noqa: F401  (with the system Python, runs this again with .venv)

from gecolumn.commands.photos import main

if __name__ == "__main__":
    sys.exit(main())
