"""HTTP and WebSocket library calls that send a request without the SDK: where each takes its URL and headers.

The data is ``data/http_requests.json``, hand-written from each library's API reference. Names are qualified
as imported (``requests.post``, ``websockets.asyncio.client.connect``); ``X().m`` is method ``m`` of an
instance of ``X`` (``aiohttp.ClientSession().ws_connect``).
"""

from __future__ import annotations

import functools
from typing import Dict, Optional, Tuple

from lint_openai.knowledge.loading import load_json
from lint_openai.records import record

__all__ = ["RequestCallable", "request_callable"]


@record
class RequestCallable:
    """Where a request function takes its URL (``url_position`` or ``url_keyword``) and its headers."""

    name: str
    url_position: int
    url_keyword: str
    headers_position: Optional[int]
    headers_keywords: Tuple[str, ...]
    source: str


@functools.cache
def _callables() -> Dict[str, RequestCallable]:
    found: Dict[str, RequestCallable] = {}
    for group in load_json("http_requests.json")["groups"]:
        url, headers = group["url"], group["headers"]
        for name in group["names"]:
            found[name] = RequestCallable(
                name,
                url["position"],
                url["keyword"],
                headers["position"],
                tuple(headers["keywords"]),
                group["source"],
            )
    return found


def request_callable(name: str) -> Optional[RequestCallable]:
    """The request function or method with this qualified name, if it is one."""
    return _callables().get(name)


def request_sources() -> Tuple[str, ...]:
    """The API references the table is written from, once each."""
    return tuple(dict.fromkeys(c.source for c in _callables().values()))
