"""The lifecycle rules across rules and dates (OAI110-OAI113, OAI307, OAI701/OAI702, live replacement
advice), and the SDK facts their messages state, checked against the installed ``openai`` and ``httpx2``."""

from __future__ import annotations

import datetime
import io
import json
import textwrap
from pathlib import Path
from typing import List, Tuple

import httpx2
import openai
import pydantic
import pytest

from lint_openai.config.settings import Settings
from lint_openai.engine import check_source
from lint_openai.frontends.cli.main import main
from lint_openai.knowledge.api import api
from lint_openai.knowledge.model_lifecycle import models
from lint_openai.knowledge.sdk_modules import sdk_modules
from lint_openai.rules.removed_api.proxies_argument import ERROR as PROXIES_ERROR
from lint_openai.rules.request.model_class_to_create import SDK_ERROR

from .api_knowledge_support import mocked_client

TODAY = "2026-11-25"


def run(source: str, today: str = TODAY, **settings: object) -> List[Tuple[str, int, int, str]]:
    found = check_source(
        textwrap.dedent(source).lstrip("\n"),
        "example.py",
        Settings(today=datetime.date.fromisoformat(today), **settings),  # type: ignore[arg-type]
    )
    return [(d.code, d.start.row, d.start.column, d.message) for d in found]


def codes(source: str, today: str = TODAY, **settings: object) -> List[Tuple[str, int, int]]:
    return [(code, row, column) for code, row, column, _ in run(source, today, **settings)]


# --- one problem, one finding ------------------------------------------------------------------------


def test_a_call_into_a_retired_api_gets_oai701_only() -> None:
    source = """
        from openai import OpenAI

        client = OpenAI()
        assistant = client.beta.assistants.create(model="gpt-4", file_ids=ids, instructions="Help")
        video = client.videos.create(model="sora-2", prompt="A cat")
        """
    assert codes(source) == [("OAI701", 4, 13), ("OAI701", 5, 9)]


def test_a_model_that_also_goes_to_a_live_api_is_still_reported() -> None:
    source = """
        from openai import OpenAI

        MODEL = "gpt-4"
        client = OpenAI()
        assistant = client.beta.assistants.create(model=MODEL)
        reply = client.chat.completions.create(model=MODEL, messages=[])
        """
    assert codes(source) == [("OAI201", 3, 9), ("OAI701", 5, 13)]


def test_a_model_given_to_a_call_shaped_like_a_retired_api_is_not_reported() -> None:
    """``self.client`` is not proven to be the SDK (no OAI701), but the id goes only to
    ``.beta.assistants.create``: if that is the SDK, the whole API is gone; if not, the id is not OpenAI's."""
    source = """
        from somewhere import get_client

        class Agent:
            def __init__(self, model="gpt-4"):
                self.client = get_client()
                self.model = model

            def create(self):
                return self.client.beta.assistants.create(model=self.model, name="agent")
        """
    assert codes(source) == []
    passed_elsewhere = (
        source + "\n            def chat(self):\n                return other.chat(model=self.model)\n"
    )
    assert codes(passed_elsewhere) == [("OAI201", 4, 30)]


def test_a_deprecated_api_does_not_hide_the_model() -> None:
    """Only a shut-down API makes the model finding redundant: a deprecated one still answers."""
    source = """
        from openai import OpenAI

        job = OpenAI().fine_tuning.jobs.create(training_file="file-1", model="gpt-4o-mini")
        """
    assert codes(source) == [("OAI702", 3, 7), ("OAI202", 3, 70)]


def test_a_stream_to_file_on_a_retired_api_response_is_oai701_only() -> None:
    source = """
        from openai import OpenAI

        OpenAI().videos.download_content("video_1").stream_to_file("cat.mp4")
        """
    assert codes(source) == [("OAI701", 1 + 2, 1)]


def test_an_uncalled_reference_is_reported_where_it_is_called() -> None:
    source = """
        from openai import OpenAI

        runs = OpenAI().beta.threads.runs
        threads = OpenAI().beta.threads
        run = runs.create(thread_id="t", assistant_id="a")
        """
    assert codes(source) == [("OAI701", 5, 7)]


# --- dates -------------------------------------------------------------------------------------------

TRANSLATION = """
    from openai import OpenAI

    with open("talk.mp3", "rb") as audio:
        text = OpenAI().audio.translations.create(model=speech_model, file=audio)
    """


@pytest.mark.parametrize(
    ("today", "expected", "words"),
    [
        ("2026-08-25", [], ""),
        ("2026-08-26", [("OAI702", 4, 12)], "shuts down on 2027-02-26, in 184 days"),
        ("2027-02-25", [("OAI702", 4, 12)], "shuts down on 2027-02-26, in 1 day;"),
        ("2027-02-26", [("OAI701", 4, 12)], "shut down on 2027-02-26: requests fail"),
    ],
)
def test_the_judged_date_moves_oai702_to_oai701(today: str, expected: list, words: str) -> None:
    found = run(TRANSLATION, today)
    assert [(c, r, col) for c, r, col, _ in found] == expected
    assert all(words in message for *_, message in found)


