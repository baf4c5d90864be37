"""Bounded reads: every file drafter reads is checked for its type and size before a byte is read.

Only ordinary files are read: a named pipe would block forever, `/dev/zero` never ends, a folder is
not a plan. Sizes are checked on the open file (so a link swapped meanwhile cannot slip through) and
the read itself is capped. A .docx is a zip archive: the inflated sizes its members declare are checked
before python-docx touches it, and the parts it parses are inflated with a cap (a 1.6 MB "zip bomb"
can hold gigabytes). Every limit drafter puts on its input lives here.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, BinaryIO

from drafter.errors import UnreadableFile
from drafter.fsnames import storable
from drafter.messages import t

if TYPE_CHECKING:
    import zipfile  # only named in annotations: importing it costs every command ~10 ms

MiB = 2**20
MAX_FILE_BYTES = 50 * MiB  # a plan file on disk: .txt .md .html .docx
MAX_DOCX_PART_BYTES = 32 * MiB  # one part of a .docx once inflated (document.xml of a 300-page plan: ~5 MB)
MAX_DOCX_INFLATED_BYTES = 128 * MiB  # every part of a .docx together, inflated (images included)
MAX_DOCX_PARTS = 5000  # parts (zip members) in one .docx
CHUNK = MiB


def why_unreadable(err: OSError) -> str:
    """Why a file could not be opened or read, in words (no errno, no traceback)."""
    if err.errno in (errno.EACCES, errno.EPERM):
        return t("files.permission_denied")
    if err.errno == errno.ELOOP:
        return t("files.link_loop")
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        return t("files.not_found")
    if err.errno == errno.ENAMETOOLONG:
        return t("files.name_too_long")
    if err.errno == errno.EISDIR:
        return t("files.is_folder")
    return t("files.cannot_read", why=err.strerror or type(err).__name__)


def short_reason(err: OSError) -> str:
    """A few words for why a folder could not be opened."""
    if err.errno in (errno.EACCES, errno.EPERM):
        return t("files.no_permission")
    if err.errno in (errno.ENOTDIR, errno.EEXIST):
        return t("files.file_on_the_way")
    return why_unreadable(err)


def _refuse(path: str | os.PathLike, why: str) -> UnreadableFile:
    return UnreadableFile(storable(path), why)


def check_regular(path: str | os.PathLike) -> os.stat_result:
    """The file's status, if it is an ordinary file (links followed); else UnreadableFile saying why."""
    try:
        info = os.stat(path)
    except OSError as err:
        if err.errno == errno.ENOENT and os.path.islink(path):
            raise _refuse(path, t("files.broken_link")) from None
        raise _refuse(path, why_unreadable(err)) from None
    except ValueError:  # a NUL byte in the name
        raise _refuse(path, t("files.not_found")) from None
    _check_kind(path, info)
    return info


def _check_kind(path: str | os.PathLike, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise _refuse(path, t("files.is_folder"))
    if stat.S_ISFIFO(mode):
        raise _refuse(path, t("files.fifo"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise _refuse(path, t("files.device"))
    raise _refuse(path, t("files.not_regular"))


def _check_size(path: str | os.PathLike, size: int, limit: int) -> None:
    if size > limit:
        raise _refuse(path, t("files.too_big", size=f"{size / MiB:.0f}", limit=limit // MiB))


@contextmanager
def open_regular(path: str | os.PathLike, limit: int | None = None) -> Iterator[BinaryIO]:
    """An ordinary file of at most `limit` bytes (default MAX_FILE_BYTES), open for reading."""
    limit = MAX_FILE_BYTES if limit is None else limit
    check_regular(path)
    try:
        # O_NONBLOCK: should a pipe be swapped in after the check, opening it must not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise _refuse(path, why_unreadable(err)) from None
    handle = os.fdopen(fd, "rb")
    try:
        info = os.fstat(fd)
        _check_kind(path, info)
        _check_size(path, info.st_size, limit)
        yield handle
    finally:
        handle.close()


def read_bounded(path: str | os.PathLike, limit: int | None = None) -> bytes:
    """The bytes of an ordinary file, refused when bigger than `limit` (it may grow while read)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    with open_regular(path, limit) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as err:
            raise _refuse(path, why_unreadable(err)) from None
    _check_size(path, len(data), limit)
    return data


def hash_bounded(path: str | os.PathLike, limit: int | None = None) -> tuple[str, int]:
    """(SHA-256, size) of an ordinary file, read in chunks: never more than `limit` bytes."""
    limit = MAX_FILE_BYTES if limit is None else limit
    digest, size = hashlib.sha256(), 0
    with open_regular(path, limit) as handle:
        try:
            while chunk := handle.read(CHUNK):
                size += len(chunk)
                _check_size(path, size, limit)
                digest.update(chunk)
        except OSError as err:
            raise _refuse(path, why_unreadable(err)) from None
    return digest.hexdigest(), size


def check_docx_members(path: str | os.PathLike, archive: zipfile.ZipFile) -> None:
    """Refuse a .docx whose parts would inflate past the limits (declared sizes, then the XML parts
    python-docx parses, inflated for real with a cap: a member may lie about its size)."""
    members = archive.infolist()
    if len(members) > MAX_DOCX_PARTS:
        raise _refuse(path, t("files.docx_too_many_parts", count=len(members), limit=MAX_DOCX_PARTS))
    total = 0
    for member in members:
        _check_part(path, member.filename, member.file_size, MAX_DOCX_PART_BYTES)
        total += member.file_size
        _check_part(path, "*", total, MAX_DOCX_INFLATED_BYTES)
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            _inflate_with_cap(path, archive, member)


def _inflate_with_cap(path: str | os.PathLike, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    inflated = 0
    with archive.open(member) as stream:
        while chunk := stream.read(CHUNK):
            inflated += len(chunk)
            _check_part(path, member.filename, inflated, MAX_DOCX_PART_BYTES)


def _check_part(path: str | os.PathLike, name: str, size: int, limit: int) -> None:
    if size > limit:
        why = t("files.docx_too_big", member=name, size=f"{size / MiB:.0f}", limit=limit // MiB)
        raise _refuse(path, why)
