"""OAI401 ``legacy-encoding-for-chat-model``: GPT-3-era tiktoken encoding used with a chat model."""

from __future__ import annotations

from lint_openai.context import Context
from lint_openai.knowledge import tiktoken_tables
from lint_openai.rules.base import bad, good
from lint_openai.rules.tokenizer.common import TIKTOKEN_SOURCE, EncodingRule


class LegacyEncodingForChatModel(EncodingRule):
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
            (5, 38, 5, 49, "`p50k_base` is a GPT-3-era encoding, but this code uses `gpt-5.5`, which"),
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
            (4, 39, 4, 57, "`text-davinci-003` (which uses `p50k_base`) is a GPT-3-era encoding, but this"),
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
            chat = [m for m in models if ctx.models.has_kind(m, "chat")]
            if site.encoding not in tiktoken_tables().LEGACY or not chat:
                continue
            source = f"`{site.literal.value}`" + (f" (which uses `{site.encoding}`)" if site.by_model else "")
            message = (
                f"{source} is a GPT-3-era encoding, but this code uses {', '.join(f'`{m}`' for m in chat)}, "
                f"which tiktoken encodes with `{encoding}`: token counts will be wrong"
            )
            for literal in site.literal.origins:
                ctx.report(self, literal, message, self.fix(ctx, site, encoding, models))
