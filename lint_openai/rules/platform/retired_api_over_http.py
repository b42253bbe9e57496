"""OAI703 ``retired-api-over-http``: a request without the SDK into an API surface OpenAI has shut down."""

from __future__ import annotations

import ast

from lint_openai.analyses.raw_requests import HOST_TEXT, RAW_REQUEST_CALLEES, RawRequests
from lint_openai.context import Context
from lint_openai.knowledge.model_lifecycle import RETIRED
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.platform.common import DEP_SOURCE, SURFACES_SOURCE
from lint_openai.rules.platform.over_http import HTTP_SOURCE, PATHS_SOURCE, report_raw_request
from lint_openai.semantic.scopes import Scope


class RetiredApiOverHttp(Rule):
    """## What it does
    Checks requests made without the SDK, with an HTTP or WebSocket library (`requests`, `httpx`,
    `aiohttp.ClientSession().ws_connect/get/post`, `websockets.connect`, websocket-client's
    `WebSocketApp` / `create_connection`, `urllib.request.Request`), to OpenAI's API host
    (`api.openai.com`, or a regional `*.api.openai.com`) that reach an API surface shut down on the judged
    date: the Realtime beta, selected by the `OpenAI-Beta: realtime=v1` header (shut down 2026-05-12); the
    Assistants API, by a URL path below `/v1/assistants` or `/v1/threads` (2026-08-26), or the
    `OpenAI-Beta: assistants=v1` header (2024-12-18); and the other surfaces whose URL paths only their
    SDK methods request (`/v1/videos`, the Videos API; `/v1/evals`, the Evals API). The same surfaces,
    dates and replacements as OAI701, which reports the SDK's own calls.

    The URL must be proven: a string literal, a name bound to one, or an f-string or concatenation whose
    literal head already holds the host and a `/` (`f"https://api.openai.com/v1/threads/{thread_id}/runs"`).
    The header must be sent by the call: a dict (or websocket-client's list of `"Name: value"` strings, or
    `(name, value)` pairs) written in `headers=` / `extra_headers=` / `additional_headers=` / `header=`, or
    a name bound once to one. The finding covers the header value, or the URL where the path selects the
    API; a request is one finding (a shut-down header before the path).

    A session or client made in the same function, or at module level, is followed:
    `aiohttp.ClientSession(base_url=..., headers=...)` and `httpx.Client(base_url=..., headers=...)` (and
    `httpx.AsyncClient`). Its `base_url` must be a complete literal (or a name bound once to one) on
    OpenAI's host; a relative request URL is joined to it as the library does (httpx appends it to the
    base's path; aiohttp resolves it as a relative reference, so `"/threads"` below
    `https://api.openai.com/v1/` is `https://api.openai.com/threads`). Its headers count unless the
    request's own `headers=` may replace them (a request header of the same name, or headers not all
    known); the finding then covers the request's URL.

    Not reported: another host (Azure's `*.openai.azure.com`, a proxy, localhost, a session's other
    `base_url`), a URL the file does not show, a session passed in or made in another function, the GA Realtime URL (`wss://api.openai.com/v1/realtime?model=...`) without the beta header, a
    header dict never given to a request, other beta headers, and text in docstrings and comments.
    `OpenAI-Beta: assistants=v2` alone is not reported: the SDK sends it to the live Vector Stores API too,
    so the path decides.

    ## Why is this bad?
    Every request fails. The Realtime beta answers `beta_api_shape_disabled` ("The Realtime Beta API is
    no longer supported. Please use /v1/realtime for the GA API."): drop the header and use the GA session
    shape (`session.update` with `"type": "realtime"`), or `client.realtime.connect()` in the SDK. The
    Assistants API is "no longer accessible" since its shutdown: move to the Responses and Conversations
    APIs. Code written against the raw API never sees the SDK's `DeprecationWarning`, and type checkers
    see only strings.

    Before the shutdown date the same request is OAI702 (`deprecated-api`, a warning with the days left),
    as for the SDK's calls: OAI702 covers a deprecated surface however it is reached, and on the shutdown
    date the finding becomes OAI701 (SDK) or OAI703 (without it). `--today` moves both.

    ## Fix safety
    There is no fix: the GA Realtime session and the Responses API have other request and event shapes.
    """

    code = "OAI703"
    symbol = "retired-api-over-http"
    summary = "request without the SDK into an API OpenAI has shut down"
    node_types = (ast.Call,)
    callees = RAW_REQUEST_CALLEES
    requires = (RawRequests,)
    needs_text = (HOST_TEXT,)
    sources = (SURFACES_SOURCE, DEP_SOURCE, PATHS_SOURCE, HTTP_SOURCE)
    examples = (
        bad(
            """
            import os

            import websockets

            URL = "wss://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview-2024-10-01"

            async def connect():
                headers = {"Authorization": "Bearer " + os.environ["OPENAI_API_KEY"], "OpenAI-Beta": "realtime=v1"}
                return await websockets.connect(URL, extra_headers=headers)
            """,
            (8, 90, 8, 103, "the header `OpenAI-Beta: realtime=v1` (a request without the SDK, `websockets"),
        ),
        good(
            """
            import os

            import websockets

            URL = "wss://api.openai.com/v1/realtime?model=gpt-realtime"

            async def connect():
                headers = {"Authorization": "Bearer " + os.environ["OPENAI_API_KEY"]}
                return await websockets.connect(URL, additional_headers=headers)
            """,
            title="the GA Realtime API: the same URL without the beta header",
        ),
        bad(
            """
            import requests
            import websocket
            from aiohttp import ClientSession

            API = "https://api.openai.com/v1"

            def run(thread_id: str, key: str):
                auth = {"Authorization": f"Bearer {key}", "OpenAI-Beta": "assistants=v2"}
                requests.post(f"https://api.openai.com/v1/threads/{thread_id}/runs", headers=auth, json={})
                ws = websocket.WebSocketApp(
                    "wss://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview",
                    header=["Authorization: Bearer " + key, "OpenAI-Beta: realtime=v1"],
                )

            async def assistants(key: str):
                async with ClientSession() as session:
                    async with session.get(API + "/assistants/", headers={"OpenAI-Beta": "assistants=v1"}) as r:
                        return await r.json()
            """,
            (9, 19, 9, 72, "the URL `https://api.openai.com/v1/threads/...` (a request without the SDK"),
            (12, 49, 12, 75, "the header `OpenAI-Beta: realtime=v1`"),
            (17, 78, 17, 93, "the header `OpenAI-Beta: assistants=v1` (a request without the SDK, `aiohttp"),
            title="requests, websocket-client's list of header lines, an aiohttp session",
        ),
        bad(
            """
            import os

            import aiohttp
            import httpx

            HEADERS = {"Authorization": "Bearer " + os.environ["OPENAI_API_KEY"], "OpenAI-Beta": "realtime=v1"}

            async def realtime():
                async with aiohttp.ClientSession("https://api.openai.com", headers=HEADERS) as session:
                    return await session.ws_connect("/v1/realtime?model=gpt-4o-realtime-preview")

            def threads():
                client = httpx.Client(base_url="https://api.openai.com/v1")
                return client.post("/threads", json={})
            """,
            (10, 41, 10, 85, "the session's header `OpenAI-Beta: realtime=v1` (a request without the SDK"),
            (
                14,
                24,
                14,
                34,
                "the URL `https://api.openai.com/v1/threads` (a request without the SDK, `httpx",
            ),
            title="a session's base URL and headers",
        ),
        good(
            """
            import aiohttp
            import httpx

            async def proxied(session: aiohttp.ClientSession):
                await session.post("/v1/threads", json={})  # a session from elsewhere: its base URL is not known
                async with aiohttp.ClientSession("https://proxy.example.com") as local:
                    await local.post("/v1/threads", json={})

            def responses():
                client = httpx.Client(base_url="https://api.openai.com/v1", headers={"OpenAI-Beta": "realtime=v1"})
                return client.post("/responses", headers={"OpenAI-Beta": "responses=v1"}, json={})
            """,
            title="a session passed in, another base URL, a session header the request replaces",
        ),
        good(
            """
            import httpx
            import requests
            import websockets

            BETA = {"OpenAI-Beta": "realtime=v1"}  # kept for the docs, never sent

            def proxied(base_url: str, thread_id: str):
                requests.get(f"{base_url}/v1/threads/{thread_id}")
                httpx.post("https://myresource.openai.azure.com/openai/threads", headers={"OpenAI-Beta": "assistants=v2"})
                httpx.get("http://localhost:8080/v1/assistants")
                httpx.post("https://api.openai.com/v1/vector_stores", headers={"OpenAI-Beta": "assistants=v2"})
                httpx.post("https://api.openai.com/v1/responses", headers={"OpenAI-Beta": "responses=v1"})

            async def realtime(url: str):
                \"\"\"Was: websockets.connect("wss://api.openai.com/v1/realtime", extra_headers=BETA).\"\"\"
                return await websockets.connect(url, extra_headers=BETA)
            """,
            title="another host or an unproven URL, live APIs, a header dict never sent, docstrings",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if isinstance(node, ast.Call):
            report_raw_request(self, node, scope, ctx, RETIRED)
