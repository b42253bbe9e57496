"""``max-file-size`` in every front-end: flake8, pylint and the language server skip a larger module with the
CLI's ``OAI001`` (from the same ``[tool.lint-openai]`` setting), and check the others."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

from lint_openai.config.hosts import size_limit_message
from lint_openai.config.settings import Settings
from lint_openai.frontends.flake8 import Flake8Plugin
from lint_openai.frontends.server.app import LintOpenAIServer
from lint_openai.frontends.server.documents import Document
from lint_openai.frontends.size_limit import oversized

V0 = "import openai\nx = openai.error.Timeout\n"
LIMIT = 1024
TOO_LARGE = "file not checked: 4,000 bytes, more than max-file-size (1,024); raise max-file-size ([tool.lint-openai]) to check it"


def padded(head: str, size: int) -> str:
    """``head`` and short comment lines, ``size`` bytes (pylint's pragma scan is slow on one long comment)."""
    line = "#" * 63 + "\n"
    rest = size - len(head)
    text = head + line * (rest // len(line)) + "#" * (rest % len(line) - 1) + "\n"
    assert len(text.encode("utf-8")) == size
    return text


@pytest.fixture
def project(tmp_path: Path) -> Dict[str, Path]:
    (tmp_path / "pyproject.toml").write_text('[tool.lint-openai]\nmax-file-size = "1KB"\n', encoding="utf-8")
    files = {"above": padded(V0, 4000), "below": padded(V0, LIMIT), "data": padded("x = 1\n", 4000)}
    for name, text in files.items():
        (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    return {name: tmp_path / f"{name}.py" for name in files}


def host(command: List[str], cwd: Path) -> str:
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_the_shared_message() -> None:
    settings = Settings(max_file_size=LIMIT)
    assert size_limit_message(settings, LIMIT) is None
    assert size_limit_message(settings, 4000) == TOO_LARGE
    assert size_limit_message(Settings(max_file_size=0), 10**9) is None  # 0: no limit


def test_oversized_counts_bytes_and_keeps_the_prefilter() -> None:
    settings = Settings(max_file_size=LIMIT)
    wide = V0 + "# " + "é" * 600 + "\n"  # under 1 KiB of characters, over it in UTF-8
    assert len(wide) < LIMIT < len(wide.encode("utf-8"))
    found = oversized(wide, "x.py", settings)
    assert found is not None and [d.code for d in found] == ["OAI001"]
    assert oversized(padded("x = 1\n", 4000), "x.py", settings) is None  # cannot have findings
    assert oversized(padded(V0, 4000), "x.py", Settings(ignore=("OAI001",), max_file_size=LIMIT)) == []


@pytest.mark.slow  # runs the host
def test_flake8(project: Dict[str, Path]) -> None:
    out = host(
        [
            sys.executable,
            "-m",
            "flake8",
            "--select",
            "OAI",
            "--format",
            "%(path)s:%(row)d:%(col)d: %(code)s %(text)s",
            ".",
        ],
        project["above"].parent,
    )
    lines = sorted(out.splitlines())
    assert lines[0] == f"./above.py:1:1: OAI001 {TOO_LARGE}"
    assert [line for line in lines if line.startswith("./above.py")] == [lines[0]]  # not checked
    assert any(
        line.startswith("./below.py:2:") and "OAI102" in line for line in lines
    )  # at the limit: checked
    assert not any(line.startswith("./data.py") for line in lines)


def test_flake8_plugin_in_process(project: Dict[str, Path]) -> None:
    path = project["above"]
    text = path.read_text(encoding="utf-8")
    plugin = Flake8Plugin(ast.parse(text), str(path), text.splitlines(keepends=True))
    assert [message for _, _, message, _ in plugin.run()] == [f"OAI001 {TOO_LARGE}"]


@pytest.mark.slow  # runs the host
def test_pylint(project: Dict[str, Path]) -> None:
    out = host(
        [
            sys.executable,
            "-m",
            "pylint",
            "--load-plugins=lint_openai.pylint_plugin",
            "--disable=all",
            "--enable=lint-openai",
            "--msg-template={path}:{line}: {symbol}: {msg}",
            "--reports=n",
            "--score=n",
            "--persistent=n",
            "above.py",
            "below.py",
            "data.py",
        ],
        project["above"].parent,
    )
    lines = [line for line in out.splitlines() if ".py:" in line]
    assert [line for line in lines if line.startswith("above.py")] == [
        f"above.py:1: lint-openai-parse-error: {TOO_LARGE}"
    ]
    assert any(line.startswith("below.py:2: removed-error-module") for line in lines)
    assert not any(line.startswith("data.py") for line in lines)


def test_language_server(project: Dict[str, Path]) -> None:
    server = LintOpenAIServer()
    found = {}
    for name, path in project.items():
        text = path.read_text(encoding="utf-8")
        check = server.checker(Document(path.as_uri(), text, 1, path=str(path)))
        found[name] = [(d.code, d.message) for d in check(text)]
    assert found["above"] == [("OAI001", TOO_LARGE)]
    assert [code for code, _ in found["below"]] == ["OAI102"]
    assert found["data"] == []
