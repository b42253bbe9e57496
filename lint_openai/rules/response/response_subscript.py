"""OAI601 ``response-subscript``: dict-style access on a v1 response object."""

from __future__ import annotations

import ast
import keyword
from typing import List, Optional, Tuple

from lint_openai import knowledge
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Edit
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.response.common import NOT_SUBSCRIPTABLE_RETURNS
from lint_openai.rules.streaming.common import SHAPES_SOURCE
from lint_openai.semantic.results import INDEX, ResultRef, resolve_ref
from lint_openai.semantic.scopes import Scope


def _string_key(node: ast.Subscript) -> Optional[str]:
    index = node.slice
    if isinstance(index, ast.Constant) and isinstance(index.value, str):
        return index.value
    return None


def _is_model_object(ref: ResultRef) -> Tuple[bool, bool]:
    """``(is_model, shape_known)``: whether the object at ``ref`` is a pydantic model (not a dict)."""
    if ref.result.v0:
        return False, False
    shape = ref.shape()
    if isinstance(shape, dict):
        return INDEX not in shape, True
    if ref.path:
        return False, False
    if ref.stream is True:
        return False, False  # a Stream: OAI506 reports it
    signature = knowledge.sdk().signature(ref.result.path)
    returns = signature.returns if signature else None
    known_model = returns is not None and not any(word in returns for word in NOT_SUBSCRIPTABLE_RETURNS)
    return known_model, False


