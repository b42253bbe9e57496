"""OAI505 ``iterating-non-stream-response``: iterating a response created without `stream=True`."""

from __future__ import annotations

import ast

from lint_openai.context import Context
from lint_openai.rules.base import Rule, bad, good
from lint_openai.semantic.results import (
    CHAT,
    COMPLETIONS,
    RESPONSES,
    resolve_ref,
)
from lint_openai.semantic.scopes import Scope


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
    v1_sdk = True
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
            (5, 14, 5, 22, "`chat.completions.create` was called without stream=True"),
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
        assert isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp))
        generators = node.generators
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
