"""A notebook finding's fix as an edit of the ``.ipynb`` file's own JSON text (for SARIF's ``fixes``).

The edit is what ``--fix`` writes for that fix alone: the cell's new source rendered into the JSON by the
notebook writer (escapes, line arrays and every other byte kept), reduced to the span from the first
changed character to the last. So a tool that applies it to the file gets exactly the fixed notebook.
"""

from __future__ import annotations

from typing import Optional

from lint_openai.diagnostic import Applicability, Diagnostic, Edit, Fix
from lint_openai.fix import apply_fixes
from lint_openai.records import replace
from lint_openai.source.lines import LineIndex
from lint_openai.source.notebook import Notebook
from lint_openai.source.notebook_json import changed_span, notebook_text


def json_fix(text: str, notebook: Notebook, d: Diagnostic) -> Optional[Fix]:
    """The fix of ``d`` (a finding in a cell of the notebook whose JSON text is ``text``) as one edit of
    that text, or ``None`` where it has none or it cannot be written there."""
    if d.fix is None or d.cell is None or not 0 < d.cell <= len(notebook.cells):
        return None
    source = notebook.cells[d.cell - 1].source
    # Every fix is offered, whatever its applicability (as for a Python file's): applied here as if safe.
    offered = replace(d, fix=replace(d.fix, applicability=Applicability.SAFE))
    fixed_source, applied = apply_fixes(source, [offered])
    if not applied or fixed_source == source:
        return None
    positions = notebook_text(text)
    member = positions.sources[d.cell - 1]
    if member is None:  # no source the writer can replace
        return None
    fixed = positions.with_sources({d.cell: fixed_source})
    # Only the cell's source changed: compare the JSON text of that value, before and after.
    old = text[member.value.start : member.value.end]
    new = fixed[member.value.start : len(fixed) - (len(text) - member.value.end)]
    head, tail = changed_span(old, new)
    lines = LineIndex(text)
    start, end = member.value.start + head, member.value.end - tail
    edit = Edit(lines.location_at(start), lines.location_at(end), new[head : len(new) - tail])
    return replace(d.fix, edits=(edit,))
