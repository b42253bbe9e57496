"""Writing fixed files back without losing anything: a change saved meanwhile, the owner, group and mode,
hard links, the symlink that led to the file.

- The bytes on disk are compared with the bytes the fixes were computed from just before the file is
  replaced: a file saved meanwhile is left alone (:class:`NotWrittenError`).
- A read-only file (no write bit, or not writable by this user) is not rewritten, as ruff refuses.
- A file with one link is replaced atomically: temporary file, owner and group, then mode (``chown`` clears
  set-id bits), ``fsync``, rename. An interrupted run never leaves a half-written file.
- A file with other hard links (or whose owner cannot be given to the replacement, or in a directory that
  is not writable) is rewritten in place,
  which keeps its inode: the space is reserved first (``posix_fallocate``, so a full disk fails before a
  byte changes), then the bytes are written and the file truncated with ``SIGINT``/``SIGTERM``/``SIGHUP``
  held back, then ``fsync``. Only a crash or ``SIGKILL`` in that window can leave it half-written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
from pathlib import Path
from typing import Iterator, List, Optional

CHANGED = "the file changed since it was read; run again"
DEFERRED_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})


class NotWrittenError(Exception):
    """The fixes were not written, on purpose; the message says why."""


def replace_file_contents(path: Path, expected: bytes, data: bytes) -> None:
    """Replace the contents of ``path`` (followed through symlinks) by ``data`` if they are still ``expected``.

    Raises :class:`NotWrittenError` when the file changed or is read-only, ``OSError`` when writing fails;
    in both cases the file is left as it was.
    """
    target = path.resolve()
    info = target.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotWrittenError("not a regular file")
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise NotWrittenError("the file is read-only")
    if info.st_nlink > 1 or not write_atomically(target, data, expected, info):
        write_in_place(target, expected, data)


def write_atomically(
    path: Path, data: bytes, expected: Optional[bytes] = None, info: Optional[os.stat_result] = None
) -> bool:
    """Replace ``path`` with ``data`` via a temporary file in the same directory and a rename.

    The replacement gets the file's owner, group and mode. Returns ``False`` (nothing changed) when the
    owner cannot be given to it (not root, file owned by someone else) or the directory is not writable:
    write in place instead. With
    ``expected``, raises :class:`NotWrittenError` if the file no longer holds those bytes.
    """
    info = info or path.stat()
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".lint-openai", dir=path.parent
        )
    except PermissionError:
        return False  # a directory this user cannot write to: the file itself may still be writable
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            try:
                os.fchown(handle.fileno(), info.st_uid, info.st_gid)
            except PermissionError:
                os.unlink(temporary)
                return False
            os.fchmod(handle.fileno(), stat.S_IMODE(info.st_mode))
            os.fsync(handle.fileno())
        if expected is not None and path.read_bytes() != expected:
            raise NotWrittenError(CHANGED)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(path.parent)
    return True


def write_in_place(path: Path, expected: bytes, data: bytes) -> None:
    """Overwrite ``path``'s own inode with ``data`` (hard links and ownership kept), if it holds ``expected``."""
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    try:
        if _read_all(descriptor) != expected:
            raise NotWrittenError(CHANGED)
        if len(data) > len(expected):
            _reserve(descriptor, len(data))
        with _deferred_signals():
            view = memoryview(data)
            written = 0
            while written < len(data):
                written += os.pwrite(descriptor, view[written:], written)
            os.ftruncate(descriptor, len(data))
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _read_all(descriptor: int) -> bytes:
    chunks: List[bytes] = []
    offset = 0
    while True:
        chunk = os.pread(descriptor, 1 << 20, offset)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        offset += len(chunk)


def _reserve(descriptor: int, size: int) -> None:
    """Allocate the blocks the new contents need, so a full disk fails before any byte is changed."""
    try:
        os.posix_fallocate(descriptor, 0, size)
    except OSError as error:
        if error.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
            raise  # ENOSPC, EFBIG...: nothing was written
    except AttributeError:  # pragma: no cover - not on this platform
        pass


@contextlib.contextmanager
def _deferred_signals() -> Iterator[None]:
    """Hold back interrupting signals (delivered on exit) so a write and its truncate both happen."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, DEFERRED_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _sync_directory(directory: Path) -> None:
    """Make the rename durable (best effort: some filesystems cannot open a directory)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
