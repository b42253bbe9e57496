"""OAI304 ``deprecated-functions-param``: `functions=`/`function_call=` instead of `tools=`/`tool_choice=`."""

from __future__ import annotations

import ast

from lint_openai.analyses.chat_calls import CHAT_CALLEES, ChatCalls
from lint_openai.context import Context
from lint_openai.rules.base import DEPRECATION, Rule, bad, good
from lint_openai.rules.request.common import chat_call
from lint_openai.semantic.scopes import Scope


class DeprecatedFunctionsParam(Rule):
    """## What it does
    Checks for `functions=` and `function_call=` passed to a chat completions call.

    ## Why is this bad?
    Both are deprecated in favor of `tools=` and `tool_choice=` (SDK docstrings: "Deprecated in favor
    of `tools`." / "Deprecated in favor of `tool_choice`."). The replies put calls in
    `message.function_call` instead of `message.tool_calls`, newer features (parallel tool calls,
    strict schemas) are not available, and the parameters may be removed.

    ## Fix safety
    There is no fix: `functions=[f]` becomes `tools=[{"type": "function", "function": f}]`,
    `function_call={"name": n}` becomes `tool_choice={"type": "function", "function": {"name": n}}`,
    and the code that reads the reply changes too.
    """

    needs_text = ("function",)
    requires = (ChatCalls,)
    code = "OAI304"
    symbol = "deprecated-functions-param"
    severity = DEPRECATION
    summary = "`functions=`/`function_call=` instead of `tools=`/`tool_choice=`"
    node_types = (ast.Call,)
    callees = CHAT_CALLEES
    sources = ("SDK docstrings of `functions` and `function_call` in chat `completion_create_params`",)
    replacements = {"functions": "tools", "function_call": "tool_choice"}
    examples = (
        bad(
            """
            from openai import OpenAI

            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=messages, functions=[weather])
            """,
            (3, 78, 3, 97, "`functions=` is deprecated in favor of `tools=` (and replies use `tool_calls`)"),
        ),
        good(
            """
            from openai import OpenAI

            tools = [{"type": "function", "function": weather}]
            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=messages, tools=tools)
            """
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope, tuple(self.replacements))
        if chat is None:
            return
        for name, replacement in self.replacements.items():
            keyword = chat.keyword(name)
            if keyword is not None:
                message = (
                    f"`{name}=` is deprecated in favor of `{replacement}=` (and replies use `tool_calls`)"
                )
                ctx.report(self, keyword, message)
