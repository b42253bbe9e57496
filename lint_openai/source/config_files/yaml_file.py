"""YAML configuration files, composed by PyYAML (every node knows its position); PyYAML is optional.

Tags are not constructed (``yaml.compose``), so CloudFormation's ``!Ref`` and other custom tags read
fine. A node reached again through an alias is not walked twice (its anchor is where it is written),
which also keeps alias bombs cheap. Merge keys (``<<``) are skipped for the same reason.
"""

from __future__ import annotations

from typing import Any, List, Set, Tuple

from lint_openai.source.config_files.tree import (
    ConfigFileError,
    ConfigList,
    ConfigNode,
    ConfigTable,
    ConfigValue,
    OtherValue,
)
from lint_openai.source.lines import LineIndex

MISSING_YAML = "not read: YAML files need PyYAML (pip install 'lint-openai[yaml]')"


def read_yaml(text: str) -> ConfigNode:
    """The documents of a YAML text, as a list of trees (one per document)."""
    try:
        import yaml  # noqa: PLC0415 - optional: only YAML files need PyYAML, loaded when one is read
    except ImportError:
        raise ConfigFileError(MISSING_YAML) from None
    try:
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        raise ConfigFileError(f"not valid YAML: {error.problem or 'cannot parse'}{where}") from None
    except yaml.YAMLError as error:
        raise ConfigFileError(f"not valid YAML: {type(error).__name__}") from None
    except RecursionError:
        raise ConfigFileError("not read: the YAML is nested too deeply") from None
    converter = _Converter(text)
    return ConfigList(tuple(converter.node(document) for document in documents if document is not None))


class _Converter:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = LineIndex(text)
        self.seen: Set[int] = set()

    def node(self, node: Any) -> ConfigNode:
        if id(node) in self.seen:
            return OtherValue()
        self.seen.add(id(node))
        kind = type(node).__name__
        if kind == "MappingNode":
            entries: List[Tuple[str, ConfigNode]] = []
            for key, value in node.value:
                if type(key).__name__ == "ScalarNode" and key.tag != "tag:yaml.org,2002:merge":
                    entries.append((str(key.value), self.node(value)))
            return ConfigTable(tuple(entries))
        if kind == "SequenceNode":
            return ConfigList(tuple(self.node(item) for item in node.value))
        if kind == "ScalarNode" and node.tag == "tag:yaml.org,2002:str":
            return self._scalar(node)
        return OtherValue()

    def _scalar(self, node: Any) -> ConfigValue:
        """A string scalar; a node's start mark is its tag or anchor when it has one (``!!str gpt-4``), so
        a one-line value written verbatim is located from its end."""
        start, end, value = node.start_mark.index, node.end_mark.index, node.value
        quote = 1 if node.style in ("'", '"') else 0
        at = end - quote - len(value)
        verbatim = "\n" not in value and self.text[at : end - quote] == value
        if verbatim:
            start = at - quote
        content = self.lines.location_at(at) if verbatim else None
        return ConfigValue(value, self.lines.location_at(start), self.lines.location_at(end), content)
