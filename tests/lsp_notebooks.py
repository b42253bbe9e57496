"""Notebook documents for the language server tests, sent as VS Code's LSP client sends them.

The client keeps its own copy of the notebook (cells with their URIs, kinds, languages, versions and
texts) and sends LSP 3.17 ``notebookDocument/*`` notifications: one ``NotebookCellArrayChange`` per
structural change, ``didOpen`` only for cells new to the notebook, ``didClose`` only for cells that left it
(a moved cell is neither), text changes as ``textContent`` with the cell's new version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence

from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_session import apply_text_edits

MARKUP, CODE = types.NotebookCellKind.Markup, types.NotebookCellKind.Code


@dataclass
class ClientCell:
    """One cell as the client holds it; its URI is opaque, as LSP requires (VS Code's scheme here)."""

    uri: str
    text: str
    kind: types.NotebookCellKind = CODE
    language: str = "python"
    version: int = 1

    def item(self) -> types.TextDocumentItem:
        return types.TextDocumentItem(
            uri=self.uri, language_id=self.language, version=self.version, text=self.text
        )

    def cell(self) -> types.NotebookCell:
        return types.NotebookCell(kind=self.kind, document=self.uri)


@dataclass
class ClientNotebook:
    path: Path
    cells: List[ClientCell] = field(default_factory=list)
    version: int = 1
    _made: int = field(default=0, repr=False)

    @classmethod
    def of(cls, path: Path, texts: Sequence[str], markup: Sequence[int] = ()) -> ClientNotebook:
        """A notebook of ``texts``; the cells at the indexes in ``markup`` are markdown."""
        notebook = cls(path)
        notebook.cells = [
            notebook.new_cell(text, MARKUP if index in markup else CODE) for index, text in enumerate(texts)
        ]
        return notebook

    @property
    def uri(self) -> str:
        return self.path.as_uri()

    def new_cell(
        self, text: str, kind: types.NotebookCellKind = CODE, language: Optional[str] = None
    ) -> ClientCell:
        """A cell with a fresh URI (not yet in the notebook), of the form VS Code gives cells."""
        self._made += 1
        uri = f"vscode-notebook-cell:{self.path.as_posix()}#W{self._made}sZmlsZQ%3D%3D"
        return ClientCell(uri, text, kind, language or ("markdown" if kind == MARKUP else "python"))


def open_notebook(client: LanguageClient, notebook: ClientNotebook) -> None:
    client.notebook_document_did_open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=notebook.uri,
                notebook_type="jupyter-notebook",
                version=notebook.version,
                cells=[cell.cell() for cell in notebook.cells],
            ),
            cell_text_documents=[cell.item() for cell in notebook.cells],
        )
    )


def _send(client: LanguageClient, notebook: ClientNotebook, cells: types.NotebookDocumentCellChanges) -> None:
    notebook.version += 1
    client.notebook_document_did_change(
        types.DidChangeNotebookDocumentParams(
            notebook_document=types.VersionedNotebookDocumentIdentifier(
                uri=notebook.uri, version=notebook.version
            ),
            change=types.NotebookDocumentChangeEvent(cells=cells),
        )
    )


def edit_cell(
    client: LanguageClient, notebook: ClientNotebook, index: int, at: types.Range, text: str
) -> None:
    """Replace the text at ``at`` in cell ``index`` (an incremental change); the client's own copy of the
    cell is updated reading ``at`` as UTF-16, as :func:`apply_text_edits` does."""
    cell = notebook.cells[index]
    cell.text = apply_text_edits(cell.text, [types.TextEdit(range=at, new_text=text)])
    cell.version += 1
    change = types.TextDocumentContentChangePartial(range=at, text=text)
    content = types.NotebookDocumentCellContentChanges(
        document=types.VersionedTextDocumentIdentifier(uri=cell.uri, version=cell.version), changes=[change]
    )
    _send(client, notebook, types.NotebookDocumentCellChanges(text_content=[content]))


def replace_cell_text(client: LanguageClient, notebook: ClientNotebook, index: int, text: str) -> None:
    """Replace the whole text of cell ``index``."""
    lines = notebook.cells[index].text.split("\n")
    end = types.Position(line=len(lines) - 1, character=len(lines[-1]))
    edit_cell(client, notebook, index, types.Range(start=types.Position(line=0, character=0), end=end), text)


def splice(
    client: LanguageClient,
    notebook: ClientNotebook,
    start: int,
    delete_count: int,
    cells: Sequence[ClientCell],
) -> None:
    """Replace ``delete_count`` cells from ``start`` with ``cells`` (new ones, or moved ones)."""
    before = {cell.uri for cell in notebook.cells}
    notebook.cells[start : start + delete_count] = list(cells)
    after = {cell.uri for cell in notebook.cells}
    structure = types.NotebookDocumentCellChangeStructure(
        array=types.NotebookCellArrayChange(
            start=start, delete_count=delete_count, cells=[cell.cell() for cell in cells] or None
        ),
        did_open=[cell.item() for cell in cells if cell.uri not in before] or None,
        did_close=[types.TextDocumentIdentifier(uri=uri) for uri in sorted(before - after)] or None,
    )
    _send(client, notebook, types.NotebookDocumentCellChanges(structure=structure))


def retype(
    client: LanguageClient, notebook: ClientNotebook, index: int, kind: types.NotebookCellKind
) -> None:
    """Change a cell's kind through ``data`` (a client may also send it as a structure change)."""
    notebook.cells[index].kind = kind
    _send(client, notebook, types.NotebookDocumentCellChanges(data=[notebook.cells[index].cell()]))


def close_notebook(client: LanguageClient, notebook: ClientNotebook) -> None:
    client.notebook_document_did_close(
        types.DidCloseNotebookDocumentParams(
            notebook_document=types.NotebookDocumentIdentifier(uri=notebook.uri),
            cell_text_documents=[types.TextDocumentIdentifier(uri=cell.uri) for cell in notebook.cells],
        )
    )


def save_notebook(client: LanguageClient, notebook: ClientNotebook) -> None:
    client.notebook_document_did_save(
        types.DidSaveNotebookDocumentParams(
            notebook_document=types.NotebookDocumentIdentifier(uri=notebook.uri)
        )
    )
