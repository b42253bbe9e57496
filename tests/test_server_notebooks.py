"""Notebook documents in the language server (LSP 3.17 ``notebookDocument/*``), driven over stdio by a real
client (pytest-lsp) that sends notebooks as VS Code's LSP client does: one server for the module.

The code cells, in order, are one module (as ``lint-openai check`` reads a notebook): a client made in cell 2
is known in cell 3. Diagnostics are published per cell document, with the cell's URI and version and ranges in
the cell's own lines (UTF-16); code actions and hover work in cells; fix-all edits each changed cell.
"""

from __future__ import annotations

from typing import List, Optional

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_notebooks import (
    CODE,
    MARKUP,
    ClientNotebook,
    close_notebook,
    edit_cell,
    open_notebook,
    replace_cell_text,
    retype,
    save_notebook,
    splice,
)
from .lsp_session import (
    actions_at,
    apply_text_edits,
    config,
    initialize,
    published,
    span,
    wait_for_publish,
    wait_until,
)

# Each module drives the language server in a subprocess (pytest-lsp): slow.
pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]

FIX_ALL_KIND = "source.fixAll.lint-openai"
NOTEBOOK_FIX_ALL_KIND = "notebook.source.fixAll.lint-openai"
MARKDOWN = "# Demo\nCalls `openai.ChatCompletion.create`."
SETUP = '%pip install openai\nimport openai\nfrom openai import OpenAI\n\nclient = OpenAI()\nemb = openai.Embedding.create(input="x")\n'
USE = (
    "!echo start\n"
    'resp = client.chat.completions.create(model="gpt-4o", messages=[])\n'
    'print(resp["choices"][0]["message"]["content"])\n'
    'old = openai.ChatCompletion.create(model="gpt-5", messages=[])\n'
)
BASH = "%%bash\necho openai.ChatCompletion.create\n"
BROKEN = "def broken(:\n    pass\n"
CELLS = [MARKDOWN, SETUP, USE, BASH, BROKEN]
SETUP_SPANS = [("OAI101", 5, 6, 5, 29)]
USE_SPANS = [
    ("OAI202", 1, 44, 1, 52),
    ("OAI601", 2, 6, 2, 46),
    ("OAI101", 3, 6, 3, 34),
    ("OAI202", 3, 41, 3, 48),
]
SETUP_FIXED = SETUP.replace("openai.Embedding.create", "openai.embeddings.create")
USE_FIXED = USE.replace(
    'resp["choices"][0]["message"]["content"]', "resp.choices[0].message.content"
).replace("openai.ChatCompletion.create", "openai.chat.completions.create")


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("notebooks")
    lsp_client.root = root  # type: ignore[attr-defined]
    lsp_client.initialize_result = await initialize(
        lsp_client, root, options={"today": "2026-11-25"}, notebooks=True
    )
    yield
    if lsp_client._server is not None and lsp_client._server.returncode is None:
        await lsp_client.shutdown_session()


async def opened(client: LanguageClient, name: str, texts: List[str] = CELLS, markup=(0,)) -> ClientNotebook:
    """A notebook opened in the server, once every code cell's first diagnostics are published."""
    notebook = ClientNotebook.of(client.root / name, texts, markup)  # type: ignore[attr-defined]
    open_notebook(client, notebook)
    for cell in notebook.cells:
        if cell.kind == CODE:
            await wait_for_publish(client, cell.uri, 1)
    return notebook


def latest(client: LanguageClient, uri: str) -> List[tuple]:
    return [span(d) for d in published(client, uri)[-1].diagnostics]


def changes(edit: Optional[types.WorkspaceEdit]) -> List[tuple]:
    """(cell URI, version, [(start line, start char, end line, end char, text)]) of each document edit."""
    assert edit is not None and edit.document_changes is not None
    return [
        (
            change.text_document.uri,
            change.text_document.version,
            [
                (
                    e.range.start.line,
                    e.range.start.character,
                    e.range.end.line,
                    e.range.end.character,
                    e.new_text,
                )
                for e in change.edits
            ],
        )
        for change in edit.document_changes
        if isinstance(change, types.TextDocumentEdit)
    ]


