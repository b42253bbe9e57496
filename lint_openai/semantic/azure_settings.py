"""v0's module-level Azure setting, ``openai.api_type = "azure"``, on the SDK or on a drop-in re-export of it
(helicone's ``from helicone.openai_proxy import openai``): after it, a v0 call's ``engine=`` is a deployment."""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from lint_openai.semantic.model import SemanticModel, is_azure_api_type
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import UNKNOWN, Str


def root_name(node: ast.AST) -> Optional[ast.Name]:
    """The name an attribute chain starts from: ``openai`` for ``openai.ChatCompletion.create``."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node if isinstance(node, ast.Name) else None


def configures_azure(model: SemanticModel, root: ast.Name, scope: Scope) -> bool:
    """Whether the file sets ``<root>.api_type`` (``root`` read in ``scope``) and every value it gives may be
    Azure's (one it cannot show counts): a proven other value (``"open_ai"`` in another branch) keeps
    ``engine=`` a model id."""
    values = list(_api_types(model, root, scope))
    return bool(values) and all(is_azure_api_type(value) for value in values)


def proves_azure(model: SemanticModel, root: ast.Name, scope: Scope) -> bool:
    """:func:`configures_azure`, with at least one value a string naming Azure (not only values the file
    cannot show)."""
    values = list(_api_types(model, root, scope))
    return any(value is not None for value in values) and all(is_azure_api_type(value) for value in values)


def _api_types(model: SemanticModel, root: ast.Name, scope: Scope) -> Iterator[Optional[Str]]:
    """The values the file assigns to ``api_type`` on what ``root`` holds (``None`` for one it cannot show):
    on the same value (the ``openai`` module, however it is named), or else through the same variable."""
    held = model.resolve(root, scope)
    owner = model.lookup_scope(root.id, scope)
    for item in model.attribute_assignments:
        target = item.target
        if target.attr != "api_type" or not isinstance(target.value, ast.Name):
            continue
        if held is not UNKNOWN:
            same = model.resolve(target.value, item.scope) == held
        else:
            same = target.value.id == root.id and model.lookup_scope(root.id, item.scope) is owner
        if same:
            yield model.string_value(item.value, item.scope)
