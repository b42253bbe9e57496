"""Shared by the API-knowledge tests: the generator script, an independent walk of the installed SDK's
runtime ``__deprecated__`` markers, and a client whose HTTP transport is mocked."""

from __future__ import annotations

import functools
import importlib.util
import inspect
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Tuple

import httpx2
import openai

ROOT = Path(__file__).resolve().parent.parent
WRAPPERS = ("with_raw_response", "with_streaming_response")
Path_ = Tuple[str, ...]


@functools.cache
def generator() -> Any:
    """``scripts/gen_api_knowledge.py`` as a module (it puts ``scripts/`` on ``sys.path`` itself)."""
    spec = importlib.util.spec_from_file_location(
        "gen_api_knowledge", ROOT / "scripts" / "gen_api_knowledge.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["gen_api_knowledge"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@functools.cache
def sdk_view() -> Any:
    """The generator's view of the installed SDK (resource trees and markers), built once per session."""
    return generator().Sdk()


def runtime_deprecations(client: Any) -> Dict[Path_, str]:
    """Every callable reachable from ``client`` through resources and wrappers that carries a
    ``__deprecated__`` message, by attribute path (wrappers included, wherever they occur)."""
    found: Dict[Path_, str] = {}

    def visit(instance: Any, path: Path_) -> None:
        for name in sorted(set(dir(instance)) | set(vars(instance))):
            if name.startswith("_"):
                continue
            static = inspect.getattr_static(instance, name)
            if isinstance(static, functools.cached_property) or name in WRAPPERS:
                if len(path) < 8:
                    visit(getattr(instance, name), (*path, name))
            elif callable(static):
                message = getattr(getattr(instance, name), "__deprecated__", None)
                if isinstance(message, str):
                    found[(*path, name)] = message

    visit(client, ())
    return found


def mocked_client(handler: Callable[[httpx2.Request], httpx2.Response], async_: bool = False) -> Any:
    """A real SDK client whose requests ``handler`` answers (no network)."""
    if async_:
        transport = httpx2.MockTransport(handler)
        return openai.AsyncOpenAI(
            api_key="sk-test", max_retries=0, http_client=httpx2.AsyncClient(transport=transport)
        )
    return openai.OpenAI(
        api_key="sk-test", max_retries=0, http_client=httpx2.Client(transport=httpx2.MockTransport(handler))
    )


def answer_json(request: httpx2.Request) -> httpx2.Response:
    """A 200 answer with a small JSON object, for calls whose result is not inspected."""
    return httpx2.Response(200, json={"id": "x", "object": "thing", "text": "ok"}, request=request)


def answer_bytes(request: httpx2.Request) -> httpx2.Response:
    return httpx2.Response(
        200, content=b"\x00binary", headers={"content-type": "audio/mpeg"}, request=request
    )