def applied(notebook: ClientNotebook, edit: Optional[types.WorkspaceEdit]) -> List[str]:
    """The cells' texts once the client applies ``edit``."""
    by_uri = {uri: edits for uri, _, edits in changes(edit)}
    texts = []
    for cell in notebook.cells:
        edits = [
            types.TextEdit(
                range=types.Range(
                    start=types.Position(line=a, character=b), end=types.Position(line=c, character=d)
                ),
                new_text=text,
            )
            for a, b, c, d, text in by_uri.get(cell.uri, [])
        ]
        texts.append(apply_text_edits(cell.text, edits))
    return texts


def at(line: int, start: int, end: Optional[int] = None) -> types.Range:
    return types.Range(
        start=types.Position(line=line, character=start),
        end=types.Position(line=line, character=start if end is None else end),
    )


async def test_initialize_advertises_notebook_sync(client: LanguageClient) -> None:
    capabilities = client.initialize_result.capabilities
    sync = capabilities.notebook_document_sync
    assert sync is not None and sync.save is True
    (selector,) = sync.notebook_selector
    assert selector.notebook == "jupyter-notebook"
    assert [cell.language for cell in selector.cells] == ["python"]
    assert list(capabilities.code_action_provider.code_action_kinds) == [
        "quickfix",
        FIX_ALL_KIND,
        NOTEBOOK_FIX_ALL_KIND,
    ]


async def test_open_publishes_each_code_cell_with_its_own_ranges(client: LanguageClient) -> None:
    notebook = await opened(client, "open.ipynb")
    markdown, setup, use, bash, broken = notebook.cells
    assert [(p.version, [span(d) for d in p.diagnostics]) for p in published(client, setup.uri)] == [
        (1, SETUP_SPANS)
    ]
    assert [(p.version, [span(d) for d in p.diagnostics]) for p in published(client, use.uri)] == [
        (1, USE_SPANS)
    ]
    # The response subscript is OAI601 only because `client` (cell 2) is an OpenAI client: one module.
    assert published(client, use.uri)[0].diagnostics[1].message.startswith("`resp` is a v1 response object")
    # A %%bash cell is not Python, a markdown cell is never read; a broken cell is OAI001 in that cell alone.
    assert [list(p.diagnostics) for p in published(client, bash.uri)] == [[]]
    assert published(client, markdown.uri) == []
    (error,) = published(client, broken.uri)[0].diagnostics
    assert (span(error), error.message) == (("OAI001", 0, 11, 0, 11), "SyntaxError: invalid syntax")
    deprecated = published(client, use.uri)[0].diagnostics[0]
    assert deprecated.severity == types.DiagnosticSeverity.Warning
    assert list(deprecated.tags) == [types.DiagnosticTag.Deprecated]
    assert deprecated.code_description.href.endswith("/rules.md#oai202-deprecated-model")


async def test_a_change_in_one_cell_rechecks_the_others(client: LanguageClient) -> None:
    notebook = await opened(client, "cross.ipynb")
    setup, use = notebook.cells[1], notebook.cells[2]
    before = len(published(client, use.uri))
    edit_cell(client, notebook, 1, at(4, 9, 17), "object()")  # client = OpenAI() -> client = object()
    assert [span(d) for d in (await wait_for_publish(client, setup.uri, 2)).diagnostics] == SETUP_SPANS
    # Cell 3 did not change (still version 1), but its findings did: `client` is no SDK client now.
    moved_on = await wait_for_publish(client, use.uri, 1, after=before)
    assert [span(d) for d in moved_on.diagnostics] == [USE_SPANS[0], *USE_SPANS[2:]]
    before = len(published(client, use.uri))
    edit_cell(client, notebook, 1, at(4, 9, 17), "OpenAI()")
    await wait_for_publish(client, setup.uri, 3)
    assert [
        span(d) for d in (await wait_for_publish(client, use.uri, 1, after=before)).diagnostics
    ] == USE_SPANS


