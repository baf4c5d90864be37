"""Store failures in words: a read-only store, a folder that cannot be made, a full disk.

SQLite names what went wrong (`SQLITE_READONLY_DIRECTORY`, `SQLITE_FULL` …); each name becomes one
line saying which file, what happened and what to do. Errors that are not about the store's file
(a bug in a query) are not translated: they stay what they are.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from drafter.errors import DrafterError
from drafter.fsnames import shown
from drafter.messages import t


class StoreError(DrafterError):
    """The store could not be opened, read or written; the message says what to do."""

    def __init__(self, message: str, path: str = "", code: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.code = code  # the SQLite error name, or the OS error's, when there is one


def store_error(err: sqlite3.Error, path: str) -> StoreError | None:
    """The words for a SQLite error about the store at `path`; None for errors of another kind."""
    name = getattr(err, "sqlite_errorname", "") or ""
    where = shown(path)
    if name == "SQLITE_READONLY_DIRECTORY":
        message = t("store.read_only_folder", path=where, folder=shown(_folder(path)))
    elif name.startswith("SQLITE_READONLY"):
        folder = _folder(path)
        if os.access(path, os.W_OK) and not os.access(folder, os.W_OK | os.X_OK):
            message = t("store.read_only_folder", path=where, folder=shown(folder))
        else:
            message = t("store.read_only_file", path=where)
    elif name.startswith("SQLITE_CANTOPEN"):
        message = _cannot_open(path, str(err))
    elif name == "SQLITE_FULL":
        message = t("store.disk_full", path=where)
    elif name.startswith("SQLITE_IOERR"):
        message = t("store.io_error", path=where)
    elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        message = t("store.busy", path=where)
    elif name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or (not name and isinstance(err, sqlite3.DatabaseError)
                                                        and "not a database" in str(err)):
        message = t("store.not_a_store", path=where, why=str(err))
    elif name.startswith(("SQLITE_PERM", "SQLITE_AUTH")):
        message = t("store.permission", path=where)
    else:
        return None
    return StoreError(message, str(path), name)


def folder_error(err: OSError, folder: Path, path: str) -> StoreError:
    """The store's folder could not be created."""
    from drafter.bounded import short_reason

    why = short_reason(err)
    message = t("store.folder_cannot_create", folder=shown(folder), why=why)
    return StoreError(message, path, type(err).__name__)


def _folder(path: str) -> Path:
    return Path(path).expanduser().absolute().parent


def _cannot_open(path: str, why: str) -> str:
    folder = _folder(path)
    if not folder.is_dir():
        return t("store.folder_missing", path=shown(path), folder=shown(folder))
    if not os.access(folder, os.W_OK | os.X_OK) and not Path(path).exists():
        return t("store.read_only_folder", path=shown(path), folder=shown(folder))
    if Path(path).is_dir():
        return t("store.is_folder", path=shown(path))
    return t("store.cannot_open", path=shown(path), why=why)
