"""OAI506 ``stream-used-as-response``: response field read on a `Stream`."""

from __future__ import annotations

import ast
import functools
from typing import FrozenSet

from lint_openai import knowledge
from lint_openai.context import Context
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.streaming.common import SHAPES_SOURCE
from lint_openai.semantic.results import (
    resolve_ref,
)
from lint_openai.semantic.scopes import Scope


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
    v1_sdk = True
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
            (5, 7, 5, 23, "`response` is a Stream"),
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

    def attribute_names(self) -> frozenset[str]:
        """The fields of the recorded responses: the only attributes this rule reports on."""
        return _response_fields()

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
def _response_fields() -> FrozenSet[str]:
    """Top-level fields of every recorded response type."""
    shapes = knowledge.sdk().data["response_shapes"].values()
    return frozenset(field for entry in shapes for field in entry["response"])
