"""The protocol wiring: which LSP message calls what. :func:`serve` runs the server on stdio."""

from __future__ import annotations

import functools
import traceback
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol.language_server import LanguageServerProtocol, lsp_method

from lint_openai.frontends.server.actions import FIX_ALL_KIND, KINDS, EditTarget, code_actions, fix_all_edit
from lint_openai.frontends.server.cell_diagnostics import CellPublisher
from lint_openai.frontends.server.diagnostics import hover, to_lsp
from lint_openai.frontends.server.documents import Document, DocumentStore, path_of
from lint_openai.frontends.server.linter import (
    Diagnostic,
    Edit,
    Notebook,
    __version__,
    check_cells,
    check_source,
    oversized,
)
from lint_openai.frontends.server.notebook_actions import (
    NOTEBOOK_FIX_ALL_KIND,
    CellEdits,
    cell_actions,
    notebook_edit,
    notebook_fix_edits,
)
from lint_openai.frontends.server.notebooks import NOTEBOOK_TYPE, PYTHON, NotebookDocument, NotebookStore
from lint_openai.frontends.server.open_documents import Checked, OpenDocuments
from lint_openai.frontends.server.options import SECTION, DocumentSettings
from lint_openai.frontends.server.positions import UTF16
from lint_openai.frontends.server.scheduler import Result, Scheduler
from lint_openai.records import record

FIX_ALL_COMMAND = "lint-openai.fixAll"
PYPROJECT = "pyproject.toml"
# Notebook cells arrive through notebookDocument/* (not textDocument/*): Jupyter notebooks' Python cells.
NOTEBOOK_SYNC = types.NotebookDocumentSyncOptions(
    notebook_selector=[
        types.NotebookDocumentFilterWithNotebook(
            notebook=NOTEBOOK_TYPE, cells=[types.NotebookCellLanguage(language=PYTHON)]
        )
    ],
    save=True,
)
T = TypeVar("T")
# Fix-all results by URI, for one checked version: (the version, (generation, unsafe), the result).
FixCache = Dict[str, Tuple[Checked, Tuple[int, bool], T]]


def _kind(value: Any) -> str:
    return str(getattr(value, "value", value))


def _plain(method: Callable[..., Any]) -> Callable[..., Any]:
    """The bound method as a partial: pygls sets attributes on its handlers, which methods refuse; a partial
    takes them, and ``inspect``/``asyncio`` see through it (its signature, whether it is a coroutine).

    pygls compares a command handler's first annotation with its server class (``issubclass``), so
    ``on_fix_all_command`` annotates ``*arguments`` with ``object`` (a class that is not a server):
    ``typing.Any`` is a class only from Python 3.11 on (on 3.10 every command failed with a TypeError).
    """
    return functools.partial(method)


@record
class View:
    """What a request on one text document's URI sees: the findings of the present version of its document
    in it, and, for a notebook cell, the notebook and the cell's number."""

    result: Result
    document: Document  # the text document, or the cell's
    diagnostics: Sequence[Diagnostic]
    notebook: Optional[NotebookDocument] = None
    cell: int = 0


