"""OAI504 ``unguarded-stream-choices``: `chunk.choices[0]` on an `include_usage` stream without an emptiness check."""

from __future__ import annotations

import ast

from lint_openai.context import Context
from lint_openai.rules.base import Rule, bad, good
from lint_openai.semantic.guards import is_guarded
from lint_openai.semantic.results import (
    ITEM,
    include_usage,
    resolve_ref,
)
from lint_openai.semantic.scopes import Scope


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
