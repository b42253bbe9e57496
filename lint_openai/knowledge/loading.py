"""Reading the data files shipped in ``lint_openai/knowledge/data/``.

Each ``NAME.json`` is the reviewed, generated source of truth. Beside it, ``NAME.marshal`` (made by
``python scripts/gen_compact_knowledge.py``) holds the same value in ``marshal`` form, which loads in about half
the time on a cold start (the larger files are parsed in every run that needs the engine). A compact file is
used only while its header matches the JSON it was made from (the JSON's length and CRC-32, read from the
JSON's bytes each time), so an edited JSON file is never shadowed by a stale compact one; a missing, stale or
unreadable compact file means the JSON is parsed. ``tests/test_knowledge_files.py`` checks that every compact
file is current and holds exactly the JSON's value.
"""

from __future__ import annotations

import gc
import json
import marshal
import os
import zlib
from typing import Any, Iterable, Optional

DATA_DIRECTORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
COMPACT_SUFFIX = ".marshal"
MARSHAL_VERSION = 4  # data only (dicts, lists, strings, numbers): read alike by Python 3.10 to 3.13
_HEADER = 12  # the JSON's length (8 bytes) and CRC-32 (4 bytes), big-endian


def compact_header(json_bytes: bytes) -> bytes:
    """What a compact file made from ``json_bytes`` starts with."""
    return len(json_bytes).to_bytes(8, "big") + zlib.crc32(json_bytes).to_bytes(4, "big")


def compact_form(value: Any, json_bytes: bytes) -> bytes:
    """The compact file for ``value``, parsed from ``json_bytes``."""
    return compact_header(json_bytes) + marshal.dumps(value, MARSHAL_VERSION)


def load_json(name: str) -> Any:
    """Load a JSON data file shipped in this package (package data: a file beside this module), from its
    compact form when that is current.

    The garbage collector pauses meanwhile: loading creates many objects and no cycles, and the collections
    their allocation would trigger cost a third of the time of the larger files (``sdk_modules.json``).
    """
    path = os.path.join(DATA_DIRECTORY, name)
    with open(path, "rb") as handle:
        json_bytes = handle.read()
    enabled = gc.isenabled()
    gc.disable()
    try:
        compact = _compact(path, json_bytes)
        return json.loads(json_bytes.decode("utf-8")) if compact is None else compact[0]
    finally:
        if enabled:
            gc.enable()


def _compact(path: str, json_bytes: bytes) -> Optional[tuple[Any]]:
    """The value of the compact file beside ``path`` (in a 1-tuple), if it is current and readable."""
    try:
        with open(os.path.splitext(path)[0] + COMPACT_SUFFIX, "rb") as handle:
            blob = handle.read()
    except OSError:
        return None
    if blob[:_HEADER] != compact_header(json_bytes):
        return None
    try:
        return (marshal.loads(blob[_HEADER:]),)
    except (EOFError, ValueError, TypeError):
        return None


def close_matches(name: str, candidates: Iterable[str], cutoff: float = 0.75) -> list[str]:
    """Names similar to ``name`` (typo suggestions), best first."""
    import difflib  # noqa: PLC0415 - only a typo's suggestions need it

    return difflib.get_close_matches(name, list(candidates), n=3, cutoff=cutoff)
