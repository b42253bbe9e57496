"""The language server, driven over stdio by a real LSP client (pytest-lsp): one server for the module.

The client is VS Code-like (UTF-16, pulled configuration, watched files, versioned edits); the
server's ``initializationOptions`` pin ``today`` over the workspace's ``pyproject.toml``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .lsp_session import (
    actions_at,
    apply_text_edits,
    change_document,
    config,
    document_edit,
    initialize,
    open_document,
    published,
    span,
    wait_for_publish,
    wait_until,
    whole,
)

# Each module drives the language server in a subprocess (pytest-lsp): slow.
pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.slow]

# today = 2026-01-01 here; the client's initializationOptions say 2026-11-25, and win.
ROOT_PYPROJECT = '[tool.lint-openai]\ntoday = "2026-01-01"\n'
V0_CALL = 'import openai\n\nresp = openai.ChatCompletion.create(model="gpt-5", messages=[])\n'
V0_SPANS = [("OAI101", 2, 7, 2, 35), ("OAI202", 2, 42, 2, 49)]
OAI202_MESSAGE = "`gpt-5` shuts down on 2026-12-11, in 16 days; use `gpt-5.6-sol` (the replacement the deprecations page names)"
FIXED_SAFE = 'import openai\n\nresp = openai.chat.completions.create(model="gpt-5", messages=[])\n'
FIX_ALL_KIND = "source.fixAll.lint-openai"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    (root / "pyproject.toml").write_text(ROOT_PYPROJECT, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    lsp_client.initialize_result = await initialize(lsp_client, workspace, options={"today": "2026-11-25"})
    yield
    if lsp_client._server is not None and lsp_client._server.returncode is None:
        await lsp_client.shutdown_session()


async def opened(
    client: LanguageClient, workspace: Path, name: str, text: str
) -> types.PublishDiagnosticsParams:
    uri = (workspace / name).as_uri()
    open_document(client, uri, text)
    return await wait_for_publish(client, uri, 1)


def edit_summary(action: types.CodeAction) -> tuple:
    change = document_edit(action.edit)
    return (
        change.text_document.version,
        [
            (e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.new_text)
            for e in change.edits
        ],
    )


async def test_initialize_advertises_features(client: LanguageClient) -> None:
    capabilities = client.initialize_result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16  # the client offered none
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.hover_provider
    assert list(capabilities.code_action_provider.code_action_kinds) == [
        "quickfix",
        FIX_ALL_KIND,
        f"notebook.{FIX_ALL_KIND}",
    ]
    assert capabilities.notebook_document_sync is None  # this client has no notebook capabilities
    assert list(capabilities.execute_command_provider.commands) == ["lint-openai.fixAll"]
    await wait_until(lambda: client.registrations, "the pyproject.toml watcher")
    watcher = client.registrations[0]
    assert watcher.method == "workspace/didChangeWatchedFiles"
    assert watcher.register_options["watchers"] == [{"globPattern": "**/pyproject.toml"}]


async def test_open_publishes_diagnostics_with_severity_links_and_tags(
    client: LanguageClient, workspace: Path
) -> None:
    params = await opened(client, workspace, "open.py", V0_CALL)
    assert [span(d) for d in params.diagnostics] == V0_SPANS
    removed, deprecated = params.diagnostics
    assert removed.severity == types.DiagnosticSeverity.Error and removed.tags is None
    assert removed.source == "lint-openai"
    assert removed.message.startswith("`openai.ChatCompletion.create` was removed in openai>=1.0")
    assert removed.code_description.href.endswith("/rules.md#oai101-removed-v0-resource")
    assert removed.code_description.href.startswith("https://")
    assert deprecated.severity == types.DiagnosticSeverity.Warning
    assert list(deprecated.tags) == [types.DiagnosticTag.Deprecated]
    assert deprecated.message == OAI202_MESSAGE  # 16 days: initializationOptions' today, not pyproject's


async def test_utf16_positions_after_emoji_and_cjk(client: LanguageClient, workspace: Path) -> None:
    text = 'import openai\nx = "😀中"; e = openai.Embedding.create(input="a")\n'
    uri = (workspace / "emoji.py").as_uri()
    open_document(client, uri, text)
    params = await wait_for_publish(client, uri, 1)
    # 14 characters precede the call; the emoji is 2 UTF-16 code units, the CJK character 1.
    assert [span(d) for d in params.diagnostics] == [("OAI101", 1, 15, 1, 38)]
    # An incremental change at a UTF-16 position after the emoji: insert before `e = `.
    at = types.Position(line=1, character=11)
    change_document(
        client,
        uri,
        2,
        types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text="y = 1; "),
    )
    params = await wait_for_publish(client, uri, 2)
    assert [span(d) for d in params.diagnostics] == [("OAI101", 1, 22, 1, 45)]


async def test_incremental_change_after_a_form_feed(client: LanguageClient, workspace: Path) -> None:
    # A form feed is whitespace in Python and no line end in LSP (str.splitlines would split there).
    text = "import openai\nx = 1;\x0cresp = openai.ChatCompletion.create(messages=[])\n"
    uri = (workspace / "formfeed.py").as_uri()
    open_document(client, uri, text)
    assert [span(d) for d in (await wait_for_publish(client, uri, 1)).diagnostics] == [
        ("OAI101", 1, 14, 1, 42)
    ]
    chat = types.Range(start=types.Position(line=1, character=21), end=types.Position(line=1, character=35))
    change_document(client, uri, 2, types.TextDocumentContentChangePartial(range=chat, text="Embedding"))
    assert [span(d) for d in (await wait_for_publish(client, uri, 2)).diagnostics] == [
        ("OAI101", 1, 14, 1, 37)
    ]


async def test_changes_in_a_burst_publish_only_the_newest_version(
    client: LanguageClient, workspace: Path
) -> None:
    # Large enough that checking one version takes longer than sending the next ones.
    body = "resp = openai.ChatCompletion.create(messages=[])\n" * 600
    uri = (workspace / "race.py").as_uri()
    open_document(client, uri, "import openai\n" + body)
    await wait_for_publish(client, uri, 1)
    before = len(published(client, uri))
    for version in (2, 3, 4):
        change_document(client, uri, version, whole("import openai\n" + "# x\n" * version + body))
    newest = await wait_for_publish(client, uri, 4, after=before)
    assert [p.version for p in published(client, uri)[before:]] == [4]
    assert len(newest.diagnostics) == 600
    assert span(newest.diagnostics[0]) == ("OAI101", 5, 7, 5, 35)


async def test_save_checks_again(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "saved.py").as_uri()
    await opened(client, workspace, "saved.py", V0_CALL)
    before = len(published(client, uri))
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    params = await wait_for_publish(client, uri, 1, after=before)
    assert [span(d) for d in params.diagnostics] == V0_SPANS


async def test_syntax_error_is_oai001_at_the_error_and_the_server_goes_on(
    client: LanguageClient, workspace: Path
) -> None:
    params = await opened(client, workspace, "broken.py", "import openai\n\ndef f(:\n    pass\n")
    assert [(span(d), d.message, d.severity) for d in params.diagnostics] == [
        (("OAI001", 2, 6, 2, 6), "SyntaxError: invalid syntax", types.DiagnosticSeverity.Error)
    ]
    assert await actions_at(client, (workspace / "broken.py").as_uri(), 2, 6) == []  # no noqa for OAI001
    again = await opened(client, workspace, "after_broken.py", V0_CALL)
    assert [span(d) for d in again.diagnostics] == V0_SPANS


async def test_quick_fix_safe_preferred_and_fix_all(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "actions.py").as_uri()
    await opened(client, workspace, "actions.py", V0_CALL)
    fix, disable, fix_all = await actions_at(client, uri, 2, 10)
    assert (fix.title, fix.kind, fix.is_preferred) == (
        "lint-openai (OAI101): Replace with `openai.chat.completions.create`",
        types.CodeActionKind.QuickFix,
        True,
    )
    assert [span(d) for d in fix.diagnostics] == [V0_SPANS[0]]
    assert edit_summary(fix) == (1, [(2, 7, 2, 35, "openai.chat.completions.create")])
    assert apply_text_edits(V0_CALL, document_edit(fix.edit).edits) == FIXED_SAFE
    assert disable.title == "lint-openai (OAI101): Disable OAI101 for this line"
    assert edit_summary(disable) == (1, [(2, 63, 2, 63, "  # noqa: OAI101")])
    assert (fix_all.title, fix_all.kind) == ("lint-openai: Fix all auto-fixable problems", FIX_ALL_KIND)
    # The unsafe OAI202 fix is not part of fix-all (unsafeFixes is off).
    assert edit_summary(fix_all) == (1, [(2, 0, 3, 0, FIXED_SAFE.splitlines(keepends=True)[2])])
    assert apply_text_edits(V0_CALL, document_edit(fix_all.edit).edits) == FIXED_SAFE


async def test_unsafe_fix_is_labelled_and_not_preferred(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "unsafe.py").as_uri()
    await opened(client, workspace, "unsafe.py", V0_CALL)
    actions = await actions_at(client, uri, 2, 45, only=["quickfix"])
    assert [(a.title, a.is_preferred) for a in actions] == [
        ("lint-openai (OAI202): Replace with `gpt-5.6-sol` (unsafe fix)", False),
        ("lint-openai (OAI202): Disable OAI202 for this line", None),
    ]
    assert edit_summary(actions[0]) == (1, [(2, 42, 2, 49, '"gpt-5.6-sol"')])


async def test_code_action_kinds_filter(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "kinds.py").as_uri()
    await opened(client, workspace, "kinds.py", V0_CALL)
    assert [a.kind for a in await actions_at(client, uri, 2, 10, only=["quickfix"])] == [
        "quickfix",
        "quickfix",
    ]
    for only in ([FIX_ALL_KIND], ["source.fixAll"], ["source"]):  # editor.codeActionsOnSave asks like these
        actions = await actions_at(client, uri, 0, 0, only=only)
        assert [a.kind for a in actions] == [FIX_ALL_KIND]
        assert apply_text_edits(V0_CALL, document_edit(actions[0].edit).edits) == FIXED_SAFE
    assert await actions_at(client, uri, 0, 0, only=["refactor"]) == []
    # No kind asked for, no finding at 0:0: fix-all alone, since the file has fixes.
    assert [a.kind for a in await actions_at(client, uri, 0, 0)] == [FIX_ALL_KIND]


async def test_disable_merges_into_an_existing_noqa(client: LanguageClient, workspace: Path) -> None:
    text = "import openai\ntry:\n    pass\nexcept openai.error.RateLimitError:  # noqa: E501\n    pass\n"
    uri = (workspace / "noqa.py").as_uri()
    params = await opened(client, workspace, "noqa.py", text)
    assert [span(d) for d in params.diagnostics] == [("OAI102", 3, 7, 3, 34)]
    disable = [a for a in await actions_at(client, uri, 3, 10) if a.title.endswith("for this line")]
    assert edit_summary(disable[0]) == (1, [(3, 49, 3, 49, ", OAI102")])
    suppressed = apply_text_edits(text, document_edit(disable[0].edit).edits)
    assert suppressed.splitlines()[3] == "except openai.error.RateLimitError:  # noqa: E501, OAI102"
    change_document(client, uri, 2, whole(suppressed))
    assert list((await wait_for_publish(client, uri, 2)).diagnostics) == []


async def test_disable_action_after_a_multiline_string(client: LanguageClient, workspace: Path) -> None:
    """The directive goes where the engine and flake8 look for it: after the string that joins the lines."""
    text = 'import openai\nr = openai.ChatCompletion.create(messages=[], stop="""a\nb""")\n'
    uri = (workspace / "multiline.py").as_uri()
    params = await opened(client, workspace, "multiline.py", text)
    assert [span(d) for d in params.diagnostics] == [("OAI101", 1, 4, 1, 32)]
    disable = [a for a in await actions_at(client, uri, 1, 5, only=["quickfix"]) if a.title.endswith("line")]
    assert edit_summary(disable[0]) == (1, [(2, 5, 2, 5, "  # noqa: OAI101")])
    suppressed = apply_text_edits(text, document_edit(disable[0].edit).edits)
    assert suppressed.splitlines()[2] == 'b""")  # noqa: OAI101'
    change_document(client, uri, 2, whole(suppressed))
    assert list((await wait_for_publish(client, uri, 2)).diagnostics) == []


