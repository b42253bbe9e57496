"""The output formats of ``lint-openai check --output-format``, by name.

The formats for people (``concise``, ``full``) and ``pylint``'s lines load with the command; the other
machine-readable formats (JSON, SARIF, JUnit XML, ...) and what they need load when one is asked for.
"""

from __future__ import annotations

from typing import Callable, Dict

from lint_openai.frontends.cli.output.report import Report
from lint_openai.frontends.cli.output.text import format_concise, format_full, format_pylint

Formatter = Callable[[Report], str]
TEXT_FORMATTERS: Dict[str, Formatter] = {
    "concise": format_concise,
    "full": format_full,
    "pylint": format_pylint,
}
FORMAT_NAMES = ("concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "pylint", "junit")
# Formats whose output is only the findings: no summary, no fix hints (as ruff prints them).
MACHINE_FORMATS = frozenset({"json", "json-lines", "sarif", "junit", "github", "gitlab", "pylint"})


def formatter(name: str) -> Formatter:
    """The function that writes a report in the format ``name`` (one of :data:`FORMAT_NAMES`)."""
    if name in TEXT_FORMATTERS:
        return TEXT_FORMATTERS[name]
    from lint_openai.frontends.cli.output import (  # noqa: PLC0415 - loaded when a machine format is asked for
        github,
        gitlab,
        json_format,
        json_lines,
        junit,
        sarif,
    )

    return {
        "json": json_format.format_json,
        "json-lines": json_lines.format_json_lines,
        "sarif": sarif.format_sarif,
        "github": github.format_github,
        "gitlab": gitlab.format_gitlab,
        "junit": junit.format_junit,
    }[name]
