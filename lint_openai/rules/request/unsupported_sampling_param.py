"""OAI306 ``unsupported-sampling-param``: sampling parameter a reasoning model rejects."""

from __future__ import annotations

import ast
from typing import Any

from lint_openai import knowledge
from lint_openai.analyses.chat_calls import CHAT_CALLEES, ChatCalls
from lint_openai.analyses.model_references import ModelReferences
from lint_openai.context import Context
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.request.common import NOT_LITERAL, PARAMS_SOURCE, call_model, chat_call
from lint_openai.semantic.scopes import Scope


def _constant(node: ast.AST) -> Any:
    """The Python value of a literal (``None`` sentinel object when not a literal)."""
    if isinstance(node, ast.Constant):
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, (ast.USub, ast.UAdd))
        and isinstance(node.operand, ast.Constant)
    ):
        value = node.operand.value
        return -value if isinstance(node.op, ast.USub) and isinstance(value, (int, float)) else value
    if isinstance(node, ast.Dict) and not node.keys:
        return {}
    if isinstance(node, (ast.List, ast.Tuple)):
        items = [_constant(element) for element in node.elts]
        return NOT_LITERAL if any(item is NOT_LITERAL for item in items) else items
    return NOT_LITERAL


class UnsupportedSamplingParam(Rule):
    """## What it does
    Checks chat completions calls that pass sampling parameters a reasoning model rejects:
    `temperature` other than 1, `top_p`, non-zero `presence_penalty`/`frequency_penalty`,
    `logprobs=True`, `top_logprobs`, `logit_bias` (o-series and the August 2025 GPT-5 models), and
    `stop` (o3, o4-mini). Only literal values are judged; a call with `reasoning_effort="none"` is
    not reported (GPT-5.1 and later accept these parameters then).

    ## Why is this bad?
    The API rejects the request with HTTP 400, e.g. "Unsupported value: 'temperature' does not support
    0.2 with this model. Only the default (1) value is supported." or "Unsupported parameter: 'top_p'
    is not supported with this model." Code that worked with gpt-4o breaks when the model name is
    upgraded. Later reasoning models' support depends on `reasoning_effort` and is not reported.

    ## Fix safety
    There is no fix: drop the parameter (or choose a non-reasoning model).
    """

    requires = (ChatCalls, ModelReferences)
    code = "OAI306"
    symbol = "unsupported-sampling-param"
    summary = "sampling parameter a reasoning model rejects"
    node_types = (ast.Call,)
    callees = CHAT_CALLEES
    sources = (PARAMS_SOURCE,)
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="o3", messages=messages, temperature=0.2, top_p=0.9)
            """,
            (4, 71, 4, 86, "`o3` does not accept `temperature=0.2`"),
            (4, 88, 4, 97, '`o3` does not accept `top_p=0.9`: the API answers 400 "Unsupported parameter'),
            today="2026-06-01",  # o3 before its shutdown was announced
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="o3", messages=messages, temperature=1)
            other = client.chat.completions.create(model="gpt-4.1", messages=messages, temperature=0.2)
            newer = client.chat.completions.create(model="gpt-5.5", messages=messages, temperature=0.2)
            """,
            today="2026-06-01",
            title="the default value; non-reasoning models; effort-dependent newer models",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope, knowledge.request_params().parameters)
        if chat is None or not any(
            k.arg in knowledge.request_params().parameters for k in chat.call.keywords
        ):
            return
        effort = chat.keyword("reasoning_effort")
        if effort is not None and _constant(effort.value) in ("none", NOT_LITERAL):
            return
        model = call_model(ctx, chat, scope)
        if model is None:
            return
        reasoning = ctx.models.is_reasoning(model)
        for keyword in chat.call.keywords:
            if keyword.arg is None or keyword.arg == "max_tokens":
                continue
            entry = knowledge.request_params().rejected(keyword.arg, model, reasoning)
            value = _constant(keyword.value)
            if (
                entry is None
                or value is NOT_LITERAL
                or value is None
                or value == {}
                or value in entry["allowed"]
            ):
                continue
            error = (entry["error"] or "").replace("{value}", repr(value))
            detail = f': the API answers 400 "{error}"' if error else " (HTTP 400)"
            ctx.report(self, keyword, f"`{model}` does not accept `{keyword.arg}={value!r}`{detail}")
