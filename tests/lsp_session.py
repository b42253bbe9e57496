"""Helpers for driving the real ``lint-openai server`` process over stdio with pytest-lsp.

The server is started exactly as the README's editor snippets start it: ``lint-openai server``
(the console script of this environment).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER_COMMAND = [str(Path(sys.executable).with_name("lint-openai")), "server"]
TIMEOUT = 20.0


def recording_client() -> LanguageClient:
    """pytest-lsp's test client, also keeping every publishDiagnostics and workspace/applyEdit in order."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]
    client.applied_edits = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.published.append(params)  # type: ignore[attr-defined]
        client.diagnostics[params.uri] = params.diagnostics

    def apply_edit(
        client: LanguageClient, params: types.ApplyWorkspaceEditParams
    ) -> types.ApplyWorkspaceEditResult:
        client.applied_edits.append(params)  # type: ignore[attr-defined]
        return types.ApplyWorkspaceEditResult(applied=True)

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        types.WORKSPACE_APPLY_EDIT: apply_edit,
        types.CLIENT_REGISTER_CAPABILITY: register,
    }
    register_lsp_features(client, features)
    return client


def config(server_command: Optional[List[str]] = None) -> ClientServerConfig:
    return ClientServerConfig(
        server_command=server_command or SERVER_COMMAND, client_factory=recording_client
    )


def capabilities(
    encodings: Optional[Sequence[str]] = None, configuration: bool = True, notebooks: bool = False
) -> types.ClientCapabilities:
    """A client like VS Code's: pull configuration, watched files, versioned edits, Markdown hovers (and
    notebook document sync, if ``notebooks``)."""
    notebook = types.NotebookDocumentClientCapabilities(
        synchronization=types.NotebookDocumentSyncClientCapabilities(execution_summary_support=True)
    )
    return types.ClientCapabilities(
        notebook_document=notebook if notebooks else None,
        general=types.GeneralClientCapabilities(position_encodings=list(encodings)) if encodings else None,
        workspace=types.WorkspaceClientCapabilities(
            configuration=configuration,
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
            apply_edit=True,
        ),
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        ),
    )


async def initialize(
    client: LanguageClient,
    root: Path,
    encodings: Optional[Sequence[str]] = None,
    options: Optional[Dict[str, Any]] = None,
    configuration: bool = True,
    *,
    notebooks: bool = False,
) -> types.InitializeResult:
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(encodings, configuration, notebooks),
            root_uri=root.as_uri(),
            initialization_options=options,
        )
    )


async def actions_at(
    client: LanguageClient, uri: str, line: int, character: int, only: Optional[List[str]] = None
) -> List[types.CodeAction]:
    """The code actions at one position (those of ``only`` kinds, if given)."""
    position = types.Position(line=line, character=character)
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=position, end=position),
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
    )
    assert result is not None
    return [action for action in result if isinstance(action, types.CodeAction)]


def published(client: LanguageClient, uri: str) -> List[types.PublishDiagnosticsParams]:
    return [p for p in client.published if p.uri == uri]  # type: ignore[attr-defined]


async def wait_for_publish(
    client: LanguageClient, uri: str, version: Optional[int], after: int = 0
) -> types.PublishDiagnosticsParams:
    """The first diagnostics for ``uri`` at ``version`` among those published after the ``after``-th."""
    deadline = asyncio.get_running_loop().time() + TIMEOUT
    while True:
        for params in published(client, uri)[after:]:
            if params.version == version:
                return params
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"no diagnostics for {uri} v{version}: got {published(client, uri)!r}")
        await asyncio.sleep(0.01)


async def wait_until(predicate: Any, what: str) -> None:
    deadline = asyncio.get_running_loop().time() + TIMEOUT
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def open_document(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="python", version=version, text=text)
        )
    )


def change_document(client: LanguageClient, uri: str, version: int, *changes: Any) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=list(changes),
        )
    )


def whole(text: str) -> types.TextDocumentContentChangeWholeDocument:
    return types.TextDocumentContentChangeWholeDocument(text=text)


def span(diagnostic: types.Diagnostic) -> tuple:
    """(code, start line, start character, end line, end character) of a diagnostic."""
    r = diagnostic.range
    return (diagnostic.code, r.start.line, r.start.character, r.end.line, r.end.character)


def _offset(text: str, position: types.Position) -> int:
    """Offset of a UTF-16 position in a text whose lines end with ``\\n`` (the client's own arithmetic)."""
    lines = text.split("\n")
    line_start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for index, char in enumerate(line):
        if units >= position.character:
            return line_start + index
        units += 2 if ord(char) > 0xFFFF else 1
    return line_start + len(line)


def apply_text_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply non-overlapping edits (all positions refer to the original text), as a client does."""
    spans = sorted(
        ((_offset(text, e.range.start), _offset(text, e.range.end), e.new_text) for e in edits), reverse=True
    )
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def document_edit(edit: Optional[types.WorkspaceEdit]) -> types.TextDocumentEdit:
    """The one versioned document edit of a workspace edit."""
    assert edit is not None and edit.document_changes is not None and len(edit.document_changes) == 1
    change = edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    return change
