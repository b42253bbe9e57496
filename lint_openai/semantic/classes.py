"""What a class defined in the file derives from, as far as its bases resolve."""

from __future__ import annotations

import ast
from typing import Callable, Set

from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.values import LibraryName, UserClass, Value

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


# Class decorators known to return the class they are given (``@dataclass(frozen=True)`` too).
CLASS_KEEPING_DECORATORS = frozenset(
    {
        "dataclasses.dataclass",
        "functools.total_ordering",
        "typing.final",
        "typing.runtime_checkable",
        "pydantic.with_config",
        "pydantic.config.with_config",
    }
)


def is_still_a_class(model: SemanticModel, node: ast.ClassDef) -> bool:
    """Whether the name ``class X`` binds is proven to be that class: every decorator is one known to
    return the class (``@dataclass``); ``@to_json_schema class X`` binds whatever the decorator returns."""
    info = model.classes.get(node)
    if info is None:
        return not node.decorator_list
    for decorator in node.decorator_list:
        callee = decorator.func if isinstance(decorator, ast.Call) else decorator
        value = model.resolve(callee, info.outer)
        if not (isinstance(value, LibraryName) and value.name in CLASS_KEEPING_DECORATORS):
            return False
    return True
