"""Applying fixes to source text: non-overlapping edits, all of a fix or none of it."""

from __future__ import annotations

from typing import Iterable, List, Tuple

from .diagnostic import Applicability, Diagnostic, Fix
from .source import LineIndex


def applicable(fix: Fix, unsafe: bool) -> bool:
    """Whether a fix may be applied (safe always; unsafe only when asked)."""
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> Tuple[str, int]:
    """Apply the fixes of ``diagnostics`` to ``text``; returns the new text and how many fixes applied.

    Fixes are taken in source order; a fix whose edits overlap an already accepted edit is skipped
    (it can apply on a later pass, once the text has been re-checked).
    """
    lines = LineIndex(text)
    accepted: List[Tuple[int, int, str]] = []
    applied = 0
    for diagnostic in sorted(diagnostics, key=lambda d: d.sort_key):
        fix = diagnostic.fix
        if fix is None or not applicable(fix, unsafe):
            continue
        spans = sorted((lines.offset(e.start), lines.offset(e.end), e.content) for e in fix.edits)
        if _overlaps(spans) or any(_overlaps([span, other]) for span in spans for other in accepted):
            continue
        accepted.extend(spans)
        applied += 1
    pieces = []
    cursor = 0
    for start, end, content in sorted(accepted):
        pieces.append(text[cursor:start])
        pieces.append(content)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), applied


def _overlaps(spans: List[Tuple[int, int, str]]) -> bool:
    ordered = sorted(spans)
    for (start_a, end_a, _), (start_b, end_b, _) in zip(ordered, ordered[1:]):
        if start_b < end_a or (start_b == start_a and end_b == end_a):
            return True
    return False
