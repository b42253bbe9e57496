"""``# noqa`` comments, with flake8's syntax and matching rules."""

from __future__ import annotations

import ast
import re
from typing import Callable, Iterable, List, Optional

from lint_openai.diagnostic import Diagnostic
from lint_openai.source.lines import LineIndex
from lint_openai.source.noqa_lines import NoqaLayout, noqa_layout, noqa_layout_near

# Same pattern as flake8 (flake8/defaults.py NOQA_INLINE_REGEXP), so both front-ends agree.
NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
NOQA_FILE = re.compile(r"#\s*(?:flake8|lint-openai)[:=]\s*noqa\s*$", re.IGNORECASE | re.MULTILINE)
_SEPARATORS = re.compile(r"[,\s]+")


def parse_codes(line: str) -> Optional[List[str]]:
    """``None`` if the line has no ``# noqa``; ``[]`` for a blanket one; else the listed codes."""
    match = NOQA_INLINE.search(line)
    if match is None:
        return None
    codes = match.group("codes")
    if not codes:
        return []
    return [code.upper() for code in _SEPARATORS.split(codes.strip()) if code]


def is_suppressed(code: str, line: str) -> bool:
    """Whether ``code`` is suppressed by a ``# noqa`` on ``line`` (codes match by prefix, as in flake8)."""
    codes = parse_codes(line)
    if codes is None:
        return False
    return not codes or code in codes or code.startswith(tuple(codes))


def file_is_exempt(text: str) -> bool:
    """A ``# flake8: noqa`` or ``# lint-openai: noqa`` line exempts the whole file."""
    return "noqa" in text and NOQA_FILE.search(text) is not None


def noqa_text(row: int, line: Callable[[int], str], layout: Optional[NoqaLayout]) -> str:
    """The text searched for the ``# noqa`` of ``row``: its line, or all the lines a multi-line string or a
    backslash continuation joins it with (as flake8 does). ``line`` gives a row's text."""
    first, last = layout.span(row) if layout is not None else (row, row)
    return "\n".join(line(each) for each in range(first, last + 1))


def filter_suppressed(
    diagnostics: Iterable[Diagnostic], lines: LineIndex, tree: Optional[ast.Module] = None
) -> List[Diagnostic]:
    """Drop diagnostics suppressed by a ``# noqa`` comment on their first line (or the lines joined to it).
    With the module's ``tree``, only the statements that mention ``noqa`` are tokenized."""
    found = list(diagnostics)
    if not found or "noqa" not in lines.text.lower():
        return found  # no line mentions noqa: nothing is suppressed
    rows = {row for row, line in enumerate(lines.lines, start=1) if "noqa" in line.lower()}
    kept = []
    layout: Optional[NoqaLayout] = None
    tokenized = False
    for diagnostic in found:
        row = diagnostic.start.row
        if row in rows and is_suppressed(diagnostic.code, lines.line(row)):
            continue
        if not tokenized:
            layout = noqa_layout(lines.text) if tree is None else noqa_layout_near(lines.text, tree)
            tokenized = True
        if layout is not None and row in layout.spans:
            joined = noqa_text(row, lines.line, layout)
            if "noqa" in joined.lower() and is_suppressed(diagnostic.code, joined):
                continue
        kept.append(diagnostic)
    return kept
