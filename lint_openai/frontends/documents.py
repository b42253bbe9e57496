"""The kinds of file a front-end reads: Python modules, Jupyter notebooks and configuration files.

Each kind says whether a file's bytes can have findings at all (the cheap prefilter), how they become
text, how the text is checked (always by the engine) and how fixes are applied and validated, so the
runner treats every file the same way. A notebook is checked as one module (:mod:`source.notebook`),
with each finding located in its cell; a cell that does not parse on its own is one OAI001 in that
cell, and the other cells are still checked. Fixes are written back into the cells' sources.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Dict, FrozenSet, Iterable, List, Tuple

from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Diagnostic
from lint_openai.engine import check_config_file, check_source, knowledge_for, parse_error_diagnostics
from lint_openai.fix import Applier, apply_fixes
from lint_openai.knowledge.model_lifecycle import ModelKnowledge
from lint_openai.source.config_files import config_format
from lint_openai.source.config_files.tree import ConfigFileError
from lint_openai.source.decoding import SourceDecodeError, decode_source, decode_utf8, parse_quietly
from lint_openai.source.noqa import file_is_exempt
from lint_openai.source.notebook import CodeSpan, Notebook, NotebookError, is_notebook_path, read_notebook
from lint_openai.source.notebook_json import NotebookText
from lint_openai.source.prefilter import bytes_may_have_findings, may_have_findings

MAX_CONFIG_BYTES = 1 << 20  # a larger .json or .yaml is data, not configuration
PARSE_FAILURES = (SyntaxError, ValueError, RecursionError, MemoryError)


class FileSkippedError(Exception):
    """A file that is not checked; the message (a note for the user) says why."""


Validator = Callable[[str], object]


@dataclass(frozen=True)
class DocumentKind:
    """How one kind of file is read, checked and fixed."""

    name: str
    may_have_findings: Callable[[bytes, ModelKnowledge], bool]
    decode: Callable[[bytes], str]
    check: Callable[[str, str, Settings], List[Diagnostic]]
    apply: Applier = apply_fixes
    # Given the original text, what checks that a fixed text is still valid (raises if not).
    validator: Callable[[str], Validator] = lambda original: parse_quietly


def document_kind(path: str) -> DocumentKind:
    """The kind of a file, by its name: ``.ipynb`` notebooks, configuration files, else Python."""
    if is_notebook_path(path):
        return NOTEBOOK
    if config_format(path) is not None:
        return CONFIG
    return PYTHON


# ----------------------------------------------------------------------------------------- notebooks
def _notebook_may_have_findings(data: bytes, knowledge: ModelKnowledge) -> bool:
    """The Python prefilter, unless the JSON escapes characters (``\\u006f``), where bytes prove nothing."""
    return b"\\u" in data or bytes_may_have_findings(data, knowledge)


def check_notebook(text: str, path: str, settings: Settings) -> List[Diagnostic]:
    """The findings of a notebook, each in its cell; OAI001 for an invalid notebook or a broken cell."""
    try:
        notebook = read_notebook(text)
    except NotebookError as error:
        return parse_error_diagnostics(settings, path, error.message, error.row, error.column)
    if not notebook.is_python:
        raise FileSkippedError(f"not a Python notebook (kernel language: {notebook.language}): skipped")
    module = notebook.module()
    if not may_have_findings(module, knowledge_for(settings)) or file_is_exempt(module):
        return []
    broken = _broken_cells(notebook)
    found = [
        replace(d, cell=span.cell)
        for span in notebook.spans
        if span.cell in broken
        for d in check_source(span.python.text, path, settings, prefilter=False)
    ]
    found += [notebook.to_cell(d) for d in check_source(notebook.module(broken), path, settings)]
    return sorted(found, key=lambda d: d.sort_key)


def _parses(span: CodeSpan) -> bool:
    try:
        parse_quietly(span.python.text)
    except PARSE_FAILURES:
        return False
    return True


def apply_notebook_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool) -> Tuple[str, int]:
    """Apply one round of fixes inside each cell's source; every other byte of the file is kept."""
    notebook = read_notebook(text)
    by_cell: Dict[int, List[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.cell is not None and diagnostic.fix is not None:
            by_cell.setdefault(diagnostic.cell, []).append(diagnostic)
    changes: Dict[int, str] = {}
    applied = 0
    for number, found in by_cell.items():
        source, count = apply_fixes(notebook.cells[number - 1].source, found, unsafe)
        if count:
            changes[number] = source
            applied += count
    if not changes:
        return text, 0
    return NotebookText(text).with_sources(changes), applied


def notebook_validator(original: str) -> Validator:
    """Fixed notebooks must stay valid, and every cell that parsed must still parse."""
    before: List[FrozenSet[int]] = []

    def validate(candidate: str) -> None:
        if not before:
            before.append(_broken_cells(read_notebook(original)))
        broken = _broken_cells(read_notebook(candidate)) - before[0]
        if broken:
            raise SyntaxError(f"cell {min(broken)} no longer parses")

    return validate


def _broken_cells(notebook: Notebook) -> FrozenSet[int]:
    return frozenset(span.cell for span in notebook.spans if not _parses(span))


# ----------------------------------------------------------------------------------------- config files
def _config_may_have_findings(data: bytes, knowledge: ModelKnowledge) -> bool:
    """A finding needs a key naming a model (``model``, ``engine``) and, so, those letters in the file."""
    lowered = data.lower()
    return b"model" in lowered or b"engine" in lowered or b"\\u" in data


def _decode_config(data: bytes) -> str:
    if len(data) > MAX_CONFIG_BYTES:
        raise FileSkippedError(
            f"larger than {MAX_CONFIG_BYTES >> 20} MiB, so read as data, not configuration: skipped"
        )
    try:
        return decode_utf8(data)
    except SourceDecodeError as error:
        raise FileSkippedError(f"{error.message} (line {error.row}): skipped") from None


def _check_config(text: str, path: str, settings: Settings) -> List[Diagnostic]:
    try:
        return check_config_file(text, path, settings)
    except ConfigFileError as error:
        raise FileSkippedError(f"{error.message}: skipped") from None


PYTHON = DocumentKind("python", bytes_may_have_findings, decode_source, check_source)
NOTEBOOK = DocumentKind(
    "notebook",
    _notebook_may_have_findings,
    decode_utf8,
    check_notebook,
    apply=apply_notebook_fixes,
    validator=notebook_validator,
)
CONFIG = DocumentKind("configuration", _config_may_have_findings, _decode_config, _check_config)
