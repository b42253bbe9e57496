"""OAI202 ``deprecated-model``: model with an announced shutdown date."""

from __future__ import annotations

from datetime import date
from typing import Optional

from lint_openai.analyses.model_references import ModelReferences
from lint_openai.context import Context
from lint_openai.knowledge.model_lifecycle import DEPRECATED, ModelInfo, ModelKnowledge
from lint_openai.rules.base import DEPRECATION, bad, good
from lint_openai.rules.model_ids.common import LIFECYCLE_SOURCE, ModelRule, advice, replacement_fix


class DeprecatedModel(ModelRule):
    """## What it does
    Checks for model ids with an announced shutdown date that has not passed yet, in the same places
    as OAI201 (configuration files included, when enabled).

    ## Why is this bad?
    The code works today and fails on the shutdown date. The message gives the date and the days left
    (against the real date, or `--today`/`today = ...` for reproducible CI), and the replacement the
    deprecations page names, if the data records one. As of late 2026, gpt-5, gpt-5-mini, gpt-5-nano
    and o3 shut down on 2026-12-11 and the gpt-4o and gpt-4.1 families on 2027-01-14.

    ## Fix safety
    Where a single replacement id is recorded and still served, the fix puts it in the literal; it is
    unsafe because the new model behaves differently. As for OAI201, it is applied only where the id
    provably reaches SDK requests alone (the `model=` of SDK calls, directly or through constants read
    nowhere else), and only displayed elsewhere.
    """

    code = "OAI202"
    symbol = "deprecated-model"
    severity = DEPRECATION
    summary = "model with an announced shutdown date"
    fix_availability = "sometimes"
    sources = (LIFECYCLE_SOURCE,)
    examples = (
        bad(
            """
            import openai

            MODEL = "gpt-4o"
            reply = openai.chat.completions.create(model=MODEL, messages=messages)
            """,
            (3, 9, 3, 17, "`gpt-4o` shuts down on 2027-01-14, in 50 days"),
            today="2026-11-25",
        ),
        good(
            """
            import openai

            MODEL = "gpt-5.5"
            reply = openai.chat.completions.create(model=MODEL, messages=messages)
            """,
            today="2026-11-25",
            title="a model with no announced shutdown",
        ),
        good(
            """
            import openai

            MODEL = "gpt-4o"
            reply = openai.chat.completions.create(model=MODEL, messages=messages)
            """,
            today="2026-10-13",
            title="before the deprecation was announced",
        ),
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            result = client.responses.create(model="gpt-5-mini", input="Hello")
            """,
            (4, 40, 4, 52, "`gpt-5-mini` shuts down on 2026-12-11, in 16 days"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            result = client.responses.create(model="gpt-5.6-terra", input="Hello")
            """,
            applicability="unsafe",
            today="2026-11-25",
            title="with a recorded replacement",
        ),
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-3.5-turbo", messages=messages)
            """,
            (4, 46, 4, 61, "`gpt-3.5-turbo` shuts down on 2026-10-23, in 1 day"),
            fixed="""
            from openai import OpenAI

            client = OpenAI()
            reply = client.chat.completions.create(model="gpt-5.6-terra", messages=messages)
            """,
            applicability="unsafe",
            today="2026-10-22",
            title="deprecated until the day of the shutdown (then OAI201 reports it instead)",
        ),
    )

    def finish(self, ctx: Context) -> None:
        for entry in ctx.analysis(ModelReferences).requested_literals():
            info = ctx.models.get(entry.model)
            message = deprecated_message(info, ctx.models, ctx.today) if info is not None else None
            if info is not None and message is not None:
                ctx.report(self, entry.literal, message, replacement_fix(ctx, entry, info))


def deprecated_message(info: ModelInfo, table: ModelKnowledge, today: date) -> Optional[str]:
    """The OAI202 message for a model, or ``None`` if it is not deprecated on ``today``."""
    if info.status(today) != DEPRECATED:
        return None
    if info.shutdown is not None:
        days = (info.shutdown - today).days
        when = f"shuts down on {info.shutdown.isoformat()}, in {days} day{'s' if days != 1 else ''}"
    else:
        when = "is deprecated (no shutdown date is recorded)"
    return f"`{info.id}` {when}; {advice(info, table, today)}"
