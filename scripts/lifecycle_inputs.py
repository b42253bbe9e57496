"""Inputs of ``gen_api_knowledge.py``: the hand-written sources file and the SDK's resource trees.

``load_sources`` validates ``scripts/data/api_lifecycle_sources.json``; ``Sdk`` holds the sync and async
resource trees of the installed ``openai`` and its ``@deprecated`` markers; ``Used`` tracks hand-written
exceptions so that one which no longer explains anything stops the generator.
"""

from __future__ import annotations

import datetime
import importlib
import json
from pathlib import Path
from typing import Any, Optional

import sdk_introspect as sdk

SOURCES = Path(__file__).resolve().parent / "data" / "api_lifecycle_sources.json"
SURFACE_KEYS = frozenset(
    {
        "id",
        "name",
        "sdk_paths",
        "headers",
        "announced",
        "shutdown",
        "replacement",
        "replacement_sdk_paths",
        "replacement_surface",
        "migration_guide",
        "source",
        "notes",
    }
)
Path_ = tuple[str, ...]


class KnowledgeError(SystemExit):
    """The inputs disagree or are incomplete; the message says what to fix."""


def path_of(dotted: str) -> Path_:
    return tuple(dotted.split("."))


def under(path: Path_, prefix: Path_) -> bool:
    return path[: len(prefix)] == prefix


def _date(value: Optional[str], what: str) -> Optional[str]:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise KnowledgeError(f"api_lifecycle_sources.json: {what}: {value!r} is not YYYY-MM-DD") from None


class Used:
    """Hand-written exceptions that must each explain something, or be removed."""

    def __init__(self, name: str, entries: list[dict[str, Any]]) -> None:
        self.name, self.entries, self.hits = name, entries, [False] * len(entries)

    def find(self, text: str = "", **keys: str) -> Optional[dict[str, Any]]:
        """The first entry whose keys equal ``keys`` and whose ``contains`` (if any) is in ``text``."""
        for index, entry in enumerate(self.entries):
            if entry.get("contains", "") in text and all(entry.get(k) == v for k, v in keys.items()):
                self.hits[index] = True
                return entry
        return None

    def check(self) -> None:
        unused = [e for e, hit in zip(self.entries, self.hits) if not hit]
        if unused:
            raise KnowledgeError(f"api_lifecycle_sources.json: {self.name} entries explain nothing: {unused}")


def load_sources() -> dict[str, Any]:
    """The hand-written input, validated."""
    data = json.loads(SOURCES.read_text(encoding="utf-8"))
    seen = set()
    for surface in data["surfaces"]:
        what = surface.get("id")
        if set(surface) != SURFACE_KEYS or what in seen or not surface["source"]:
            raise KnowledgeError(
                f"api_lifecycle_sources.json: surface {what!r}: needs exactly {sorted(SURFACE_KEYS)}"
            )
        seen.add(what)
        announced = _date(surface["announced"], what)
        shutdown = _date(surface["shutdown"], what)
        if announced and shutdown and announced > shutdown:
            raise KnowledgeError(f"api_lifecycle_sources.json: {what}: announced after its shutdown")
        if not surface["sdk_paths"] and not surface["headers"]:
            raise KnowledgeError(f"api_lifecycle_sources.json: {what}: needs SDK paths or headers")
    ids = {surface["id"] for surface in data["surfaces"]}
    for surface in data["surfaces"]:
        target = surface["replacement_surface"]
        if target is not None and (target not in ids or target == surface["id"]):
            raise KnowledgeError(
                f"api_lifecycle_sources.json: {surface['id']}: replacement_surface {target!r} is not another surface"
            )
    return data


class Sdk:
    """The installed SDK as the generator sees it: both resource trees, markers and their owners."""

    def __init__(self) -> None:
        openai = importlib.import_module("openai")
        self.version: str = openai.__version__
        self.tree = sdk.walk_tree(openai.OpenAI(api_key="sk-introspection"))
        self.async_tree = sdk.walk_tree(openai.AsyncOpenAI(api_key="sk-introspection"))
        if set(self.tree) != set(self.async_tree):
            raise KnowledgeError("OpenAI and AsyncOpenAI resource trees differ; teach the generator")
        self.markers = sdk.deprecation_markers()
        self.by_source: dict[tuple[str, str], list[Path_]] = {}
        for tree in (self.tree, self.async_tree):
            for path, method in tree.items():
                self.by_source.setdefault(method.source, []).append(path)
        for path, method in self.tree.items():
            if sdk.deprecation_of(method.function) != sdk.deprecation_of(self.async_tree[path].function):
                raise KnowledgeError(f"{method.dotted}: sync and async deprecation markers differ")

    def implementation_marker(self, path: Path_) -> Optional[sdk.Marker]:
        source = self.tree[path].source
        return next((m for m in self.markers if (m.file, m.qualname) == source and not m.overload), None)

    def exists(self, dotted: str) -> bool:
        return any(under(path, path_of(dotted)) for path in self.tree)

    def methods_under(self, prefix: Path_) -> list[Path_]:
        return sorted(path for path in self.tree if under(path, prefix))
