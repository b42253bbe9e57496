"""Human-readable output: ``concise``, ``full`` (with source and caret) and ``pylint``."""

from __future__ import annotations

from lint_openai.frontends.cli.output.locations import in_file, source_lines, where
from lint_openai.frontends.cli.output.report import Report, fix_marker, paint


def format_concise(report: Report) -> str:
    """``path:row:col: CODE [*] message``, one per line (``path:cell N:row:col`` in a notebook)."""
    lines = []
    for d in report.diagnostics:
        located = paint(f"{where(d)}:", "1", report.color)
        lines.append(f"{located} {paint(d.code, '1;31', report.color)} {fix_marker(d, report)}{d.message}\n")
    return "".join(lines)


def format_full(report: Report) -> str:
    """Each finding with its source line, a caret under the range, and the fix suggestion."""
    blocks = []
    color = report.color
    for d in report.diagnostics:
        located = paint(f"{where(d)}:", "1", color)
        block = [f"{located} {paint(d.code, '1;31', color)} {fix_marker(d, report)}{d.message}"]
        lines = source_lines(report, d)
        if 1 <= d.start.row <= len(lines.lines):
            text = lines.line(d.start.row).expandtabs(1)
            number = str(d.start.row)
            gutter = " " * len(number)
            if d.end.row == d.start.row:
                width = max(d.end.column - d.start.column, 1)
            else:
                width = max(len(text) - d.start.column + 1, 1)
            caret = paint("^" * width + f" {d.code}", "1;31", color)
            bar = paint("|", "34", color)
            block += [
                f"{gutter} {bar}",
                f"{paint(number, '34', color)} {bar} {text}",
                f"{gutter} {bar} {' ' * (d.start.column - 1)}{caret}",
                f"{gutter} {bar}",
            ]
        if d.fix is not None:
            safety = "" if d.fix.applicability.value == "safe" else f" ({d.fix.applicability.value} fix)"
            block.append(f"  {paint('= help:', '1;36', color)} {d.fix.message}{safety}")
        blocks.append("\n".join(block) + "\n")
    return "\n".join(blocks)


def format_pylint(report: Report) -> str:
    """``path:row: [CODE] message`` (the format pylint's parsable reporters use; notebooks: see ``in_file``)."""
    return "".join(f"{d.path}:{d.start.row}: [{d.code}] {d.message}\n" for d in in_file(report))
