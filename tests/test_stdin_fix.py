"""Issue 14 item 1: ``check - --fix`` (the editor pipe) never loses the buffer.

Bytes out are exactly the bytes in when nothing was fixed (undecodable, unparsable or clean input), and the
fixed text is encoded like the input (PEP 263 cookie, BOM) when something was.
"""

from __future__ import annotations

import codecs
import subprocess
import sys
from typing import List

import pytest

V0_CALL = b'import openai\nr = openai.ChatCompletion.create(model="m", messages=[])\n'
pytestmark = pytest.mark.slow  # every test pipes bytes through the CLI in a subprocess

FIXED_CALL = b'import openai\nr = openai.chat.completions.create(model="m", messages=[])\n'
FIX_MODES = [["--fix"], ["--fix-only"], ["--fix", "--unsafe-fixes"]]


def pipe(data: bytes, *args: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run(
        [sys.executable, "-m", "lint_openai", "check", "-", *args],
        input=data,
        capture_output=True,
        check=False,
        timeout=60,
    )


UNDECODABLE = b'import openai\nx = "\xff"\n' + V0_CALL[14:]  # no cookie: not UTF-8


@pytest.mark.parametrize("mode", FIX_MODES)
def test_undecodable_stdin_is_echoed_with_an_error(mode: List[str]) -> None:
    result = pipe(UNDECODABLE, *mode)
    assert result.stdout == UNDECODABLE
    assert result.returncode != 0
    assert b"cannot decode" in result.stderr and b"not fixed" in result.stderr


def test_undecodable_stdin_diff_is_empty_with_an_error() -> None:
    # A diff consumer must get a diff: no change is an empty diff, never the source.
    result = pipe(UNDECODABLE, "--diff")
    assert result.stdout == b""
    assert result.returncode != 0 and b"cannot decode" in result.stderr


@pytest.mark.parametrize(
    "data",
    [
        b"import openai\ndef f(:\n    openai.ChatCompletion\n",  # decodes, does not parse
        b"x = 1\r\n# no final newline, nothing to do with the SDK",  # skipped by the prefilter
        codecs.BOM_UTF8 + b"import openai\r\nclient = openai.OpenAI()\r\n",  # clean, BOM, CRLF
        b"",
    ],
    ids=["syntax-error", "unrelated", "clean-bom-crlf", "empty"],
)
@pytest.mark.parametrize("mode", FIX_MODES)
def test_stdin_with_nothing_fixed_comes_back_byte_for_byte(data: bytes, mode: List[str]) -> None:
    assert pipe(data, *mode).stdout == data


@pytest.mark.parametrize(
    ("prefix", "encoding"),
    [
        (b"# -*- coding: latin-1 -*-\n", "latin-1"),
        (codecs.BOM_UTF8, "utf-8"),
        (b"# coding: cp1252\n", "cp1252"),
    ],
)
def test_fixed_stdin_is_encoded_like_the_input(prefix: bytes, encoding: str) -> None:
    body = V0_CALL.decode() + "name = 'café €'\n" if encoding != "latin-1" else V0_CALL.decode() + "n = 'é'\n"
    fixed = FIXED_CALL.decode() + body[len(V0_CALL.decode()) :]
    result = pipe(prefix + body.encode(encoding), "--fix")
    assert result.returncode == 0, result.stderr
    assert result.stdout == prefix + fixed.encode(encoding)


def test_fixed_stdin_keeps_crlf_and_missing_final_newline() -> None:
    data = V0_CALL.replace(b"\n", b"\r\n").rstrip(b"\r\n")
    result = pipe(data, "--fix-only")
    assert result.stdout == FIXED_CALL.replace(b"\n", b"\r\n").rstrip(b"\r\n")
    assert result.returncode == 0


def test_input_whose_bytes_do_not_survive_decoding_is_printed_unchanged() -> None:
    # UTF-7 decodes "+AGE-" to "a", which it encodes back as "a": the fixed text could not keep the bytes.
    data = b"# coding: utf-7\nimport openai\nx = '+AGE-'\n" + V0_CALL[14:]
    result = pipe(data, "--fix")
    assert result.stdout == data and result.returncode == 1
    assert b"fixes not applied: the input's bytes do not survive decoding and re-encoding" in result.stderr
    assert b"OAI101" in result.stderr  # the input's own findings are reported
