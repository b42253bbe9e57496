"""SARIF 2.1.0 output (GitHub code scanning), with each rule's documentation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict

from lint_openai import __version__
from lint_openai.diagnostic import Diagnostic, Location
from lint_openai.frontends.cli.output.json_format import absolute
from lint_openai.frontends.cli.output.locations import in_file
from lint_openai.frontends.cli.output.report import Report, docs_url
from lint_openai.rules.base import Rule
from lint_openai.rules.docs import doc_sections
from lint_openai.rules.registry import ALL_RULES

SARIF_SCHEMA = (
    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
)


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
    return {"uri": Path(absolute(path)).as_uri() if path not in ("", "-") else path}


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
                "results": [_sarif_result(d, index) for d in in_file(report)],
            }
        ],
    }
    return json.dumps(document, indent=2) + "\n"