async def test_incremental_change_in_a_cell_in_utf16(client: LanguageClient) -> None:
    notebook = await opened(client, "utf16.ipynb")
    use = notebook.cells[2]
    before = len(published(client, notebook.cells[1].uri))
    # 'x = "😀中"; ' is 11 UTF-16 code units (the emoji takes 2) before the call on line 3.
    edit_cell(client, notebook, 2, at(3, 0), 'x = "😀中"; ')
    params = await wait_for_publish(client, use.uri, 2)
    assert [span(d) for d in params.diagnostics] == [
        *USE_SPANS[:2],
        ("OAI101", 3, 17, 3, 45),
        ("OAI202", 3, 52, 3, 59),
    ]
    save_notebook(client, notebook)  # the same findings after a save: no cell is published again
    assert (await actions_at(client, use.uri, 3, 20, only=["quickfix"]))[0].title.startswith(
        "lint-openai (OAI101)"
    )
    assert len(published(client, notebook.cells[1].uri)) == before  # cell 2 unchanged: not published again


async def test_cells_inserted_removed_moved_and_retyped(client: LanguageClient) -> None:
    first = 'import openai\na = openai.Embedding.create(input="x")\n'
    second = 'b = openai.Moderation.create(input="x")\n'
    notebook = await opened(client, "structure.ipynb", [first, second], markup=())
    one, two = notebook.cells
    assert latest(client, one.uri) == [("OAI101", 1, 4, 1, 27)]
    assert latest(client, two.uri) == [("OAI101", 0, 4, 0, 28)]
    # Insert a cell between them (didOpen): checked as part of the module (it uses cell 1's import).
    inserted = notebook.new_cell('c = openai.Completion.create(model="text-davinci-003", prompt="x")\n')
    splice(client, notebook, 1, 0, [inserted])
    assert [span(d) for d in (await wait_for_publish(client, inserted.uri, 1)).diagnostics] == [
        ("OAI101", 0, 4, 0, 28),
        ("OAI201", 0, 35, 0, 53),
    ]
    # Remove it (didClose): its diagnostics are cleared.
    splice(client, notebook, 1, 1, [])
    await wait_until(lambda: not published(client, inserted.uri)[-1].diagnostics, "the removed cell cleared")
    assert published(client, inserted.uri)[-1].version is None
    # Move the second cell before the first (no didOpen, no didClose): it keeps its text, and fix-all lists
    # the cells in their new order.
    splice(client, notebook, 0, 2, [two, one])
    (fix_all,) = await actions_at(client, two.uri, 0, 0, only=[NOTEBOOK_FIX_ALL_KIND])
    assert [(uri, version) for uri, version, _ in changes(fix_all.edit)] == [(two.uri, 1), (one.uri, 1)]
    assert applied(notebook, fix_all.edit) == [
        second.replace("Moderation", "moderations"),
        first.replace("Embedding", "embeddings"),
    ]
    # A code cell made markdown (through `data`) leaves the module: cleared, and out of fix-all.
    retype(client, notebook, 0, MARKUP)
    await wait_until(lambda: not published(client, two.uri)[-1].diagnostics, "the markdown cell cleared")
    (fix_all,) = await actions_at(client, one.uri, 0, 0, only=[NOTEBOOK_FIX_ALL_KIND])
    assert [uri for uri, _, _ in changes(fix_all.edit)] == [one.uri]


