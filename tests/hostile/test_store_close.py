"""A store that fails while it closes (the disk filled up) tells the first error, not a traceback."""

from __future__ import annotations

import sqlite3

import pytest

from drafter.store import Store
from drafter.store.errors import StoreError


def _disk_error() -> sqlite3.OperationalError:
    err = sqlite3.OperationalError("disk I/O error")
    err.sqlite_errorname = "SQLITE_IOERR_WRITE"  # as SQLite names it when a write fails
    return err


class _FailingJournal:
    """The index journal's last flush hits a full disk."""

    def close(self) -> None:
        raise _disk_error()


def test_closing_after_an_error_keeps_that_error_and_closes_the_file(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    store._journal = _FailingJournal()
    with pytest.raises(RuntimeError, match="first"), store:
        raise RuntimeError("first")
    with pytest.raises(sqlite3.ProgrammingError):
        store.conn.execute("SELECT 1")  # closed all the same


def test_a_failing_close_on_its_own_is_a_store_error_in_words(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    store._journal = _FailingJournal()
    with pytest.raises(StoreError) as caught:
        store.close()
    assert "磁盘" in str(caught.value) and "\n" not in str(caught.value)
