"""The events of :mod:`gecolumn.mkdocs.events`, under the name every column's ``hooks/column.py`` imports.

``from gecolumn.mkdocs_hook import *`` is the one line of a column's hook file (and the line
the check asks an old copied hook to be replaced with): this name stays while the adapter's
modules move. The work is in :mod:`gecolumn.mkdocs`.
"""

from gecolumn.mkdocs.events import *  # noqa: F403  (every on_* event MkDocs registers)
from gecolumn.mkdocs.events import __all__ as __all__
from gecolumn.mkdocs.search import SEARCH_DIR as SEARCH_DIR
from gecolumn.mkdocs.theme import THEME_DIR as THEME_DIR
