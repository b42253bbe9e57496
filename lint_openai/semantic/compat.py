"""Compatibility code: branches that only run on one SDK version are not migration mistakes.

Code that supports openai<1.0 and >=1.0 side by side keeps v0 calls on purpose, behind a version
check (``openai.__version__``, ``hasattr(openai, "OpenAI")``, ``importlib.metadata.version("openai")``,
the version imported under any name (``from openai import __version__ as v``), a flag computed from
those, a call of a function of the file that returns one, or a flag set by a version probe: ``try: import openai.error; ERROR = None
except ImportError: ERROR = ...``) or an import fallback (``try: ... except ImportError:``). A region is
guarded by an ``if``/``while``/conditional expression on such a test, by an earlier operand of
``and``/``or``, or by an earlier ``if <test>: raise/return`` in the same block. Rules about the
removed v0 surface stay silent inside such regions.

A ``try`` is a fallback only if a handler that catches the import error does something other than
raise: ``except ImportError: raise ValueError("install openai")`` leaves the ``try`` body as the only
path. ``except Exception:`` (or a bare ``except:``) counts when the ``try`` body contains an import
that fails on openai>=1.0 (``import openai.error``): that import is the version probe; and it counts for
the imports in its body, which it keeps from stopping the module. ``with contextlib.suppress(ImportError):``
is such a fallback (its body is skipped), and ``suppress(Exception)`` for the imports in its body.
"""

from __future__ import annotations

import ast
import re
import weakref
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from lint_openai import knowledge
from lint_openai.semantic.calls import callee_name
from lint_openai.semantic.exceptions import caught_names
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.scopes import ImportedName, Scope
from lint_openai.semantic.values import OPENAI, LibraryName, Module

VERSION_ATTRIBUTES = frozenset({"__version__", "VERSION", "version", "_version"})
FALLBACK_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "AttributeError"})
BROAD_ERRORS = frozenset({"Exception", "BaseException"})
_EXITS = (ast.Raise, ast.Return)
_FLAG_NAME = re.compile(r"openai.*(v0|v1|version|legacy|new|old)|(v0|v1|legacy).*openai", re.IGNORECASE)
_STOP = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.Module)


def in_compat_region(model: SemanticModel, node: ast.AST, scope: Scope) -> bool:
    """Whether ``node`` lies in a branch selected by an SDK version check or in an import fallback."""
    blocks = _blocks(model)
    child, parent = node, model.parent(node)
    while parent is not None:
        if isinstance(parent, (ast.If, ast.IfExp, ast.While)) and child is not parent.test:
            if is_version_test(model, parent.test, scope):
                return True
        elif isinstance(parent, ast.BoolOp) and child is not parent.values[0]:
            # ``not LEGACY and openai.Completion``: evaluated only on one side of a version test.
            position = next(i for i, value in enumerate(parent.values) if value is child)
            if any(is_version_test(model, value, scope) for value in parent.values[:position]):
                return True
        elif isinstance(parent, ast.Try) and blocks.position(parent.body, child) is not None:
            if is_fallback_try(parent) or (_is_import(child) and _broad_fallback(parent)):
                return True
        elif (
            isinstance(parent, (ast.With, ast.AsyncWith)) and blocks.position(parent.body, child) is not None
        ):
            suppressed = _suppressed_names(model, parent, scope)
            if suppressed & FALLBACK_ERRORS or (_is_import(child) and suppressed & BROAD_ERRORS):
                return True
        elif isinstance(parent, ast.ExceptHandler) and _catches_fallback(parent, model.parent(parent)):
            return True
        if _after_version_guard(model, blocks, parent, child, scope):
            return True
        if isinstance(parent, _STOP) and parent in model.scopes:
            # Keep looking outwards (a def inside a guarded branch counts), resolving in the outer scope.
            scope = model.scopes[parent].parent or scope
        child, parent = parent, model.parent(parent)
    return False


def _catches_fallback(handler: ast.ExceptHandler, statement: Optional[ast.AST]) -> bool:
    """Whether ``handler`` catches the error a missing or changed SDK name raises."""
    names = caught_names(handler)
    if names & FALLBACK_ERRORS:
        return True
    return bool(names & BROAD_ERRORS) and isinstance(statement, ast.Try) and is_version_probe(statement)


