"""The kinds of file a front-end reads: Python modules, Jupyter notebooks and configuration files.

Each kind says whether a file's bytes can have findings at all (the cheap prefilter), how they become
text, how the text is checked (always by the engine) and how fixes are applied and validated, so the
runner treats every file the same way. A notebook is checked as one module (:mod:`source.notebook`),
with each finding located in its cell; a cell that does not parse on its own is one OAI001 in that
cell, and the other cells are still checked. Fixes are written back into the cells' sources.

The notebook functions on cells (``check_cells``, ``fix_cells``, ``add_cell_noqa``) are what the JSON ones
do once the file is read: a front-end that holds cells rather than a file (the language server) calls them.
The notebook and configuration-file modules load when such a file is read: a run over Python modules never
imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Collection, Dict, FrozenSet, Iterable, List, Sequence, Tuple

from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Diagnostic
from lint_openai.engine import check_config_file, check_source, parse_error_diagnostics
from lint_openai.fix import Applier, FixOutcome, apply_fixes_by_code, fix_rounds
from lint_openai.frontends.file_kinds import (
    CONFIG_FILE,
    NOTEBOOK_FILE,
    PYTHON_FILE,
    FileSkippedError,
    file_kind,
)
from lint_openai.records import record
from lint_openai.source.decoding import parse_quietly
from lint_openai.source.noqa import file_is_exempt
from lint_openai.source.noqa_add import NoqaOutcome, add_noqa
from lint_openai.source.prefilter import Overrides, may_have_findings

if TYPE_CHECKING:
    from lint_openai.source.notebook import CodeSpan, Notebook

PARSE_FAILURES = (SyntaxError, ValueError, RecursionError, MemoryError)

Validator = Callable[[str], object]
# Writes noqa directives for findings (``--add-noqa``); those it cannot suppress stay findings.
NoqaWriter = Callable[[str, List[Diagnostic], Collection[str]], NoqaOutcome]


@record
class DocumentKind:
    """How one kind of file is read, checked and fixed."""

    name: str
    may_have_findings: Callable[[bytes, Overrides], bool]  # the byte prefilter, given the models-override ids
    decode: Callable[[bytes], str]
    check: Callable[[str, str, Settings], List[Diagnostic]]
    apply: Applier = apply_fixes_by_code
    # Given the original text, what checks that a fixed text is still valid (raises if not).
    validator: Callable[[str], Validator] = lambda original: parse_quietly
    add_noqa: NoqaWriter = add_noqa


def document_kind(path: str) -> DocumentKind:
    """The kind of a file, by its name (:func:`lint_openai.frontends.file_kinds.file_kind`)."""
    return _KINDS[file_kind(path).name]


# ----------------------------------------------------------------------------------------- notebooks


def check_notebook(text: str, path: str, settings: Settings) -> List[Diagnostic]:
    """The findings of a notebook, each in its cell; OAI001 for an invalid notebook or a broken cell."""
    from lint_openai.source.notebook import NotebookError, read_notebook  # noqa: PLC0415 - notebooks load when one is read

    try:
        notebook = read_notebook(text)
    except NotebookError as error:
        return parse_error_diagnostics(settings, path, error.message, error.row, error.column)
    if not notebook.is_python:
        raise FileSkippedError(f"not a Python notebook (kernel language: {notebook.language}): skipped")
    return check_cells(notebook, path, settings)


def check_cells(notebook: Notebook, path: str, settings: Settings) -> List[Diagnostic]:
    """The findings of a Python notebook's cells, each in its cell; OAI001 in a cell that does not parse.

    A notebook whose own install commands pin ``openai`` below 1.0 is judged as that release.
    """
    from lint_openai.source.install_pins import pinned_sdk_version  # noqa: PLC0415 - notebooks load when one is read

    module = notebook.module()
    if not may_have_findings(module, settings.model_shutdown_dates) or file_is_exempt(module):
        return []
    pinned = pinned_sdk_version(notebook)
    if pinned is not None:
        settings = settings.merged(sdk_version=pinned)
    broken = _broken_cells(notebook)
    found = [
        span.own(d)
        for span in notebook.spans
        if span.cell in broken
        for d in check_source(span.python.text, path, settings, prefilter=False)
    ]
    module_findings = check_source(notebook.module(broken), path, settings, cells=True)
    found += [notebook.to_cell(d) for d in module_findings]
    return sorted(found, key=lambda d: d.sort_key)


def _parses(span: CodeSpan) -> bool:
    try:
        parse_quietly(span.python.text)
    except PARSE_FAILURES:
        return False
    return True


def by_cell(diagnostics: Iterable[Diagnostic]) -> Dict[int, List[Diagnostic]]:
    """A notebook's findings by cell number (those outside any cell left out)."""
    found: Dict[int, List[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.cell is not None:
            found.setdefault(diagnostic.cell, []).append(diagnostic)
    return found


def _cell_fixes(
    notebook: Notebook, diagnostics: Iterable[Diagnostic], unsafe: bool
) -> Tuple[Dict[int, str], List[str]]:
    """One round of fixes inside each cell's source: the new sources by cell number, the codes applied."""
    changes: Dict[int, str] = {}
    applied: List[str] = []
    for number, found in by_cell(diagnostics).items():
        source, codes = apply_fixes_by_code(notebook.cells[number - 1].source, found, unsafe)
        if codes:
            changes[number] = source
            applied += codes
    return changes, applied


def apply_notebook_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool) -> Tuple[str, List[str]]:
    """Apply one round of fixes inside each cell's source; every other byte of the file is kept."""
    from lint_openai.source.notebook import read_notebook  # noqa: PLC0415 - notebooks load when one is read
    from lint_openai.source.notebook_json import NotebookText  # noqa: PLC0415 - notebooks load when one is read

    changes, applied = _cell_fixes(read_notebook(text), diagnostics, unsafe)
    return (NotebookText(text).with_sources(changes) if changes else text), applied


def _apply_cell_fixes(
    notebook: Notebook, diagnostics: Iterable[Diagnostic], unsafe: bool
) -> Tuple[Notebook, List[str]]:
    changes, applied = _cell_fixes(notebook, diagnostics, unsafe)
    return (notebook.with_sources(changes) if changes else notebook), applied


def fix_cells(
    notebook: Notebook, check: Callable[[Notebook], List[Diagnostic]], unsafe: bool
) -> FixOutcome[Notebook]:
    """Every applicable fix applied to the cells in rounds, as ``check --fix`` fixes a notebook file:
    ``check`` gives a notebook's findings (:func:`check_cells`), and a round that breaks a cell is dropped."""
    return fix_rounds(notebook, check, unsafe, _apply_cell_fixes, cells_validator(lambda: notebook))


def add_notebook_noqa(
    text: str, diagnostics: List[Diagnostic], unsuppressible: Collection[str]
) -> NoqaOutcome:
    """``# noqa`` directives written into the cells' lines (a finding outside any cell stays a finding).

    Directives are placed in the cell's Python (IPython syntax neutralised), then the IPython lines are put
    back: no directive ever lands on one (findings are never there, nor inside strings they end).
    """
    from lint_openai.source.notebook import read_notebook  # noqa: PLC0415 - notebooks load when one is read
    from lint_openai.source.notebook_json import NotebookText  # noqa: PLC0415 - notebooks load when one is read

    notebook = read_notebook(text)
    spans = {span.cell: span for span in notebook.spans}
    changes: Dict[int, str] = {}
    added = 0
    unsuppressed = [d for d in diagnostics if d.cell is None or d.cell not in spans]
    for number, found in by_cell(diagnostics).items():
        span = spans.get(number)
        if span is None:
            continue
        outcome = add_cell_noqa(span, notebook.cells[number - 1].source, found, unsuppressible)
        unsuppressed += outcome.unsuppressed
        if outcome.added:
            changes[number] = outcome.text
            added += outcome.added
    fixed = NotebookText(text).with_sources(changes) if changes else text
    return NoqaOutcome(fixed, added, sorted(unsuppressed, key=lambda d: d.sort_key))


def add_cell_noqa(
    span: CodeSpan, source: str, diagnostics: Sequence[Diagnostic], unsuppressible: Collection[str] = ()
) -> NoqaOutcome:
    """``# noqa`` directives in one code cell (``source``, whose Python is ``span``): placed in the Python,
    then the IPython lines put back. The outcome's text is the cell's new source."""
    from lint_openai.source.ipython import split_lines  # noqa: PLC0415 - notebooks load when one is read

    outcome = add_noqa(span.python.text, list(diagnostics), unsuppressible)
    if not outcome.added:
        return NoqaOutcome(source, 0, outcome.unsuppressed)
    lines = split_lines(outcome.text)
    original = split_lines(source)
    for row in span.python.dedented:
        lines[row - 1] = span.python.indent + lines[row - 1]
    for row in span.python.replaced:
        lines[row - 1] = original[row - 1]
    return NoqaOutcome("".join(lines), outcome.added, outcome.unsuppressed)


def _no_config_noqa(text: str, diagnostics: List[Diagnostic], unsuppressible: Collection[str]) -> NoqaOutcome:
    """Configuration files get no directives: a comment would become part of an INI value, and JSON has none."""
    return NoqaOutcome(text, 0, list(diagnostics))


def notebook_validator(original: str) -> Validator:
    """Fixed notebooks must stay valid, and every cell that parsed must still parse."""
    from lint_openai.source.notebook import read_notebook  # noqa: PLC0415 - notebooks load when one is read

    validate = cells_validator(lambda: read_notebook(original))
    return lambda candidate: validate(read_notebook(candidate))


def cells_validator(original: Callable[[], Notebook]) -> Callable[[Notebook], None]:
    """Every cell of the ``original()`` notebook (made on first use) that parsed must still parse."""
    before: List[FrozenSet[int]] = []

    def validate(candidate: Notebook) -> None:
        if not before:
            before.append(_broken_cells(original()))
        broken = _broken_cells(candidate) - before[0]
        if broken:
            raise SyntaxError(f"cell {min(broken)} no longer parses")

    return validate


def _broken_cells(notebook: Notebook) -> FrozenSet[int]:
    return frozenset(span.cell for span in notebook.spans if not _parses(span))


# ----------------------------------------------------------------------------------------- config files
def _check_config(text: str, path: str, settings: Settings) -> List[Diagnostic]:
    from lint_openai.source.config_files.tree import ConfigFileError  # noqa: PLC0415 - with the first config file

    try:
        return check_config_file(text, path, settings)
    except ConfigFileError as error:
        raise FileSkippedError(f"{error.message}: skipped") from None


PYTHON = DocumentKind("python", PYTHON_FILE.may_have_findings, PYTHON_FILE.decode, check_source)
NOTEBOOK = DocumentKind(
    "notebook",
    NOTEBOOK_FILE.may_have_findings,
    NOTEBOOK_FILE.decode,
    check_notebook,
    apply=apply_notebook_fixes,
    validator=notebook_validator,
    add_noqa=add_notebook_noqa,
)
CONFIG = DocumentKind(
    "configuration",
    CONFIG_FILE.may_have_findings,
    CONFIG_FILE.decode,
    _check_config,
    add_noqa=_no_config_noqa,
)
_KINDS = {kind.name: kind for kind in (PYTHON, NOTEBOOK, CONFIG)}
