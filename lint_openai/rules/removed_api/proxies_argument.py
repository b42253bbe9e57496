"""OAI113 ``proxies-argument``: ``proxies=`` given to the HTTP client the SDK uses."""

from __future__ import annotations

import ast
from typing import Optional

from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Fix
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.edits import has_position
from lint_openai.semantic.calls import keyword_value
from lint_openai.semantic.exceptions import caught_names, enclosing_handlers
from lint_openai.semantic.navigation import bound_value
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Client, Function, LibraryName, SdkClass, Str

# The SDK's HTTP client factories (openai 3.57: subclasses of / functions returning httpx2 clients).
SDK_HTTP_CLIENTS = frozenset({"DefaultHttpxClient", "DefaultAsyncHttpxClient"})
SDK_HTTP_FUNCTIONS = frozenset({"openai.DefaultHttpx2Client", "openai.DefaultAsyncHttpx2Client"})
TYPE_ERROR_CATCHERS = frozenset({"TypeError", "Exception", "BaseException"})  # a bare except: BaseException
# Clients of the HTTP libraries, reported when passed to an SDK client as ``http_client=``.
HTTP_LIBRARY_CLIENTS = frozenset({"httpx.Client", "httpx.AsyncClient", "httpx2.Client", "httpx2.AsyncClient"})
ERROR = "TypeError: Client.__init__() got an unexpected keyword argument 'proxies'"


