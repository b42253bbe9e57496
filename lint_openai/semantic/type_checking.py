"""Code only type checkers read: the body of ``if TYPE_CHECKING:`` (and the ``else`` of ``if not TYPE_CHECKING:``).

The test is the name, as mypy and pyright read it: ``TYPE_CHECKING`` or ``<module>.TYPE_CHECKING``, whatever it
was imported from. At run time the constant is false and the block never runs.
"""

from __future__ import annotations

import ast

from lint_openai.semantic.model import SemanticModel

CONSTANT = "TYPE_CHECKING"
UNRESOLVED = "type checkers report it as unresolved; this import never runs"


def import_failure(model: SemanticModel, path: str, node: ast.AST, failure: str) -> str:
    """What an import of a missing module or name leads to: ``failure`` (the run-time error) where it runs;
    :data:`UNRESOLVED` in a ``.pyi`` stub or under ``if TYPE_CHECKING:``, where only a type checker reads it."""
    if path.endswith(".pyi") or type_checking_only(model, node):
        return UNRESOLVED
    return failure


def type_checking_only(model: SemanticModel, node: ast.AST) -> bool:
    """Whether ``node`` sits in a block that only runs when ``TYPE_CHECKING`` is true (never at run time)."""
    child, parent = node, model.parent(node)
    while parent is not None:
        if isinstance(parent, ast.If):
            test = parent.test
            if _names_constant(test) and any(child is statement for statement in parent.body):
                return True
            negated = (
                isinstance(test, ast.UnaryOp)
                and isinstance(test.op, ast.Not)
                and _names_constant(test.operand)
            )
            if negated and any(child is statement for statement in parent.orelse):
                return True
        child, parent = parent, model.parent(parent)
    return False


def _names_constant(test: ast.AST) -> bool:
    return (isinstance(test, ast.Name) and test.id == CONSTANT) or (
        isinstance(test, ast.Attribute) and test.attr == CONSTANT
    )
