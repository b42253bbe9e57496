"""Run a corpus of files through every front-end and collect ``(row, column, code)`` per file.

Each case gets its own directory with a ``pyproject.toml`` (pinned ``today``, opt-in rules), so the
configuration is loaded the same way by the CLI, flake8 and pylint. flake8 and pylint run once, as
subprocesses, over the whole corpus.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

from lint_openai.config.pyproject import load_settings
from lint_openai.engine import check_source
from lint_openai.frontends.cli.main import main as cli_main

Finding = Tuple[int, int, str]
DEFAULT_TODAY = "2026-11-25"
# flake8 (E999) and pylint (E0001) report syntax errors themselves and never run plugins on such files.
HOST_SYNTAX_ERRORS = {"E999": "OAI001", "E0001": "OAI001"}


@dataclass
class Case:
    name: str
    source: str
    today: Optional[str] = DEFAULT_TODAY
    extend_select: Tuple[str, ...] = ()

    def pyproject(self) -> str:
        lines = ["[tool.lint-openai]"]
        if self.today:
            lines.append(f'today = "{self.today}"')
        if self.extend_select:
            lines.append("extend-select = [" + ", ".join(f'"{c}"' for c in self.extend_select) + "]")
        return "\n".join(lines) + "\n"


@dataclass
class CorpusResults:
    root: Path
    files: Dict[str, Path]
    by_frontend: Dict[str, Dict[str, Set[Finding]]] = field(default_factory=dict)


def write_corpus(root: Path, cases: List[Case]) -> Dict[str, Path]:
    files = {}
    for case in cases:
        directory = root / case.name
        directory.mkdir(parents=True)
        (directory / "pyproject.toml").write_text(case.pyproject(), encoding="utf-8")
        path = directory / f"{case.name}.py"
        path.write_text(case.source, encoding="utf-8")
        files[case.name] = path
    return files


def engine_findings(files: Dict[str, Path]) -> Dict[str, Set[Finding]]:
    out = {}
    for name, path in files.items():
        settings = load_settings(path)
        diagnostics = check_source(path.read_text(encoding="utf-8"), str(path), settings)
        out[name] = {(d.start.row, d.start.column, d.code) for d in diagnostics}
    return out


def cli_findings(root: Path, files: Dict[str, Path]) -> Dict[str, Set[Finding]]:
    buffer = io.StringIO()
    cli_main(["check", str(root), "--output-format", "json"], out=buffer, err=io.StringIO())
    by_path: Dict[str, Set[Finding]] = {name: set() for name in files}
    names = {str(path.resolve()): name for name, path in files.items()}
    for item in json.loads(buffer.getvalue()):
        name = names[item["filename"]]
        by_path[name].add((item["location"]["row"], item["location"]["column"], item["code"]))
    return by_path


_LINE = re.compile(r"^(?P<path>.+?):(?P<row>\d+):(?P<col>\d+): (?P<code>[A-Z]+[0-9]+)")


def _parse_host_output(text: str, root: Path, files: Dict[str, Path], code_map) -> Dict[str, Set[Finding]]:  # type: ignore[no-untyped-def]
    by_path: Dict[str, Set[Finding]] = {name: set() for name in files}
    names = {str(path.resolve()): name for name, path in files.items()}
    for line in text.splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        name = names.get(str((root / match["path"]).resolve()))
        if name is None:
            continue
        code = code_map(match["code"])
        if code:
            row, col = int(match["row"]), int(match["col"])
            by_path[name].add((row, col, code))
    return by_path


def flake8_findings(root: Path, files: Dict[str, Path]) -> Dict[str, Set[Finding]]:
    command = [
        sys.executable,
        "-m",
        "flake8",
        "--isolated",
        "--select",
        "OAI,E999",
        "--format",
        "%(path)s:%(row)d:%(col)d: %(code)s",
        *[str(p) for p in files.values()],
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=root, check=False)
    assert result.returncode in (0, 1), result.stderr

    def code_map(code: str) -> Optional[str]:
        return HOST_SYNTAX_ERRORS.get(code, code)

    return _parse_host_output(result.stdout, root, files, code_map)


def pylint_findings(root: Path, files: Dict[str, Path]) -> Dict[str, Set[Finding]]:
    command = [
        sys.executable,
        "-m",
        "pylint",
        "--load-plugins=lint_openai.pylint_plugin",
        "--disable=all",
        "--enable=lint-openai,syntax-error",
        "--msg-template={path}:{line}:{column}: {msg_id}",
        "--reports=n",
        "--score=n",
        "--persistent=n",
        *[str(p) for p in files.values()],
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=root, check=False)
    assert "Traceback" not in result.stderr, result.stderr

    def code_map(code: str) -> Optional[str]:
        if code in HOST_SYNTAX_ERRORS:
            return HOST_SYNTAX_ERRORS[code]
        return f"OAI{code[2:]}" if code.startswith("W7") else None

    findings = _parse_host_output(result.stdout, root, files, code_map)
    # pylint columns are 0-based; everyone else's are 1-based.
    return {name: {(row, col + 1, code) for row, col, code in items} for name, items in findings.items()}


def run_all_frontends(root: Path, cases: List[Case]) -> CorpusResults:
    files = write_corpus(root, cases)
    results = CorpusResults(root, files)
    results.by_frontend["engine"] = engine_findings(files)
    results.by_frontend["cli"] = cli_findings(root, files)
    results.by_frontend["flake8"] = flake8_findings(root, files)
    results.by_frontend["pylint"] = pylint_findings(root, files)
    return results


def comparable(findings: Set[Finding], frontend: str) -> Set[Finding]:
    """Host front-ends report syntax errors at their own column; compare those by row only."""
    return {(row, col if code != "OAI001" else 0, code) for row, col, code in findings}
