"""OAI301 ``prompt-on-chat-endpoint``: `prompt=` passed to a chat completions call."""

from __future__ import annotations

import ast

from lint_openai.analyses.chat_calls import CHAT_CALLEES, ChatCalls
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.request.common import chat_call, is_text, user_message
from lint_openai.semantic.scopes import Scope


class PromptOnChatEndpoint(Rule):
    """## What it does
    Checks for `prompt=` passed to a chat completions call (`client.chat.completions.create`, the
    module-level client, v0 `openai.ChatCompletion.create`).

    ## Why is this bad?
    `prompt` belongs to the legacy text-completions endpoint. The v1 SDK's
    `chat.completions.create()` has no such parameter and raises
    `TypeError: Completions.create() got an unexpected keyword argument 'prompt'` (and without
    `messages=` the SDK refuses the call before that). The chat endpoint takes a list of messages.

    ## Fix safety
    `prompt=<text>` becomes `messages=[{"role": "user", "content": <text>}]`. Safe when the value is
    provably a string (a literal, an f-string, `str(...)`, formatting or concatenation of those, or a
    constant bound to one); unsafe otherwise (v0 also accepted a list of prompts). No fix when the call
    already passes `messages=`.
    """

    needs_text = ("prompt",)
    requires = (ChatCalls,)
    code = "OAI301"
    symbol = "prompt-on-chat-endpoint"
    summary = "`prompt=` passed to a chat completions call"
    node_types = (ast.Call,)
    callees = CHAT_CALLEES
    fix_availability = "sometimes"
    sources = (
        "SDK signature of `chat.completions.create` (no `prompt` parameter), generated into knowledge/sdk.json",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", prompt=f"Summarize: {text}")
            """,
            (4, 57, 4, 84, "chat completions take `messages=`, not `prompt=`"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": f"Summarize: {text}"}])
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": text}])
            legacy = client.completions.create(model="m", prompt=text)
            """
        ),
        bad(
            """
            import openai

            def ask(question):
                return openai.chat.completions.create(model="gpt-5.5", prompt=question)
            """,
            (4, 60, 4, 75, "chat completions take `messages=`, not `prompt=`"),
            fixed="""
            import openai

            def ask(question):
                return openai.chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": question}])
            """,
            applicability="unsafe",
            title="a value that may not be a string",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope, ("prompt",))
        keyword = chat.keyword("prompt") if chat else None
        if chat is None or keyword is None:
            return
        fix = None
        if chat.keyword("messages") is None:
            safe = is_text(ctx, keyword.value, scope)
            content = user_message(ctx.segment(keyword.value))
            fix = ctx.fix(
                Applicability.SAFE if safe else Applicability.UNSAFE,
                "Pass the prompt as a user message",
                ctx.replace(keyword, f"messages={content}"),
            )
        message = (
            "chat completions take `messages=`, not `prompt=` (TypeError: unexpected keyword argument 'prompt'); "
            'pass `messages=[{"role": "user", "content": ...}]`'
        )
        ctx.report(self, keyword, message, fix)
