"""OAI107 ``non-exception-in-except``: `except` clause naming an `openai` class that is not an exception."""

from __future__ import annotations

import ast

from lint_openai import knowledge
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability
from lint_openai.rules.base import Rule, bad, good
from lint_openai.semantic.exceptions import caught_expressions
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import SdkClass


class NonExceptionInExcept(Rule):
    """## What it does
    Checks `except` clauses that name a class from the `openai` module that is not an exception,
    most often `except openai.Timeout:`.

    ## Why is this bad?
    In openai>=1.0, `openai.Timeout` is the httpx timeout *configuration* class (what you pass as
    `timeout=`), not an exception. When any exception reaches that clause, Python raises
    `TypeError: catching classes that do not inherit from BaseException is not allowed`, hiding the
    original error. It is the usual result of shortening v0's `openai.error.Timeout`. The request
    timeout exception is `openai.APITimeoutError`.

    ## Fix safety
    `openai.Timeout` -> `openai.APITimeoutError` is safe: the clause can only have worked by accident
    before (it never matched). Other classes have no fix.
    """

    needs_text = ("except",)
    code = "OAI107"
    symbol = "non-exception-in-except"
    v1_sdk = True
    summary = "`except` clause naming an `openai` class that is not an exception"
    node_types = (ast.ExceptHandler,)
    fix_availability = "sometimes"
    sources = (
        "installed SDK: `openai.Timeout` is `httpx.Timeout` (not a BaseException subclass); exception "
        "classes are generated into knowledge/sdk.json",
    )
    replacements = {"Timeout": "APITimeoutError"}
    examples = (
        bad(
            """
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-5.5", messages=messages)
            except openai.Timeout:
                reply = None
            """,
            (5, 8, 5, 22, "`openai.Timeout` is not an exception class"),
            fixed="""
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-5.5", messages=messages)
            except openai.APITimeoutError:
                reply = None
            """,
            applicability="safe",
        ),
        good(
            """
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-5.5", messages=messages)
            except (openai.APITimeoutError, openai.APIConnectionError):
                reply = None
            """
        ),
        bad(
            """
            from openai import RateLimitError, Timeout

            try:
                reply = ask()
            except (RateLimitError, Timeout):
                reply = None
            """,
            (5, 25, 5, 32, "`Timeout` is not an exception class"),
            title="imported by name, inside a tuple",
        ),
        good(
            """
            import httpx
            import requests

            try:
                fetch()
            except (requests.Timeout, httpx.TimeoutException):
                pass
            """,
            title="other libraries' Timeout exceptions",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.ExceptHandler)
        for element in caught_expressions(node):
            value = ctx.model.resolve(element, scope)
            if not isinstance(value, SdkClass) or "." in value.name:
                continue
            if value.name in knowledge.sdk().exceptions:
                continue
            text = ctx.segment(element)
            replacement = self.replacements.get(value.name)
            message = (
                f"`{text}` is not an exception class (it is the SDK's `{value.name}`): reaching this clause "
                "raises TypeError"
            )
            fix = None
            if replacement:
                message += f"; the request-timeout exception is `openai.{replacement}`"
                if isinstance(element, ast.Attribute):
                    new = f"{ctx.segment(element.value)}.{replacement}"
                    fix = ctx.fix(Applicability.SAFE, f"Replace with `{new}`", ctx.replace(element, new))
            ctx.report(self, element, message, fix)
