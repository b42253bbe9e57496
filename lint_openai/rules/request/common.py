"""Shared by the OAI3xx rules: recognising chat calls, their model, literal values and message text."""

from __future__ import annotations

import ast
from typing import Any, Collection, Mapping, Optional

from lint_openai import knowledge
from lint_openai.analyses.chat_calls import ChatCall, ChatCalls
from lint_openai.analyses.model_references import ModelReferences
from lint_openai.context import Context
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Str

PARAMS_SOURCE = (
    "lint_openai/knowledge/request_params.json: per-parameter model groups with the API's error text and "
    "the public reports and SDK docstrings it comes from (checked by tests against models.json and the SDK)"
)


def chat_call(
    ctx: Context, node: ast.AST, scope: Scope, needs: Collection[Optional[str]] = ()
) -> Optional[ChatCall]:
    """The chat completions call ``node`` is, if it is one and passes a keyword in ``needs`` (checked
    first: it is cheap). Rules using this require :class:`ChatCalls`."""
    if not isinstance(node, ast.Call):
        return None
    if needs:
        for keyword in node.keywords:
            if keyword.arg in needs:
                break
        else:
            return None
    return ctx.analysis(ChatCalls).of(node, scope)


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
    found = ctx.analysis(ModelReferences).by_call.get(chat.call)
    return found.model if found is not None and not found.azure else None


def max_tokens_rejection(ctx: Context, chat: ChatCall, scope: Scope) -> Optional[Mapping[str, Any]]:
    """The request-params entry under which the API rejects ``max_tokens=`` for the call's known model
    (a reasoning model), if it does (OAI305's case)."""
    model = call_model(ctx, chat, scope)
    if not model:
        return None
    return knowledge.request_params().rejected("max_tokens", model, ctx.models.is_reasoning(model))
