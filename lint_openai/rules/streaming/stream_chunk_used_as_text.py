"""OAI502 ``stream-chunk-used-as-text``: stream chunk object used as text."""

from __future__ import annotations

import ast

from lint_openai.context import Context
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.streaming.common import SHAPES_SOURCE, TEXT_USE_PHRASES
from lint_openai.semantic.results import (
    CHAT,
    ITEM,
    resolve_ref,
)
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.text_use import text_use


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
    v1_sdk = True
    summary = "stream chunk object used as text"
    # Reads of loop variables only: asked of the binder's records once the file is walked.
    node_types = ()
    sources = (SHAPES_SOURCE,)
    examples = (
        bad(
            """
            import openai

            reply = ""
            for chunk in openai.chat.completions.create(model="m", messages=messages, stream=True):
                reply += chunk
            """,
            (5, 14, 5, 19, "`chunk` is a `ChatCompletionChunk` object, not text, but it is concatenated to"),
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

    def finish(self, ctx: Context) -> None:
        model = ctx.model
        for name in sorted(model.names_by_binding_kind.get("iter", ())):  # a chunk is a loop variable
            for node in model.references.get(name, ()):
                self._check_read(node, model.scope_of(node), ctx)

    def _check_read(self, node: ast.Name, scope: Scope, ctx: Context) -> None:
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
