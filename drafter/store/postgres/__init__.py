"""The server corpus store: one corpus for a whole office, on PostgreSQL, behind `CorpusStore`.

    DRAFTER_DB=postgresql://drafter@server/corpus drafter ingest ~/方案/

`PostgresStore(url)` checks the server (reachable, login, version, a drafter schema: see
`connect`), then works through a connection pool shared by the process's stores. Every write is
one transaction (a reader never sees half a document), and a multi-statement read is one
REPEATABLE READ snapshot. Search runs in the database (`search`): the words are drafter's, cut by
the same segmenter as the local store's, so the same query finds the same paragraphs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from drafter.store.generic import StoreHelpers
from drafter.store.interface import DocFilter, Facets, Versions
from drafter.store.postgres import read, write
from drafter.store.postgres.connect import parse_server, pool, probe, server_error
from drafter.store.postgres.schema import check, search_index
from drafter.store.types import READ, DocSummary, Hit, IngestResult, SourceFile, StoredParagraph, StoredTask

if TYPE_CHECKING:
    import psycopg

    from drafter.corpus.ingest import IngestReport, Progress
    from drafter.model import Document
    from drafter.store.files import FileJob

RETRIES = 5  # a write transaction chosen as a deadlock victim is run again
RETOKENIZE_BATCH = 50  # documents per transaction when the segmenter changed


class PostgresStore(StoreHelpers):
    """A drafter store in a PostgreSQL database (made with `drafter store init`)."""

    def __init__(self, url: str) -> None:
        self.server = parse_server(url)
        self.location = self.server.shown
        import psycopg

        first = probe(self.server)
        try:
            check(first, self.location, self.server.user)
            self.index_kind = search_index(first)
        except psycopg.Error as err:  # no right to read drafter's tables, a server gone meanwhile …
            raise server_error(self.server, err) from None
        finally:
            first.close()
        self._pool = pool(self.server)

    def close(self) -> None:
        """Give the store up (the process's pool keeps its connections for the next store)."""

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def connection(self, snapshot: bool = False) -> Iterator[psycopg.Connection]:
        """A pooled connection; `snapshot`: inside one REPEATABLE READ transaction (consistent reads)."""
        import psycopg

        try:
            with self._pool.connection() as conn:
                if not snapshot:
                    yield conn
                    return
                with conn.transaction():
                    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    yield conn
        except psycopg.Error as err:
            raise server_error(self.server, err) from err

    def transaction(self, work: Callable[[psycopg.Connection], object]) -> object:
        """Run `work(conn)` in one write transaction, again if the server chose it as a deadlock victim."""
        import psycopg

        from drafter.store.postgres.bm25 import forget

        forget(self.server.url)  # what this process writes, its next search counts
        for attempt in range(RETRIES):
            try:
                with self._pool.connection() as conn, conn.transaction():
                    return work(conn)
            except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                if attempt == RETRIES - 1:
                    raise
            except psycopg.Error as err:
                raise server_error(self.server, err) from err
        raise AssertionError("unreachable")

    # -- writing ---------------------------------------------------------------------------------

    def add_file(self, path: str | os.PathLike) -> IngestResult:
        from drafter.store import files

        job = files.hash_file(path)
        return self.unchanged(job) or self.commit([files.read_file_job(job)])[0]

    def unchanged(self, job: FileJob) -> IngestResult | None:
        with self.connection() as conn:
            return write.unchanged(conn, job)

    def commit(self, jobs: list[FileJob]) -> list[IngestResult]:
        """Record read files in one transaction, in content-hash order: two machines writing batches
        that share files take the rows' locks in the same order, so they wait, never deadlock."""
        order = sorted(range(len(jobs)), key=lambda n: jobs[n].sha256)
        done = self.transaction(lambda conn: [write.record(conn, jobs[n]) for n in order])
        results: list[IngestResult] = [None] * len(jobs)  # type: ignore[list-item]
        for n, result in zip(order, done):
            results[n] = result
        return results

    def add_documents(self, documents: list[Document]) -> list[int]:
        """Store documents that come from no file (built in code, or a draft); returns their ids."""
        from drafter.store.write import prepare

        prepared = prepare(documents)
        return self.transaction(lambda conn: write.write_documents(conn, None, prepared))

    def source_files(self) -> list[SourceFile]:
        with self.connection() as conn:
            return read.source_files(conn)

    def file_documents(self, file_id: int) -> list[int]:
        with self.connection() as conn:
            return [
                r[0]
                for r in conn.execute("SELECT id FROM documents WHERE file_id = %s ORDER BY id", (file_id,))
            ]

    # -- reading ---------------------------------------------------------------------------------

    def count_documents(self, where: DocFilter | None = None) -> int:
        with self.connection() as conn:
            return read.count(conn, where)

    def list_documents(self, where: DocFilter | None = None, *, offset: int = 0, limit: int | None = None,
                       order: str = "id") -> list[DocSummary]:  # fmt: skip
        with self.connection() as conn:
            return read.summaries(conn, where, offset=offset, limit=limit, order=order)

    def facets(self) -> Facets:
        with self.connection(snapshot=True) as conn:
            return read.facets_of(conn)

    def summary(self, doc_id: int) -> DocSummary:
        with self.connection() as conn:
            return read.summary(conn, int(doc_id))

    def get_document(self, doc_id: int) -> Document:
        with self.connection(snapshot=True) as conn:
            return read.load_document(conn, int(doc_id))

    def paragraphs(self, doc_id: int) -> list[StoredParagraph]:
        with self.connection(snapshot=True) as conn:
            return read.stored_paragraphs(conn, int(doc_id))

    def tasks(self, where: DocFilter | None = None, *, lead: str | None = None, offset: int = 0,
              limit: int | None = None) -> list[StoredTask]:  # fmt: skip
        import json

        sql, params = read.tasks_sql(where, lead, offset, limit)
        with self.connection(snapshot=True) as conn:
            rows = conn.execute(sql, params).fetchall()
            paths = read.heading_paths(conn, sorted({r[1] for r in rows}))
        return [StoredTask(r[0], r[1], r[2], (paths.get(r[3]) or [""])[-1], r[4], r[5], json.loads(r[6] or "[]"), r[7])
                for r in rows]  # fmt: skip

    def resolve(self, name_or_id: str | int) -> int:
        """A document id from an id (`12`, `corpus:12`) or a name (`哈尔滨`, part of a title)."""
        from drafter.store.resolve import parse_id

        doc_id = name_or_id if isinstance(name_or_id, int) else parse_id(str(name_or_id))
        if doc_id is None:
            return self.resolve_name(str(name_or_id))
        with self.connection() as conn:
            if not conn.execute("SELECT 1 FROM documents WHERE id = %s", (doc_id,)).fetchone():
                raise read.not_found(doc_id)
        return doc_id

    # -- search and similarity -------------------------------------------------------------------

    def search(self, query: str, limit: int = 20, where: DocFilter | None = None) -> list[Hit]:
        from drafter.store.postgres.search import search

        with self.connection(snapshot=True) as conn:
            return search(conn, query, limit, where, self.index_kind == "rum", self.server.url)

    def update_index(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Cut again the words of documents an older segmenter cut (the index is the database's own,
        so nothing else is ever pending)."""
        from drafter.text.tokens import segmenter_version

        current = segmenter_version()
        with self.connection() as conn:
            stale = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM documents WHERE segmenter <> %s ORDER BY id", (current,)
                )
            ]
        for start in range(0, len(stale), RETOKENIZE_BATCH):
            batch = stale[start : start + RETOKENIZE_BATCH]
            self.transaction(lambda conn, batch=batch: write.retokenize(conn, batch))
            if progress:
                progress(min(start + RETOKENIZE_BATCH, len(stale)), len(stale))
        return True

    def signatures(self, where: DocFilter | None = None) -> tuple[list[int], bytes]:
        sql, params = read.where_sql(where)
        with self.connection() as conn:
            rows = conn.execute(
                f"SELECT d.id, d.minhash FROM documents d WHERE true{sql} ORDER BY d.id", params
            )
            pairs = rows.fetchall()
        return [r[0] for r in pairs], b"".join(bytes(r[1]) for r in pairs)

    # -- versions and meta -----------------------------------------------------------------------

    def versions(self) -> Versions:
        import socket

        from drafter.reader import PARSER_VERSION
        from drafter.text.tokens import segmenter_version

        with self.connection() as conn:
            stale = conn.execute(
                "SELECT count(*) FROM source_files WHERE status = %s AND parser IS DISTINCT FROM %s AND host = %s",
                (READ, PARSER_VERSION, socket.gethostname()),
            ).fetchone()[0]
            recut = conn.execute(
                "SELECT 1 FROM documents WHERE segmenter <> %s LIMIT 1", (segmenter_version(),)
            )
            recut_any = recut.fetchone() is not None
            return Versions(stale, recut_any, 0, "segmenter" if recut_any else "")

    def upgrade(self, progress: Progress | None = None) -> IngestReport:
        """Re-read the files this machine ingested that an older parser read (another machine's
        files wait for that machine), then cut again what an older segmenter cut."""
        import socket

        from drafter.corpus.ingest import IngestReport, ingest_paths
        from drafter.reader import PARSER_VERSION

        with self.connection() as conn:
            stale = [r[0] for r in conn.execute(
                "SELECT path FROM source_files WHERE status = %s AND parser IS DISTINCT FROM %s AND host = %s"
                " ORDER BY id", (READ, PARSER_VERSION, socket.gethostname()))]  # fmt: skip
        report = (
            ingest_paths(self, [p for p in stale if os.path.exists(p)], progress=progress)
            if stale
            else IngestReport()
        )
        self.update_index((lambda done, total: progress(done, total, None)) if progress else None)
        return report

    def ensure_default_corpus(self, progress: Progress | None = None) -> IngestReport | None:
        """The bundled plans, once, by the first user who may write: one who may only read uses the
        store as it is."""
        from drafter.reader import PARSER_VERSION
        from drafter.store.interface import DEFAULT_CORPUS_KEY

        if self.meta(DEFAULT_CORPUS_KEY) == PARSER_VERSION:
            return None
        with self.connection() as conn:
            if not conn.execute("SELECT has_table_privilege('source_files', 'INSERT')").fetchone()[0]:
                return None
        return super().ensure_default_corpus(progress)

    def meta(self, key: str) -> str | None:
        with self.connection() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.connection() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES (%s, %s)"
                         " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (key, value))  # fmt: skip
