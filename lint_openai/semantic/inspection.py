"""Calls that only look at the function they are given (its signature, docs, type), never call it."""

from __future__ import annotations

import ast

from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import LibraryName

# Builtins that read an object and return a fact about it (``help`` prints its documentation).
INSPECTING_BUILTINS = frozenset(
    {
        "bool", "callable", "dir", "format", "getattr", "hasattr", "hash", "help", "id", "isinstance",
        "issubclass", "print", "repr", "str", "type", "vars",
    }
)  # fmt: skip
# Library functions that read a function's metadata: every public function of ``inspect`` and ``pydoc``,
# and these. ``functools.wraps(f)`` copies ``f``'s name and docs onto the wrapper; it never calls ``f``.
INSPECTING_MODULES = ("inspect.", "pydoc.")
INSPECTING_FUNCTIONS = frozenset(
    {"functools.wraps", "functools.update_wrapper", "typing.get_type_hints", "asyncio.iscoroutinefunction"}
)


def only_inspects(model: SemanticModel, call: ast.Call, scope: Scope) -> bool:
    """Whether ``call`` is a builtin or library function proven to inspect its arguments without calling
    them (``inspect.signature(f)``, ``help(f)``, ``functools.wraps(f)``); a function not known, such as a
    retry helper or ``asyncio.to_thread``, may call what it is given."""
    func = call.func
    if isinstance(func, ast.Name) and model.lookup_scope(func.id, scope) is None:
        return func.id in INSPECTING_BUILTINS
    callee = model.resolve(func, scope)
    if type(callee) is not LibraryName:
        return False
    return callee.name in INSPECTING_FUNCTIONS or callee.name.startswith(INSPECTING_MODULES)
