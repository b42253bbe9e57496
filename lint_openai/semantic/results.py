"""API results: which SDK call made a value, whether it streams, and the shape of the object at a path."""

from __future__ import annotations

import ast
from typing import Any, Optional, Tuple

from lint_openai import knowledge
from lint_openai.records import record
from lint_openai.semantic.calls import keyword_value
from lint_openai.semantic.methods import CHAT, dotted_endpoint, is_wrapped
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import ApiResult, Part, Value

__all__ = [
    "CHAT",
    "COMPLETIONS",
    "INDEX",
    "ITEM",
    "RESPONSES",
    "ResultRef",
    "include_usage",
    "resolve_ref",
    "result_ref",
    "stream_flag",
]

ITEM = "<item>"


INDEX = "[]"


COMPLETIONS = "completions.create"


RESPONSES = "responses.create"


@record
class ResultRef:
    """A value proven to be (part of) what an SDK call returned."""

    result: ApiResult
    method: str  # the v1 method, dotted: "chat.completions.create" (v0 calls are mapped)
    stream: Optional[bool]  # True/False when proven from the call, else None
    path: Tuple[str, ...]  # the Part path; () for the result itself

    @property
    def is_chat_stream(self) -> bool:
        return self.stream is True and self.method == CHAT

    @property
    def is_text_stream(self) -> bool:
        return self.stream is True and self.method in (CHAT, COMPLETIONS)

    def shape(self) -> Optional[Any]:
        """The shape (field tree) of the object at ``path``, if known."""
        chunk = bool(self.path) and self.path[0] == ITEM
        if chunk and not self.stream:
            return None
        shape = knowledge.sdk().response_shape(self.method, chunk=chunk)
        for step in self.path[1:] if chunk else self.path:
            if not isinstance(shape, dict):
                return None
            shape = shape.get(step) if not step.startswith("[") or step == INDEX else shape.get(step[2:-2])
        return shape


def _v1_method(result: ApiResult) -> Optional[str]:
    """The v1 method whose response the result is (v0 calls are mapped; ``None`` through a wrapper)."""
    if result.v0:
        symbol, method = result.path
        return knowledge.v0().v1_method(symbol, method)
    if result.client is None or is_wrapped(result.path):
        return None  # raw and streaming-response wrappers return other objects
    return dotted_endpoint(result.path)


def stream_flag(call: ast.Call) -> Optional[bool]:
    """``True``/``False`` when the call provably streams or not; ``None`` when it cannot be known."""
    value = keyword_value(call, "stream")
    if value is None:
        return None if any(k.arg is None for k in call.keywords) else False
    if isinstance(value, ast.Constant) and isinstance(value.value, bool):
        return value.value
    return None


def result_ref(value: Value) -> Optional[ResultRef]:
    """The :class:`ResultRef` of an API result or one of its parts (``None`` for anything else)."""
    path: Tuple[str, ...]
    if isinstance(value, ApiResult):
        result, path = value, ()
    elif isinstance(value, Part):
        result, path = value.result, value.path
    else:
        return None
    method = _v1_method(result)
    if method is None:
        return None
    return ResultRef(result, method, stream_flag(result.call), path)


def resolve_ref(model: SemanticModel, node: ast.AST, scope: Scope) -> Optional[ResultRef]:
    return result_ref(model.resolve(node, scope))


def include_usage(call: ast.Call) -> bool:
    """Whether the call passes ``stream_options={"include_usage": True}`` as a literal."""
    options = keyword_value(call, "stream_options")
    if not isinstance(options, ast.Dict):
        return False
    for key, value in zip(options.keys, options.values):
        if isinstance(key, ast.Constant) and key.value == "include_usage":
            return isinstance(value, ast.Constant) and value.value is True
    return False
