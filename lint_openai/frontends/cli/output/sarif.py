"""SARIF 2.1.0 output (GitHub code scanning), with each rule's documentation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict
from urllib.parse import quote

from lint_openai import __version__
from lint_openai.diagnostic import Diagnostic, Location
from lint_openai.frontends.cli.output.json_format import absolute
from lint_openai.frontends.cli.output.locations import in_file
from lint_openai.frontends.cli.output.report import Report, docs_url, relative_to_root
from lint_openai.rules.base import Rule
from lint_openai.rules.docs import doc_sections
from lint_openai.rules.registry import all_rules, known_rule

SARIF_SCHEMA = (
    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
)
# Artifact URIs are relative to this base (declared in the run's originalUriBaseIds), as CodeQL does.
SOURCE_ROOT = "%SRCROOT%"


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
        "defaultConfiguration": {"level": rule.severity, "enabled": rule.default_enabled},
        "properties": {"tags": [rule.code[:4] + "xx"], "sources": list(rule.sources)},
        "helpUri": docs_url(rule),
    }
    return descriptor


def _sarif_region(start: Location, end: Location) -> Dict[str, int]:
    return {"startLine": start.row, "startColumn": start.column, "endLine": end.row, "endColumn": end.column}


def _artifact(path: str, root: Path) -> Dict[str, str]:
    """A URI relative to ``%SRCROOT%`` for files below the root; an absolute ``file:`` URI otherwise."""
    relative = relative_to_root(path, root)
    if relative is not None:
        return {"uri": quote(relative), "uriBaseId": SOURCE_ROOT}
    return {"uri": Path(absolute(path)).as_uri() if path not in ("", "-") else path}


def _directory_uri(directory: Path) -> str:
    uri = directory.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _sarif_result(diagnostic: Diagnostic, index: Dict[str, int], root: Path) -> Dict[str, object]:
    rule = known_rule(diagnostic.code)
    result: Dict[str, object] = {
        "ruleId": diagnostic.code,
        "ruleIndex": index[diagnostic.code],
        "level": rule.severity if rule else "error",
        "message": {"text": diagnostic.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(diagnostic.path, root),
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
                    {"artifactLocation": _artifact(diagnostic.path, root), "replacements": replacements}
                ],
            }
        ]
    return result


def format_sarif(report: Report) -> str:
    """SARIF 2.1.0: one run, the tool's rules with their documentation, one result per finding."""
    index = {rule.code: position for position, rule in enumerate(all_rules())}
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
                        "rules": [_sarif_rule(rule) for rule in all_rules()],
                    }
                },
                "originalUriBaseIds": {SOURCE_ROOT: {"uri": _directory_uri(report.root)}},
                "results": [_sarif_result(d, index, report.root) for d in in_file(report, fixes=True)],
            }
        ],
    }
    return json.dumps(document, indent=2) + "\n"
