"""A Jupyter notebook (nbformat 4) as one Python module, and the map between the module and the cells.

The code cells, in order, form one module, as the kernel runs them top to bottom (a name bound in
cell 2 is known in cell 5). Each cell's Python (IPython syntax neutralised by
:mod:`lint_openai.source.ipython`, same rows and columns) is followed by a newline, as ruff does. Cells
are numbered from 1 over *all* cells, markdown and raw ones included (ruff's ``cell 6``), so a number
is the cell a user counts in the editor. Positions inside a cell are the cell's own rows and columns.
"""

from __future__ import annotations

import bisect
import difflib
import json
from typing import FrozenSet, Iterable, List, Mapping, Optional, Tuple

from lint_openai.diagnostic import Diagnostic, Edit, Fix, Location
from lint_openai.records import record, replace
from lint_openai.source.cell_language import cell_language, is_python_language
from lint_openai.source.decoding import SourceDecodeError
from lint_openai.source.ipython import PythonCell, python_cell, split_lines
from lint_openai.source.json_positions import parse_positions
from lint_openai.source.lines import LineIndex

CONVERT_HINT = "convert it with `jupyter nbconvert --to notebook --nbformat 4`"


class NotebookError(SourceDecodeError):
    """Not a notebook that can be checked; the message says what is wrong, the row and column where."""


@record
class Cell:
    """One cell: its 1-based number over all cells, its ``cell_type``, its source text, and the language its
    own metadata names (a Polyglot notebook's C# cell; ``None``: the notebook's)."""

    number: int
    kind: str
    source: str
    language: Optional[str] = None


@record
class CodeSpan:
    """Where a Python code cell's rows are in the module (``first_row`` is its row 1)."""

    cell: int
    first_row: int
    rows: int
    python: PythonCell

    @property
    def last_row(self) -> int:
        return self.first_row + self.rows - 1

    def own(self, diagnostic: Diagnostic) -> Diagnostic:
        """A diagnostic of the cell's Python checked alone, in the cell's own columns."""
        start, end = diagnostic.start, diagnostic.end
        return replace(
            diagnostic,
            start=Location(start.row, self.python.cell_column(start.row, start.column)),
            end=Location(end.row, self.python.cell_column(end.row, end.column)),
            cell=self.cell,
        )


@record
class Notebook:
    """The cells of a notebook, its kernel language, and its Python code cells' place in the module."""

    cells: Tuple[Cell, ...]
    language: Optional[str]
    spans: Tuple[CodeSpan, ...]

    @property
    def is_python(self) -> bool:
        """Python, or no language recorded (a notebook never run): what ruff checks too."""
        return is_python_language(self.language)

    def module(self, blanked: FrozenSet[int] = frozenset()) -> str:
        """The code cells as one module; cells numbered in ``blanked`` become empty lines."""
        return "".join(
            "\n" * span.rows if span.cell in blanked else span.python.text + "\n" for span in self.spans
        )

    def span_at(self, row: int) -> Optional[CodeSpan]:
        """The code cell holding a module row."""
        index = bisect.bisect_right([span.first_row for span in self.spans], row) - 1
        if index < 0 or row > self.spans[index].last_row:
            return None
        return self.spans[index]

    def with_sources(self, changes: Mapping[int, str]) -> Notebook:
        """The notebook with the sources of the cells numbered in ``changes`` replaced."""
        cells = tuple(replace(cell, source=changes.get(cell.number, cell.source)) for cell in self.cells)
        return Notebook(cells, self.language, _spans(cells))

    def to_cell(self, diagnostic: Diagnostic) -> Diagnostic:
        """A module diagnostic located in its cell (cell-relative rows); a fix leaving the cell is dropped."""
        span = self.span_at(diagnostic.start.row)
        if span is None:
            return diagnostic
        start = _relative(span, diagnostic.start)
        end = (
            _relative(span, diagnostic.end)
            if span.first_row <= diagnostic.end.row <= span.last_row
            else start
        )
        return replace(diagnostic, start=start, end=end, cell=span.cell, fix=_fix_in(span, diagnostic.fix))


def _relative(span: CodeSpan, location: Location) -> Location:
    row = location.row - span.first_row + 1
    return Location(row, span.python.cell_column(row, location.column))


def _fix_in(span: CodeSpan, fix: Optional[Fix]) -> Optional[Fix]:
    """``fix`` in cell rows, if every edit stays inside the cell and off the rows IPython syntax took."""
    if fix is None:
        return None
    edits = []
    for edit in fix.edits:
        start, end = edit.start, edit.end
        if not (span.first_row <= start.row and end.row <= span.last_row):
            return None
        last = end.row - 1 if end.column == 1 and end.row > start.row else end.row
        rows = range(start.row - span.first_row + 1, last - span.first_row + 2)
        if any(row in span.python.replaced or row in span.python.dedented for row in rows):
            return None  # IPython syntax, or columns the dedent moved
        edits.append(Edit(_relative(span, start), _relative(span, end), edit.content))
    return Fix(fix.applicability, fix.message, tuple(edits))


