"""Which calls are chat completions calls (``create``/``parse``/``stream``, v1 or v0), answered once per call."""

from __future__ import annotations

import ast
from typing import Dict, Optional

from lint_openai.analyses.base import Analysis
from lint_openai.context import Context
from lint_openai.records import record
from lint_openai.semantic.methods import endpoint
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Client, Method, V0Method

CHAT_METHODS = frozenset({"chat.completions.create", "chat.completions.parse", "chat.completions.stream"})
CHAT_CALLEES = (Method, V0Method)  # what the callee of a chat call resolves to (a rule's ``callees``)


@record
class ChatCall:
    """A call proven to be a chat completions call, and the client it is made on (``None``: v0)."""

    call: ast.Call
    client: Optional[Client]
    v0: bool

    def keyword(self, name: str) -> Optional[ast.keyword]:
        for keyword in self.call.keywords:
            if keyword.arg == name:
                return keyword
        return None


class ChatCalls(Analysis):
    """The chat completions calls of a file (each call is resolved once, for every rule that asks)."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._known: Dict[ast.Call, Optional[ChatCall]] = {}

    def of(self, node: ast.AST, scope: Scope) -> Optional[ChatCall]:
        """The chat call ``node`` is, if it is one."""
        if not isinstance(node, ast.Call):
            return None
        known = self._known
        if node not in known:
            known[node] = self._chat_call(node, scope)
        return known[node]

    def _chat_call(self, node: ast.Call, scope: Scope) -> Optional[ChatCall]:
        func = self.ctx.model.resolve(node.func, scope)
        if isinstance(func, (Method, V0Method)) and endpoint(func) in CHAT_METHODS:
            client = func.client if isinstance(func, Method) else None
            return ChatCall(node, client, v0=isinstance(func, V0Method))
        return None
