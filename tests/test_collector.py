"""The console script pauses the garbage collector for start-up only: checking files with the engine, and the
language server, run with it on (a long run makes cyclic garbage with every file)."""

from __future__ import annotations

import gc
import io
import subprocess
import sys
from pathlib import Path
from typing import Iterator, List

import pytest

from lint_openai.config.settings import Settings
from lint_openai.frontends.cli import main as cli_main
from lint_openai.frontends.cli import workers
from lint_openai.frontends.cli.collector import pause, resume


@pytest.fixture
def paused() -> Iterator[None]:
    pause()
    try:
        yield
    finally:
        resume()
        gc.unfreeze()
        gc.enable()


def test_checking_files_resumes_collection(paused: None, tmp_path: Path) -> None:
    assert not gc.isenabled()
    source = tmp_path / "app.py"
    source.write_text("import openai\nopenai.Completion.create(model='gpt-4', prompt='')\n", encoding="utf-8")
    results = workers.run_jobs([(source, Settings(), "app.py", None, None)])
    assert gc.isenabled() and results[0].diagnostics


def test_the_language_server_runs_with_collection_on(paused: None, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: List[bool] = []
    from lint_openai.frontends.server import app  # noqa: PLC0415 - needs the server extra

    monkeypatch.setattr(app, "serve", lambda: seen.append(gc.isenabled()) or 0)
    assert cli_main.main(["server"], io.StringIO(), io.StringIO()) == 0
    assert seen == [True]


def test_the_console_script_exits_with_the_command_code(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "import openai\nopenai.ChatCompletion.create(model='gpt-4o', messages=[])\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "lint_openai", "check", "--no-cache", "app.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 1 and "OAI101" in run.stdout and run.stdout.endswith("\n")
