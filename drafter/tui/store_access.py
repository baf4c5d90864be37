"""Opening the store from a worker thread.

SQLite connections belong to the thread that opened them, and every Textual thread worker runs in a
thread of its own, so each background operation opens the store itself (cheap: one file open).
"""

from __future__ import annotations

import importlib.util
from typing import Any

from drafter.errors import DrafterError


class StoreUnavailable(DrafterError):
    """The store module has not landed yet (or failed to import)."""


def store_available() -> bool:
    return importlib.util.find_spec("drafter.store") is not None


def open_store(db: str | None) -> Any:
    """The store `db` names (`drafter.store.connect_store`: SQLite, or a server when it is built)."""
    if not store_available():
        raise StoreUnavailable("the corpus store is not available yet")
    from drafter.store import connect_store

    return connect_store(db)


def search(db: str | None, query: str, limit: int = 30, where: Any = None) -> list[Any]:
    """The store's own search (the same call as `drafter corpus search`), filtered by the store."""
    store = open_store(db)
    try:
        return list(store.search(query, limit=limit, where=where))
    finally:
        close = getattr(store, "close", None)
        if close:
            close()
