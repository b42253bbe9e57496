"""OAI5xx: streaming loops that read the wrong field, treat chunks as text, or crash on ``None``."""

from __future__ import annotations

import ast
import functools
from typing import Optional

from .. import knowledge
from ..diagnostic import Applicability
from ..semantic import Scope
from .base import Context, Rule, bad, good
from .common import attribute_name_start
from .results import (
    CHAT,
    COMPLETIONS,
    INDEX,
    ITEM,
    RESPONSES,
    ResultRef,
    include_usage,
    is_guarded,
    resolve_ref,
    text_use,
)

SHAPES_SOURCE = (
    "response shapes generated from the installed SDK's pydantic models (`ChatCompletion`, "
    "`ChatCompletionChunk`, `Completion`) into knowledge/sdk.json"
)
TEXT_USE_PHRASES = {
    "concatenated": "concatenated to a string",
    "joined": "joined into a string",
    "written": "written to a stream",
    "printed": "printed",
    "formatted": "formatted into a string",
}


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
            stream = client.chat.completions.create(model="gpt-4.1", messages=messages, stream=True)
            for chunk in stream:
                handle(chunk.choices[0].message.content)
            """,
            (6, 12),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            stream = client.chat.completions.create(model="gpt-4.1", messages=messages, stream=True)
            for chunk in stream:
                handle(chunk.choices[0].delta.content)
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            stream = client.chat.completions.create(model="gpt-4.1", messages=messages, stream=True)
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
            (5, 15),
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

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Attribute)
        if node.attr not in ("text", "message"):
            return
        ref = resolve_ref(ctx.model, node.value, scope)
        if not _stream_choice(ref):
            return
        shape = ref.shape()  # type: ignore[union-attr]
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


class StreamChunkUsedAsText(Rule):
    """## What it does
    Checks loops over a chat or text completion stream that print, format, write or concatenate the
    chunk object itself (`print(chunk)`, `text += chunk`, `f"{chunk}"`).

    ## Why is this bad?
    Each item of a stream is a `ChatCompletionChunk` (or `Completion`) object, not a string:
    `text += chunk` raises `TypeError: can only concatenate str (not "ChatCompletionChunk") to str`,
    and `print(chunk)` prints the object's repr instead of the generated text. The text is
    `chunk.choices[0].delta.content` (chat) or `chunk.choices[0].text` (completions). Passing the
    chunk on (`yield chunk`, `queue.put(chunk)`, `chunks.append(chunk)`) is fine and not reported.

    ## Fix safety
    There is no fix: the right field depends on the endpoint and on `None` handling.
    """

    needs_text = ("stream",)
    code = "OAI502"
    symbol = "stream-chunk-used-as-text"
    summary = "stream chunk object used as text"
    node_types = (ast.Name,)
    sources = (SHAPES_SOURCE,)
    examples = (
        bad(
            """
            import openai

            reply = ""
            for chunk in openai.chat.completions.create(model="m", messages=messages, stream=True):
                reply += chunk
            """,
            (5, 14),
        ),
        good(
            """
            import openai

            reply = ""
            for chunk in openai.chat.completions.create(model="m", messages=messages, stream=True):
                reply += chunk.choices[0].delta.content or ""
            """
        ),
        good(
            """
            from openai import OpenAI

            def relay(client: OpenAI, queue, messages):
                chunks = []
                for chunk in client.chat.completions.create(model="m", messages=messages, stream=True):
                    chunks.append(chunk)
                    queue.put(chunk)
                    yield chunk
                return chunks
            """,
            title="pass-throughs",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Name)
        if node.id not in ctx.model.names_by_binding_kind.get("iter", ()):
            return  # a chunk is a loop variable
        use = text_use(ctx.model, node)
        if use is None:
            return
        ref = resolve_ref(ctx.model, node, scope)
        if ref is None or not ref.is_text_stream or ref.path != (ITEM,):
            return
        field = "choices[0].delta.content" if ref.method == CHAT else "choices[0].text"
        kind = "ChatCompletionChunk" if ref.method == CHAT else "Completion"
        message = (
            f"`{node.id}` is a `{kind}` object, not text, but it is {TEXT_USE_PHRASES[use]}; "
            f"the text is `{node.id}.{field}`"
        )
        ctx.report(self, node, message)


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
    Guards that count: `if content:`, `if content is not None:`, `content or ""`,
    `filter(None, ...)`, a comprehension filter, or an earlier `if ...: continue`.

    ## Fix safety
    Safe: the expression becomes `(expression or "")`, which is the intended text for every chunk.
    """

    needs_text = ("stream",)
    code = "OAI503"
    symbol = "unguarded-delta-content"
    summary = "`delta.content` used as text without a `None` guard"
    node_types = (ast.Attribute, ast.Name)
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
            (6, 15),
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
            (5, 16),
            (8, 22),
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

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if isinstance(node, ast.Attribute) and node.attr != "content":
            return
        if isinstance(node, ast.Name) and node.id not in ctx.model.names_assigned_attribute.get(
            "content", ()
        ):
            return  # only `piece = ...delta.content` makes a name hold delta content
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


