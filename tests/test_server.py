"""The language server, driven over stdio by a real LSP client (pytest-lsp): one server for the module."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_session import config, initialize, open_document, span, wait_for_publish

pytestmark = pytest.mark.asyncio(loop_scope="module")

ROOT_PYPROJECT = '[tool.lint-openai]\ntoday = "2026-01-01"\n'


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    (root / "pyproject.toml").write_text(ROOT_PYPROJECT, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    await initialize(lsp_client, workspace, options={"today": "2026-11-25"})
    yield
    if lsp_client._server is not None and lsp_client._server.returncode is None:
        await lsp_client.shutdown_session()


async def test_open_publishes_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "open.py").as_uri()
    open_document(client, uri, 'import openai\n\nresp = openai.ChatCompletion.create(model="gpt-5", messages=[])\n')
    params = await wait_for_publish(client, uri, 1)
    assert [span(d) for d in params.diagnostics] == [("OAI101", 2, 7, 2, 35), ("OAI202", 2, 42, 2, 49)]
    print(params)
