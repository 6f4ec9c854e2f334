"""The engine that builds a column: ProperDocs or MkDocs 1.x, run quietly.

Both read ``mkdocs.yml`` and run the same hook, theme and plugins (the suite builds the demo
with each and compares the sites); a column picks one by the build line of its CI file
(``python -m properdocs build`` or ``python -m mkdocs build``), which ``gecolumn new
--engine`` writes. The column's logic lives in this package, not in the engine, so another
engine needs an adapter (``gecolumn/mkdocs/``), not a rewrite.

>>> build_command("properdocs", "--strict")[1:]
['-m', 'properdocs', 'build', '--strict']
"""

from __future__ import annotations

import sys

ENGINES = ("properdocs", "mkdocs")
"""The engines a column can be built with; the first is the default of new columns."""
DEFAULT_ENGINE = ENGINES[0]

QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
"""The environment that keeps English banners out of staff output: Material's end-of-life notice
(printed under ``mkdocs``, ``material/templates/__init__.py``) and ProperDocs' notice that a
plugin may raise under ``mkdocs`` (``properdocs/replacement_warning.py``). Under
``properdocs`` neither prints; the variables cost nothing there."""


def build_command(engine: str, *args: str) -> list[str]:
    """``python -m <engine> build …`` with this interpreter."""
    return [sys.executable, "-m", engine, "build", *args]
