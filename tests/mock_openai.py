"""Run a program against the real ``openai`` package with its HTTP transport mocked.

Usage: ``python -m tests.mock_openai PROGRAM.py``. The module-level client gets an
``httpx2.Client`` whose ``MockTransport`` answers like the API (recorded response shapes), so a
program fixed by lint-openai is proven to work with the SDK without a network. Special inputs
trigger errors: a message containing RATE_LIMIT gets HTTP 429, TIMEOUT a read timeout.
"""

from __future__ import annotations

import base64
import json
import runpy
import struct
import sys
from typing import Any, Dict

import httpx2
import openai

CREATED = 1_700_000_000


def _chat(body: Dict[str, Any], host: str) -> httpx2.Response:
    text = " ".join(str(m.get("content", "")) for m in body.get("messages", []))
    if "RATE_LIMIT" in text:
        error = {
            "error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}
        }
        return httpx2.Response(429, json=error)
    if "TIMEOUT" in text:
        raise httpx2.ReadTimeout("mocked read timeout")
    answer = f"echo from {host}: {text}"
    if body.get("stream"):
        return httpx2.Response(200, content=_sse(answer, body), headers={"content-type": "text/event-stream"})
    return httpx2.Response(
        200,
        json={
            "id": "chatcmpl-mock",
            "object": "chat.completion",
            "created": CREATED,
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": answer, "refusal": None},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10},
        },
    )


def _sse(answer: str, body: Dict[str, Any]) -> bytes:
    def chunk(delta: Dict[str, Any], finish: Any = None) -> Dict[str, Any]:
        return {
            "id": "chatcmpl-mock",
            "object": "chat.completion.chunk",
            "created": CREATED,
            "model": body["model"],
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }

    events = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": word + " "}) for word in answer.split()]
    events.append(chunk({}, "stop"))
    if (body.get("stream_options") or {}).get("include_usage"):
        usage = {"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10}
        events.append({**chunk({}), "choices": [], "usage": usage})
    lines = [f"data: {json.dumps(event)}\n\n" for event in events] + ["data: [DONE]\n\n"]
    return "".join(lines).encode()


def _embeddings(body: Dict[str, Any]) -> httpx2.Response:
    inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
    vectors = [[float(len(str(item))), 0.5, 0.25] for item in inputs]
    if body.get("encoding_format") == "base64":
        encoded = [base64.b64encode(struct.pack(f"<{len(v)}f", *v)).decode() for v in vectors]
    else:
        encoded = vectors
    data = [{"object": "embedding", "index": i, "embedding": e} for i, e in enumerate(encoded)]
    usage = {"prompt_tokens": 1, "total_tokens": 1}
    return httpx2.Response(200, json={"object": "list", "data": data, "model": body["model"], "usage": usage})


def _moderations(body: Dict[str, Any]) -> httpx2.Response:
    flagged = "violence" in str(body["input"])
    categories = {"violence": flagged, "hate": False}
    result = {
        "flagged": flagged,
        "categories": categories,
        "category_scores": {"violence": 0.9 if flagged else 0.0},
    }
    return httpx2.Response(
        200, json={"id": "modr-mock", "model": "omni-moderation-latest", "results": [result]}
    )


def _images(body: Dict[str, Any]) -> httpx2.Response:
    return httpx2.Response(
        200, json={"created": CREATED, "data": [{"url": f"https://images.mock/{body['prompt']}.png"}]}
    )


def handler(request: httpx2.Request) -> httpx2.Response:
    body = json.loads(request.content or b"{}")
    path = request.url.path
    if path.endswith("/chat/completions"):
        return _chat(body, request.url.host)
    if path.endswith("/embeddings"):
        return _embeddings(body)
    if path.endswith("/moderations"):
        return _moderations(body)
    if path.endswith("/images/generations"):
        return _images(body)
    return httpx2.Response(
        404, json={"error": {"message": f"no mock for {path}", "type": "invalid_request_error"}}
    )


def _default_to_mock(client_class: type, http_client: object) -> None:
    """Make clients the program creates itself use the mock transport too."""
    original = client_class.__init__

    def init(self: object, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("http_client", http_client)
        kwargs.setdefault("api_key", "sk-mock")
        kwargs.setdefault("max_retries", 0)
        original(self, *args, **kwargs)

    client_class.__init__ = init  # type: ignore[method-assign]


async def async_handler(request: httpx2.Request) -> httpx2.Response:
    await request.aread()
    return handler(request)


def install() -> None:
    """Point the module-level client, and every client the program creates, at the mock transport."""
    openai.api_key = "sk-mock"
    openai.max_retries = 0
    openai.http_client = httpx2.Client(transport=httpx2.MockTransport(handler))
    _default_to_mock(openai.OpenAI, openai.http_client)
    _default_to_mock(openai.AsyncOpenAI, httpx2.AsyncClient(transport=httpx2.MockTransport(async_handler)))


if __name__ == "__main__":
    install()
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
