"""Defaults a front-end reads from the environment it runs in, so that the engine never has to."""

from __future__ import annotations

from importlib import metadata
from typing import Optional, Tuple


def installed_sdk_version() -> Optional[str]:
    """The version of the ``openai`` distribution installed here (package metadata; never imported)."""
    try:
        return metadata.version("openai")
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