class UnguardedStreamChoices(Rule):
    """## What it does
    Checks chat streams created with `stream_options={"include_usage": True}` whose loop reads
    `chunk.choices[0]` without first checking that `chunk.choices` is not empty.

    ## Why is this bad?
    With `include_usage`, the API sends one extra final chunk that carries `usage` and an empty
    `choices` list, so `chunk.choices[0]` raises `IndexError: list index out of range` after the
    answer has been streamed.

    ## Fix safety
    There is no fix; guard with `if chunk.choices:` (or `if not chunk.choices: continue`) and read
    `chunk.usage` from the last chunk.
    """

    needs_text = ("include_usage",)
    code = "OAI504"
    symbol = "unguarded-stream-choices"
    summary = "`chunk.choices[0]` on an `include_usage` stream without an emptiness check"
    node_types = (ast.Subscript,)
    sources = (
        "API reference for `stream_options.include_usage` (the final chunk has an empty `choices` "
        "array), mirrored in the SDK docstring of `ChatCompletionStreamOptionsParam.include_usage`",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            stream = client.chat.completions.create(
                model="m", messages=messages, stream=True, stream_options={"include_usage": True}
            )
            for chunk in stream:
                print(chunk.choices[0].delta.content or "", end="")
            """,
            (8, 11),
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            stream = client.chat.completions.create(
                model="m", messages=messages, stream=True, stream_options={"include_usage": True}
            )
            for chunk in stream:
                if not chunk.choices:
                    usage = chunk.usage
                    continue
                print(chunk.choices[0].delta.content or "", end="")
            """
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Subscript)
        if not (isinstance(node.value, ast.Attribute) and node.value.attr == "choices"):
            return
        ref = resolve_ref(ctx.model, node.value, scope)
        if ref is None or not ref.is_text_stream or ref.path != (ITEM, "choices"):
            return
        if not include_usage(ref.result.call):
            return
        if is_guarded(ctx.model, node, node.value) or _inside_index_error_handler(ctx, node):
            return
        message = (
            f"with stream_options include_usage the last chunk has no choices: `{ctx.segment(node)}` raises "
            "IndexError there; check `if chunk.choices:` first"
        )
        ctx.report(self, node, message)


def _inside_index_error_handler(ctx: Context, node: ast.AST) -> bool:
    parent = ctx.model.parent(node)
    while parent is not None:
        if isinstance(parent, ast.Try):
            for handler in parent.handlers:
                names = {n.id for n in ast.walk(handler.type)} if handler.type else {"IndexError"}
                if names & {"IndexError", "LookupError", "Exception", "BaseException"}:
                    return True
        parent = ctx.model.parent(parent)
    return False


