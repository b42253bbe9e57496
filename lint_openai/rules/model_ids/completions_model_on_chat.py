"""OAI204 ``completions-model-on-chat``: completions-only model sent to the chat endpoint."""

from __future__ import annotations

from lint_openai.analyses.model_references import ModelReferences
from lint_openai.context import Context
from lint_openai.rules.base import bad, good
from lint_openai.rules.model_ids.common import LIFECYCLE_SOURCE, ModelRule

COMPLETIONS_ON_CHAT_ERROR = (
    "This is not a chat model and thus not supported in the v1/chat/completions endpoint. "
    "Did you mean to use v1/completions?"
)


class CompletionsModelOnChat(ModelRule):
    """## What it does
    Checks chat completion calls (`client.chat.completions.create`, v0 `openai.ChatCompletion.create`)
    with a completion-style model such as `gpt-3.5-turbo-instruct`, `davinci-002` or `babbage-002`.

    ## Why is this bad?
    Those models only ever worked on the legacy `/v1/completions` endpoint; the chat endpoint answers
    HTTP 404 (`openai.NotFoundError`): "This is not a chat model and thus not supported in the
    v1/chat/completions endpoint. Did you mean to use v1/completions?". (All three were also shut
    down on 2026-09-28; OAI201 reports that separately.)

    ## Fix safety
    There is no fix: pick a chat model.
    """

    code = "OAI204"
    symbol = "completions-model-on-chat"
    summary = "completions-only model sent to the chat endpoint"
    sources = (
        LIFECYCLE_SOURCE + " (kinds: the SDK's completions `model` literal)",
        "API error text: Chanzhaoyu/chatgpt-web#1428, truefoundry/models#846 (facts sheet section 3)",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-3.5-turbo-instruct", messages=messages)
            """,
            (4, 40, 4, 70, "`gpt-3.5-turbo-instruct` is not a chat model"),
            today="2025-09-01",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say hi")
            """,
            today="2025-09-01",
        ),
    )

    def finish(self, ctx: Context) -> None:
        for call in ctx.analysis(ModelReferences).non_azure_calls():
            if call.endpoint == "chat.completions.create" and ctx.models.is_completions_only(call.model):
                message = f'`{call.model}` is not a chat model: the chat endpoint answers 404 "{COMPLETIONS_ON_CHAT_ERROR}"'
                ctx.report(self, call.argument, message)