def _is_import(statement: ast.AST) -> bool:
    return isinstance(statement, (ast.Import, ast.ImportFrom))


def _broad_fallback(statement: ast.Try) -> bool:
    """``except Exception:`` (or bare) with another path: an import in the body cannot stop the module."""
    return any(
        caught_names(handler) & BROAD_ERRORS and not _only_raises(handler.body)
        for handler in statement.handlers
    )


def _suppressed_names(model: SemanticModel, statement: ast.AST, scope: Scope) -> FrozenSet[str]:
    """The errors a ``with contextlib.suppress(ImportError, ...):`` statement swallows (last names)."""
    names: Set[str] = set()
    for item in getattr(statement, "items", ()):
        call = item.context_expr
        if isinstance(call, ast.Call) and model.resolve(call.func, scope) == LibraryName(
            "contextlib.suppress"
        ):
            names.update(
                arg.attr if isinstance(arg, ast.Attribute) else getattr(arg, "id", "") for arg in call.args
            )
    return frozenset(names)


def is_fallback_try(statement: ast.Try) -> bool:
    """Whether the ``try`` body is one of two paths: a handler catches the import error and goes on."""
    return any(
        _catches_fallback(handler, statement) and not _only_raises(handler.body)
        for handler in statement.handlers
    )


def _only_raises(body: List[ast.stmt]) -> bool:
    """``raise ...`` (after any logging calls): the handler offers no other path."""
    return (
        bool(body)
        and isinstance(body[-1], ast.Raise)
        and all(isinstance(statement, ast.Expr) for statement in body[:-1])
    )


def is_version_probe(statement: ast.Try) -> bool:
    """A ``try`` whose body fails on openai>=1.0 by construction: an import of a removed module or name,
    or an ``assert`` on the installed version."""
    for item in statement.body:
        if isinstance(item, (ast.Import, ast.ImportFrom)) and import_fails_on_v1(item):
            return True
        if isinstance(item, ast.Assert) and _mentions_version(item.test):
            return True
    return False


def import_fails_on_v1(statement: ast.AST) -> bool:
    """``import openai.error``, ``from openai.embeddings_utils import x``, ``from openai import InvalidRequestError``."""
    sdk = knowledge.sdk()
    if isinstance(statement, ast.Import):
        modules = [alias.name for alias in statement.names]
    elif isinstance(statement, ast.ImportFrom) and not statement.level and statement.module:
        modules = [statement.module]
        if statement.module == "openai":
            return any(
                alias.name != "*" and not alias.name.startswith("_") and not sdk.module_has(alias.name)
                for alias in statement.names
            )
    else:
        return False
    for module in modules:
        parts = module.split(".")
        if parts[0] == "openai" and len(parts) > 1 and parts[1] not in sdk.submodules:
            return True
    return False


def _mentions_version(test: ast.AST) -> bool:
    """``openai.__version__ < "1"`` and the like, read syntactically (used inside probes only)."""
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and node.attr in VERSION_ATTRIBUTES:
            base = node.value
            if isinstance(base, ast.Name) and base.id == "openai":
                return True
        if isinstance(node, ast.Constant) and node.value == "openai":
            return True
    return False


def _after_version_guard(
    model: SemanticModel, blocks: _Blocks, parent: ast.AST, child: ast.AST, scope: Scope
) -> bool:
    """``child`` follows ``if <version test>: raise/return`` in the same statement list."""
    for field in ("body", "orelse", "finalbody"):
        statements = getattr(parent, field, None)
        if not isinstance(statements, list) or not statements:
            continue
        position = blocks.position(statements, child)
        if position is not None:
            return blocks.first_guard(model, statements, scope) < position
    return False


class _Blocks:
    """What the version-guard test asks of each statement list, computed once per list: the position of
    each statement, and of the first ``if <version test>: raise/return`` (so that asking for every finding
    in a block of N statements costs O(N) in all, not O(N) each)."""

    def __init__(self) -> None:
        self._positions: Dict[int, Dict[int, int]] = {}
        self._guards: Dict[Tuple[int, int], int] = {}

    def position(self, statements: List[ast.stmt], node: ast.AST) -> Optional[int]:
        """The index of ``node`` in ``statements`` (``None`` if it is not one of them)."""
        positions = self._positions.get(id(statements))
        if positions is None:
            positions = self._positions[id(statements)] = {id(item): i for i, item in enumerate(statements)}
        return positions.get(id(node))

    def first_guard(self, model: SemanticModel, statements: List[ast.stmt], scope: Scope) -> int:
        """The index of the first exiting version guard in ``statements``, or ``len(statements)``."""
        key = (id(statements), id(scope))
        found = self._guards.get(key)
        if found is None:
            found = self._guards[key] = next(
                (i for i, statement in enumerate(statements) if _is_exiting_guard(model, statement, scope)),
                len(statements),
            )
        return found


