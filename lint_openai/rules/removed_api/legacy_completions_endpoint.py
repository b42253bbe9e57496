"""OAI105 ``legacy-completions-endpoint``: legacy text-completions endpoint (opt-in)."""

from __future__ import annotations

import ast

from lint_openai.context import Context
from lint_openai.knowledge.model_lifecycle import RETIRED
from lint_openai.rules.base import Rule, bad, good
from lint_openai.semantic.methods import plain_path
from lint_openai.semantic.navigation import SDK_METHODS, called_method
from lint_openai.semantic.scopes import Scope


class LegacyCompletionsEndpoint(Rule):
    """## What it does
    Checks for calls to `client.completions.create(...)` (and `openai.completions.create(...)`), the
    legacy text-completions endpoint `/v1/completions`. Off by default: enable with
    `extend-select = ["OAI105"]`.

    ## Why is this bad?
    The endpoint was not removed from the SDK, but it only ever served completion-style models
    (`gpt-3.5-turbo-instruct`, `davinci-002`, `babbage-002` and the retired GPT-3 family). Chat
    models sent there fail with HTTP 404 "This is a chat model and not supported in the
    v1/completions endpoint". The message says which completion-style models are still served on
    the configured date, from the model lifecycle data (per the deprecations page,
    `gpt-3.5-turbo-instruct`, `davinci-002` and `babbage-002` shut down on 2026-09-28). New code
    belongs on `client.chat.completions.create` or `client.responses.create`.

    ## Fix safety
    There is no fix: the request and response shapes differ (`prompt` vs `messages`,
    `choices[0].text` vs `choices[0].message.content`).
    """

    code = "OAI105"
    symbol = "legacy-completions-endpoint"
    summary = "legacy text-completions endpoint (opt-in)"
    node_types = (ast.Call,)
    callees = SDK_METHODS
    default_enabled = False
    sources = (
        "SDK: `client.completions.create` (openai/resources/completions.py), `model` literals "
        "`gpt-3.5-turbo-instruct`, `davinci-002`, `babbage-002` in `completion_create_params`",
        "deprecations page, 2025-09-26 entry: those models shut down 2026-09-28",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            text = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say hi").choices[0].text
            """,
            (4, 8, 4, 33, "`completions.create` is the legacy text-completions endpoint"),
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": "Say hi"}])
            """
        ),
        good(
            """
            import anthropic

            client = anthropic.Anthropic()
            client.completions.create(model="claude-2.1", prompt=prompt, max_tokens_to_sample=100)
            """,
            title="anthropic's legacy completions",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        method = called_method(ctx.model, node, scope)
        if method is None or plain_path(method) != ("completions", "create"):
            return
        ctx.report(
            self, node.func, f"`completions.create` is the legacy text-completions endpoint: {_served(ctx)}"
        )


def _served(ctx: Context) -> str:
    """Which completion-style models the endpoint still serves on ``ctx.today`` (from the model data)."""
    table = ctx.models
    ids = [i for i in table.completions_models() if table.status(i, ctx.today) != RETIRED]
    advice = "use `chat.completions.create` or `responses.create`"
    if ids:
        return f"it serves only completion-style models ({', '.join(ids)}); {advice}"
    infos = [table.get(i) for i in table.completions_models()]
    last = max((info.shutdown for info in infos if info and info.shutdown), default=None)
    latest = sorted(info.id for info in infos if info and info.shutdown == last)
    when = f" (the last, {', '.join(latest)}, on {last.isoformat()})" if last else ""
    return f"every model it served is shut down{when}; {advice}"
