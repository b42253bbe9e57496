"""Which physical lines share one ``# noqa``, as flake8 decides it, and where each line's comment starts.

flake8 searches for ``# noqa`` in the text of all the physical lines that one multi-line string or one
backslash continuation joins (flake8/processor.py ``_noqa_line_mapping``): the comment can only stand after
the string closes, or on the last continued line. Lines inside brackets stay on their own (a comment may
follow each of them).
"""

from __future__ import annotations

import ast
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
    """The layout of the rows that matter for ``# noqa``: those of the innermost statements of ``tree`` that
    hold a line mentioning ``noqa``, each tokenized alone (a statement that starts its line, with the
    statements it shares lines with, is whole logical lines, so its groups are the ones :func:`noqa_layout`
    finds in the whole text). Tokenizing is the costly part, and most of a file has no ``# noqa``. ``None``
    if it cannot be tokenized."""
    if "\r" in text:
        return noqa_layout(
            text
        )  # lines as the parser counts them (a lone CR ends one) and as split below differ
    lines = io.StringIO(text).readlines()
    wanted = [row for row, line in enumerate(lines, start=1) if "noqa" in line.lower()]
    layout = NoqaLayout()
    ranges = {_tokenized_range(tree.body, row, lines) for row in wanted}
    for first, last in _merged(sorted(found for found in ranges if found is not None)):
        part = noqa_layout("".join(lines[first - 1 : last]))
        if part is None:
            return None
        shift = first - 1
        for row, (start, end) in part.spans.items():
            layout.spans[row + shift] = (start + shift, end + shift)
        for row, column in part.comments.items():
            layout.comments[row + shift] = column
    return layout


Range = Tuple[int, int]


def _tokenized_range(body: List[ast.stmt], row: int, lines: List[str]) -> Optional[Range]:
    """The rows to tokenize for ``row``: the innermost statement holding it that starts its line (with the
    statements sharing its lines), or the whole compound statement when the row is on its header;
    ``None`` for a row outside every statement (a comment or a blank line between them)."""
    blocks = [body]
    found: Optional[Range] = None
    while blocks:
        block = blocks.pop()
        unit = _unit_holding(block, row)
        if unit is None:
            continue
        start, end, statements = unit
        if not _starts_its_line(statements[0], lines):
            return found  # on a header's line (``if x: y``): the enclosing statement is the unit
        found = (start, end)
        if len(statements) != 1:
            return found
        blocks = _blocks_of(statements[0])
    return found


def _unit_holding(block: List[ast.stmt], row: int) -> Optional[Tuple[int, int, List[ast.stmt]]]:
    """The consecutive statements of ``block`` that share lines (``a = 1; b = 2``) and hold ``row``."""
    index = 0
    while index < len(block):
        statements = [block[index]]
        start = _first_row(block[index])
        end = block[index].end_lineno or block[index].lineno
        index += 1
        while index < len(block) and _first_row(block[index]) <= end:
            statements.append(block[index])
            end = max(end, block[index].end_lineno or block[index].lineno)
            index += 1
        if start <= row <= end:
            return start, end, statements
        if start > row:
            return None
    return None


def _first_row(statement: ast.stmt) -> int:
    decorators: List[ast.expr] = getattr(statement, "decorator_list", [])
    return min([statement.lineno, *(decorator.lineno for decorator in decorators)])


def _starts_its_line(statement: ast.stmt, lines: List[str]) -> bool:
    """Whether only indentation comes before ``statement`` (its first decorator) on its first line."""
    decorators = getattr(statement, "decorator_list", ())
    if decorators:
        return True  # a decorator line (``@``) always starts a logical line
    line = lines[statement.lineno - 1].encode("utf-8")
    return not line[: statement.col_offset].strip()


def _blocks_of(statement: ast.stmt) -> List[List[ast.stmt]]:
    """The statement lists nested in a compound statement (none for a simple one)."""
    blocks: List[List[ast.stmt]] = []
    for name in ("body", "orelse", "finalbody"):
        value = getattr(statement, name, None)
        if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
            blocks.append(value)
    for part in (*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())):
        if part.body:
            blocks.append(part.body)
    return blocks


def _merged(ranges: List[Range]) -> List[Range]:
    """Sorted ranges with those that share a line merged."""
    merged: List[Range] = []
    for first, last in ranges:
        if merged and merged[-1][1] >= first:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged
