"""OAI702 ``deprecated-api``: a request into an API surface with an announced shutdown still ahead."""

from __future__ import annotations

import ast

from lint_openai.analyses.api_surfaces import REQUEST_CALLEES, ApiSurfaces
from lint_openai.analyses.raw_requests import RAW_REQUEST_CALLEES, RawRequests
from lint_openai.context import Context
from lint_openai.knowledge.model_lifecycle import DEPRECATED
from lint_openai.rules.base import DEPRECATION, bad, good
from lint_openai.rules.platform.common import DEP_SOURCE, SURFACES_SOURCE, ApiLifecycleRule
from lint_openai.rules.platform.over_http import HTTP_SOURCE, PATHS_SOURCE, report_raw_request
from lint_openai.semantic.scopes import Scope


class DeprecatedApi(ApiLifecycleRule):
    """## What it does
    Checks SDK requests into an API surface whose shutdown is announced but still ahead, in the same
    places and on the same clients as OAI701: `client.audio.translations.create` (shuts down 2027-02-26,
    per the SDK's docstring), fine-tuning job creation `client.fine_tuning.jobs.create` (2027-01-06), and
    any surface of OAI701 between its announcement and its shutdown date. Requests made without the SDK
    (raw HTTP or WebSocket, as OAI703 finds them) into such a surface are reported here too, with the same
    message; on the shutdown date they become OAI703.

    ## Why is this bad?
    The code works today and fails on the shutdown date. The SDK's docstring of
    `audio.translations.create` says "The endpoint and model are deprecated and scheduled to shut down on
    February 26, 2027"; at run time it emits only a `DeprecationWarning`, and fine-tuning job creation is
    not marked in the SDK at all (the date is on the deprecations page). The message gives the date, the
    days left and the replacement that is live on the judged date. On the shutdown date the finding becomes OAI701;
    `--today` (or `today = "YYYY-MM-DD"` in `[tool.lint-openai]`) moves both, for reproducible CI.

    ## Fix safety
    There is no fix: the replacements are different APIs (`/v1/realtime/translations` is a separate
    realtime integration; fine-tuning job creation has no replacement).
    """

    code = "OAI702"
    symbol = "deprecated-api"
    summary = "request into an API with an announced shutdown"
    severity = DEPRECATION
    status = DEPRECATED
    requires = (ApiSurfaces, RawRequests)
    callees = (*REQUEST_CALLEES, *RAW_REQUEST_CALLEES)  # requests without the SDK are reported here too
    sources = (SURFACES_SOURCE, DEP_SOURCE, PATHS_SOURCE, HTTP_SOURCE)
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            with open("interview.mp3", "rb") as audio:
                english = client.audio.translations.create(model="whisper-1", file=audio)
            """,
            (5, 15, 5, 47, "`audio.translations.create`: Audio translations endpoint"),
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()

            def translation_session(model: str):
                return client.realtime.translations.connect(model=model)
            """,
            title="the replacement the SDK names: a Realtime translation session (a separate integration)",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            with open("interview.mp3", "rb") as audio:
                english = client.audio.translations.create(model="whisper-1", file=audio)
            """,
            today="2026-08-25",
            title="before the deprecation was announced",
        ),
        bad(
            """
            from openai import AsyncOpenAI

            async def train(client: AsyncOpenAI, file_id: str, base: str):
                return await client.fine_tuning.jobs.with_raw_response.create(training_file=file_id, model=base)
            """,
            (4, 18, 4, 66, "`fine_tuning.jobs.create`: Creating fine-tuning jobs (self-serve fine-tuning)"),
            title="fine-tuning job creation on an async client",
        ),
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            run = client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id)
            """,
            (
                4,
                7,
                4,
                38,
                "`beta.threads.runs.create`: Assistants API, which shuts down on 2026-08-26, in 1 day",
            ),
            today="2026-08-25",
            title="the day before the shutdown (from the shutdown day on, OAI701 reports it)",
        ),
        bad(
            """
            import os

            import websockets

            async def connect(model: str):
                headers = {"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}", "OpenAI-Beta": "realtime=v1"}
                url = f"wss://api.openai.com/v1/realtime?model={model}"
                return await websockets.connect(url, additional_headers=headers)
            """,
            (
                6,
                90,
                6,
                103,
                "the header `OpenAI-Beta: realtime=v1` (a request without the SDK, `websockets.connect`)",
            ),
            today="2026-05-01",
            title="a request without the SDK before the shutdown (from the shutdown day on, OAI703 reports it)",
        ),
    )

    def check(self, node: ast.AST, scope: Scope, ctx: Context) -> None:
        super().check(node, scope, ctx)
        if isinstance(node, ast.Call):
            report_raw_request(self, node, scope, ctx, DEPRECATED)
