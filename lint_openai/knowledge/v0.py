"""The removed v0 surface and how each piece maps to v1 (``data/v0.json``, hand-written with sources)."""

from __future__ import annotations

import functools
from typing import Any, Mapping, Optional

from lint_openai.knowledge.loading import load_json


class V0Knowledge:
    """The removed v0 surface and how each piece maps to v1 (hand-written, sourced)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.resources: Mapping[str, Mapping[str, Any]] = data["resources"]
        self.errors: Mapping[str, Mapping[str, Any]] = data["errors"]
        self.settings: Mapping[str, Mapping[str, Any]] = data["settings"]
        self.modules: Mapping[str, Mapping[str, Any]] = data["modules"]
        self.call_arguments: Mapping[str, Mapping[str, Any]] = data["call_arguments"]
        self.changed_call_arguments: Mapping[str, str] = data["changed_call_arguments"]
        self.module_names = frozenset(data["module_names"])

    def v1_method(self, symbol: str, method: str) -> Optional[str]:
        """The v1 method (dotted) whose endpoint ``openai.<symbol>.<method>`` called in v0.

        v0's ``a``-prefixed methods (``acreate``) called the same endpoint as their sync twin.
        """
        methods: Mapping[str, str] = self.resources.get(symbol, {}).get("methods", {})
        target = methods.get(method)
        if target is None and self.is_async_method(symbol, method):
            target = methods[method[1:]]
        return target

    def is_async_method(self, symbol: str, method: str) -> bool:
        """``acreate`` and the like: the ``a``-prefixed twin of a v0 method (no v1 method of that name)."""
        methods = self.resources.get(symbol, {}).get("methods", {})
        return method not in methods and method.startswith("a") and method[1:] in methods


@functools.cache
def v0() -> V0Knowledge:
    """The v0 migration knowledge."""
    return V0Knowledge(load_json("v0.json"))
