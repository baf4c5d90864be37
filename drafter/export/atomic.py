"""Atomic file output: the bytes are built in memory, written to a temporary file beside the
target, then renamed over it. A failure at any point leaves the old file (or nothing), never half
a .docx, and is reported as one line naming the file and why."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

from drafter.atomic import SaveError, write_bytes_atomically
from drafter.errors import DrafterError


class ExportError(DrafterError):
    """An export that could not be written; the message names the file and the reason."""

    def __init__(self, path: str | os.PathLike, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = str(path)
        self.why = why


def lock_files(target: Path) -> list[Path]:
    """Owner files that Word/WPS (`~$name.docx`) and LibreOffice (`.~lock.name.docx#`) keep beside a
    document while it is open. (On Windows an open file also refuses the rename itself.)"""
    candidates = [target.with_name(f".~lock.{target.name}#"), target.with_name(f"~${target.name[2:]}")]
    candidates.append(target.with_name(f"~${target.name}"))
    return [c for c in candidates if c.exists()]


def check_writable_target(target: Path) -> None:
    parent = target.parent
    if not parent.exists():
        raise ExportError(target, f"folder {parent} does not exist")
    if not parent.is_dir():
        raise ExportError(target, f"{parent} is not a folder")
    if target.is_dir():
        raise ExportError(target, "is a folder, not a file name")
    locks = lock_files(target)
    if locks:
        raise ExportError(target, f"is open in another program ({locks[0].name} exists); close it and retry")
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(target, "is read-only")


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
