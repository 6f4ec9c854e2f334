"""Lets staff run ``python scripts/new_post.py`` with any Python 3.11+, as the guide writes it.

With the system Python the column's packages are not importable: the command is then run
again with the project's ``.venv`` (set up first from requirements.lock, as ``dev.py`` does).
"""

import importlib.util
import os
import sys

if importlib.util.find_spec("gecolumn") is None or importlib.util.find_spec("mkdocs") is None:
    import subprocess  # only here: every command starts through this file

    import dev

    if os.path.realpath(sys.executable) == os.path.realpath(dev.PYTHON):
        sys.exit("gecolumn is not installed in .venv: run 'python scripts/dev.py test' once to set it up.")
    dev.ensure_environment()
    sys.exit(subprocess.run([str(dev.PYTHON), *sys.argv]).returncode)
