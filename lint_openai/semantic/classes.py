"""What a class defined in the file derives from, as far as its bases resolve."""

from __future__ import annotations

import ast
from typing import Callable, Set

from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.values import UserClass, Value

MAX_BASES_DEPTH = 16


def derives_from(model: SemanticModel, node: ast.ClassDef, accept: Callable[[Value], bool]) -> bool:
    """Whether some base of ``node`` (directly, or through classes of this file) is a value ``accept``s.

    Bases that do not resolve (``Generic[T]``, a class from another module) prove nothing either way.
    """
    return _derives(model, node, accept, set(), 0)


def _derives(
    model: SemanticModel,
    node: ast.ClassDef,
    accept: Callable[[Value], bool],
    seen: Set[ast.ClassDef],
    depth: int,
) -> bool:
    info = model.classes.get(node)
    if info is None or node in seen or depth > MAX_BASES_DEPTH:
        return False
    seen.add(node)
    for base in node.bases:
        value = model.resolve(base, info.outer)
        if accept(value):
            return True
        if isinstance(value, UserClass) and _derives(model, value.node, accept, seen, depth + 1):
            return True
    return False
