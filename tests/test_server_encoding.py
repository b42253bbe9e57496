"""Position encodings: the server uses the client's first supported ``positionEncoding``."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_notebooks import ClientNotebook, edit_cell, open_notebook
from .lsp_session import change_document, config, initialize, open_document, span, wait_for_publish

# Each module drives the language server in a subprocess (pytest-lsp): slow.
pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]

# 14 characters before the call: the emoji is 4 UTF-8 bytes / 2 UTF-16 units / 1 code point, the CJK
# character 3 / 1 / 1.
TEXT = 'import openai\nx = "😀中"; e = openai.Embedding.create(input="a")\n'
EXPECTED = {
    "utf-8": ("OAI101", 1, 19, 1, 42),
    "utf-16": ("OAI101", 1, 15, 1, 38),
    "utf-32": ("OAI101", 1, 14, 1, 37),
}
# Where `e = ` starts, in each encoding (an insertion point for an incremental change).
BEFORE_E = {"utf-8": 15, "utf-16": 11, "utf-32": 10}
OFFERS = {"utf-8": ["utf-8", "utf-16"], "utf-16": ["utf-16", "utf-8"], "utf-32": ["utf-32"]}


@pytest_lsp.fixture(config=config(), scope="module", params=sorted(OFFERS))
async def client(
    lsp_client: LanguageClient, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
):
    lsp_client.encoding = request.param
    result = await initialize(
        lsp_client, tmp_path_factory.mktemp("encoding"), encodings=OFFERS[request.param], notebooks=True
    )
    lsp_client.negotiated = result.capabilities.position_encoding
    yield
    await lsp_client.shutdown_session()


async def test_negotiated_encoding_and_positions(client: LanguageClient, tmp_path: Path) -> None:
    encoding = client.encoding
    assert client.negotiated == encoding
    uri = (tmp_path / "emoji.py").as_uri()
    open_document(client, uri, TEXT)
    assert [span(d) for d in (await wait_for_publish(client, uri, 1)).diagnostics] == [EXPECTED[encoding]]
    at = types.Position(line=1, character=BEFORE_E[encoding])
    change_document(
        client,
        uri,
        2,
        types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text="y = 1; "),
    )
    code, line, start, end_line, end = EXPECTED[encoding]
    assert [span(d) for d in (await wait_for_publish(client, uri, 2)).diagnostics] == [
        (code, line, start + 7, end_line, end + 7)
    ]


async def test_notebook_cells_in_the_negotiated_encoding(client: LanguageClient, tmp_path: Path) -> None:
    """A cell's ranges and changes are in the cell's own lines, in the negotiated encoding."""
    encoding = client.encoding
    first, second = TEXT.splitlines(keepends=True)
    notebook = ClientNotebook.of(tmp_path / "emoji.ipynb", [first, second])
    open_notebook(client, notebook)
    cell = notebook.cells[1].uri
    code, _, start, _, end = EXPECTED[encoding]
    assert [span(d) for d in (await wait_for_publish(client, cell, 1)).diagnostics] == [
        (code, 0, start, 0, end)
    ]
    at = types.Position(line=0, character=BEFORE_E[encoding])
    edit_cell(client, notebook, 1, types.Range(start=at, end=at), "y = 1; ")
    assert [span(d) for d in (await wait_for_publish(client, cell, 2)).diagnostics] == [
        (code, 0, start + 7, 0, end + 7)
    ]