class ResponseSubscript(Rule):
    """## What it does
    Checks v0-style dictionary access on v1 response objects: `response["choices"][0]["message"]`,
    `chunk["choices"][0]["delta"]`, `delta.get("content", "")`.

    ## Why is this bad?
    In openai>=1.0, responses are typed pydantic models, not dicts:
    `response["choices"]` raises `TypeError: 'ChatCompletion' object is not subscriptable` and
    `delta.get("content")` raises `AttributeError: 'ChoiceDelta' object has no attribute 'get'`.
    Read fields as attributes, or call `.model_dump()` for a dict. Results of `.model_dump()`,
    `.to_dict()` and v0 calls (OAI101) are not reported.

    ## Fix safety
    Each string key of the chain becomes an attribute (`["choices"][0]["message"]` ->
    `.choices[0].message`) and `.get("k")` becomes `.k` (`.get("k", "")` becomes `(.k or "")`).
    Safe when the SDK's response model confirms every field; unsafe when the shape of the object is
    not recorded (the key might be a field of a plain dict).
    """

    code = "OAI601"
    symbol = "response-subscript"
    v1_sdk = True
    summary = "dict-style access on a v1 response object"
    node_types = (ast.Subscript, ast.Call)
    fix_availability = "sometimes"
    sources = (
        SHAPES_SOURCE,
        "SDK: responses are `openai.BaseModel` (pydantic) instances without `__getitem__`",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            response = client.chat.completions.create(model="gpt-5.5", messages=messages)
            answer = response["choices"][0]["message"]["content"]
            """,
            (5, 10, 5, 54, "`response` is a v1 response object, not a dict"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            response = client.chat.completions.create(model="gpt-5.5", messages=messages)
            answer = response.choices[0].message.content
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            response = client.chat.completions.create(model="gpt-5.5", messages=messages)
            answer = response.choices[0].message.content
            as_dict = response.model_dump()["choices"][0]["message"]["content"]
            tags = response.metadata["tag"] if response.metadata else None
            """
        ),
        bad(
            """
            import openai

            reply = ""
            for chunk in openai.chat.completions.create(model="m", messages=messages, stream=True):
                reply += chunk.choices[0].delta.get("content", "")
            """,
            (5, 14, 5, 55, "`chunk.choices[0].delta` is a v1 response object, not a dict"),
            fixed="""
            import openai

            reply = ""
            for chunk in openai.chat.completions.create(model="m", messages=messages, stream=True):
                reply += (chunk.choices[0].delta.content or "")
            """,
            applicability="safe",
            title="dict.get on a streamed delta",
        ),
        bad(
            """
            from openai import OpenAI

            vector = OpenAI().embeddings.create(input="x", model="text-embedding-3-small")["data"][0]["embedding"]
            """,
            (3, 10, 3, 103, '`OpenAI().embeddings.create(input="x", model="text-embedding-3-small")` is a'),
            fixed="""
            from openai import OpenAI

            vector = OpenAI().embeddings.create(input="x", model="text-embedding-3-small").data[0].embedding
            """,
            applicability="safe",
            title="embeddings",
        ),
        good(
            """
            import litellm

            response = litellm.completion(model="gpt-5.5", messages=messages)
            answer = response["choices"][0]["message"]["content"]
            """,
            title="litellm returns dict-like objects",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if isinstance(node, ast.Call):
            self._check_get(node, scope, ctx)
            return
        assert isinstance(node, ast.Subscript)
        key = _string_key(node)
        if key is None or isinstance(node.ctx, (ast.Store, ast.Del)):
            return
        ref = resolve_ref(ctx.model, node.value, scope)
        if ref is None or not _is_model_object(ref)[0]:
            return
        if self._inner_subscript_reports(node.value, scope, ctx):
            return  # the innermost string subscript of the chain reports (one finding per chain)
        edits, proven = self._chain_edits(node, scope, ctx)
        fix = None
        if edits:
            applicability = Applicability.SAFE if proven else Applicability.UNSAFE
            fix = ctx.fix(applicability, "Use attribute access", *edits)
        message = (
            f"`{ctx.segment(node.value)}` is a v1 response object, not a dict: `[{key!r}]` raises TypeError "
            f"(not subscriptable); use `.{key}`"
        )
        ctx.report(self, node, message, fix, end_node=self._chain_end(node, ctx))

    @staticmethod
    def _inner_subscript_reports(inner: ast.AST, scope: Scope, ctx: Context) -> bool:
        while isinstance(inner, (ast.Attribute, ast.Subscript)):
            if isinstance(inner, ast.Subscript) and _string_key(inner) is not None:
                ref = resolve_ref(ctx.model, inner.value, scope)
                if ref is not None and _is_model_object(ref)[0]:
                    return True
            inner = inner.value
        return False

    def _chain_end(self, node: ast.AST, ctx: Context) -> ast.AST:
        current = node
        while True:
            parent = ctx.model.parent(current)
            if isinstance(parent, (ast.Subscript, ast.Attribute)) and parent.value is current:
                current = parent
            else:
                return current

    def _chain_edits(self, node: ast.Subscript, scope: Scope, ctx: Context) -> Tuple[List[Edit], bool]:
        """Edits turning each string subscript of the chain into attribute access."""
        edits: List[Edit] = []
        proven = True
        current: ast.AST = node
        while True:
            if isinstance(current, ast.Subscript) and _string_key(current) is not None:
                key = _string_key(current) or ""
                ref = resolve_ref(ctx.model, current.value, scope)
                is_model, known = _is_model_object(ref) if ref else (False, False)
                if not is_model or not key.isidentifier() or keyword.iskeyword(key):
                    break
                shape = ref.shape() if ref else None
                proven = proven and known and isinstance(shape, dict) and key in shape
                edits.append(
                    ctx.replace_range(ctx.lines.end(current.value), ctx.lines.end(current), f".{key}")
                )
            parent = ctx.model.parent(current)
            if not (isinstance(parent, (ast.Subscript, ast.Attribute)) and parent.value is current):
                break
            current = parent
        return edits, proven

    def _check_get(self, node: ast.Call, scope: Scope, ctx: Context) -> None:
        func = node.func
        if not (isinstance(func, ast.Attribute) and func.attr == "get" and node.args and not node.keywords):
            return
        key_node = node.args[0]
        if not (isinstance(key_node, ast.Constant) and isinstance(key_node.value, str)) or len(node.args) > 2:
            return
        ref = resolve_ref(ctx.model, func.value, scope)
        if ref is None:
            return
        is_model, known = _is_model_object(ref)
        if not is_model:
            return
        key = key_node.value
        owner = ctx.segment(func.value)
        fix = None
        shape = ref.shape()
        field_known = known and isinstance(shape, dict) and key in shape
        if key.isidentifier() and not keyword.iskeyword(key):
            default = node.args[1] if len(node.args) == 2 else None
            replacement = self._get_replacement(owner, key, default, ctx)
            if replacement is not None:
                applicability = Applicability.SAFE if field_known else Applicability.UNSAFE
                fix = ctx.fix(applicability, f"Replace with `{replacement}`", ctx.replace(node, replacement))
        message = (
            f"`{owner}` is a v1 response object, not a dict: `.get({key!r})` raises AttributeError; "
            f"use `.{key}`"
        )
        ctx.report(self, node, message, fix)

    @staticmethod
    def _get_replacement(owner: str, key: str, default: Optional[ast.AST], ctx: Context) -> Optional[str]:
        if default is None or (isinstance(default, ast.Constant) and default.value is None):
            return f"{owner}.{key}"
        if isinstance(default, ast.Constant) and default.value == "":
            return f"({owner}.{key} or {ctx.segment(default)})"
        return None
