"""Decoding source bytes as Python does (PEP 263 cookie, BOM), and parsing without printing warnings."""

from __future__ import annotations

import ast
import codecs
import io
import tokenize
import warnings


def parse_quietly(text: str, filename: str = "<unknown>") -> ast.Module:
    """``ast.parse`` without printing the parser's warnings (invalid escapes, ``is`` with a literal...):
    they are about the linted code, not for lint-openai's output."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text, filename=filename)


class SourceDecodeError(Exception):
    """The bytes of a file cannot be decoded as Python source."""

    def __init__(self, message: str, row: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.row = row
        self.column = column


def detect_encoding(data: bytes) -> tuple[str, bool]:
    """Return the PEP 263 encoding of ``data`` and whether it starts with a UTF-8 BOM."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as error:
        raise SourceDecodeError(str(error.msg if hasattr(error, "msg") else error)) from None
    has_bom = data.startswith(codecs.BOM_UTF8)
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    return encoding, has_bom


def decode_source(data: bytes) -> str:
    """Decode file bytes to text the way the interpreter would (PEP 263 cookie, BOM)."""
    encoding, has_bom = detect_encoding(data)
    if has_bom:
        data = data[len(codecs.BOM_UTF8) :]
    return decode_as(data, encoding)


def decode_utf8(data: bytes) -> str:
    """Decode a file that is UTF-8 by definition (a notebook, a configuration file), BOM or not."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    return decode_as(data, "utf-8")


def decode_as(data: bytes, encoding: str) -> str:
    """Decode ``data``; a :class:`SourceDecodeError` says which byte fails, and where."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        row = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = error.start - line_start + 1
        raise SourceDecodeError(
            f"cannot decode byte {data[error.start : error.start + 1]!r} as {encoding}", row, column
        ) from None
