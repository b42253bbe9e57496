"""Server settings without pulled configuration: pushed didChangeConfiguration, pyproject.toml reloads,
invalid configuration, and unversioned edits for a client without ``documentChanges``."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_session import config, open_document, published, span, wait_for_publish

# Each module drives the language server in a subprocess (pytest-lsp): slow.
pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]

V0_CALL = 'import openai\n\nresp = openai.ChatCompletion.create(model="gpt-5", messages=[])\n'


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("settings")
    (root / "pyproject.toml").write_text('[tool.lint-openai]\ntoday = "2026-11-25"\n', encoding="utf-8")
    broken = root / "broken"
    broken.mkdir()
    (broken / "pyproject.toml").write_text("[tool.lint-openai\nselect = [\n", encoding="utf-8")
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    # A minimal client: no workspace/configuration, no documentChanges, no watched-file registration.
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=workspace.as_uri(),
            initialization_options={"select": ["OAI1"], "bogus": 1, "today": "soon"},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_invalid_initialization_options_are_reported_and_skipped(
    client: LanguageClient, workspace: Path
) -> None:
    uri = (workspace / "init.py").as_uri()
    open_document(client, uri, V0_CALL)
    params = await wait_for_publish(client, uri, 1)
    assert [span(d) for d in params.diagnostics] == [("OAI101", 2, 7, 2, 35)]  # select = ["OAI1"] applies
    assert [(m.type, m.message) for m in client.messages] == [
        (
            types.MessageType.Warning,
            "lint-openai: initializationOptions: unknown setting 'bogus' (known: select, ignore, today, unsafeFixes, fixAll)",
        ),
        (
            types.MessageType.Warning,
            "lint-openai: initializationOptions: today: expected a date as YYYY-MM-DD, got 'soon'",
        ),
    ]
    assert client.registrations == []  # the client cannot register watchers


async def test_pushed_configuration(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "pushed.py").as_uri()
    open_document(client, uri, V0_CALL)
    await wait_for_publish(client, uri, 1)
    before = len(published(client, uri))
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"lint-openai": {"select": ["OAI2"]}})
    )
    params = await wait_for_publish(client, uri, 1, after=before)
    assert [span(d) for d in params.diagnostics] == [("OAI202", 2, 42, 2, 49)]
    before = len(published(client, uri))
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"lint-openai": {"select": ["OAI1"]}})
    )
    params = await wait_for_publish(client, uri, 1, after=before)
    assert [span(d) for d in params.diagnostics] == [("OAI101", 2, 7, 2, 35)]


async def test_unversioned_edits_without_document_changes(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "plain.py").as_uri()
    open_document(client, uri, V0_CALL)
    await wait_for_publish(client, uri, 1)
    start = types.Position(line=2, character=10)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=start, end=start),
            context=types.CodeActionContext(diagnostics=[], only=["quickfix"]),
        )
    )
    fix = actions[0]
    assert fix.edit.document_changes is None
    (edit,) = fix.edit.changes[uri]
    assert (edit.range.start.line, edit.range.start.character, edit.range.end.character, edit.new_text) == (
        2,
        7,
        35,
        "openai.chat.completions.create",
    )


async def test_watched_pyproject_change_reloads(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "watched.py").as_uri()
    open_document(client, uri, V0_CALL)
    await wait_for_publish(client, uri, 1)
    pyproject = workspace / "pyproject.toml"
    original = pyproject.read_text(encoding="utf-8")
    try:
        pyproject.write_text(original + 'ignore = ["OAI101"]\n', encoding="utf-8")
        before = len(published(client, uri))
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=pyproject.as_uri(), type=types.FileChangeType.Changed)]
            )
        )
        params = await wait_for_publish(client, uri, 1, after=before)
        assert list(params.diagnostics) == []  # select = ["OAI1"] from the client, OAI101 ignored by the file
    finally:
        pyproject.write_text(original, encoding="utf-8")
        before = len(published(client, uri))
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=pyproject.as_uri(), type=types.FileChangeType.Changed)]
            )
        )
        params = await wait_for_publish(client, uri, 1, after=before)
    assert [span(d) for d in params.diagnostics] == [("OAI101", 2, 7, 2, 35)]


async def test_invalid_pyproject_warns_once_and_uses_defaults(
    client: LanguageClient, workspace: Path
) -> None:
    warnings_before = len(client.messages)
    for name in ("one.py", "two.py"):
        uri = (workspace / "broken" / name).as_uri()
        open_document(client, uri, V0_CALL)
        params = await wait_for_publish(client, uri, 1)
        assert [span(d) for d in params.diagnostics] == [("OAI101", 2, 7, 2, 35)]
    new = client.messages[warnings_before:]
    assert len(new) == 1 and new[0].type == types.MessageType.Warning
    pyproject = workspace / "broken" / "pyproject.toml"
    assert new[0].message.startswith(f"lint-openai: {pyproject}: cannot read TOML: ")
    assert new[0].message.endswith("; using the default settings")
    assert [m for m in client.log_messages if m.type == types.MessageType.Error] == []
