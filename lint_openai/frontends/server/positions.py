"""Engine locations <-> LSP positions, in the ``positionEncoding`` negotiated at ``initialize``.

The engine counts 1-based rows and 1-based *characters* (code points); LSP counts 0-based lines and
characters in code units of UTF-8, UTF-16 (the default) or UTF-32. Lines end at ``\\n``, ``\\r\\n`` and
``\\r`` in both (unlike ``str.splitlines``, which also splits at form feeds and ``\\u2028``).
"""

from __future__ import annotations

from typing import Callable, Dict

from lsprotocol import types

from lint_openai.frontends.server.linter import LineIndex, Location

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _utf8_width(char: str) -> int:
    point = ord(char)
    return 1 if point < 0x80 else 2 if point < 0x800 else 3 if point < 0x10000 else 4


def _utf16_width(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


_WIDTHS: Dict[str, Callable[[str], int]] = {UTF8: _utf8_width, UTF16: _utf16_width}


def code_units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` the text takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    width = _WIDTHS[encoding]
    return sum(width(char) for char in text)


def char_index(line: str, units: int, encoding: str) -> int:
    """The character index in ``line`` at ``units`` code units (clamped to the line's length)."""
    if encoding == UTF32 or line.isascii():
        return max(0, min(units, len(line)))
    width = _WIDTHS[encoding]
    total = 0
    for index, char in enumerate(line):
        if total >= units:
            return index
        total += width(char)
    return len(line)


class PositionMapper:
    """Converts positions for one version of one document."""

    def __init__(self, lines: LineIndex, encoding: str) -> None:
        self.lines = lines
        self.encoding = encoding

    def position(self, location: Location) -> types.Position:
        """The LSP position of an engine location."""
        prefix = self.lines.line(location.row)[: max(location.column - 1, 0)]
        return types.Position(line=location.row - 1, character=code_units(prefix, self.encoding))

    def range(self, start: Location, end: Location) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def location(self, position: types.Position) -> Location:
        """The engine location of an LSP position; past the end of a line means its end."""
        row = position.line + 1
        if row > len(self.lines.lines):
            return Location(len(self.lines.lines) + 1, 1)
        column = char_index(self.lines.line(row), position.character, self.encoding)
        return Location(row, column + 1)

    def offset(self, position: types.Position) -> int:
        """The character offset into the text of an LSP position."""
        if position.line >= len(self.lines.lines):
            return len(self.lines.text)
        return self.lines.offset(self.location(position))
