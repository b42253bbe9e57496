"""OAI701 ``retired-api``: a request into an API surface OpenAI has shut down."""

from __future__ import annotations

from lint_openai.knowledge.model_lifecycle import RETIRED
from lint_openai.rules.base import bad, good
from lint_openai.rules.platform.common import DEP_SOURCE, SURFACES_SOURCE, ApiLifecycleRule


class RetiredApi(ApiLifecycleRule):
    """## What it does
    Checks SDK requests into an API surface whose shutdown date has passed, on proven clients of
    OpenAI's platform (`OpenAI()`, `AsyncOpenAI()`, the module client `openai.beta...`, through
    `with_raw_response` / `with_streaming_response` / `with_options`): the Assistants API
    (`client.beta.assistants`, `client.beta.threads` with its `messages`, `runs` and `runs.steps`; shut
    down 2026-08-26), the Videos API (`client.videos`, 2026-09-24), the Realtime beta
    (`client.beta.realtime`, 2026-05-12), image variations (`client.images.create_variation`, retired with
    dall-e-2 on 2026-05-12), the Evals API (`client.evals`, 2026-11-30), and requests that send a shut-down
    beta header (`"OpenAI-Beta": "assistants=v1"` since 2024-12-18, `"realtime=v1"` since 2026-05-12) in
    `extra_headers=` or a client's `default_headers=` (literal dicts, also through constants).

    ## Why is this bad?
    Every request fails: a shut-down endpoint is "no longer accessible" (deprecations page; the page
    does not quote the error body). The Realtime beta answers `beta_api_shape_disabled` ("The Realtime
    Beta API is no longer supported. Please use /v1/realtime for the GA API."); for image variations the
    SDK's own docstring says "This endpoint is retired and no longer available". Before sending, the SDK
    only emits a `DeprecationWarning` ("The Assistants API is deprecated in favor of the Responses API",
    "The Sora API is scheduled to permanently shut down on September 24, 2026."), which Python hides
    outside `__main__`, and type checkers show its `@deprecated` marks only with `reportDeprecated`
    switched on, without a date; `client.beta.realtime` is not marked at all. The message gives the shutdown date, the replacement
    that is live on the judged date (following replacements that are gone themselves: `assistants=v1` ->
    `assistants=v2`, shut down with the Assistants API) and the migration guide. "Today" is the real date
    unless pinned with `--today` or `today = "YYYY-MM-DD"`; before the shutdown OAI702 reports the same
    calls.

    One problem, one finding: a call reported here is not reported again for the model it names
    (OAI201/OAI202, when that is the model's only visible use) or for its arguments (OAI106, OAI111,
    OAI112, OAI307). A resource only bound to a name (`runs = client.beta.threads.runs`) makes no request
    and is not reported; the calls through it are. Azure OpenAI clients are not reported (Azure runs its own
    Assistants service: Microsoft's pages disagree on its retirement date and the project's facts carry
    none), nor are Amazon Bedrock clients (`BedrockOpenAI`, `OpenAI(provider=bedrock(...))`) or clients
    whose `base_url` is another server, however it is given (the NEAR AI hub implements its own
    Assistants API; see OAI201 for the ways a client is seen to be another server's), nor wrappers the file cannot see into (`instructor.patch(client)`,
    langchain's `OpenAIAssistantRunnable`). `client.responses`, `client.conversations`, `client.vector_stores`,
    `client.realtime` and `client.beta.chat.completions.parse` are live and never reported.

    ## Fix safety
    There is no fix: moving from Assistants to Responses and Conversations changes the whole
    request and response model (threads become conversations, runs become responses).
    """

    code = "OAI701"
    symbol = "retired-api"
    summary = "request into an API OpenAI has shut down"
    status = RETIRED
    sources = (SURFACES_SOURCE, DEP_SOURCE)
    examples = (
        bad(
            """
            from openai import OpenAI

            client = OpenAI()
            run = client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id)
            """,
            (4, 7, 4, 38, "`beta.threads.runs.create`: Assistants API, shut down on 2026-08-26: requests"),
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            conversation = client.conversations.create()
            response = client.responses.create(model="gpt-5.6-sol", input="Hi", conversation=conversation.id)
            """
        ),
        bad(
            """
            import asyncio

            import openai
            from openai import AsyncOpenAI

            async def main(client: AsyncOpenAI):
                raw = await client.beta.assistants.with_raw_response.create(model="gpt-4o", name="helper")
                openai.beta.threads.messages.list(thread_id="thread_abc")
                done = await asyncio.to_thread(openai.beta.threads.runs.retrieve, "run_abc", thread_id="thread_abc")
                with openai.beta.threads.runs.with_streaming_response.create(thread_id="t", assistant_id="a") as r:
                    r.read()
            """,
            (7, 17, 7, 64, "`beta.assistants.create`: Assistants API, shut down on 2026-08-26: requests"),
            (8, 5, 8, 38, "`beta.threads.messages.list`: Assistants API, shut down on 2026-08-26: requests"),
            (9, 36, 9, 69, "`beta.threads.runs.retrieve` (passed on to be called): Assistants API, shut"),
            (10, 10, 10, 65, "`beta.threads.runs.create`: Assistants API, shut down on 2026-08-26"),
            title="async clients, the module client, raw and streaming responses, a method passed on",
        ),
        bad(
            """
            from openai import AsyncOpenAI, OpenAI

            HEADERS = {"OpenAI-Beta": "assistants=v1"}
            client = OpenAI(default_headers=HEADERS)

            async def talk():
                async with AsyncOpenAI().beta.realtime.connect(model="gpt-realtime") as connection:
                    await connection.session.update(session={"modalities": ["text"]})
                video = OpenAI().videos.create(model="sora-2", prompt="A cat on a skateboard")
            """,
            (3, 27, 3, 42, "the header `OpenAI-Beta: assistants=v1`: Assistants API beta v1 (OpenAI-Beta:"),
            (7, 16, 7, 51, "`beta.realtime.connect`: Realtime API beta, shut down on 2026-05-12: requests"),
            (9, 13, 9, 35, "`videos.create`: Videos API (Sora 2), shut down on 2026-09-24: requests fail"),
            title="shut-down beta headers, the Realtime beta and the Videos API",
        ),
        good(
            """
            from openai import OpenAI

            client = OpenAI()
            store = client.vector_stores.create(name="docs")
            batch = client.vector_stores.file_batches.create(store.id, file_ids=ids, extra_headers={"OpenAI-Beta": "assistants=v2"})
            text = client.files.content("file-abc").text
            parsed = client.beta.chat.completions.parse(model="gpt-5.6-sol", messages=messages, response_format=Answer)
            with client.realtime.connect(model="gpt-realtime-2.1") as connection:
                connection.session.update(session={"type": "realtime"})
            runs = client.beta.threads.runs
            """,
            title="live APIs, the assistants=v2 header alone, and an uncalled reference",
        ),
        good(
            '''
            import anthropic
            import instructor
            import litellm
            from langchain.agents.openai_assistant import OpenAIAssistantRunnable
            from openai import AzureOpenAI, OpenAI

            class Workspace:
                """Wraps client.beta.assistants.create for our own assistants service."""

                def __init__(self, beta):
                    self.beta = beta

            Workspace(beta).beta.assistants.create(name="mine")
            anthropic.Anthropic().beta.messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=[])
            litellm.create_assistants(custom_llm_provider="openai", model="gpt-5.5")
            azure = AzureOpenAI(api_version="2025-04-01-preview", azure_endpoint="https://x.openai.azure.com")
            azure.beta.assistants.create(model="assistant-deployment")
            hub = OpenAI(base_url="https://api.near.ai/v1")
            hub.beta.threads.create()
            OpenAIAssistantRunnable(assistant_id="asst_1").invoke({"content": "Hi"})
            instructor.patch(OpenAI()).beta.threads.create()
            ''',
            title="look-alikes, other libraries and wrappers, Azure and another server",
        ),
    )
