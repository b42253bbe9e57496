"""Attributes the file assigns on SDK clients and resources (``client.my_cache = ...``)."""

from __future__ import annotations

import functools
from typing import FrozenSet

from lint_openai.analyses.base import Analysis
from lint_openai.semantic.values import Client, Resource


class ClientAttributes(Analysis):
    """Names assigned as attributes of a proven client or resource: code may add its own attributes."""

    @functools.cached_property
    def assigned(self) -> FrozenSet[str]:
        model = self.ctx.model
        return frozenset(
            item.target.attr
            for item in model.attribute_assignments
            if isinstance(model.resolve(item.target.value, item.scope), (Client, Resource))
        )
