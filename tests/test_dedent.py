"""The rule examples' ``dedent`` is ``textwrap.dedent``, on any text of blanks, tabs, newlines and code."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from lint_openai.rules.base import dedent
from lint_openai.rules.registry import all_rules


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=" \t\n\rxy#", max_size=60))
def test_dedent_is_textwrap_dedent(text: str) -> None:
    assert dedent(text) == textwrap.dedent(text)


def test_dedent_of_every_example_indented_again() -> None:
    for rule in all_rules():
        for example in rule.examples:
            indented = textwrap.indent(example.source, "        ")
            assert dedent(indented) == textwrap.dedent(indented) == example.source
