"""Whether a use of a value is guarded against ``None`` or emptiness (``if x:``, ``x or ""``, early exits), and
whether a read of an attribute is guarded by a test that it exists (``if hasattr(x, "name"):``)."""

from __future__ import annotations

import ast
from typing import Iterator, List, Optional

from lint_openai.semantic.exceptions import caught_names, guarding_handlers
from lint_openai.semantic.model import SemanticModel


# ---------------------------------------------------------------------------------------------- guards
def expression_key(node: ast.AST) -> str:
    """A position-independent identity for an expression (``ast.dump`` without attributes)."""
    return ast.dump(node, annotate_fields=False, include_attributes=False)


def root_name(node: ast.AST) -> Optional[str]:
    """``chunk`` for ``chunk.choices[0].delta.content``."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _mentions(test: ast.AST, key: str) -> bool:
    return any(expression_key(sub) == key for sub in ast.walk(test))


def _tests_truthy(test: ast.AST, key: str) -> bool:
    """Whether ``test`` being true implies the subject is truthy / not None."""
    if expression_key(test) == key:
        return True
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and expression_key(test.left) == key:
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, (ast.IsNot, ast.NotEq)) and isinstance(right, ast.Constant) and right.value is None:
            return True
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id in ("isinstance", "len", "bool")
    ):
        return bool(test.args) and expression_key(test.args[0]) == key
    if isinstance(test, ast.NamedExpr):
        return expression_key(test.target) == key or _tests_truthy(test.value, key)
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_tests_truthy(value, key) for value in test.values)
    return _tests_key_in(test, key)


def _tests_key_in(test: ast.AST, key: str) -> bool:
    """``"content" in delta`` for the subject ``delta.content`` (v0's responses are dicts: the key is set)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.In)):
        return False
    name = test.left.value if isinstance(test.left, ast.Constant) else None
    if not isinstance(name, str):
        return False
    return expression_key(ast.Attribute(test.comparators[0], name, ast.Load())) == key


def _tests_falsy(test: ast.AST, key: str) -> bool:
    """Whether ``test`` being false implies the subject is truthy / not None."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _tests_truthy(test.operand, key)
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and expression_key(test.left) == key:
        op, right = test.ops[0], test.comparators[0]
        if isinstance(op, (ast.Is, ast.Eq)) and isinstance(right, ast.Constant) and right.value in (None, ""):
            return True
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        return any(_tests_falsy(value, key) for value in test.values)
    return False


def _exits(body: List[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], (ast.Continue, ast.Break, ast.Return, ast.Raise))


def _statement_lists(node: ast.AST) -> Iterator[List[ast.stmt]]:
    for field in ("body", "orelse", "finalbody"):
        value = getattr(node, field, None)
        if isinstance(value, list):
            yield value
    handlers: List[ast.ExceptHandler] = getattr(node, "handlers", [])
    for handler in handlers:
        yield handler.body


def is_guarded(model: SemanticModel, use: ast.AST, subject: ast.AST) -> bool:
    """Whether ``use`` can only run when ``subject`` is not ``None`` (or when the code checked it).

    Recognised: ``if subject:``/``is not None``/``isinstance``/``"name" in x`` (for ``x.name``)/``and`` chains around the use; the
    ``else`` of a negative test; conditional expressions; comprehension filters; and an earlier
    ``if ...: continue/break/return/raise`` in the same block whose test mentions the subject or its
    root name (lenient on purpose: a false alarm costs more than a miss).
    """
    key = expression_key(subject)
    root = root_name(subject)
    node = use
    parent = model.parent(node)
    while parent is not None and not isinstance(
        parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    ):
        if isinstance(parent, (ast.If, ast.While)):
            if node in parent.body and (_tests_truthy(parent.test, key) or _mentions(parent.test, key)):
                return True
            if node in parent.orelse and _tests_falsy(parent.test, key):
                return True
        elif isinstance(parent, ast.IfExp):
            if node is parent.body and _tests_truthy(parent.test, key):
                return True
            if node is parent.orelse and _tests_falsy(parent.test, key):
                return True
        elif isinstance(parent, ast.BoolOp) and isinstance(parent.op, ast.And):
            earlier = parent.values[: parent.values.index(node)] if node in parent.values else []
            if any(_tests_truthy(value, key) for value in earlier):
                return True
        elif isinstance(parent, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
            conditions = [condition for generator in parent.generators for condition in generator.ifs]
            if any(_tests_truthy(condition, key) or _mentions(condition, key) for condition in conditions):
                return True
        if isinstance(node, ast.stmt) and _guarded_by_earlier_exit(parent, node, key, root):
            return True
        node, parent = parent, model.parent(parent)
    return False


def _earlier_exits(parent: ast.AST, statement: ast.stmt) -> Iterator[ast.If]:
    """The ``if ...: continue/break/return/raise`` statements before ``statement`` in its block of ``parent``."""
    for block in _statement_lists(parent):
        if statement in block:
            for earlier in block[: block.index(statement)]:
                if isinstance(earlier, ast.If) and _exits(earlier.body):
                    yield earlier
            return


def _guarded_by_earlier_exit(parent: ast.AST, statement: ast.stmt, key: str, root: Optional[str]) -> bool:
    for earlier in _earlier_exits(parent, statement):
        if _tests_falsy(earlier.test, key) or _mentions(earlier.test, key):
            return True
        names = {n.id for n in ast.walk(earlier.test) if isinstance(n, ast.Name)}
        if root is not None and root in names:
            return True
    return False


# ------------------------------------------------------------------------------------- attribute tests
# A handler catching this class alone expects the attribute may be missing (``except Exception``, or
# ``except (AttributeError, IndexError)`` around a request and its parsing, does not say so).
CATCHES_ONLY_MISSING = frozenset({"AttributeError"})


def is_existence_checked(model: SemanticModel, node: ast.Attribute) -> bool:
    """Whether the read ``x.name`` only runs where the code tested that ``x`` has ``name``: inside
    ``if hasattr(x, "name"):`` (or ``while``, a conditional expression, an ``and`` chain, or after
    ``if not hasattr(x, "name"): return``), or in a ``try`` with a handler for ``AttributeError`` alone.
    ``False`` for an expression too deep to compare."""
    try:
        return _tested_first(model, node) or any(
            caught_names(handler) == CATCHES_ONLY_MISSING for handler in guarding_handlers(model, node)
        )
    except RecursionError:
        return False


def _tested_first(model: SemanticModel, node: ast.Attribute) -> bool:
    wanted = (expression_key(node.value), node.attr)
    current: ast.AST = node
    parent = model.parent(node)
    while parent is not None:
        if isinstance(current, ast.stmt) and _after_missing_exit(parent, current, wanted):
            return True
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            return False  # tests outside the function are not known to hold when it runs
        if (
            isinstance(parent, (ast.If, ast.While))
            and current in parent.body
            and _tests_has(parent.test, wanted)
        ):
            return True
        if isinstance(parent, ast.IfExp) and current is parent.body and _tests_has(parent.test, wanted):
            return True
        if (
            isinstance(parent, ast.BoolOp)
            and isinstance(parent.op, ast.And)
            and current in parent.values
            and any(_tests_has(value, wanted) for value in parent.values[: parent.values.index(current)])
        ):
            return True
        current, parent = parent, model.parent(parent)
    return False


def _tests_has(test: ast.AST, wanted: tuple[str, str]) -> bool:
    """``hasattr(x, "name")``, alone or in an ``and`` chain (true only where ``x`` has ``name``)."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_tests_has(value, wanted) for value in test.values)
    return (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "hasattr"
        and len(test.args) == 2
        and isinstance(test.args[1], ast.Constant)
        and test.args[1].value == wanted[1]  # first: the expressions' keys cost more
        and expression_key(test.args[0]) == wanted[0]
    )


def _after_missing_exit(parent: ast.AST, statement: ast.stmt, wanted: tuple[str, str]) -> bool:
    """An earlier ``if not hasattr(x, "name"): return`` (or ``raise``...) in the same block."""
    return any(
        isinstance(earlier.test, ast.UnaryOp)
        and isinstance(earlier.test.op, ast.Not)
        and _tests_has(earlier.test.operand, wanted)
        for earlier in _earlier_exits(parent, statement)
    )
