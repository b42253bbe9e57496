"""Output formats for the CLI: concise, full, json (ruff-compatible)."""

from __future__ import annotations

import json
import os
from typing import Callable, Dict, List, Mapping, Sequence

from .diagnostic import Diagnostic, Fix, Location
from .fix import applicable
from .rules import RULES_BY_CODE
from .source import LineIndex

Sources = Mapping[str, str]  # path -> source text, for formats that show code


def _fix_marker(diagnostic: Diagnostic) -> str:
    fix = diagnostic.fix
    return "[*] " if fix is not None and fix.applicability.value == "safe" else ""


def format_concise(diagnostics: Sequence[Diagnostic], sources: Sources) -> str:
    """``path:row:col: CODE [*] message``, one per line."""
    return "".join(
        f"{d.path}:{d.start.row}:{d.start.column}: {d.code} {_fix_marker(d)}{d.message}\n"
        for d in diagnostics
    )


def format_full(diagnostics: Sequence[Diagnostic], sources: Sources) -> str:
    """Each finding with its source line, a caret under the range, and the fix suggestion."""
    blocks = []
    for d in diagnostics:
        header = f"{d.path}:{d.start.row}:{d.start.column}: {d.code} {_fix_marker(d)}{d.message}"
        lines = LineIndex(sources.get(d.path, ""))
        block = [header]
        if 1 <= d.start.row <= len(lines.lines):
            text = lines.line(d.start.row).expandtabs(1)
            number = str(d.start.row)
            gutter = " " * len(number)
            if d.end.row == d.start.row:
                width = max(d.end.column - d.start.column, 1)
            else:
                width = max(len(text) - d.start.column + 1, 1)
            block += [
                f"{gutter} |",
                f"{number} | {text}",
                f"{gutter} | {' ' * (d.start.column - 1)}{'^' * width} {d.code}",
                f"{gutter} |",
            ]
        if d.fix is not None:
            safety = "" if d.fix.applicability.value == "safe" else f" ({d.fix.applicability.value} fix)"
            block.append(f"  = help: {d.fix.message}{safety}")
        blocks.append("\n".join(block) + "\n")
    return "\n".join(blocks)


def _location(location: Location) -> Dict[str, int]:
    return {"row": location.row, "column": location.column}


def _fix_json(fix: Fix) -> Dict[str, object]:
    return {
        "applicability": fix.applicability.value,
        "message": fix.message,
        "edits": [
            {"content": e.content, "location": _location(e.start), "end_location": _location(e.end)}
            for e in fix.edits
        ],
    }


def diagnostic_to_json(diagnostic: Diagnostic) -> Dict[str, object]:
    """One diagnostic as ruff's JSON output shapes it, plus our ``symbol``."""
    rule = RULES_BY_CODE.get(diagnostic.code)
    return {
        "cell": None,
        "code": diagnostic.code,
        "symbol": diagnostic.symbol,
        "message": diagnostic.message,
        "filename": os.path.abspath(diagnostic.path) if diagnostic.path not in ("", "-") else diagnostic.path,
        "location": _location(diagnostic.start),
        "end_location": _location(diagnostic.end),
        "noqa_row": diagnostic.start.row,
        "fix": _fix_json(diagnostic.fix) if diagnostic.fix else None,
        "url": rule.url if rule else None,
    }


def format_json(diagnostics: Sequence[Diagnostic], sources: Sources) -> str:
    return json.dumps([diagnostic_to_json(d) for d in diagnostics], indent=2) + "\n"


FORMATTERS: Dict[str, Callable[[Sequence[Diagnostic], Sources], str]] = {
    "concise": format_concise,
    "full": format_full,
    "json": format_json,
}


def summary(diagnostics: List[Diagnostic], fixed: int = 0, unsafe_enabled: bool = False) -> str:
    """ruff-style summary: counts, fixes applied, fixes available."""
    count = len(diagnostics)
    if not count and not fixed:
        return "All checks passed!\n"
    noun = "error" if count + fixed == 1 else "errors"
    if fixed:
        text = f"Found {count + fixed} {noun} ({fixed} fixed, {count} remaining)."
    else:
        text = f"Found {count} {noun}."
    fixable = sum(1 for d in diagnostics if d.fix is not None and applicable(d.fix, unsafe_enabled))
    hidden = sum(1 for d in diagnostics if d.fix is not None and not applicable(d.fix, unsafe_enabled))
    if fixable:
        text += f"\n[*] {fixable} fixable with the `--fix` option."
    if hidden:
        plural = "es" if hidden != 1 else ""
        text += f"\n{hidden} hidden fix{plural} can be enabled with the `--unsafe-fixes` option."
    return text + "\n"