async def test_actions_are_for_the_newest_version_only(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "stale.py").as_uri()
    await opened(client, workspace, "stale.py", V0_CALL)
    # A change, and at once a code action request: no diagnostics for version 2 were published yet.
    change_document(client, uri, 2, whole("# moved\n" + V0_CALL))
    fix = (await actions_at(client, uri, 3, 10))[0]
    assert edit_summary(fix) == (2, [(3, 7, 3, 35, "openai.chat.completions.create")])


async def test_hover_shows_summary_and_why(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "hover.py").as_uri()
    await opened(client, workspace, "hover.py", V0_CALL)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=10)
        )
    )
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    assert (hover.range.start.line, hover.range.start.character, hover.range.end.character) == (2, 7, 35)
    value = hover.contents.value
    assert value.startswith(
        "**OAI101** `removed-v0-resource`: v0 module-level resource class (removed in openai>=1.0)\n\n"
        "`openai.ChatCompletion.create` was removed in openai>=1.0"
    )
    assert (
        "\n\n**Why is this bad?**\n\nSince openai 1.0 these names are `APIRemovedInV1Proxy` objects" in value
    )
    assert value.endswith("/rules.md#oai101-removed-v0-resource)")
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)
        )
    )
    assert nothing is None


async def test_fix_all_command_applies_the_edit(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "command.py").as_uri()
    await opened(client, workspace, "command.py", V0_CALL)
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="lint-openai.fixAll", arguments=[uri])
    )
    applied = client.applied_edits[-1]
    change = document_edit(applied.edit)
    assert (change.text_document.uri, change.text_document.version) == (uri, 1)
    assert apply_text_edits(V0_CALL, change.edits) == FIXED_SAFE


