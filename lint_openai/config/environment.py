"""Defaults a front-end reads from the environment it runs in, so that the engine never has to."""

from __future__ import annotations

import os
import re
import sys
from typing import Optional, Tuple

SDK_DISTRIBUTION = "openai"
_METADATA_SUFFIXES = (".dist-info", ".egg-info")


def installed_sdk_version() -> Optional[str]:
    """The version of the ``openai`` distribution installed here (package metadata; never imported).

    What ``importlib.metadata.version("openai")`` answers: the first ``openai-*.dist-info`` (or ``.egg-info``)
    directory on ``sys.path``, read here directly, since importing ``importlib.metadata`` costs a CLI run more
    than the rest of its start-up. Anything else (a zipped path entry, no such directory, one without a
    readable version, two such directories in one entry) is left to ``importlib.metadata``.
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found = [
            name
            for name in names
            if name.lower().endswith(_METADATA_SUFFIXES)
            and _normalized(name.lower().rpartition(".")[0].partition("-")[0]) == SDK_DISTRIBUTION
        ]
        if len(found) == 1:
            return _metadata_version(os.path.join(entry or ".", found[0])) or _version_from_importlib()
        if found:
            break  # two metadata directories (a stale one after a broken upgrade): importlib.metadata decides
    return _version_from_importlib()


def _metadata_version(directory: str) -> Optional[str]:
    """The ``Version:`` header of a distribution's metadata directory (``None`` if it has none)."""
    for file_name in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(directory, file_name), encoding="utf-8") as handle:
                for line in handle:
                    if not line.strip():
                        return None  # the headers end at the first blank line
                    if line.startswith("Version:"):
                        return line[len("Version:") :].strip() or None
        except OSError:
            continue
    return None


def _normalized(name: str) -> str:
    """A distribution name as PEP 503 compares them (``OpenAI`` is ``openai``; ``open-ai`` is not)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _version_from_importlib() -> Optional[str]:
    from importlib import metadata  # noqa: PLC0415 - the slow general path, for installs the loop above misses

    try:
        return metadata.version(SDK_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None


def version_key(version: str) -> Tuple[int, ...]:
    """``"3.57.0"`` -> ``(3, 57, 0)``; stops at the first part that is not a plain number (``1.0rc1``)."""
    parts = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
        if not piece.isdigit():
            break
    return tuple(parts)
