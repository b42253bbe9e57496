"""The v1 SDK's surface (client classes, resource tree, signatures, module namespace) from ``data/sdk.json``.

Generated from the installed ``openai`` by ``scripts/gen_sdk_knowledge.py``; rules never hard-code SDK names.
"""

from __future__ import annotations

import functools
from typing import Any, List, Mapping, Optional, Tuple

from lint_openai.knowledge.loading import load_json

Path_ = Tuple[str, ...]


WRAPPER_ATTRIBUTES = frozenset({"with_raw_response", "with_streaming_response"})
MAX_REMEMBERED = 1 << 16  # answers kept by member_kind


class MethodSignature:
    """The parameters of one SDK method."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.params: List[Tuple[str, str, bool]] = [
            (name, kind, required) for name, kind, required in data["params"]
        ]
        self.var_keyword: bool = data["var_keyword"]
        self.var_positional: bool = data["var_positional"]
        self.returns: Optional[str] = data["returns"]

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Every parameter's name."""
        return frozenset(name for name, _, _ in self.params)

    @functools.cached_property
    def keyword_names(self) -> frozenset[str]:
        return frozenset(name for name, kind, _ in self.params if kind != "positional_only")

    @functools.cached_property
    def max_positional(self) -> Optional[int]:
        if self.var_positional:
            return None
        return sum(1 for _, kind, _ in self.params if kind != "keyword_only")

    def accepts_keyword(self, name: str) -> bool:
        return self.var_keyword or name in self.keyword_names


class SdkKnowledge:
    """The v1 SDK's surface: client classes, resource tree, module namespace."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.version: str = data["openai_version"]
        self.client_classes: Mapping[str, Mapping[str, Any]] = data["client_classes"]
        self.module_names: Mapping[str, str] = data["module_names"]
        self.module_settings = frozenset(data["module_settings"])
        self.module_resources = frozenset(data["module_resources"])
        self.submodules = frozenset(data["submodules"])
        self.removed_v0_symbols = tuple(data["removed_v0_symbols"])
        self._class_by_import = {
            path: name for name, info in self.client_classes.items() for path in info["import_paths"]
        }
        self._signatures: dict[Path_, Optional[MethodSignature]] = {}
        self._member_kinds: dict[Tuple[Path_, str, str], Optional[str]] = {}

    @functools.cached_property
    def exceptions(self) -> frozenset[str]:
        return frozenset(n for n, kind in self.module_names.items() if kind == "exception")

    def client_class_at(self, qualified_name: str) -> Optional[str]:
        """The client class a dotted import path names (``openai.lib.azure.AzureOpenAI``), if any."""
        return self._class_by_import.get(qualified_name)

    def module_has(self, name: str) -> bool:
        """Whether ``openai.<name>`` exists in the v1 SDK (a public name or a sub-module)."""
        return name in self.module_names or name in self.submodules

    def tree_node(self, path: Path_, client_class: str = "OpenAI") -> Optional[Mapping[str, Any]]:
        """The resource-tree node at ``path`` (``()`` is the client itself), skipping wrappers.

        Resources are the same for every client class; the client's own methods and attributes
        (``with_options``, ``api_version``...) depend on the class.
        """
        node: Mapping[str, Any] = self.data["client_tree"]
        path = tuple(p for p in path if p not in WRAPPER_ATTRIBUTES)
        if not path:
            top = self.client_classes.get(client_class) or self.client_classes["OpenAI"]
            return {
                "resources": node["resources"],
                "methods": top["methods"],
                "attributes": top["attributes"],
            }
        for part in path:
            child = node["resources"].get(part)
            if child is None:
                return None
            node = child
        return node

    def member_kind(self, path: Path_, name: str, client_class: str = "OpenAI") -> Optional[str]:
        """``resource``, ``method``, ``wrapper``, ``attribute`` or ``None`` for ``<path>.<name>`` (asked for
        every SDK attribute of a file, each answer computed once per process)."""
        key = (path, name, client_class)
        known = self._member_kinds
        try:
            return known[key]
        except KeyError:
            if len(known) >= MAX_REMEMBERED:
                known.clear()  # names come from the code checked: a long-running server sees many
            found = known[key] = self._member_kind(path, name, client_class)
            return found

    def _member_kind(self, path: Path_, name: str, client_class: str) -> Optional[str]:
        node = self.tree_node(path, client_class)
        if node is None:
            return None
        if name in WRAPPER_ATTRIBUTES:
            return "wrapper"
        if name in node["resources"]:
            return "resource"
        if name in node["methods"]:
            return "method"
        if name in node["attributes"]:
            return "attribute"
        return None

    def members(self, path: Path_, client_class: str = "OpenAI") -> list[str]:
        node = self.tree_node(path, client_class)
        if node is None:
            return []
        return [*node["resources"], *node["methods"], *node["attributes"]]

    def response_shape(self, method: str, chunk: bool = False) -> Optional[Any]:
        """The field tree of what ``method`` returns (``chunk``: of one streamed chunk), if recorded."""
        entry = self.data["response_shapes"].get(method)
        if entry is None:
            return None
        return entry["chunk" if chunk else "response"]

    @functools.cached_property
    def stream_attributes(self) -> frozenset[str]:
        return frozenset(self.data["stream_attributes"])

    def signature(self, path: Path_, client_class: str = "OpenAI") -> Optional[MethodSignature]:
        """The signature of the method at ``path`` (last element is the method name)."""
        key = tuple(p for p in path if p not in WRAPPER_ATTRIBUTES)
        if not key:
            return None
        cache_key = (client_class, *key) if len(key) == 1 else key
        if cache_key not in self._signatures:
            node = self.tree_node(key[:-1], client_class)
            data = node["methods"].get(key[-1]) if node else None
            self._signatures[cache_key] = MethodSignature(data) if data else None
        return self._signatures[cache_key]


@functools.cache
def sdk() -> SdkKnowledge:
    """The v1 SDK knowledge (generated from the installed ``openai``)."""
    return SdkKnowledge(load_json("sdk.json"))
