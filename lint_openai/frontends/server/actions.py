"""Code actions: a quick fix per fixable finding, "disable for this line", and fix-all.

Every edit is computed for one version of the document and carries that version, so a client whose
document moved on refuses it instead of applying it at the wrong place.
"""

from __future__ import annotations

from typing import Callable, List, Optional, Sequence

from lsprotocol import types

from lint_openai.frontends.server.diagnostics import SOURCE, to_lsp
from lint_openai.frontends.server.documents import Document
from lint_openai.frontends.server.linter import (
    PARSE_ERROR_CODE,
    Applicability,
    Diagnostic,
    Edit,
    LineIndex,
    Location,
    add_noqa,
    applicable,
    fix_source,
)
from lint_openai.frontends.server.positions import PositionMapper
from lint_openai.frontends.server.suppress import NoqaWriter, noqa_edit
from lint_openai.records import record

FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
KINDS = (types.CodeActionKind.QuickFix.value, FIX_ALL_KIND)


def kind_wanted(kind: str, only: Optional[Sequence[str]]) -> bool:
    """Whether ``kind`` is asked for: ``only`` names it or a parent kind (``source`` covers ``source.x``)."""
    return only is None or any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in only)


@record
class EditTarget:
    """How edits reach the client: versioned ``documentChanges`` when it supports them; ``noqa`` writes
    ``# noqa`` into the document (a notebook cell has its own, around its IPython lines)."""

    document: Document
    encoding: str
    versioned: bool = True
    noqa: NoqaWriter = add_noqa

    @property
    def mapper(self) -> PositionMapper:
        return self.document.mapper(self.encoding)

    def workspace_edit(self, edits: Sequence[Edit]) -> types.WorkspaceEdit:
        mapper = self.mapper
        plain = [
            types.TextEdit(range=mapper.range(edit.start, edit.end), new_text=edit.content) for edit in edits
        ]
        if not self.versioned:
            return types.WorkspaceEdit(changes={self.document.uri: plain})
        text_edits: List[types.TextEdit | types.AnnotatedTextEdit | types.SnippetTextEdit] = list(plain)
        identifier = types.OptionalVersionedTextDocumentIdentifier(
            uri=self.document.uri, version=self.document.version
        )
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=identifier, edits=text_edits)]
        )


def quick_fix(target: EditTarget, diagnostic: Diagnostic) -> Optional[types.CodeAction]:
    """The fix of one finding as a quick fix: safe ones preferred, unsafe ones labelled."""
    fix = diagnostic.fix
    if fix is None or not applicable(fix, unsafe=True):
        return None
    unsafe = fix.applicability is Applicability.UNSAFE
    return types.CodeAction(
        title=f"{SOURCE} ({diagnostic.code}): {fix.message}" + (" (unsafe fix)" if unsafe else ""),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_lsp(diagnostic, target.mapper)],
        is_preferred=not unsafe,
        edit=target.workspace_edit(fix.edits),
    )


def disable_action(target: EditTarget, diagnostic: Diagnostic) -> Optional[types.CodeAction]:
    """``# noqa: CODE`` where the engine (and flake8) look for it, as ``check --add-noqa`` adds it."""
    edit = noqa_edit(target.document.lines, diagnostic, target.noqa)
    if edit is None:
        return None
    return types.CodeAction(
        title=f"{SOURCE} ({diagnostic.code}): Disable {diagnostic.code} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_lsp(diagnostic, target.mapper)],
        edit=target.workspace_edit([edit]),
    )


def fix_all_edit(
    document: Document, check: Callable[[str], List[Diagnostic]], unsafe: bool
) -> Optional[Edit]:
    """One edit replacing the lines that change once every applicable fix is applied; None if none do.

    The fixes are applied by the engine's :func:`fix_source` (rounds until none applies, each checked to
    parse), as ``lint-openai check --fix`` applies them.
    """
    return replacement_edit(document.lines, fix_source(document.text, check, unsafe=unsafe).text)


def replacement_edit(lines: LineIndex, fixed: str) -> Optional[Edit]:
    """One edit turning the text of ``lines`` into ``fixed``: the lines that differ; None if none do."""
    if fixed == lines.text:
        return None
    old, new = lines.lines, LineIndex(fixed).lines
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    last = len(old) - tail  # the last replaced row (1-based); == head when lines are only inserted
    if last == len(old) and last > 0 and not old[-1].endswith(("\n", "\r")):
        end = Location(last, len(old[-1]) + 1)  # through the end of an unterminated last line
    else:
        end = Location(last + 1, 1)
    return Edit(Location(head + 1, 1), end, "".join(new[head : len(new) - tail]))


def merged(edits: Sequence[types.WorkspaceEdit]) -> types.WorkspaceEdit:
    """One workspace edit of several documents' edits (a notebook's cells)."""
    changes = [change for edit in edits for change in edit.document_changes or []]
    if changes:
        return types.WorkspaceEdit(document_changes=changes)
    return types.WorkspaceEdit(changes={uri: e for edit in edits for uri, e in (edit.changes or {}).items()})


def fix_all_wanted(kind: str, only: Optional[Sequence[str]], found: Sequence[Diagnostic]) -> bool:
    """A fix-all of ``kind`` is offered when asked for by kind (``source``, ``source.fixAll``...) or, with
    no kind asked for, when one of the findings ``found`` has an applicable fix."""
    if only is not None:
        return kind_wanted(kind, only)
    return any(d.fix is not None and applicable(d.fix, unsafe=True) for d in found)


def code_actions(
    target: EditTarget,
    found: Sequence[Diagnostic],
    request: types.Range,
    only: Optional[Sequence[str]],
    fix_all: Optional[Callable[[], Optional[Edit]]],
    *,
    fix_all_title: str = "Fix all auto-fixable problems",
) -> List[types.CodeAction]:
    """The actions for ``request`` on the document's findings ``found`` (of the same version).

    ``fix_all`` computes the fix-all edit; None when fix-all is switched off (``fixAll: false``). It is
    offered as :func:`fix_all_wanted` says.
    """
    actions: List[types.CodeAction] = []
    mapper = target.mapper
    start, end = mapper.location(request.start), mapper.location(request.end)
    here = [d for d in found if d.start <= end and start <= d.end]
    if here and kind_wanted(types.CodeActionKind.QuickFix.value, only):
        actions += [action for d in here if (action := quick_fix(target, d)) is not None]
        actions += [
            action
            for d in here
            if d.code != PARSE_ERROR_CODE and (action := disable_action(target, d)) is not None
        ]
    if fix_all is not None and fix_all_wanted(FIX_ALL_KIND, only, found):
        edit = fix_all()
        if edit is not None:
            actions.append(
                types.CodeAction(
                    title=f"{SOURCE}: {fix_all_title}",
                    kind=FIX_ALL_KIND,
                    edit=target.workspace_edit([edit]),
                )
            )
    return actions
