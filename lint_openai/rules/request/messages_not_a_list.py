"""OAI302 ``messages-not-a-list``: `messages=` given a string or a single dict."""

from __future__ import annotations

import ast

from lint_openai.analyses.chat_calls import CHAT_CALLEES, ChatCalls
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.request.common import chat_call, is_text, user_message
from lint_openai.semantic.scopes import Scope


class MessagesNotAList(Rule):
    """## What it does
    Checks for `messages=` given a string or a single message dict instead of a list of messages.

    ## Why is this bad?
    The chat endpoint expects an array of message objects. A string or a single dict is rejected with
    HTTP 400 (`openai.BadRequestError`, "Invalid type for 'messages': expected an array").

    ## Fix safety
    Safe: a string becomes `[{"role": "user", "content": <string>}]` and a dict becomes `[<dict>]`.
    """

    needs_text = ("messages",)
    requires = (ChatCalls,)
    code = "OAI302"
    symbol = "messages-not-a-list"
    summary = "`messages=` given a string or a single dict"
    node_types = (ast.Call,)
    callees = CHAT_CALLEES
    fix_availability = "always"
    sources = ("SDK: `messages: Iterable[ChatCompletionMessageParam]` in `chat.completions.create`",)
    examples = (
        bad(
            """
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages="Hello!")
            """,
            (3, 68, 3, 76, "`messages=` must be a list of messages, not a string"),
            fixed="""
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": "Hello!"}])
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            history = [{"role": "user", "content": "Hello!"}]
            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=history)
            """
        ),
        bad(
            """
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages={"role": "user", "content": "Hi"})
            """,
            (3, 68, 3, 101, "`messages=` must be a list of messages, not a single message dict"),
            fixed="""
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": "Hi"}])
            """,
            applicability="safe",
            title="a single message",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope, ("messages",))
        keyword = chat.keyword("messages") if chat else None
        if keyword is None:
            return
        value = keyword.value
        if isinstance(value, ast.Dict):
            replacement, what = f"[{ctx.segment(value)}]", "a single message dict"
        elif is_text(ctx, value, scope):
            replacement, what = user_message(ctx.segment(value)), "a string"
        else:
            return
        fix = ctx.fix(Applicability.SAFE, "Wrap it in a list", ctx.replace(value, replacement))
        message = f"`messages=` must be a list of messages, not {what} (HTTP 400: expected an array)"
        ctx.report(self, value, message, fix)
