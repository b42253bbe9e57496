"""False alarms found on code the linter had never seen (the fp4 hunt, /work/fp4-triage.csv), as our own
reproductions. Each case pairs the false-alarm shape with a control that must still be reported, so a fix
that silences a rule wholesale fails here."""

from __future__ import annotations

import datetime
import textwrap
from typing import List, Tuple

import pytest

from lint_openai.config.settings import Settings
from lint_openai.engine import check_source

TODAY = datetime.date(2026, 12, 1)

CASES = {
    # langfuse 2.57.0 langfuse/openai.py: the drop-in sets its own settings on the openai module.
    "names the file sets on the openai module exist when read": (
        """
        import openai

        setattr(openai, "langfuse_public_key", None)
        openai.langfuse_host = None

        def initialize():
            public_key, host = openai.langfuse_public_key, openai.langfuse_host
            return connect(public_key, host, openai.langfuse_secret)
        """,
        [(8, "OAI104")],  # langfuse_secret is never set
    ),
    "names set on a client with setattr exist when read": (
        """
        from openai import OpenAI

        client = OpenAI()
        setattr(client, "my_cache", {})
        print(client.my_cache)
        print(client.other_cache)
        """,
        [(6, "OAI104")],  # other_cache is never set
    ),
    # fp4's leftover: feature detection around names a wrapper may have set.
    "a read the code tests for first is feature detection": (
        """
        import openai
        from openai import OpenAI

        client = OpenAI()
        if hasattr(openai, "flush_langfuse"):
            openai.flush_langfuse()
        if hasattr(client, "my_cache") and client.my_cache:
            print(client.my_cache)
        try:
            client.chat.complete()
        except AttributeError:
            pass

        def flush():
            if not hasattr(openai, "flush_langfuse"):
                return
            openai.flush_langfuse()

        cached = client.cache if hasattr(client, "cache") else None
        if hasattr(openai, "other"):
            openai.flush_langfuse()
        if hasattr(client, "chat"):
            client.chat.complete()
        openai.flush_langfuse()
        try:
            client.chat.complete()
        except ValueError:
            pass
        try:
            client.chat.complete()
        except (AttributeError, IndexError):
            pass
        """,
        [
            (21, "OAI104"),
            (23, "OAI104"),
            (24, "OAI104"),
            (26, "OAI104"),
            (30, "OAI104"),
        ],  # another test, or none
    ),
    # openai/swarm tests/mock_client.py: a test's stand-in response says which model answered.
    "a model default that only fills a stand-in response is not a request": (
        """
        from openai import OpenAI
        from openai.types.chat.chat_completion import ChatCompletion, Choice

        def create_mock_response(message, model="gpt-4o"):
            return ChatCompletion(id="mock", created=1, model=model, object="chat.completion", choices=[])

        def as_dict(model="gpt-4o"):
            shown = model
            return {"model": shown, "choices": []}

        def ask(messages, model="gpt-4o"):
            return OpenAI().chat.completions.create(model=model, messages=messages)

        def request_body(model="gpt-4o"):
            return {"model": model, "messages": []}
        """,
        [(11, "OAI202"), (14, "OAI202")],  # sent, or a request body
    ),
    # deepeval 1.5.0 tests/test_everything.py: a run's hyperparameters are recorded, not requested.
    "a model given to a log_* recorder is not a request": (
        """
        import deepeval
        from openai import OpenAI

        @deepeval.log_hyperparameters(model="gpt-4", prompt_template="another template!")
        def hyperparameters():
            return {}

        log_and_call(OpenAI().chat.completions.create, model="gpt-4-0314", messages=[])

        def ask(messages):
            return OpenAI().chat.completions.create(model="gpt-4", messages=messages)
        """,
        [(8, "OAI201"), (11, "OAI201")],  # a log_* name that says it calls is a tracing wrapper
    ),
    # helicone 1.0.14 helicone/test.py: v0 on Azure takes the deployment as engine=.
    "engine= on a drop-in openai module set to Azure names a deployment": (
        """
        from helicone.openai_proxy import openai

        def test_plain():
            openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[])

        def test_azure():
            openai.api_type = "azure"
            openai.ChatCompletion.create(engine="gpt-4", messages=[])
        """,
        [(4, "OAI201")],
    ),
    "engine= on the openai module set to Azure names a deployment": (
        """
        import openai

        openai.api_type = "azure"
        openai.ChatCompletion.create(engine="gpt-4", messages=[])
        openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[])
        """,
        [(4, "OAI101"), (5, "OAI101"), (5, "OAI201")],
    ),
    "engine= where another branch sets a non-Azure api_type is still a model": (
        """
        import os
        import openai

        if os.getenv("USE_AZURE"):
            openai.api_type = "azure"
        else:
            openai.api_type = "open_ai"
        openai.Completion.create(engine="text-davinci-003", prompt="hi")

        def configure(openai):
            openai.api_type = "azure"
        """,
        [(8, "OAI101"), (8, "OAI201")],
    ),
    "engine= without an Azure setting is still a model": (
        """
        from helicone.openai_proxy import openai

        openai.api_type = "open_ai"
        openai.Completion.create(engine="text-davinci-003", prompt="Hi")
        """,
        [(4, "OAI201")],
    ),
}


def findings(source: str) -> List[Tuple[int, str]]:
    diagnostics = check_source(textwrap.dedent(source).lstrip("\n"), "case.py", Settings(today=TODAY))
    return sorted({(d.start.row, d.code) for d in diagnostics})


@pytest.mark.parametrize("name", sorted(CASES))
def test_fp4_false_alarm_stays_fixed(name: str) -> None:
    source, expected = CASES[name]
    assert findings(source) == expected
