"""False positives found by the real-world triage (benchmarks/triage.csv), as our own reproductions.

Each case pairs the false-positive shape with a control that must still be reported, so a fix that
silences the rule wholesale fails here.
"""

from __future__ import annotations

import datetime
import textwrap
from typing import List, Tuple

import pytest

from lint_openai.config.settings import Settings
from lint_openai.engine import check_source

TODAY = datetime.date(2026, 11, 25)

CASES = {
    "a token counter's default model is only consulted": (
        """
        import tiktoken
        from openai import OpenAI

        def num_tokens_from_messages(messages, model="gpt-3.5-turbo-0301"):
            if model == "gpt-3.5-turbo-0301":
                per_message = 4
            elif "gpt-4" in model:
                return num_tokens_from_messages(messages, model="gpt-4-0613")
            encoding = tiktoken.encoding_for_model(model)
            return sum(len(encoding.encode(m["content"])) + per_message for m in messages)

        def ask(question, model="gpt-3.5-turbo"):
            return OpenAI().chat.completions.create(model=model, messages=[{"role": "user", "content": question}])
        """,
        [(12, "OAI201")],
    ),
    "a limit lookup and a price function": (
        """
        LIMITS = {"gpt-4": 8192}

        def get_max_tokens(model="gpt-3.5-turbo"):
            return LIMITS.get(model, 4096) if model.startswith("gpt") else 0

        def completion_cost(model=None, tokens=0):
            if not model:
                model = "dall-e-2"
            return PRICES[model] * tokens

        class MessageTokenLimiter:
            def __init__(self, model="gpt-3.5-turbo-0613"):
                self._model = model

            def apply(self, messages):
                return send(messages, self._model)

        class Agent:
            def __init__(self, model="gpt-3.5-turbo-0613"):
                self.model = model
        """,
        [(19, "OAI201")],
    ),
    "the model of a mocked API response": (
        """
        MOCK_RESPONSE = {
            "id": "cmpl-1",
            "object": "text_completion",
            "created": 1589478378,
            "model": "text-davinci-003",
            "choices": [{"text": "hi", "index": 0}],
        }
        REQUEST = {"model": "text-davinci-003", "prompt": "hi"}
        """,
        [(8, "OAI201")],
    ),
    "names that mention model but are not one": (
        """
        def analytics(_selected_model_group="gpt-4-32k"):
            return Logging(model="gpt-4-32k", model_map_key="gpt-4-32k")

        DEFAULT_MODEL = "gpt-4-32k"
        llm = ChatWrapper(model_name="gpt-4-32k")
        """,
        [(4, "OAI201"), (5, "OAI201")],
    ),
    "a call answered by a mock sends nothing": (
        """
        import litellm

        mocked = litellm.completion(model="gpt-3.5-turbo", messages=[], mock_response="Hi!")
        real = litellm.completion(model="gpt-3.5-turbo", messages=[])
        """,
        [(4, "OAI201")],
    ),
    "Azure deployments in another library's wrapper": (
        """
        llm = AzureChatOpenAI(deployment_name="d", model_name="gpt-4o-mini")
        other = ChatOpenAI(model_name="gpt-4o-mini")
        """,
        [(2, "OAI202")],
    ),
    "a file whose only clients are Azure clients names deployments": (
        """
        from openai import AzureOpenAI

        class AzureLLM:
            def __init__(self, config):
                self.config = config
                self.config.model = self.config.model or "gpt-4o"
                self.client = AzureOpenAI(azure_endpoint="https://x.openai.azure.com", api_version="2024-06-01")
        """,
        [],
    ),
    "a client pointed at another server (a proxy) serves its own models": (
        """
        from openai import OpenAI

        proxy = OpenAI(base_url="http://localhost:4000")
        proxy.completions.create(model="gpt-4o-mini", prompt="hi")

        def smoke_test(api_base):
            OpenAI(base_url=api_base).completions.create(model="gpt-4o-mini", prompt="hi")
        direct = OpenAI(base_url="https://api.openai.com/v1")
        direct.completions.create(model="gpt-4o-mini", prompt="hi")
        """,
        [(9, "OAI202"), (9, "OAI203")],
    ),
    "a module-level encoding is not matched with another function's tokenizer model": (
        """
        import tiktoken

        encoding = tiktoken.get_encoding("cl100k_base")

        def count_completion(text):
            return len(tiktoken.encoding_for_model("text-davinci-003").encode(text))

        def count_chat(text):
            enc = tiktoken.get_encoding("p50k_base")
            return len(enc.encode(text)), tiktoken.encoding_for_model("gpt-4o")
        """,
        [(9, "OAI401")],
    ),
    "review: what the consulted-only analysis must not swallow": (
        """
        import os
        from openai import OpenAI

        client = OpenAI()
        MODEL_GPT4 = "gpt-4"
        model_to_use = "gpt-3.5-turbo"

        def count_tokens_and_ask(prompt, model):
            return client.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])

        count_tokens_and_ask("hi", model="gpt-3.5-turbo")

        def ask(prompt, config, model="gpt-4"):
            return client.chat.completions.create(model=config.get("model", model), messages=prompt)

        class BaseAgent:
            def __init__(self):
                self._model = "gpt-4"

        regional = OpenAI(base_url="https://eu.api.openai.com/v1")
        regional.chat.completions.create(model="gpt-3.5-turbo", messages=[])
        configured = OpenAI(base_url=os.getenv("OPENAI_BASE_URL"))
        configured.chat.completions.create(model="gpt-3.5-turbo", messages=[])
        """,
        [
            (5, "OAI201"),
            (6, "OAI201"),
            (11, "OAI201"),
            (13, "OAI201"),
            (18, "OAI201"),
            (21, "OAI201"),
            (23, "OAI201"),
        ],
    ),
    "review: consulted by match, mocks and local token counters": (
        """
        from types import SimpleNamespace

        def budget(model):
            match model:
                case "gpt-4":
                    return 8192
            return 4096

        def num_tokens(text, model):
            return len(text) // 4 if model.startswith("gpt") else 0

        num_tokens("hi", model="gpt-4")
        budget(model="gpt-4")
        fake = SimpleNamespace(model="gpt-4", choices=[], usage=None)
        """,
        [],
    ),
}


def findings(source: str) -> List[Tuple[int, str]]:
    diagnostics = check_source(textwrap.dedent(source).lstrip("\n"), "case.py", Settings(today=TODAY))
    return sorted({(d.start.row, d.code) for d in diagnostics if d.code.startswith(("OAI2", "OAI4"))})


@pytest.mark.parametrize("name", sorted(CASES))
def test_triage_false_positive_stays_fixed(name: str) -> None:
    source, expected = CASES[name]
    assert findings(source) == expected
