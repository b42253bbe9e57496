"""GitHub Actions workflow commands: an annotation per finding."""

from __future__ import annotations

from lint_openai.frontends.cli.output.locations import in_file
from lint_openai.frontends.cli.output.report import Report


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def format_github(report: Report) -> str:
    """GitHub Actions workflow commands: an error annotation per finding."""
    lines = []
    for d in in_file(report):
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
