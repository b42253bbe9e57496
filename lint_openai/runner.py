"""Checking files on disk: reading, decoding and running the engine, one file at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

from .diagnostic import Diagnostic
from .engine import InternalError, check_source, parse_error_diagnostics
from .settings import Settings
from .source import SourceDecodeError, decode_source


@dataclass
class FileResult:
    """The outcome of checking one file."""

    path: str
    diagnostics: List[Diagnostic] = field(default_factory=list)
    source: Optional[str] = None
    internal_error: Optional[str] = None


def check_file(path: Path, settings: Settings, display_path: Optional[str] = None) -> FileResult:
    """Check one file; unreadable or undecodable files give an ``OAI001`` diagnostic, never an exception."""
    shown = display_path or str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return FileResult(
            shown, parse_error_diagnostics(settings, shown, f"cannot read file: {reason}", 1, 1)
        )
    return check_data(data, shown, settings)


def check_data(data: bytes, shown: str, settings: Settings) -> FileResult:
    """Check the bytes of one file (read from disk or stdin)."""
    try:
        text = decode_source(data)
    except SourceDecodeError as error:
        return FileResult(
            shown, parse_error_diagnostics(settings, shown, error.message, error.row, error.column)
        )
    try:
        diagnostics = check_source(text, shown, settings)
    except InternalError as error:
        return FileResult(shown, [], text, internal_error=str(error))
    return FileResult(shown, diagnostics, text)
