"""Handled exceptions: which classes an ``except`` clause names, and which clauses guard a node."""

from __future__ import annotations

import ast
from typing import AbstractSet, FrozenSet, Iterator, List

from lint_openai.semantic.model import SemanticModel

_DEFERRED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_TRY = tuple(kind for kind in (ast.Try, getattr(ast, "TryStar", None)) if isinstance(kind, type))


def caught_expressions(handler: ast.ExceptHandler) -> List[ast.expr]:
    """The class expressions an ``except`` clause names (``except (A, b.C):`` -> ``A``, ``b.C``)."""
    caught = handler.type
    if caught is None:
        return []
    return list(caught.elts) if isinstance(caught, ast.Tuple) else [caught]


def caught_names(handler: ast.ExceptHandler) -> FrozenSet[str]:
    """The last name of each class an ``except`` clause catches (``openai.RateLimitError`` ->
    ``RateLimitError``); a bare ``except:`` catches ``BaseException``."""
    if handler.type is None:
        return frozenset({"BaseException"})
    names = set()
    for expression in caught_expressions(handler):
        if isinstance(expression, ast.Name):
            names.add(expression.id)
        elif isinstance(expression, ast.Attribute):
            names.add(expression.attr)
    return frozenset(names)


def guarding_handlers(model: SemanticModel, node: ast.AST) -> Iterator[ast.ExceptHandler]:
    """The ``except`` clauses of every ``try`` whose body runs ``node``, innermost first (up to the
    enclosing function: a ``try`` around a ``def`` does not guard the body's later calls)."""
    child, parent = node, model.parent(node)
    while parent is not None and not isinstance(parent, _DEFERRED):
        if isinstance(parent, _TRY) and any(statement is child for statement in getattr(parent, "body", ())):
            yield from getattr(parent, "handlers", ())
        child, parent = parent, model.parent(parent)


def enclosing_handlers(model: SemanticModel, node: ast.AST) -> Iterator[ast.ExceptHandler]:
    """The ``except`` clauses whose body runs ``node``, innermost first (up to the enclosing function)."""
    parent = model.parent(node)
    while parent is not None and not isinstance(parent, _DEFERRED):
        if isinstance(parent, ast.ExceptHandler):
            yield parent
        parent = model.parent(parent)


def is_handled(model: SemanticModel, node: ast.AST, names: AbstractSet[str]) -> bool:
    """Whether an ``except`` clause around ``node`` names one of ``names``: the classes that catch the
    exception in question (its class and its bases: ``{"IndexError", "LookupError", "Exception", ...}``)."""
    return any(caught_names(handler) & names for handler in guarding_handlers(model, node))
