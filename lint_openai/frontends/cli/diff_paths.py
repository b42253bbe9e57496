"""The path a ``--diff`` header names after its ``a/`` or ``b/`` prefix."""

from __future__ import annotations

import os
from pathlib import PurePath


def diff_header_path(path: str) -> str:
    """``path`` as the headers of ``--diff`` name it: an absolute path inside the working directory
    relative to it (as ruff shows it), any other absolute path without its root (as ``git diff`` shows
    it: ``a/tmp/x.py``, not ``a//tmp/x.py``), a relative path as given; ``/``-separated, so that
    ``patch -p1`` and ``git apply`` run where the command ran apply it."""
    pure = PurePath(path)
    if not pure.is_absolute():
        return pure.as_posix()
    try:
        return pure.relative_to(os.getcwd()).as_posix()
    except (ValueError, OSError):  # outside the working directory, or that directory is gone
        return PurePath(*pure.parts[1:]).as_posix()
