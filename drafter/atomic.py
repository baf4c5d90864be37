"""Atomic saves, for every file drafter writes: drafts, autosaves, exports, the section library.

The new content goes to a temporary file beside the target (`.NAME.drafter-tmp-XXXXXXXX`, so a user
who finds one knows what it is), is flushed to the disk, then renamed over the target. A crash or a
full disk at any point leaves the old file whole (or no file), never half of one. A temporary file
left by a killed save is removed by the next save of the same target: each save holds a lock on its
own temporary file, so one that nobody holds is stale.

Permissions: an existing file keeps its own. A new export gets the ordinary ones the user's umask
gives (readable by colleagues on a shared office folder, like any saved file); a new private file
(`private=True`: drafts, autosaves, the user's data) is 0600.
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from drafter.errors import DrafterError
from drafter.fsnames import shown
from drafter.messages import t

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: stale temporary files are judged by their age
    fcntl = None  # type: ignore[assignment]

TMP_MARK = ".drafter-tmp-"
MAX_TMP_STEM = 255 - len(TMP_MARK) - 1 - 8 - 8  # the dot, mkstemp's 8 random characters, a margin
PRIVATE_FILE = 0o600
STALE_WITHOUT_LOCKS = 3600  # seconds; only where file locks do not exist


class SaveError(DrafterError):
    """A file that could not be written; the message names it and says why. Nothing was changed."""

    def __init__(self, path: str | os.PathLike, why: str) -> None:
        super().__init__(f"{shown(path)}: {why}")
        self.path = str(path)
        self.why = why


class ExportError(SaveError):
    """An export that could not be written; the message names the file and the reason."""


def tmp_prefix(target: Path) -> str:
    """`.NAME.drafter-tmp-`, the name cut so the whole stays within the 255 bytes a name may have."""
    name = target.name.encode("utf-8", "surrogateescape")[:MAX_TMP_STEM].decode("utf-8", "ignore")
    return f".{name}{TMP_MARK}"


def write_bytes_atomically(path: str | os.PathLike, data: bytes, private: bool = False) -> Path:
    """Put `data` at `path` atomically; raises SaveError (one line: the file and why)."""
    target = Path(path).expanduser()
    mode = _mode_for(target, private)
    remove_stale_tmp_files(target)
    tmp_name = None
    try:
        fd, tmp_name = _locked_tmp(target)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(tmp_name, mode)
            os.replace(tmp_name, target)  # still holding the lock: nobody takes this file for stale
        tmp_name = None
    except OSError as err:
        raise SaveError(target, describe_os_error(err)) from err
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
    _fsync_dir(target.parent)
    return target


def _locked_tmp(target: Path) -> tuple[int, str]:
    """A new temporary file beside `target`, locked by this process."""
    for _ in range(8):
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=tmp_prefix(target), suffix="")
        if fcntl is None:
            return fd, name
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:  # a cleaner may have taken it for stale between its creation and our lock
            if os.path.samestat(os.fstat(fd), os.stat(name)):
                return fd, name
        except FileNotFoundError:
            pass
        os.close(fd)
    raise OSError(errno.EAGAIN, "could not create a temporary file")


def remove_stale_tmp_files(target: Path) -> list[Path]:
    """Temporary files of earlier saves of `target` that no running save holds: removed."""
    removed = []
    try:
        candidates = [p for p in target.parent.iterdir() if p.name.startswith(tmp_prefix(target))]
    except OSError:
        return removed
    for candidate in candidates:
        if _is_stale(candidate):
            try:
                candidate.unlink()
                removed.append(candidate)
            except OSError:
                pass
    return removed


def _is_stale(candidate: Path) -> bool:
    if fcntl is None:
        try:
            return time.time() - candidate.lstat().st_mtime > STALE_WITHOUT_LOCKS
        except OSError:
            return False
    try:
        fd = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False  # a save in progress holds it
    stale = os.path.samestat(os.fstat(fd), os.lstat(candidate))
    os.close(fd)  # our lock goes with it; the file is removed by the caller
    return stale


def _mode_for(target: Path, private: bool) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        if private:
            return PRIVATE_FILE
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def describe_os_error(err: OSError) -> str:
    """Why a file could not be saved, in words, with what to do."""
    if err.errno in (errno.EACCES, errno.EPERM):
        return t("files.save_permission")
    if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return t("files.save_no_space")
    if err.errno == errno.EROFS:
        return t("files.save_read_only_disk")
    if err.errno == errno.ENOENT:
        return t("files.save_no_folder")
    if err.errno == errno.ENAMETOOLONG:
        return t("files.name_too_long")
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


# -- exports: built in memory, checked against programs holding the target open --------------------


def lock_files(target: Path) -> list[Path]:
    """Owner files that Word/WPS (`~$name.docx`) and LibreOffice (`.~lock.name.docx#`) keep beside a
    document while it is open. (On Windows an open file also refuses the rename itself.)"""
    candidates = [target.with_name(f".~lock.{target.name}#"), target.with_name(f"~${target.name[2:]}")]
    candidates.append(target.with_name(f"~${target.name}"))
    return [c for c in candidates if _exists(c)]


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long for the lock file cannot have one
        return False


def check_writable_target(target: Path) -> None:
    parent = target.parent
    if not parent.exists():
        raise ExportError(target, t("files.export_no_folder", folder=shown(parent)))
    if not parent.is_dir():
        raise ExportError(target, t("files.export_not_folder", folder=shown(parent)))
    if target.is_dir():
        raise ExportError(target, t("files.export_is_folder"))
    locks = lock_files(target)
    if locks:
        raise ExportError(target, t("files.export_open_elsewhere", lock=locks[0].name))
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(target, t("files.export_read_only"))


def write_atomically(path: str | os.PathLike, produce: Callable[[io.BytesIO], None]) -> Path:
    """Call `produce(buffer)` to build the file in memory, then put it at `path` atomically."""
    target = Path(path).expanduser()
    check_writable_target(target)
    buffer = io.BytesIO()
    produce(buffer)
    try:
        return write_bytes_atomically(target, buffer.getvalue())
    except SaveError as err:
        raise ExportError(target, err.why) from err
