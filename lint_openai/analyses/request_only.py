"""Whether a model literal provably reaches SDK requests alone: then rewriting it changes only what is sent.

The literal's only uses must be the model argument of SDK calls, directly (``create(model="gpt-4")``) or
through constants bound once and read nowhere else (``MODEL = "gpt-4"`` read only as ``model=MODEL``).
A default parameter, a class attribute, an environment default, a dict value, a lookup-table key or a
test assertion is another use: rewriting the literal there can break the code that reads it.
"""

from __future__ import annotations

import ast
from typing import Optional, Set

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
    target = _constant_target(parent, node) if depth < MAX_CONSTANTS else None
    if target is None:
        return False
    owner = model.lookup_scope(target.id, model.scope_of(target))
    if owner is None or owner.kind == "class" or len(owner.bindings.get(target.id, ())) != 1:
        return False
    loads = references.flow.name_loads(target.id, owner)
    return bool(loads) and all(_used_only_as(references, load, arguments, depth + 1) for load in loads)


def _constant_target(statement: Optional[ast.AST], node: ast.AST) -> Optional[ast.Name]:
    """``NAME`` of ``NAME = node`` or ``NAME: T = node``, one plain name as the only target."""
    if isinstance(statement, ast.Assign):
        targets = statement.targets
        if len(targets) == 1 and isinstance(targets[0], ast.Name) and statement.value is node:
            return targets[0]
    elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target if statement.value is node else None
    return None
