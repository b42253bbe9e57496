"""The light half of each kind of file a front-end reads: which kind a name is, the byte prefilter that says
whether its bytes can have findings at all, and how the bytes become text.

The CLI asks this of every file before anything heavier loads (a file that cannot have findings needs no
engine, and one the results cache answers for needs only its text); :mod:`lint_openai.frontends.documents`
adds how each kind is checked and fixed.
"""

from __future__ import annotations

from typing import Callable

from lint_openai.records import record
from lint_openai.source.decoding import SourceDecodeError, decode_source, decode_utf8, wide_encoding
from lint_openai.source.file_names import config_format, is_notebook_path
from lint_openai.source.prefilter import Overrides, bytes_may_have_findings

MAX_CONFIG_BYTES = 1 << 20  # a larger .json or .yaml is data, not configuration


class FileSkippedError(Exception):
    """A file that is not checked; the message (a note for the user) says why."""


@record
class FileKind:
    """How one kind of file is screened and decoded."""

    name: str
    may_have_findings: Callable[[bytes, Overrides], bool]  # the byte prefilter, given the models-override ids
    decode: Callable[[bytes], str]


def notebook_may_have_findings(data: bytes, overrides: Overrides) -> bool:
    """The Python prefilter, unless the JSON escapes characters (``\\u006f``), where bytes prove nothing."""
    return b"\\u" in data or bytes_may_have_findings(data, overrides)


def config_may_have_findings(data: bytes, overrides: Overrides) -> bool:
    """A finding needs a key naming a model (``model``, ``engine``) and, so, those letters in the file."""
    lowered = data.lower()
    return b"model" in lowered or b"engine" in lowered or b"\\u" in data


def decode_config(data: bytes) -> str:
    if len(data) > MAX_CONFIG_BYTES:
        raise FileSkippedError(
            f"larger than {MAX_CONFIG_BYTES >> 20} MiB, so read as data, not configuration: skipped"
        )
    try:
        return decode_utf8(data)
    except SourceDecodeError as error:
        raise FileSkippedError(f"{error.message} (line {error.row}): skipped") from None


PYTHON_FILE = FileKind("python", bytes_may_have_findings, decode_source)
NOTEBOOK_FILE = FileKind("notebook", notebook_may_have_findings, decode_utf8)
CONFIG_FILE = FileKind("configuration", config_may_have_findings, decode_config)


def file_kind(path: str) -> FileKind:
    """The kind of a file, by its name: ``.ipynb`` notebooks, configuration files, else Python."""
    if is_notebook_path(path):
        return NOTEBOOK_FILE
    if config_format(path) is not None:
        return CONFIG_FILE
    return PYTHON_FILE


def may_skip_unread(path: str, data: bytes, overrides: Overrides) -> bool:
    """Whether a file's bytes prove it has no finding, so that it need not even be decoded.

    The kind's prefilter decides, except for UTF-16/32 text (a byte order mark), which only its decoded
    text can show: the check itself decides such a file.
    """
    return wide_encoding(data) is None and not file_kind(path).may_have_findings(data, overrides)
