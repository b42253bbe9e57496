"""OAI109 ``module-base-url-without-slash``: `openai.base_url` without a trailing slash (module client requests 404)."""

from __future__ import annotations

import ast

from lint_openai.context import Context
from lint_openai.diagnostic import Applicability
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.edits import (
    append_to_literal,
)
from lint_openai.rules.removed_api.common import (
    url_lacks_trailing_slash,
)
from lint_openai.semantic.navigation import assigned_value
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import OPENAI


class ModuleBaseUrlWithoutSlash(Rule):
    """## What it does
    Checks for a URL without a trailing `/` assigned to `openai.base_url` (the module-level client's
    base URL).

    ## Why is this bad?
    `OpenAI(base_url="https://host/v1")` adds the missing slash itself, but the module-level client
    reads `openai.base_url` as is and joins request paths to it, so every call goes to
    `https://host/v1chat/completions` and fails with `openai.NotFoundError` (HTTP 404). v0's
    `openai.api_base` used the form without the slash, so migrated code hits this.

    ## Fix safety
    Appending `/` to the string literal is safe: with the slash, requests reach `<base>/chat/completions`
    as intended. Values that are not proven string constants are not reported.
    """

    needs_text = ("base_url",)
    code = "OAI109"
    symbol = "module-base-url-without-slash"
    v1_sdk = True
    summary = "`openai.base_url` without a trailing slash (module client requests 404)"
    node_types = (ast.Attribute,)
    fix_availability = "always"
    sources = (
        "installed SDK: `openai/__init__.py` `_ModuleClient.base_url` returns the URL without "
        "`_enforce_trailing_slash`, which `BaseClient.__init__` applies to `OpenAI(base_url=...)`; "
        "tests/test_fix_execution.py observes the request path through a mocked transport",
    )
    examples = (
        bad(
            """
            import openai

            openai.base_url = "https://llm-proxy.internal/v1"
            """,
            (3, 1, 3, 16, "`openai.base_url` = 'https://llm-proxy.internal/v1' has no trailing '/'"),
            fixed="""
            import openai

            openai.base_url = "https://llm-proxy.internal/v1/"
            """,
            applicability="safe",
        ),
        good(
            """
            import openai
            from openai import OpenAI

            openai.base_url = "https://llm-proxy.internal/v1/"
            client = OpenAI(base_url="https://llm-proxy.internal/v1")
            """
        ),
        bad(
            """
            import os
            import openai

            DEFAULT_BASE = "http://localhost:8000/v1"
            openai.base_url = os.getenv("OPENAI_BASE_URL", DEFAULT_BASE)
            """,
            (5, 1, 5, 16, "`openai.base_url` = 'http://localhost:8000/v1' has no trailing '/'"),
            fixed="""
            import os
            import openai

            DEFAULT_BASE = "http://localhost:8000/v1/"
            openai.base_url = os.getenv("OPENAI_BASE_URL", DEFAULT_BASE)
            """,
            applicability="safe",
            title="through a constant and an environment default",
        ),
    )

    def attribute_names(self) -> frozenset[str]:
        return frozenset({"base_url"})

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Attribute)
        if node.attr != "base_url" or not isinstance(node.ctx, ast.Store):
            return
        if ctx.model.resolve(node.value, scope) != OPENAI:
            return
        value = ctx.model.string_value(assigned_value(ctx.model, node), scope)
        if value is None or not url_lacks_trailing_slash(value.value):
            return
        edits = [append_to_literal(ctx, literal, "/") for literal in value.origins]
        proper = [edit for edit in edits if edit is not None]
        fix = None
        if len(proper) == len(edits):
            fix = ctx.fix(Applicability.SAFE, "Add the trailing `/`", *proper)
        message = (
            f"`{ctx.segment(node)}` = {value.value!r} has no trailing '/': the module-level client joins paths "
            "to it as is, so requests go to '.../v1chat/completions' and fail with NotFoundError (404)"
        )
        ctx.report(self, node, message, fix)
