"""Checking (and fixing) files: reading, decoding, running the engine, writing fixes back.

Nothing here raises for a bad file: every problem becomes a diagnostic or a message on the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from lint_openai.config.hosts import size_limit_message
from lint_openai.config.settings import Settings
from lint_openai.diagnostic import Diagnostic
from lint_openai.engine import InternalError, parse_error_diagnostics
from lint_openai.fix import fix_source
from lint_openai.frontends.cli.reading import NotRegularFileError, read_regular_file
from lint_openai.frontends.cli.results import FileResult, FixMode
from lint_openai.frontends.documents import PYTHON, DocumentKind, document_kind
from lint_openai.frontends.file_kinds import FileSkippedError
from lint_openai.rules.registry import PARSE_ERROR
from lint_openai.source.decoding import SourceDecodeError, encode_like, wide_encoding
from lint_openai.source.prefilter import may_have_findings


def check_file(
    path: Path, settings: Settings, display_path: Optional[str] = None, fix: Optional[FixMode] = None
) -> FileResult:
    """Check one file (and fix it if asked); unreadable or undecodable files give ``OAI001``."""
    shown = display_path or str(path)
    try:
        data = read_regular_file(path)
    except NotRegularFileError as error:
        return FileResult(shown, skipped=str(error))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return FileResult(
            shown, parse_error_diagnostics(settings, shown, f"cannot read file: {reason}", 1, 1)
        )
    result = check_data(data, shown, settings, fix)
    if fix is not None and fix.write and result.fixed and result.fixed_source is not None:
        write_error = _write_fixed(path, data, result.source or "", result.fixed_source)
        if write_error is not None:
            result = check_data(data, shown, settings)  # the file is unchanged: report its own findings
            result.write_error = write_error
    return result


def check_data(data: bytes, shown: str, settings: Settings, fix: Optional[FixMode] = None) -> FileResult:
    """Check the bytes of one file (read from disk or stdin), computing fixes if asked."""
    kind = document_kind(shown)  # a Python module, a notebook or a configuration file
    wide = wide_encoding(data) if kind is PYTHON else None
    if wide is not None:
        return _wide_file(data, wide, shown, settings)
    if not kind.may_have_findings(data, settings.model_shutdown_dates):
        return FileResult(shown)  # cannot have findings: not even decoded (so no OAI001 either)
    # Python source only: a notebook's bytes are mostly outputs (images), and configuration files have their
    # own limit.
    too_large = size_limit_message(settings, len(data), "[tool.lint-openai] or --max-file-size")
    if kind is PYTHON and too_large is not None:
        return FileResult(shown, parse_error_diagnostics(settings, shown, too_large, 1, 1))
    try:
        text = kind.decode(data)
    except SourceDecodeError as error:
        return FileResult(
            shown, parse_error_diagnostics(settings, shown, error.message, error.row, error.column)
        )
    except FileSkippedError as skipped:
        return FileResult(shown, note=str(skipped))

    def check(source: str) -> List[Diagnostic]:
        return kind.check(source, shown, settings)

    try:
        if fix is None:
            return FileResult(shown, check(text), text)
        if fix.noqa:
            return _with_noqa(shown, text, check(text), kind)
        outcome = fix_source(text, check, fix.unsafe, apply=kind.apply, validate=kind.validator(text))
    except InternalError as error:
        return FileResult(shown, [], text, internal_error=str(error))
    except FileSkippedError as skipped:
        return FileResult(shown, note=str(skipped))
    return FileResult(
        shown,
        outcome.remaining,
        text,
        fixed=outcome.applied,
        fixed_source=outcome.text,
        fix_error=outcome.error,
        fixed_codes=outcome.applied_codes,
    )


def _wide_file(data: bytes, codec: str, shown: str, settings: Settings) -> FileResult:
    """A UTF-16/32 file: Python refuses it, so it is ``OAI001`` if its text could have findings."""
    if not may_have_findings(data.decode(codec, errors="replace"), settings.model_shutdown_dates):
        return FileResult(shown)
    family = codec[:6].upper()
    message = (
        f"the file is {family} (it starts with a {family} byte order mark): Python reads source as UTF-8 or an "
        "ASCII-compatible PEP 263 encoding and refuses it (SyntaxError: Non-UTF-8 code); save it as UTF-8"
    )
    return FileResult(shown, parse_error_diagnostics(settings, shown, message, 1, 1))


def _with_noqa(shown: str, text: str, diagnostics: List[Diagnostic], kind: DocumentKind) -> FileResult:
    """The text with ``# noqa`` directives (written like a fix); what none could suppress stays a finding."""
    outcome = kind.add_noqa(text, diagnostics, {PARSE_ERROR.code})
    return FileResult(shown, outcome.unsuppressed, text, fixed=outcome.added, fixed_source=outcome.text)


def _write_fixed(path: Path, original: bytes, source: str, fixed_source: str) -> Optional[str]:
    """Write the fixed text back, keeping every byte outside the edits; an error message on failure."""
    from lint_openai.frontends.cli.writing import (  # noqa: PLC0415 - only --fix writes files
        NotWrittenError,
        replace_file_contents,
    )

    try:
        if encode_like(original, source) != original:
            raise UnicodeError("the file's bytes do not survive decoding and re-encoding")
        replace_file_contents(path, original, encode_like(original, fixed_source))
    except (OSError, UnicodeError, SourceDecodeError, NotWrittenError) as error:
        return f"fixes not written: {error}"
    return None