class IteratingNonStreamResponse(Rule):
    """## What it does
    Checks `for` loops and comprehensions that iterate over the result of
    `chat.completions.create(...)`, `completions.create(...)` or `responses.create(...)` called
    without `stream=True`.

    ## Why is this bad?
    Without `stream=True` the call returns one response object after the whole answer is generated.
    Iterating a pydantic model yields `(field_name, value)` pairs, so the loop sees `("id", ...)`,
    `("choices", [...])`, ... and never the text; code written for chunks then fails or prints
    garbage.

    ## Fix safety
    There is no fix: add `stream=True` (and read `delta`), or drop the loop and read
    `response.choices[0].message.content`.
    """

    needs_text = ("for ",)
    code = "OAI505"
    symbol = "iterating-non-stream-response"
    summary = "iterating a response created without `stream=True`"
    node_types = (ast.For, ast.AsyncFor, ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
    sources = (
        "the SDK's `create` overloads: `stream: Literal[False]` returns `ChatCompletion`, not `Stream`",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            response = client.chat.completions.create(model="m", messages=messages)
            for chunk in response:
                print(chunk.choices[0].delta.content)
            """,
            (5, 14),
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            response = client.chat.completions.create(model="m", messages=messages, stream=True)
            for chunk in response:
                print(chunk.choices[0].delta.content or "")
            for choice in client.chat.completions.create(model="m", messages=messages).choices:
                print(choice.message.content)
            """
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if isinstance(node, (ast.For, ast.AsyncFor)):
            self._check_iterable(node.iter, scope, ctx)
            return
        generators = node.generators  # type: ignore[attr-defined]
        self._check_iterable(generators[0].iter, scope, ctx)
        inner = ctx.model.scopes.get(node, scope)
        for generator in generators[1:]:
            self._check_iterable(generator.iter, inner, ctx)

    def _check_iterable(self, iterable: ast.AST, scope: Scope, ctx: Context) -> None:
        ref = resolve_ref(ctx.model, iterable, scope)
        if (
            ref is None
            or ref.path
            or ref.stream is not False
            or ref.method not in (CHAT, COMPLETIONS, RESPONSES)
        ):
            return
        message = (
            f"`{ref.method}` was called without stream=True: iterating its response yields (field, value) "
            "pairs, not chunks; pass stream=True or read the response's fields"
        )
        ctx.report(self, iterable, message)


class StreamUsedAsResponse(Rule):
    """## What it does
    Checks reads of response fields (`.choices`, `.usage`, `["choices"]`, ...) directly on the result
    of `create(..., stream=True)`.

    ## Why is this bad?
    With `stream=True` the call returns a `Stream` of chunks, which has no `choices` or `usage`:
    `stream.choices[0].message.content` raises `AttributeError: 'Stream' object has no attribute
    'choices'`. Iterate over the stream, or drop `stream=True`.

    ## Fix safety
    There is no fix: either the loop or the `stream=True` is missing, and only the author knows which.
    """

    needs_text = ("stream",)
    code = "OAI506"
    symbol = "stream-used-as-response"
    summary = "response field read on a `Stream`"
    node_types = (ast.Attribute, ast.Subscript)
    sources = (SHAPES_SOURCE, "public attributes of `openai.Stream` (generated)")
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            response = client.chat.completions.create(model="m", messages=messages, stream=True)
            print(response.choices[0].message.content)
            """,
            (5, 7),
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            response = client.chat.completions.create(model="m", messages=messages, stream=True)
            print(response.response.status_code)
            response.close()
            """
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if isinstance(node, ast.Attribute):
            name = node.attr
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            name = node.slice.value
        else:
            return
        if name not in _response_fields():
            return  # cheap filter before resolving the receiver
        ref = resolve_ref(ctx.model, node.value, scope)
        if ref is None or ref.path or ref.stream is not True or name in knowledge.sdk().stream_attributes:
            return
        shape = knowledge.sdk().response_shape(ref.method)
        if not isinstance(shape, dict) or name not in shape:
            return
        message = (
            f"`{ctx.segment(node.value)}` is a Stream (created with stream=True), which has no `{name}`: "
            "iterate over it and read each chunk's `delta`, or drop stream=True"
        )
        ctx.report(self, node, message)


@functools.cache
def _response_fields() -> frozenset:  # type: ignore[type-arg]
    """Top-level fields of every recorded response type."""
    shapes = knowledge.sdk().data["response_shapes"].values()
    return frozenset(field for entry in shapes for field in entry["response"])


RULES = (
    StreamReadsNonDelta(),
    StreamChunkUsedAsText(),
    UnguardedDeltaContent(),
    UnguardedStreamChoices(),
    IteratingNonStreamResponse(),
    StreamUsedAsResponse(),
)
