"""OAI403 ``unknown-model-for-tiktoken``: model name tiktoken cannot map (KeyError)."""

from __future__ import annotations

import ast

from lint_openai.analyses.encoding_sites import BY_MODEL
from lint_openai.context import Context
from lint_openai.knowledge import tiktoken_tables
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.tokenizer.common import TIKTOKEN_SOURCE
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Function


class UnknownModelForTiktoken(Rule):
    """## What it does
    Checks `tiktoken.encoding_for_model("<name>")` (and `encoding_name_for_model`) with a model name
    tiktoken cannot map, using tiktoken's exact and prefix tables.

    ## Why is this bad?
    The call raises `KeyError: 'Could not automatically map <name> to a tokeniser. Please use
    `tiktoken.get_encoding` to explicitly get the tokeniser you expect.'` at run time, usually right
    after a model upgrade (tiktoken 0.14.0 cannot map `gpt-6-luna`, `codex-mini-latest` or
    `gpt-image-1`).

    ## Fix safety
    There is no fix: pick the encoding with `tiktoken.get_encoding(...)` once you know which one the
    model uses.
    """

    needs_text = ("tiktoken",)
    code = "OAI403"
    symbol = "unknown-model-for-tiktoken"
    summary = "model name tiktoken cannot map (KeyError)"
    node_types = (ast.Call,)
    callees = (Function,)
    sources = (TIKTOKEN_SOURCE,)
    examples = (
        bad(
            """
            import tiktoken

            encoding = tiktoken.encoding_for_model("gpt-6-luna")
            """,
            (3, 40, 3, 52, "tiktoken 0.14.0 cannot map `gpt-6-luna`: `encoding_for_model` raises KeyError"),
        ),
        good(
            """
            import tiktoken

            encoding = tiktoken.encoding_for_model("gpt-5.6-sol")
            fallback = tiktoken.get_encoding("o200k_base")
            """
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if not isinstance(node, ast.Call) or not node.args:
            return
        func = ctx.model.resolve(node.func, scope)
        if not isinstance(func, Function) or func.name not in BY_MODEL:
            return
        value = ctx.model.string_value(node.args[0], scope)
        if value is None or tiktoken_tables().encoding_for_model(value.value) is not None:
            return
        message = (
            f"tiktoken {tiktoken_tables().version} cannot map `{value.value}`: `{func.name.split('.')[1]}` raises "
            "KeyError ('Could not automatically map ... to a tokeniser'); use `tiktoken.get_encoding(...)` with "
            "the encoding the model uses"
        )
        for literal in value.origins:
            ctx.report(self, literal, message)
