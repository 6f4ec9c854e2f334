"""The six-month report (``python scripts/report.py --help``); the command lives in gecolumn/commands/report.py."""

import sys

from gecolumn.commands.report import main

if __name__ == "__main__":
    sys.exit(main())
