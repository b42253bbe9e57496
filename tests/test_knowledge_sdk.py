"""The SDK knowledge is checked against the installed ``openai``: a new SDK release that changes a
fact fails here, and the fix is to regenerate or correct the data (never to loosen the test)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import httpx2
import openai
import pytest
from openai.lib._old_api import SYMBOLS, APIRemovedInV1
from openai.types.chat import ChatCompletion, ChatCompletionChunk

from lint_openai import knowledge

ROOT = Path(__file__).resolve().parent.parent
SDK = knowledge.sdk()
V0 = knowledge.v0()

# HTTP statuses each v0 exception was raised for: openai 0.28.1, openai/api_requestor.py
# (handle_error_response): 400/404/415 InvalidRequestError, 401 AuthenticationError, 403 PermissionError,
# 409 TryAgain, 429 RateLimitError, 503 ServiceUnavailableError, any other status APIError.
V0_STATUSES = {
    "InvalidRequestError": {400, 404, 415},
    "AuthenticationError": {401},
    "PermissionError": {403},
    "TryAgain": {409},
    "RateLimitError": {429},
    "ServiceUnavailableError": {503},
    "APIError": {500, 502, 504},
}


def _load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "gen_sdk_knowledge", ROOT / "scripts" / "gen_sdk_knowledge.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["gen_sdk_knowledge"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.slow
def test_sdk_json_is_fresh() -> None:
    generator = _load_generator()
    committed = (ROOT / "lint_openai" / "knowledge" / "data" / "sdk.json").read_text(encoding="utf-8")
    assert generator.render(generator.build()) == committed, (
        "knowledge/sdk.json is stale: run `python scripts/gen_sdk_knowledge.py`"
    )


def test_sdk_version_matches_installed() -> None:
    assert SDK.version == openai.__version__


def test_removed_symbols_are_the_sdks() -> None:
    assert list(SDK.removed_v0_symbols) == list(SYMBOLS)
    assert set(V0.resources) == set(SYMBOLS)


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_removed_symbols_raise_when_called(symbol: str) -> None:
    proxy = getattr(openai, symbol)
    with pytest.raises(APIRemovedInV1):
        proxy.create()


def test_v1_method_targets_exist() -> None:
    for symbol, info in V0.resources.items():
        if info["twin"]:
            assert SDK.tree_node(tuple(info["twin"].split("."))) is not None, symbol
        for method, target in info["methods"].items():
            path = tuple(target.split("."))
            assert SDK.member_kind(path[:-1], path[-1]) == "method", f"{symbol}.{method} -> {target}"


@pytest.mark.parametrize("name", sorted(V0.errors))
def test_error_replacements_are_exceptions(name: str) -> None:
    replacement = V0.errors[name]["replacement"]
    if replacement is None:
        assert not hasattr(openai, name) or name in SDK.exceptions
        return
    cls = getattr(openai, replacement)
    assert isinstance(cls, type) and issubclass(cls, BaseException)
    assert replacement in SDK.exceptions


def _v1_class_for_status(status: int) -> type:
    client = openai.OpenAI(api_key="sk-test")
    response = httpx2.Response(status, request=httpx2.Request("POST", "https://api.openai.com/v1/x"))
    return type(client._make_status_error("message", body=None, response=response))


ALL_STATUSES = sorted(set().union(*V0_STATUSES.values()))


@pytest.mark.parametrize("name", sorted(V0_STATUSES))
def test_error_fix_safety_matches_status_coverage(name: str) -> None:
    """A rename is 'safe' exactly when the v1 class is raised for the same HTTP statuses as the v0 one."""
    entry = V0.errors[name]
    v1_class = getattr(openai, entry["replacement"])
    caught = {status for status in ALL_STATUSES if issubclass(_v1_class_for_status(status), v1_class)}
    assert (entry["applicability"] == "safe") == (caught == V0_STATUSES[name]), (name, caught, entry)


def test_connection_error_rename_is_unsafe_and_timeout_rename_safe() -> None:
    # openai 0.28.1 openai/error.py: Timeout and APIConnectionError both subclass OpenAIError directly.
    # In v1 a timeout is an APIConnectionError, so the renamed clause catches more than before.
    assert issubclass(openai.APITimeoutError, openai.APIConnectionError)
    assert V0.errors["APIConnectionError"]["applicability"] == "unsafe"
    assert V0.errors["Timeout"] == {
        **V0.errors["Timeout"],
        "replacement": "APITimeoutError",
        "applicability": "safe",
    }


def test_timeout_is_not_an_exception() -> None:
    assert not issubclass(openai.Timeout, BaseException)
    assert "Timeout" not in SDK.exceptions
    assert issubclass(openai.APITimeoutError, openai.APIConnectionError)


@pytest.mark.parametrize("name", sorted(V0.settings))
def test_v0_settings_are_gone(name: str) -> None:
    assert name not in SDK.module_settings
    assert not hasattr(openai, name)
    replacement = V0.settings[name]["replacement"]
    if replacement:
        assert replacement in SDK.module_settings


@pytest.mark.parametrize("name", sorted(V0.modules))
def test_v0_modules_are_gone(name: str) -> None:
    assert importlib.util.find_spec(f"openai.{name}") is None
    assert name not in SDK.submodules


def test_error_module_is_gone() -> None:
    assert importlib.util.find_spec("openai.error") is None
    assert not hasattr(openai, "error")


@pytest.mark.parametrize("argument", sorted(V0.call_arguments))
def test_v0_call_arguments_are_rejected(argument: str) -> None:
    for path in (("chat", "completions", "create"), ("embeddings", "create"), ("completions", "create")):
        signature = SDK.signature(path)
        assert signature is not None and not signature.accepts_keyword(argument), (path, argument)
    replacement = V0.call_arguments[argument]["replacement"]
    if replacement:
        assert SDK.signature(("chat", "completions", "create")).accepts_keyword(replacement)


def test_v0_module_names_missing_in_v1_are_reported_somewhere() -> None:
    """Every name v0 exported but v1 lacks is covered by OAI101/102/103/104/108 knowledge."""
    for name in V0.module_names:
        if SDK.module_has(name):
            continue
        covered = name in V0.settings or name in V0.modules or name in V0.errors or name == "error"
        assert covered, name


def test_module_resources_match_client_tree() -> None:
    for name in SDK.module_resources:
        assert SDK.member_kind((), name) == "resource"
        assert isinstance(getattr(openai, name), object)


def test_response_types_match_method_annotations() -> None:
    generator = _load_generator()
    for method, (response, chunk) in generator.RESPONSE_TYPES.items():
        returns = SDK.signature(tuple(method.split("."))).returns
        assert response.rsplit(".", 1)[1] in returns, (method, returns)
        if chunk:
            assert f"Stream[{chunk.rsplit('.', 1)[1]}]" in returns, (method, returns)


def test_streamed_delta_content_is_optional() -> None:
    """OAI503 rests on this: the final chunk's ``delta.content`` is None."""

    final = ChatCompletionChunk.model_validate(
        {
            "id": "x",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
        }
    )
    assert final.choices[0].delta.content is None
    shape = SDK.response_shape("chat.completions.create", chunk=True)
    assert shape["choices"]["[]"]["delta"]["content"] == "str?"


def test_responses_are_not_subscriptable() -> None:

    response = ChatCompletion.model_validate(
        {"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": []}
    )
    with pytest.raises(TypeError, match="not subscriptable"):
        response["choices"]
    with pytest.raises(AttributeError):
        response.get("choices")  # type: ignore[attr-defined]
