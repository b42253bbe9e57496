"""Whether a model literal provably reaches SDK requests alone: then rewriting it changes only what is sent.

The literal's only uses must be the model argument of SDK calls, directly (``create(model="gpt-4")``) or
through constants bound once and read nowhere else (``MODEL = "gpt-4"`` read only as ``model=MODEL``).
A default parameter, a class attribute, an environment default, a dict value, a lookup-table key or a
test assertion is another use: rewriting the literal there can break the code that reads it.
"""

from __future__ import annotations

import ast
from typing import Set

from lint_openai.analyses.model_references import ModelLiteral, ModelReferences

MAX_CONSTANTS = 6  # constants chained one into the next; deeper is not followed


def reaches_requests_only(references: ModelReferences, entry: ModelLiteral) -> bool:
    """Every use of ``entry.literal`` is the model argument of one of the SDK calls it flows into."""
    arguments = {id(argument) for _, _, argument in entry.calls}
    return bool(arguments) and _used_only_as(references, entry.literal, arguments, 0)


def _used_only_as(references: ModelReferences, node: ast.AST, arguments: Set[int], depth: int) -> bool:
    model = references.ctx.model
    parent = model.parent(node)
    if id(node) in arguments or (isinstance(parent, ast.keyword) and id(parent) in arguments):
        return True
    if depth >= MAX_CONSTANTS or not _is_constant_value(parent, node):
        return False
    target = parent.targets[0] if isinstance(parent, ast.Assign) else parent.target  # type: ignore[union-attr]
    scope = references.flow.scope_of(parent)  # type: ignore[arg-type]
    owner = model.lookup_scope(target.id, scope)  # type: ignore[union-attr]
    if owner is None or owner.kind == "class" or len(owner.bindings.get(target.id, ())) != 1:  # type: ignore[union-attr]
        return False
    loads = references.flow.name_loads(target.id, owner)  # type: ignore[union-attr]
    return bool(loads) and all(_used_only_as(references, load, arguments, depth + 1) for load in loads)


def _is_constant_value(statement: object, node: ast.AST) -> bool:
    """``NAME = node`` or ``NAME: T = node``, one plain name as the only target."""
    if isinstance(statement, ast.Assign):
        return (
            len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and statement.value is node
        )
    return (
        isinstance(statement, ast.AnnAssign)
        and isinstance(statement.target, ast.Name)
        and statement.value is node
    )
