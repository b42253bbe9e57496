"""OAI504 ``unguarded-stream-choices``: `chunk.choices[0]` on an `include_usage` stream without an emptiness check."""

from __future__ import annotations

import ast

from lint_openai.context import Context
from lint_openai.rules.base import Rule, bad, good
from lint_openai.semantic.exceptions import is_handled
from lint_openai.semantic.guards import is_guarded
from lint_openai.semantic.results import (
    ITEM,
    include_usage,
    resolve_ref,
)
from lint_openai.semantic.scopes import Scope

# ``except`` clauses that catch the IndexError of ``chunk.choices[0]`` on the usage chunk.
CATCHES_INDEX_ERROR = frozenset({"IndexError", "LookupError", "Exception", "BaseException"})


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
            (8, 11, 8, 27, "with stream_options include_usage the last chunk has no choices"),
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
        if is_guarded(ctx.model, node, node.value) or is_handled(ctx.model, node, CATCHES_INDEX_ERROR):
            return
        message = (
            f"with stream_options include_usage the last chunk has no choices: `{ctx.segment(node)}` raises "
            "IndexError there; check `if chunk.choices:` first"
        )
        ctx.report(self, node, message)
