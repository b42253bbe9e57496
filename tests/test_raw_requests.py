"""OAI703 / OAI702 on requests without the SDK: the URL and header proofs, and the SDK-derived URL paths."""

from __future__ import annotations

import datetime

import pytest

from lint_openai.config.settings import Settings
from lint_openai.engine import check_source
from lint_openai.knowledge.api import api

HEAD = "import requests\nimport websockets\n"


def _codes(body: str, today: str = "2026-11-25") -> list:
    settings = Settings(today=datetime.date.fromisoformat(today))
    found = check_source(HEAD + body, "raw.py", settings)
    return [(d.code, d.start.row - 2, d.start.column) for d in found if d.code in ("OAI702", "OAI703")]


def test_url_paths_come_from_the_sdk() -> None:
    surfaces = api().surfaces
    assert surfaces["assistants"].http_paths == ("/assistants", "/threads")
    assert surfaces["realtime_beta"].http_paths == ()  # /realtime is the live GA API's too
    assert api().surface_for_http_path("/threads/t/runs") is surfaces["assistants"]
    assert api().surface_for_http_path("/responses") is None


@pytest.mark.parametrize(
    "body",
    [
        'requests.get(f"https://api.openai.com/v1/assistant{suffix}")',  # the segment is not whole
        'requests.get("https://api.openai.com.evil.example/v1/threads")',
        'requests.get(f"https://api.openai.com{path}/v1/threads")',
        'requests.get("ftp://api.openai.com/v1/threads")',
        'requests.get("https://api.openai.com/v2/threads")',
        'url = "https://api.openai.com/v1/threads"\nif flag:\n    url = other\nrequests.get(url)',
        'h = {"OpenAI-Beta": "realtime=v1"}\nh = {}\nwebsockets.connect("wss://api.openai.com/v1/realtime", extra_headers=h)',
        "requests.post()",
        "requests.post(*args)",
        'requests.post(f"")',
        'websockets.connect("wss://api.openai.com/v1/realtime", extra_headers=[1, ("OpenAI-Beta",), "no colon"])',
        'class requests:\n    pass\nrequests.get("https://api.openai.com/v1/threads")',
    ],
)
def test_not_proven_is_silent(body: str) -> None:
    assert _codes(body) == []


def test_one_finding_per_request_a_retired_header_first() -> None:
    body = 'requests.post("https://api.openai.com/v1/threads", headers={"OpenAI-Beta": "realtime=v1"})\n'
    assert _codes(body) == [("OAI703", 1, 76)]
    # before both shutdowns: one OAI702, still the header
    assert _codes(body, today="2026-05-01") == [("OAI702", 1, 76)]


def test_before_the_announcement_nothing_and_after_the_shutdown_oai703() -> None:
    body = 'requests.get("https://api.openai.com/v1/threads")\n'
    assert _codes(body, today="2025-08-01") == []
    assert _codes(body, today="2026-08-25") == [("OAI702", 1, 14)]
    assert _codes(body, today="2026-08-26") == [("OAI703", 1, 14)]


def test_imports_by_name_and_instances() -> None:
    body = (
        "from websockets.asyncio.client import connect\n"
        "from requests import Session\n"
        "s = Session()\n"
        's.get("https://api.openai.com/v1/threads")\n'
        'connect("wss://api.openai.com/v1/realtime", additional_headers=[("OpenAI-Beta", "realtime=v1")])\n'
    )
    assert _codes(body) == [("OAI703", 4, 7), ("OAI703", 5, 81)]