async def test_workspace_configuration_overrides(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "configured.py").as_uri()
    await opened(client, workspace, "configured.py", V0_CALL)
    try:
        client.set_configuration({"ignore": ["OAI101"], "unsafeFixes": True}, section="lint-openai")
        before = len(published(client, uri))
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        params = await wait_for_publish(client, uri, 1, after=before)
        assert [span(d) for d in params.diagnostics] == [V0_SPANS[1]]
        (fix_all,) = await actions_at(client, uri, 0, 0, only=[FIX_ALL_KIND])
        assert apply_text_edits(V0_CALL, document_edit(fix_all.edit).edits) == V0_CALL.replace(
            '"gpt-5"', '"gpt-5.6-sol"'
        )
        client.set_configuration({"fixAll": False}, section="lint-openai")
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        await wait_until(lambda: len(published(client, uri)) > before + 1, "a check with fixAll off")
        assert await actions_at(client, uri, 0, 0, only=[FIX_ALL_KIND]) == []
    finally:
        client.set_configuration({}, section="lint-openai")
        before = len(published(client, uri))
        client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
        restored = await wait_for_publish(client, uri, 1, after=before)
    assert [span(d) for d in restored.diagnostics] == V0_SPANS


async def test_documents_of_other_languages_are_never_checked(
    client: LanguageClient, workspace: Path
) -> None:
    notes = (workspace / "notes.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=notes, language_id="markdown", version=1, text=V0_CALL)
        )
    )
    uri = (workspace / "after_notes.py").as_uri()
    await opened(client, workspace, "after_notes.py", V0_CALL)
    # Settings changed: every open document is checked again, in the order they were opened.
    before = len(published(client, uri))
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await wait_for_publish(client, uri, 1, after=before)
    assert published(client, notes) == []


