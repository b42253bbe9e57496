"""OAI305 ``max-tokens-on-reasoning-model``: `max_tokens=` with a reasoning model."""

from __future__ import annotations

import ast

from lint_openai.analyses.chat_calls import CHAT_CALLEES, ChatCalls
from lint_openai.analyses.model_references import ModelReferences
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.request.common import PARAMS_SOURCE, call_model, chat_call, max_tokens_rejection
from lint_openai.semantic.scopes import Scope


class MaxTokensOnReasoningModel(Rule):
    """## What it does
    Checks chat completions calls that pass `max_tokens=` with a reasoning model (o-series, GPT-5
    family and later), with the model followed through constants like OAI201.

    ## Why is this bad?
    The API rejects the request with HTTP 400: "Unsupported parameter: 'max_tokens' is not supported
    with this model. Use 'max_completion_tokens' instead." Reasoning models count hidden reasoning
    tokens too, which `max_completion_tokens` covers. Unknown models never trigger this rule.

    ## Fix safety
    Safe: `max_tokens=` is renamed to `max_completion_tokens=` (unless the call already passes it).
    """

    needs_text = ("max_tokens",)
    requires = (ChatCalls, ModelReferences)
    code = "OAI305"
    symbol = "max-tokens-on-reasoning-model"
    summary = "`max_tokens=` with a reasoning model"
    node_types = (ast.Call,)
    callees = CHAT_CALLEES
    fix_availability = "sometimes"
    sources = (PARAMS_SOURCE, "reasoning flags: models.json")
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=messages, max_tokens=500)
            """,
            (4, 76, 4, 90, '`gpt-5.5` is a reasoning model: the API answers 400 "Unsupported parameter'),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=messages, max_completion_tokens=500)
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-4.1", messages=messages, max_tokens=500)
            other = client.chat.completions.create(model=os.environ["MODEL"], messages=messages, max_tokens=500)
            """,
            today="2026-10-01",  # before gpt-4.1's shutdown was announced: a current non-reasoning model
            title="non-reasoning and unknown models",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope, ("max_tokens",))
        keyword = chat.keyword("max_tokens") if chat else None
        if chat is None or keyword is None:
            return
        entry = max_tokens_rejection(ctx, chat, scope)
        if entry is None:
            return
        model = call_model(ctx, chat, scope)
        fix = None
        if chat.keyword("max_completion_tokens") is None:
            edit = ctx.replace(keyword, f"max_completion_tokens={ctx.segment(keyword.value)}")
            fix = ctx.fix(Applicability.SAFE, "Rename to `max_completion_tokens=`", edit)
        message = f'`{model}` is a reasoning model: the API answers 400 "{entry["error"]}"'
        ctx.report(self, keyword, message, fix)