class ProxiesArgument(Rule):
    """## What it does
    Checks for `proxies=` given to the HTTP client the SDK uses: `openai.DefaultHttpxClient`,
    `DefaultAsyncHttpxClient`, `DefaultHttpx2Client`, `DefaultAsyncHttpx2Client`, and an `httpx.Client` /
    `httpx.AsyncClient` (or `httpx2.Client` / `httpx2.AsyncClient`) passed to an SDK client as
    `http_client=` (directly or through a variable assigned once). A call in an `except TypeError:` handler
    (a fallback for an old httpx after trying `proxy=`) is fine.

    ## Why is this bad?
    httpx 0.28 removed `proxies=`, and httpx2, the SDK's default transport since openai 3.0, does not
    accept it either: creating the client raises `TypeError: Client.__init__() got an unexpected keyword argument 'proxies'`
    (verified with openai 3.57.0 and httpx2 2.16 for all four SDK factories and both httpx2 clients; with
    httpx, from 0.28 on). Use `proxy=` for one proxy URL, or `mounts=` with one transport per URL
    pattern.

    ## Fix safety
    Safe when the value is one URL (a string, an f-string, or a name holding a string) and the call does
    not pass `proxy=` already: `proxies=url` -> `proxy=url` routes all traffic through that proxy, which is
    what a single-URL `proxies=` did. A dict of patterns has no fix (it needs `mounts=`).
    """

    code = "OAI113"
    symbol = "proxies-argument"
    v1_sdk = True
    summary = "`proxies=` given to the HTTP client the SDK uses"
    node_types = (ast.Call,)
    callees = (SdkClass, Function)
    needs_text = ("proxies",)
    fix_availability = "sometimes"
    sources = (
        "openai 3.57.0 `openai/_base_client.py` (DefaultHttpxClient, DefaultAsyncHttpxClient: httpx2 subclasses) "
        "and `openai/_httpx2.py` (DefaultHttpx2Client, DefaultAsyncHttpx2Client); `httpx2.Client.__init__` has "
        "`proxy` and `mounts`, no `proxies` (tests/test_lifecycle_rules.py calls each one)",
        "httpx 0.28 removed `proxies=` (facts sheet api-lifecycle.md section 4, with >= 10 user reports of the "
        "TypeError in 2025-2026 issue trackers)",
    )
    examples = (
        bad(
            """
            import openai

            client = openai.OpenAI(http_client=openai.DefaultHttpxClient(proxies="http://proxy.internal:3128"))
            """,
            (3, 62, 3, 98, "`openai.DefaultHttpxClient(...)`: httpx 0.28 and httpx2 (the SDK's transport)"),
            fixed="""
            import openai

            client = openai.OpenAI(http_client=openai.DefaultHttpxClient(proxy="http://proxy.internal:3128"))
            """,
            applicability="safe",
        ),
        good(
            """
            import openai

            client = openai.OpenAI(http_client=openai.DefaultHttpxClient(proxy="http://proxy.internal:3128"))
            """
        ),
        bad(
            """
            import httpx
            from openai import AsyncOpenAI

            transport = httpx.AsyncClient(proxies={"https://": proxy_url}, timeout=30)
            client = AsyncOpenAI(http_client=transport)
            """,
            (4, 31, 4, 62, "`httpx.AsyncClient(...)` given as `http_client=`: httpx 0.28 and httpx2 (the"),
            title="an httpx client passed as http_client=, with a dict of proxies (no fix)",
        ),
        good(
            """
            import httpx
            import requests
            from openai import DefaultHttpxClient

            session = httpx.Client(proxies=proxy_url)
            requests.get(url, proxies={"https": proxy_url})
            try:
                transport = DefaultHttpxClient(proxy=proxy_url)
            except TypeError:  # an old httpx
                transport = DefaultHttpxClient(proxies=proxy_url)
            """,
            title="httpx clients the SDK never sees; other libraries; a fallback for an old httpx",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        func = ctx.model.resolve(node.func, scope)
        name = _sdk_http_client(func)
        if name is not None:
            self._check_proxies(ctx, node, scope, f"`{name}(...)`")
            return
        if isinstance(func, SdkClass) and isinstance(ctx.model.call(func, node, scope), Client):
            given = keyword_value(node, "http_client")
            transport = bound_value(ctx.model, given, scope) if given is not None else None
            if isinstance(transport, ast.Call):
                library = ctx.model.resolve(transport.func, scope)
                if isinstance(library, LibraryName) and library.name in HTTP_LIBRARY_CLIENTS:
                    self._check_proxies(
                        ctx, transport, scope, f"`{library.name}(...)` given as `http_client=`"
                    )

    def _check_proxies(self, ctx: Context, call: ast.Call, scope: Scope, shown: str) -> None:
        keyword = next((k for k in call.keywords if k.arg == "proxies"), None)
        if keyword is None or _in_type_error_fallback(ctx, call):
            return
        message = (
            f"{shown}: httpx 0.28 and httpx2 (the SDK's transport) have no `proxies=`: {ERROR}; "
            "use `proxy=` for one proxy URL or `mounts=` for several"
        )
        ctx.report(self, keyword, message, self._fix(ctx, call, keyword, scope))

    @staticmethod
    def _fix(ctx: Context, call: ast.Call, keyword: ast.keyword, scope: Scope) -> Optional[Fix]:
        one_url = isinstance(keyword.value, ast.JoinedStr) or isinstance(
            ctx.model.resolve(keyword.value, scope), Str
        )
        if not one_url or keyword_value(call, "proxy") is not None or not has_position(keyword):
            return None
        edit = ctx.replace(keyword, f"proxy={ctx.segment(keyword.value)}")
        return ctx.fix(Applicability.SAFE, "Rename to `proxy=`", edit)


def _in_type_error_fallback(ctx: Context, node: ast.AST) -> bool:
    """Inside ``except TypeError:`` (or a broader handler): code that tries ``proxy=`` first and keeps
    ``proxies=`` for an old httpx, where it still works."""
    return any(caught_names(handler) & TYPE_ERROR_CATCHERS for handler in enclosing_handlers(ctx.model, node))


def _sdk_http_client(func: object) -> Optional[str]:
    """The dotted name of the SDK's httpx client class or factory that ``func`` is, if it is one."""
    if (isinstance(func, SdkClass) and func.name in SDK_HTTP_CLIENTS) or (
        isinstance(func, Function) and func.name in SDK_HTTP_FUNCTIONS
    ):
        return func.name if func.name.startswith("openai.") else f"openai.{func.name}"
    return None
