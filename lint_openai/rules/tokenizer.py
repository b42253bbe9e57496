"""OAI4xx: tiktoken encodings that miscount tokens for the models the code uses, and model names
tiktoken cannot map."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import List, Optional, Set

from ..diagnostic import Applicability
from ..knowledge import tiktoken_tables
from ..semantic import Scope
from ..values import Function, Str
from .base import Context, Rule, bad, good
from .common import literal_with
from .model_refs import ModelReferences, model_references
from .models import ModelRule

TIKTOKEN_SOURCE = (
    "tiktoken's own `MODEL_TO_ENCODING` and `MODEL_PREFIX_TO_ENCODING` tables (tiktoken/model.py), generated "
    "into knowledge/tiktoken.json; tests compare every lookup with `tiktoken.encoding_name_for_model`"
)
BY_NAME = "tiktoken.get_encoding"
BY_MODEL = ("tiktoken.encoding_for_model", "tiktoken.encoding_name_for_model")


@dataclass
class EncodingSite:
    """A call that picks a tiktoken encoding, and which encoding it gets."""

    call: ast.Call
    scope: Scope
    encoding: str
    literal: Str  # the encoding name (get_encoding) or the model name (encoding_for_model)
    by_model: bool


def _sites(ctx: Context) -> List[EncodingSite]:
    """The calls that pick an encoding (from the tiktoken calls the model-reference analysis saw)."""
    sites = ctx.memo.get(EncodingSite)
    if sites is None:
        sites = ctx.memo[EncodingSite] = [
            site
            for call, scope, name in model_references(ctx).tiktoken_calls
            if (site := _site(call, scope, name, ctx))
        ]
    return sites  # type: ignore[return-value]


def _site(call: ast.Call, scope: Scope, name: str, ctx: Context) -> Optional[EncodingSite]:
    if name not in (BY_NAME, *BY_MODEL) or not call.args:
        return None
    value = ctx.model.string_value(call.args[0], scope)
    if value is None:
        return None
    if name == BY_NAME:
        return (
            EncodingSite(call, scope, value.value, value, by_model=False)
            if value.value in tiktoken_tables().encodings
            else None
        )
    encoding = tiktoken_tables().encoding_for_model(value.value)
    return EncodingSite(call, scope, encoding or "", value, by_model=True)


def _models_in_scope(references: ModelReferences, site: EncodingSite, ctx: Context) -> Set[str]:
    """Known models named in the site's function (or, if it names none, sent anywhere in the module)."""
    own = set(site.literal.origins)
    tokenizer_models = [
        (other.scope, other.literal.value)
        for other in _sites(ctx)
        if other.by_model and not own & set(other.literal.origins) and ctx.models.get(other.literal.value)
    ]
    mentions = [
        (entry.scope, entry.model) for entry in references.model_literals() if entry.literal not in own
    ]
    mentions += [(call.scope, call.model) for call in references.non_azure_calls()]
    function = site.scope.function_scope().node
    local = {model for scope, model in mentions + tokenizer_models if scope.function_scope().node is function}
    if local or not mentions:
        # Without a model sent or named anywhere, other functions' tokenizer calls prove nothing here.
        return local
    return {model for _, model in mentions + tokenizer_models}


class _EncodingRule(ModelRule):
    def mismatches(self, ctx: Context):  # type: ignore[no-untyped-def]
        """``(site, expected encoding, models)`` for sites whose encoding is not the scope's."""
        references = model_references(ctx)
        for site in _sites(ctx):
            if not site.encoding:
                continue
            models = _models_in_scope(references, site, ctx)
            expected = {tiktoken_tables().encoding_for_model(m) for m in models} - {None}
            if len(expected) != 1:
                continue  # no known model, or models with different encodings: ambiguous
            encoding = expected.pop()
            if encoding != site.encoding:
                yield (
                    site,
                    encoding,
                    sorted(m for m in models if tiktoken_tables().encoding_for_model(m) == encoding),
                )

    def fix(self, ctx: Context, site: EncodingSite, encoding: str, models: List[str]):  # type: ignore[no-untyped-def]
        replacement = models[0] if site.by_model else encoding
        if site.by_model and len(models) != 1:
            return None
        edits = [literal_with(ctx, literal, replacement) for literal in site.literal.origins]
        if not all(edits):
            return None
        return ctx.fix(Applicability.SAFE, f"Use `{replacement}`", *edits)  # type: ignore[arg-type]


