"""Property tests: on generated programs, the engine never raises and ``--fix`` never breaks code."""

from __future__ import annotations

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint_openai.engine import check_source
from lint_openai.fix import fix_source
from lint_openai.source.decoding import parse_quietly

V0_SNIPPETS = (
    "r = openai.ChatCompletion.create(model='gpt-4o', messages=m, request_timeout=3)\n",
    "e = openai.Embedding.create(input=t, model='text-embedding-3-small')\n",
    "openai.api_base = 'https://x/v1'\n",
    "from openai.error import RateLimitError, InvalidRequestError\n",
    "try:\n    pass\nexcept (openai.error.Timeout, openai.Timeout):\n    pass\n",
    "c = openai.OpenAI()\nc.chat.completion.create(model='x', messages=[], request_timeout=(1, 2))\n",
    "import openai.error\n",
    "openai.base_url = 'http://localhost/v1'\n",
    "img = openai.Image.create(prompt='p')\n",
    "class K:\n    def __init__(self):\n        self.c = openai.AsyncOpenAI()\n"
    "    async def f(self):\n        return await self.c.completions.acreate(model='m', prompt='p')\n",
)
PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


def check(text: str):  # type: ignore[no-untyped-def]
    return check_source(text, "generated.py")


@pytest.mark.slow
@PROPERTY_SETTINGS
@given(program=hypothesmith.from_grammar(), snippets=st.lists(st.sampled_from(V0_SNIPPETS), max_size=6))
def test_fix_never_breaks_generated_programs(program: str, snippets: list) -> None:  # type: ignore[type-arg]
    source = "import openai\n" + "".join(snippets) + program + "\n" + "".join(reversed(snippets))
    try:
        parse_quietly(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return  # the grammar can produce code the running interpreter rejects; nothing to fix then
    outcome = fix_source(source, check, unsafe=True)
    parse_quietly(outcome.text)
    assert outcome.error is None or "did not converge" not in outcome.error
    again = fix_source(outcome.text, check, unsafe=True)
    assert again.applied == 0 and again.text == outcome.text


@pytest.mark.slow
@PROPERTY_SETTINGS
@given(program=hypothesmith.from_node())
def test_engine_never_raises_on_generated_modules(program: str) -> None:
    check("import openai, tiktoken\nfrom openai import OpenAI\nclient = OpenAI()\n" + program)
