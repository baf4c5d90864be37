"""The corpus store: plans, their outlines and a full-text index, in one SQLite file.

Everything else in drafter talks to the corpus through `CorpusStore` (add documents, search, get
documents and sections), so a shared server store (PostgreSQL for a whole office) can stand in for
this embedded one later. `Store` is the SQLite implementation: WAL mode, one writer, schema versioned
with `PRAGMA user_version`. A `Store` object is meant for one thread at a time; a worker thread that
ingests should open its own (WAL lets it write while others read).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

from drafter.corpus import store_files
from drafter.corpus.store_errors import folder_error, store_error
from drafter.corpus.store_read import load_document, summaries, summary
from drafter.corpus.store_resolve import parse_id, resolve_name
from drafter.corpus.store_schema import connect
from drafter.corpus.store_types import DocSummary, Hit, IngestResult
from drafter.corpus.store_write import prepare, write_documents
from drafter.errors import NotFound
from drafter.model import Document, Section

if TYPE_CHECKING:
    from drafter.corpus.ingest import IngestReport, Progress

DEFAULT_CORPUS_KEY = "default_corpus_ingested"


class CorpusStore(Protocol):
    """What the rest of drafter may ask of a corpus store."""

    def add_file(self, path: str | os.PathLike) -> IngestResult: ...
    def add_documents(self, documents: list[Document]) -> list[int]: ...
    def list_documents(self) -> list[DocSummary]: ...
    def summary(self, doc_id: int) -> DocSummary: ...
    def get_document(self, doc_id: int) -> Document: ...
    def iter_documents(self) -> Iterator[tuple[DocSummary, Document]]: ...
    def search(self, query: str, limit: int = 20) -> list[Hit]: ...
    def resolve(self, name_or_id: str | int) -> int: ...
    def sections_of_kind(self, kind: str) -> list[tuple[DocSummary, Section]]: ...


class Store:
    """The SQLite corpus store. `Store(':memory:')` for a private, throwaway one."""

    def __init__(self, path: str | os.PathLike = ":memory:") -> None:
        self.path = str(path)
        self.conn: sqlite3.Connection = connect(self.path)
        self._in_transaction = False

    @classmethod
    def open(cls, db: str | os.PathLike | None = None) -> Store:
        """The user's store (`--db`, then `DRAFTER_DB`, then the data dir), created if needed."""
        from drafter.paths import locations, private_dir

        path = locations(db).db_path
        try:
            private_dir(path.parent)
        except OSError as err:
            raise folder_error(err, path.parent, str(path)) from err
        _create_private(path)
        return cls(path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (nested calls join the outer one)."""
        if self._in_transaction:
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_transaction = True
            try:
                yield self.conn
            except BaseException:
                self._rollback()
                raise
            else:
                self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            raise (store_error(err, self.path) or err) from err
        finally:
            self._in_transaction = False

    def _rollback(self) -> None:
        """Undo the open transaction; SQLite may have rolled back already (a full disk), or the
        rollback itself may fail on a failing disk: the error that got us here is the one to report."""
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    # -- writing -----------------------------------------------------------------------------

    def add_file(self, path: str | os.PathLike) -> IngestResult:
        """Read one file into the store (see `drafter.corpus.ingest` for many, with progress)."""
        job = store_files.hash_file(path)
        same = self.unchanged(job)
        if same:
            return same
        return self.commit([store_files.read_file_job(job)])[0]

    def unchanged(self, job: store_files.FileJob) -> IngestResult | None:
        return store_files.unchanged(self.conn, job)

    def commit(self, jobs: list[store_files.FileJob]) -> list[IngestResult]:
        """Record read files in one transaction."""
        with self.transaction() as conn:
            return [store_files.record(conn, job) for job in jobs]

    def add_documents(self, documents: list[Document]) -> list[int]:
        """Store documents that come from no file (built in code, or a draft); returns their ids."""
        prepared = prepare(documents)
        with self.transaction() as conn:
            return write_documents(conn, None, prepared)

    # -- reading -----------------------------------------------------------------------------

    def list_documents(self) -> list[DocSummary]:
        return summaries(self.conn)

    def summary(self, doc_id: int) -> DocSummary:
        return summary(self.conn, doc_id)

    def get_document(self, doc_id: int) -> Document:
        """The document rebuilt with its sections, bodies and tasks; `source` is `corpus:ID`."""
        return load_document(self.conn, int(doc_id))

    def iter_documents(self) -> Iterator[tuple[DocSummary, Document]]:
        for doc in self.list_documents():
            yield doc, self.get_document(doc.id)

    def count_documents(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def source_files(self) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM source_files ORDER BY id").fetchall()

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        from drafter.corpus.search import search

        return search(self.conn, query, limit)

    def resolve(self, name_or_id: str | int) -> int:
        """A document id from an id (`12`, `corpus:12`) or a name (`哈尔滨`, part of a title)."""
        doc_id = name_or_id if isinstance(name_or_id, int) else parse_id(str(name_or_id))
        if doc_id is not None:
            if not self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                raise NotFound(f"no document {doc_id} in the corpus (see `drafter corpus list`)")
            return doc_id
        return resolve_name(str(name_or_id), self.list_documents())

    def sections_of_kind(self, kind: str) -> list[tuple[DocSummary, Section]]:
        """Every section of this kind (nested ones too: filter on `level`), in corpus order."""
        doc_ids = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT document_id FROM sections WHERE kind = ? ORDER BY document_id", (kind,)
        )]  # fmt: skip
        out = []
        for doc_id in doc_ids:
            doc_summary, document = self.summary(doc_id), self.get_document(doc_id)
            out += [(doc_summary, s) for s in document.walk() if s.kind == kind]
        return out

    # -- the bundled corpus ------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def ensure_default_corpus(self, progress: Progress | None = None) -> IngestReport | None:
        """On first use (and after a parser upgrade), ingest the bundled seed plans; None when
        they are already in the store as this parser reads them."""
        from drafter.reader import PARSER_VERSION

        if self.meta(DEFAULT_CORPUS_KEY) == PARSER_VERSION:
            return None
        from drafter.corpus.ingest import ingest_paths
        from drafter.resources import corpus_files

        report = ingest_paths(self, corpus_files(), progress=progress)
        if report.read or report.unchanged:  # all skipped (a broken install): try again next time
            self.set_meta(DEFAULT_CORPUS_KEY, PARSER_VERSION)
        return report


def _create_private(path: os.PathLike) -> None:
    """A new store file is the user's own: 0600 (SQLite gives its journal files the same mode)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:  # it exists, or cannot be made: opening it says which, in words
        pass


def open_store(db: str | os.PathLike | None = None, progress: Callable | None = None) -> Store:
    """The user's store with the bundled corpus in it (ingested on first use)."""
    store = Store.open(db)
    store.ensure_default_corpus(progress)
    return store
