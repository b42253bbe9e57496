"""Command-line option defaults: ``typer.Option("gpt-4")`` and ``@click.option("--model", default="gpt-4")`` both
fill a parameter of the function, and both count as that parameter's default does: reported where the
parameter may reach a request, silent where it is never read or only consulted. argparse's default lands in
``args.<name>``, which the file is not followed through: it is reported wherever it is declared."""

from __future__ import annotations

import datetime
import textwrap
from typing import List, Tuple

import pytest

from lint_openai.config.settings import Settings
from lint_openai.engine import check_source

SETTINGS = Settings(today=datetime.date(2026, 11, 25))
HEADER = "import click\nimport typer\nimport tiktoken\nfrom openai import OpenAI\n\nclient = OpenAI()\n\n"
BODIES = {
    "unused": 'print("hello")',
    "consulted": "print(len(tiktoken.encoding_for_model({name}).encode('x')))",
    "sent": "client.chat.completions.create(model={name}, messages=[])",
    "passed on": "run({name})",  # another module's function: it may send it
}


def models(source: str) -> List[Tuple[int, str]]:
    found = check_source(HEADER + textwrap.dedent(source), "cli.py", SETTINGS)
    return [(d.start.row - HEADER.count("\n"), d.code) for d in found if d.code.startswith("OAI2")]


def click_command(
    body: str, option: str = '"--model"', name: str = "model", asynchronous: bool = False
) -> str:
    keyword = "async def" if asynchronous else "def"
    return f'@click.command()\n@click.option({option}, default="gpt-4")\n{keyword} main({name}: str) -> None:\n    {body}\n'


def typer_command(body: str, name: str = "model") -> str:
    return f'def main({name}: str = typer.Option("gpt-4")) -> None:\n    {body}\n'


@pytest.mark.parametrize("use", list(BODIES))
def test_typer_and_click_defaults_follow_the_same_rule(use: str) -> None:
    body = BODIES[use].format(name="model")
    reported = use in ("sent", "passed on")
    assert models(typer_command(body)) == ([(1, "OAI201")] if reported else [])
    assert models(click_command(body)) == ([(2, "OAI201")] if reported else [])
    assert models(click_command(body, asynchronous=True)) == ([(2, "OAI201")] if reported else [])


@pytest.mark.parametrize("use", ["unused", "sent"])
def test_a_click_option_fills_the_parameter_it_names(use: str) -> None:
    body = BODIES[use].format(name="model_name")
    expected = [(2, "OAI201")] if use == "sent" else []
    assert models(click_command(body, '"-m", "--model-name"', "model_name")) == expected
    assert models(typer_command(body, "model_name")) == ([(1, "OAI201")] if use == "sent" else [])


def test_where_the_parameter_is_not_shown_the_default_still_counts() -> None:
    kwargs = '@click.command()\n@click.option("--model", default="gpt-4")\ndef main(**options) -> None:\n    pass\n'
    assert models(kwargs) == [(2, "OAI201")]
    other_name = '@click.option("--model", default="gpt-4")\ndef main(name: str) -> None:\n    pass\n'
    assert models(other_name) == [(1, "OAI201")]
    not_a_decorator = 'option = click.option("--model", default="gpt-4")\n'
    assert models(not_a_decorator) == [(1, "OAI201")]


def test_argparse_defaults_are_reported_where_declared() -> None:
    source = 'import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--model", default="gpt-4")\n'
    assert models(source) == [(3, "OAI201")]
