"""Which physical lines share one ``# noqa``, as flake8 decides it, and where each line's comment starts.

flake8 searches for ``# noqa`` in the text of all the physical lines that one multi-line string or one
backslash continuation joins (flake8/processor.py ``_noqa_line_mapping``): the comment can only stand after
the string closes, or on the last continued line. Lines inside brackets stay on their own (a comment may
follow each of them).
"""

from __future__ import annotations

import ast
import bisect
import io
import tokenize
from typing import Dict, List, Optional, Tuple

from lint_openai.records import field, record


@record
class NoqaLayout:
    """``spans``: for each row that shares its ``# noqa`` with other rows, the (first, last) row of the group;
    ``comments``: for each row with a comment, the 0-based character column where it starts."""

    spans: Dict[int, Tuple[int, int]] = field(default_factory=dict)
    comments: Dict[int, int] = field(default_factory=dict)

    def span(self, row: int) -> Tuple[int, int]:
        return self.spans.get(row, (row, row))


def noqa_layout(text: str) -> Optional[NoqaLayout]:
    """The layout of ``text``; ``None`` if it cannot be tokenized."""
    spans: Dict[int, Tuple[int, int]] = {}
    comments: Dict[int, int] = {}
    first, last = 0, -1
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
                continue
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.start[1]
            first = token.start[0] if last < 0 else min(first, token.start[0])
            last = max(last, token.end[0])
            if token.type in (tokenize.NL, tokenize.NEWLINE):
                if last > first:
                    spans.update(dict.fromkeys(range(first, last + 1), (first, last)))
                first, last = 0, -1
    except (tokenize.TokenError, SyntaxError):
        return None
    return NoqaLayout(spans, comments)


def noqa_layout_near(text: str, tree: ast.Module) -> Optional[NoqaLayout]:
    """The layout of the rows that matter for ``# noqa``: those of the module-level statements of ``tree``
    that hold a line mentioning ``noqa``, each tokenized alone (a module-level statement starts a line
    outside any bracket or string, so its groups are the ones :func:`noqa_layout` finds in the whole text).
    Tokenizing is the costly part, and most of a file has no ``# noqa``. ``None`` if it cannot be tokenized."""
    if "\r" in text:
        return noqa_layout(
            text
        )  # lines as the parser counts them (a lone CR ends one) and as split below differ
    lines = io.StringIO(text).readlines()
    wanted = [row for row, line in enumerate(lines, start=1) if "noqa" in line.lower()]
    layout = NoqaLayout()
    for first, last in _statement_ranges(tree, wanted):
        part = noqa_layout("".join(lines[first - 1 : last]))
        if part is None:
            return None
        shift = first - 1
        for row, (start, end) in part.spans.items():
            layout.spans[row + shift] = (start + shift, end + shift)
        for row, column in part.comments.items():
            layout.comments[row + shift] = column
    return layout


def _statement_ranges(tree: ast.Module, rows: List[int]) -> List[Tuple[int, int]]:
    """The (first, last) rows of the module-level statements holding one of ``rows`` (sorted), merged where
    they share a line (``a = 1; b = 2``)."""
    ranges: List[Tuple[int, int]] = []
    for statement in tree.body:
        decorators = getattr(statement, "decorator_list", ())
        first = min([statement.lineno, *(decorator.lineno for decorator in decorators)])
        last = statement.end_lineno or statement.lineno
        index = bisect.bisect_left(rows, first)
        if index < len(rows) and rows[index] <= last:
            if ranges and ranges[-1][1] >= first:
                ranges[-1] = (ranges[-1][0], max(last, ranges[-1][1]))
            else:
                ranges.append((first, last))
    return ranges
