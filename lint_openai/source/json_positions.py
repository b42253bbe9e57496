"""Where each value of a JSON text is: exact character spans, for editing a notebook in place and for
locating model ids in JSON configuration files.

Strings are read with the standard library's own scanner (``json.decoder.scanstring``) and every other
value with ``JSONDecoder.raw_decode``, so each decoded value is what ``json.loads`` reads, and
``text[node.start:node.end]`` is the value's own JSON text. Subtrees a caller does not ask for (``keep``)
are skipped in C, so a notebook's outputs cost almost nothing. Callers validate with ``json.loads`` first:
this module assumes a valid document (it raises ``ValueError`` otherwise).
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, List, Optional, Tuple, Union

from lint_openai.records import record
from lint_openai.source.patterns import match_end

PathPart = Union[str, int]
JsonPath = Tuple[PathPart, ...]

OBJECT, ARRAY, STRING, SCALAR, SKIPPED = "object", "array", "string", "scalar", "skipped"

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


@record
class JsonMember:
    """One ``"key": value`` of an object; ``key_start`` is the offset of the key's opening quote."""

    key: str
    key_start: int
    value: JsonNode


@record
class JsonNode:
    """A value and its span: ``members`` for objects, ``items`` for arrays, ``value`` for scalars."""

    kind: str
    start: int
    end: int
    value: Any = None
    members: Tuple[JsonMember, ...] = ()
    items: Tuple[JsonNode, ...] = ()

    def member(self, key: str) -> Optional[JsonNode]:
        """The value of ``key`` (the last one if repeated, as ``json.loads`` reads it)."""
        found = None
        for member in self.members:
            if member.key == key:
                found = member.value
        return found


def _keep_all(path: JsonPath) -> bool:
    return True


def parse_positions(text: str, keep: Callable[[JsonPath], bool] = _keep_all) -> JsonNode:
    """The positioned tree of a valid JSON document; values whose path ``keep`` rejects are ``SKIPPED``."""
    reader = _Reader(text, keep)
    node = reader.value(0, ())
    if match_end(_WHITESPACE, text, node.end) != len(text):
        raise ValueError(f"extra data after the JSON value at offset {node.end}")
    return node


class _Reader:
    def __init__(self, text: str, keep: Callable[[JsonPath], bool]) -> None:
        self.text = text
        self.keep = keep

    def _skip_space(self, index: int) -> int:
        return match_end(_WHITESPACE, self.text, index)

    def _expect(self, index: int, char: str) -> int:
        if self.text[index : index + 1] != char:
            raise ValueError(f"expected {char!r} at offset {index}")
        return index + 1

    def value(self, index: int, path: JsonPath) -> JsonNode:
        start = self._skip_space(index)
        first = self.text[start : start + 1]
        if not first:
            raise ValueError(f"expected a value at offset {start}")
        if not self.keep(path):
            _, end = _DECODER.raw_decode(self.text, start)
            return JsonNode(SKIPPED, start, end)
        if first == '"':
            value, end = _string_at(self.text, start)
            return JsonNode(STRING, start, end, value)
        if first == "{":
            return self._object(start, path)
        if first == "[":
            return self._array(start, path)
        value, end = _DECODER.raw_decode(self.text, start)
        return JsonNode(SCALAR, start, end, value)

    def _object(self, start: int, path: JsonPath) -> JsonNode:
        members: List[JsonMember] = []
        index = self._skip_space(start + 1)
        if self.text[index : index + 1] == "}":
            return JsonNode(OBJECT, start, index + 1)
        while True:
            if self.text[index : index + 1] != '"':
                raise ValueError(f"expected a key at offset {index}")
            key, after_key = _string_at(self.text, index)
            colon = self._expect(self._skip_space(after_key), ":")
            value = self.value(colon, (*path, key))
            members.append(JsonMember(key, index, value))
            index = self._skip_space(value.end)
            if self.text[index : index + 1] == "}":
                return JsonNode(OBJECT, start, index + 1, members=tuple(members))
            index = self._skip_space(self._expect(index, ","))

    def _array(self, start: int, path: JsonPath) -> JsonNode:
        items: List[JsonNode] = []
        index = self._skip_space(start + 1)
        if self.text[index : index + 1] == "]":
            return JsonNode(ARRAY, start, index + 1)
        while True:
            item = self.value(index, (*path, len(items)))
            items.append(item)
            index = self._skip_space(item.end)
            if self.text[index : index + 1] == "]":
                return JsonNode(ARRAY, start, index + 1, items=tuple(items))
            index = self._expect(index, ",")


def raw_offset(text: str, node: JsonNode, index: int) -> int:
    """The offset in ``text`` of character ``index`` of a string node's decoded value.

    ``index == len(value)`` gives the offset of the closing quote. Escapes take their raw length
    (``\\n``: 2, ``\\u00e9``: 6, a surrogate pair: 12), every other character one.
    """
    position = node.start + 1
    for _ in range(index):
        if text[position] != "\\":
            position += 1
        elif text[position + 1] != "u":
            position += 2
        elif _is_surrogate_pair(text, position):
            position += 12
        else:
            position += 6
    return position


def _is_surrogate_pair(text: str, position: int) -> bool:
    high = int(text[position + 2 : position + 6], 16)
    if not 0xD800 <= high <= 0xDBFF or text[position + 6 : position + 8] != "\\u":
        return False
    try:
        low = int(text[position + 8 : position + 12], 16)
    except ValueError:
        return False
    return 0xDC00 <= low <= 0xDFFF


def _string_at(text: str, quote: int) -> Tuple[str, int]:
    """The JSON string whose opening quote is at ``quote``, and the offset after its closing quote."""
    value, end = _DECODER.raw_decode(text, quote)  # a string token: decoded by json's own scanstring
    return str(value), end
