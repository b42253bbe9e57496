"""The output formats of ``lint-openai check --output-format``, by name."""

from __future__ import annotations

from typing import Callable, Dict

from lint_openai.frontends.cli.output.github import format_github
from lint_openai.frontends.cli.output.gitlab import format_gitlab
from lint_openai.frontends.cli.output.json_format import format_json
from lint_openai.frontends.cli.output.json_lines import format_json_lines
from lint_openai.frontends.cli.output.junit import format_junit
from lint_openai.frontends.cli.output.report import Report
from lint_openai.frontends.cli.output.sarif import format_sarif
from lint_openai.frontends.cli.output.text import format_concise, format_full, format_pylint

FORMATTERS: Dict[str, Callable[[Report], str]] = {
    "concise": format_concise,
    "full": format_full,
    "json": format_json,
    "json-lines": format_json_lines,
    "sarif": format_sarif,
    "github": format_github,
    "gitlab": format_gitlab,
    "pylint": format_pylint,
    "junit": format_junit,
}


# Formats whose output is only the findings: no summary, no fix hints (as ruff prints them).
MACHINE_FORMATS = frozenset({"json", "json-lines", "sarif", "junit", "github", "gitlab", "pylint"})
