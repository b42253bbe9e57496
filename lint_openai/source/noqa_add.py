"""``--add-noqa``: a ``# noqa: CODES`` directive for every finding, merged into a comment already there.

The directive goes where flake8 (and the engine) look for it: at the end of the finding's line, or, when a
multi-line string or a backslash continuation joins that line to others, at the end of the last of them, so
no string or continuation is broken. Each directive is checked to suppress its findings before it is kept
(so a second run adds nothing), and the new text must parse.
"""

from __future__ import annotations

from typing import Collection, Dict, List, Optional, Sequence

from lint_openai.diagnostic import Diagnostic
from lint_openai.records import field, record
from lint_openai.source.decoding import parse_quietly
from lint_openai.source.lines import LineIndex
from lint_openai.source.noqa import NOQA_INLINE, is_suppressed, noqa_text, parse_codes
from lint_openai.source.noqa_lines import NoqaLayout, noqa_layout


@record(frozen=False)
class NoqaOutcome:
    """The text with directives, how many lines got one, and the findings no directive could suppress."""

    text: str
    added: int = 0
    unsuppressed: List[Diagnostic] = field(default_factory=list)


def _with_codes(line: str, comment_at: Optional[int], codes: Sequence[str]) -> str:
    """``line`` (without its ending) with ``codes`` in its ``# noqa`` comment, added if it has none."""
    if comment_at is not None:
        match = NOQA_INLINE.search(line, comment_at)
        if match is not None and match.group("codes"):
            existing = parse_codes(match.group(0)) or []
            new = [code for code in codes if code not in existing]
            group = match.group("codes")
            listed = group.rstrip(", \t")
            merged = listed + "".join(f", {code}" for code in new) + group[len(listed) :]
            return line[: match.start("codes")] + merged + line[match.end("codes") :]
    return line.rstrip(" \t") + "  # noqa: " + ", ".join(codes)


def add_noqa(
    text: str, diagnostics: Sequence[Diagnostic], unsuppressible: Collection[str] = ()
) -> NoqaOutcome:
    """Add directives for ``diagnostics`` (found in ``text``); codes in ``unsuppressible`` get none."""
    layout = noqa_layout(text)
    wanted = [d for d in diagnostics if d.code not in unsuppressible]
    if layout is None or not wanted:
        return NoqaOutcome(text, 0, list(diagnostics))
    lines = LineIndex(text)
    by_row: Dict[int, List[Diagnostic]] = {}
    for diagnostic in wanted:
        by_row.setdefault(layout.span(diagnostic.start.row)[1], []).append(diagnostic)
    physical = list(lines.lines)
    unsuppressed = [d for d in diagnostics if d.code in unsuppressible]
    added = 0
    for row, found in sorted(by_row.items()):
        old = physical[row - 1]
        content = old.rstrip("\r\n")
        codes = sorted({d.code for d in found})
        candidate = _with_codes(content, layout.comments.get(row), codes) + old[len(content) :]
        physical[row - 1] = candidate
        if _suppresses(found, physical, layout):
            added += candidate != old
        else:
            physical[row - 1] = old
            unsuppressed.extend(found)
    new_text = "".join(physical)
    if new_text != text:
        try:
            parse_quietly(new_text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return NoqaOutcome(text, 0, list(diagnostics))
    return NoqaOutcome(new_text, added, sorted(unsuppressed, key=lambda d: d.sort_key))


def _suppresses(found: Sequence[Diagnostic], physical: List[str], layout: NoqaLayout) -> bool:
    def line(row: int) -> str:
        return physical[row - 1].rstrip("\r\n")

    return all(is_suppressed(d.code, noqa_text(d.start.row, line, layout)) for d in found)
