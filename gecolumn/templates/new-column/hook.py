"""The column's MkDocs hook: the build's work lives in the installed ``gecolumn`` package.

``mkdocs.yml`` names this file under ``hooks:``; upgrading the package upgrades the build.
"""

from gecolumn.mkdocs_hook import *  # noqa: F403  (MkDocs registers every on_* event found here)
