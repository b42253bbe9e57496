"""TOML configuration files: ``tomllib`` reads the values, a light scanner says where each string is.

The scanner follows TOML 1.0's structure (tables, arrays of tables, dotted and quoted keys, arrays,
inline tables, the four string forms, comments) only far enough to map each string value's key path
to its span; the values themselves are tomllib's. A string the scanner does not locate is not reported.
"""

from __future__ import annotations

import re
import sys
from typing import Any, Dict, List, Tuple, Union

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

from lint_openai.source.config_files.tree import (
    ConfigFileError,
    ConfigList,
    ConfigNode,
    ConfigTable,
    ConfigValue,
    OtherValue,
)
from lint_openai.source.lines import LineIndex
from lint_openai.source.patterns import match_end

Path = Tuple[Union[str, int], ...]
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = re.compile(r"[ \t]*")
_SCALAR = re.compile(r"[^,\]}#\r\n]*")


def read_toml(text: str) -> ConfigNode:
    """The tree of a TOML document, string values positioned."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError(f"not valid TOML: {error}") from None
    try:
        spans = locate_strings(text)
    except (
        IndexError,
        ValueError,
        tomllib.TOMLDecodeError,
    ):  # a shape the scanner does not know: no positions
        spans = {}
    return _Builder(text, spans).node(document, ())


class _Builder:
    def __init__(self, text: str, spans: Dict[Path, Tuple[int, int]]) -> None:
        self.text = text
        self.spans = spans
        self.lines = LineIndex(text)

    def node(self, value: Any, path: Path) -> ConfigNode:
        if isinstance(value, dict):
            return ConfigTable(tuple((key, self.node(item, (*path, key))) for key, item in value.items()))
        if isinstance(value, list):
            return ConfigList(tuple(self.node(item, (*path, index)) for index, item in enumerate(value)))
        span = self.spans.get(path)
        if not isinstance(value, str) or span is None:
            return OtherValue()
        start, end = span
        quote = 3 if self.text.startswith(('"""', "'''"), start) else 1
        verbatim = self.text[start + quote : start + quote + len(value)] == value and "\n" not in value
        content = self.lines.location_at(start + quote) if verbatim else None
        return ConfigValue(value, self.lines.location_at(start), self.lines.location_at(end), content)


def locate_strings(text: str) -> Dict[Path, Tuple[int, int]]:
    """The span of every string value of a valid TOML text, by key path (array items by index)."""
    scanner = _Scanner(text)
    scanner.document()
    return scanner.found


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.index = 0
        self.found: Dict[Path, Tuple[int, int]] = {}
        self.arrays_of_tables: Dict[Path, int] = {}  # path of an array of tables -> index of its last table

    # ---------------------------------------------------------------- structure
    def document(self) -> None:
        table: Path = ()
        while True:
            self._skip_blank_lines()
            if self.index >= len(self.text):
                return
            if self.text.startswith("[[", self.index):
                self.index += 2
                keys = self._keys()
                self._expect("]]")
                parent = self._resolve(keys[:-1])
                array = (*parent, keys[-1])
                position = self.arrays_of_tables.get(array, -1) + 1
                self.arrays_of_tables[array] = position
                table = (*array, position)
            elif self.text.startswith("[", self.index):
                self.index += 1
                keys = self._keys()
                self._expect("]")
                table = self._resolve(keys)
            else:
                keys = self._keys()
                self._expect("=")
                self._value((*table, *keys))
            self._end_of_line()

    def _resolve(self, keys: List[str]) -> Path:
        """A header's key path, through the last table of each array of tables it names."""
        path: Path = ()
        for key in keys:
            path = (*path, key)
            if path in self.arrays_of_tables:
                path = (*path, self.arrays_of_tables[path])
        return path

    def _value(self, path: Path) -> None:
        self._space()
        char = self.text[self.index]
        if char in "\"'":
            start = self.index
            self.index = self._string_end(start)
            self.found[path] = (start, self.index)
        elif char == "[":
            self._array(path)
        elif char == "{":
            self._inline_table(path)
        else:
            self.index = match_end(_SCALAR, self.text, self.index)

    def _array(self, path: Path) -> None:
        self.index += 1
        position = 0
        while True:
            self._skip_blank_lines()
            if self.text[self.index] == "]":
                self.index += 1
                return
            self._value((*path, position))
            position += 1
            self._skip_blank_lines()
            if self.text[self.index] == ",":
                self.index += 1

    def _inline_table(self, path: Path) -> None:
        self.index += 1
        while True:
            self._skip_blank_lines()
            if self.text[self.index] == "}":
                self.index += 1
                return
            keys = self._keys()
            self._expect("=")
            self._value((*path, *keys))
            self._skip_blank_lines()
            if self.text[self.index] == ",":
                self.index += 1

    # ---------------------------------------------------------------- tokens
    def _keys(self) -> List[str]:
        keys = []
        while True:
            self._space()
            char = self.text[self.index]
            if char in "\"'":
                start = self.index
                self.index = self._string_end(start)
                raw = self.text[start : self.index]
                keys.append(next(iter(tomllib.loads(f"{raw} = 0"))))  # tomllib decodes the quoted key
            else:
                match = _BARE_KEY.match(self.text, self.index)
                if match is None:
                    raise ValueError(f"expected a key at offset {self.index}")
                keys.append(match.group(0))
                self.index = match.end()
            self._space()
            if self.text[self.index] != ".":
                return keys
            self.index += 1

    def _string_end(self, start: int) -> int:
        """The offset after the string starting at ``start`` (any of TOML's four forms)."""
        text = self.text
        quote = text[start]
        if text.startswith(quote * 3, start):
            index = start + 3
            while not text.startswith(quote * 3, index):
                index += 2 if quote == '"' and text[index] == "\\" else 1
            index += 3
            extra = 0
            while extra < 2 and text[index : index + 1] == quote:  # up to two quotes may end the content
                index += 1
                extra += 1
            return index
        index = start + 1
        while text[index] != quote:
            index += 2 if quote == '"' and text[index] == "\\" else 1
        return index + 1

    def _space(self) -> None:
        self.index = match_end(_SPACE, self.text, self.index)

    def _skip_blank_lines(self) -> None:
        """Whitespace, comments and newlines."""
        text = self.text
        while self.index < len(text):
            self._space()
            if text.startswith("#", self.index):
                newline = text.find("\n", self.index)
                self.index = len(text) if newline < 0 else newline
            elif text[self.index : self.index + 1] in ("\n", "\r"):
                self.index += 1
            else:
                return

    def _expect(self, token: str) -> None:
        self._space()
        if not self.text.startswith(token, self.index):
            raise ValueError(f"expected {token!r} at offset {self.index}")
        self.index += len(token)

    def _end_of_line(self) -> None:
        self._space()
        if self.text.startswith("#", self.index):
            newline = self.text.find("\n", self.index)
            self.index = len(self.text) if newline < 0 else newline
