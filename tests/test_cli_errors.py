"""Issue 14 item 4: internal and environment errors exit 2 with one line, never a traceback (``--debug``
shows it). Each case was a traceback on main, or is a nearby path found by trying odd inputs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from lint_openai.frontends.cli import check as check_module
from lint_openai.frontends.cli.main import main

V0 = "import openai\nx = openai.error.Timeout\n"


def cli(args: List[str], cwd: Path, env: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run(
        [sys.executable, "-m", "lint_openai", *args],
        capture_output=True,
        text=True,
        errors="replace",
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        check=False,
        timeout=60,
    )


def one_error_line(result: subprocess.CompletedProcess, fragment: str) -> None:  # type: ignore[type-arg]
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("lint-openai: error: "), lines
    assert fragment in lines[0]


def test_symlink_loop_named_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "a.py").symlink_to(tmp_path / "b.py")
    (tmp_path / "b.py").symlink_to(tmp_path / "a.py")
    one_error_line(cli(["check", "a.py"], tmp_path), "a.py: symlink loop")


def test_symlink_loop_in_a_directory_is_oai001(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").symlink_to("b.py")
    (tmp_path / "pkg" / "b.py").symlink_to("a.py")
    result = cli(["check", "pkg"], tmp_path)
    assert "Traceback" not in result.stderr and result.returncode == 1
    assert "pkg/a.py:1:1: OAI001 cannot read file: Too many levels of symbolic links" in result.stdout


def test_pyproject_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.lint-openai]\nignore = ["OAI103"]  # caf\xe9\n')
    (tmp_path / "a.py").write_text(V0, encoding="utf-8")
    one_error_line(cli(["check", "a.py"], tmp_path), "pyproject.toml: cannot read TOML: not UTF-8")


def test_unreadable_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.lint-openai]\n", encoding="utf-8")
    (tmp_path / "a.py").write_text(V0, encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name == "pyproject.toml":
            raise PermissionError(13, "Permission denied")  # chmod 0 is no obstacle to root
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(tmp_path / "a.py")], out=out, err=err) == 2
    assert err.getvalue().startswith("lint-openai: error: ") and "Permission denied" in err.getvalue()


def test_pyproject_that_is_a_directory_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").mkdir()
    (tmp_path / "a.py").write_text(V0, encoding="utf-8")
    result = cli(["check", "a.py"], tmp_path)
    assert result.returncode == 1 and "OAI102" in result.stdout and not result.stderr


def test_file_name_too_long(tmp_path: Path) -> None:
    one_error_line(cli(["check", "a" * 300 + ".py"], tmp_path), "File name too long")
    one_error_line(cli(["check", "-", "--stdin-filename", "b" * 300 + ".py"], tmp_path), "File name too long")


def test_invalid_gitignore_patterns_are_ignored_as_git_does(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("[z-a]\nfoo\\\nignored.py\n", encoding="utf-8")
    (tmp_path / "a.py").write_text(V0, encoding="utf-8")
    (tmp_path / "ignored.py").write_text(V0, encoding="utf-8")
    result = cli(["check", "."], tmp_path)
    assert "Traceback" not in result.stderr and result.returncode == 1
    assert "a.py:2:5: OAI102" in result.stdout and "ignored.py" not in result.stdout


def test_file_names_that_are_not_utf8_print_even_on_a_strict_stream(tmp_path: Path) -> None:
    name = os.fsdecode(b"b\xffd.py")
    (tmp_path / name).write_text(V0, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lint_openai", "check", "."],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},  # errors=strict
        check=False,
        timeout=60,
    )
    assert b"Traceback" not in result.stderr and result.returncode == 1
    assert b"b\xffd.py:2:5: OAI102" in result.stdout  # the name's own bytes


def test_directory_named_like_a_module_special_files_and_dev_null(tmp_path: Path) -> None:
    (tmp_path / "pkg.py").mkdir()
    (tmp_path / "pkg.py" / "inner.py").write_text(V0, encoding="utf-8")
    result = cli(["check", "pkg.py", "/dev/null"], tmp_path)
    assert "Traceback" not in result.stderr and result.returncode == 1
    assert "pkg.py/inner.py:2:5: OAI102" in result.stdout
    assert "warning: /dev/null: skipped: not a regular file (character device)" in result.stderr


def test_last_resort_handler(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(self: object) -> int:
        raise KeyError("boom")

    monkeypatch.setattr(check_module.CheckCommand, "run", broken)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(tmp_path)], out=out, err=err) == 2
    assert err.getvalue() == (
        "lint-openai: error: internal error: KeyError: 'boom' "
        "(this is a bug in lint-openai; run with --debug for the traceback)\n"
    )
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(tmp_path), "--debug"], out=out, err=err) == 2
    assert "Traceback (most recent call last)" in err.getvalue() and "KeyError: 'boom'" in err.getvalue()
