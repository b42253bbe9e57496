"""OAI703 / OAI702 through a session or client made in the file: its ``base_url`` joined as the library joins
it, its headers unless the request replaces them; sessions from elsewhere and other hosts stay silent."""

from __future__ import annotations

import datetime
from typing import List, Tuple

import pytest

from lint_openai.config.settings import Settings
from lint_openai.engine import check_source

HEAD = "import aiohttp\nimport httpx\n"
RETIRED = "2026-11-25"  # the Assistants API (2026-08-26) and the Realtime beta (2026-05-12) are shut down
BETA = '{"OpenAI-Beta": "realtime=v1"}'


def findings(body: str, today: str = RETIRED) -> List[Tuple[str, int, str]]:
    settings = Settings(today=datetime.date.fromisoformat(today))
    found = check_source(HEAD + body, "raw.py", settings)
    return [
        (d.code, d.start.row - 2, d.message.split(" (")[0]) for d in found if d.code in ("OAI702", "OAI703")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # httpx appends to the base's path, with or without slashes on either side
        ('c = httpx.Client(base_url="https://api.openai.com/v1")\nc.post("/threads")', "/v1/threads"),
        ('c = httpx.Client(base_url="https://api.openai.com/v1/")\nc.post("threads")', "/v1/threads"),
        (
            'c = httpx.AsyncClient(base_url="https://api.openai.com")\nc.get("v1/assistants/a")',
            "/v1/assistants/a",
        ),
        (
            'c = httpx.Client(base_url="https://api.openai.com/v1")\nc.post(f"/threads/{t}/runs")',
            "/v1/threads/...",
        ),
        # aiohttp resolves a relative reference (RFC 3986)
        ('s = aiohttp.ClientSession("https://api.openai.com")\ns.post("/v1/threads")', "/v1/threads"),
        (
            's = aiohttp.ClientSession(base_url="https://api.openai.com/v1/")\ns.post("threads")',
            "/v1/threads",
        ),
        (
            'BASE = "https://api.openai.com"\ns = aiohttp.ClientSession(BASE)\ns.post("/v1/threads")',
            "/v1/threads",
        ),
        ('aiohttp.ClientSession("https://api.openai.com").post("/v1/threads")', "/v1/threads"),
    ],
)
def test_a_relative_url_below_a_proven_base_url(body: str, expected: str) -> None:
    found = findings(body)
    assert len(found) == 1 and found[0][0] == "OAI703"
    assert found[0][2] == f"the URL `https://api.openai.com{expected}`"


def test_a_session_in_a_with_block_and_at_module_level() -> None:
    body = (
        'SESSION = httpx.Client(base_url="https://api.openai.com/v1")\n'
        "def module_level():\n"
        '    SESSION.get("/assistants")\n'
        "async def with_block():\n"
        '    async with aiohttp.ClientSession("https://api.openai.com") as s:\n'
        '        await s.get("/v1/threads/t")\n'
    )
    assert [(code, row) for code, row, _ in findings(body)] == [("OAI703", 3), ("OAI703", 6)]


def test_session_headers_unless_the_request_replaces_them() -> None:
    body = (
        f"HEADERS = {BETA}\n"
        "async def run(extra):\n"
        '    async with aiohttp.ClientSession("wss://api.openai.com", headers=HEADERS) as s:\n'
        '        await s.ws_connect("/v1/realtime?model=m")\n'  # 4: the session's beta header
        '        await s.ws_connect("/v1/realtime?model=m", headers={"Authorization": "k"})\n'  # 5: kept
        '        await s.ws_connect("/v1/realtime?model=m", headers={"openai-beta": "x"})\n'  # replaced
        '        await s.ws_connect("/v1/realtime?model=m", headers=extra)\n'  # may replace it
        '        await s.ws_connect("/v1/realtime?model=m", headers={**extra})\n'  # may replace it
    )
    message = "the session's header `OpenAI-Beta: realtime=v1`"
    assert findings(body) == [("OAI703", 4, message), ("OAI703", 5, message)]


def test_before_the_shutdown_it_is_oai702() -> None:
    body = 'c = httpx.Client(base_url="https://api.openai.com/v1")\nc.post("/threads")'
    assert [code for code, _, _ in findings(body, today="2026-06-01")] == ["OAI702"]


@pytest.mark.parametrize(
    "body",
    [
        # another base URL, or none proven
        'c = httpx.Client(base_url="https://proxy.example.com/v1")\nc.post("/threads")',
        'c = httpx.Client(base_url="https://api.openai.com.evil.example/v1")\nc.post("/threads")',
        'c = httpx.Client(base_url="https://myresource.openai.azure.com/openai")\nc.post("/threads")',
        'c = httpx.Client(base_url=os.environ["BASE"])\nc.post("/threads")',
        'c = httpx.Client(base_url=f"https://api.openai.com/{version}")\nc.post("/threads")',
        'c = httpx.Client(base_url="https://api.openai.com/v1?x=1")\nc.post("/threads")',
        'c = httpx.Client()\nc.post("/v1/threads")',
        'B = "https://api.openai.com"\nif flag:\n    B = other\ns = aiohttp.ClientSession(B)\ns.post("/v1/threads")',
        # aiohttp: "/threads" below .../v1/ is /threads (not an API path); a network-path reference
        's = aiohttp.ClientSession("https://api.openai.com/v1/")\ns.post("/threads")',
        'c = httpx.Client(base_url="https://api.openai.com/v1")\nc.post("//evil.example/v1/threads")',
        # an absolute URL elsewhere wins over the base
        'c = httpx.Client(base_url="https://api.openai.com/v1")\nc.post("https://example.com/threads")',
        # a session passed in, made in another function, rebound, or an attribute
        'def f(session: aiohttp.ClientSession):\n    session.post("/v1/threads")',
        (
            "def make():\n"
            '    return aiohttp.ClientSession("https://api.openai.com")\n'
            "def use():\n"
            "    s = make()\n"
            '    s.post("/v1/threads")'
        ),
        (
            "def outer():\n"
            '    s = httpx.Client(base_url="https://api.openai.com/v1")\n'
            "    def inner():\n"
            '        s.post("/threads")'
        ),
        (
            'c = httpx.Client(base_url="https://api.openai.com/v1")\n'
            'if flag:\n    c = httpx.Client(base_url="https://proxy.example.com/v1")\nc.post("/threads")'
        ),
        'self.c = httpx.Client(base_url="https://api.openai.com/v1")\nself.c.post("/threads")',
        # a look-alike class, not the library's
        (
            "class Client:\n"
            "    def __init__(self, base_url): ...\n"
            "    def post(self, url): ...\n"
            'c = Client(base_url="https://api.openai.com/v1")\nc.post("/threads")'
        ),
        # the session's header on another host, or never sent by a request
        f's = aiohttp.ClientSession("wss://example.com", headers={BETA})\ns.ws_connect("/v1/realtime")',
        f's = aiohttp.ClientSession("wss://api.openai.com", headers={BETA})',
    ],
)
def test_not_proven_is_silent(body: str) -> None:
    assert findings(body) == []