def test_cli_today_option_moves_the_finding(tmp_path: Path) -> None:
    path = tmp_path / "talk.py"
    path.write_text(textwrap.dedent(TRANSLATION).lstrip("\n"), encoding="utf-8")
    results = {}
    for today in ("2027-02-25", "2027-02-26"):
        out, err = io.StringIO(), io.StringIO()
        main(
            ["check", str(path), "--isolated", "--today", today, "--output-format", "json"], out=out, err=err
        )
        results[today] = [item["code"] for item in json.loads(out.getvalue())]
    assert results == {"2027-02-25": ["OAI702"], "2027-02-26": ["OAI701"]}


# --- clients --------------------------------------------------------------------------------------------


def test_only_clients_of_openais_platform_are_reported() -> None:
    source = """
        from typing import Union

        from openai import AsyncAzureOpenAI, AsyncOpenAI, AzureOpenAI, BedrockOpenAI, OpenAI

        azure = AzureOpenAI(api_version="2025-04-01-preview", azure_endpoint="https://x.openai.azure.com")
        azure.beta.assistants.create(model="my-deployment")
        BedrockOpenAI().beta.threads.create()
        OpenAI(base_url="http://localhost:8000/v1").beta.threads.create()
        OpenAI(base_url="https://eu.api.openai.com/v1").beta.threads.create()

        async def either(client: Union[AsyncOpenAI, AsyncAzureOpenAI]):
            await client.fine_tuning.jobs.create(training_file="file-1", model="base")
        """
    assert codes(source) == [("OAI701", 9, 1)]  # the regional host is OpenAI's


def test_beta_headers_through_constants_and_client_copies() -> None:
    source = """
        import openai

        BETA = "realtime=v1"
        HEADERS = {"OpenAI-Beta": BETA, "X-Trace": "1"}
        client = openai.OpenAI()
        client.with_options(default_headers=HEADERS).realtime.client_secrets.create()
        client.chat.completions.create(model="gpt-5.6-sol", messages=[], extra_headers=HEADERS)
        client.vector_stores.list(extra_headers={"openai-beta": "assistants=v2"})
        client.files.list(extra_headers={"OpenAI-Beta": "assistants=v1,realtime=v1"})
        """
    found = codes(source)
    assert found == [("OAI701", 4, 27), ("OAI701", 9, 49)]  # at the header value in the dict, once


# --- messages ------------------------------------------------------------------------------------------


def test_live_replacement_chain_in_model_messages() -> None:
    source = """
        from openai import OpenAI

        OpenAI().completions.create(model="text-davinci-003", prompt="Hi")
        OpenAI().chat.completions.create(model="gpt-4-0314", messages=[])
        OpenAI().chat.completions.create(model="gpt-4-32k", messages=[])
        """
    messages = [message for code, *_, message in run(source) if code == "OAI201"]
    assert "use `gpt-5.6-terra`, following the deprecations page's replacements: " in messages[0]
    assert "`gpt-3.5-turbo-instruct` (shut down 2026-09-28) -> `gpt-5.6-terra`" in messages[0]
    assert "`gpt-5` shuts down on 2026-12-11 (its replacement: `gpt-5.6-sol`)" in messages[1]
    assert "`gpt-4.1` shuts down on 2027-01-14" in messages[1]
    assert "`gpt-4o` (shuts down 2027-01-14), with no later one recorded" in messages[2]
    before = [message for code, *_, message in run(source, "2025-01-01") if code == "OAI201"]
    assert "use `gpt-3.5-turbo-instruct` (the replacement the deprecations page names)" in before[0]


def test_a_chain_fix_only_where_the_live_model_serves_the_same_endpoint() -> None:
    """``text-davinci-003`` (completions) ends at a chat model: no fix; ``gpt-3.5-turbo-0301`` (chat) does."""
    source = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-3.5-turbo-0301", messages=[])\n'
    found = check_source(source, "x.py", Settings(today=datetime.date(2026, 11, 25)))
    assert [d.fix.edits[0].content for d in found if d.fix] == ['"gpt-5.6-terra"']
    davinci = check_source(source.replace("gpt-3.5-turbo-0301", "text-davinci-003"), "x.py", Settings())
    assert all(d.fix is None for d in davinci if d.code == "OAI201")


def test_the_replacement_of_a_retired_header_is_followed() -> None:
    source = 'import openai\nclient = openai.OpenAI(default_headers={"OpenAI-Beta": "assistants=v1"})\n'
    ((code, _, _, message),) = run(source)
    assert code == "OAI701" and "shut down on 2024-12-18" in message
    assert "its replacement (Assistants API) was itself shut down on 2026-08-26" in message
    assert (
        "replacement: Responses API and Conversations API (`client.responses`, `client.conversations`)"
        in message
    )
    assert "https://developers.openai.com/api/docs/assistants/migration" in message


