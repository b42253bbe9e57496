"""Reading a file to check: FIFOs, sockets and devices are never opened (a read could block forever)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional

_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISDIR, "directory"),
)


class NotRegularFileError(Exception):
    """The path is not a regular file (it was not opened); the message says what it is."""


def special_kind(mode: int) -> Optional[str]:
    """What a non-regular file is (``"FIFO"``, ``"socket"``...), ``None`` for a regular file."""
    return next((name for test, name in _KINDS if test(mode)), None)


def read_regular_file(path: Path) -> bytes:
    """The bytes of ``path`` (followed through symlinks).

    Raises :class:`NotRegularFileError` without opening it when it is not a regular file, ``OSError`` when it
    cannot be read (a dangling symlink, a symlink loop, no permission).
    """
    kind = special_kind(os.stat(path).st_mode)
    if kind is not None:
        raise NotRegularFileError(f"not a regular file ({kind})")
    return path.read_bytes()