async def test_quick_fix_and_noqa_in_a_cell(client: LanguageClient) -> None:
    notebook = await opened(client, "actions.ipynb")
    use = notebook.cells[2]
    fix, disable = await actions_at(client, use.uri, 3, 10, only=["quickfix"])
    assert (fix.title, fix.is_preferred) == (
        "lint-openai (OAI101): Replace with `openai.chat.completions.create`",
        True,
    )
    assert [span(d) for d in fix.diagnostics] == [USE_SPANS[2]]
    assert changes(fix.edit) == [(use.uri, 1, [(3, 6, 3, 34, "openai.chat.completions.create")])]
    # The directive goes on the finding's line; the `!echo` line above stays as it is.
    assert disable.title == "lint-openai (OAI101): Disable OAI101 for this line"
    end = len(USE.splitlines()[3])
    assert changes(disable.edit) == [(use.uri, 1, [(3, end, 3, end, "  # noqa: OAI101")])]
    suppressed = applied(notebook, disable.edit)[2]
    lines = USE.splitlines(keepends=True)
    assert suppressed == "".join([*lines[:3], lines[3].replace("\n", "  # noqa: OAI101\n")])
    replace_cell_text(client, notebook, 2, suppressed)
    assert [span(d) for d in (await wait_for_publish(client, use.uri, 2)).diagnostics] == [
        USE_SPANS[0],
        USE_SPANS[1],
        USE_SPANS[3],
    ]
    # No "disable" for a syntax error, in a cell as in a file.
    assert await actions_at(client, notebook.cells[4].uri, 0, 11, only=["quickfix"]) == []


async def test_fix_all_across_cells(client: LanguageClient) -> None:
    notebook = await opened(client, "fixall.ipynb")
    setup, use = notebook.cells[1], notebook.cells[2]
    # notebook.codeActionsOnSave asks once for the notebook: every changed cell, each at its version.
    (whole,) = await actions_at(client, use.uri, 0, 0, only=[NOTEBOOK_FIX_ALL_KIND])
    assert (whole.title, whole.kind) == (
        "lint-openai: Fix all auto-fixable problems in the notebook",
        NOTEBOOK_FIX_ALL_KIND,
    )
    assert changes(whole.edit) == [
        (setup.uri, 1, [(5, 0, 6, 0, SETUP_FIXED.splitlines(keepends=True)[5])]),
        (use.uri, 1, [(2, 0, 4, 0, "".join(USE_FIXED.splitlines(keepends=True)[2:4]))]),
    ]
    # The unsafe OAI202 fix is not applied (unsafeFixes is off); IPython lines, bash and broken cells untouched.
    assert applied(notebook, whole.edit) == [MARKDOWN, SETUP_FIXED, USE_FIXED, BASH, BROKEN]
    # editor.codeActionsOnSave asks cell by cell: each cell's answer edits that cell only.
    for only in ([FIX_ALL_KIND], ["source.fixAll"], ["source"]):
        (own,) = await actions_at(client, use.uri, 0, 0, only=only)
        assert (own.title, own.kind) == (
            "lint-openai: Fix all auto-fixable problems in this cell",
            FIX_ALL_KIND,
        )
        assert changes(own.edit) == changes(whole.edit)[1:]
    bash = notebook.cells[3]
    assert await actions_at(client, bash.uri, 0, 0, only=[FIX_ALL_KIND]) == []  # nothing to fix there
    # No kind asked for, no finding under the cursor: both fix-alls, since the cell has fixes.
    assert [a.kind for a in await actions_at(client, use.uri, 0, 0)] == [FIX_ALL_KIND, NOTEBOOK_FIX_ALL_KIND]
    # The command, given the notebook's URI (or a cell's), applies the notebook's fix-all.
    for uri in (notebook.uri, setup.uri):
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="lint-openai.fixAll", arguments=[uri])
        )
        assert changes(client.applied_edits[-1].edit) == changes(whole.edit)  # type: ignore[attr-defined]
    # Applied, the notebook has only the findings no safe fix removes.
    for index, text in ((1, SETUP_FIXED), (2, USE_FIXED)):
        replace_cell_text(client, notebook, index, text)
    assert list((await wait_for_publish(client, setup.uri, 2)).diagnostics) == []
    await wait_until(lambda: published(client, use.uri)[-1].version == 2, "the fixed cell checked")
    # The OAI202 of line 4 moved right by 2: `chat.completions` is 2 characters longer than `ChatCompletion`.
    assert latest(client, use.uri) == [USE_SPANS[0], ("OAI202", 3, 43, 3, 50)]


