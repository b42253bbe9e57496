"""The engine's output: diagnostics with a location and an optional fix."""

from __future__ import annotations

import enum
from typing import Optional, Tuple

from lint_openai.records import field, record


@record(order=True)
class Location:
    """A position in a file: 1-based row, 1-based column counted in characters (as ruff does)."""

    row: int
    column: int


class Applicability(str, enum.Enum):
    """How safe a fix is, following ruff's model."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@record
class Edit:
    """Replace the text between ``start`` (inclusive) and ``end`` (exclusive) with ``content``."""

    start: Location
    end: Location
    content: str


@record
class Fix:
    """A set of edits that together fix one diagnostic."""

    applicability: Applicability
    message: str
    edits: Tuple[Edit, ...]


@record
class Diagnostic:
    """One finding: a rule code at a range of a file, with a message and an optional fix.

    ``cell`` is set for a notebook: the 1-based cell number (over all cells), and ``start``/``end`` (and the
    fix's edits) are then rows and columns inside that cell.
    """

    code: str
    symbol: str
    message: str
    start: Location
    end: Location
    path: str = ""
    fix: Optional[Fix] = field(default=None, compare=False)
    cell: Optional[int] = None

    @property
    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.cell or 0, self.start.row, self.start.column, self.code)
