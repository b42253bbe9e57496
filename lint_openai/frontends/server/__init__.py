"""``lint-openai server``: a Language Server Protocol front-end over stdio (pygls / lsprotocol).

Modules, one job each:

- ``linter``: the only module that imports the rest of lint-openai (engine, settings, fixes, docs).
- ``positions``: engine locations (1-based row, 1-based character) <-> LSP positions in the negotiated
  ``positionEncoding``.
- ``documents``: open documents, their versions and incremental changes.
- ``options``: client options (``initializationOptions``, ``workspace/configuration``) and the
  effective :class:`Settings` of a document.
- ``diagnostics``: engine diagnostics -> LSP diagnostics (severity, tags, links) and hover text.
- ``suppress``: the ``# noqa: CODE`` edit for one line.
- ``actions``: code actions (quick fixes, "disable for this line", ``source.fixAll.lint-openai``).
- ``scheduler``: debounced linting, results cached per document version, stale results dropped.
- ``app``: the protocol wiring (which LSP message calls what).

Notebook documents (``notebookDocument/*``) are not handled yet: the engine has no notebook support.
A handler would map cells to one module (a notebook :class:`documents.Document` whose ``text`` is the
joined cells) and split the results per cell URI in ``app``; nothing else changes.
"""
