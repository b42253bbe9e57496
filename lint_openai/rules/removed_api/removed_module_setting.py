"""OAI103 ``removed-module-setting``: v0 module-level setting that openai>=1.0 ignores."""

from __future__ import annotations

import ast

from lint_openai import knowledge
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Fix
from lint_openai.rules.base import Rule, bad, good
from lint_openai.rules.edits import (
    append_to_literal,
    attribute_name_start,
)
from lint_openai.rules.removed_api.common import (
    url_lacks_trailing_slash,
)
from lint_openai.semantic.navigation import assigned_value
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import OPENAI


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
    v1_sdk = True
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
            (3, 1, 3, 16, "assigning `openai.api_base` has no effect in openai>=1.0 (nothing reads it)"),
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
            (3, 1, 3, 13, "assigning `openai.proxy` has no effect in openai>=1.0 (nothing reads it)"),
            (5, 1, 5, 16, "assigning `openai.api_base` has no effect in openai>=1.0 (nothing reads it)"),
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

    def attribute_names(self) -> frozenset[str]:
        """The v0 module settings: the only attributes this rule reports on."""
        return frozenset(knowledge.v0().settings)

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
