"""Paths named on the command line: what is wrong with one, and resolving without raising."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Dict, List, Optional

MISSING = "no such file or directory"


def path_problem(path: Path) -> Optional[str]:
    """Why ``path`` cannot be checked at all (``None``: it can; a dangling symlink can, as ``OAI001``)."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop"
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            return None if os.path.islink(path) else MISSING
        return error.strerror or type(error).__name__
    return None


def resolved(path: Path) -> Path:
    """``path.resolve()``, or the absolute path where it cannot be resolved (a symlink loop, a name too long)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" before Python 3.13
        return path.absolute()


def resolved_all(paths: List[Path]) -> List[Path]:
    """:func:`resolved` of each path, resolving each directory once: a path that is not a symlink itself is
    its resolved directory joined with its name (a walk's files share a few directories)."""
    directories: Dict[Path, Path] = {}
    found = []
    for path in paths:
        if path.name in ("", ".", "..") or os.path.islink(path):
            found.append(resolved(path))
            continue
        directory = directories.get(path.parent)
        if directory is None:
            directory = directories[path.parent] = resolved(path.parent)
        found.append(directory / path.name)
    return found
