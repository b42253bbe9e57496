"""Output formats for the CLI. Each formatter turns diagnostics into text and nothing more."""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, Dict, List, Mapping, Optional, Sequence
from xml.etree import ElementTree

from . import __version__
from .diagnostic import Diagnostic, Fix, Location
from .docs import doc_sections
from .fix import applicable
from .rules import ALL_RULES, RULES_BY_CODE
from .rules.base import Rule
from .source import LineIndex

SARIF_SCHEMA = (
    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
)


@dataclass
class Report:
    """What a formatter needs: the findings, the sources they point into, and display options."""

    diagnostics: Sequence[Diagnostic]
    sources: Mapping[str, str] = field(default_factory=dict)
    color: bool = False
    unsafe_fixes: bool = False


def use_color(stream: IO[str]) -> bool:
    """Colour when writing to a terminal, unless ``NO_COLOR``; ``FORCE_COLOR`` forces it on."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _paint(text: str, code: str, color: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if color else text


def docs_url(rule: Rule) -> Optional[str]:
    """An absolute URL of the rule's documentation: ``rules.md`` beside the package, if present."""
    page = Path(__file__).resolve().parent.parent / "rules.md"
    if not page.is_file():
        return None
    return f"{page.as_uri()}#{rule.code.lower()}-{rule.symbol}"


def _fix_marker(diagnostic: Diagnostic, report: Report) -> str:
    fix = diagnostic.fix
    return "[*] " if fix is not None and applicable(fix, report.unsafe_fixes) else ""


def format_concise(report: Report) -> str:
    """``path:row:col: CODE [*] message``, one per line."""
    lines = []
    for d in report.diagnostics:
        where = _paint(f"{d.path}:{d.start.row}:{d.start.column}:", "1", report.color)
        lines.append(f"{where} {_paint(d.code, '1;31', report.color)} {_fix_marker(d, report)}{d.message}\n")
    return "".join(lines)


def format_full(report: Report) -> str:
    """Each finding with its source line, a caret under the range, and the fix suggestion."""
    blocks = []
    color = report.color
    for d in report.diagnostics:
        where = _paint(f"{d.path}:{d.start.row}:{d.start.column}:", "1", color)
        block = [f"{where} {_paint(d.code, '1;31', color)} {_fix_marker(d, report)}{d.message}"]
        lines = LineIndex(report.sources.get(d.path, ""))
        if 1 <= d.start.row <= len(lines.lines):
            text = lines.line(d.start.row).expandtabs(1)
            number = str(d.start.row)
            gutter = " " * len(number)
            if d.end.row == d.start.row:
                width = max(d.end.column - d.start.column, 1)
            else:
                width = max(len(text) - d.start.column + 1, 1)
            caret = _paint("^" * width + f" {d.code}", "1;31", color)
            bar = _paint("|", "34", color)
            block += [
                f"{gutter} {bar}",
                f"{_paint(number, '34', color)} {bar} {text}",
                f"{gutter} {bar} {' ' * (d.start.column - 1)}{caret}",
                f"{gutter} {bar}",
            ]
        if d.fix is not None:
            safety = "" if d.fix.applicability.value == "safe" else f" ({d.fix.applicability.value} fix)"
            block.append(f"  {_paint('= help:', '1;36', color)} {d.fix.message}{safety}")
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


def _absolute(path: str) -> str:
    return os.path.abspath(path) if path not in ("", "-") else path


def diagnostic_to_json(diagnostic: Diagnostic) -> Dict[str, object]:
    """One diagnostic as ruff's JSON output shapes it, plus our ``symbol``."""
    rule = RULES_BY_CODE.get(diagnostic.code)
    return {
        "cell": None,
        "code": diagnostic.code,
        "symbol": diagnostic.symbol,
        "message": diagnostic.message,
        "filename": _absolute(diagnostic.path),
        "location": _location(diagnostic.start),
        "end_location": _location(diagnostic.end),
        "noqa_row": diagnostic.start.row,
        "fix": _fix_json(diagnostic.fix) if diagnostic.fix else None,
        "url": (docs_url(rule) or rule.url) if rule else None,
    }


def format_json(report: Report) -> str:
    return json.dumps([diagnostic_to_json(d) for d in report.diagnostics], indent=2) + "\n"


