"""OAI203 ``chat-model-on-completions``: chat model sent to the legacy completions endpoint."""

from __future__ import annotations

from lint_openai.analyses.model_references import ModelReferences
from lint_openai.context import Context
from lint_openai.rules.base import bad, good
from lint_openai.rules.model_ids.common import LIFECYCLE_SOURCE, ModelRule

CHAT_ON_COMPLETIONS_ERROR = "This is a chat model and not supported in the v1/completions endpoint. Did you mean to use v1/chat/completions?"


class ChatModelOnCompletions(ModelRule):
    """## What it does
    Checks calls of the legacy text-completions endpoint (`client.completions.create`,
    `openai.completions.create`, v0 `openai.Completion.create`) with a chat model.

    ## Why is this bad?
    The endpoint only serves completion-style models; the API answers HTTP 404
    (`openai.NotFoundError`): "This is a chat model and not supported in the v1/completions endpoint.
    Did you mean to use v1/chat/completions?". Use `client.chat.completions.create` with `messages=`.

    ## Fix safety
    There is no fix: the request (`prompt` vs `messages`) and the response (`choices[0].text` vs
    `choices[0].message.content`) both change.
    """

    code = "OAI203"
    symbol = "chat-model-on-completions"
    summary = "chat model sent to the legacy completions endpoint"
    sources = (
        LIFECYCLE_SOURCE + " (kinds: the SDK's `ChatModel` and completions `model` literals)",
        "API error text: RomanHotsiy/commitgpt#43, hegelai/prompttools#115 (facts sheet section 3)",
    )
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            text = client.completions.create(model="gpt-5.5", prompt="Say hi").choices[0].text
            """,
            (4, 34, 4, 49, "`gpt-5.5` is a chat model"),
            today="2026-11-25",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            text = client.chat.completions.create(model="gpt-5.5", messages=[{"role": "user", "content": "Hi"}])
            """,
            today="2026-11-25",
        ),
    )

    def finish(self, ctx: Context) -> None:
        for call in ctx.analysis(ModelReferences).non_azure_calls():
            if call.endpoint == "completions.create" and ctx.models.is_chat_only(call.model):
                message = f'`{call.model}` is a chat model: the completions endpoint answers 404 "{CHAT_ON_COMPLETIONS_ERROR}"'
                ctx.report(self, call.argument, message)
