"""OAI102 ``removed-error-module``: `openai.error` module (removed in openai>=1.0)."""

from __future__ import annotations

import ast
from typing import List, Optional

from lint_openai import knowledge
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Fix
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.edits import (
    alias_anchor,
    replace_chain,
)
from lint_openai.semantic.navigation import enclosing_call, parent_attribute
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.type_checking import import_failure
from lint_openai.semantic.values import OPENAI


class RemovedErrorModule(Rule):
    """## What it does
    Checks for `openai.error.X`, `import openai.error` and `from openai.error import X`.
    Imports under `if TYPE_CHECKING:` and in `.pyi` stubs are reported too, naming the type checker's
    error instead of the run-time one (they never run).

    ## Why is this bad?
    The `openai.error` module does not exist in openai>=1.0: `import openai.error` and
    `from openai.error import RateLimitError` raise `ModuleNotFoundError: No module named
    'openai.error'`, and `openai.error.RateLimitError` raises `AttributeError`. In an `except` clause
    the error only surfaces when an exception reaches that clause, which is the worst moment.
    The exceptions now live on the `openai` module, some under new names
    (`InvalidRequestError` -> `BadRequestError`, `ServiceUnavailableError` -> `InternalServerError`,
    `Timeout` -> `APITimeoutError`, `PermissionError` -> `PermissionDeniedError`, `TryAgain` ->
    `ConflictError`).

    ## Fix safety
    `openai.error.X` is rewritten to `openai.<v1 name>`; `from openai.error import X` to
    `from openai import <v1 name> as X`; `import openai.error` to `import openai`. The fix is safe
    when the v1 class is raised for exactly the errors the v0 class was (`RateLimitError`,
    `AuthenticationError`, `PermissionError` -> `PermissionDeniedError`, `Timeout` ->
    `APITimeoutError`, `TryAgain` -> `ConflictError`, `OpenAIError`). It is unsafe when coverage
    differs: `InvalidRequestError` (v0: HTTP 400, 404 and 415; `BadRequestError` is only 400),
    `ServiceUnavailableError` (v0: 503; `InternalServerError` is every 5xx), `APIError` (now the base
    of all API errors, so later `except` clauses become unreachable) and `APIConnectionError` (now
    includes timeouts); and when the code constructs the exception (`RateLimitError("...")`), because
    v1 exceptions require `response=` and `body=`. Names without a v1 equivalent (`InvalidAPIType`,
    `SignatureVerificationError`) have no fix.
    """

    needs_text = ("error",)
    code = "OAI102"
    symbol = "removed-error-module"
    v1_sdk = True
    summary = "`openai.error` module (removed in openai>=1.0)"
    v0_surface = True
    node_types = (ast.Attribute, ast.Import, ast.ImportFrom)
    fix_availability = "sometimes"
    sources = (
        "v0 status mapping: openai 0.28.1 `openai/api_requestor.py` `handle_error_response`; "
        "v1: `openai/_client.py` `_make_status_error` and `openai/_exceptions.py`",
        "every v1 name in the mapping is checked to be an exception class of the installed SDK "
        "(tests/test_knowledge_sdk.py)",
    )
    examples = (
        bad(
            """
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-5.5", messages=messages)
            except openai.error.RateLimitError:
                reply = None
            """,
            (5, 8, 5, 35, "`openai.error.RateLimitError` does not exist in openai>=1.0 (AttributeError)"),
            fixed="""
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-5.5", messages=messages)
            except openai.RateLimitError:
                reply = None
            """,
            applicability="safe",
        ),
        good(
            """
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-5.5", messages=messages)
            except openai.RateLimitError:
                reply = None
            """
        ),
        bad(
            """
            from openai.error import AuthenticationError, PermissionError

            FATAL = (AuthenticationError, PermissionError)
            """,
            (1, 1, 1, 62, "`from openai.error import AuthenticationError, PermissionError` raises"),
            fixed="""
            from openai import AuthenticationError, PermissionDeniedError as PermissionError

            FATAL = (AuthenticationError, PermissionError)
            """,
            applicability="safe",
            title="reported once at the import, not at each use",
        ),
        bad(
            """
            import openai

            def call():
                try:
                    return ask()
                except openai.error.InvalidRequestError as error:
                    return str(error)
            """,
            (6, 12, 6, 44, "`openai.error.InvalidRequestError` does not exist in openai>=1.0"),
            fixed="""
            import openai

            def call():
                try:
                    return ask()
                except openai.BadRequestError as error:
                    return str(error)
            """,
            applicability="unsafe",
            title="InvalidRequestError also covered HTTP 404",
        ),
        bad(
            """
            import openai.error

            print(openai.api_key)
            """,
            (1, 8, 1, 20, "`import openai.error` raises ModuleNotFoundError in openai>=1.0"),
            fixed="""
            import openai

            print(openai.api_key)
            """,
            applicability="safe",
            title="import of the module itself",
        ),
        good(
            """
            import myproject.error
            from anthropic import RateLimitError

            error = myproject.error.Timeout
            """,
            title="other packages' error modules",
        ),
    )

    def attribute_names(self) -> frozenset[str]:
        return frozenset({"error"})

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if isinstance(node, ast.Import):
            self._check_import(node, ctx)
        elif isinstance(node, ast.ImportFrom):
            self._check_import_from(node, ctx)
        elif (
            isinstance(node, ast.Attribute)
            and node.attr == "error"
            and ctx.model.resolve(node.value, scope) == OPENAI
        ):
            self._check_attribute(node, ctx)

    def _check_attribute(self, node: ast.Attribute, ctx: Context) -> None:
        outer = parent_attribute(ctx.model, node)
        if outer is None:
            message = "`openai.error` does not exist in openai>=1.0 (AttributeError); exceptions are `openai.<Name>`"
            ctx.report(self, node, message)
            return
        base = ctx.segment(node.value)
        entry = knowledge.v0().errors.get(outer.attr)
        replacement = entry.get("replacement") if entry else None
        if replacement is None:
            note = entry["note"] if entry else "it was never part of `openai.error`"
            message = f"`{base}.error.{outer.attr}` does not exist in openai>=1.0 (AttributeError); {note}"
            ctx.report(self, outer, message)
            return
        assert entry is not None  # a replacement comes from an entry
        message = (
            f"`{base}.error.{outer.attr}` does not exist in openai>=1.0 (AttributeError); "
            f"use `{base}.{replacement}` ({entry['note']})"
        )
        fix = None
        if enclosing_call(ctx.model, outer) is None:  # v1 exceptions are constructed differently
            edit = replace_chain(ctx, node.value, outer, replacement)
            fix = ctx.fix(Applicability(entry["applicability"]), f"Replace with `{base}.{replacement}`", edit)
        ctx.report(self, outer, message, fix)

    def _check_import(self, node: ast.Import, ctx: Context) -> None:
        for alias in node.names:
            if alias.name != "openai.error" and not alias.name.startswith("openai.error."):
                continue
            anchor = alias_anchor(alias, node)
            failing = _fails(ctx, node, "ModuleNotFoundError")
            message = f"`import openai.error` {failing}; exceptions are `openai.<Name>`"
            fix = None
            if alias.asname is None and alias.name == "openai.error" and anchor is alias:
                edit = ctx.replace(alias, "openai")
                fix = ctx.fix(Applicability.SAFE, "Replace with `import openai`", edit)
            ctx.report(self, anchor, message, fix)

    def _check_import_from(self, node: ast.ImportFrom, ctx: Context) -> None:
        if node.level:
            return
        if node.module == "openai":
            for alias in node.names:
                if alias.name == "error":
                    failing = _fails(ctx, node, "ImportError")
                    message = f"`from openai import error` {failing}; exceptions are `openai.<Name>`"
                    ctx.report(self, alias_anchor(alias, node), message)
            return
        if node.module != "openai.error":
            return
        names = [alias.name for alias in node.names]
        message = (
            f"`from openai.error import {', '.join(names)}` {_fails(ctx, node, 'ModuleNotFoundError')}; "
            f"{self._import_advice(node.names)}"
        )
        ctx.report(self, node, message, self._import_fix(node, ctx))

    @staticmethod
    def _import_advice(aliases: List[ast.alias]) -> str:
        parts = []
        for alias in aliases:
            entry = knowledge.v0().errors.get(alias.name)
            if entry and entry.get("replacement"):
                parts.append(f"`{alias.name}` is `openai.{entry['replacement']}`")
            elif entry:
                parts.append(f"`{alias.name}`: {entry['note']}")
            elif alias.name == "*":
                parts.append("import the exceptions from `openai`")
            else:
                parts.append(f"`{alias.name}` was never in `openai.error`")
        return "; ".join(parts)

    @staticmethod
    def _import_fix(node: ast.ImportFrom, ctx: Context) -> Optional[Fix]:
        pieces = []
        constructed = ctx.model.called_names
        applicability = Applicability.SAFE
        for alias in node.names:
            entry = knowledge.v0().errors.get(alias.name)
            replacement = entry.get("replacement") if entry else None
            if entry is None or replacement is None:
                return None
            local = alias.asname or alias.name
            pieces.append(replacement if replacement == local else f"{replacement} as {local}")
            if entry["applicability"] != "safe" or local in constructed:
                applicability = Applicability.UNSAFE  # v1 exceptions take (message, response=, body=)
        text = f"from openai import {', '.join(pieces)}"
        return ctx.fix(applicability, f"Replace with `{text}`", ctx.replace(node, text))


def _fails(ctx: Context, node: ast.AST, failure: str) -> str:
    """How the import fails: ``raises <failure>`` where it runs; for type checkers only (a stub, under
    ``if TYPE_CHECKING:``), what they report."""
    consequence = import_failure(ctx.model, ctx.path, node, failure)
    if consequence == failure:
        return f"raises {failure} in openai>=1.0"
    return f"does not resolve in openai>=1.0 ({consequence})"
