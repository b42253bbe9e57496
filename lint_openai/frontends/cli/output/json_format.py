"""ruff-compatible JSON output (plus our ``symbol``)."""

from __future__ import annotations

import json
import os
from typing import Dict

from lint_openai.diagnostic import Diagnostic, Fix, Location
from lint_openai.frontends.cli.output.report import Report, docs_url
from lint_openai.rules.registry import known_rule


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


def absolute(path: str) -> str:
    return os.path.abspath(path) if path not in ("", "-") else path


def diagnostic_to_json(diagnostic: Diagnostic) -> Dict[str, object]:
    """One diagnostic as ruff's JSON output shapes it, plus our ``symbol``."""
    rule = known_rule(diagnostic.code)
    return {
        "cell": diagnostic.cell,
        "code": diagnostic.code,
        "symbol": diagnostic.symbol,
        "message": diagnostic.message,
        "filename": absolute(diagnostic.path),
        "location": _location(diagnostic.start),
        "end_location": _location(diagnostic.end),
        "noqa_row": diagnostic.start.row,
        "fix": _fix_json(diagnostic.fix) if diagnostic.fix else None,
        "url": docs_url(rule) if rule else None,
        "severity": rule.severity if rule else "error",
    }


def format_json(report: Report) -> str:
    return json.dumps([diagnostic_to_json(d) for d in report.diagnostics], indent=2) + "\n"
