"""IPython syntax in cells: neutralised keeping every row and column; valid Python is never touched."""

from __future__ import annotations

import ast
import sysconfig
from pathlib import Path
from typing import List, Optional

import pytest

from lint_openai.source.ipython import python_cell, split_lines


def neutralised(source: str) -> Optional[str]:
    cell = python_cell(source)
    return None if cell is None else cell.text


@pytest.mark.parametrize(
    ("source", "expected", "rows"),
    [
        ("%pip install openai\nimport openai\n", "pass\nimport openai\n", {1}),
        ("!pip install -q openai==0.28\n", "pass\n", {1}),
        ("!!ls -la\n", "pass\n", {1}),
        ("files = !ls *.csv\n", "files = None\n", {1}),
        ("a, b = %timeit -o -q f()\n", "a, b = None\n", {1}),
        ("self.out = !echo hi\n", "self.out = None\n", {1}),
        ("files: list = !ls *.json\n", "files: list = None\n", {1}),
        ("out: Dict[str, int] = %timeit -o f()\n", "out: Dict[str, int] = None\n", {1}),
        ("?openai\n", "pass\n", {1}),
        ("openai.ChatCompletion?\n", "pass\n", {1}),
        ("openai.ChatCompletion.create??\n", "pass\n", {1}),
        ("np.*load*?\n", "pass\n", {1}),
        ("/print 1 2\n,print a b\n;print c\n", "pass\npass\npass\n", {1, 2, 3}),
        ("for name in names:\n    !echo $name\n", "for name in names:\n    pass\n", {2}),
        ("!pip install \\\n    openai \\\n    tiktoken\nx = 1\n", "pass\n\n\nx = 1\n", {1, 2, 3}),
        ("%env OPENAI_MODEL=gpt-4\r\nimport os\r\n", "pass\r\nimport os\r\n", {1}),
        ("%%time\nimport openai\n", "\nimport openai\n", {1}),
        ("\n%%capture out\nx = 1", "\n\nx = 1", {2}),
        ("pip install openai", "pass", {1}),
        ("cd ..\n", "pass\n", {1}),
        ("%%writefile x.py\nimport openai\n", None, set()),
        ("%%bash\npip install openai\n", None, set()),
        ("\n\n%%html\n<b>x</b>", None, set()),
    ],
)
def test_ipython_syntax_is_neutralised(source: str, expected: Optional[str], rows: set) -> None:
    cell = python_cell(source)
    if expected is None:
        assert cell is None
        return
    assert cell is not None
    assert cell.text == expected
    assert set(cell.replaced) == rows
    assert len(split_lines(cell.text)) == len(split_lines(source))
    kept = [line for row, line in enumerate(split_lines(source), 1) if row not in rows]
    assert kept == [line for row, line in enumerate(split_lines(cell.text), 1) if row not in rows]
    ast.parse(cell.text)


@pytest.mark.parametrize(
    "source",
    [
        "time = 5\n",  # an automagic name used as Python
        "ls\n",  # valid Python: left alone (IPython would run %ls, which has no findings either)
        "x = (1\n% 2)\n",  # a continuation line starting with %
        "s = '''\n%not a magic\n!nor this\n'''\n",
        's = """a\n" ?"""\n',
        "x = [\n    ?\n",  # inside brackets: never a magic (and a syntax error Python reports)
        "y = a \\\n    % b\n",
        "x = 1  # what?\n",
        "print('it''s')\nvalue = 'a # b'  # c?\n",
        "d = {'%': 1,\n     '!': 2}\n",
        "f'{x!r}'\n",
        "if a:\n    pass\n",
    ],
)
def test_python_lines_are_never_touched(source: str) -> None:
    cell = python_cell(source)
    assert cell is not None and cell.text == source and not cell.replaced


def stdlib_sample() -> List[Path]:
    root = Path(sysconfig.get_paths()["stdlib"])
    return sorted(root.glob("*.py"))[:120]


def test_valid_python_modules_come_back_unchanged() -> None:
    """The lexer that finds logical-line starts agrees with Python on real code: no line of a module
    that parses is ever mistaken for IPython syntax."""
    checked = 0
    for path in stdlib_sample():
        try:
            text = path.read_text(encoding="utf-8")
            ast.parse(text)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        cell = python_cell(text)
        assert cell is not None and cell.text == text and not cell.replaced, path
        checked += 1
    assert checked > 100
