"""Positions of JSON values: every span is the value's own text, and string offsets map to raw characters."""

from __future__ import annotations

import json
from typing import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint_openai.source.json_positions import (
    ARRAY,
    OBJECT,
    SKIPPED,
    STRING,
    JsonNode,
    parse_positions,
    raw_offset,
)
from lint_openai.source.lines import LineIndex

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from('"\\\n\r\t\u2028é😀'))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=20,
)
STYLES = st.fixed_dictionaries(
    {
        "indent": st.sampled_from([None, 0, 1, 2, 4, "\t"]),
        "ensure_ascii": st.booleans(),
        "separators": st.sampled_from([None, (",", ":"), (", ", ": ")]),
        "sort_keys": st.booleans(),
    }
)


def nodes(node: JsonNode) -> Iterator[JsonNode]:
    yield node
    for member in node.members:
        yield from nodes(member.value)
    for item in node.items:
        yield from nodes(item)


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES, STYLES)
def test_every_span_is_the_values_own_text(value: object, style: dict) -> None:
    text = json.dumps(value, **style)
    root = parse_positions(text)
    assert json.loads(text[root.start : root.end]) == value
    for node in nodes(root):
        decoded = json.loads(text[node.start : node.end])
        if node.kind == STRING:
            assert decoded == node.value
        for member in node.members:
            assert text[member.key_start] == '"'
            assert json.decoder.scanstring(text, member.key_start + 1)[0] == member.key  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(TEXT, st.booleans())
def test_raw_offsets_map_each_character_to_its_escape(value: str, ensure_ascii: bool) -> None:
    text = json.dumps({"k": [value]}, ensure_ascii=ensure_ascii)
    node = parse_positions(text).member("k").items[0]  # type: ignore[union-attr]
    offsets = [raw_offset(text, node, index) for index in range(len(value) + 1)]
    assert offsets[-1] == node.end - 1  # the closing quote
    for index, char in enumerate(value):
        assert json.loads('"' + text[offsets[index] : offsets[index + 1]] + '"') == char


def test_surrogate_pairs_and_escaped_slashes() -> None:
    text = '["\\ud83d\\ude00x\\/y\\\\"]'
    node = parse_positions(text).items[0]
    assert node.value == "😀x/y\\"
    assert [raw_offset(text, node, i) for i in range(len(node.value) + 1)] == [2, 14, 15, 17, 18, 20]


def test_duplicate_keys_read_as_json_loads_reads_them() -> None:
    root = parse_positions('{"a": 1, "a": "two"}')
    assert root.member("a").value == "two"  # type: ignore[union-attr]
    assert json.loads('{"a": 1, "a": "two"}')["a"] == "two"


def test_skipped_subtrees_keep_their_span() -> None:
    text = '{"cells": [{"source": "x", "outputs": [{"data": {"image/png": "AAAA"}}]}], "metadata": {"a": [1, 2]}}'
    root = parse_positions(
        text, lambda path: not path or (path[0] == "cells" and (len(path) <= 2 or path[2] == "source"))
    )
    cell = root.member("cells").items[0]  # type: ignore[union-attr]
    outputs = cell.member("outputs")
    assert outputs is not None and outputs.kind == SKIPPED
    assert json.loads(text[outputs.start : outputs.end]) == [{"data": {"image/png": "AAAA"}}]
    assert root.member("metadata").kind == SKIPPED  # type: ignore[union-attr]
    assert cell.member("source").value == "x"  # type: ignore[union-attr]
    assert (root.kind, cell.kind, root.member("cells").kind) == (OBJECT, OBJECT, ARRAY)  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ['{"a": 1', "[1, 2", '{"a" 1}', "[1] x", ""])
def test_invalid_documents_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_positions(text)


def test_location_at_inverts_offset() -> None:
    text = 'a\r\nbé\n\n"x"\r'
    lines = LineIndex(text)
    for offset in range(len(text) + 1):
        assert lines.offset(lines.location_at(offset)) == offset
