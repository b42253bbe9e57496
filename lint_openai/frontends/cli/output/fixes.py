"""``--show-fixes``: the fixes applied (``--fix``) or available, counted per file and code, as ruff lists them
(with an ASCII ``x`` where ruff prints a multiplication sign, so a terminal without UTF-8 can print it)."""

from __future__ import annotations

from collections import Counter
from typing import Dict, Iterable, Sequence

from lint_openai.diagnostic import Diagnostic
from lint_openai.fix import applicable
from lint_openai.rules.registry import known_rule


def _plural(count: int, noun: str, plural: str) -> str:
    return f"{count} {noun if count == 1 else plural}"


def _by_file(counts: Dict[str, Counter[str]]) -> str:
    lines = []
    for path, codes in counts.items():
        if not codes:
            continue
        lines.append(f"- {path}:")
        for code, count in sorted(codes.items()):
            rule = known_rule(code)
            lines.append(f"    {count} x {code} ({rule.symbol if rule else code})")
    return "".join(f"{line}\n" for line in lines)


def format_applied_fixes(fixed: Iterable[tuple[str, Sequence[str]]]) -> str:
    """``Fixed N errors:`` and, per file, how many fixes of each code were applied (empty if none)."""
    counts = {path: Counter(codes) for path, codes in fixed}
    total = sum(sum(codes.values()) for codes in counts.values())
    if not total:
        return ""
    return f"\nFixed {_plural(total, 'error', 'errors')}:\n{_by_file(counts)}"


def format_available_fixes(diagnostics: Sequence[Diagnostic], unsafe: bool) -> str:
    """How many findings of each code per file ``--fix`` would fix (empty if none)."""
    counts: Dict[str, Counter[str]] = {}
    for d in diagnostics:
        if d.fix is not None and applicable(d.fix, unsafe):
            counts.setdefault(d.path, Counter())[d.code] += 1
    total = sum(sum(codes.values()) for codes in counts.values())
    if not total:
        return ""
    return f"\n{_plural(total, 'fix', 'fixes')} available with --fix:\n{_by_file(counts)}"
