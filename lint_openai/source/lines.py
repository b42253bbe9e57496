"""Source text: decoding bytes as Python does, and mapping AST offsets to character columns."""

from __future__ import annotations

import ast
import bisect
import io
from typing import Tuple

from lint_openai.diagnostic import Location


class LineIndex:
    """Lines of a source text, for turning AST positions into 1-based character locations."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Python ends lines only at \n, \r\n and \r (str.splitlines also splits at \f, \u2028, ...).
        self.lines = io.StringIO(text, newline="").readlines()
        self._starts: list[int] | None = None

    def line(self, row: int) -> str:
        """The text of a 1-based row, without its line ending ("" past the end)."""
        if 1 <= row <= len(self.lines):
            return self.lines[row - 1].rstrip("\r\n")
        return ""

    def char_column(self, row: int, byte_offset: int) -> int:
        """Convert a 0-based UTF-8 byte offset on ``row`` to a 0-based character offset."""
        lines = self.lines
        if not 1 <= row <= len(lines) or lines[row - 1].isascii():  # line endings are ASCII
            return byte_offset
        line = lines[row - 1].rstrip("\r\n")
        return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="replace"))

    def start(self, node: ast.AST) -> Location:
        row, column = _position(node, "lineno", "col_offset")
        return Location(row, self.char_column(row, column) + 1)

    def end(self, node: ast.AST) -> Location:
        """Where ``node`` ends (its start, for a node the parser gave no end)."""
        row = getattr(node, "end_lineno", None)
        column = getattr(node, "end_col_offset", None)
        if not isinstance(row, int) or not isinstance(column, int):
            return self.start(node)
        return Location(row, self.char_column(row, column) + 1)

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            starts = [0]
            total = 0
            for length in map(len, self.lines):
                total += length
                starts.append(total)
            self._starts = starts
        return self._starts

    def offset(self, location: Location) -> int:
        """The character offset into ``text`` of a location."""
        starts = self._line_starts()
        row = min(max(location.row, 1), len(starts))
        return starts[row - 1] + location.column - 1

    def location_at(self, offset: int) -> Location:
        """The location of a character offset into ``text`` (the inverse of :meth:`offset`)."""
        starts = self._line_starts()
        row = bisect.bisect_right(starts, offset, 0, len(self.lines) or 1)
        return Location(max(row, 1), offset - starts[max(row, 1) - 1] + 1)

    def segment(self, node: ast.AST) -> str:
        """The exact source text of a node."""
        return self.text[self.offset(self.start(node)) : self.offset(self.end(node))]


def _position(node: ast.AST, row_field: str, column_field: str) -> Tuple[int, int]:
    """``(row, byte column)`` of a node; every node a rule reports at has one (expressions, statements,
    aliases, arguments, keywords, handlers)."""
    row = getattr(node, row_field, None)
    column = getattr(node, column_field, None)
    if not isinstance(row, int) or not isinstance(column, int):
        raise ValueError(f"a {type(node).__name__} node has no position")
    return row, column
