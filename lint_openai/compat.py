"""Compatibility code: branches that only run on one SDK version are not migration mistakes.

Code that supports openai<1.0 and >=1.0 side by side keeps v0 calls on purpose, behind a version
check (``openai.__version__``, ``hasattr(openai, "OpenAI")``, ``importlib.metadata.version("openai")``,
a flag computed from those) or an import fallback (``try: ... except ImportError:``). Rules about the
removed v0 surface stay silent inside such regions.
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from .semantic import Scope, SemanticModel
from .values import Module

OPENAI = Module("openai")
VERSION_ATTRIBUTES = frozenset({"__version__", "VERSION", "version", "_version"})
FALLBACK_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "AttributeError"})
_FLAG_NAME = re.compile(r"openai.*(v0|v1|version|legacy|new|old)|(v0|v1|legacy).*openai", re.IGNORECASE)
_STOP = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.Module)


def in_compat_region(model: SemanticModel, node: ast.AST, scope: Scope) -> bool:
    """Whether ``node`` lies in a branch selected by an SDK version check or in an import fallback."""
    child, parent = node, model.parent(node)
    while parent is not None:
        if isinstance(parent, (ast.If, ast.IfExp, ast.While)) and child is not parent.test:
            if is_version_test(model, parent.test, scope):
                return True
        elif isinstance(parent, ast.Try) and child in parent.body:
            if any(_catches_fallback(handler) for handler in parent.handlers):
                return True
        elif isinstance(parent, ast.ExceptHandler) and _catches_fallback(parent):
            return True
        if isinstance(parent, _STOP) and parent in model.scopes:
            # Keep looking outwards (a def inside a guarded branch counts), resolving in the outer scope.
            scope = model.scopes[parent].parent or scope
        child, parent = parent, model.parent(parent)
    return False


def _catches_fallback(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return False
    names = {n.id if isinstance(n, ast.Name) else getattr(n, "attr", "") for n in ast.walk(handler.type)}
    return bool(names & FALLBACK_ERRORS)


def is_version_test(model: SemanticModel, test: ast.AST, scope: Scope, depth: int = 0) -> bool:
    """Whether ``test`` depends on which openai version is installed."""
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and node.attr in VERSION_ATTRIBUTES:
            base = model.resolve(node.value, scope)
            if base == OPENAI or (isinstance(base, Module) and base.name == "openai.version"):
                return True
            if _mentions_openai_distribution(node.value):
                return True
        elif isinstance(node, ast.Call):
            if _is_hasattr_on_openai(model, node, scope) or (
                _callee_name(node).lower().endswith("version") and _mentions_openai_distribution(node)
            ):
                return True
        elif isinstance(node, ast.Name) and depth < 2 and _is_version_flag(model, node, scope, depth):
            return True
    return False


def _callee_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _mentions_openai_distribution(node: ast.AST) -> bool:
    """``version("openai")``, ``get_distribution("openai").version`` and the like."""
    return any(isinstance(n, ast.Constant) and n.value == "openai" for n in ast.walk(node))


def _is_hasattr_on_openai(model: SemanticModel, call: ast.Call, scope: Scope) -> bool:
    if not (isinstance(call.func, ast.Name) and call.func.id in ("hasattr", "getattr") and call.args):
        return False
    return model.resolve(call.args[0], scope) == OPENAI


def _is_version_flag(model: SemanticModel, name: ast.Name, scope: Scope, depth: int) -> bool:
    """A name assigned from a version test (``IS_V1 = hasattr(openai, "OpenAI")``), or named like one."""
    target = model.lookup_scope(name.id, scope)
    if target is None:
        return bool(_FLAG_NAME.search(name.id))
    for binding in target.bindings.get(name.id, ()):
        value: Optional[ast.AST] = binding.expr if binding.kind in ("value", "annotated") else None
        if value is not None and is_version_test(model, value, binding.scope, depth + 1):
            return True
        if binding.kind in ("from", "import", "opaque") and _FLAG_NAME.search(name.id):
            return True
    return False
