"""Findings as JSON and back, exactly: a cached finding prints as the one it was computed as."""

from __future__ import annotations

from typing import Any, List, Optional

from lint_openai.diagnostic import Applicability, Diagnostic, Edit, Fix, Location


class MalformedEntryError(ValueError):
    """Cached data that is not what this version writes (corrupt, or written by another program)."""


def encode(diagnostic: Diagnostic) -> List[Any]:
    """A finding without its path (the entry's file gives it)."""
    fix = diagnostic.fix
    encoded_fix = None
    if fix is not None:
        edits = [[*_location(e.start), *_location(e.end), e.content] for e in fix.edits]
        encoded_fix = [fix.applicability.value, fix.message, edits]
    return [
        diagnostic.code,
        diagnostic.symbol,
        diagnostic.message,
        _location(diagnostic.start),
        _location(diagnostic.end),
        diagnostic.cell,
        encoded_fix,
    ]


def decode(item: Any, path: str) -> Diagnostic:
    """The finding :func:`encode` wrote, in the file ``path``; :class:`MalformedEntryError` for anything else."""
    try:
        code, symbol, message, start, end, cell, fix = item
        return Diagnostic(
            _text(code),
            _text(symbol),
            _text(message),
            _decode_location(start),
            _decode_location(end),
            path,
            _decode_fix(fix),
            None if cell is None else _number(cell),
        )
    except (TypeError, ValueError) as error:
        raise MalformedEntryError(str(error)) from None


def _location(location: Location) -> List[int]:
    return [location.row, location.column]


def _decode_location(value: Any) -> Location:
    row, column = value
    return Location(_number(row), _number(column))


def _decode_fix(value: Any) -> Optional[Fix]:
    if value is None:
        return None
    applicability, message, edits = value
    return Fix(
        Applicability(_text(applicability)),
        _text(message),
        tuple(
            Edit(Location(_number(sr), _number(sc)), Location(_number(er), _number(ec)), _text(content))
            for sr, sc, er, ec, content in edits
        ),
    )


def _number(value: Any) -> int:
    if type(value) is not int:
        raise MalformedEntryError(f"expected a number, got {value!r}")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise MalformedEntryError(f"expected a string, got {value!r}")
    return value
