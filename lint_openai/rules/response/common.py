"""Shared by the OAI6xx rules: which results are response objects, and string subscript keys."""

from __future__ import annotations

NOT_SUBSCRIPTABLE_RETURNS = ("Dict", "dict", "Mapping", "Any", "None")
