"""gecolumn: a Vietnamese school's gender-equality awareness column, from Markdown posts to a site.

The pipeline, one module per step:

1. **read** — :mod:`gecolumn.sources` sorts ``posts/`` into posts, assets and refused files;
   :mod:`gecolumn.front_matter` finds each post's header safely.
2. **validate** — :mod:`gecolumn.fields` reads the header's fields (one table) into a frozen
   :class:`gecolumn.posts.Post`; :mod:`gecolumn.config` validates ``extra.column``. Anything
   wrong is a :class:`gecolumn.problems.Problem` with a :class:`gecolumn.codes.Code`, worded
   by :mod:`gecolumn.messages` in Vietnamese or English.
3. **judge coverage** — :mod:`gecolumn.coverage` applies the quarterly rule (whole column and
   per unit, on a given day); :mod:`gecolumn.check` runs steps 1–3 for the hook and the CLI.
4. **plan** — :mod:`gecolumn.site` plans every page, file and feed (addresses in
   :mod:`gecolumn.routes`, one builder per page type in :mod:`gecolumn.pages`, frozen views
   in :mod:`gecolumn.views`).
5. **render / publish** — :mod:`gecolumn.mkdocs` (a column's ``hooks/column.py`` imports its
   events from :mod:`gecolumn.mkdocs_hook`; the templates are ``gecolumn/theme/``) hands the plan to MkDocs; bodies are cleaned by
   :mod:`gecolumn.sanitize`, feeds written by :mod:`gecolumn.feeds`, the search index by
   :mod:`gecolumn.search_index`; the six-month report is :mod:`gecolumn.reporting`.

Entry points: :func:`gecolumn.posts.load_posts`, :func:`gecolumn.check.run_check`,
:func:`gecolumn.coverage.coverage`, :func:`gecolumn.site.plan_site`.

A school's own column starts with ``gecolumn new`` (:mod:`gecolumn.newcolumn` plans its files).
Across columns, :mod:`gecolumn.district` gives a district office the same verdict for every
school of its roster, read from each column's ``theo-doi.json`` or feed.
"""


def __getattr__(name: str) -> str:
    # ``gecolumn.__version__``: the installed generator's version (a column's requirements.txt
    # pins it), looked up on first use: the metadata lookup costs every command ~2.5 ms.
    if name != "__version__":
        raise AttributeError(f"module 'gecolumn' has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("gecolumn")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        version = "0+unknown"
    globals()["__version__"] = version
    return version
