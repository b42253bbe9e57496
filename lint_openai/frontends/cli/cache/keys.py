"""What a cached result depends on, as keys: the file's bytes, the settings, lint-openai (version and code)
with its knowledge files and the Python that parses; and the dates it holds for (:mod:`.validity`)."""

from __future__ import annotations

import datetime
import functools
import os
import sys
from typing import TYPE_CHECKING, Any, Dict, Iterator, Optional, Tuple

import lint_openai
from lint_openai.config.settings import Settings
from lint_openai.frontends.cli.results import FileResult
from lint_openai.knowledge.loading import DATA_DIRECTORY
from lint_openai.records import replace

if TYPE_CHECKING:
    from hashlib import _Hash

PACKAGE_DIRECTORY = os.path.dirname(os.path.abspath(lint_openai.__file__))
Window = Tuple[Optional[str], Optional[str]]  # first and last-plus-one ISO date an entry is valid on
Entry = Dict[str, Any]  # one file's entry in the results file, as JSON
# A result to keep: the file's absolute path, its bytes' digest, how it was shown and checked, the result.
NewResult = Tuple[str, str, str, Settings, FileResult]


def digest(data: bytes) -> str:
    """The key of a file's bytes."""
    return _sha256(data).hexdigest()


def _sha256(data: bytes = b"") -> _Hash:
    import hashlib  # noqa: PLC0415 - OpenSSL loads when a file is first looked up, not with the command

    return hashlib.sha256(data)


@functools.lru_cache(maxsize=64)
def settings_key(settings: Settings) -> str:
    """Every setting that can change a finding (all of them but ``today``, which the window covers)."""
    return digest(repr(replace(settings, today=None)).encode("utf-8"))


@functools.cache
def environment_key() -> str:
    """lint-openai's version and code (each module's size and modification time, so that an edited checkout
    is a new version), the content of its knowledge files, and the Python that parses the files."""
    key = _sha256()
    for part in (lint_openai.__version__, sys.version, sys.implementation.cache_tag or ""):
        key.update(part.encode("utf-8") + b"\0")
    for path in _package_modules():
        status = os.stat(path)
        key.update(
            f"{os.path.relpath(path, PACKAGE_DIRECTORY)}:{status.st_size}:{status.st_mtime_ns}\0".encode()
        )
    for name in sorted(os.listdir(DATA_DIRECTORY)):
        if not name.endswith(".json"):
            continue  # a compact form is only used while it matches its JSON file
        with open(os.path.join(DATA_DIRECTORY, name), "rb") as handle:
            key.update(name.encode("utf-8") + b"\0" + handle.read())
    return key.hexdigest()


def _package_modules() -> Iterator[str]:
    for directory, subdirectories, files in os.walk(PACKAGE_DIRECTORY):
        subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
        yield from (os.path.join(directory, name) for name in sorted(files) if name.endswith(".py"))


def in_window(start: Optional[str], end: Optional[str], judged: datetime.date) -> bool:
    day = judged.isoformat()  # ISO dates compare as text in date order
    return (start is None or start <= day) and (end is None or day < end)
