"""JSON Lines: the objects of the ``json`` format, one compact object per line (as ruff's ``json-lines``)."""

from __future__ import annotations

import json

from lint_openai.frontends.cli.output.json_format import diagnostic_to_json
from lint_openai.frontends.cli.output.report import Report


def format_json_lines(report: Report) -> str:
    return "".join(
        json.dumps(diagnostic_to_json(d), separators=(",", ":")) + "\n" for d in report.diagnostics
    )
