"""OAI1xx: the v0 SDK surface removed in openai>=1.0, and names the v1 SDK does not have."""

from __future__ import annotations

import ast
from typing import List, Optional, Tuple

from .. import knowledge
from ..diagnostic import Applicability, Fix
from ..knowledge.models import RETIRED
from ..semantic import Scope
from ..values import Client, Method, Module, Resource, SdkClass, Value
from .base import Context, Rule, bad, good
from .common import (
    PY310,
    alias_anchor,
    append_to_literal,
    assigned_value,
    attribute_name_start,
    call_fits,
    called_method,
    dotted,
    enclosing_call,
    has_position,
    installed_sdk_is_newer,
    parent_attribute,
    replace_chain,
    safe_keyword_rename,
    url_lacks_trailing_slash,
)

OPENAI = Module("openai")
REMOVED_SOURCE = (
    "`openai.lib._old_api.SYMBOLS` and `APIRemovedInV1Proxy` in the installed SDK "
    "(tests/test_knowledge_sdk.py checks the list against it)"
)
MIGRATION_GUIDE = "https://github.com/openai/openai-python/discussions/742"


def _v1_rewrite(
    symbol: str, method: str, call: Optional[ast.Call]
) -> Tuple[Optional[str], Optional[Applicability]]:
    """The v1 path replacing ``<symbol>.<method>`` and how safely the call can be rewritten."""
    target = knowledge.v0().resources.get(symbol, {}).get("methods", {}).get(method)
    if target is None:
        return None, None
    if call is None:
        return target, Applicability.UNSAFE
    signature = knowledge.sdk().signature(tuple(target.split(".")))
    possible, proven = call_fits(signature, call)
    if not possible:
        return target, None
    changed = knowledge.v0().changed_call_arguments
    if any(keyword.arg in changed for keyword in call.keywords):
        proven = False  # e.g. v0's timeout= was a retry deadline, v1's is the HTTP timeout
    return target, Applicability.SAFE if proven else Applicability.UNSAFE


def _v0_advice(symbol: str, method: Optional[str], base: str) -> str:
    """What to write instead of ``<base>.<symbol>[.<method>]``."""
    info = knowledge.v0().resources.get(symbol, {})
    methods = info.get("methods", {})
    if method is not None:
        if method in methods:
            return f"use `{base}.{methods[method]}(...)` or the same method on an `OpenAI()` client"
        if method.startswith("a") and method[1:] in methods:
            return f"use `await AsyncOpenAI().{methods[method[1:]]}(...)`"
        note = info.get("notes", {}).get(method)
        if note:
            return note
    if info.get("twin"):
        return f"use `{base}.{info['twin']}` or `client.{info['twin']}` on an `OpenAI()` client"
    if info.get("advice"):
        return info["advice"]
    return "see the v1 migration guide"


