"""Syntax of calls: the callee's name and attribute chain, a keyword's value, the first argument."""

from __future__ import annotations

import ast
from typing import Optional, Tuple


def callee_name(call: ast.Call) -> str:
    """The last name of what a call calls: ``create`` for ``client.chat.completions.create(...)``."""
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def callee_attributes(call: ast.Call) -> Tuple[str, ...]:
    """The attribute names of the callee's chain: ``("client", "beta", "assistants", "create")`` for
    ``self.client.beta.assistants.create(...)`` (calls and subscripts inside the chain end it)."""
    names = []
    func = call.func
    while isinstance(func, ast.Attribute):
        names.append(func.attr)
        func = func.value
    return tuple(reversed(names))


def keyword_value(call: ast.Call, name: str) -> Optional[ast.AST]:
    """The expression passed as keyword ``name`` to ``call``, if any."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def first_argument(call: ast.Call, keyword: str) -> Optional[ast.AST]:
    """The first positional argument of ``call``, or the keyword argument standing for it."""
    if call.args and not isinstance(call.args[0], ast.Starred):
        return call.args[0]
    return keyword_value(call, keyword)


def setattr_target(call: ast.Call) -> Optional[Tuple[ast.expr, str]]:
    """``(object, name)`` of ``setattr(object, "name", value)``, where the name is a string literal."""
    func = call.func
    if isinstance(func, ast.Name) and func.id == "setattr" and len(call.args) >= 2:
        name = call.args[1]
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            return call.args[0], name.value
    return None
