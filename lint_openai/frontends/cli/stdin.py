"""Source on stdin (``check -``): what ``--fix``/``--fix-only`` print back, as bytes.

An editor replaces its buffer with this output, so it is never empty by accident: the input's own bytes
when nothing was fixed (or the input cannot be decoded, parsed or re-encoded), else the fixed text encoded
like the input (PEP 263 cookie, BOM).
"""

from __future__ import annotations

import sys
from typing import BinaryIO, Optional, TextIO, Tuple

from lint_openai.frontends.cli.results import FileResult
from lint_openai.source.decoding import SourceDecodeError, encode_like


def read_stdin(stream: Optional[BinaryIO] = None) -> bytes:
    """Every byte of stdin."""
    return (stream or sys.stdin.buffer).read()


def fixed_bytes(data: bytes, result: FileResult) -> Tuple[bytes, Optional[str]]:
    """The bytes to print for ``data`` after fixing, and why the fixes were dropped (``None``: they were not)."""
    if not result.fixed or result.fixed_source is None or result.source is None:
        return data, None
    try:
        if encode_like(data, result.source) != data:
            return data, "fixes not applied: the input's bytes do not survive decoding and re-encoding"
        return encode_like(data, result.fixed_source), None
    except (UnicodeError, SourceDecodeError) as error:
        return data, f"fixes not applied: {error}"


def write_bytes(stream: TextIO, data: bytes) -> None:
    """Write raw bytes to a text stream's binary buffer (a stream without one gets them decoded)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8", "surrogateescape"))
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()
