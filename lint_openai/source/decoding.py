"""Decoding source bytes as Python does (PEP 263 cookie, BOM), and parsing without printing warnings."""

from __future__ import annotations

import ast
import codecs
import io
import sys
import tokenize
import warnings
from typing import Optional


def parse_quietly(text: str) -> ast.Module:
    """``ast.parse`` without printing the parser's warnings (invalid escapes, ``is`` with a literal...):
    they are about the linted code, not for lint-openai's output. No file name is given: for a tokenizer
    error CPython would read the error's line from that file on disk, which may hold other text (a
    notebook's JSON, an editor's unsaved buffer)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text)


def too_deep_to_compile(tree: ast.AST) -> bool:
    """Python 3.10's parser accepts expressions its compiler then refuses (``RecursionError: maximum recursion
    depth exceeded during compilation``, at 3 x the recursion limit: ``COMPILER_STACK_FRAME_SCALE`` in
    CPython's compile.c); Python 3.11+ rejects them while parsing. True if ``tree`` nests deeper than that."""
    if sys.version_info < (3, 11):
        return _nests_deeper_than(tree, 3 * sys.getrecursionlimit())
    return False


def _nests_deeper_than(tree: ast.AST, limit: int) -> bool:
    pending = [(tree, 1)]
    while pending:
        node, depth = pending.pop()
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return False


class SourceDecodeError(Exception):
    """The bytes of a file cannot be decoded as Python source."""

    def __init__(self, message: str, row: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.row = row
        self.column = column


# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_encoding(data: bytes) -> Optional[str]:
    """``"utf-16"``/``"utf-32"`` if ``data`` starts with that byte order mark (Python cannot read such source)."""
    return next((codec for bom, codec in WIDE_BOMS if data.startswith(bom)), None)


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


def encode_like(original: bytes, text: str) -> bytes:
    """Encode ``text`` with the encoding and BOM of ``original`` (raises ``UnicodeError`` if impossible)."""
    encoding, has_bom = detect_encoding(original)
    encoded = text.encode(encoding)
    return codecs.BOM_UTF8 + encoded if has_bom else encoded


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
