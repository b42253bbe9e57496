"""Which URL paths the installed SDK's resource methods request (``/threads/{thread_id}/runs``).

Helpers for ``gen_api_knowledge.py``: a surface's HTTP paths are the first path segments its methods request
that no method outside every surface requests (``/assistants`` and ``/threads`` are the Assistants API's
alone; ``/realtime`` is shared with the live Realtime API, so the Realtime beta has none). Read from each
method's source: the first argument of its ``self._post`` / ``_get`` / ``_get_api_list`` / ... call, a string
literal, an f-string's literal head or the template of ``path_template(...)``.
"""

from __future__ import annotations

import ast
from typing import Iterable, Mapping, Optional

import sdk_introspect as sdk
from lifecycle_inputs import Path_, Sdk, path_of, under

REQUEST_METHODS = frozenset({"_get", "_post", "_put", "_patch", "_delete", "_get_api_list"})


def _literal_head(node: ast.AST) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    if isinstance(node, ast.Call) and node.args:  # path_template("/threads/{thread_id}", thread_id=...)
        return _literal_head(node.args[0])
    return None


def request_path(method: sdk.Method) -> Optional[str]:
    """The path the method requests (its literal part), or ``None`` where it makes no request itself
    (``create_and_poll`` calls other methods; ``connect`` opens a WebSocket)."""
    file, qualname = method.source
    for name, node in sdk.definitions(sdk.parse(file)):
        if name != qualname:
            continue
        for call in ast.walk(node):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr in REQUEST_METHODS
                and call.args
            ):
                head = _literal_head(call.args[0])
                if head is not None and head.startswith("/"):
                    return head
    return None


def first_segment(path: str) -> str:
    """``/threads`` for ``/threads/{thread_id}/runs``."""
    return "/" + path.lstrip("/").split("/", 1)[0].split("?", 1)[0]


def surface_http_paths(sdk_: Sdk, prefixes: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Surface id -> the first path segments only that surface's methods request (sorted)."""
    owned: dict[str, set[str]] = {what: set() for what in prefixes}
    live: set[str] = set()
    for path, method in sdk_.tree.items():
        requested = request_path(method)
        if requested is None:
            continue
        owners = [what for what, dotted in prefixes.items() if any(_under(path, d) for d in dotted)]
        for what in owners:
            owned[what].add(first_segment(requested))
        if not owners:
            live.add(first_segment(requested))
    return {what: sorted(segments - live) for what, segments in owned.items()}


def _under(path: Path_, dotted: str) -> bool:
    return under(path, path_of(dotted))
