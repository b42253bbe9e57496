"""Notebooks for tests, written the ways real tools write them (Jupyter, VS Code, Colab, scripts).

``build`` serialises cells with a chosen style: indentation, ``ensure_ascii``, sorted keys, sources as
lists of lines or one string, nbformat 4.0-4.5 with or without cell ids, a final newline or not.
``V0_CELLS`` is a realistic v0-era notebook (whose unpinned ``%pip install openai`` now installs v1): magics,
markdown, outputs (streams, images, errors, widgets), execution counts, a ``%%bash`` cell, top-level
``await``; lines that must be reported carry
``# expect: CODE`` markers, as the ``.py`` fixtures do.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Set, Tuple, Union

Cell = Dict[str, Any]
MARKER = re.compile(r"#\s*expect:\s*(?P<codes>[A-Z0-9, ]+)\s*$")
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


def code(source: str, outputs: Optional[List[Dict[str, Any]]] = None, count: Optional[int] = None) -> Cell:
    return {
        "cell_type": "code",
        "execution_count": count,
        "metadata": {},
        "outputs": outputs or [],
        "source": source,
    }


def markdown(source: str, **extra: Any) -> Cell:
    return {"cell_type": "markdown", "metadata": {}, "source": source, **extra}


def raw(source: str) -> Cell:
    return {"cell_type": "raw", "metadata": {}, "source": source}


def stream(text: str) -> Dict[str, Any]:
    return {"name": "stdout", "output_type": "stream", "text": text.splitlines(keepends=True)}


def error(name: str, value: str) -> Dict[str, Any]:
    return {
        "ename": name,
        "evalue": value,
        "output_type": "error",
        "traceback": [
            "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
            f"\u001b[0;31m{name}\u001b[0m: {value}",
        ],
    }


def image(count: int) -> Dict[str, Any]:
    return {
        "data": {"image/png": PNG, "text/plain": ["<Figure size 640x480 with 1 Axes>"]},
        "execution_count": count,
        "metadata": {"needs_background": "light"},
        "output_type": "execute_result",
    }


def widget(model_id: str) -> Dict[str, Any]:
    return {
        "data": {
            "application/vnd.jupyter.widget-view+json": {
                "model_id": model_id,
                "version_major": 2,
                "version_minor": 0,
            },
            "text/plain": ["IntSlider(value=0)"],
        },
        "metadata": {},
        "output_type": "display_data",
    }


PYTHON_METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": "3.11.7",
    },
    "widgets": {
        "application/vnd.jupyter.widget-state+json": {
            "state": {
                "5f0c": {
                    "model_module": "@jupyter-widgets/controls",
                    "model_name": "IntSliderModel",
                    "state": {},
                }
            },
            "version_major": 2,
            "version_minor": 0,
        }
    },
}

V0_CELLS: List[Cell] = [
    markdown(
        '# Summaries with GPT-4\n\nCalls `openai.ChatCompletion.create(model="gpt-4")` and `openai.Completion`.'
    ),
    code(
        "%pip install -q openai tiktoken\n!nvidia-smi",  # unpinned: run today, it installs openai>=1.0
        [stream("Successfully installed openai-0.28.1\n")],
        1,
    ),
    code(
        "import os\n"
        "import openai\n"
        "\n"
        'openai.api_key = os.getenv("OPENAI_API_KEY")\n'
        'openai.api_base = "https://api.openai.com/v1"  # expect: OAI103',
        [],
        2,
    ),
    markdown("## Ask the model\nIn French: « Bonjour »."),
    code(
        "response = openai.ChatCompletion.create(  # expect: OAI101\n"
        '    model="gpt-3.5-turbo",  # expect: OAI201\n'
        '    messages=[{"role": "user", "content": "Bonjour, ça va ?"}],\n'
        ")\n"
        'print(response["choices"][0]["message"]["content"])',
        [stream("Très bien !\n"), image(3), error("RateLimitError", "You exceeded your current quota")],
        3,
    ),
    code(
        "%%time\n"
        "try:\n"
        '    openai.Completion.create(engine="text-davinci-003", prompt="Hi")  # expect: OAI101, OAI201\n'
        "except openai.error.RateLimitError:  # expect: OAI102\n"
        "    pass",
        [stream("CPU times: user 3 ms, sys: 0 ns, total: 3 ms\n")],
        4,
    ),
    code("%%bash\npython -c 'import openai; openai.ChatCompletion.create(model=\"gpt-4\")'"),
    code("openai.ChatCompletion.create?"),
    code('emb = openai.Embedding.create(input="x", model="text-embedding-3-small")  # noqa: OAI101'),
    raw("openai.ChatCompletion.create(model='gpt-4')"),
    code(
        "files = !ls\n"
        "for name in files:\n"
        "    !echo $name\n"
        'reply = await openai.ChatCompletion.acreate(model="gpt-4", messages=[])  # expect: OAI101, OAI201'
    ),
    code("from ipywidgets import IntSlider\nIntSlider()", [widget("5f0c")], 5),
    markdown("![chart](attachment:chart.png)", attachments={"chart.png": {"image/png": PNG}}),
    code(""),
]


def build(
    cells: List[Cell],
    *,
    indent: Union[int, str, None] = 1,
    ensure_ascii: bool = False,
    sort_keys: bool = True,
    sources: str = "list",
    nbformat_minor: int = 5,
    ids: bool = True,
    trailing_newline: bool = True,
    metadata: Optional[Dict[str, Any]] = None,
) -> str:
    """A notebook's JSON text in the given style (Jupyter's own: indent 1, sorted keys, raw UTF-8, lists)."""
    written = []
    for index, given in enumerate(cells):
        cell = dict(given)
        text = cell["source"]
        cell["source"] = text.splitlines(keepends=True) if sources == "list" else text
        if ids and nbformat_minor >= 5:
            cell["id"] = f"cell-{index:04d}"
        if cell["cell_type"] != "code":
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
        written.append(cell)
    document = {
        "cells": written,
        "metadata": PYTHON_METADATA if metadata is None else metadata,
        "nbformat": 4,
        "nbformat_minor": nbformat_minor,
    }
    text = json.dumps(document, indent=indent, ensure_ascii=ensure_ascii, sort_keys=sort_keys)
    return text + "\n" if trailing_newline else text


def expected_findings(cells: List[Cell]) -> Set[Tuple[int, int, str]]:
    """``(cell, row, code)`` for every ``# expect:`` marker in the code cells."""
    expected = set()
    for number, cell in enumerate(cells, start=1):
        if cell["cell_type"] != "code":
            continue
        for row, line in enumerate(cell["source"].splitlines(), start=1):
            match = MARKER.search(line)
            if match:
                expected.update((number, row, c) for c in match["codes"].replace(",", " ").split())
    return expected
