"""GitLab Code Quality JSON: one issue per finding, with a fingerprint that stays the same across runs."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import Dict, Tuple

from lint_openai.diagnostic import Diagnostic
from lint_openai.frontends.cli.output.locations import in_file, source_lines
from lint_openai.frontends.cli.output.report import Report, relative_to_root
from lint_openai.rules.base import BREAKING, DEPRECATION
from lint_openai.rules.registry import known_rule
from lint_openai.source.lines import LineIndex

# GitLab's severities are info, minor, major, critical and blocker.
SEVERITY = {BREAKING: "major", DEPRECATION: "minor"}


def _path(diagnostic: Diagnostic, report: Report) -> str:
    """The path relative to the project directory (``CI_PROJECT_DIR`` in GitLab CI), as GitLab expects."""
    relative = relative_to_root(diagnostic.path, report.root)
    if relative is not None:
        return relative
    if diagnostic.path in ("", "-"):
        return diagnostic.path
    return os.path.relpath(os.path.abspath(diagnostic.path), report.root).replace(os.sep, "/")


def _fingerprint(key: Tuple[str, str, str], occurrence: int) -> str:
    """Code, path and the finding's source line (stripped), so editing other lines keeps it; ``occurrence``
    tells identical findings apart."""
    text = json.dumps([*key, occurrence])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def format_gitlab(report: Report) -> str:
    issues = []
    seen: Counter[Tuple[str, str, str]] = Counter()
    lines: Dict[str, LineIndex] = {}
    for d in in_file(report):  # a notebook finding: its line in the JSON (configuration lines: never read)
        path = _path(d, report)
        index = lines.setdefault(d.path, source_lines(report, d))
        key = (d.code, path, index.line(d.start.row).strip())
        seen[key] += 1
        rule = known_rule(d.code)
        issues.append(
            {
                "check_name": d.code,
                "description": f"{d.code}: {d.message}",  # GitLab shows the description, not check_name
                "severity": SEVERITY.get(rule.severity if rule else BREAKING, "major"),
                "fingerprint": _fingerprint(key, seen[key]),
                "location": {
                    "path": path,
                    "positions": {
                        "begin": {"line": d.start.row, "column": d.start.column},
                        "end": {"line": d.end.row, "column": d.end.column},
                    },
                },
            }
        )
    return json.dumps(issues, indent=2) + "\n"