def read_notebook(text: str) -> Notebook:
    """Read and validate an nbformat 4 notebook; raises :class:`NotebookError` saying what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotebookError(
            f"not a Jupyter notebook: invalid JSON: {error.msg}", error.lineno, error.colno
        ) from None
    except RecursionError:
        raise NotebookError("not a Jupyter notebook: the JSON is nested too deeply to read") from None
    if not isinstance(data, dict):
        raise NotebookError(f"not a Jupyter notebook: the JSON is {_a(data)}, not an object with cells")
    _check_format(data.get("nbformat"))
    cells = data.get("cells")
    if not isinstance(cells, list):
        raise NotebookError(f'invalid notebook: "cells" must be a list, not {_a(cells)}')
    metadata = data.get("metadata")
    read = tuple(_read_cell(text, index, cell, metadata) for index, cell in enumerate(cells))
    return Notebook(read, _language(metadata), _spans(read))


def notebook_from_cells(cells: Iterable[Tuple[str, str]], language: Optional[str] = None) -> Notebook:
    """A notebook of ``(cell_type, source)`` cells, numbered from 1 in order.

    What :func:`read_notebook` makes of a file, and what a front-end holding cells rather than a file (the
    language server) checks: a ``"code"`` cell is Python (unless a cell magic says otherwise), any other
    kind is never read.
    """
    numbered = tuple(Cell(number, kind, source) for number, (kind, source) in enumerate(cells, start=1))
    return Notebook(numbered, language, _spans(numbered))


def _check_format(version: object) -> None:
    if isinstance(version, int) and not isinstance(version, bool):
        if version == 4:
            return
        raise NotebookError(
            f"nbformat {version} notebooks are not supported, only nbformat 4: {CONVERT_HINT}"
        )
    if version is None:
        raise NotebookError('not a Jupyter notebook: it has no "nbformat" version')
    raise NotebookError(f'invalid notebook: "nbformat" must be the number 4, not {_a(version)}')


def _read_cell(text: str, index: int, cell: object, metadata: object) -> Cell:
    number = index + 1
    if not isinstance(cell, dict) or not isinstance(cell.get("cell_type"), str):
        problem = "is not an object" if not isinstance(cell, dict) else 'has no "cell_type"'
        raise NotebookError(f"invalid notebook: cell {number} {problem}", *_cell_position(text, index))
    kind = cell["cell_type"]
    source = cell.get("source")
    language = cell_language(cell.get("metadata"), metadata)
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        return Cell(number, kind, "".join(source), language)
    if isinstance(source, str):
        return Cell(number, kind, source, language)
    if kind != "code":
        return Cell(number, kind, "")  # never read: a malformed markdown or raw cell does not matter here
    problem = 'has no "source"' if source is None else '"source" must be a string or a list of strings'
    raise NotebookError(f"invalid notebook: code cell {number} {problem}", *_cell_position(text, index))


def _cell_position(text: str, index: int) -> Tuple[int, int]:
    """Row and column of cell ``index`` in the JSON text."""
    try:
        root = parse_positions(text, lambda path: len(path) <= 1 or (len(path) == 2 and path[0] == "cells"))
        cells = root.member("cells")
        node = cells.items[index] if cells is not None else root
    except (ValueError, IndexError, RecursionError):
        return 1, 1
    location = LineIndex(text).location_at(node.start)
    return location.row, location.column


def _language(metadata: object) -> Optional[str]:
    """The kernel's language: ``language_info.name``, else ``kernelspec.language`` (lower case)."""
    if not isinstance(metadata, dict):
        return None
    for table, key in (("language_info", "name"), ("kernelspec", "language")):
        value = metadata.get(table)
        name = value.get(key) if isinstance(value, dict) else None
        if isinstance(name, str) and name.strip():
            return name.strip().lower()
    return None


def _spans(cells: Iterable[Cell]) -> Tuple[CodeSpan, ...]:
    spans: List[CodeSpan] = []
    row = 1
    for cell in cells:
        if cell.kind != "code" or not is_python_language(cell.language):
            continue  # markdown, raw, or a Polyglot notebook's C# cell
        python = python_cell(cell.source)
        if python is None:
            continue  # a %%bash, %%writefile ... cell: not Python
        rows = len(split_lines(python.text + "\n"))
        spans.append(CodeSpan(cell.number, row, rows, python))
        row += rows
    return tuple(spans)


def _a(value: object) -> str:
    """What kind of JSON value this is, without quoting it (it may be large)."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def cell_diff(path: str, old: str, new: str) -> str:
    """A unified diff per changed cell of two notebook texts, headed ``a/<path>:cell <n>`` (as ruff's
    ``--diff`` shows them; ``path`` as the header shows it)."""
    pieces: List[str] = []
    for before, after in zip(read_notebook(old).cells, read_notebook(new).cells):
        if before.source == after.source:
            continue
        pieces.extend(
            difflib.unified_diff(
                split_lines(before.source + "\n"),
                split_lines(after.source + "\n"),
                fromfile=f"a/{path}:cell {before.number}",
                tofile=f"b/{path}:cell {after.number}",
            )
        )
    return "".join(pieces)