class RemovedV0Resource(Rule):
    """## What it does
    Checks for uses of the module-level v0 classes `openai.ChatCompletion`, `openai.Completion`,
    `openai.Embedding`, `openai.Image`, `openai.Audio`, ... (attribute access or `from openai import`).

    ## Why is this bad?
    Since openai 1.0 these names are `APIRemovedInV1Proxy` objects: they still exist, so imports and
    attribute access succeed, but any call raises
    `openai.lib._old_api.APIRemovedInV1: You tried to access openai.ChatCompletion, but this is no
    longer supported in openai>=1.0.0`. The code breaks at the first request.

    ## Fix safety
    Where a v1 method is the 1:1 twin of the v0 call (`ChatCompletion.create` ->
    `chat.completions.create`, `Image.create` -> `images.generate`, ...), the fix rewrites the
    attribute path on the `openai` module (v1's module-level client reads `OPENAI_API_KEY` like v0).
    It is safe when every argument of the call is accepted by the v1 method, unsafe when the call
    unpacks `**kwargs` or passes an argument v1 does not take (OAI106 then reports it). `acreate`
    and resources without a v1 twin have no fix.
    """

    code = "OAI101"
    symbol = "removed-v0-resource"
    summary = "v0 module-level resource class (removed in openai>=1.0)"
    v0_surface = True
    node_types = (ast.Attribute, ast.ImportFrom)
    fix_availability = "sometimes"
    sources = (REMOVED_SOURCE, f"v1 migration guide: {MIGRATION_GUIDE}")
    examples = (
        bad(
            """
            import openai

            response = openai.ChatCompletion.create(model="gpt-4o", messages=messages)
            """,
            (3, 12),
            fixed="""
            import openai

            response = openai.chat.completions.create(model="gpt-4o", messages=messages)
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            response = client.chat.completions.create(model="gpt-4o", messages=messages)
            """
        ),
        bad(
            """
            import openai as oa

            vectors = oa.Embedding.create(input=texts, model="text-embedding-3-small")
            image = oa.Image.create(prompt="a cat", n=1, size="1024x1024")
            """,
            (3, 11),
            (4, 9),
            fixed="""
            import openai as oa

            vectors = oa.embeddings.create(input=texts, model="text-embedding-3-small")
            image = oa.images.generate(prompt="a cat", n=1, size="1024x1024")
            """,
            applicability="safe",
            title="aliases and renamed methods",
        ),
        bad(
            """
            import openai

            async def ask(messages):
                return await openai.ChatCompletion.acreate(model="gpt-4o", messages=messages)
            """,
            (4, 18),
            title="async v0 calls have no mechanical fix",
        ),
        bad(
            """
            import openai

            params = {"model": "gpt-4o", "messages": messages}
            response = openai.ChatCompletion.create(**params)
            """,
            (4, 12),
            fixed="""
            import openai

            params = {"model": "gpt-4o", "messages": messages}
            response = openai.chat.completions.create(**params)
            """,
            applicability="unsafe",
            title="unpacked arguments make the fix unsafe",
        ),
        bad(
            """
            from openai import ChatCompletion

            def ask(messages):
                return ChatCompletion.create(model="gpt-4o", messages=messages)
            """,
            (1, 20),
            title="imported by name: reported once, at the import",
        ),
        bad(
            """
            import openai

            chat_api = openai.ChatCompletion
            """,
            (3, 12),
            fixed="""
            import openai

            chat_api = openai.chat.completions
            """,
            applicability="unsafe",
            title="uncalled",
        ),
        good(
            """
            from openai.types.chat import ChatCompletion
            from openai.types import Completion, Embedding

            def first(completion: ChatCompletion) -> str:
                return completion.choices[0].message.content
            """,
            title="v1 response types with the same names",
        ),
        good(
            '''
            class ChatCompletion:
                @staticmethod
                def create(**kwargs):
                    return kwargs

            def helper():
                """Migrated from openai.ChatCompletion.create."""
                return ChatCompletion.create(model="gpt-4o")
            ''',
            title="a user class with the same name; prose in a docstring",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if isinstance(node, ast.ImportFrom):
            self._check_import(node, ctx)
            return
        assert isinstance(node, ast.Attribute)
        if node.attr not in knowledge.sdk().removed_v0_symbols:
            return
        if ctx.model.resolve(node.value, scope) != OPENAI:
            return
        base = ctx.segment(node.value)
        method_node = parent_attribute(ctx.model, node)
        method = method_node.attr if method_node else None
        call = enclosing_call(ctx.model, method_node) if method_node else None
        advice = _v0_advice(node.attr, method, base)
        shown = f"{base}.{node.attr}" + (f".{method}" if method else "")
        message = f"`{shown}` was removed in openai>=1.0 and raises `APIRemovedInV1` when called; {advice}"
        fix = self._fix(ctx, node, method_node, call)
        ctx.report(self, node, message, fix, end_node=method_node if method else None)

    def _fix(
        self,
        ctx: Context,
        node: ast.Attribute,
        method_node: Optional[ast.Attribute],
        call: Optional[ast.Call],
    ) -> Optional[Fix]:
        base = ctx.segment(node.value)
        if method_node is not None:
            target, applicability = _v1_rewrite(node.attr, method_node.attr, call)
            if target is None or applicability is None or call is None:
                return None
            edit = replace_chain(ctx, node.value, method_node, target)
            return ctx.fix(applicability, f"Replace with `{base}.{target}`", edit)
        twin = knowledge.v0().resources.get(node.attr, {}).get("twin")
        if not twin:
            return None
        edit = replace_chain(ctx, node.value, node, twin)
        return ctx.fix(Applicability.UNSAFE, f"Replace with `{base}.{twin}`", edit)

    def _check_import(self, node: ast.ImportFrom, ctx: Context) -> None:
        if node.level or node.module != "openai":
            return
        for alias in node.names:
            if alias.name in knowledge.sdk().removed_v0_symbols:
                advice = _v0_advice(alias.name, None, "openai")
                message = (
                    f"`from openai import {alias.name}` imports a class removed in openai>=1.0 "
                    f"(calls raise `APIRemovedInV1`); {advice}"
                )
                ctx.report(self, alias_anchor(alias, node), message)


class RemovedErrorModule(Rule):
    """## What it does
    Checks for `openai.error.X`, `import openai.error` and `from openai.error import X`.

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
                reply = client.chat.completions.create(model="gpt-4o", messages=messages)
            except openai.error.RateLimitError:
                reply = None
            """,
            (5, 8),
            fixed="""
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-4o", messages=messages)
            except openai.RateLimitError:
                reply = None
            """,
            applicability="safe",
        ),
        good(
            """
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-4o", messages=messages)
            except openai.RateLimitError:
                reply = None
            """
        ),
        bad(
            """
            from openai.error import AuthenticationError, PermissionError

            FATAL = (AuthenticationError, PermissionError)
            """,
            (1, 1),
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
            (6, 12),
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
            (1, 8),
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
            message = "`import openai.error` raises ModuleNotFoundError in openai>=1.0; exceptions are `openai.<Name>`"
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
                    message = "`from openai import error` raises ImportError in openai>=1.0; exceptions are `openai.<Name>`"
                    ctx.report(self, alias_anchor(alias, node), message)
            return
        if node.module != "openai.error":
            return
        names = [alias.name for alias in node.names]
        message = (
            f"`from openai.error import {', '.join(names)}` raises ModuleNotFoundError in openai>=1.0; "
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
        constructed = _called_names(ctx)
        applicability = Applicability.SAFE
        for alias in node.names:
            entry = knowledge.v0().errors.get(alias.name)
            replacement = entry.get("replacement") if entry else None
            if replacement is None:
                return None
            local = alias.asname or alias.name
            pieces.append(replacement if replacement == local else f"{replacement} as {local}")
            if entry["applicability"] != "safe" or local in constructed:  # type: ignore[index]
                applicability = Applicability.UNSAFE  # v1 exceptions take (message, response=, body=)
        text = f"from openai import {', '.join(pieces)}"
        return ctx.fix(applicability, f"Replace with `{text}`", ctx.replace(node, text))


def _called_names(ctx: Context) -> frozenset:  # type: ignore[type-arg]
    """Names that are called somewhere in the module (``Name(...)``), collected once per file."""
    found = ctx.memo.get(_called_names)
    if found is None:
        found = ctx.memo[_called_names] = frozenset(
            node.func.id
            for node in ast.walk(ctx.model.tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        )
    return found  # type: ignore[return-value]


class RemovedModuleSetting(Rule):
    """## What it does
    Checks for v0 module-level settings that openai>=1.0 no longer has: `openai.api_base`,
    `openai.proxy`, `openai.api_key_path`, `openai.requestssession`, `openai.aiosession`,
    `openai.verify_ssl_certs`, `openai.ca_bundle_path`, `openai.debug`, `openai.log`,
    `openai.app_info`, `openai.enable_telemetry`.

    ## Why is this bad?
    Reading one raises `AttributeError`. Assigning one is worse: it silently creates an attribute that
    nothing reads, so `openai.api_base = "https://my-proxy/v1"` leaves every request going to
    `https://api.openai.com/v1`. (`api_key`, `organization`, `api_type` and `api_version` still exist.)

    ## Fix safety
    `openai.api_base = "<url>"` is rewritten to `openai.base_url = "<url>/"` (the same API root; v1's
    module-level client needs the trailing slash, see OAI109): safe for a string literal. Assigning
    any other expression, or reading the setting, gets an unsafe fix: v0's `api_base` defaulted to
    `https://api.openai.com/v1` where v1's `base_url` defaults to `None`, and a computed URL may lack
    the slash. When the file configures Azure (`openai.api_type = "azure"` or
    `openai.azure_endpoint`) the endpoint belongs in `openai.azure_endpoint` and there is no fix. The
    other settings have no v1 equivalent on the module; the message says where each went
    (`http_client=`, `OPENAI_LOG`, ...).
    """

    code = "OAI103"
    symbol = "removed-module-setting"
    summary = "v0 module-level setting that openai>=1.0 ignores"
    v0_surface = True
    node_types = (ast.Attribute,)
    fix_availability = "sometimes"
    sources = (
        "v0 settings: openai 0.28.1 `openai/__init__.py`; v1 settings: the annotated module "
        "attributes of the installed `openai/__init__.py` (generated into knowledge/sdk.json)",
    )
    examples = (
        bad(
            """
            import openai

            openai.api_base = "https://llm-proxy.internal/v1"
            """,
            (3, 1),
            fixed="""
            import openai

            openai.base_url = "https://llm-proxy.internal/v1/"
            """,
            applicability="safe",
        ),
        good(
            """
            import openai

            openai.api_key = os.environ["OPENAI_API_KEY"]
            openai.base_url = "https://llm-proxy.internal/v1/"
            """
        ),
        bad(
            """
            import openai

            openai.proxy = {"https": "http://proxy:3128"}
            openai.api_type = "azure"
            openai.api_base = "https://my-resource.openai.azure.com/"
            """,
            (3, 1),
            (5, 1),
            title="no fix for Azure or for settings without a v1 twin",
        ),
        good(
            """
            import settings

            settings.api_base = "https://example.com"
            """,
            title="other modules",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Attribute)
        entry = knowledge.v0().settings.get(node.attr)
        if entry is None or ctx.model.resolve(node.value, scope) != OPENAI:
            return
        base = ctx.segment(node.value)
        shown = f"{base}.{node.attr}"
        augmented = isinstance(ctx.model.parent(node), ast.AugAssign)
        if isinstance(node.ctx, ast.Store) and not augmented:
            problem = f"assigning `{shown}` has no effect in openai>=1.0 (nothing reads it)"
        else:
            problem = f"`{shown}` does not exist in openai>=1.0 (AttributeError)"
        replacement = None if augmented else entry.get("replacement")
        azure = ctx.model.module_client.is_azure or self._azure_url(node, scope, ctx)
        fix = None
        if replacement and not azure:
            advice = f"use `{base}.{replacement}`"
            fix = self._rename_fix(node, replacement, ctx)
            if replacement == "base_url":
                advice += " and end the URL with '/' (the module-level client does not add it)"
        elif azure and node.attr == "api_base":
            advice = f"this file configures Azure: use `{base}.azure_endpoint` (or `AzureOpenAI(azure_endpoint=...)`)"
        else:
            advice = entry["advice"]
        ctx.report(self, node, f"{problem}; {advice}", fix)

    @staticmethod
    def _azure_url(node: ast.Attribute, scope: Scope, ctx: Context) -> bool:
        """Whether the URL assigned to ``openai.api_base`` is an Azure OpenAI endpoint."""
        value = ctx.model.string_value(assigned_value(ctx.model, node), scope)
        if value is None:
            return False
        host = value.value.split("://", 1)[-1].split("/", 1)[0].lower()
        return host.endswith((".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"))

    @staticmethod
    def _rename_fix(node: ast.Attribute, replacement: str, ctx: Context) -> Fix:
        """Rename the setting; for ``api_base`` also make a literal URL end with ``/``.

        Only an assignment of a string literal is safe: v0's ``api_base`` defaulted to a URL where
        v1's ``base_url`` defaults to ``None``, and v1's module client needs the trailing slash.
        """
        base = ctx.segment(node.value)
        edits = [ctx.replace_range(attribute_name_start(ctx, node), ctx.lines.end(node), replacement)]
        applicability = Applicability.SAFE
        if replacement == "base_url":
            value = assigned_value(ctx.model, node)
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                if url_lacks_trailing_slash(value.value):
                    slash = append_to_literal(ctx, value, "/")
                    edits += [slash] if slash else []
                    applicability = Applicability.SAFE if slash else Applicability.UNSAFE
            else:
                applicability = Applicability.UNSAFE
        return ctx.fix(applicability, f"Replace with `{base}.{replacement}`", *edits)


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
            (3, 1),
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
            (5, 1),
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
        fix = None
        if all(edits):
            fix = ctx.fix(Applicability.SAFE, "Add the trailing `/`", *edits)  # type: ignore[arg-type]
        message = (
            f"`{ctx.segment(node)}` = {value.value!r} has no trailing '/': the module-level client joins paths "
            "to it as is, so requests go to '.../v1chat/completions' and fail with NotFoundError (404)"
        )
        ctx.report(self, node, message, fix)


class NonexistentClientAttribute(Rule):
    """## What it does
    Checks attribute paths on a proven v1 client (`OpenAI()`, `AsyncOpenAI()`, `AzureOpenAI()`, ...)
    or on the `openai` module that the SDK does not have: `client.ChatCompletion`,
    `client.chat.completion.create`, `client.completions.acreate`, `openai.InvalidRequestError`,
    `from openai import ServiceUnavailableError`.

    ## Why is this bad?
    The call fails with `AttributeError` (or `ImportError` for an import). These are typical leftovers
    of a half-done migration: v0 names moved onto the client, `acreate` kept on an async client, or a
    v0 exception name kept on the `openai` module. The SDK's resource tree and module namespace are
    generated into `knowledge/sdk.json` from the installed package; if your installed `openai` is
    newer than that data, only names with a known replacement or a close match are reported.
    (`openai.ChatCompletion` and friends are OAI101, `openai.api_base` and friends OAI103.)

    ## Fix safety
    Safe when there is a single close match in the SDK (`completion` -> `completions`), when a v0
    exception name has a v1 twin that catches at least as much, or when a v0 resource method has a
    1:1 twin on the client. `acreate` -> `create` is fixed only on async clients; on a sync client the
    message points to `AsyncOpenAI`.
    """

    code = "OAI104"
    symbol = "nonexistent-client-attribute"
    summary = "attribute the v1 client or `openai` module does not have"
    node_types = (ast.Attribute, ast.ImportFrom)
    fix_availability = "sometimes"
    sources = (
        "the resource tree and module namespace of the installed SDK, generated by "
        "scripts/gen_sdk_knowledge.py into knowledge/sdk.json (a test fails when it is stale)",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completion.create(model="gpt-4o", messages=messages)
            """,
            (4, 9),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-4o", messages=messages)
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-4o", messages=messages)
            """
        ),
        bad(
            """
            from openai import AsyncOpenAI

            class Bot:
                def __init__(self):
                    self.client = AsyncOpenAI()

                async def ask(self, messages):
                    return await self.client.chat.completions.acreate(model="gpt-4o", messages=messages)
            """,
            (8, 22),
            fixed="""
            from openai import AsyncOpenAI

            class Bot:
                def __init__(self):
                    self.client = AsyncOpenAI()

                async def ask(self, messages):
                    return await self.client.chat.completions.create(model="gpt-4o", messages=messages)
            """,
            applicability="safe",
            title="acreate on an async client held on self",
        ),
        bad(
            """
            import openai
            from openai import OpenAI

            client = OpenAI()
            try:
                reply = client.ChatCompletion.create(model="gpt-4o", messages=messages)
            except openai.InvalidRequestError:
                reply = None
            """,
            (6, 13),
            (7, 8),
            fixed="""
            import openai
            from openai import OpenAI

            client = OpenAI()
            try:
                reply = client.chat.completions.create(model="gpt-4o", messages=messages)
            except openai.BadRequestError:
                reply = None
            """,
            title="v0 names left on the client and on the module",
        ),
        good(
            """
            import anthropic
            import litellm

            client = anthropic.Anthropic()
            client.completions.acreate(model="claude-2", prompt=prompt)
            litellm.completion(model="gpt-4o", messages=messages)
            """,
            title="other libraries' clients",
        ),
        good(
            """
            class Client:
                def __init__(self):
                    self.chat = None

            client = Client()
            client.chat.completion.create()
            """,
            title="a user class named Client",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        if isinstance(node, ast.ImportFrom):
            self._check_import(node, ctx)
            return
        assert isinstance(node, ast.Attribute)
        if node.attr.startswith("_"):
            return
        base = ctx.model.resolve(node.value, scope)
        if base == OPENAI:
            if not isinstance(node.ctx, ast.Store):
                self._check_module_name(node, ctx)
        elif isinstance(base, (Client, Resource)):
            self._check_client_member(node, base, ctx)

    # -- the openai module
    def _module_name_problem(self, name: str) -> Optional[Tuple[str, Optional[str], Optional[Applicability]]]:
        """``(advice, replacement, applicability)`` if ``openai.<name>`` does not exist, else ``None``."""
        sdk, v0 = knowledge.sdk(), knowledge.v0()
        if sdk.module_has(name) or name in v0.settings or name == "error" or name in v0.modules:
            return None
        entry = v0.errors.get(name)
        if entry is not None:
            replacement = entry.get("replacement")
            if replacement:
                return (
                    f"use `openai.{replacement}` ({entry['note']})",
                    replacement,
                    Applicability(entry["applicability"]),
                )
            return (entry["note"], None, None)
        matches = knowledge.close_matches(name, sdk.module_names)
        if len(matches) == 1:
            return (f"did you mean `openai.{matches[0]}`?", matches[0], Applicability.SAFE)
        if matches:
            return ("did you mean " + " or ".join(f"`openai.{m}`" for m in matches) + "?", None, None)
        if installed_sdk_is_newer():
            return None
        return (f"it is not in openai {sdk.version}", None, None)

    @staticmethod
    def _is_v0_name(name: str) -> bool:
        v0 = knowledge.v0()
        return name in v0.module_names or name in v0.errors

    def _check_module_name(self, node: ast.Attribute, ctx: Context) -> None:
        problem = self._module_name_problem(node.attr)
        if problem is None or (self._is_v0_name(node.attr) and ctx.in_compat_region(node)):
            return
        advice, replacement, applicability = problem
        base = ctx.segment(node.value)
        message = f"`{base}.{node.attr}` does not exist in openai>=1.0 (AttributeError); {advice}"
        fix = None
        if replacement and applicability:
            edit = ctx.replace_range(attribute_name_start(ctx, node), ctx.lines.end(node), replacement)
            fix = ctx.fix(applicability, f"Replace with `{base}.{replacement}`", edit)
        ctx.report(self, node, message, fix)

    def _check_import(self, node: ast.ImportFrom, ctx: Context) -> None:
        if node.level or node.module != "openai":
            return
        for alias in node.names:
            if alias.name == "*" or alias.name in knowledge.sdk().removed_v0_symbols:
                continue
            if alias.name.startswith("_"):
                continue  # the knowledge records public names only (`__version__` exists), as for attributes
            problem = self._module_name_problem(alias.name)
            if problem is None or (self._is_v0_name(alias.name) and ctx.in_compat_region(node)):
                continue
            advice, replacement, applicability = problem
            message = f"`from openai import {alias.name}` raises ImportError in openai>=1.0; {advice}"
            fix = None
            if replacement and applicability and has_position(alias) and PY310:
                local = alias.asname or alias.name
                text = replacement if replacement == local else f"{replacement} as {local}"
                fix = ctx.fix(applicability, f"Import `{replacement}` instead", ctx.replace(alias, text))
            ctx.report(self, alias_anchor(alias, node), message, fix)

    # -- clients and resources
    def _check_client_member(self, node: ast.Attribute, base: Value, ctx: Context) -> None:
        if not isinstance(node.ctx, ast.Load) or self._assigned_on_a_client(node.attr, ctx):
            return  # code may add its own attributes to a client object
        sdk = knowledge.sdk()
        path = base.path if isinstance(base, Resource) else ()
        client = base.client if isinstance(base, Resource) else base
        if sdk.member_kind(path, node.attr, client.surface) is not None:
            return
        if sdk.tree_node(path, client.surface) is None:
            return
        owner = ctx.segment(node.value)
        if not path and node.attr in knowledge.v0().resources:
            self._report_v0_on_client(node, owner, ctx)
            return
        advice, fix = self._member_advice(node, path, client, owner, ctx)
        if advice is None:
            return
        message = f"`{owner}.{node.attr}` does not exist on the v1 client (AttributeError); {advice}"
        ctx.report(self, node, message, fix)

    @staticmethod
    def _assigned_on_a_client(name: str, ctx: Context) -> bool:
        key = ("client-attributes",)
        assigned = ctx.memo.get(key)
        if assigned is None:
            assigned = {
                item.target.attr
                for item in ctx.model.attribute_assignments
                if isinstance(ctx.model.resolve(item.target.value, item.scope), (Client, Resource))
            }
            ctx.memo[key] = assigned
        return name in assigned  # type: ignore[operator]

    def _member_advice(
        self, node: ast.Attribute, path: Tuple[str, ...], client: Client, owner: str, ctx: Context
    ) -> Tuple[Optional[str], Optional[Fix]]:
        sdk = knowledge.sdk()
        members = sdk.members(path, client.surface)
        name = node.attr
        if (
            name.startswith("a")
            and name[1:] in members
            and sdk.member_kind(path, name[1:], client.surface) == "method"
        ):
            if not client.is_async:
                return (
                    f"v1 has no `a`-prefixed methods: use `AsyncOpenAI()` and `await ...{name[1:]}(...)`",
                    None,
                )
            return self._rename(node, name[1:], owner, ctx, f"async clients' `{name[1:]}` is awaitable")
        matches = knowledge.close_matches(name, members)
        if len(matches) == 1:
            return self._rename(node, matches[0], owner, ctx, f"did you mean `{owner}.{matches[0]}`?")
        if matches:
            return "did you mean " + " or ".join(f"`{owner}.{m}`" for m in matches) + "?", None
        if installed_sdk_is_newer():
            return None, None
        where = dotted(("client", *path))
        return f"`{where}` has: {', '.join(sorted(members)[:12])}", None

    def _rename(
        self, node: ast.Attribute, new: str, owner: str, ctx: Context, advice: str
    ) -> Tuple[str, Fix]:
        edit = ctx.replace_range(attribute_name_start(ctx, node), ctx.lines.end(node), new)
        return advice, ctx.fix(Applicability.SAFE, f"Replace with `{owner}.{new}`", edit)

    def _report_v0_on_client(self, node: ast.Attribute, owner: str, ctx: Context) -> None:
        symbol = node.attr
        method_node = parent_attribute(ctx.model, node)
        method = method_node.attr if method_node else None
        advice = _v0_advice(symbol, method, owner)
        message = f"`{owner}.{symbol}` is a v0 name: the v1 client has no attribute `{symbol}`; {advice}"
        fix = None
        if method_node is not None:
            call = enclosing_call(ctx.model, method_node)
            target, applicability = _v1_rewrite(symbol, method_node.attr, call)
            if target and applicability and call is not None:
                edit = replace_chain(ctx, node.value, method_node, target)
                fix = ctx.fix(applicability, f"Replace with `{owner}.{target}`", edit)
        ctx.report(self, node, message, fix, end_node=method_node)


class LegacyCompletionsEndpoint(Rule):
    """## What it does
    Checks for calls to `client.completions.create(...)` (and `openai.completions.create(...)`), the
    legacy text-completions endpoint `/v1/completions`. Off by default: enable with
    `extend-select = ["OAI105"]`.

    ## Why is this bad?
    The endpoint was not removed from the SDK, but it only ever served completion-style models
    (`gpt-3.5-turbo-instruct`, `davinci-002`, `babbage-002` and the retired GPT-3 family). Chat
    models sent there fail with HTTP 404 "This is a chat model and not supported in the
    v1/completions endpoint". The message says which completion-style models are still served on
    the configured date, from the model lifecycle data (per the deprecations page,
    `gpt-3.5-turbo-instruct`, `davinci-002` and `babbage-002` shut down on 2026-09-28). New code
    belongs on `client.chat.completions.create` or `client.responses.create`.

    ## Fix safety
    There is no fix: the request and response shapes differ (`prompt` vs `messages`,
    `choices[0].text` vs `choices[0].message.content`).
    """

    code = "OAI105"
    symbol = "legacy-completions-endpoint"
    summary = "legacy text-completions endpoint (opt-in)"
    node_types = (ast.Call,)
    default_enabled = False
    sources = (
        "SDK: `client.completions.create` (openai/resources/completions.py), `model` literals "
        "`gpt-3.5-turbo-instruct`, `davinci-002`, `babbage-002` in `completion_create_params`",
        "deprecations page, 2025-09-26 entry: those models shut down 2026-09-28",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            text = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say hi").choices[0].text
            """,
            (4, 8),
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": "Say hi"}])
            """
        ),
        good(
            """
            import anthropic

            client = anthropic.Anthropic()
            client.completions.create(model="claude-2.1", prompt=prompt, max_tokens_to_sample=100)
            """,
            title="anthropic's legacy completions",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        method = called_method(ctx.model, node, scope)
        if method is None or _plain_path(method) != ("completions", "create"):
            return
        ctx.report(
            self, node.func, f"`completions.create` is the legacy text-completions endpoint: {_served(ctx)}"
        )


def _served(ctx: Context) -> str:
    """Which completion-style models the endpoint still serves on ``ctx.today`` (from the model data)."""
    table = ctx.models
    ids = [i for i in table.completions_models() if table.status(i, ctx.today) != RETIRED]
    advice = "use `chat.completions.create` or `responses.create`"
    if ids:
        return f"it serves only completion-style models ({', '.join(ids)}); {advice}"
    infos = [table.get(i) for i in table.completions_models()]
    last = max((info.shutdown for info in infos if info and info.shutdown), default=None)
    latest = sorted(info.id for info in infos if info and info.shutdown == last)
    when = f" (the last, {', '.join(latest)}, on {last.isoformat()})" if last else ""
    return f"every model it served is shut down{when}; {advice}"


def _plain_path(method: Method) -> Tuple[str, ...]:
    return tuple(p for p in method.path if p not in knowledge.WRAPPER_ATTRIBUTES)


class RemovedCallArgument(Rule):
    """## What it does
    Checks calls of v1 SDK methods for keyword arguments the method does not accept, and for
    positional arguments to keyword-only methods: v0's `engine=`, `deployment_id=`,
    `request_timeout=`, `api_key=`, `api_base=`, `headers=`, and plain typos.

    ## Why is this bad?
    v1 methods have explicit signatures, so the call raises
    `TypeError: Completions.create() got an unexpected keyword argument 'request_timeout'` before
    any request is sent. The signatures come from the installed SDK (knowledge/sdk.json); if your
    installed `openai` is newer than that data, only v0 leftovers and close typos are reported.
    (`prompt=` on a chat endpoint is OAI301.)

    ## Fix safety
    `request_timeout=` -> `timeout=` is safe (both are the HTTP timeout in seconds), unless the call
    also passes `timeout=` or the value is a tuple (v0's `(connect, read)` form, which v1 does not
    accept). Other arguments have no fix; the message says where they went (client constructor,
    `extra_headers=`, `model=`).
    """

    code = "OAI106"
    symbol = "removed-call-argument"
    summary = "argument the v1 method does not accept"
    node_types = (ast.Call,)
    fix_availability = "sometimes"
    sources = (
        "method signatures of the installed SDK (inspect.signature), generated into knowledge/sdk.json",
        "v0 per-call options: openai 0.28.1 `api_resources/abstract/engine_api_resource.py` "
        "(`engine`, `deployment_id`, `request_timeout`, `headers`, `api_key`, `api_base`, ...)",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(
                model="gpt-4o",
                messages=messages,
                request_timeout=30,
            )
            """,
            (7, 5),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(
                model="gpt-4o",
                messages=messages,
                timeout=30,
            )
            """,
            applicability="safe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-4o", messages=messages, timeout=30)
            """
        ),
        bad(
            """
            from openai import AzureOpenAI

            client = AzureOpenAI(api_version="2024-10-21", azure_endpoint=endpoint)
            vectors = client.embeddings.create(input=texts, engine="embedding-deployment")
            reply = client.chat.completions.create(model=deployment, messages=messages, temprature=0)
            """,
            (4, 49),
            (5, 77),
            title="v0's engine= and a typo",
        ),
        good(
            """
            import litellm
            from anthropic import Anthropic

            litellm.completion(model="gpt-4o", messages=messages, request_timeout=30)
            Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=messages, engine="x")
            """,
            title="other libraries accept other arguments",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        method = called_method(ctx.model, node, scope)
        if method is None:
            return
        path = _plain_path(method)
        signature = knowledge.sdk().signature(path, method.client.surface)
        if signature is None:
            return
        shown = dotted(path)
        positional = [a for a in node.args if not isinstance(a, ast.Starred)]
        if signature.max_positional is not None and len(positional) > signature.max_positional:
            allowed = signature.max_positional
            what = "keyword arguments only" if allowed == 0 else f"at most {allowed} positional argument(s)"
            message = f"`{shown}()` takes {what} (TypeError); pass the arguments by name"
            ctx.report(self, positional[allowed], message, end_node=positional[-1])
        passed = {k.arg for k in node.keywords if k.arg is not None}
        for keyword in node.keywords:
            name = keyword.arg
            if name is None or signature.accepts_keyword(name) or self._claimed(path, name):
                continue
            advice, fix = self._advice(keyword, signature, passed, ctx)
            if advice is None:
                continue
            message = f"`{shown}()` got an unexpected keyword argument `{name}` (TypeError); {advice}"
            ctx.report(self, keyword, message, fix)

    @staticmethod
    def _claimed(path: Tuple[str, ...], name: str) -> bool:
        """Arguments a more specific rule reports (one problem, one finding)."""
        return name == "prompt" and path[-3:] == ("chat", "completions", "create")

    def _advice(
        self, keyword: ast.keyword, signature: knowledge.MethodSignature, passed: set, ctx: Context
    ) -> Tuple[Optional[str], Optional[Fix]]:
        name = keyword.arg or ""
        v0_entry = knowledge.v0().call_arguments.get(name)
        if v0_entry is not None:
            replacement = safe_keyword_rename(signature, keyword, passed)
            fix = None
            if replacement and has_position(keyword):
                value = ctx.segment(keyword.value)
                edit = ctx.replace(keyword, f"{replacement}={value}")
                fix = ctx.fix(Applicability.SAFE, f"Rename to `{replacement}=`", edit)
            return v0_entry["advice"], fix
        matches = knowledge.close_matches(name, signature.keyword_names)
        if matches:
            return "did you mean " + " or ".join(f"`{m}=`" for m in matches) + "?", None
        if installed_sdk_is_newer():
            return None, None
        return f"it is not a parameter in openai {knowledge.sdk().version}", None


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
                reply = client.chat.completions.create(model="gpt-4o", messages=messages)
            except openai.Timeout:
                reply = None
            """,
            (5, 8),
            fixed="""
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-4o", messages=messages)
            except openai.APITimeoutError:
                reply = None
            """,
            applicability="safe",
        ),
        good(
            """
            import openai

            try:
                reply = client.chat.completions.create(model="gpt-4o", messages=messages)
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
            (5, 25),
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
        caught = node.type
        if caught is None:
            return
        for element in caught.elts if isinstance(caught, ast.Tuple) else [caught]:
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


class RemovedV0Module(Rule):
    """## What it does
    Checks for imports and uses of v0 sub-modules that openai>=1.0 does not ship:
    `openai.embeddings_utils`, `openai.openai_object`, `openai.util`, `openai.api_resources`,
    `openai.api_requestor`, `openai.datalib`, `openai.validators`, `openai.wandb_logger`, ...

    ## Why is this bad?
    `from openai.embeddings_utils import get_embedding, cosine_similarity` (the OpenAI cookbook's
    idiom for years) raises `ModuleNotFoundError: No module named 'openai.embeddings_utils'` on
    openai>=1.0, and so does every other import of these modules. The helpers they held have no v1
    twin; the message says what to use instead.

    ## Fix safety
    There is no fix: the replacement code depends on what the helper was used for.
    """

    code = "OAI108"
    symbol = "removed-v0-module"
    summary = "v0 sub-module that openai>=1.0 does not ship"
    v0_surface = True
    node_types = (ast.Import, ast.ImportFrom, ast.Attribute)
    sources = (
        "sub-modules of openai 0.28.1 (pkgutil.iter_modules) that are not sub-modules of the installed "
        "SDK; tests/test_knowledge_sdk.py checks each one cannot be found in the installed openai",
    )
    examples = (
        bad(
            """
            from openai.embeddings_utils import cosine_similarity, get_embedding

            score = cosine_similarity(get_embedding(a), get_embedding(b))
            """,
            (1, 1),
        ),
        good(
            """
            import numpy as np
            from openai import OpenAI

            client = OpenAI()
            a, b = (d.embedding for d in client.embeddings.create(model="text-embedding-3-small", input=[x, y]).data)
            score = np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))
            """
        ),
        bad(
            """
            import openai

            def to_dict(response):
                return openai.util.convert_to_dict(response)
            """,
            (4, 12),
            title="attribute access",
        ),
        good(
            """
            from myproject.openai_object import OpenAIObject
            from openai import types, version
            """,
            title="other packages; v1 sub-modules",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        modules = knowledge.v0().modules
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = self._removed(alias.name)
                if name:
                    self._report(
                        ctx, alias_anchor(alias, node), f"import {alias.name}", name, "ModuleNotFoundError"
                    )
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                return
            name = self._removed(node.module or "")
            if name:
                self._report(ctx, node, f"from {node.module} import ...", name, "ModuleNotFoundError")
            elif node.module == "openai":
                for alias in node.names:
                    if alias.name in modules:
                        self._report(
                            ctx,
                            alias_anchor(alias, node),
                            f"from openai import {alias.name}",
                            alias.name,
                            "ImportError",
                        )
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in modules
            and ctx.model.resolve(node.value, scope) == OPENAI
        ):
            self._report(ctx, node, ctx.segment(node), node.attr, "AttributeError")

    @staticmethod
    def _removed(module: str) -> Optional[str]:
        parts = module.split(".")
        if len(parts) >= 2 and parts[0] == "openai" and parts[1] in knowledge.v0().modules:
            return parts[1]
        return None

    def _report(self, ctx: Context, node: ast.AST, shown: str, module: str, error: str) -> None:
        advice = knowledge.v0().modules[module]["advice"]
        message = f"`{shown}`: `openai.{module}` does not exist in openai>=1.0 ({error}); {advice}"
        ctx.report(self, node, message)


RULES = (
    RemovedV0Resource(),
    RemovedErrorModule(),
    RemovedModuleSetting(),
    NonexistentClientAttribute(),
    LegacyCompletionsEndpoint(),
    RemovedCallArgument(),
    NonExceptionInExcept(),
    RemovedV0Module(),
    ModuleBaseUrlWithoutSlash(),
)