def _is_exiting_guard(model: SemanticModel, statement: ast.stmt, scope: Scope) -> bool:
    return (
        isinstance(statement, ast.If)
        and not statement.orelse
        and bool(statement.body)
        and isinstance(statement.body[-1], _EXITS)
        and is_version_test(model, statement.test, scope)
    )


# One ``_Blocks`` per semantic model (that is, per checked file), dropped with it.
_BLOCKS: weakref.WeakKeyDictionary[SemanticModel, _Blocks] = weakref.WeakKeyDictionary()


def _blocks(model: SemanticModel) -> _Blocks:
    blocks = _BLOCKS.get(model)
    if blocks is None:
        blocks = _BLOCKS[model] = _Blocks()
    return blocks


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
                callee_name(node).lower().endswith("version") and _mentions_openai_distribution(node)
            ):
                return True
        elif isinstance(node, ast.Name) and depth < 2 and _is_version_flag(model, node, scope, depth):
            return True
    return False


def _mentions_openai_distribution(node: ast.AST) -> bool:
    """``version("openai")``, ``get_distribution("openai").version`` and the like."""
    return any(isinstance(n, ast.Constant) and n.value == "openai" for n in ast.walk(node))


def _is_hasattr_on_openai(model: SemanticModel, call: ast.Call, scope: Scope) -> bool:
    if not (isinstance(call.func, ast.Name) and call.func.id in ("hasattr", "getattr") and call.args):
        return False
    return model.resolve(call.args[0], scope) == OPENAI


def _is_version_flag(model: SemanticModel, name: ast.Name, scope: Scope, depth: int) -> bool:
    """A name assigned from a version test (``IS_V1 = hasattr(openai, "OpenAI")``), the SDK's version
    imported under any name (``from openai import __version__ as oai_version``, ``from openai.version
    import VERSION``), a function of the file that returns a version test (``def is_v1(): return
    hasattr(openai, "OpenAI")``, a test when called), or an imported name spelled like a flag."""
    target = model.lookup_scope(name.id, scope)
    if target is None:
        return bool(_FLAG_NAME.search(name.id))
    for binding in target.bindings.get(name.id, ()):
        if binding.kind == "from" and _imports_sdk_version(binding.extra):
            return True
        if binding.kind == "def" and _returns_version_test(model, binding.expr, depth):
            return True
        value: Optional[ast.AST] = binding.expr if binding.kind in ("value", "annotated") else None
        if value is not None and is_version_test(model, value, binding.scope, depth + 1):
            return True
        if binding.kind in ("from", "import", "opaque") and _FLAG_NAME.search(name.id):
            return True
        if value is not None and _set_by_version_probe(model, value):
            return True
    return False


def _imports_sdk_version(imported: object) -> bool:
    return (
        isinstance(imported, ImportedName)
        and imported.module in ("openai", "openai.version")
        and imported.name in VERSION_ATTRIBUTES
    )


def _returns_version_test(model: SemanticModel, function: Optional[ast.AST], depth: int) -> bool:
    body = model.scopes.get(function) if function is not None else None
    return body is not None and any(is_version_test(model, value, body, depth + 1) for value in body.returns)


def _set_by_version_probe(model: SemanticModel, value: ast.AST) -> bool:
    """``ERROR = None`` in a version probe's body, or ``ERROR = ImportError(...)`` in its fallback handler."""
    statement = model.parent(value)
    if not isinstance(statement, (ast.Assign, ast.AnnAssign)):
        return False
    holder = model.parent(statement)
    if isinstance(holder, ast.ExceptHandler):
        holder = model.parent(holder)
    return isinstance(holder, ast.Try) and is_version_probe(holder) and is_fallback_try(holder)
