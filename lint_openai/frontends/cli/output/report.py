"""What every output format shares: the report, colours, documentation links, summary and statistics."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import IO, TYPE_CHECKING, List, Mapping, Optional, Sequence

from lint_openai.diagnostic import Applicability, Diagnostic
from lint_openai.fix import applicable
from lint_openai.records import field, record
from lint_openai.rules.registry import known_rule

if TYPE_CHECKING:
    from lint_openai.rules.base import Rule


@record(frozen=False)
class Report:
    """What a formatter needs: the findings, the sources they point into, and display options."""

    diagnostics: Sequence[Diagnostic]
    sources: Mapping[str, str] = field(default_factory=dict)
    color: bool = False
    unsafe_fixes: bool = False
    # The directory machine formats give paths relative to (SARIF's %SRCROOT%, GitLab's project directory).
    root: Path = field(default_factory=Path.cwd)


def project_dir() -> Path:
    """The project directory of this run: GitLab CI's ``CI_PROJECT_DIR`` when set, else the working directory."""
    return Path(os.environ.get("CI_PROJECT_DIR") or Path.cwd())


def relative_to_root(path: str, root: Path) -> Optional[str]:
    """``path`` as a POSIX path relative to ``root``; ``None`` if it is not below ``root`` (or is stdin)."""
    if path in ("", "-"):
        return None
    base = Path(os.path.realpath(root))
    for candidate in (Path(os.path.abspath(path)), Path(os.path.realpath(path))):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return None


def use_color(stream: IO[str]) -> bool:
    """Colour when writing to a terminal, unless ``NO_COLOR``; ``FORCE_COLOR`` forces it on."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def paint(text: str, code: str, color: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if color else text


def docs_url(rule: Rule) -> str:
    """The https URL of the rule's documentation (its anchor in ``rules.md`` in the repository)."""
    return rule.url


def fix_marker(diagnostic: Diagnostic, report: Report) -> str:
    fix = diagnostic.fix
    return "[*] " if fix is not None and applicable(fix, report.unsafe_fixes) else ""


def statistics(report: Report) -> str:
    """Findings per code, most frequent first, with how many carry an applicable fix."""
    counts = Counter(d.code for d in report.diagnostics)
    fixable = Counter(d.code for d in report.diagnostics if d.fix and applicable(d.fix, report.unsafe_fixes))
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = known_rule(code)
        marker = "[*]" if fixable[code] == count else ("[-]" if fixable[code] else "[ ]")
        lines.append(f"{count:>{width}}\t{code}\t{marker} {rule.symbol if rule else ''}\n")
    return "".join(lines)


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
    # Display-only fixes are suggestions: no option applies them, so they are not "hidden".
    hidden = sum(
        1
        for d in diagnostics
        if d.fix is not None and d.fix.applicability is Applicability.UNSAFE and not unsafe_enabled
    )
    if fixable:
        text += f"\n[*] {fixable} fixable with the `--fix` option."
    if hidden:
        plural = "es" if hidden != 1 else ""
        text += f"\n{hidden} hidden fix{plural} can be enabled with the `--unsafe-fixes` option."
    return text + "\n"
