"""OAI112 ``sdk-deprecated-parameter``: a keyword (or a key inside one) the installed SDK calls deprecated."""

from __future__ import annotations

import ast
from typing import AbstractSet, List, Optional, Tuple

from lint_openai.analyses.api_surfaces import ApiSurfaces
from lint_openai.analyses.chat_calls import ChatCalls
from lint_openai.analyses.model_references import ModelReferences
from lint_openai.context import Context
from lint_openai.diagnostic import Applicability, Fix
from lint_openai.knowledge.api import DeprecatedParameter, api
from lint_openai.rules.base import DEPRECATION, Rule, bad, good
from lint_openai.rules.edits import has_position
from lint_openai.rules.platform.common import SURFACES_SOURCE
from lint_openai.rules.request.common import chat_call, max_tokens_rejection
from lint_openai.semantic.navigation import SDK_METHODS, called_method, dict_literal
from lint_openai.semantic.scopes import Scope
from lint_openai.semantic.values import Method

# Keywords a more specific rule reports on chat calls (one problem, one finding): OAI304.
CLAIMED_ON_CHAT = frozenset({"functions", "function_call"})


class SdkDeprecatedParameter(Rule):
    """## What it does
    Checks SDK calls for keywords the installed SDK's docstrings call deprecated, and for keys the SDK's
    request types call deprecated inside literal dicts and lists: `user=` (being replaced by
    `safety_identifier=` and `prompt_cache_key=`), `prompt_cache_retention=` (use
    `prompt_cache_options.ttl`), `max_tokens=` (use `max_completion_tokens=`),
    `fine_tuning.jobs.create(hyperparameters=)` (use `method=`), the legacy image `response_format=`,
    `style=` and `quality="standard"`/`"hd"` of retired image models, `reasoning={"generate_summary": ...}`,
    `admin.organization.projects.create(geography=)`, and raw bytes as `body=` of the low-level
    `client.post/put/patch/delete` (the SDK warns at run time; use `content=`).

    ## Why is this bad?
    These still work today, which is why the rule is opt-in (`--extend-select OAI112`): the SDK documents
    them as deprecated (no runtime warning except `body=` bytes, and type checkers are silent), and
    OpenAI removes deprecated parameters in later API versions. The message quotes the SDK's text.
    `functions=`/`function_call=` on chat calls are OAI304, and `max_tokens=` with a reasoning model is
    OAI305 (rejected today). Calls on Azure clients, on clients of another server and into APIs that are
    shut down (OAI701) are not checked.

    ## Fix safety
    Unsafe where the SDK names a 1:1 replacement keyword (`user=` -> `safety_identifier=` on the image
    endpoints, `max_tokens=` -> `max_completion_tokens=`, `body=` -> `content=`): the keyword is renamed,
    unless the call already passes the new one. No fix elsewhere (`user=` on chat calls is being split
    into two parameters).
    """

    code = "OAI112"
    symbol = "sdk-deprecated-parameter"
    v1_sdk = True
    summary = "keyword the installed SDK documents as deprecated"
    severity = DEPRECATION
    default_enabled = False
    node_types = (ast.Call,)
    callees = SDK_METHODS
    requires = (ApiSurfaces, ChatCalls, ModelReferences)
    fix_availability = "sometimes"
    sources = (
        SURFACES_SOURCE + " (`deprecated_parameters`, `deprecated_fields`, `runtime_deprecations`: read from "
        "the SDK's method docstrings and TypedDict field docs, e.g. `CompletionCreateParamsBase.user`)",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            image = client.images.generate(model="gpt-image-2", prompt="A lighthouse", user=user_id)
            """,
            (4, 76, 4, 88, '`user=` is deprecated in `images.generate` (SDK: "Deprecated: use'),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            image = client.images.generate(model="gpt-image-2", prompt="A lighthouse", safety_identifier=user_id)
            """,
            applicability="unsafe",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            image = client.images.generate(model="gpt-image-2", prompt="A lighthouse", safety_identifier=user_id)
            """
        ),
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-4.1", messages=messages, user="u-1", prompt_cache_retention="24h")
            answer = client.responses.create(model="gpt-5.6-sol", input="Hi", reasoning={"effort": "low", "generate_summary": "auto"})
            job = client.fine_tuning.jobs.create(training_file=file_id, model=base, hyperparameters={"n_epochs": 3})
            picture = client.images.generate(model="gpt-image-2", prompt="A cat", quality="hd")
            """,
            (4, 76, 4, 86, '`user=` is deprecated in `chat.completions.create` (SDK: "This field is being'),
            (4, 88, 4, 116, "`prompt_cache_retention=` is deprecated in `chat.completions.create` (SDK"),
            (5, 95, 5, 113, "`reasoning.generate_summary` is deprecated in `responses.create` (SDK"),
            (6, 73, 6, 104, '`hyperparameters=` is deprecated in `fine_tuning.jobs.create` (SDK: "This'),
            (7, 71, 7, 83, '`quality="hd"` is a deprecated value in `images.generate` (SDK: "This quality'),
            title="deprecated keywords, a key inside a dict, a deprecated value",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            picture = client.images.generate(model="gpt-image-2", prompt="A cat", quality="high")
            litellm.completion(model="gpt-5.5", messages=messages, user="u-1")
            """,
            title="current values; other libraries",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        assert isinstance(node, ast.Call)
        method = called_method(ctx.model, node, scope)
        if method is None or method.client.is_azure or method.client.other_server:
            return
        knowledge = api()
        parameters = knowledge.deprecated_parameters(method.path)
        fields = knowledge.deprecated_fields(method.path)
        if (not parameters and not fields) or ctx.analysis(ApiSurfaces).retired_call(node, scope):
            return
        passed = {keyword.arg for keyword in node.keywords if keyword.arg is not None}
        shown = ".".join(method.path)
        for keyword in node.keywords:
            entry = parameters.get(keyword.arg or "")
            if entry is None or self._claimed(ctx, node, method, keyword, scope):
                continue
            text = self._deprecated_use(ctx, entry, keyword.value, scope)
            if text is not None:
                message = f'{text[0]} in `{shown}` (SDK: "{text[1]}")'
                ctx.report(self, keyword, message, self._rename(ctx, keyword, entry, passed))
        for where, entry in fields.items():
            for key in _keys_at(ctx, node, where, scope):
                message = f'`{where}` is deprecated in `{shown}` (SDK: "{entry.sdk_text}")'
                ctx.report(self, key, message)

    @staticmethod
    def _claimed(ctx: Context, call: ast.Call, method: Method, keyword: ast.keyword, scope: Scope) -> bool:
        """Reported by a more specific rule: OAI304 on chat calls, OAI305 where the model rejects it."""
        chat = chat_call(ctx, call, scope)
        if chat is None:
            return False
        if keyword.arg in CLAIMED_ON_CHAT:
            return True
        return keyword.arg == "max_tokens" and max_tokens_rejection(ctx, chat, scope) is not None

    @staticmethod
    def _deprecated_use(
        ctx: Context, entry: DeprecatedParameter, value: ast.AST, scope: Scope
    ) -> Optional[Tuple[str, str]]:
        """``(what is deprecated, the SDK's text)`` if this value of the keyword is deprecated."""
        if entry.kind == "parameter":
            return f"`{entry.name}=` is deprecated", entry.sdk_text or "deprecated"
        if entry.kind == "values":
            found = ctx.model.string_value(value, scope)
            listed = entry.deprecated_value(found.value) if found is not None else None
            if found is None or listed is None:
                return None
            return f'`{entry.name}="{found.value}"` is a deprecated value', listed.sdk_text
        if entry.kind == "value_type" and entry.value_type == "bytes" and _is_bytes(value):
            return f"`{entry.name}=` with raw bytes is deprecated", entry.sdk_text or "deprecated"
        return None

    @staticmethod
    def _rename(
        ctx: Context,
        keyword: ast.keyword,
        entry: DeprecatedParameter,
        passed: AbstractSet[str],
    ) -> Optional[Fix]:
        new = entry.replacement
        if new is None or new in passed or not has_position(keyword) or entry.kind == "values":
            return None
        edit = ctx.replace(keyword, f"{new}={ctx.segment(keyword.value)}")
        return ctx.fix(Applicability.UNSAFE, f"Rename to `{new}=`", edit)


def _is_bytes(value: ast.AST) -> bool:
    """A bytes literal, or ``<text>.encode(...)``."""
    if isinstance(value, ast.Constant):
        return isinstance(value.value, bytes)
    return (
        isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "encode"
    )


def _keys_at(ctx: Context, call: ast.Call, where: str, scope: Scope) -> List[ast.expr]:
    """The dict keys at ``where`` (``"reasoning.generate_summary"``, ``"tools[].connector_id"``: ``[]`` is
    any item of a list) in the call's literal dicts and lists."""
    steps = where.split(".")
    values: List[ast.expr] = [k.value for k in call.keywords if k.arg == steps[0].removesuffix("[]")]
    if steps[0].endswith("[]"):
        values = _items(values)
    for position, step in enumerate(steps[1:], start=1):
        last = position == len(steps) - 1
        found: List[ast.expr] = []
        for value in values:
            mapping = dict_literal(ctx.model, value, scope)
            for key, item in zip(mapping.keys, mapping.values) if mapping is not None else ():
                name = ctx.model.string_value(key, scope) if key is not None else None
                if key is not None and name is not None and name.value == step.removesuffix("[]"):
                    found.append(key if last else item)
        values = _items(found) if step.endswith("[]") and not last else found
    return values if len(steps) > 1 else []


def _items(values: List[ast.expr]) -> List[ast.expr]:
    return [item for value in values if isinstance(value, (ast.List, ast.Tuple)) for item in value.elts]
