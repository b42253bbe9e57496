"""OAI402 ``wrong-encoding-for-model``: tiktoken encoding that does not match the model."""

from __future__ import annotations

from lint_openai.context import Context
from lint_openai.knowledge import tiktoken_tables
from lint_openai.rules.base import bad, good
from lint_openai.rules.tokenizer.common import TIKTOKEN_SOURCE, EncodingRule


class WrongEncodingForModel(EncodingRule):
    """## What it does
    Checks for a tiktoken encoding that differs from the one tiktoken's own tables give the models
    used in the same function (else module): most often `cl100k_base` with gpt-4o, gpt-4.1, o-series
    or GPT-5 models, which use `o200k_base`.

    ## Why is this bad?
    Token counts from the wrong encoding differ from what the API bills and limits, so context-window
    checks truncate too much or let requests through that the API rejects. Legacy GPT-3 encodings with
    chat models are OAI401. Scopes whose models map to different encodings stay silent, and `gpt2` is
    `r50k_base` under another name (the same ranks, pattern and special tokens).

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

            MODEL = "gpt-5.5"
            ENCODING = tiktoken.get_encoding("cl100k_base")

            def tokens(text):
                return len(ENCODING.encode(text))
            """,
            (4, 34, 4, 47, "`cl100k_base` does not match `gpt-5.5`, which tiktoken encodes with"),
            fixed="""
            import tiktoken

            MODEL = "gpt-5.5"
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

            MODELS = {"fast": "gpt-5.5", "cheap": "gpt-3.5-turbo"}
            ENCODING = tiktoken.get_encoding("cl100k_base")
            """,
            title="no model in a model position",
        ),
    )

    def finish(self, ctx: Context) -> None:
        for site, encoding, models in self.mismatches(ctx):
            chat = any(ctx.models.has_kind(m, "chat") for m in models)
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
