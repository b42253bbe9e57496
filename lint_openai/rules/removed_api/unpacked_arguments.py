"""Keys of a ``**kwargs`` dict that a call provably passes: the dict is built in the calling function.

``kwargs = {"model": m, "request_timeout": 5}`` or ``kwargs = dict(model=m)`` plus ``kwargs["key"] = value``
statements before the call, with no other use of the name in the function (no ``pop``, ``del``, ``update``,
no passing it elsewhere, no second binding): then every key seen is passed. Anything else proves nothing.
"""

from __future__ import annotations

import ast
from typing import Iterator, List, Optional

from lint_openai.records import record
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Scope


@record
class PassedKey:
    """A key the call receives through ``**name``: where it is written, and its value."""

    name: str
    mapping: str  # the dict's variable
    node: ast.AST  # the string key (dict literal, subscript) or the ``key=`` keyword of ``dict(...)``
    value: ast.expr


def unpacked_keys(model: SemanticModel, call: ast.Call, scope: Scope) -> Iterator[PassedKey]:
    """The keys ``call`` provably passes through each ``**name`` built in the same function."""
    for keyword in call.keywords:
        if keyword.arg is None and isinstance(keyword.value, ast.Name):
            yield from _keys_of(model, keyword.value, call, scope) or ()


def _keys_of(model: SemanticModel, read: ast.Name, call: ast.Call, scope: Scope) -> Optional[List[PassedKey]]:
    name = read.id
    function = scope.function_scope()
    if function.kind != "function" or model.lookup_scope(name, scope) is not function:
        return None
    bindings = function.bindings.get(name, [])
    if len(bindings) != 1 or bindings[0].kind != "value" or model.reaching(read, scope) != (bindings[0],):
        return None  # a second binding, or none that reaches the call (``del kwargs`` before it)
    keys = _literal_keys(model, name, bindings[0].expr, scope)
    if keys is None:
        return None
    for node in model.references.get(name, ()):  # the reads the binder saw, in this function and below
        if model.lookup_scope(name, model.scope_of(node)) is not function:
            continue
        parent = model.parent(node)
        if isinstance(parent, ast.keyword) and parent.arg is None and model.parent(parent) is call:
            continue
        key = _subscript_assignment(model, node)
        if key is None or not _before(key.node, call):
            return None  # another use: the dict may lose or change keys
        keys.append(key)
    return keys


def _literal_keys(
    model: SemanticModel, name: str, value: Optional[ast.AST], scope: Scope
) -> Optional[List[PassedKey]]:
    if isinstance(value, ast.Dict):
        keys = []
        for key, item in zip(value.keys, value.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                return None  # ``**other`` or a computed key
            keys.append(PassedKey(key.value, name, key, item))
        return keys
    is_dict_call = (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "dict"
        and model.lookup_scope("dict", scope) is None  # the builtin
        and not value.args
    )
    if not is_dict_call or not isinstance(value, ast.Call):
        return None
    keys = []
    for keyword in value.keywords:
        if keyword.arg is None:
            return None  # ``dict(**other)``
        keys.append(PassedKey(keyword.arg, name, keyword, keyword.value))
    return keys


def _subscript_assignment(model: SemanticModel, name: ast.Name) -> Optional[PassedKey]:
    """``name["key"] = value`` (the only target), as a passed key."""
    subscript = model.parent(name)
    statement = model.parent(subscript) if subscript is not None else None
    if not (
        isinstance(subscript, ast.Subscript)
        and isinstance(subscript.ctx, ast.Store)
        and isinstance(subscript.slice, ast.Constant)
        and isinstance(subscript.slice.value, str)
        and isinstance(statement, ast.Assign)
        and statement.targets == [subscript]
    ):
        return None
    return PassedKey(subscript.slice.value, name.id, subscript.slice, statement.value)


def _before(node: ast.AST, call: ast.Call) -> bool:
    return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0)) < (call.lineno, call.col_offset)
