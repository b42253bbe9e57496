"""Chat parameters reasoning models reject (``data/request_params.json``, hand-written with sources)."""

from __future__ import annotations

import functools
from typing import Any, Mapping, Optional

from lint_openai.knowledge.loading import load_json


class RequestParams:
    """Chat parameters reasoning models reject (``request_params.json``), per model group."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.groups: Mapping[str, Mapping[str, Any]] = data["groups"]
        self.parameters: Mapping[str, Mapping[str, Any]] = data["parameters"]
        self.assistant_content_optional_with = tuple(data["assistant_content_optional_with"])

    def in_group(self, group: str, model_id: str, reasoning: Optional[bool]) -> bool:
        """Whether ``model_id`` (whose reasoning flag is ``reasoning``) belongs to ``group``."""
        spec = self.groups[group]
        if spec.get("from_model_data"):
            return reasoning is True
        if model_id in spec.get("ids", ()):
            return True
        return reasoning is True and any(
            model_id == prefix or model_id.startswith(prefix + "-") for prefix in spec.get("prefixes", ())
        )

    def rejected(
        self, parameter: str, model_id: str, reasoning: Optional[bool]
    ) -> Optional[Mapping[str, Any]]:
        """The table entry if ``parameter`` is rejected for ``model_id``, else ``None``."""
        entry = self.parameters.get(parameter)
        if entry is None or not any(self.in_group(g, model_id, reasoning) for g in entry["groups"]):
            return None
        return entry


@functools.cache
def request_params() -> RequestParams:
    """The reasoning-model parameter table."""
    return RequestParams(load_json("request_params.json"))
