"""Proof that fixes work: v0 programs fail on the installed SDK, and after ``--fix`` they run against
the real ``openai`` package (HTTP transport mocked, see tests/mock_openai.py) and print what they should."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint_openai.frontends.cli.main import main

pytestmark = pytest.mark.slow  # every test runs Python programs against the real SDK

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = sorted((ROOT / "tests" / "fixtures" / "programs").glob("*.py"))


def run_with_mock(program: Path) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run(
        [sys.executable, "-m", "tests.mock_openai", str(program)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_fixed_program_runs_against_the_sdk(program: Path, tmp_path: Path) -> None:
    before = run_with_mock(program)
    assert before.returncode != 0, "the v0 program should fail on openai>=1.0 before fixing"

    fixed = tmp_path / program.name
    shutil.copy(program, fixed)
    out = io.StringIO()
    # Model lifecycle findings (OAI2xx) do not depend on the mocked API.
    main(
        ["check", str(fixed), "--fix", "--unsafe-fixes", "--ignore", "OAI2", "--output-format", "json"],
        out=out,
        err=io.StringIO(),
    )
    assert out.getvalue().strip() == "[]", f"findings remain after --fix: {out.getvalue()}"

    after = run_with_mock(fixed)
    assert after.returncode == 0, after.stderr
    assert after.stdout == program.with_suffix(".expected").read_text(encoding="utf-8")


def test_module_base_url_needs_a_trailing_slash(tmp_path: Path) -> None:
    """The SDK behaviour OAI109 is built on: without the slash, the module client's path is broken."""
    program = tmp_path / "base_url.py"
    program.write_text(
        "import openai\n"
        "openai.base_url = 'https://llm-proxy.internal/v1'\n"
        "try:\n"
        "    openai.chat.completions.create(model='m', messages=[{'role': 'user', 'content': 'x'}])\n"
        "except openai.NotFoundError as error:\n"
        "    print(error.message)\n",
        encoding="utf-8",
    )
    result = run_with_mock(program)
    assert result.returncode == 0, result.stderr
    assert "no mock for /v1chat/completions" in result.stdout
