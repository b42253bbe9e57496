"""OAI501 ``stream-reads-non-delta``: chat stream loop reads `.message`/`.text` instead of `.delta`."""

from __future__ import annotations

import ast
from typing import Optional

from lint_openai.context import Context
from lint_openai.diagnostic import Applicability
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.edits import attribute_name_start
from lint_openai.rules.streaming.common import SHAPES_SOURCE
from lint_openai.semantic.results import (
    INDEX,
    ITEM,
    ResultRef,
    resolve_ref,
)
from lint_openai.semantic.scopes import Scope


def _stream_choice(ref: Optional[ResultRef]) -> bool:
    return ref is not None and ref.is_chat_stream and ref.path == (ITEM, "choices", INDEX)


class StreamReadsNonDelta(Rule):
    """## What it does
    Checks loops over a chat completion stream (`create(..., stream=True)`) that read
    `chunk.choices[0].message` or `chunk.choices[0].text` instead of `chunk.choices[0].delta`.

    ## Why is this bad?
    Streamed chat chunks carry a `delta` (`ChatCompletionChunk.choices[i].delta.content`), not a
    `message` (that is the non-streaming `ChatCompletion`) nor a `text` (that is the legacy
    completions endpoint). The loop fails on the first chunk with
    `AttributeError: 'Choice' object has no attribute 'message'`.

    ## Fix safety
    Safe: `.message` becomes `.delta` (so `.message.content` becomes `.delta.content`) and `.text`
    becomes `.delta.content`; the code raised before. `delta.content` can be `None` (see OAI503).
    """

    needs_text = ("stream",)
    code = "OAI501"
    symbol = "stream-reads-non-delta"
    summary = "chat stream loop reads `.message`/`.text` instead of `.delta`"
    node_types = (ast.Attribute,)
    fix_availability = "always"
    sources = (SHAPES_SOURCE,)
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            stream = client.chat.completions.create(model="gpt-5.5", messages=messages, stream=True)
            for chunk in stream:
                handle(chunk.choices[0].message.content)
            """,
            (6, 12, 6, 36, "streamed chat chunks have no `.message`"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            stream = client.chat.completions.create(model="gpt-5.5", messages=messages, stream=True)
            for chunk in stream:
                handle(chunk.choices[0].delta.content)
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            stream = client.chat.completions.create(model="gpt-5.5", messages=messages, stream=True)
            for chunk in stream:
                handle(chunk.choices[0].delta.content)
            """
        ),
        bad(
            """
            from openai import AsyncOpenAI

            async def relay(client: AsyncOpenAI, messages):
                async for chunk in await client.chat.completions.create(model="m", messages=messages, stream=True):
                    yield chunk.choices[0].text
            """,
            (5, 15, 5, 36, "streamed chat chunks have no `.text`"),
            fixed="""
            from openai import AsyncOpenAI

            async def relay(client: AsyncOpenAI, messages):
                async for chunk in await client.chat.completions.create(model="m", messages=messages, stream=True):
                    yield chunk.choices[0].delta.content
            """,
            applicability="safe",
            title="async, with the text-completions field",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            for chunk in client.completions.create(model="m", prompt="p", stream=True):
                print(chunk.choices[0].text, end="")
            reply = client.chat.completions.create(model="m", messages=messages)
            print(reply.choices[0].message.content)
            """,
            title="text-completions streams have .text; non-streaming chat has .message",
        ),
    )

    def attribute_names(self) -> frozenset[str]:
        return frozenset({"text", "message"})

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Attribute)
        if node.attr not in ("text", "message"):
            return
        ref = resolve_ref(ctx.model, node.value, scope)
        if ref is None or not _stream_choice(ref):
            return
        shape = ref.shape()
        if not isinstance(shape, dict) or node.attr in shape or "delta" not in shape:
            return
        replacement = "delta.content" if node.attr == "text" else "delta"
        edit = ctx.replace_range(attribute_name_start(ctx, node), ctx.lines.end(node), replacement)
        fix = ctx.fix(Applicability.SAFE, f"Replace `.{node.attr}` with `.{replacement}`", edit)
        message = (
            f"streamed chat chunks have no `.{node.attr}` (AttributeError on the first chunk): "
            f"read `.{replacement}` instead"
        )
        ctx.report(self, node, message, fix)
