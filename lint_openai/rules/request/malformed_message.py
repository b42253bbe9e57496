"""OAI303 ``malformed-message``: message dict with an unknown role or a missing required key."""

from __future__ import annotations

import ast
from typing import Dict, Iterator

from lint_openai import knowledge
from lint_openai.analyses.chat_calls import CHAT_CALLEES, ChatCalls
from lint_openai.context import Context
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.request.common import chat_call
from lint_openai.semantic.scopes import Scope

MESSAGE_SOURCE = (
    "roles and required keys of the SDK's `ChatCompletionMessageParam` TypedDicts, generated into "
    "knowledge/sdk.json; assistant content: SDK docstring 'Required unless `tool_calls` or `function_call` "
    "is specified.'"
)


class MalformedMessage(Rule):
    """## What it does
    Checks message dict literals passed to a chat completions call (directly, or through a list
    literal bound to a name): a missing or unknown `role`, or a missing required key for the role
    (`content`; `tool_call_id` for `tool` messages; `name` for `function` messages). An assistant
    message with `tool_calls` or `function_call` needs no `content`.

    ## Why is this bad?
    The API rejects the request with HTTP 400 (`openai.BadRequestError`), e.g. "Invalid value: 'bot'.
    Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'." or a
    missing required parameter. Typos like `"role": "asistant"` or `"contents"` only fail at run time.

    ## Fix safety
    There is no fix; the message suggests the closest role.
    """

    needs_text = ("messages",)
    requires = (ChatCalls,)
    code = "OAI303"
    symbol = "malformed-message"
    summary = "message dict with an unknown role or a missing required key"
    node_types = (ast.Call,)
    callees = CHAT_CALLEES
    sources = (MESSAGE_SOURCE,)
    examples = (
        bad(
            """
            from openai import OpenAI

            messages = [
                {"role": "sytem", "content": "You are terse."},
                {"content": "Hi"},
            ]
            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=messages)
            """,
            (4, 14, 4, 21, "unknown message role 'sytem' (HTTP 400)"),
            (5, 5, 5, 22, "message without a `role` (HTTP 400)"),
        ),
        good(
            """
            from openai import OpenAI

            messages = [
                {"role": "developer", "content": "You are terse."},
                {"role": "assistant", "tool_calls": calls},
                {"role": "tool", "tool_call_id": call_id, "content": "42"},
                {**base_message, "content": "Hi"},
            ]
            reply = OpenAI().chat.completions.create(model="gpt-5.5", messages=messages)
            """
        ),
        bad(
            """
            import openai

            openai.chat.completions.create(model="gpt-5.5", messages=[{"role": "tool", "content": "42"}])
            """,
            (3, 59, 3, 92, "tool message without `tool_call_id` (HTTP 400: missing required parameter)"),
            title="a tool result without its tool_call_id",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        chat = chat_call(ctx, node, scope, ("messages",))
        keyword = chat.keyword("messages") if chat else None
        if keyword is None:
            return
        for message in self._message_dicts(ctx, keyword.value, scope):
            self._check_message(message, ctx)

    @staticmethod
    def _message_dicts(ctx: Context, value: ast.AST, scope: Scope) -> Iterator[ast.Dict]:
        value = ctx.model.bound_value(value, scope)
        if isinstance(value, (ast.List, ast.Tuple)):
            yield from (element for element in value.elts if isinstance(element, ast.Dict))

    def _check_message(self, message: ast.Dict, ctx: Context) -> None:
        fields: Dict[str, ast.expr] = {}
        for key, value in zip(message.keys, message.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                return  # ** unpacking or computed keys: the keys are not all known
            fields[key.value] = value
        roles = knowledge.sdk().data["message_params"]
        role_node = fields.get("role")
        if role_node is None:
            ctx.report(
                self,
                message,
                'message without a `role` (HTTP 400); add "role": "user" (or system, assistant, ...)',
            )
            return
        if not (isinstance(role_node, ast.Constant) and isinstance(role_node.value, str)):
            return
        role = role_node.value
        if role not in roles:
            close = knowledge.close_matches(role, roles, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            valid = ", ".join(sorted(roles))
            ctx.report(
                self, role_node, f"unknown message role '{role}' (HTTP 400); {hint}valid roles: {valid}"
            )
            return
        missing = [key for key in roles[role]["required"] if key not in fields]
        optional_with = knowledge.request_params().assistant_content_optional_with
        if role == "assistant" and "content" not in fields and not any(k in fields for k in optional_with):
            missing.append("content")
        if missing:
            keys = ", ".join(f"`{key}`" for key in missing)
            ctx.report(self, message, f"{role} message without {keys} (HTTP 400: missing required parameter)")
