"""v0's module-level Azure setting, ``openai.api_type = "azure"``, on the SDK or on a drop-in re-export of it
(helicone's ``from helicone.openai_proxy import openai``): after it, a v0 call's ``engine=`` is a deployment."""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from lint_openai.semantic.model import SemanticModel, is_azure_api_type
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Module, Str

OPENAI = Module("openai")


def root_name(node: ast.AST) -> Optional[ast.Name]:
    """The name an attribute chain starts from: ``openai`` for ``openai.ChatCompletion.create``."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node if isinstance(node, ast.Name) else None


def configures_azure(model: SemanticModel, root: ast.Name, scope: Scope) -> bool:
    """Whether the file sets ``<root>.api_type`` to Azure: for the ``openai`` module, whether its module
    client is Azure; for another object (a drop-in re-export), an assignment to the same name's ``api_type``."""
    if model.resolve(root, scope) == OPENAI:
        return model.module_client.is_azure
    return any(is_azure_api_type(value) for value in _api_types(model, root))


def proves_azure(model: SemanticModel, root: ast.Name) -> bool:
    """Whether the file sets ``<root>.api_type`` to a string naming Azure (not only to a value it cannot show)."""
    return any(value is not None and is_azure_api_type(value) for value in _api_types(model, root))


def _api_types(model: SemanticModel, root: ast.Name) -> Iterator[Optional[Str]]:
    """The values the file assigns to ``<root>.api_type`` (``None`` for one it cannot show)."""
    for item in model.attribute_assignments:
        target = item.target
        if target.attr == "api_type" and isinstance(target.value, ast.Name) and target.value.id == root.id:
            yield model.string_value(item.value, item.scope)
