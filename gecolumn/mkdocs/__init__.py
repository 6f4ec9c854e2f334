"""The MkDocs adapter: posts/ become pages of the column, and the quarterly check runs in every build.

A column's ``hooks/column.py`` star-imports :mod:`gecolumn.mkdocs_hook`, which re-exports the
events of :mod:`.events`: the build is the installed package's, so upgrading the package upgrades
every column. Each event says why its work runs there and hands the build's one
:class:`~.state.Build` to the module that does it:

- :mod:`.state`: what one build knows (made in ``on_config``, dropped with the build);
- :mod:`.theme`: the package's templates given to Material, settings made HTML text, page settings;
- :mod:`.filters`: the filters, tests and globals the templates call;
- :mod:`.outputs`: what the build publishes besides pages: posts and their files, photos, feeds,
  the coverage data;
- :mod:`.search`: Pagefind's index, and Material's search plugin kept to drawing its box.

No module here is imported by the rest of the package: the domain knows nothing of MkDocs.
"""
