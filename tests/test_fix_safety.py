"""Issue 14 item 7: fixes that would break working code.

The model-id rewrite (OAI201/OAI202) is applied only where the id provably reaches SDK requests alone
(the literal's only uses are ``model=`` of SDK calls, directly or through constants used nowhere else);
elsewhere it is a display-only suggestion. After a v0 resource is rewritten (OAI101), what still breaks on
v1 is reported and fixed where mechanical: ``request_timeout=``/``api_key=`` through a ``**kwargs`` dict
built in the same function, and positional arguments to keyword-only v1 methods.
"""

from __future__ import annotations

import datetime
import textwrap
from typing import List, Optional, Tuple

import pytest

from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Diagnostic
from lint_openai.engine import check_source
from lint_openai.fix import fix_source

SETTINGS = Settings(today=datetime.date(2026, 11, 25))


def findings(source: str, code: Optional[str] = None) -> List[Diagnostic]:
    found = check_source(textwrap.dedent(source), "case.py", SETTINGS)
    return [d for d in found if code is None or d.code == code]


def fixed(source: str) -> str:
    return fix_source(
        textwrap.dedent(source), lambda text: check_source(text, "case.py", SETTINGS), unsafe=True
    ).text


def model_fixes(source: str) -> List[Tuple[int, Optional[str]]]:
    """(row, applicability) of each OAI201/OAI202 finding."""
    return [
        (d.start.row, d.fix.applicability.value if d.fix else None)
        for d in findings(source)
        if d.code in ("OAI201", "OAI202")
    ]


WRAPPER_LIBRARY = """
    from openai import OpenAI

    CONTEXT_WINDOWS = {"gpt-3.5-turbo": 16385, "gpt-5.6-terra": 400000}


    class ChatModel:
        def __init__(self, model_name: str = "gpt-3.5-turbo"):
            self.client = OpenAI()
            self.model_name = model_name

        def context_window(self) -> int:
            return CONTEXT_WINDOWS[self.model_name]

        def ask(self, text):
            return self.client.chat.completions.create(
                model=self.model_name, messages=[{"role": "user", "content": text}]
            )


    def test_default_model():
        assert ChatModel().model_name == "gpt-3.5-turbo"
        assert ChatModel().context_window() == 16385
    """


def test_wrapper_library_default_is_a_display_only_suggestion() -> None:
    assert model_fixes(WRAPPER_LIBRARY) == [(8, "display-only")]
    assert fixed(WRAPPER_LIBRARY) == textwrap.dedent(WRAPPER_LIBRARY)  # the lookup table and test still hold


def test_class_attribute_default_is_display_only() -> None:
    source = """
        from openai import OpenAI

        class Settings:
            model: str = "gpt-3.5-turbo"

        def ask(settings, text):
            return OpenAI().chat.completions.create(model=settings.model, messages=[{"role": "user", "content": text}])
        """
    assert model_fixes(source) == [(5, "display-only")]


def test_literal_in_the_sdk_call_is_rewritten() -> None:
    source = """
        from openai import OpenAI

        reply = OpenAI().chat.completions.create(model="gpt-3.5-turbo", messages=[])
        """
    assert model_fixes(source) == [(4, "unsafe")]
    assert 'model="gpt-5.6-terra"' in fixed(source)


def test_constants_used_only_as_sdk_models_are_rewritten() -> None:
    source = """
        from openai import OpenAI

        BASE = "gpt-3.5-turbo"
        MODEL = BASE
        client = OpenAI()

        def ask(text):
            return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": text}])

        def summarize(text):
            return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": text}])
        """
    assert model_fixes(source) == [(4, "unsafe")]
    assert 'BASE = "gpt-5.6-terra"' in fixed(source)


