"""Atomic saves: write a temporary file beside the target, fsync, rename it over the target.

A crash or a full disk at any point leaves the old file whole (or no file), never half of one.
The new file gets the old file's permissions, or for a new file the ordinary ones the user's umask
gives (mkstemp alone would leave it private, 0600, unreadable on a shared office folder).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from drafter.errors import DrafterError


class SaveError(DrafterError):
    """A file that could not be written; the message names it and says why. Nothing was changed."""

    def __init__(self, path: str | os.PathLike, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = str(path)
        self.why = why


def write_bytes_atomically(path: str | os.PathLike, data: bytes) -> Path:
    target = Path(path).expanduser()
    mode = _mode_for(target)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as err:
        raise SaveError(target, describe_os_error(err)) from err
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
    _fsync_dir(target.parent)
    return target


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def describe_os_error(err: OSError) -> str:
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (is the folder writable, or the file open in another program?)"
    if err.errno == errno.ENOSPC:
        return "no space left on the disk"
    if err.errno == errno.EROFS:
        return "the disk is read-only"
    if err.errno == errno.ENOENT:
        return "its folder does not exist"
    return err.strerror or str(err)


def _fsync_dir(folder: Path) -> None:
    # The rename itself is durable only once the folder's entry is on disk.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
