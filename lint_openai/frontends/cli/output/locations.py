"""Where a finding is, for every output format: by cell in a notebook, by row and column elsewhere.

A notebook finding carries its cell (``Diagnostic.cell``) and rows inside the cell. Formats for people
show ``nb.ipynb:cell 6:7:9``. Formats whose lines a tool opens in the file itself (SARIF regions, GitHub
annotations, pylint's ``path:line``) get the position in the notebook's JSON text, where that source line
is written, and the cell location at the start of the message. Configuration files never show their
lines: they hold secrets.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, List, Optional, Tuple

from lint_openai.diagnostic import Diagnostic, Fix, Location
from lint_openai.frontends.cli.output.report import Report
from lint_openai.records import replace
from lint_openai.source.file_names import config_format
from lint_openai.source.lines import LineIndex

if TYPE_CHECKING:
    from lint_openai.source.notebook import Notebook

UNKNOWN = Location(1, 1)  # a position that is clearly a fallback (ruff's choice too)


def position(d: Diagnostic) -> str:
    """``cell 6:7:9`` in a notebook, else ``7:9``."""
    row_column = f"{d.start.row}:{d.start.column}"
    return f"cell {d.cell}:{row_column}" if d.cell is not None else row_column


def where(d: Diagnostic) -> str:
    """``nb.ipynb:cell 6:7:9`` or ``app.py:7:9``."""
    return f"{d.path}:{position(d)}"


def in_file(report: Report, fixes: bool = False) -> List[Diagnostic]:
    """The report's findings located in the files' own lines, for formats a tool opens the file with.

    A notebook finding gets the position of its text in the JSON and its message starts with
    ``cell 6:7:9: ``; its fix (``fixes``: for formats that carry fixes) becomes the edit of the JSON text
    that ``--fix`` would write, else it has none.
    """
    return [_in_file(report, d, fixes) if d.cell is not None else d for d in report.diagnostics]


def _in_file(report: Report, d: Diagnostic, fixes: bool) -> Diagnostic:
    start, end = file_span(report, d)
    fix = _json_fix(report, d) if fixes and d.fix is not None else None
    return replace(d, start=start, end=end, message=f"{position(d)}: {d.message}", fix=fix, cell=None)


def _json_fix(report: Report, d: Diagnostic) -> Optional[Fix]:
    text = report.sources.get(d.path, "")
    notebook = _notebook(text)
    if notebook is None:
        return None
    from lint_openai.frontends.cli.output.notebook_fixes import json_fix  # noqa: PLC0415 - notebook fixes only

    return json_fix(text, notebook, d)


def file_span(report: Report, d: Diagnostic) -> Tuple[Location, Location]:
    """Start and end in the file's own text: for a notebook cell, where its source is in the JSON."""
    if d.cell is None:
        return d.start, d.end
    text = report.sources.get(d.path, "")
    notebook = _notebook(text)
    if notebook is None or not 0 < d.cell <= len(notebook.cells):
        return UNKNOWN, UNKNOWN
    source = notebook.cells[d.cell - 1].source
    from lint_openai.source.notebook_json import notebook_text  # noqa: PLC0415 - notebook findings only

    positions = notebook_text(text)
    start = positions.physical(d.cell, d.start, source) or UNKNOWN
    end = positions.physical(d.cell, d.end, source) or start
    return start, max(start, end)


def source_lines(report: Report, d: Diagnostic) -> LineIndex:
    """The lines a finding's rows count: its cell's source, the file, or none for a configuration file."""
    text = report.sources.get(d.path, "")
    if d.cell is not None:
        notebook = _notebook(text)
        in_range = notebook is not None and 0 < d.cell <= len(notebook.cells)
        return LineIndex(notebook.cells[d.cell - 1].source if notebook and in_range else "")
    if config_format(d.path) is not None:
        return LineIndex("")
    return LineIndex(text)


@functools.lru_cache(maxsize=8)
def _notebook(text: str) -> Optional[Notebook]:
    """The notebook of a finding in a cell (the notebook reader loads for those only)."""
    from lint_openai.source.notebook import NotebookError, read_notebook  # noqa: PLC0415 - as said

    try:
        return read_notebook(text)
    except NotebookError:
        return None
