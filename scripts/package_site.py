"""Build strictly and zip the site for a portal (``python scripts/package_site.py --help``); the command lives in gecolumn/commands/package.py."""

import sys

import _bootstrap  # noqa: F401  (with the system Python, runs this again with .venv)

from gecolumn.commands.package import main

if __name__ == "__main__":
    sys.exit(main())
