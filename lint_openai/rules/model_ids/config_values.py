"""OAI201/OAI202 in configuration files: model ids under keys that name a model.

A key names a model as a Python name does (:func:`is_model_name`: ``model``, ``model_name``,
``OPENAI_CHAT_MODEL``, ``DEFAULT_MODEL``; not ``model_provider``); its string value, or each string
of a list under it, is looked up in the lifecycle data and reported with the same message and advice as
in code. Environment lists (``- OPENAI_MODEL=gpt-4`` in a compose file, ``{name: ..., value: ...}``
items in a Kubernetes manifest) count as tables. Skipped, as in code: ids that are also ordinary words
(``ada``), the ``model`` of a mapping shaped like an API response or a result row, and values about another provider
(:mod:`config_providers`). No fix is offered: the file's own format and quoting are left to the user.
"""

from __future__ import annotations

import re
from datetime import date
from typing import FrozenSet, Iterator, List, Optional, Tuple

from lint_openai.analyses.model_flow import is_response_shaped
from lint_openai.analyses.model_references import is_model_name
from lint_openai.diagnostic import Diagnostic, Location
from lint_openai.knowledge.model_lifecycle import ModelKnowledge
from lint_openai.records import record
from lint_openai.rules.model_ids.config_providers import about_other_provider
from lint_openai.rules.model_ids.deprecated_model import DeprecatedModel, deprecated_message
from lint_openai.rules.model_ids.retired_model import RetiredModel, retired_message
from lint_openai.source.config_files.tree import ConfigList, ConfigNode, ConfigTable, ConfigValue
from lint_openai.source.prefilter import is_distinctive

RULES = ((RetiredModel, retired_message), (DeprecatedModel, deprecated_message))
MODEL_CODES = frozenset(rule.code for rule, _ in RULES)
_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_.-]*)=")


@record
class ModelValue:
    """A string under a model-named key: its key path and the tables around it, innermost first."""

    keys: Tuple[str, ...]
    value: ConfigValue
    tables: Tuple[ConfigTable, ...]


def config_value_diagnostics(
    root: ConfigNode, path: str, codes: FrozenSet[str], models: ModelKnowledge, today: date
) -> List[Diagnostic]:
    """The OAI201/OAI202 findings of a configuration file's tree (only the codes in ``codes``)."""
    found: List[Diagnostic] = []
    for entry in model_values(root):
        info = models.get(entry.value.value)
        if (
            info is None
            or not is_distinctive(info.id)
            or about_other_provider(path, entry.keys, entry.tables)
        ):
            continue
        for rule, message_for in RULES:
            message = message_for(info, models, today) if rule.code in codes else None
            if message is not None:
                value = entry.value
                found.append(Diagnostic(rule.code, rule.symbol, message, value.start, value.end, path))
    return found


def model_values(
    node: ConfigNode, keys: Tuple[str, ...] = (), tables: Tuple[ConfigTable, ...] = ()
) -> Iterator[ModelValue]:
    """Every string under a model-named key, depth first in file order."""
    if isinstance(node, ConfigList):
        environment = _environment_table(node)
        if environment is not None:
            yield from model_values(environment, keys, tables)
        for item in node.items:
            yield from model_values(item, keys, tables)
        return
    if not isinstance(node, ConfigTable):
        return
    tables = (node, *tables)
    response = is_response_shaped(key for key, _ in node.entries)
    last = {key: index for index, (key, _) in enumerate(node.entries)}  # a key set twice: the last one counts
    for index, (key, child) in enumerate(node.entries):
        path = (*keys, key)
        if is_model_name(key) and not response and last[key] == index:
            values = child.items if isinstance(child, ConfigList) else (child,)
            for value in values:
                if isinstance(value, ConfigValue):
                    yield ModelValue(path, value, tables)
        yield from model_values(child, path, tables)


def _environment_table(node: ConfigList) -> Optional[ConfigTable]:
    """``["KEY=value", ...]`` or ``[{name: KEY, value: ...}, ...]`` as a table of its assignments."""
    entries: List[Tuple[str, ConfigNode]] = []
    for item in node.items:
        if isinstance(item, ConfigValue):
            assignment = _ASSIGNMENT.match(item.value)
            if assignment is not None and item.content is not None:
                entries.append((assignment.group(1), _after(item, assignment.end())))
        elif isinstance(item, ConfigTable):
            fields = dict(item.entries)
            name, value = fields.get("name"), fields.get("value")
            if isinstance(name, ConfigValue) and isinstance(value, ConfigValue):
                entries.append((name.value, value))
    return ConfigTable(tuple(entries)) if entries else None


def _after(item: ConfigValue, offset: int) -> ConfigValue:
    """The part of a verbatim one-line value after its first ``offset`` characters."""
    content = item.content or item.start
    start = Location(content.row, content.column + offset)
    end = Location(content.row, content.column + len(item.value))
    return ConfigValue(item.value[offset:], start, end, start)
