"""The edit that adds ``# noqa: CODE`` to a line, merged into an existing ``# noqa`` comment.

An edit is offered only where a comment can end the line (not inside a multi-line string, not after a
backslash continuation) and only if the engine's own ``# noqa`` matching then suppresses the code.
"""

from __future__ import annotations

import functools
import io
import tokenize
from typing import Dict, Optional

from .linter import NOQA_INLINE, Edit, LineIndex, Location, is_suppressed

# Per row where a comment may end the line: the column where its comment starts (None: no comment).
CommentColumns = Dict[int, Optional[int]]


@functools.lru_cache(maxsize=4)  # asked again for each code action request on the same version
def comment_columns(text: str) -> Optional[CommentColumns]:
    """The rows that end outside a string and continuation, with their comments; None if untokenizable."""
    columns: CommentColumns = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                columns[token.start[0]] = token.start[1]
            elif token.type in (tokenize.NEWLINE, tokenize.NL):
                columns.setdefault(token.start[0], None)
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None
    return columns


def noqa_edit(lines: LineIndex, columns: CommentColumns, row: int, code: str) -> Optional[Edit]:
    """The edit suppressing ``code`` on ``row``, or None where no comment can do it safely."""
    if row not in columns:
        return None
    line = lines.line(row)
    comment = columns[row]
    match = NOQA_INLINE.search(line, comment) if comment is not None else None
    if match is not None:
        codes = match.group("codes")
        if not codes:
            return None  # a blanket noqa comment already suppresses every code
        at = match.start("codes") + len(codes.rstrip(", \t"))
        edit = Edit(Location(row, at + 1), Location(row, at + 1), f", {code}")
    else:
        end = len(line.rstrip(" \t\f"))
        edit = Edit(Location(row, end + 1), Location(row, len(line) + 1), f"  # noqa: {code}")
    start, stop = edit.start.column - 1, edit.end.column - 1
    if not is_suppressed(code, line[:start] + edit.content + line[stop:]):
        return None
    return edit
