"""What rules need to know about API results: which call made them, whether it streams, the shape of
the object at a path, how a value is used as text, and whether a use is guarded against ``None``."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Tuple

from .. import knowledge
from ..semantic import SemanticModel, keyword_value
from ..values import ApiResult, Part, Value

ITEM = "<item>"
INDEX = "[]"
CHAT = "chat.completions.create"
COMPLETIONS = "completions.create"
RESPONSES = "responses.create"


@dataclass(frozen=True)
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
    if result.v0:
        symbol, method = result.path
        return knowledge.v0().resources.get(symbol, {}).get("methods", {}).get(method)
    if result.client is None or any(p in knowledge.WRAPPER_ATTRIBUTES for p in result.path):
        return None  # raw and streaming-response wrappers return other objects
    path = result.path
    if path[-3:] == ("chat", "completions", "create"):
        return CHAT
    return ".".join(path)


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


def resolve_ref(model: SemanticModel, node: ast.AST, scope: Any) -> Optional[ResultRef]:
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


# ---------------------------------------------------------------------------------------------- text use
def text_use(model: SemanticModel, node: ast.AST) -> Optional[str]:
    """How ``node`` is used as text, if it is: ``concatenated``, ``joined``, ``written``, ``printed``,
    ``formatted``. Pass-throughs (``yield x``, ``queue.put(x)``, ``items.append(x)``) are not text uses."""
    parent = model.parent(node)
    if isinstance(parent, ast.AugAssign) and parent.value is node and isinstance(parent.op, ast.Add):
        return "concatenated"
    if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Add):
        return "concatenated"
    if isinstance(parent, ast.FormattedValue) and parent.value is node:
        return "formatted"
    if isinstance(parent, ast.Call) and node in parent.args:
        return _call_text_use(model, parent)
    if isinstance(parent, (ast.GeneratorExp, ast.ListComp)) and parent.elt is node:
        outer = model.parent(parent)
        if isinstance(outer, ast.Call) and outer.args and outer.args[0] is parent and _is_join(outer):
            return "joined"
    return None


def _call_text_use(model: SemanticModel, call: ast.Call) -> Optional[str]:
    func = call.func
    if isinstance(func, ast.Name) and model.lookup_scope(func.id, model.module_scope) is None:
        if func.id == "print":
            return "printed"
        if func.id == "str":
            return "formatted"
    if isinstance(func, ast.Attribute) and func.attr == "write":
        return "written"
    return None


def _is_join(call: ast.Call) -> bool:
    func = call.func
    return isinstance(func, ast.Attribute) and func.attr == "join" and isinstance(func.value, ast.Constant)


# ---------------------------------------------------------------------------------------------- guards
def expression_key(node: ast.AST) -> str:
    """A position-independent identity for an expression (``ast.dump`` without attributes)."""
    return ast.dump(node, annotate_fields=False, include_attributes=False)


def root_name(node: ast.AST) -> Optional[str]:
    """``chunk`` for ``chunk.choices[0].delta.content``."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _mentions(test: ast.AST, key: str) -> bool:
    return any(expression_key(sub) == key for sub in ast.walk(test))


def _tests_truthy(test: ast.AST, key: str) -> bool:
    """Whether ``test`` being true implies the subject is truthy / not None."""
    if expression_key(test) == key:
        return True
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and expression_key(test.left) == key:
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, (ast.IsNot, ast.NotEq)) and isinstance(right, ast.Constant) and right.value is None:
            return True
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id in ("isinstance", "len", "bool")
    ):
        return bool(test.args) and expression_key(test.args[0]) == key
    if isinstance(test, ast.NamedExpr):
        return expression_key(test.target) == key or _tests_truthy(test.value, key)
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_tests_truthy(value, key) for value in test.values)
    return False


def _tests_falsy(test: ast.AST, key: str) -> bool:
    """Whether ``test`` being false implies the subject is truthy / not None."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _tests_truthy(test.operand, key)
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and expression_key(test.left) == key:
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, (ast.Is, ast.Eq)) and isinstance(right, ast.Constant) and right.value in (None, ""):
            return True
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        return any(_tests_falsy(value, key) for value in test.values)
    return False


def _exits(body: list) -> bool:  # type: ignore[type-arg]
    return bool(body) and isinstance(body[-1], (ast.Continue, ast.Break, ast.Return, ast.Raise))


def _statement_lists(node: ast.AST) -> Iterator[list]:  # type: ignore[type-arg]
    for field in ("body", "orelse", "finalbody"):
        value = getattr(node, field, None)
        if isinstance(value, list):
            yield value
    for handler in getattr(node, "handlers", ()):
        yield handler.body


def is_guarded(model: SemanticModel, use: ast.AST, subject: ast.AST) -> bool:
    """Whether ``use`` can only run when ``subject`` is not ``None`` (or when the code checked it).

    Recognised: ``if subject:``/``is not None``/``isinstance``/``and`` chains around the use; the
    ``else`` of a negative test; conditional expressions; comprehension filters; and an earlier
    ``if ...: continue/break/return/raise`` in the same block whose test mentions the subject or its
    root name (lenient on purpose: a false alarm costs more than a miss).
    """
    key = expression_key(subject)
    root = root_name(subject)
    node = use
    parent = model.parent(node)
    while parent is not None and not isinstance(
        parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    ):
        if isinstance(parent, (ast.If, ast.While)):
            if node in parent.body and (_tests_truthy(parent.test, key) or _mentions(parent.test, key)):
                return True
            if node in parent.orelse and _tests_falsy(parent.test, key):
                return True
        elif isinstance(parent, ast.IfExp):
            if node is parent.body and _tests_truthy(parent.test, key):
                return True
            if node is parent.orelse and _tests_falsy(parent.test, key):
                return True
        elif isinstance(parent, ast.BoolOp) and isinstance(parent.op, ast.And):
            earlier = parent.values[: parent.values.index(node)] if node in parent.values else []
            if any(_tests_truthy(value, key) for value in earlier):
                return True
        elif isinstance(parent, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            conditions = [condition for generator in parent.generators for condition in generator.ifs]
            if any(_tests_truthy(condition, key) or _mentions(condition, key) for condition in conditions):
                return True
        if isinstance(node, ast.stmt) and _guarded_by_earlier_exit(parent, node, key, root):
            return True
        node, parent = parent, model.parent(parent)
    return False


def _guarded_by_earlier_exit(parent: ast.AST, statement: ast.stmt, key: str, root: Optional[str]) -> bool:
    for block in _statement_lists(parent):
        if statement not in block:
            continue
        for earlier in block[: block.index(statement)]:
            if not isinstance(earlier, ast.If) or not _exits(earlier.body):
                continue
            if _tests_falsy(earlier.test, key) or _mentions(earlier.test, key):
                return True
            names = {n.id for n in ast.walk(earlier.test) if isinstance(n, ast.Name)}
            if root is not None and root in names:
                return True
    return False