async def test_hover_in_a_cell(client: LanguageClient) -> None:
    notebook = await opened(client, "hover.ipynb")
    use = notebook.cells[2]
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=use.uri),
            position=types.Position(line=2, character=10),
        )
    )
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    assert (hover.range.start.line, hover.range.start.character, hover.range.end.character) == (2, 6, 46)
    assert hover.contents.value.startswith("**OAI601** `response-subscript`: ")
    assert "\n\n**Why is this bad?**\n\n" in hover.contents.value
    for uri, line in (
        (use.uri, 0),
        (notebook.cells[0].uri, 0),
        (notebook.uri, 2),
    ):  # off findings, markdown, no cell
        nothing = await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=line, character=10),
            )
        )
        assert nothing is None


async def test_stale_versions_are_dropped(client: LanguageClient) -> None:
    notebook = await opened(client, "stale.ipynb")
    use = notebook.cells[2]
    # A change, and at once a code action: the edit is for the cell's new version, at the new position.
    edit_cell(client, notebook, 2, at(0, 0), "# moved\n")
    fix = (await actions_at(client, use.uri, 4, 10, only=["quickfix"]))[0]
    assert changes(fix.edit) == [(use.uri, 2, [(4, 6, 4, 34, "openai.chat.completions.create")])]
    # A burst of changes to a cell large enough that a check takes longer than the burst: only the newest
    # version is published.
    body = 'r = openai.Completion.create(prompt="x")\n' * 400
    replace_cell_text(client, notebook, 2, body)
    await wait_for_publish(client, use.uri, 3)
    before = len(published(client, use.uri))
    for extra in (1, 2, 3):
        replace_cell_text(client, notebook, 2, "# x\n" * extra + body)
    newest = await wait_for_publish(client, use.uri, 6, after=before)
    assert [p.version for p in published(client, use.uri)[before:]] == [6]
    assert len(newest.diagnostics) == 400 and span(newest.diagnostics[0]) == ("OAI101", 3, 4, 3, 28)


async def test_close_clears_every_cell(client: LanguageClient) -> None:
    notebook = await opened(client, "closed.ipynb")
    close_notebook(client, notebook)
    code = [cell.uri for cell in notebook.cells if cell.kind == CODE]
    await wait_until(lambda: all(not published(client, uri)[-1].diagnostics for uri in code), "cleared cells")
    assert published(client, notebook.cells[0].uri) == []
    assert await actions_at(client, notebook.cells[2].uri, 3, 10) == []  # a closed notebook's cell: nothing


async def test_a_notebook_pinning_openai_below_1_0_is_judged_as_that_release(client: LanguageClient) -> None:
    """Its own ``%pip install openai==0.28`` makes the v0 calls right: only the model findings stay; the pin
    edited away, the cells get the v1 rules again (as ``lint-openai check`` judges the notebook file)."""
    pinned = SETUP.replace("%pip install openai", "%pip install openai==0.28")
    notebook = await opened(client, "pinned.ipynb", [MARKDOWN, pinned, USE, BASH, BROKEN])
    setup, use = notebook.cells[1], notebook.cells[2]
    assert latest(client, setup.uri) == [] and latest(client, use.uri) == [USE_SPANS[0], USE_SPANS[3]]
    before = len(published(client, use.uri))
    edit_cell(client, notebook, 1, at(0, 19, 25), "")  # %pip install openai==0.28 -> %pip install openai
    assert [span(d) for d in (await wait_for_publish(client, setup.uri, 2)).diagnostics] == SETUP_SPANS
    assert [
        span(d) for d in (await wait_for_publish(client, use.uri, 1, after=before)).diagnostics
    ] == USE_SPANS


async def test_no_error_was_logged_and_shutdown_exits_0(client: LanguageClient) -> None:
    """Last in the module: the server ends with status 0 after shutdown and exit."""
    assert [m.message for m in client.log_messages if m.type == types.MessageType.Error] == []
    assert client.messages == []
    await client.shutdown_session()
    assert client._server.returncode == 0
