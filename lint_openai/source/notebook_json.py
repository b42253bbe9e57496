"""A notebook's JSON text: where each cell's source is in it, and new sources written in the file's style.

Writing replaces only the ``"source"`` values of the changed cells, so every other byte (outputs,
metadata, cell ids, key order, indentation, the final newline) stays as it was. Inside a changed source,
lines that did not change keep their original JSON text; new lines are encoded as the file encodes text
(``\\u00e9`` escapes or raw UTF-8, detected), and list items follow the file's own layout.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from typing import List, Mapping, Optional, Sequence, Tuple, TypeVar

from lint_openai.diagnostic import Location
from lint_openai.source.json_positions import (
    ARRAY,
    STRING,
    JsonMember,
    JsonNode,
    JsonPath,
    parse_positions,
    raw_offset,
)
from lint_openai.source.lines import LineIndex

T = TypeVar("T")

# A \uXXXX escape of a non-ASCII character, preceded by an even run of backslashes (so not itself escaped).
_ESCAPED_NON_ASCII = re.compile(
    r"(?<!\\)(?:\\\\)*\\u(?:00[89a-fA-F][0-9a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{3})"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _source_paths(path: JsonPath) -> bool:
    """Only the cells' sources are read; outputs, metadata and attachments are skipped unread."""
    return (
        len(path) <= 1
        or (path[0] == "cells" and len(path) == 2)
        or (path[0] == "cells" and path[2:3] == ("source",))
    )


