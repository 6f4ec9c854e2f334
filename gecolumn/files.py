"""Files whose names or contents the column does not control: read never through a symlink, written never by halves.

Caches (photos, the district's feeds) and an author's photos are read with :func:`open_regular`:
a symlink planted where a file is expected is refused (``O_NOFOLLOW``), a pipe does not hang
the open (``O_NONBLOCK``), and anything but a regular file is refused. Everything a build or
a command writes beside the user's files goes through :func:`write_atomically`, so a reader
sees the old file or the new one, and a symlink found at the name is replaced, never written
through.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomically(folder / "a.json", b"{}")
    >>> read_regular(folder / "a.json", limit=10), read_regular(folder / "a.json", limit=1)
    (b'{}', None)
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""Open for reading, never through a symlink, and never waiting on a pipe."""


class NotRegularFile(OSError):
    """A symlink, a folder, a pipe or a device where a regular file was expected."""


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """``path`` opened for reading if it is a regular file and not a symlink; raises :class:`OSError`."""
    if stat.S_ISLNK(os.lstat(path).st_mode):  # where O_NOFOLLOW does not exist (Windows)
        raise NotRegularFile(f"{os.fspath(path)}: symlink")
    descriptor = os.open(path, READ_FLAGS)
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise NotRegularFile(f"{os.fspath(path)}: not a regular file")
    return os.fdopen(descriptor, "rb")


def read_regular(path: str | os.PathLike, limit: int) -> bytes | None:
    """A regular file's bytes if it has at most ``limit`` of them; ``None`` for anything else (or a missing file)."""
    try:
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > limit:
                return None
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def read_head(path: str | os.PathLike, size: int = 16) -> bytes:
    """The first bytes of a regular file (empty for anything else), to tell what it really is."""
    try:
        with open_regular(path) as handle:
            return handle.read(size)
    except OSError:
        return b""


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` at once: readers see the old file or the new one, never half of one.

    A symlink found at the name is replaced itself, never written through; a folder planted
    at the name (in a cache folder, where the name is the code's own) is removed first.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
