"""The corpus store: plans, their outlines and a search index, behind one interface.

    from drafter.store import open_store
    with open_store(args.db) as store:          # SQLite file, or a PostgreSQL server
        page = store.page(DocFilter(region="山东"), offset=0, limit=100)
        hits = store.search("取消药品加成", where=DocFilter(year_from=2017))

`open_store(location)` chooses the backend from the location (`drafter.store.location`); the rest
of drafter only sees `CorpusStore` (`drafter.store.interface`). Importing this package is cheap:
backends load when a store is opened.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from drafter.store.interface import DEFAULT_CORPUS_KEY, CorpusStore, DocFilter, Facets, Page, Versions

if TYPE_CHECKING:
    from drafter.corpus.ingest import Progress

__all__ = [
    "DEFAULT_CORPUS_KEY", "CorpusStore", "DocFilter", "Facets", "Page", "Store", "Versions", "connect_store",
    "open_store",
]  # fmt: skip


def connect_store(location: str | os.PathLike | None = None) -> CorpusStore:
    """The store at `location` (`--db`; None: `DRAFTER_DB`, then the data folder), created if need be,
    without the bundled corpus (see `open_store`)."""
    from drafter.store.location import parse

    where = parse(location)
    if where.backend == "postgresql":
        from drafter.store.postgres import PostgresStore

        return PostgresStore(where.target)
    from drafter.store.sqlite import Store

    return Store.open(where.target)


def open_store(location: str | os.PathLike | None = None, progress: Progress | None = None) -> CorpusStore:
    """The store at `location` with the bundled corpus in it (ingested on first use)."""
    store = connect_store(location)
    try:
        store.ensure_default_corpus(progress)
    except BaseException:
        store.close()
        raise
    return store


def __getattr__(name: str):  # noqa: ANN202 - `from drafter.store import Store`, loaded when asked for
    if name == "Store":
        from drafter.store.sqlite import Store

        return Store
    raise AttributeError(name)
