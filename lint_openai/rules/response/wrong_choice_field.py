"""OAI602 ``wrong-choice-field``: `.text` on a chat choice or `.message` on a text completion choice."""

from __future__ import annotations

import ast
from typing import Optional

from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Fix
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.edits import attribute_name_start, replace_chain
from lint_openai.rules.streaming.common import SHAPES_SOURCE
from lint_openai.semantic.results import CHAT, COMPLETIONS, INDEX, resolve_ref
from lint_openai.semantic.scopes import Scope


class WrongChoiceField(Rule):
    """## What it does
    Checks `.text` read from a chat completion choice and `.message` read from a text completion
    choice (non-streaming).

    ## Why is this bad?
    `client.chat.completions.create(...)` returns choices with `.message.content`; `.text` belongs to
    the legacy `client.completions.create(...)`, whose choices have no `.message`. Either mix-up
    raises `AttributeError: 'Choice' object has no attribute 'text'` (or `'message'`), typically after
    switching endpoints or models.

    ## Fix safety
    Safe: `.text` becomes `.message.content` on chat choices; `.message.content` becomes `.text` on
    text completion choices. A bare `.message` on a text completion choice has no fix.
    """

    needs_text = ("choices",)
    code = "OAI602"
    symbol = "wrong-choice-field"
    summary = "`.text` on a chat choice or `.message` on a text completion choice"
    node_types = (ast.Attribute,)
    fix_availability = "sometimes"
    sources = (SHAPES_SOURCE,)
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=messages)
            print(reply.choices[0].text)
            """,
            (5, 7, 5, 28, "`reply.choices[0].text`: chat completion choices have no `.text`"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=messages)
            print(reply.choices[0].message.content)
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.5", messages=messages)
            print(reply.choices[0].message.content)
            legacy = client.completions.create(model="m", prompt="p")
            print(legacy.choices[0].text)
            """
        ),
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            legacy = client.completions.create(model="m", prompt="p")
            print(legacy.choices[0].message.content)
            """,
            (5, 7, 5, 32, "`legacy.choices[0].message`: text completion choices have no `.message`"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            legacy = client.completions.create(model="m", prompt="p")
            print(legacy.choices[0].text)
            """,
            applicability="safe",
            title="the other way round",
        ),
    )

    def attribute_names(self) -> frozenset[str]:
        return frozenset({"text", "message"})

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Attribute)
        if node.attr not in ("text", "message"):
            return
        ref = resolve_ref(ctx.model, node.value, scope)
        if ref is None or ref.stream is not False or ref.path != ("choices", INDEX) or ref.result.v0:
            return
        shape = ref.shape()
        if not isinstance(shape, dict) or node.attr in shape:
            return
        if ref.method == CHAT and node.attr == "text" and "message" in shape:
            edit = ctx.replace_range(attribute_name_start(ctx, node), ctx.lines.end(node), "message.content")
            fix = ctx.fix(Applicability.SAFE, "Replace `.text` with `.message.content`", edit)
            self._report(node, ctx, "chat completion choices have no `.text`: read `.message.content`", fix)
        elif ref.method == COMPLETIONS and node.attr == "message" and "text" in shape:
            parent = ctx.model.parent(node)
            fix = None
            if isinstance(parent, ast.Attribute) and parent.attr == "content":
                edit = replace_chain(ctx, node.value, parent, "text")
                fix = ctx.fix(Applicability.SAFE, "Replace `.message.content` with `.text`", edit)
            self._report(node, ctx, "text completion choices have no `.message`: read `.text`", fix)

    def _report(self, node: ast.Attribute, ctx: Context, advice: str, fix: Optional[Fix]) -> None:
        ctx.report(self, node, f"`{ctx.segment(node)}`: {advice} (AttributeError)", fix)
