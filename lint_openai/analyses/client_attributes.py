"""Attributes the file sets on SDK clients and resources (``client.my_cache = ...``) and on the ``openai``
module (``openai.my_key = ...``, ``setattr(openai, "my_key", None)``, as langfuse's drop-in does)."""

from __future__ import annotations

import ast
import functools
from typing import FrozenSet, Iterator, Tuple

from lint_openai.analyses.base import Analysis
from lint_openai.semantic.calls import setattr_target
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import OPENAI, Client, Resource


class ClientAttributes(Analysis):
    """Names set as attributes of a proven client or resource, or of the ``openai`` module: code may add its
    own attributes, which then exist when read."""

    collects = (ast.Call,)  # ``setattr(...)`` calls, read from ``ctx.walked``

    @functools.cached_property
    def assigned(self) -> FrozenSet[str]:
        """Names set on a client or resource."""
        model = self.ctx.model
        return frozenset(
            name
            for name, owner, scope in self._targets()
            if isinstance(model.resolve(owner, scope), (Client, Resource))
        )

    @functools.cached_property
    def module_assigned(self) -> FrozenSet[str]:
        """Names set on the ``openai`` module."""
        model = self.ctx.model
        return frozenset(
            name for name, owner, scope in self._targets() if model.resolve(owner, scope) == OPENAI
        )

    def _targets(self) -> Iterator[Tuple[str, ast.AST, Scope]]:
        """``(name, owner expression, scope)`` of every ``owner.name = ...`` and ``setattr(owner, "name", ...)``."""
        for item in self.ctx.model.attribute_assignments:
            yield item.target.attr, item.target.value, item.scope
        for node, scope in self.ctx.walked:
            target = setattr_target(node) if isinstance(node, ast.Call) else None
            if target is not None:
                yield target[1], target[0], scope