def _sarif_rule(rule: Rule) -> Dict[str, object]:
    sections = doc_sections(rule)
    descriptor: Dict[str, object] = {
        "id": rule.code,
        "name": rule.symbol,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": sections.get("What it does", rule.summary)},
        "help": {
            "text": sections.get("Why is this bad?", rule.summary),
            "markdown": f"{sections.get('Why is this bad?', '')}\n\n**Fix safety:** {sections.get('Fix safety', '')}",
        },
        "defaultConfiguration": {"level": "error", "enabled": rule.default_enabled},
        "properties": {"tags": [rule.code[:4] + "xx"], "sources": list(rule.sources)},
    }
    url = docs_url(rule)
    if url:
        descriptor["helpUri"] = url
    return descriptor


def _sarif_region(start: Location, end: Location) -> Dict[str, int]:
    return {"startLine": start.row, "startColumn": start.column, "endLine": end.row, "endColumn": end.column}


def _artifact(path: str) -> Dict[str, str]:
    return {"uri": Path(_absolute(path)).as_uri() if path not in ("", "-") else path}


def _sarif_result(diagnostic: Diagnostic, index: Dict[str, int]) -> Dict[str, object]:
    result: Dict[str, object] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index[diagnostic.code],
        "level": "error",
        "message": {"text": diagnostic.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(diagnostic.path),
                    "region": _sarif_region(diagnostic.start, diagnostic.end),
                }
            }
        ],
    }
    if diagnostic.fix is not None:
        replacements = [
            {"deletedRegion": _sarif_region(e.start, e.end), "insertedContent": {"text": e.content}}
            for e in diagnostic.fix.edits
        ]
        result["fixes"] = [
            {
                "description": {"text": f"{diagnostic.fix.message} ({diagnostic.fix.applicability.value})"},
                "artifactChanges": [
                    {"artifactLocation": _artifact(diagnostic.path), "replacements": replacements}
                ],
            }
        ]
    return result


def format_sarif(report: Report) -> str:
    """SARIF 2.1.0: one run, the tool's rules with their documentation, one result per finding."""
    index = {rule.code: position for position, rule in enumerate(ALL_RULES)}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lint-openai",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_sarif_rule(rule) for rule in ALL_RULES],
                    }
                },
                "results": [_sarif_result(d, index) for d in report.diagnostics],
            }
        ],
    }
    return json.dumps(document, indent=2) + "\n"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def format_github(report: Report) -> str:
    """GitHub Actions workflow commands: an error annotation per finding."""
    lines = []
    for d in report.diagnostics:
        properties = ",".join(
            [
                f"file={_github_escape(d.path, True)}",
                f"line={d.start.row}",
                f"col={d.start.column}",
                f"endLine={d.end.row}",
                f"endColumn={d.end.column}",
                f"title={_github_escape(f'lint-openai ({d.code})', True)}",
            ]
        )
        lines.append(f"::error {properties}::{_github_escape(f'{d.code} {d.message}')}\n")
    return "".join(lines)


def format_pylint(report: Report) -> str:
    """``path:row: [CODE] message`` (the format pylint's parsable reporters use)."""
    return "".join(f"{d.path}:{d.start.row}: [{d.code}] {d.message}\n" for d in report.diagnostics)


def format_junit(report: Report) -> str:
    """JUnit XML: a test suite per file, a failed test case per finding."""
    root = ElementTree.Element("testsuites", name="lint-openai", tests=str(len(report.diagnostics)))
    by_path: Dict[str, List[Diagnostic]] = {}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    for path, diagnostics in by_path.items():
        suite = ElementTree.SubElement(
            root, "testsuite", name=path, tests=str(len(diagnostics)), failures=str(len(diagnostics))
        )
        for d in diagnostics:
            case = ElementTree.SubElement(
                suite, "testcase", name=f"{d.code} at {d.start.row}:{d.start.column}", classname=path
            )
            failure = ElementTree.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{path}:{d.start.row}:{d.start.column}: {d.code} {d.message}"
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


FORMATTERS: Dict[str, Callable[[Report], str]] = {
    "concise": format_concise,
    "full": format_full,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
    "pylint": format_pylint,
    "junit": format_junit,
}
MACHINE_FORMATS = frozenset({"json", "sarif", "junit", "github"})


def statistics(report: Report) -> str:
    """Findings per code, most frequent first, with how many carry an applicable fix."""
    counts = Counter(d.code for d in report.diagnostics)
    fixable = Counter(d.code for d in report.diagnostics if d.fix and applicable(d.fix, report.unsafe_fixes))
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = RULES_BY_CODE.get(code)
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
    hidden = sum(1 for d in diagnostics if d.fix is not None and not applicable(d.fix, unsafe_enabled))
    if fixable:
        text += f"\n[*] {fixable} fixable with the `--fix` option."
    if hidden:
        plural = "es" if hidden != 1 else ""
        text += f"\n{hidden} hidden fix{plural} can be enabled with the `--unsafe-fixes` option."
    return text + "\n"
