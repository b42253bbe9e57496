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

__all__ = ["RequestCallable", "SessionConstructor", "request_callable", "session_constructor"]


@record
class RequestCallable:
    """Where a request function takes its URL (``url_position`` or ``url_keyword``) and its headers."""

    name: str
    url_position: int
    url_keyword: str
    headers_position: Optional[int]
    headers_keywords: Tuple[str, ...]
    source: str


@record
class SessionConstructor:
    """A session or client class whose requests go below a base URL with default headers: where it takes
    them, and how a relative request URL joins the base (``"append"``, httpx; ``"rfc3986"``, aiohttp)."""

    name: str
    base_url_position: Optional[int]
    base_url_keyword: str
    headers_keywords: Tuple[str, ...]
    join: str
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


@functools.cache
def _sessions() -> Dict[str, SessionConstructor]:
    found: Dict[str, SessionConstructor] = {}
    for group in load_json("http_requests.json")["sessions"]:
        base_url = group["base_url"]
        for name in group["names"]:
            found[name] = SessionConstructor(
                name,
                base_url["position"],
                base_url["keyword"],
                tuple(group["headers"]["keywords"]),
                group["join"],
                group["source"],
            )
    return found


def request_callable(name: str) -> Optional[RequestCallable]:
    """The request function or method with this qualified name, if it is one."""
    return _callables().get(name)


def session_constructor(name: str) -> Optional[SessionConstructor]:
    """The session or client class with this qualified name (``aiohttp.ClientSession``), if it is one."""
    return _sessions().get(name)


def request_sources() -> Tuple[str, ...]:
    """The API references the table is written from, once each."""
    sources = [c.source for c in _callables().values()] + [s.source for s in _sessions().values()]
    return tuple(dict.fromkeys(sources))