class DocumentProtocol(LanguageServerProtocol):
    """pygls's protocol, except for the text and notebook document notifications, which go straight to the
    server (pygls's notebook handlers keep a copy of every cell in its workspace, as for text documents).

    - pygls keeps no copy of the documents (:mod:`documents` does): its copy splits lines with
      ``str.splitlines``, and for a change past the end of one of those lines it rewrites the change's
      range in the message itself, which every later handler then sees.
    - Its generator handlers leave one finished future per notification in ``_request_futures`` (under a
      fresh id, never removed: about 2.5 kB per edit); plain functions are run without one. The server's
      handlers for these notifications are synchronous.
    """

    def _to_handler(self, method: str, params: Any) -> None:
        handler = self.fm.features.get(method)
        if handler is not None:
            handler(params)

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        self._to_handler(types.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        self._to_handler(types.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        self._to_handler(types.TEXT_DOCUMENT_DID_CLOSE, params)

    @lsp_method(types.NOTEBOOK_DOCUMENT_DID_OPEN)
    def lsp_notebook_document__did_open(self, params: types.DidOpenNotebookDocumentParams) -> None:
        self._to_handler(types.NOTEBOOK_DOCUMENT_DID_OPEN, params)

    @lsp_method(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def lsp_notebook_document__did_change(self, params: types.DidChangeNotebookDocumentParams) -> None:
        self._to_handler(types.NOTEBOOK_DOCUMENT_DID_CHANGE, params)

    @lsp_method(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def lsp_notebook_document__did_close(self, params: types.DidCloseNotebookDocumentParams) -> None:
        self._to_handler(types.NOTEBOOK_DOCUMENT_DID_CLOSE, params)


class LintOpenAIServer(LanguageServer):
    """pygls server whose handlers translate between LSP and the lint-openai engine."""

    def __init__(self) -> None:
        super().__init__(
            "lint-openai",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            notebook_document_sync=NOTEBOOK_SYNC,
            protocol_cls=DocumentProtocol,
        )
        self.documents = DocumentStore()
        self.notebooks = NotebookStore()
        self.cells = CellPublisher()
        self.resolver = DocumentSettings(self.warn)
        self.scheduler = Scheduler(OpenDocuments(self.documents, self.notebooks), self.prepare, self.publish)
        self.shutdown_requested = False
        self._pending_warnings: Optional[List[str]] = []  # until `initialized`, when messages may flow
        self._fix_all_edits: FixCache[Optional[Edit]] = {}
        self._notebook_fix_edits: FixCache[CellEdits] = {}
        self._register()

    # -- wiring ---------------------------------------------------------------------------------
    def _register(self) -> None:
        handlers: Dict[str, Callable[..., object]] = {
            types.INITIALIZE: self.on_initialize,
            types.INITIALIZED: self.on_initialized,
            types.SHUTDOWN: self.on_shutdown,
            types.TEXT_DOCUMENT_DID_OPEN: self.on_open,
            types.TEXT_DOCUMENT_DID_CHANGE: self.on_change,
            types.TEXT_DOCUMENT_DID_SAVE: self.on_save,
            types.TEXT_DOCUMENT_DID_CLOSE: self.on_close,
            types.NOTEBOOK_DOCUMENT_DID_OPEN: self.on_notebook_open,
            types.NOTEBOOK_DOCUMENT_DID_CHANGE: self.on_notebook_change,
            types.NOTEBOOK_DOCUMENT_DID_SAVE: self.on_notebook_save,
            types.NOTEBOOK_DOCUMENT_DID_CLOSE: self.on_notebook_close,
            types.WORKSPACE_DID_CHANGE_CONFIGURATION: self.on_configuration,
            types.WORKSPACE_DID_CHANGE_WATCHED_FILES: self.on_watched_files,
            types.TEXT_DOCUMENT_HOVER: self.on_hover,
        }
        for method, handler in handlers.items():
            self.feature(method)(_plain(handler))
        kinds = [*KINDS, NOTEBOOK_FIX_ALL_KIND]
        actions = types.CodeActionOptions(code_action_kinds=kinds, resolve_provider=False)
        self.feature(types.TEXT_DOCUMENT_CODE_ACTION, actions)(_plain(self.on_code_action))
        self.command(FIX_ALL_COMMAND)(_plain(self.on_fix_all_command))

    @property
    def encoding(self) -> str:
        return _kind(self.workspace.position_encoding or UTF16)

    def _capability(self, *path: str) -> Any:
        value: Any = self.client_capabilities
        for name in path:
            value = getattr(value, name, None)
        return value

    # -- messages to the client -----------------------------------------------------------------
    def warn(self, message: str) -> None:
        """One configuration problem, shown to the user (queued until the client is initialized)."""
        if self._pending_warnings is not None:
            self._pending_warnings.append(message)
            return
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Warning, message=f"lint-openai: {message}")
        )

    def log(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def report_server_error(self, error: Exception, source: Any) -> None:
        """An unexpected error in a handler: logged, never fatal (pygls would show a pop-up)."""
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        self.log(f"lint-openai: internal error ({source.__name__}):\n{details}")

    def publish(self, result: Result) -> None:
        document = result.document
        if result.error:
            self.log(result.error)
        if isinstance(document, NotebookDocument):
            for params in self.cells.updates(document, result.diagnostics, self.encoding):
                self.text_document_publish_diagnostics(params)
            return
        mapper = document.mapper(self.encoding)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=document.uri,
                version=document.version,
                diagnostics=[to_lsp(diagnostic, mapper) for diagnostic in result.diagnostics],
            )
        )

    # -- checking -------------------------------------------------------------------------------
    def checker(self, document: Document) -> Callable[[str], List[Diagnostic]]:
        """The engine with this document's settings (read now, on the event loop)."""
        settings = self.resolver.for_path(document.path)
        path = document.path or document.uri

        def check(text: str) -> List[Diagnostic]:
            too_large = oversized(text, path, settings)  # max-file-size, as in the CLI
            return check_source(text, path, settings) if too_large is None else too_large

        return check

    def notebook_checker(self, notebook: NotebookDocument) -> Callable[[Notebook], List[Diagnostic]]:
        """The CLI's notebook check with this notebook's settings (read now, on the event loop)."""
        settings = self.resolver.for_path(notebook.path)
        path = notebook.path or notebook.uri
        return lambda cells: check_cells(cells, path, settings)

    def prepare(self, document: Checked) -> Callable[[], List[Diagnostic]]:
        if isinstance(document, NotebookDocument):
            check_notebook = self.notebook_checker(document)
            return lambda: check_notebook(document.notebook)
        check = self.checker(document)
        return lambda: check(document.text)

    async def view(self, uri: str) -> Optional[View]:
        """The findings of the present version of a Python document or of a notebook cell, in it."""
        document = self.documents.get(uri)
        if document is not None:
            result = await self.scheduler.result_for(document) if document.is_python else None
            return View(result, document, result.diagnostics) if result is not None else None
        notebook = self.notebooks.owner(uri)
        number = notebook.cell_number(uri) if notebook is not None else None
        if notebook is None or number is None:
            return None
        result = await self.scheduler.result_for(notebook)
        if result is None:
            return None
        in_cell = [d for d in result.diagnostics if d.cell == number]
        return View(result, notebook.cell(number).document, in_cell, notebook, number)

    # -- lifecycle ------------------------------------------------------------------------------
    def on_initialize(self, params: types.InitializeParams) -> None:
        root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
        if root is None and params.root_path:
            self.resolver.root = Path(params.root_path)
        elif root is not None and path_of(root):
            self.resolver.root = Path(path_of(root))
        self.resolver.set_initial(params.initialization_options)

    async def on_initialized(self, params: types.InitializedParams) -> None:
        pending, self._pending_warnings = self._pending_warnings or [], None
        for message in pending:
            self.warn(message)
        if self._capability("workspace", "did_change_watched_files", "dynamic_registration"):
            await self._watch_pyproject()
        await self._pull_configuration()
        self.scheduler.start()

    async def _watch_pyproject(self) -> None:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=f"**/{PYPROJECT}")]
        )
        registration = types.Registration(
            id="lint-openai-pyproject",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        try:
            await self.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )
        except Exception as error:  # the client refused: pyproject.toml changes need a restart
            self.log(f"lint-openai: cannot watch {PYPROJECT}: {error}", types.MessageType.Warning)

    async def _pull_configuration(self) -> None:
        if not self._capability("workspace", "configuration"):
            return
        request = types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
        try:
            values = await self.workspace_configuration_async(request)
        except Exception as error:
            self.log(f"lint-openai: workspace/configuration failed: {error}", types.MessageType.Warning)
            return
        self.resolver.set_workspace(values[0] if values else None)

    def on_shutdown(self, params: None) -> None:
        self.shutdown_requested = True
        self.scheduler.stop()

    # -- documents ------------------------------------------------------------------------------
    def on_open(self, params: types.DidOpenTextDocumentParams) -> None:
        document = self.documents.open(params.text_document)
        if document.is_python:
            self.scheduler.changed(document.uri)

    def on_change(self, params: types.DidChangeTextDocumentParams) -> None:
        identifier = params.text_document
        document = self.documents.change(
            identifier.uri, identifier.version, params.content_changes, self.encoding
        )
        if document.is_python:
            self.scheduler.changed(document.uri)

    def on_save(self, params: types.DidSaveTextDocumentParams) -> None:
        document = self.documents.get(params.text_document.uri)
        if document is not None and document.is_python:
            self.scheduler.recheck(document.uri)  # the date may have moved on since it was checked

    def on_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.documents.close(uri)
        self.scheduler.closed(uri)
        self._fix_all_edits.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def on_notebook_open(self, params: types.DidOpenNotebookDocumentParams) -> None:
        self.scheduler.changed(self.notebooks.open(params).uri)

    def on_notebook_change(self, params: types.DidChangeNotebookDocumentParams) -> None:
        self.scheduler.changed(self.notebooks.change(params, self.encoding).uri)

    def on_notebook_save(self, params: types.DidSaveNotebookDocumentParams) -> None:
        if self.notebooks.get(params.notebook_document.uri) is not None:
            self.scheduler.recheck(params.notebook_document.uri)

    def on_notebook_close(self, params: types.DidCloseNotebookDocumentParams) -> None:
        uri = params.notebook_document.uri
        self.notebooks.close(uri)
        self.scheduler.closed(uri)
        self._notebook_fix_edits.pop(uri, None)
        for cleared in self.cells.closed(uri):
            self.text_document_publish_diagnostics(cleared)

    # -- settings -------------------------------------------------------------------------------
    async def on_configuration(self, params: types.DidChangeConfigurationParams) -> None:
        if self._capability("workspace", "configuration"):
            await self._pull_configuration()
        elif isinstance(params.settings, dict) and SECTION in params.settings:
            self.resolver.set_workspace(params.settings[SECTION])
        self.scheduler.recheck()

    def on_watched_files(self, params: types.DidChangeWatchedFilesParams) -> None:
        if any(Path(path_of(change.uri)).name == PYPROJECT for change in params.changes):
            self.resolver.reload()
            self.scheduler.recheck()

    # -- features -------------------------------------------------------------------------------
    async def on_hover(self, params: types.HoverParams) -> Optional[types.Hover]:
        view = await self.view(params.text_document.uri)
        if view is None or not view.diagnostics:
            return None
        return hover(view.diagnostics, view.document.mapper(self.encoding), params.position)

    def _target(self, document: Document) -> EditTarget:
        versioned = bool(self._capability("workspace", "workspace_edit", "document_changes"))
        return EditTarget(document, self.encoding, versioned)

    def _once(self, cache: FixCache[T], document: Checked, fix: Callable[[bool], T]) -> Callable[[], T]:
        """``fix(unsafe)`` for this version, computed once (editors ask for code actions on every move)."""
        key = (self.scheduler.generation, self.resolver.options.unsafe_fixes)

        def compute() -> T:
            cached = cache.get(document.uri)
            if cached is not None and cached[0] is document and cached[1] == key:
                return cached[2]
            value = fix(key[1])
            cache[document.uri] = (document, key, value)
            return value

        return compute

    def _fix_all(self, document: Document) -> Callable[[], Optional[Edit]]:
        """The fix-all edit of a text document's version."""
        check = self.checker(document)
        return self._once(
            self._fix_all_edits, document, lambda unsafe: fix_all_edit(document, check, unsafe=unsafe)
        )

    def _notebook_fixes(self, notebook: NotebookDocument) -> Callable[[], CellEdits]:
        """The fix-all edit of each cell of a notebook's version."""
        check = self.notebook_checker(notebook)
        return self._once(
            self._notebook_fix_edits, notebook, lambda unsafe: notebook_fix_edits(notebook, check, unsafe)
        )

    async def on_code_action(self, params: types.CodeActionParams) -> List[types.CodeAction]:
        view = await self.view(params.text_document.uri)
        if view is None or view.result.error:
            return []
        only: Optional[Sequence[str]] = (
            [_kind(kind) for kind in params.context.only] if params.context.only is not None else None
        )
        fix_all = self.resolver.options.fix_all
        if view.notebook is None:
            fixes = self._fix_all(view.document) if fix_all else None
            target = self._target(view.document)
            actions = await self._guarded(code_actions, target, view.diagnostics, params.range, only, fixes)
        else:
            notebook, found = view.notebook, view.result.diagnostics
            cell_fixes = self._notebook_fixes(notebook) if fix_all else None
            actions = await self._guarded(
                lambda: cell_actions(
                    notebook, view.cell, self._target, found, params.range, only=only, fixes=cell_fixes
                )
            )
        # Edits are for the version they were computed on: none for a document that changed meanwhile.
        return actions if actions is not None and self.scheduler.is_current(view.result) else []

    async def on_fix_all_command(self, *arguments: object) -> None:
        """``lint-openai.fixAll <uri>``: apply every safe fix (unsafe too with ``unsafeFixes``); the URI of
        a notebook or of one of its cells fixes the whole notebook."""
        uri = arguments[0] if arguments and isinstance(arguments[0], str) else None
        notebook = (self.notebooks.get(uri) or self.notebooks.owner(uri)) if uri else None
        if notebook is not None:
            await self._fix_notebook(notebook)
            return
        view = await self.view(uri) if uri else None
        if view is None or view.result.error:
            return
        edit = await self._guarded(self._fix_all(view.document))
        if edit is None or not self.scheduler.is_current(view.result):
            return
        await self._apply(self._target(view.document).workspace_edit([edit]))

    async def _fix_notebook(self, notebook: NotebookDocument) -> None:
        result = await self.scheduler.result_for(notebook)
        if result is None or result.error:
            return
        edits = await self._guarded(self._notebook_fixes(notebook))
        if edits and self.scheduler.is_current(result):
            await self._apply(notebook_edit(notebook, edits, self._target))

    async def _apply(self, workspace_edit: types.WorkspaceEdit) -> None:
        await self.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(edit=workspace_edit, label=f"{FIX_ALL_KIND}: fix all")
        )

    async def _guarded(self, function: Callable[..., Any], *args: Any) -> Any:
        """Run on the checking thread; an engine failure is logged and gives None."""
        try:
            return await self.scheduler.in_worker(function, *args)
        except Exception as error:
            self.report_server_error(error, type(error))
            return None


def serve() -> int:
    """Run the server on stdin/stdout until ``exit``; 0 after a ``shutdown`` request, else 1 (as LSP says)."""
    server = LintOpenAIServer()
    server.start_io()
    return 0 if server.shutdown_requested else 1
