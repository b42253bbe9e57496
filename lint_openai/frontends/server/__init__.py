"""``lint-openai server``: a Language Server Protocol front-end over stdio (pygls / lsprotocol).

Modules, one job each:

- ``linter``: the only module that imports the rest of lint-openai (engine, settings, fixes, docs).
- ``positions``: engine locations (1-based row, 1-based character) <-> LSP positions in the negotiated
  ``positionEncoding``.
- ``documents``: open documents, their versions and incremental changes.
- ``notebooks``: open notebook documents (``notebookDocument/*``): cells, their text documents, and the
  CLI's notebook model of them; ``open_documents``: text documents and notebooks by URI, as checked.
- ``options``: client options (``initializationOptions``, ``workspace/configuration``) and the
  effective :class:`Settings` of a document.
- ``diagnostics``: engine diagnostics -> LSP diagnostics (severity, tags, links) and hover text.
- ``suppress``: the ``# noqa: CODE`` edit for one line.
- ``actions``: code actions (quick fixes, "disable for this line", ``source.fixAll.lint-openai``).
- ``cell_diagnostics``, ``notebook_actions``: a notebook's findings published per cell; code actions in
  cells (fix-all of one cell, or of the notebook: ``notebook.source.fixAll.lint-openai``).
- ``scheduler``: debounced linting, results cached per document version, stale results dropped.
- ``app``: the protocol wiring (which LSP message calls what).

A notebook is checked with the CLI's own notebook code (:mod:`lint_openai.frontends.documents` on the
cells): one module of its code cells, each finding located in its cell.
"""