@pytest.mark.parametrize(
    "other_use",
    [
        "PRICES = {MODEL: 0.5}",
        "print('using', MODEL)",
        "def is_default(name):\n    return name == MODEL",
        "OTHER = MODEL",
    ],
)
def test_constants_used_anywhere_else_are_display_only(other_use: str) -> None:
    source = (
        "from openai import OpenAI\n\n"
        'MODEL = "gpt-3.5-turbo"\n'
        "reply = OpenAI().chat.completions.create(model=MODEL, messages=[])\n" + other_use + "\n"
    )
    assert model_fixes(source) == [(3, "display-only")]
    assert fixed(source) == source


def test_environment_defaults_and_parameters_are_display_only() -> None:
    source = """
        import os
        from openai import OpenAI

        DEFAULT = os.getenv("CHAT_MODEL", "gpt-3.5-turbo")

        def ask(text, model="gpt-4"):
            return OpenAI().chat.completions.create(model=model, messages=[{"role": "user", "content": text}])
        """
    assert model_fixes(source) == [(7, "display-only")]


# ---------------------------------------------------------------- v1 leftovers after a v0 rewrite
def test_request_timeout_in_a_kwargs_dict_literal_is_reported_and_fixed() -> None:
    source = """
        from openai import OpenAI

        def ask(question, timeout=10):
            kwargs = {"model": "m", "messages": [], "request_timeout": timeout}
            return OpenAI().chat.completions.create(**kwargs)
        """
    [finding] = findings(source, "OAI106")
    assert finding.start.row == 5 and "`request_timeout`" in finding.message and "**kwargs" in finding.message
    assert finding.fix is not None and finding.fix.applicability.value == "safe"
    assert '"timeout": timeout}' in fixed(source)


def test_request_timeout_set_by_subscript_and_through_dict_call() -> None:
    source = """
        import openai

        def ask(question):
            params = dict(model="m", messages=[], request_timeout=5)
            params["request_timeout"] = 30
            return openai.chat.completions.create(**params)
        """
    assert [(d.start.row, d.start.column) for d in findings(source, "OAI106")] == [(5, 43), (6, 12)]
    result = fixed(source)
    assert 'dict(model="m", messages=[], timeout=5)' in result and 'params["timeout"] = 30' in result


def test_api_key_in_kwargs_is_reported_without_a_fix() -> None:
    source = """
        import openai

        def ask(question, key):
            kwargs = {"model": "m", "messages": [], "api_key": key}
            return openai.chat.completions.create(**kwargs)
        """
    [finding] = findings(source, "OAI106")
    assert "`api_key`" in finding.message and "OpenAI(api_key=...)" in finding.message and finding.fix is None


@pytest.mark.parametrize(
    "unproven",
    [
        'kwargs.pop("request_timeout")',
        'del kwargs["request_timeout"]',
        "kwargs = {}",
        "helper(kwargs)",
    ],
)
def test_kwargs_dicts_not_proven_to_hold_the_key_are_silent(unproven: str) -> None:
    source = (
        "import openai\n\n"
        "def ask(question):\n"
        '    kwargs = {"model": "m", "messages": [], "request_timeout": 5}\n'
        f"    {unproven}\n"
        "    return openai.chat.completions.create(**kwargs)\n"
    )
    assert findings(source, "OAI106") == []


def test_kwargs_built_in_another_function_are_silent() -> None:
    source = """
        import openai

        KWARGS = {"model": "m", "messages": [], "request_timeout": 5}

        def ask():
            return openai.chat.completions.create(**KWARGS)
        """
    assert findings(source, "OAI106") == []


def test_positional_argument_of_a_v0_call_becomes_a_keyword() -> None:
    source = """
        import openai

        def moderate(text):
            return openai.Moderation.create(text)["results"][0]["flagged"]
        """
    [finding] = findings(source, "OAI101")
    assert finding.fix is not None and finding.fix.applicability.value == "safe"
    assert "openai.moderations.create(input=text).results[0].flagged" in fixed(source)


def test_positional_argument_with_no_v1_keyword_gets_no_fix() -> None:
    source = """
        import openai

        reply = openai.ChatCompletion.create("sk-key", model="m", messages=[])
        """
    [finding] = findings(source, "OAI101")
    assert finding.fix is None  # v0's first positional parameter is api_key: v1 has no such argument
