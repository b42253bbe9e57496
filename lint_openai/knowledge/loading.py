"""Reading the JSON data files shipped in ``lint_openai/knowledge/data/``."""

from __future__ import annotations

import gc
import json
import os
from typing import Any, Iterable

DATA_DIRECTORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def load_json(name: str) -> Any:
    """Load a JSON data file shipped in this package (package data: a file beside this module).

    The garbage collector pauses meanwhile: parsing creates many objects and no cycles, and the collections
    their allocation would trigger cost a third of the time of the larger files (``sdk_modules.json``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(os.path.join(DATA_DIRECTORY, name), encoding="utf-8") as handle:
            return json.load(handle)
    finally:
        if enabled:
            gc.enable()


def close_matches(name: str, candidates: Iterable[str], cutoff: float = 0.75) -> list[str]:
    """Names similar to ``name`` (typo suggestions), best first."""
    import difflib  # noqa: PLC0415 - only a typo's suggestions need it

    return difflib.get_close_matches(name, list(candidates), n=3, cutoff=cutoff)
