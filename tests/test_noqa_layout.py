"""The ``# noqa`` layout of only the statements that mention noqa is the whole file's layout there."""

from __future__ import annotations

import ast
import functools
import random
import textwrap
from pathlib import Path
from typing import List

import pytest

from lint_openai.source.noqa_lines import noqa_layout, noqa_layout_near

from .test_prefilter import stdlib_sample

FIXTURES = Path(__file__).parent / "fixtures"
JOINED = textwrap.dedent(
    '''
    @decorator(
        "x")  # noqa: OAI201
    def f():
        return """a
        b"""  # noqa
    x = 1; y = """
    c"""  # noqa
    z = "a" \\
        "b"  # noqa
    w = ("a"
         "b")  # noqa
    '''
).lstrip("\n")
# Statements nested in bodies (tokenized alone: the innermost one that starts its line), on a header's line,
# sharing lines, and compound headers holding the noqa row.
NESTED = textwrap.dedent(
    '''
    class A:  # noqa
        def f(self):
            if x: y = """a
            b"""  # noqa
            z = 1; w = """
            c"""  # noqa
            v = "a" \\
                "b"  # noqa
            try:
                u = f"""{x}
                d"""  # noqa
            except (ValueError,
                    TypeError):  # noqa
                pass
            for item in (  # noqa
                    items):
                t = 1  # noqa
    '''
).lstrip("\n")


def _with_noqa_comments(text: str, seed: int) -> str:
    """``text`` with ``# noqa`` appended to some lines that end a logical line outside strings."""
    lines = text.split("\n")
    rows = random.Random(seed).sample(range(len(lines)), min(5, len(lines)))
    for row in rows:
        candidate = lines[:]
        candidate[row] += "  # noqa"
        try:
            ast.parse("\n".join(candidate))
        except SyntaxError:
            continue
        lines = candidate
    return "\n".join(lines)


@functools.lru_cache(maxsize=1)  # built once: collection and every case read it
def sources() -> List[str]:
    found = [JOINED, NESTED]
    found += [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.py"))]
    found += [path.read_text(encoding="utf-8") for path in stdlib_sample(40)]
    return [_with_noqa_comments(text, seed) for seed, text in enumerate(found)]


@pytest.mark.parametrize("index", range(len(sources())))
def test_layout_near_noqa_matches_the_whole_file(index: int) -> None:
    text = sources()[index]
    whole = noqa_layout(text)
    near = noqa_layout_near(text, ast.parse(text))
    assert whole is not None and near is not None
    rows = [row for row, line in enumerate(text.split("\n"), start=1) if "noqa" in line.lower()]
    assert rows or index > 0
    for row in rows:
        # Every row grouped with a noqa row is grouped the same way, and that row's comment column too.
        first, last = whole.span(row)
        for each in range(first, last + 1):
            assert near.span(each) == whole.span(each), (index, each)
    # Comments are found in the statements tokenized (a noqa comment on a line of its own is in none).
    assert near.comments.items() <= whole.comments.items()


def test_the_joined_cases_are_groups() -> None:
    near = noqa_layout_near(JOINED, ast.parse(JOINED))
    assert near is not None
    assert near.span(1) == (1, 1) and near.span(2) == (2, 2)  # lines inside brackets stay apart
    assert near.span(4) == (4, 5) and near.span(6) == (6, 7) and near.span(8) == (8, 9)
    assert near.span(10) == (10, 10) and near.span(11) == (11, 11)


def test_nested_statements_are_groups() -> None:
    near = noqa_layout_near(NESTED, ast.parse(NESTED))
    assert near is not None
    assert near.span(3) == (3, 4) and near.span(5) == (5, 6) and near.span(7) == (7, 8)
    assert near.span(10) == (10, 11) and near.span(12) == (12, 12) and near.span(13) == (13, 13)
    assert near.span(15) == (15, 15) and near.span(17) == (17, 17)
