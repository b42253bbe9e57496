"""JSON configuration files: ``json.loads`` decides validity, :mod:`json_positions` says where values are."""

from __future__ import annotations

import json

from lint_openai.source.config_files.tree import (
    ConfigFileError,
    ConfigList,
    ConfigNode,
    ConfigTable,
    ConfigValue,
    OtherValue,
)
from lint_openai.source.json_positions import ARRAY, OBJECT, STRING, JsonNode, parse_positions
from lint_openai.source.lines import LineIndex


def read_json(text: str) -> ConfigNode:
    """The tree of a JSON document (a key repeated in an object appears twice; the last one wins)."""
    try:
        json.loads(text)
        root = parse_positions(text)
        return _Converter(text).node(root)
    except json.JSONDecodeError as error:
        raise ConfigFileError(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise ConfigFileError("not read: the JSON is nested too deeply") from None


class _Converter:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)

    def node(self, node: JsonNode) -> ConfigNode:
        if node.kind == OBJECT:
            return ConfigTable(tuple((member.key, self.node(member.value)) for member in node.members))
        if node.kind == ARRAY:
            return ConfigList(tuple(self.node(item) for item in node.items))
        if node.kind == STRING:
            value: str = node.value
            verbatim = self.text[node.start + 1 : node.end - 1] == value
            content = self.lines.location_at(node.start + 1) if verbatim else None
            return ConfigValue(
                value, self.lines.location_at(node.start), self.lines.location_at(node.end), content
            )
        return OtherValue()
