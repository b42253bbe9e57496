"""Open notebook documents (LSP 3.17 ``notebookDocument/*``): their cells, and the notebook the CLI checks.

A notebook is one immutable value per version: its URI, version, path and cells. Each cell is a text
document (:class:`Document`: its own URI, version and text, changed incrementally like any document) with
the cell's kind. Cell URIs are opaque (LSP says a server must not rely on their form): a cell is found by
looking its URI up in the open notebooks, never by parsing it.

:attr:`NotebookDocument.notebook` is the CLI's model of the cells (:func:`notebook_from_cells`): Python code
cells are ``"code"``, markup cells ``"markdown"``, code cells of another language ``"raw"`` (never read).
"""

from __future__ import annotations

import functools
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from lsprotocol import types

from lint_openai.frontends.server.documents import Document, path_of
from lint_openai.frontends.server.linter import Notebook, notebook_from_cells
from lint_openai.records import record, replace

NOTEBOOK_TYPE = "jupyter-notebook"
PYTHON = "python"


@record
class Cell:
    """One cell: its kind (markup or code) and its text document."""

    kind: types.NotebookCellKind
    document: Document

    @property
    def cell_type(self) -> str:
        """The nbformat ``cell_type`` the CLI's notebook model reads."""
        if self.kind == types.NotebookCellKind.Markup:
            return "markdown"
        return "code" if self.document.language_id == PYTHON else "raw"


def _document(item: types.TextDocumentItem) -> Document:
    return Document(item.uri, item.text, item.version, item.language_id)


@record
class NotebookDocument:
    """One version of one notebook document."""

    uri: str
    version: int
    cells: Tuple[Cell, ...]
    path: str = ""

    @classmethod
    def opened(cls, params: types.DidOpenNotebookDocumentParams) -> NotebookDocument:
        notebook = params.notebook_document
        texts = {item.uri: _document(item) for item in params.cell_text_documents}
        cells = _cells(notebook.cells, texts)
        return cls(notebook.uri, notebook.version, cells, path_of(notebook.uri))

    @functools.cached_property
    def notebook(self) -> Notebook:
        """The cells as the CLI reads a notebook (numbered from 1, in order)."""
        return notebook_from_cells((cell.cell_type, cell.document.text) for cell in self.cells)

    @functools.cached_property
    def _numbers(self) -> Dict[str, int]:
        return {cell.document.uri: number for number, cell in enumerate(self.cells, start=1)}

    def cell_number(self, uri: str) -> Optional[int]:
        """The 1-based number of the cell whose text document is ``uri``."""
        return self._numbers.get(uri)

    def cell(self, number: int) -> Cell:
        return self.cells[number - 1]

    def changed(self, params: types.DidChangeNotebookDocumentParams, encoding: str) -> NotebookDocument:
        """The notebook after a ``notebookDocument/didChange``: the cell structure (cells inserted, removed or
        moved), then the cells' kinds, then their texts (incremental changes as for text documents)."""
        cells = list(self.cells)
        change = params.change.cells
        if change is not None and change.structure is not None:
            cells = _restructured(cells, change.structure)
        if change is not None and change.data:
            kinds = {cell.document: cell.kind for cell in change.data}
            cells = [replace(cell, kind=kinds.get(cell.document.uri, cell.kind)) for cell in cells]
        for content in (change.text_content or []) if change is not None else []:
            identifier = content.document
            cells = [
                replace(cell, document=cell.document.changed(identifier.version, content.changes, encoding))
                if cell.document.uri == identifier.uri
                else cell
                for cell in cells
            ]
        return replace(self, version=params.notebook_document.version, cells=tuple(cells))


def _cells(cells: Iterable[types.NotebookCell], texts: Dict[str, Document]) -> Tuple[Cell, ...]:
    """The cells of the notebook, each with its text (an empty document if the client sent none)."""
    return tuple(
        Cell(cell.kind, texts.get(cell.document) or Document(cell.document, "", 0)) for cell in cells
    )


def _restructured(cells: List[Cell], structure: types.NotebookDocumentCellChangeStructure) -> List[Cell]:
    """``array`` applied: ``deleteCount`` cells from ``start`` replaced by ``cells``, whose texts are those
    opened now (``didOpen``) or, for cells moved, the ones they had."""
    texts = {cell.document.uri: cell.document for cell in cells}
    for identifier in structure.did_close or []:
        texts.pop(identifier.uri, None)
    texts.update((item.uri, _document(item)) for item in structure.did_open or [])
    array = structure.array
    inserted = _cells(array.cells or [], texts)
    return [*cells[: array.start], *inserted, *cells[array.start + array.delete_count :]]


class NotebookStore:
    """The open notebooks by URI, and which notebook each open cell belongs to."""

    def __init__(self) -> None:
        self._notebooks: Dict[str, NotebookDocument] = {}
        self._owners: Dict[str, str] = {}  # cell URI -> notebook URI

    def open(self, params: types.DidOpenNotebookDocumentParams) -> NotebookDocument:
        return self._put(NotebookDocument.opened(params))

    def change(self, params: types.DidChangeNotebookDocumentParams, encoding: str) -> NotebookDocument:
        return self._put(self._notebooks[params.notebook_document.uri].changed(params, encoding))

    def close(self, uri: str) -> Optional[NotebookDocument]:
        notebook = self._notebooks.pop(uri, None)
        for cell in notebook.cells if notebook is not None else ():
            self._owners.pop(cell.document.uri, None)
        return notebook

    def get(self, uri: str) -> Optional[NotebookDocument]:
        return self._notebooks.get(uri)

    def owner(self, cell_uri: str) -> Optional[NotebookDocument]:
        """The open notebook that has a cell whose text document is ``cell_uri``."""
        uri = self._owners.get(cell_uri)
        return self._notebooks.get(uri) if uri is not None else None

    def all(self) -> Sequence[NotebookDocument]:
        return list(self._notebooks.values())

    def _put(self, notebook: NotebookDocument) -> NotebookDocument:
        previous = self._notebooks.get(notebook.uri)
        for cell in previous.cells if previous is not None else ():
            self._owners.pop(cell.document.uri, None)
        self._notebooks[notebook.uri] = notebook
        self._owners.update((cell.document.uri, notebook.uri) for cell in notebook.cells)
        return notebook