class NotebookText:
    """The JSON text of a valid notebook, with the position of every cell's source."""

    def __init__(self, text: str) -> None:
        self.text = text
        root = parse_positions(text, _source_paths)
        cells = root.member("cells")
        self.root = root
        self.sources: Tuple[Optional[JsonMember], ...] = tuple(
            _last_member(cell, "source") for cell in (cells.items if cells is not None else ())
        )
        self.lines = LineIndex(text)

    # ------------------------------------------------------------------------------- positions
    def physical(self, cell: int, location: Location, cell_source: str) -> Optional[Location]:
        """Where a location inside cell number ``cell`` is in the JSON text (``None`` if unknown)."""
        member = self.sources[cell - 1] if 0 < cell <= len(self.sources) else None
        if member is None:
            return None
        offset = LineIndex(cell_source).offset(location)
        node = member.value
        if node.kind == STRING:
            raw = raw_offset(self.text, node, min(offset, len(node.value)))
        elif node.kind == ARRAY and node.items:
            raw = self._raw_in_items(node.items, offset)
        else:
            raw = node.start
        return self.lines.location_at(raw)

    def _raw_in_items(self, items: Tuple[JsonNode, ...], offset: int) -> int:
        consumed = 0
        for item in items:
            length = len(item.value) if isinstance(item.value, str) else 0
            if offset < consumed + length:
                return raw_offset(self.text, item, offset - consumed)
            consumed += length
        last = items[-1]
        return raw_offset(self.text, last, len(last.value)) if isinstance(last.value, str) else last.start

    # ------------------------------------------------------------------------------- writing
    def with_sources(self, changes: Mapping[int, str]) -> str:
        """The text with the sources of cells numbered in ``changes`` replaced, nothing else touched."""
        pieces: List[str] = []
        cursor = 0
        for number in sorted(changes):
            member = self.sources[number - 1]
            if member is None:
                raise ValueError(f"cell {number} has no source to replace")
            node = member.value
            pieces += [self.text[cursor : node.start], self._render(member, changes[number])]
            cursor = node.end
        pieces.append(self.text[cursor:])
        return "".join(pieces)

    def _render(self, member: JsonMember, source: str) -> str:
        node = member.value
        if node.kind != ARRAY:
            return self.text[node.start : node.end] if node.value == source else self._encode(source)
        lines = source.splitlines(keepends=True)  # how nbformat splits a source into lines
        tokens = self._tokens(node.items, lines)
        if not tokens:
            return "[]"
        opener, separator, closer = self._layout(member)
        return "[" + opener + separator.join(tokens) + closer + "]"

    def _tokens(self, items: Tuple[JsonNode, ...], lines: List[str]) -> List[str]:
        """The JSON text of each new line: an unchanged line keeps its original text (aligned with the old
        lines: common ends first, then ``difflib`` on the rest, so long cells of repeated lines stay linear)."""
        old = [item.value for item in items]
        head, tail = changed_span(old, lines)
        kept = [self.text[item.start : item.end] for item in items]
        middle_old, middle_new = old[head : len(old) - tail], lines[head : len(lines) - tail]
        tokens = kept[:head]
        matcher = difflib.SequenceMatcher(None, middle_old, middle_new)
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            for offset, line in enumerate(middle_new[new_start:new_end]):
                index = old_start + offset
                same = tag in ("equal", "replace") and index < old_end and middle_old[index] == line
                tokens.append(kept[head + index] if same else self._encode(line))
        return tokens + kept[len(old) - tail :]

    def _layout(self, member: JsonMember) -> Tuple[str, str, str]:
        """Whitespace after ``[``, between items (with the comma) and before ``]``, as this file writes them."""
        node, text = member.value, self.text
        items = node.items
        if len(items) >= 2:
            return (
                text[node.start + 1 : items[0].start],
                text[items[0].end : items[1].start],
                text[items[-1].end : node.end - 1],
            )
        if items:
            opener, closer = text[node.start + 1 : items[0].start], text[items[-1].end : node.end - 1]
            return opener, "," + (opener if "\n" in opener else self._inline_space()), closer
        newline, unit = self._indentation()
        if newline is None:
            return "", "," + self._inline_space(), ""
        line_start = text.rfind("\n", 0, member.key_start) + 1
        indent = text[line_start : member.key_start]
        if indent.strip():
            indent = ""
        return newline + indent + unit, "," + newline + indent + unit, newline + indent

    def _indentation(self) -> Tuple[Optional[str], str]:
        """The file's newline and indentation unit (from the top-level object); ``None``: one line."""
        members = self.root.members
        if not members:
            return None, ""
        opener = self.text[self.root.start + 1 : members[0].key_start]
        if "\n" not in opener:
            return None, ""
        newline = "\r\n" if "\r\n" in opener else "\n"
        return newline, opener[opener.rfind("\n") + 1 :]

    def _inline_space(self) -> str:
        """`` `` if the file separates values on one line with ``, `` (json.dumps' default), else nothing."""
        members = self.root.members
        if len(members) >= 2:
            between = self.text[members[0].value.end : members[1].key_start]
            return " " if between == ", " else ""
        return ""

    def _encode(self, value: str) -> str:
        return json.dumps(value, ensure_ascii=_escapes_non_ascii(self.text))


def _last_member(node: JsonNode, key: str) -> Optional[JsonMember]:
    found = None
    for member in node.members:
        if member.key == key:
            found = member
    return found


@functools.lru_cache(maxsize=8)
def _escapes_non_ascii(text: str) -> bool:
    """Whether the file writes non-ASCII text as ``\\uXXXX`` (``ensure_ascii``); raw UTF-8 wins a tie."""
    return _NON_ASCII.search(text) is None and _ESCAPED_NON_ASCII.search(text) is not None


@functools.lru_cache(maxsize=8)
def notebook_text(text: str) -> NotebookText:
    """The positions of a notebook text (cached: formatters ask once per finding)."""
    return NotebookText(text)


def changed_span(old: Sequence[T], new: Sequence[T]) -> Tuple[int, int]:
    """``(head, tail)``: how many leading and, after those, trailing items two sequences share (what an
    edit from ``old`` to ``new`` leaves alone)."""
    head = _common_length(old, new)
    return head, _common_length(old[head:][::-1], new[head:][::-1])


def _common_length(first: Sequence[T], second: Sequence[T]) -> int:
    """How many leading items two sequences share."""
    count = 0
    for a, b in zip(first, second):
        if a != b:
            break
        count += 1
    return count
