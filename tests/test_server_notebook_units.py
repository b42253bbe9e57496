"""The server's notebook documents without a process: notebookDocument/didChange applied to the cells, the
owner of each cell URI, what is published per cell, and which open documents are checked."""

from __future__ import annotations

from typing import List, Optional, Sequence

from lsprotocol import types

from lint_openai.config.settings import Settings
from lint_openai.frontends.documents import check_cells
from lint_openai.frontends.server.cell_diagnostics import CellPublisher
from lint_openai.frontends.server.documents import DocumentStore
from lint_openai.frontends.server.notebooks import NotebookDocument, NotebookStore
from lint_openai.frontends.server.open_documents import OpenDocuments

NB = "file:///w/nb.ipynb"
CODE, MARKUP = types.NotebookCellKind.Code, types.NotebookCellKind.Markup


def item(uri: str, text: str, language: str = "python", version: int = 1) -> types.TextDocumentItem:
    return types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)


def cell(uri: str, kind: types.NotebookCellKind = CODE) -> types.NotebookCell:
    return types.NotebookCell(kind=kind, document=uri)


def opened(store: NotebookStore) -> NotebookDocument:
    return store.open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=NB,
                notebook_type="jupyter-notebook",
                version=1,
                cells=[cell("a"), cell("m", MARKUP), cell("b"), cell("s")],
            ),
            cell_text_documents=[
                item("a", "import openai\n"),
                item("m", "# openai.Completion", "markdown"),
                item("b", "openai.Completion.create()\n"),
                item("s", "SELECT 1", "sql"),
            ],
        )
    )


def change(
    store: NotebookStore,
    version: int,
    structure: Optional[types.NotebookDocumentCellChangeStructure] = None,
    data: Optional[List[types.NotebookCell]] = None,
    text: Sequence[types.NotebookDocumentCellContentChanges] = (),
) -> NotebookDocument:
    return store.change(
        types.DidChangeNotebookDocumentParams(
            notebook_document=types.VersionedNotebookDocumentIdentifier(uri=NB, version=version),
            change=types.NotebookDocumentChangeEvent(
                cells=types.NotebookDocumentCellChanges(
                    structure=structure, data=data, text_content=list(text) or None
                )
            ),
        ),
        "utf-16",
    )


def structure(
    start: int,
    delete: int,
    cells: Sequence[types.NotebookCell] = (),
    did_open: Sequence[types.TextDocumentItem] = (),
    did_close: Sequence[str] = (),
) -> types.NotebookDocumentCellChangeStructure:
    return types.NotebookDocumentCellChangeStructure(
        array=types.NotebookCellArrayChange(start=start, delete_count=delete, cells=list(cells) or None),
        did_open=list(did_open) or None,
        did_close=[types.TextDocumentIdentifier(uri=uri) for uri in did_close] or None,
    )


def uris(notebook: NotebookDocument) -> List[str]:
    return [c.document.uri for c in notebook.cells]


def test_open_makes_the_clis_notebook_of_the_python_code_cells() -> None:
    notebook = opened(NotebookStore())
    assert [c.cell_type for c in notebook.cells] == ["code", "markdown", "code", "raw"]
    assert notebook.path == "/w/nb.ipynb" and notebook.version == 1
    assert notebook.notebook.module() == "import openai\n\nopenai.Completion.create()\n\n"  # each cell + "\n"
    assert [span.cell for span in notebook.notebook.spans] == [1, 3]
    assert notebook.cell_number("b") == 3 and notebook.cell_number("nb") is None


