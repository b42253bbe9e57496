"""``--diff`` headers: what ``git diff`` and ruff print, so that ``patch -p1`` and ``git apply`` take them."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import List, Tuple

import pytest

from lint_openai.frontends.cli.diff_paths import diff_header_path
from lint_openai.frontends.cli.main import main

from .notebook_builder import build, code

PROGRAM = "import openai\nr = openai.Completion.create(model='m', prompt='p')\n"
FIXED = "import openai\nr = openai.completions.create(model='m', prompt='p')\n"


def diff(path: str) -> Tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(["check", path, "--diff"], out=out, err=err), out.getvalue()


def apply(command: List[str], patch: str, directory: Path) -> None:
    subprocess.run(command, input=patch, text=True, cwd=directory, check=True, capture_output=True)


@pytest.mark.parametrize(
    ("path", "cwd", "shown"),
    [
        ("src/x.py", "/work", "src/x.py"),
        ("/work/src/x.py", "/work", "src/x.py"),
        ("/work/src/x.py", "/work/src", "x.py"),
        ("/tmp/x.py", "/work", "tmp/x.py"),
        ("/work/src/x.py", "/work/other", "work/src/x.py"),
    ],
)
def test_header_paths(path: str, cwd: str, shown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.getcwd", lambda: cwd)
    assert diff_header_path(path) == shown


@pytest.mark.slow  # runs patch and git
@pytest.mark.parametrize("command", [["patch", "-p1"], ["git", "apply"]])
@pytest.mark.parametrize("absolute", [False, True])
def test_a_diff_of_a_file_under_the_working_directory_applies_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: List[str], absolute: bool
) -> None:
    source = tmp_path / "src" / "x.py"
    source.parent.mkdir()
    source.write_text(PROGRAM, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, patch = diff(str(source) if absolute else "src/x.py")
    assert status == 1
    assert patch.startswith("--- a/src/x.py\n+++ b/src/x.py\n")
    apply(command, patch, tmp_path)
    assert source.read_text(encoding="utf-8") == FIXED


@pytest.mark.slow  # runs patch
def test_an_absolute_path_elsewhere_is_shown_without_its_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "x.py"
    source.write_text(PROGRAM, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    shown = source.relative_to(source.anchor).as_posix()
    status, patch = diff(str(source))
    assert status == 1
    assert patch.startswith(f"--- a/{shown}\n+++ b/{shown}\n")
    apply(["patch", "-p1"], patch, Path(source.anchor))  # as git diff's a/tmp/x.py: from the root
    assert source.read_text(encoding="utf-8") == FIXED


def test_notebook_cell_headers_use_the_same_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = tmp_path / "nb.ipynb"
    notebook.write_text(build([code("import openai"), code("openai.Completion.create()")]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, patch = diff(str(notebook))
    assert status == 1
    assert patch.startswith("--- a/nb.ipynb:cell 2\n+++ b/nb.ipynb:cell 2\n")
