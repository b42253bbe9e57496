"""Applying fixes: non-overlapping edits, repeated until nothing changes, checked to parse.

``apply_fixes`` applies one round of edits to a text. ``fix_source`` runs the linter and applies
rounds until no fix applies (bounded), and keeps the last text that parses; ``fix_rounds`` is the same
loop over any document (a notebook's cells). ``write_atomically`` puts the result on disk without ever
leaving a half-written file.
"""

from __future__ import annotations

from typing import Callable, Generic, Iterable, List, Optional, Tuple, TypeVar

from lint_openai.diagnostic import Applicability, Diagnostic, Fix
from lint_openai.records import field, record
from lint_openai.source.decoding import parse_quietly
from lint_openai.source.lines import LineIndex

MAX_PASSES = 10
T = TypeVar("T")


Checker = Callable[[str], List[Diagnostic]]
# Applies one round of fixes to a document's text, returning it and the code of each fix applied
# (``apply_fixes_by_code`` for a module; a notebook edits its cells).
Applier = Callable[[str, Iterable[Diagnostic], bool], Tuple[str, List[str]]]


def applicable(fix: Fix, unsafe: bool) -> bool:
    """Whether a fix may be applied (safe always; unsafe only when asked)."""
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> Tuple[str, int]:
    """Apply the fixes of ``diagnostics`` to ``text``; returns the new text and how many fixes applied."""
    fixed, codes = apply_fixes_by_code(text, diagnostics, unsafe)
    return fixed, len(codes)


def apply_fixes_by_code(
    text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False
) -> Tuple[str, List[str]]:
    """Apply the fixes of ``diagnostics`` to ``text``; returns the new text and the code of each fix applied.

    Fixes are taken in source order; a fix whose edits overlap an already accepted edit is skipped
    (it can apply on a later pass, once the text has been re-checked).
    """
    lines = LineIndex(text)
    accepted: List[Tuple[int, int, str]] = []
    applied: List[str] = []
    for diagnostic in sorted(diagnostics, key=lambda d: d.sort_key):
        fix = diagnostic.fix
        if fix is None or not applicable(fix, unsafe):
            continue
        spans = sorted((lines.offset(e.start), lines.offset(e.end), e.content) for e in fix.edits)
        if _overlaps(spans) or any(_overlaps([span, other]) for span in spans for other in accepted):
            continue
        accepted.extend(spans)
        applied.append(diagnostic.code)
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


@record(frozen=False)
class FixOutcome(Generic[T]):
    """The result of fixing one source text (or, from :func:`fix_rounds`, one document)."""

    text: T
    applied: int = 0
    remaining: List[Diagnostic] = field(default_factory=list)
    error: Optional[str] = None
    applied_codes: List[str] = field(default_factory=list)  # the code of each fix applied, in order


def fix_source(
    text: str,
    check: Checker,
    unsafe: bool = False,
    *,
    apply: Applier = apply_fixes_by_code,
    validate: Callable[[str], object] = parse_quietly,
) -> FixOutcome[str]:
    """Fix ``text`` until no applicable fix remains (at most ``MAX_PASSES`` rounds).

    ``check`` returns the diagnostics of a text. If a round produces code that does not parse
    (``validate`` raises), that round is discarded and the outcome carries an error; the text of the
    last good round is kept. A document other than a module (a notebook) brings its own ``apply`` and
    ``validate``.
    """
    return fix_rounds(text, check, unsafe, apply, validate)


def fix_rounds(
    document: T,
    check: Callable[[T], List[Diagnostic]],
    unsafe: bool,
    apply: Callable[[T, Iterable[Diagnostic], bool], Tuple[T, List[str]]],
    validate: Callable[[T], object],
) -> FixOutcome[T]:
    """:func:`fix_source`'s rounds over a document of any form (a text, a notebook's cells)."""
    current = document
    codes: List[str] = []
    diagnostics = check(current)
    for _ in range(MAX_PASSES):
        candidate, applied = apply(current, diagnostics, unsafe)
        if not applied:
            return FixOutcome(current, len(codes), diagnostics, applied_codes=codes)
        try:
            validate(candidate)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            message = f"a fix produced invalid code ({error}); the remaining fixes were not applied"
            return FixOutcome(current, len(codes), diagnostics, message, codes)
        current = candidate
        codes += applied
        diagnostics = check(current)
    message = f"fixes did not converge after {MAX_PASSES} passes; the remaining fixes were not applied"
    return FixOutcome(current, len(codes), diagnostics, message, codes)
