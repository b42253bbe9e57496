"""Shared by the OAI3xx rules: recognising chat calls, their model, literal values and message text."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from lint_openai import knowledge
from lint_openai.analyses.model_references import model_references
from lint_openai.context import Context
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Client, Method, Str, V0Method

CHAT_METHODS = (
    ("chat", "completions", "create"),
    ("chat", "completions", "parse"),
    ("chat", "completions", "stream"),
)


V0_CHAT = ("acreate", "create")


PARAMS_SOURCE = (
    "lint_openai/knowledge/request_params.json: per-parameter model groups with the API's error text and "
    "the public reports and SDK docstrings it comes from (checked by tests against models.json and the SDK)"
)


@dataclass(frozen=True)
class ChatCall:
    """A call of a chat completions endpoint (v1 clients, the module client, v0 ``ChatCompletion``)."""

    call: ast.Call
    client: Optional[Client]
    v0: bool

    def keyword(self, name: str) -> Optional[ast.keyword]:
        for keyword in self.call.keywords:
            if keyword.arg == name:
                return keyword
        return None


def chat_call(ctx: Context, node: ast.AST, scope: Scope) -> Optional[ChatCall]:
    """The chat call ``node`` is, if it is one (computed once per call for all request rules)."""
    if not isinstance(node, ast.Call):
        return None
    memo = ctx.memo.setdefault(ChatCall, {})
    if node not in memo:  # type: ignore[operator]
        memo[node] = _chat_call(ctx, node, scope)  # type: ignore[index]
    return memo[node]  # type: ignore[index]


def _chat_call(ctx: Context, node: ast.Call, scope: Scope) -> Optional[ChatCall]:
    func = ctx.model.resolve(node.func, scope)
    if isinstance(func, Method):
        path = tuple(p for p in func.path if p not in knowledge.WRAPPER_ATTRIBUTES)
        if path[-3:] in CHAT_METHODS:
            return ChatCall(node, func.client, v0=False)
    elif isinstance(func, V0Method) and func.symbol == "ChatCompletion" and func.method in V0_CHAT:
        return ChatCall(node, None, v0=True)
    return None


def is_text(ctx: Context, node: ast.AST, scope: Scope) -> bool:
    """Whether ``node`` is provably a ``str`` (literal, f-string, ``str()``, formatting, concatenation)."""
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return is_text(ctx, node.left, scope) or is_text(ctx, node.right, scope)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "str" and ctx.model.lookup_scope("str", scope) is None:
            return True
        if isinstance(func, ast.Attribute) and func.attr in ("format", "join", "strip", "lower", "upper"):
            return isinstance(func.value, ast.Constant) and isinstance(func.value.value, str)
        return False
    return isinstance(ctx.model.resolve(node, scope), Str)


def user_message(text: str) -> str:
    return f'[{{"role": "user", "content": {text}}}]'


NOT_LITERAL = object()


def call_model(ctx: Context, chat: ChatCall, scope: Scope) -> Optional[str]:
    """The known model a chat call uses (not for Azure, where ``model=`` is a deployment name)."""
    if chat.client is not None and chat.client.is_azure:
        return None
    found = model_references(ctx).by_call.get(chat.call)
    return found.model if found is not None and not found.azure else None


def max_tokens_rejection(ctx: Context, chat: ChatCall, scope: Scope) -> Optional[Mapping[str, Any]]:
    """The request-params entry under which the API rejects ``max_tokens=`` for the call's known model
    (a reasoning model), if it does (OAI305's case)."""
    model = call_model(ctx, chat, scope)
    if not model:
        return None
    return knowledge.request_params().rejected("max_tokens", model, ctx.models.is_reasoning(model))
