"""Issue 14 item 5: a size guard (``max-file-size``), special files skipped unread, UTF-16/32 files reported."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import pytest

from lint_openai.config.settings import DEFAULT_MAX_FILE_SIZE
from lint_openai.frontends.cli.main import main

V0 = "import openai\nx = openai.error.Timeout\n"


def run(args: List[str]) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def findings(args: List[str]) -> Tuple[int, List[Tuple[str, str]], str]:
    code, out, err = run([*args, "--output-format", "json"])
    return code, [(Path(i["filename"]).name, i["message"]) for i in json.loads(out)], err


def big(path: Path, size: int, mention_sdk: bool = True) -> Path:
    head = V0 if mention_sdk else "x = 1\n"
    path.write_text(head + "#" * (size - len(head) - 1) + "\n", encoding="utf-8")
    return path


def test_default_is_two_mebibytes() -> None:
    assert DEFAULT_MAX_FILE_SIZE == 2 * 1024 * 1024


def test_larger_files_are_oai001_not_silently_passed(tmp_path: Path) -> None:
    path = big(tmp_path / "huge.py", DEFAULT_MAX_FILE_SIZE + 1)
    code, items, _ = findings(["check", str(path)])
    assert code == 1
    assert items == [
        (
            "huge.py",
            "file not checked: 2,097,153 bytes, more than max-file-size (2,097,152); raise max-file-size "
            "([tool.lint-openai] or --max-file-size) to check it",
        )
    ]
    big(path, DEFAULT_MAX_FILE_SIZE)  # at the limit: checked
    assert "OAI102" in run(["check", str(path)])[1]


def test_large_files_that_cannot_have_findings_stay_silent(tmp_path: Path) -> None:
    path = big(tmp_path / "data.py", DEFAULT_MAX_FILE_SIZE + 100, mention_sdk=False)
    assert findings(["check", str(path)])[:2] == (0, [])


@pytest.mark.parametrize(
    ("value", "limit"),
    [('"10KB"', 10 * 1024), ('"1 MiB"', 1024 * 1024), ("5000", 5000), ('"3M"', 3 * 1024 * 1024)],
)
def test_max_file_size_in_pyproject(tmp_path: Path, value: str, limit: int) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.lint-openai]\nmax-file-size = {value}\n", encoding="utf-8"
    )
    below, above = big(tmp_path / "below.py", limit), big(tmp_path / "above.py", limit + 1)
    _, items, _ = findings(["check", str(below), str(above)])
    assert [name for name, message in items if "file not checked" in message] == ["above.py"]
    assert any(name == "below.py" and "openai.error.Timeout" in message for name, message in items)


def test_max_file_size_flag_overrides_config_and_zero_means_no_limit(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.lint-openai]\nmax-file-size = "1KB"\n', encoding="utf-8")
    path = big(tmp_path / "a.py", 4000)
    assert "file not checked" in findings(["check", str(path)])[1][0][1]
    assert "file not checked" not in findings(["check", str(path), "--max-file-size", "8KB"])[1][0][1]
    assert "file not checked" not in findings(["check", str(path), "--max-file-size", "0"])[1][0][1]


@pytest.mark.parametrize("value", ['"lots"', "-1", '"2 parsecs"', "true"])
def test_bad_max_file_size_is_a_config_error(tmp_path: Path, value: str) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.lint-openai]\nmax-file-size = {value}\n", encoding="utf-8"
    )
    path = big(tmp_path / "a.py", 100)
    code, _, err = run(["check", str(path)])
    assert code == 2 and "max-file-size: expected a size" in err
    assert run(["check", str(path), "--max-file-size", "lots"])[0] == 2


def test_large_stdin_is_oai001_and_echoed_unchanged_by_fix(tmp_path: Path) -> None:
    data = (V0 + "#" * 3000 + "\n").encode()
    result = subprocess.run(
        [sys.executable, "-m", "lint_openai", "check", "-", "--fix", "--max-file-size", "2KB"],
        input=data,
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.stdout == data and result.returncode == 1
    assert b"OAI001 file not checked" in result.stderr


def test_fifo_named_on_the_command_line_is_skipped_unread(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    result = subprocess.run(  # a read would block forever: the timeout proves it is not read
        [sys.executable, "-m", "lint_openai", "check", str(fifo)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stderr == f"warning: {fifo}: skipped: not a regular file (FIFO)\n"


def test_special_files_in_a_directory_walk_are_skipped_with_a_message(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.py")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.py"))
    (tmp_path / "dev.py").symlink_to("/dev/zero")  # a read would never end
    (tmp_path / "a.py").write_text(V0, encoding="utf-8")
    try:
        code, items, err = findings(["check", str(tmp_path), "--jobs", "1"])
    finally:
        server.close()
    assert code == 1 and [name for name, _ in items] == ["a.py"]
    assert sorted(err.splitlines()) == [
        f"warning: {tmp_path / 'dev.py'}: skipped: not a regular file (character device)",
        f"warning: {tmp_path / 'fifo.py'}: skipped: not a regular file (FIFO)",
        f"warning: {tmp_path / 'sock.py'}: skipped: not a regular file (socket)",
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_files_are_reported(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.py"
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + V0.encode(codec))
    code, items, _ = findings(["check", str(path)])
    family = codec[:6].upper()
    assert code == 1
    assert items == [
        (
            "wide.py",
            f"the file is {family} (it starts with a {family} byte order mark): Python reads source as "
            "UTF-8 or an ASCII-compatible PEP 263 encoding and refuses it (SyntaxError: Non-UTF-8 code); "
            "save it as UTF-8",
        )
    ]


def test_utf16_file_that_cannot_have_findings_stays_silent(tmp_path: Path) -> None:
    (tmp_path / "wide.py").write_bytes("x = 1\n".encode("utf-16"))
    assert findings(["check", str(tmp_path / "wide.py")])[:2] == (0, [])


def test_notebooks_are_not_limited_by_their_outputs(tmp_path: Path) -> None:
    """A notebook's bytes are mostly outputs (images): the limit is for Python source files."""
    cell = {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": V0.splitlines(keepends=True)}
    cell["outputs"] = [
        {"output_type": "display_data", "metadata": {}, "data": {"image/png": "A" * 3_000_000}}
    ]
    notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "big.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    code, items, _ = findings(["check", str(path)])
    assert code == 1 and ["openai.error.Timeout" in message for _, message in items] == [True]
