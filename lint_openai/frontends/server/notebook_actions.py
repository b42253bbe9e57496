"""Code actions in notebook cells: the quick fixes and "disable" actions of a Python file, and fix-all for
one cell or for the whole notebook.

Fix-all applies the fixes to the cells as ``check --fix`` applies them to a notebook file
(:func:`fix_cells`: rounds over the one module, a round that breaks a cell dropped); each changed cell is
then one edit of that cell's document, at its version.

- ``source.fixAll.lint-openai`` in a cell: that cell's part of the notebook's fix-all. Editors ask for it
  cell by cell (VS Code's ``editor.codeActionsOnSave`` in a notebook), so each answer edits its own cell
  and no fix is applied twice.
- ``notebook.source.fixAll.lint-openai``: every changed cell in one workspace edit (VS Code's
  ``notebook.codeActionsOnSave``).
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence

from lsprotocol import types

from lint_openai.frontends.server.actions import (
    FIX_ALL_KIND,
    EditTarget,
    code_actions,
    fix_all_wanted,
    merged,
    replacement_edit,
)
from lint_openai.frontends.server.diagnostics import SOURCE
from lint_openai.frontends.server.documents import Document
from lint_openai.frontends.server.linter import Diagnostic, Edit, Notebook, add_cell_noqa, add_noqa, fix_cells
from lint_openai.frontends.server.notebooks import NotebookDocument
from lint_openai.frontends.server.suppress import NoqaWriter
from lint_openai.records import replace

NOTEBOOK_FIX_ALL_KIND = f"notebook.{FIX_ALL_KIND}"

CellEdits = Dict[int, Edit]  # by cell number
Targets = Callable[[Document], EditTarget]


def notebook_fix_edits(
    notebook: NotebookDocument, check: Callable[[Notebook], List[Diagnostic]], unsafe: bool
) -> CellEdits:
    """The edit of each cell that fix-all changes."""
    fixed = fix_cells(notebook.notebook, check, unsafe).text
    edits: CellEdits = {}
    for before, after in zip(notebook.notebook.cells, fixed.cells):
        edit = replacement_edit(notebook.cell(before.number).document.lines, after.source)
        if edit is not None:
            edits[before.number] = edit
    return edits


def notebook_edit(notebook: NotebookDocument, edits: CellEdits, targets: Targets) -> types.WorkspaceEdit:
    """The cells' edits as one workspace edit, each for its cell's document and version."""
    return merged(
        [
            targets(notebook.cell(number).document).workspace_edit([edit])
            for number, edit in sorted(edits.items())
        ]
    )


def cell_noqa(notebook: NotebookDocument, number: int) -> NoqaWriter:
    """How ``# noqa`` is written into cell ``number``: into its Python, never on an IPython line."""
    span = next((span for span in notebook.notebook.spans if span.cell == number), None)
    if span is None:
        return add_noqa  # not a Python cell: it has no findings to suppress
    return lambda text, found: add_cell_noqa(span, text, found)


def cell_actions(
    notebook: NotebookDocument,
    number: int,
    targets: Targets,
    found: Sequence[Diagnostic],
    request: types.Range,
    *,
    only: Optional[Sequence[str]],
    fixes: Optional[Callable[[], CellEdits]],
) -> List[types.CodeAction]:
    """The actions for ``request`` in cell ``number``, given the notebook's findings ``found`` (of the same
    version); ``fixes`` computes the fix-all edits (None when fix-all is switched off)."""
    target = replace(targets(notebook.cell(number).document), noqa=cell_noqa(notebook, number))
    in_cell = [d for d in found if d.cell == number]
    fix_cell = (lambda: fixes().get(number)) if fixes is not None else None
    actions = code_actions(
        target, in_cell, request, only, fix_cell, fix_all_title="Fix all auto-fixable problems in this cell"
    )
    if fixes is not None and fix_all_wanted(NOTEBOOK_FIX_ALL_KIND, only, found):
        edits = fixes()
        if edits:
            actions.append(
                types.CodeAction(
                    title=f"{SOURCE}: Fix all auto-fixable problems in the notebook",
                    kind=NOTEBOOK_FIX_ALL_KIND,
                    edit=notebook_edit(notebook, edits, targets),
                )
            )
    return actions
