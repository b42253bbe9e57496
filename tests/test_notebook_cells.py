"""A notebook from a list of cells (what the language server holds) is the notebook the CLI reads from a file:
the same module, the same findings, the same fixes and ``# noqa`` directives, computed on cells."""

from __future__ import annotations

from typing import List, Tuple

import pytest

from lint_openai.config.settings import Settings
from lint_openai.fix import fix_source
from lint_openai.frontends.documents import (
    add_cell_noqa,
    add_notebook_noqa,
    apply_notebook_fixes,
    cells_validator,
    check_cells,
    check_notebook,
    fix_cells,
    notebook_validator,
)
from lint_openai.source.notebook import Notebook, notebook_from_cells, read_notebook

from .notebook_builder import PYTHON_METADATA, V0_CELLS, build, code, markdown

PATH = "nb.ipynb"
SETTINGS = Settings(today=__import__("datetime").date(2026, 11, 25))


def cells_of(cells: List[dict]) -> List[Tuple[str, str]]:
    return [(cell["cell_type"], cell["source"]) for cell in cells]


def test_a_notebook_of_cells_is_the_notebook_read_from_its_file() -> None:
    read = read_notebook(build(V0_CELLS))
    made = notebook_from_cells(cells_of(V0_CELLS), PYTHON_METADATA["language_info"]["name"])
    assert made == read  # cells, numbers, language and every code cell's rows in the module
    assert [cell.number for cell in made.cells] == list(range(1, len(V0_CELLS) + 1))
    assert [span.cell for span in made.spans] == [2, 3, 5, 6, 8, 9, 11, 12, 14]  # no markdown, raw, %%bash
    assert notebook_from_cells([]).module() == "" and notebook_from_cells([]).is_python


def test_with_sources_rebuilds_the_module() -> None:
    notebook = notebook_from_cells([("code", "import openai"), ("markdown", "# m"), ("code", "x = 1")])
    assert notebook.module() == "import openai\nx = 1\n"
    changed = notebook.with_sources({1: "import openai\n\nimport os"})
    assert changed.module() == "import openai\n\nimport os\nx = 1\n"
    assert [(span.cell, span.first_row) for span in changed.spans] == [(1, 1), (3, 4)]
    assert changed.cells[1:] == notebook.cells[1:] and changed.language == notebook.language
    assert notebook.module() == "import openai\nx = 1\n"  # a new notebook; the old one is unchanged


def test_check_cells_finds_what_check_notebook_finds() -> None:
    found = check_cells(notebook_from_cells(cells_of(V0_CELLS)), PATH, SETTINGS)
    assert found == check_notebook(build(V0_CELLS), PATH, SETTINGS)
    assert len(found) == 8 and {d.cell for d in found} == {3, 5, 6, 11}


def test_a_broken_cell_is_oai001_there_and_the_others_are_checked() -> None:
    cells = [
        ("code", "import openai"),
        ("code", "def broken(:\n    pass"),
        ("code", "openai.Completion.create()"),
    ]
    found = check_cells(notebook_from_cells(cells), PATH, SETTINGS)
    assert [(d.cell, d.start.row, d.start.column, d.code) for d in found] == [
        (2, 1, 12, "OAI001"),
        (3, 1, 1, "OAI101"),
    ]


@pytest.mark.parametrize("unsafe", [False, True])
def test_fix_cells_fixes_as_the_file_is_fixed(unsafe: bool) -> None:
    text = build(V0_CELLS)
    by_file = fix_source(
        text,
        lambda candidate: check_notebook(candidate, PATH, SETTINGS),
        unsafe,
        apply=apply_notebook_fixes,
        validate=notebook_validator(text),
    )
    notebook = notebook_from_cells(cells_of(V0_CELLS))
    by_cells = fix_cells(notebook, lambda cells: check_cells(cells, PATH, SETTINGS), unsafe)
    assert isinstance(by_cells.text, Notebook)
    assert [cell.source for cell in by_cells.text.cells] == [
        cell.source for cell in read_notebook(by_file.text).cells
    ]
    assert by_cells.applied_codes == by_file.applied_codes and by_cells.applied > 0
    assert by_cells.remaining == by_file.remaining and by_cells.error is None
    assert [cell.source for cell in notebook.cells] == [source for _, source in cells_of(V0_CELLS)]


def test_the_cells_validator_refuses_a_cell_that_stopped_parsing() -> None:
    original = notebook_from_cells([("code", "x = 1"), ("code", "def broken(:")])
    validate = cells_validator(lambda: original)
    validate(original.with_sources({1: "x = 2"}))  # a cell broken before may stay broken
    with pytest.raises(SyntaxError, match="cell 1 no longer parses"):
        validate(original.with_sources({1: "x = ("}))


def test_add_cell_noqa_writes_what_add_notebook_noqa_writes() -> None:
    cells = [
        code("import openai"),
        markdown("text"),
        code('!pip install openai\nr = openai.Completion.create(prompt="""a\nb""")\n%time f()'),
    ]
    text = build(cells)
    found = check_notebook(text, PATH, SETTINGS)
    assert [(d.cell, d.start.row, d.code) for d in found] == [(3, 2, "OAI101")]
    notebook = read_notebook(text)
    outcome = add_cell_noqa(notebook.spans[1], notebook.cells[2].source, found)
    # After the string that joins the lines; the IPython lines keep their text.
    assert (
        outcome.text
        == '!pip install openai\nr = openai.Completion.create(prompt="""a\nb""")  # noqa: OAI101\n%time f()'
    )
    assert (outcome.added, outcome.unsuppressed) == (1, [])
    assert read_notebook(add_notebook_noqa(text, found, ()).text).cells[2].source == outcome.text