def test_structure_inserts_removes_and_moves_cells_keeping_their_texts() -> None:
    store = NotebookStore()
    opened(store)
    inserted = change(store, 2, structure(1, 0, [cell("n")], did_open=[item("n", "x = 1\n")]))
    assert uris(inserted) == ["a", "n", "m", "b", "s"] and inserted.version == 2
    assert inserted.cell(2).document.text == "x = 1\n" and store.owner("n") is inserted
    removed = change(store, 3, structure(1, 1, did_close=["n"]))
    assert uris(removed) == ["a", "m", "b", "s"] and store.owner("n") is None
    # A move is a delete and an insert of the same cells, with no didOpen: the texts stay.
    moved = change(store, 4, structure(0, 3, [cell("b"), cell("m", MARKUP), cell("a")]))
    assert uris(moved) == ["b", "m", "a", "s"]
    assert [c.document.text for c in moved.cells[:3]] == [
        "openai.Completion.create()\n",
        "# openai.Completion",
        "import openai\n",
    ]
    assert moved.notebook.module() == "openai.Completion.create()\n\nimport openai\n\n"
    assert store.owner("a") is moved and store.get(NB) is moved


def test_data_changes_kinds_and_text_content_changes_cells_incrementally() -> None:
    store = NotebookStore()
    opened(store)
    retyped = change(store, 2, data=[cell("b", MARKUP)])
    assert retyped.cell(3).cell_type == "markdown" and retyped.notebook.module() == "import openai\n\n"
    edit = types.TextDocumentContentChangePartial(
        range=types.Range(
            start=types.Position(line=0, character=7), end=types.Position(line=0, character=13)
        ),
        text="os",
    )
    content = types.NotebookDocumentCellContentChanges(
        document=types.VersionedTextDocumentIdentifier(uri="a", version=5), changes=[edit]
    )
    edited = change(store, 3, text=[content])
    assert (edited.cell(1).document.text, edited.cell(1).document.version) == ("import os\n", 5)
    assert edited.cell(3).document.version == 1  # other cells keep theirs


def test_close_forgets_the_notebook_and_its_cells() -> None:
    store = NotebookStore()
    opened(store)
    assert store.close(NB) is not None
    assert store.get(NB) is None and store.owner("a") is None and store.all() == []


def test_cells_are_published_when_their_version_or_findings_change() -> None:
    store, publisher = NotebookStore(), CellPublisher()
    notebook = opened(store)

    def updates(notebook: NotebookDocument) -> List[tuple]:
        found = check_cells(notebook.notebook, notebook.path, Settings())
        return [
            (p.uri, p.version, [(d.code, d.range.start.line, d.range.start.character) for d in p.diagnostics])
            for p in publisher.updates(notebook, found, "utf-16")
        ]

    # Every code cell (empty lists too; the SQL cell is a code cell of another language), no markup cell.
    assert updates(notebook) == [("a", 1, []), ("b", 1, [("OAI101", 0, 0)]), ("s", 1, [])]
    assert updates(notebook) == []  # nothing changed
    # Cell a changes (new version); cell b's findings go (no `import openai` any more) though b did not change.
    edit = types.TextDocumentContentChangeWholeDocument(text="import os\n")
    content = types.NotebookDocumentCellContentChanges(
        document=types.VersionedTextDocumentIdentifier(uri="a", version=2), changes=[edit]
    )
    assert updates(change(store, 2, text=[content])) == [("a", 2, []), ("b", 1, [])]
    # A cell leaving the notebook is cleared (no version: the document is gone).
    assert updates(change(store, 3, structure(2, 1, did_close=["b"]))) == [("b", None, [])]
    assert [(p.uri, list(p.diagnostics)) for p in publisher.closed(NB)] == [("a", []), ("s", [])]
    assert publisher.closed(NB) == []


def test_open_documents_are_python_text_documents_and_notebooks() -> None:
    texts, notebooks = DocumentStore(), NotebookStore()
    documents = OpenDocuments(texts, notebooks)
    python = texts.open(item("file:///w/a.py", "import openai\n"))
    texts.open(item("file:///w/notes.md", "openai.Completion.create()", "markdown"))
    texts.open(item(NB, "{}", "json"))  # the notebook's file opened as JSON text too
    notebook = opened(notebooks)
    assert documents.all() == [python, notebook]
    assert documents.get("file:///w/a.py") is python and documents.get(NB) is notebook
    assert documents.get("file:///w/notes.md") is None and documents.get("a") is None  # a cell is no document
