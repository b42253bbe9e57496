"""OAI503 ``unguarded-delta-content``: `delta.content` used as text without a `None` guard."""

from __future__ import annotations

import ast

from lint_openai.context import Context
from lint_openai.diagnostic import Applicability
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.streaming.common import SHAPES_SOURCE, TEXT_USE_PHRASES
from lint_openai.semantic.guards import is_guarded
from lint_openai.semantic.results import (
    INDEX,
    ITEM,
    resolve_ref,
)
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.text_use import text_use


class UnguardedDeltaContent(Rule):
    """## What it does
    Checks chat streaming loops that concatenate, join, write or print `delta.content` without
    guarding against `None`.

    ## Why is this bad?
    `ChoiceDelta.content` is `Optional[str]`: the final chunk (`finish_reason="stop"`) has an empty
    delta, and tool-call chunks have no content, so `content` is `None` there.
    `text += chunk.choices[0].delta.content` raises
    `TypeError: can only concatenate str (not "NoneType") to str` at the end of every answer,
    `"".join(...)` raises likewise, and `print(..., end="")` prints a stray `None`.
    Guards that count: `if content:`, `if content is not None:`, `if "content" in delta:`, `content or ""`,
    `filter(None, ...)`, a comprehension filter, or an earlier `if ...: continue`. (`"content" in delta`
    is lenient on purpose: v0's dict deltas of a function-call stream carry `"content": None`, which that
    test lets through.)

    ## Fix safety
    Safe: the expression becomes `(expression or "")`, which is the intended text for every chunk.
    """

    needs_text = ("stream",)
    code = "OAI503"
    symbol = "unguarded-delta-content"
    v1_sdk = True
    summary = "`delta.content` used as text without a `None` guard"
    node_types = (ast.Attribute,)  # names holding delta content: their reads, in ``finish``
    fix_availability = "always"
    sources = (SHAPES_SOURCE + "; `ChoiceDelta.content` is `Optional[str]`",)
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            answer = ""
            for chunk in client.chat.completions.create(model="m", messages=messages, stream=True):
                answer += chunk.choices[0].delta.content
            """,
            (6, 15, 6, 45, "`chunk.choices[0].delta.content` is None for the final chunk"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            answer = ""
            for chunk in client.chat.completions.create(model="m", messages=messages, stream=True):
                answer += chunk.choices[0].delta.content or ""
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            answer = ""
            for chunk in client.chat.completions.create(model="m", messages=messages, stream=True):
                if chunk.choices[0].delta.content:
                    answer += chunk.choices[0].delta.content
            """
        ),
        bad(
            """
            import sys
            from openai import OpenAI

            stream = OpenAI().chat.completions.create(model="m", messages=messages, stream=True)
            text = "".join(chunk.choices[0].delta.content for chunk in stream)
            for chunk in stream:
                piece = chunk.choices[0].delta.content
                sys.stdout.write(piece)
            """,
            (5, 16, 5, 46, "`chunk.choices[0].delta.content` is None for the final chunk"),
            (8, 22, 8, 27, "`piece` is None for the final chunk"),
            fixed="""
            import sys
            from openai import OpenAI

            stream = OpenAI().chat.completions.create(model="m", messages=messages, stream=True)
            text = "".join(chunk.choices[0].delta.content or "" for chunk in stream)
            for chunk in stream:
                piece = chunk.choices[0].delta.content
                sys.stdout.write(piece or "")
            """,
            applicability="safe",
            title="joined, and through a variable",
        ),
        good(
            """
            from openai import OpenAI

            stream = OpenAI().chat.completions.create(model="m", messages=messages, stream=True)
            parts = []
            for chunk in stream:
                content = chunk.choices[0].delta.content
                if content is None:
                    continue
                parts.append(content)
                print(content, end="")
            text = "".join(filter(None, (c.choices[0].delta.content for c in stream)))
            """,
            title="an early continue; filter(None, ...)",
        ),
    )

    def attribute_names(self) -> frozenset[str]:
        return frozenset({"content"})

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Attribute)
        if node.attr == "content":
            self._check_use(node, scope, ctx)

    def finish(self, ctx: Context) -> None:
        model = ctx.model
        # Only `piece = ...delta.content` makes a name hold delta content.
        for name in sorted(model.names_assigned_attribute.get("content", ())):
            for node in model.references.get(name, ()):
                self._check_use(node, model.scope_of(node), ctx)

    def _check_use(self, node: ast.expr, scope: Scope, ctx: Context) -> None:
        use = text_use(ctx.model, node)
        if use is None:
            return
        ref = resolve_ref(ctx.model, node, scope)
        if ref is None or not ref.is_chat_stream or ref.path != (ITEM, "choices", INDEX, "delta", "content"):
            return
        shape = ref.shape()
        if not (isinstance(shape, str) and shape.endswith("?")):
            return  # the SDK no longer declares the field optional
        if is_guarded(ctx.model, node, node):
            return
        text = ctx.segment(node)
        fix = ctx.fix(
            Applicability.SAFE, 'Use `... or ""`', ctx.replace(node, self._or_empty(ctx, node, text))
        )
        message = (
            f"`{text}` is None for the final chunk (and tool-call chunks) but it is {TEXT_USE_PHRASES[use]}: "
            f'use `{text} or ""` or skip empty deltas'
        )
        ctx.report(self, node, message, fix)

    @staticmethod
    def _or_empty(ctx: Context, node: ast.AST, text: str) -> str:
        """``text or ""``, parenthesised where an operator would otherwise bind tighter."""
        parent = ctx.model.parent(node)
        if isinstance(parent, ast.FormattedValue):
            outer = ctx.model.parent(parent)
            quote = (
                "''" if outer is not None and ctx.segment(outer).lstrip("rRfFbBuU").startswith('"') else '""'
            )
            return f"({text} or {quote})"
        if isinstance(parent, (ast.BinOp, ast.UnaryOp, ast.Compare, ast.Attribute, ast.Subscript)):
            return f'({text} or "")'
        return f'{text} or ""'
