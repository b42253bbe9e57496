"""JUnit XML output: a test suite per file, a failed test case per finding."""

from __future__ import annotations

from typing import Dict, List
from xml.etree import ElementTree

from lint_openai.diagnostic import Diagnostic
from lint_openai.frontends.cli.output.locations import position, where
from lint_openai.frontends.cli.output.report import Report


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
                suite, "testcase", name=f"{d.code} at {position(d)}", classname=path
            )
            failure = ElementTree.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{where(d)}: {d.code} {d.message}"
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