def test_knowledge_chains() -> None:
    today = datetime.date(2026, 11, 25)
    assert [m.id for m in models().replacement_chain("text-davinci-003", today)] == [
        "gpt-3.5-turbo-instruct",
        "gpt-5.6-terra",
    ]
    assert models().live_replacement("gpt-4-32k", today) is None  # gpt-4o is going, with no replacement
    assert models().named_replacements("gpt-4-0314") == ("gpt-5", "gpt-4.1")
    header = api().surfaces["assistants_v1_header"]
    assert [s.id for s in api().replacement_chain(header, today)] == ["assistants"]
    assert api().replacement_chain(api().surfaces["realtime_beta"], today) == ()


def test_models_command_shows_the_live_replacement() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["models", "--today", TODAY, "--output-format", "json", "davinci-003"], out=out, err=err) == 0
    (row,) = json.loads(out.getvalue())
    assert row["replacement"] == "gpt-3.5-turbo-instruct" and row["live_replacement"] == "gpt-5.6-terra"


# --- OAI110 / OAI112 details -----------------------------------------------------------------------------


def test_nonexistent_import_with_a_newer_sdk_reports_only_known_moves() -> None:
    source = """
        from openai.types.beta.vector_store import VectorStore
        from openai.types.experimental_thing import Thing
        from openai.types.chat import ChatCompletionFancy
        """
    assert codes(source, sdk_version="99.0.0") == [("OAI110", 1, 1)]
    assert codes(source) == [("OAI110", 1, 1), ("OAI110", 2, 1), ("OAI110", 3, 31)]


def test_moved_module_fix_needs_every_name_in_one_place() -> None:
    source = "from openai.types.beta.vector_stores import VectorStoreFile, VectorStoreFileBatch\n"
    (found,) = check_source(source, "x.py", Settings())
    assert found.fix is not None and found.fix.edits[0].content == "openai.types.vector_stores"
    mixed = "from openai.types.beta.vector_stores import VectorStoreFile, Unheard\n"
    (found,) = check_source(mixed, "x.py", Settings())
    assert found.code == "OAI110" and found.fix is None


def test_a_module_outside_beta_never_moved_into_it() -> None:
    """openai-python's examples/realtime/push_to_talk_app.py imports ``openai.types.realtime.session``, which
    no release had; the one ``session`` module exporting ``Session`` is the shut-down Realtime beta's."""
    source = "from openai.types.realtime.session import Session\n"
    assert sdk_modules().has_name("openai.types.beta.realtime.session", "Session")
    (found,) = check_source(source, "x.py", Settings())
    assert found.code == "OAI110" and found.fix is None and " is in " not in found.message
    assert (
        sdk_modules().moved_to("openai.types.beta.vector_store", ["VectorStore"])
        == "openai.types.vector_store"
    )


def test_deprecated_raw_bytes_body_on_the_low_level_client() -> None:
    source = """
        from openai import OpenAI

        client = OpenAI()
        client.post("/things", body=b"{}", cast_to=object)
        client.post("/things", body={"a": 1}, cast_to=object)
        """
    found = check_source(textwrap.dedent(source).lstrip("\n"), "x.py", Settings(extend_select=("OAI112",)))
    assert [(d.code, d.start.row, d.start.column) for d in found] == [("OAI112", 4, 24)]
    assert found[0].fix is not None and found[0].fix.edits[0].content == 'content=b"{}"'


# --- the facts the messages state, against the installed SDK ----------------------------------------------


class Answer(pydantic.BaseModel):
    city: str


def _chat_answer(request: httpx2.Request) -> httpx2.Response:
    body = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 0,
        "model": "gpt-5.6-sol",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": '{"city": "Paris"}', "refusal": None},
            }
        ],
    }
    return httpx2.Response(200, json=body, request=request)


def test_model_class_to_create_error_text_and_the_fix_against_the_sdk() -> None:
    client = mocked_client(_chat_answer)
    with pytest.raises(TypeError) as raised:
        client.chat.completions.create(model="gpt-5.6-sol", messages=[], response_format=Answer)
    assert str(raised.value) == SDK_ERROR
    parsed = client.chat.completions.parse(model="gpt-5.6-sol", messages=[], response_format=Answer)
    assert parsed.choices[0].message.parsed == Answer(city="Paris")


@pytest.mark.parametrize(
    "factory",
    [
        openai.DefaultHttpxClient,
        openai.DefaultAsyncHttpxClient,
        openai.DefaultHttpx2Client,
        openai.DefaultAsyncHttpx2Client,
        httpx2.Client,
        httpx2.AsyncClient,
    ],
)
def test_proxies_is_a_type_error_and_proxy_works(factory) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError) as raised:
        factory(proxies="http://proxy.internal:3128")
    # The rule's message quotes the sync client's text; the async clients say ``AsyncClient.__init__()``.
    assert f"TypeError: {raised.value}" in (PROXIES_ERROR, PROXIES_ERROR.replace("Client", "AsyncClient"))
    factory(proxy="http://proxy.internal:3128")