async def test_close_clears_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "closed.py").as_uri()
    await opened(client, workspace, "closed.py", V0_CALL)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await wait_until(lambda: not published(client, uri)[-1].diagnostics, "empty diagnostics after close")


async def test_a_local_openai_module_beside_the_document_is_not_the_sdk(
    client: LanguageClient, workspace: Path
) -> None:
    """``local/openai.py`` is what ``import openai`` finds in ``local/``: the v0 call there is the project's own
    (its model id is judged as one given to any other library's call); the same text elsewhere is the SDK's."""
    local = workspace / "local"
    local.mkdir()
    (local / "openai.py").write_text(
        "class ChatCompletion:\n    create = staticmethod(dict)\n", encoding="utf-8"
    )
    shadowed = await opened(client, local, "app.py", V0_CALL)
    assert [span(d) for d in shadowed.diagnostics] == [V0_SPANS[1]]
    elsewhere = await opened(client, workspace, "not_local.py", V0_CALL)
    assert [span(d) for d in elsewhere.diagnostics] == V0_SPANS


async def test_no_error_was_logged_and_shutdown_exits_0(client: LanguageClient) -> None:
    """Last in the module: the server ends with status 0 after shutdown and exit."""
    assert [m.message for m in client.log_messages if m.type == types.MessageType.Error] == []
    assert client.messages == []  # no warnings: every setting above was valid
    await client.shutdown_session()
    assert client._server.returncode == 0
