"""Where a node sits: the attribute read on it, the call that calls it, the value assigned to it, the SDK
method a call invokes, the dict literal a name holds (answered from the parent links and bindings the binder
recorded)."""

from __future__ import annotations

import ast
from typing import Optional

from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Method

SDK_METHODS = (Method,)  # the callees :func:`called_method` proves (a rule's ``callees``)


def called_method(model: SemanticModel, call: ast.Call, scope: Scope) -> Optional[Method]:
    """The SDK method ``call`` invokes, if proven."""
    value = model.resolve(call.func, scope)
    return value if isinstance(value, Method) else None


def parent_attribute(model: SemanticModel, node: ast.AST) -> Optional[ast.Attribute]:
    """``node.<attr>`` if ``node`` is the object of an enclosing attribute access."""
    parent = model.parent(node)
    if isinstance(parent, ast.Attribute) and parent.value is node:
        return parent
    return None


def enclosing_call(model: SemanticModel, func: ast.AST) -> Optional[ast.Call]:
    """The call whose callee is ``func``, if ``func`` is called."""
    parent = model.parent(func)
    if isinstance(parent, ast.Call) and parent.func is func:
        return parent
    return None


def assigned_value(model: SemanticModel, target: ast.AST) -> Optional[ast.AST]:
    """The value assigned to ``target`` by a plain ``target = value`` statement."""
    parent = model.parent(target)
    if isinstance(parent, ast.Assign) and target in parent.targets:
        return parent.value
    if isinstance(parent, ast.AnnAssign) and parent.target is target:
        return parent.value
    return None


def bound_value(model: SemanticModel, expr: ast.AST, scope: Scope) -> ast.AST:
    """The expression a name stands for when the one binding that reaches this read is a plain
    assignment; else ``expr``."""
    return model.bound_value(expr, scope)


def dict_literal(model: SemanticModel, expr: ast.AST, scope: Scope) -> Optional[ast.Dict]:
    """The dict literal ``expr`` is, directly or through a name whose one reaching binding is one."""
    return model.dict_literal(expr, scope)
