"""Reading the JSON data files shipped in ``lint_openai/knowledge/data/``."""

from __future__ import annotations

import difflib
import json
from importlib import resources
from typing import Any, Iterable


def load_json(name: str) -> Any:
    """Load a JSON data file shipped in this package."""
    with (
        resources.files("lint_openai.knowledge")
        .joinpath("data")
        .joinpath(name)
        .open("r", encoding="utf-8") as handle
    ):
        return json.load(handle)


def close_matches(name: str, candidates: Iterable[str], cutoff: float = 0.75) -> list[str]:
    """Names similar to ``name`` (typo suggestions), best first."""
    return difflib.get_close_matches(name, list(candidates), n=3, cutoff=cutoff)
