"""Resolution of names and expressions to SDK values: what is proven and what is not."""

from __future__ import annotations

import ast
import textwrap
from typing import Optional

import pytest

from lint_openai.semantic.binder import Binder
from lint_openai.semantic.model import SemanticModel
from lint_openai.semantic.values import (
    NONE,
    UNKNOWN,
    ApiResult,
    Client,
    Method,
    Module,
    Part,
    Resource,
    SdkClass,
    Str,
    V0Proxy,
    Value,
)


def value_of(source: str, expression: str, function: Optional[str] = None) -> Value:
    """Resolve ``expression`` at the end of ``source`` (inside ``function`` if given)."""
    tree = ast.parse(textwrap.dedent(source))
    model = SemanticModel(tree)
    Binder(model, frozenset()).run()
    scope = model.module_scope
    if function:
        node = next(
            n
            for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == function
        )
        scope = model.scopes[node]
    return model.resolve(ast.parse(expression, mode="eval").body, scope)


CLIENT = Client("OpenAI")
ASYNC = Client("AsyncOpenAI", is_async=True)
AZURE = Client("AzureOpenAI", is_azure=True)


@pytest.mark.parametrize(
    ("source", "expression", "expected"),
    [
        ("import openai", "openai", Module("openai")),
        ("import openai as oa", "oa.ChatCompletion", V0Proxy("ChatCompletion")),
        ("import openai.error", "openai", Module("openai")),
        ("from openai import error", "error", Module("openai.error")),
        ("from openai import OpenAI", "OpenAI()", CLIENT),
        ("from openai import Client", "Client()", CLIENT),
        ("import openai", "openai.AsyncOpenAI()", ASYNC),
        ("from openai.lib.azure import AzureOpenAI", "AzureOpenAI()", AZURE),
        (
            "from openai import OpenAI as O\nc = O()",
            "c.chat.completions",
            Resource(CLIENT, ("chat", "completions")),
        ),
        (
            "from openai import OpenAI\nc = OpenAI()",
            "c.chat.completions.create",
            Method(CLIENT, ("chat", "completions", "create")),
        ),
        (
            "from openai import OpenAI\nc = OpenAI().with_options(timeout=1)",
            "c.models",
            Resource(CLIENT, ("models",)),
        ),
        ("import openai", "openai.Timeout", SdkClass("Timeout")),
        ("import os\nMODEL = os.getenv('M', 'gpt-4o')", "MODEL", "gpt-4o"),
        ("import os\nMODEL = os.environ.get('M', default='gpt-4o')", "MODEL", "gpt-4o"),
        ("from os import getenv\nMODEL = getenv('M') or 'gpt-4o'", "MODEL", "gpt-4o"),
        ("M = 'a'\nM = 'b'", "M", "b"),
        ("M = 'a'\nif x:\n    M = 'a'", "M", "a"),
        ("from openai import OpenAI\nc = None\nc = OpenAI()", "c", CLIENT),
        (
            "from openai import OpenAI\nimport anthropic\nc = OpenAI()\nc = anthropic.Anthropic()",
            "c",
            UNKNOWN,
        ),
        ("import anthropic as openai", "openai.ChatCompletion", UNKNOWN),
        ("import openai\nopenai = None", "openai", NONE),
        ("try:\n    import openai\nexcept ImportError:\n    openai = None", "openai", Module("openai")),
        ("from openai import OpenAI\na, b = OpenAI(), 1", "a", CLIENT),
        ("from openai import OpenAI\na, b = make()", "a", UNKNOWN),
        ("import openai\nwith openai.OpenAI() as c:\n    pass", "c", CLIENT),
    ],
)
def test_module_level_resolution(source: str, expression: str, expected: object) -> None:
    value = value_of(source, expression)
    if isinstance(expected, str):
        assert isinstance(value, Str) and value.value == expected
    else:
        assert value == expected


def test_self_attributes_and_annotations() -> None:
    source = """
        from typing import Optional
        import openai

        class Base:
            def __init__(self):
                self.client = openai.AsyncOpenAI()

        class Bot(Base):
            backup: "openai.OpenAI"

            def __init__(self, fallback: Optional[openai.OpenAI] = None):
                super().__init__()
                self.fallback = fallback

            async def ask(self):
                return self.client, self.fallback, self.backup

            @staticmethod
            def static(self):
                return self.client
    """
    assert value_of(source, "self.client", "ask") == ASYNC
    assert value_of(source, "self.fallback", "ask") == CLIENT
    assert value_of(source, "self.backup", "ask") == CLIENT
    assert value_of(source, "self.client", "static") == UNKNOWN


def test_functions_returning_clients() -> None:
    source = """
        import functools
        from openai import OpenAI

        def annotated() -> OpenAI:
            return make()

        @functools.lru_cache
        def cached():
            return OpenAI()

        def generator():
            yield OpenAI()
    """
    assert value_of(source, "annotated()") == CLIENT
    assert value_of(source, "cached()") == CLIENT
    assert value_of(source, "generator()") == UNKNOWN


def test_scopes_globals_and_shadowing() -> None:
    source = """
        from openai import OpenAI
        client = OpenAI()

        def uses_global():
            return client

        def shadows(client):
            return client

        def declares_global():
            global client
            client = OpenAI()

        class Holder:
            client = "not a client"

            def method(self):
                return client
    """
    assert value_of(source, "client", "uses_global") == CLIENT
    assert value_of(source, "client", "shadows") == UNKNOWN
    assert value_of(source, "client", "method") == CLIENT


def test_streams_and_parts() -> None:
    source = """
        from openai import OpenAI
        client = OpenAI()
        stream = client.chat.completions.create(model="m", messages=[], stream=True)
        for chunk in stream:
            pass
        for index, item in enumerate(stream):
            pass
    """
    chunk = value_of(source, "chunk.choices[0].delta")
    assert isinstance(chunk, Part) and chunk.path == ("<item>", "choices", "[]", "delta")
    item = value_of(source, "item")
    assert isinstance(item, Part) and item.path == ("<item>",)
    assert isinstance(value_of(source, "stream"), ApiResult)
    assert value_of(source, "stream.model_dump()") == UNKNOWN


def test_string_annotation_that_does_not_parse() -> None:
    assert value_of("def f(c: 'not valid(('):\n    pass", "c", "f") == UNKNOWN
