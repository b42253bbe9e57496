"""The edit behind "Disable OAIxxx for this line": the directive ``check --add-noqa`` would add.

:func:`lint_openai.source.noqa_add.add_noqa` decides where ``# noqa: CODE`` goes (the finding's line, or
the last line of a multi-line string or backslash continuation that joins it) and merges it into a comment
already there; the server only turns the changed line into the smallest edit. ``None`` where no comment can
suppress the finding.
"""

from __future__ import annotations

from typing import Callable, List, Optional

from lint_openai.frontends.server.linter import Diagnostic, Edit, LineIndex, Location, NoqaOutcome, add_noqa

# Writes noqa directives for findings into a text (a notebook cell's writer keeps its IPython lines).
NoqaWriter = Callable[[str, List[Diagnostic]], NoqaOutcome]


def noqa_edit(lines: LineIndex, diagnostic: Diagnostic, writer: NoqaWriter = add_noqa) -> Optional[Edit]:
    """The edit suppressing ``diagnostic`` in the text of ``lines``."""
    outcome = writer(lines.text, [diagnostic])
    if not outcome.added:
        return None
    for row, (old, new) in enumerate(zip(lines.lines, LineIndex(outcome.text).lines), start=1):
        if old != new:
            return _smallest_edit(row, old.rstrip("\r\n"), new.rstrip("\r\n"))
    return None


def _smallest_edit(row: int, old: str, new: str) -> Edit:
    """The edit turning line ``old`` into ``new`` that touches the fewest characters."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(
        Location(row, prefix + 1), Location(row, len(old) - suffix + 1), new[prefix : len(new) - suffix]
    )
