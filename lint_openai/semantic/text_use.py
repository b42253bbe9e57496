"""How a value is used as text: concatenated, joined, written, printed or formatted."""

from __future__ import annotations

import ast
from typing import Optional

from lint_openai.semantic.model import SemanticModel


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
