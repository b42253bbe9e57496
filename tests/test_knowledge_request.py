"""The reasoning-model parameter table and the message shapes, checked against the SDK and model data."""

from __future__ import annotations

import inspect

import pytest
from openai.types.chat import ChatCompletionAssistantMessageParam, completion_create_params

from lint_openai import knowledge
from lint_openai.knowledge.model_lifecycle import models

PARAMS = knowledge.request_params()
CHAT_CREATE = knowledge.sdk().signature(("chat", "completions", "create"))


@pytest.mark.parametrize("name", sorted(PARAMS.groups))
def test_groups_name_real_reasoning_models(name: str) -> None:
    spec = PARAMS.groups[name]
    members = [m for m in models().all_ids() if PARAMS.in_group(name, m, models().is_reasoning(m))]
    assert members, f"group {name} matches no known model"
    for model_id in spec.get("ids", ()):
        assert models().get(model_id) is not None, model_id
        assert models().is_reasoning(model_id) is True, model_id
    assert all(models().is_reasoning(m) for m in members)
    assert "gpt-5-chat-latest" not in members and "gpt-4o" not in members


@pytest.mark.parametrize("parameter", sorted(PARAMS.parameters))
def test_parameters_exist_on_chat_create(parameter: str) -> None:
    assert CHAT_CREATE.accepts_keyword(parameter)
    entry = PARAMS.parameters[parameter]
    assert entry["sources"] and entry["groups"]
    if entry["replacement"]:
        assert CHAT_CREATE.accepts_keyword(entry["replacement"])


def test_sdk_docstrings_still_say_what_the_table_cites() -> None:
    source = " ".join(inspect.getsource(completion_create_params).split())
    assert "is not compatible with [o-series models]" in source  # max_tokens
    assert "Not supported with latest reasoning models `o3` and `o4-mini`." in source  # stop
    assistant = " ".join(inspect.getsource(inspect.getmodule(ChatCompletionAssistantMessageParam)).split())
    assert "Required unless `tool_calls` or `function_call` is specified." in assistant


def test_message_roles_are_the_apis() -> None:
    roles = knowledge.sdk().data["message_params"]
    assert set(roles) == {"system", "developer", "user", "assistant", "tool", "function"}
    assert roles["tool"]["required"] == ["content", "role", "tool_call_id"]
    assert "content" not in roles["assistant"]["required"]
