"""The SQLite corpus store: plans and their outlines in one SQLite file, a tantivy index beside it.

`Store` implements `drafter.store.interface.CorpusStore`: WAL mode, one writer, schema versioned
with `PRAGMA user_version`. The search index (`drafter.store.index`) is opened on first use — a
command that only lists never pays for it — and kept in step through the journal
(`drafter.store.index_sync`). A `Store` object is meant for one thread at a time; a worker thread
that ingests should open its own (WAL lets it write while others read).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import NotFound
from drafter.model import Document
from drafter.store import files as store_files
from drafter.store import index_sync
from drafter.store.errors import StoreError, folder_error, store_error
from drafter.store.generic import StoreHelpers
from drafter.store.interface import DocFilter, Facets, Versions
from drafter.store.read import (
    count,
    heading_paths,
    load_document,
    stored_paragraph_texts,
    stored_paragraphs,
    summaries,
    summary,
    where_sql,
)
from drafter.store.resolve import parse_id, resolve_name
from drafter.store.schema import connect
from drafter.store.types import READ, DocSummary, Hit, IngestResult, SourceFile, StoredParagraph, StoredTask
from drafter.store.write import prepare, write_documents

if TYPE_CHECKING:
    from drafter.corpus.ingest import IngestReport, Progress
    from drafter.store.index import SearchIndex

INDEX_SUFFIX = ".index"


class Store(StoreHelpers):
    """The SQLite corpus store. `Store(':memory:')` for a private, throwaway one."""

    def __init__(self, path: str | os.PathLike = ":memory:") -> None:
        self.path = str(path)
        self.location = self.path
        self.conn: sqlite3.Connection = connect(self.path)
        self._in_transaction = False
        self._index: SearchIndex | None = None
        self._journal: index_sync.Journal | None = None

    @classmethod
    def open(cls, db: str | os.PathLike | None = None) -> Store:
        """The user's store (`--db`, then `DRAFTER_DB`, then the data dir), created if needed."""
        from drafter.paths import private_dir
        from drafter.store.location import sqlite_path

        path = sqlite_path(db)
        try:
            private_dir(path.parent)
        except OSError as err:
            raise folder_error(err, path.parent, str(path)) from err
        _create_private(path)
        return cls(path)

    def close(self) -> None:
        journal, self._journal, self._index = self._journal, None, None
        try:
            if journal is not None:
                journal.close()  # the last index commit; the journal rows it covers go
        except sqlite3.Error as err:
            raise (store_error(err, self.path) or err) from err
        finally:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        try:
            self.close()
        except (sqlite3.Error, StoreError):
            if exc_type is None:
                raise
            # Already failing (a full disk): that first error is the one to tell. What the index did
            # not get is still journalled, so the next open repairs it.

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

    # -- the search index ------------------------------------------------------------------------

    @property
    def index_path(self) -> Path | None:
        return None if self.path == ":memory:" else Path(self.path + INDEX_SUFFIX)

    def index(self, *, apply: bool = True) -> SearchIndex:
        """The search index, opened and checked against the store on first use (a rebuild or a
        repair is journalled, and applied unless `apply` is False)."""
        if self._index is None:
            from drafter.store.index import SearchIndex

            self._index = SearchIndex(self.index_path)
            self._journal = index_sync.Journal(self.conn, self._index)
            if index_sync.check(self.conn, self._index) and apply:
                self._journal.apply(flush=True)
        return self._index

    def sync_index(
        self, ready: dict | None = None, progress: Callable[[int, int], None] | None = None, flush: bool = False
    ) -> bool:
        """Apply the index journal (`ready`: entries already built for some documents; `flush`:
        commit the index now); False when another process holds the index writer (the journal then
        waits for the next sync)."""
        self.index(apply=False)
        return self._journal.apply(ready, progress, flush)

    # -- writing ---------------------------------------------------------------------------------

    def add_file(self, path: str | os.PathLike) -> IngestResult:
        """Read one file into the store (see `drafter.corpus.ingest` for many, with progress)."""
        job = store_files.hash_file(path)
        same = self.unchanged(job)
        if same:
            return same
        result = self.commit([store_files.read_file_job(job)])[0]
        self.sync_index(flush=True)
        return result

    def unchanged(self, job: store_files.FileJob) -> IngestResult | None:
        return store_files.unchanged(self.conn, job)

    def commit(self, jobs: list[store_files.FileJob]) -> list[IngestResult]:
        """Record read files in one transaction, then hand their entries to the index (which
        commits every few seconds, and at `update_index` or `close`)."""
        entries: dict = {}
        with self.transaction() as conn:
            results = [store_files.record(conn, job, entries) for job in jobs]
        self.sync_index(entries)
        return results

    def add_documents(self, documents: list[Document]) -> list[int]:
        """Store documents that come from no file (built in code, or a draft); returns their ids."""
        prepared = prepare(documents)
        entries: dict = {}
        with self.transaction() as conn:
            ids = write_documents(conn, None, prepared, entries=entries)
        self.sync_index(entries, flush=True)
        return ids

    def source_files(self) -> list[SourceFile]:
        rows = self.conn.execute(
            "SELECT id, path, sha256, size, ingested_at, status, why, parser FROM source_files ORDER BY id"
        )
        return [SourceFile(*r) for r in rows]

    def file_documents(self, file_id: int) -> list[int]:
        rows = self.conn.execute("SELECT id FROM documents WHERE file_id = ? ORDER BY id", (file_id,))
        return [r[0] for r in rows]

    # -- reading ---------------------------------------------------------------------------------

    def count_documents(self, where: DocFilter | None = None) -> int:
        return count(self.conn, where)

    def list_documents(
        self, where: DocFilter | None = None, *, offset: int = 0, limit: int | None = None, order: str = "id"
    ) -> list[DocSummary]:
        return summaries(self.conn, where, offset=offset, limit=limit, order=order)

    def facets(self) -> Facets:
        from drafter.store.facets import facets

        return facets(self.conn)

    def summary(self, doc_id: int) -> DocSummary:
        return summary(self.conn, doc_id)

    def get_document(self, doc_id: int) -> Document:
        """The document rebuilt with its sections, bodies and tasks; `source` is `corpus:ID`."""
        return load_document(self.conn, int(doc_id))

    def paragraphs(self, doc_id: int) -> list[StoredParagraph]:
        return stored_paragraphs(self.conn, int(doc_id))

    def paragraph_texts(self, doc_id: int) -> list[str]:
        return stored_paragraph_texts(self.conn, int(doc_id))

    def tasks(
        self, where: DocFilter | None = None, *, lead: str | None = None, offset: int = 0, limit: int | None = None
    ) -> list[StoredTask]:
        import json

        sql, params = where_sql(where)
        if lead:
            sql = f"{sql} {'AND' if sql else 'WHERE'} t.lead LIKE ?"
            params = [*params, f"%{lead}%"]
        rows = self.conn.execute(
            "SELECT t.id, t.document_id, d.region, t.section_id, t.text, t.lead, t.partners, t.deadline"
            f" FROM tasks t JOIN documents d ON d.id = t.document_id {sql}"
            f" ORDER BY t.id LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}",
            params,
        ).fetchall()
        paths = heading_paths(self.conn, sorted({r["document_id"] for r in rows}))
        return [
            StoredTask(r["id"], r["document_id"], r["region"], (paths.get(r["section_id"]) or [""])[-1], r["text"],
                       r["lead"], json.loads(r["partners"] or "[]"), r["deadline"])  # fmt: skip
            for r in rows
        ]

    def resolve(self, name_or_id: str | int) -> int:
        """A document id from an id (`12`, `corpus:12`) or a name (`哈尔滨`, part of a title)."""
        doc_id = name_or_id if isinstance(name_or_id, int) else parse_id(str(name_or_id))
        if doc_id is not None:
            if not self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                from drafter.messages import t

                raise NotFound(t("store_backend.no_document", id=doc_id))
            return doc_id
        name = str(name_or_id).strip()
        # The names a region prefix or a title part designates, found in SQL; a fuzzy look at
        # every document only when nothing matches that way.
        near = self.list_documents(DocFilter(region=name)) + self.list_documents(DocFilter(text=name)) if name else []
        return resolve_name(name, list({d.id: d for d in near}.values()) or self.list_documents())

    # -- search and similarity -------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, where: DocFilter | None = None) -> list[Hit]:
        from drafter.store.search import search

        self.sync_index(flush=True)  # what this store wrote, and any journal left over, first
        return search(self.conn, self.index(), query, limit, where)

    def update_index(self, progress: Callable[[int, int], None] | None = None) -> bool:
        return self.sync_index(progress=progress, flush=True)

    def signatures(self, where: DocFilter | None = None) -> tuple[list[int], bytes]:
        sql, params = where_sql(where)
        # CROSS JOIN: signatures read in id order, each document looked up by its key. SQLite's own
        # plan went through the doc_type index and sorted 95,000 signatures (340 ms at 100,000 plans,
        # 200 ms this way; a filter keeping 100 of them: 45 ms its way, 53 ms this way).
        rows = self.conn.execute(
            "SELECT s.document_id, s.minhash FROM signatures s CROSS JOIN documents d ON d.id = s.document_id"
            f" {sql} ORDER BY s.document_id",
            params,
        ).fetchall()
        return [r[0] for r in rows], b"".join(r[1] for r in rows)

    # -- versions --------------------------------------------------------------------------------

    def versions(self) -> Versions:
        from drafter.reader import PARSER_VERSION
        from drafter.store.index import SearchIndex
        from drafter.text.tokens import segmenter_version

        stale = self.conn.execute(
            "SELECT count(*) FROM source_files WHERE status = ? AND (parser IS NULL OR parser != ?)",
            (READ, PARSER_VERSION),
        ).fetchone()[0]
        sid, segmenter, documents = index_sync.store_id(self.conn), segmenter_version(), self.count_documents()
        if self._index is not None:
            unfit = self._index.unfit_for(sid, segmenter, documents)
        else:
            label = SearchIndex.label(self.index_path) if self.index_path is not None else {}
            unfit = SearchIndex.unfit(label, sid, segmenter, documents)
        unfit = unfit if documents > 0 else None
        return Versions(stale, unfit is not None, index_sync.pending(self.conn), unfit or "")

    def upgrade(self, progress: Progress | None = None) -> IngestReport:
        from drafter.store.upgrade import upgrade

        return upgrade(self, progress)

    # -- the bundled corpus and meta -------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def _create_private(path: os.PathLike) -> None:
    """A new store file is the user's own: 0600 (SQLite gives its journal files the same mode)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:  # it exists, or cannot be made: opening it says which, in words
        pass
