"""CI command: every due quarter has a post and every post is valid. See gecolumn/cli.py.

python scripts/check_quarters.py [-f mkdocs.yml] [--today YYYY-MM-DD] [--format text|json|github] [--lang vi|en]
"""

import sys

from gecolumn.cli import main

if __name__ == "__main__":
    sys.exit(main())