class LegacyEncodingForChatModel(_EncodingRule):
    """## What it does
    Checks for a legacy encoding (`p50k_base`, `r50k_base`, `p50k_edit`, `gpt2`), from
    `tiktoken.get_encoding(...)` or from `tiktoken.encoding_for_model("text-davinci-003")`, in a
    function (else a module) that works with a chat model.

    ## Why is this bad?
    Those encodings belong to the retired GPT-3 completion models. Chat models use `cl100k_base`
    (gpt-3.5-turbo, gpt-4) or `o200k_base` (gpt-4o and later), per tiktoken's own tables, so token
    counts are wrong: prompts get truncated too early or sent too long and rejected with a context
    length error. The rule fires only when every model named in the scope maps to the same encoding;
    scopes with mixed models stay silent.

    ## Fix safety
    Safe: the encoding-name string becomes the model's encoding (`"p50k_base"` -> `"o200k_base"`), or
    the model name given to `encoding_for_model` becomes the chat model's (when the scope names one).
    """

    needs_text = ("tiktoken",)
    code = "OAI401"
    symbol = "legacy-encoding-for-chat-model"
    summary = "GPT-3-era tiktoken encoding used with a chat model"
    fix_availability = "sometimes"
    sources = (TIKTOKEN_SOURCE, "model kinds: knowledge/models.json")
    examples = (
        bad(
            """
            import tiktoken
            from openai import OpenAI

            def ask(question):
                encoding = tiktoken.get_encoding("p50k_base")
                if len(encoding.encode(question)) > 4000:
                    question = question[:4000]
                return OpenAI().chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": question}])
            """,
            (5, 38),
            fixed="""
            import tiktoken
            from openai import OpenAI

            def ask(question):
                encoding = tiktoken.get_encoding("o200k_base")
                if len(encoding.encode(question)) > 4000:
                    question = question[:4000]
                return OpenAI().chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": question}])
            """,
            applicability="safe",
        ),
        good(
            """
            import tiktoken

            def count(text, model="gpt-5.5"):
                return len(tiktoken.encoding_for_model(model).encode(text))
            """
        ),
        bad(
            """
            import tiktoken

            CHAT_MODEL = "gpt-4o-mini"
            ENCODER = tiktoken.encoding_for_model("text-davinci-003")
            """,
            (4, 39),
            fixed="""
            import tiktoken

            CHAT_MODEL = "gpt-4o-mini"
            ENCODER = tiktoken.encoding_for_model("gpt-4o-mini")
            """,
            applicability="safe",
            title="a completion model's encoding to count chat tokens",
        ),
    )

    def finish(self, ctx: Context) -> None:
        for site, encoding, models in self.mismatches(ctx):
            chat = [m for m in models if "chat" in (ctx.models.get(m).kinds if ctx.models.get(m) else ())]
            if site.encoding not in tiktoken_tables().LEGACY or not chat:
                continue
            source = f"`{site.literal.value}`" + (f" (which uses `{site.encoding}`)" if site.by_model else "")
            message = (
                f"{source} is a GPT-3-era encoding, but this code uses {', '.join(f'`{m}`' for m in chat)}, "
                f"which tiktoken encodes with `{encoding}`: token counts will be wrong"
            )
            for literal in site.literal.origins:
                ctx.report(self, literal, message, self.fix(ctx, site, encoding, models))


class WrongEncodingForModel(_EncodingRule):
    """## What it does
    Checks for a tiktoken encoding that differs from the one tiktoken's own tables give the models
    used in the same function (else module): most often `cl100k_base` with gpt-4o, gpt-4.1, o-series
    or GPT-5 models, which use `o200k_base`.

    ## Why is this bad?
    Token counts from the wrong encoding differ from what the API bills and limits, so context-window
    checks truncate too much or let requests through that the API rejects. Legacy GPT-3 encodings with
    chat models are OAI401. Scopes whose models map to different encodings stay silent.

    ## Fix safety
    Safe: the encoding-name string becomes the one tiktoken maps the models to.
    """

    needs_text = ("tiktoken",)
    code = "OAI402"
    symbol = "wrong-encoding-for-model"
    summary = "tiktoken encoding that does not match the model"
    fix_availability = "sometimes"
    sources = (TIKTOKEN_SOURCE,)
    examples = (
        bad(
            """
            import tiktoken

            MODEL = "gpt-4.1"
            ENCODING = tiktoken.get_encoding("cl100k_base")

            def tokens(text):
                return len(ENCODING.encode(text))
            """,
            (4, 34),
            fixed="""
            import tiktoken

            MODEL = "gpt-4.1"
            ENCODING = tiktoken.get_encoding("o200k_base")

            def tokens(text):
                return len(ENCODING.encode(text))
            """,
            applicability="safe",
            today="2026-11-25",
        ),
        good(
            """
            import tiktoken

            MODELS = {"fast": "gpt-4.1", "cheap": "gpt-3.5-turbo"}
            ENCODING = tiktoken.get_encoding("cl100k_base")
            """,
            title="no model in a model position",
        ),
    )

    def finish(self, ctx: Context) -> None:
        for site, encoding, models in self.mismatches(ctx):
            chat = any("chat" in (ctx.models.get(m).kinds if ctx.models.get(m) else ()) for m in models)
            if site.encoding in tiktoken_tables().LEGACY and chat:
                continue  # OAI401
            names = ", ".join(f"`{m}`" for m in models)
            via = f" (from `{site.literal.value}`)" if site.by_model else ""
            message = (
                f"`{site.encoding}`{via} does not match {names}, which tiktoken encodes with `{encoding}`: "
                "token counts will be off"
            )
            for literal in site.literal.origins:
                ctx.report(self, literal, message, self.fix(ctx, site, encoding, models))


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
    sources = (TIKTOKEN_SOURCE,)
    examples = (
        bad(
            """
            import tiktoken

            encoding = tiktoken.encoding_for_model("gpt-6-luna")
            """,
            (3, 40),
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


RULES = (LegacyEncodingForChatModel(), WrongEncodingForModel(), UnknownModelForTiktoken())
