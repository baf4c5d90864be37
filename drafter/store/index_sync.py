"""Keeping the search index in step with the SQLite store, which is the truth.

Every write that adds or removes documents journals their ids in `index_dirty` inside its own
transaction. `Journal.apply` then writes (or removes) those documents' index entries; once the index
has committed them, the journal rows it handled are removed — each only if no later change
re-marked it (`seq`). A process killed at any point leaves journal rows behind, never an index ahead of the
store; the next open applies them. An index that is missing, damaged, belongs to another store,
was cut by another segmenter or is in fewer parts than the store's size wants is emptied and every
document journalled again (a rebuild).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from drafter.store.assemble import joined_text
from drafter.store.index import Entry, IndexBusy, SearchIndex
from drafter.store.schema import rows_of
from drafter.store.write import places_of
from drafter.text.tokens import index_words

BATCH = 256  # documents read back from the store at a time while applying the journal
FLUSH_SECONDS = 10.0  # an index commit at most this often while writing goes on
FLUSH_DOCUMENTS = 5000  # … or after this many documents (a rebuild commits as it goes)
STORE_ID_KEY = "store_id"


def store_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (STORE_ID_KEY,)).fetchone()
    if row:
        return row[0]
    import uuid  # here: importing it costs every command ~5 ms, and a store needs one id once

    new = uuid.uuid4().hex
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (STORE_ID_KEY, new))
    return conn.execute("SELECT value FROM meta WHERE key = ?", (STORE_ID_KEY,)).fetchone()[0]


def check(conn: sqlite3.Connection, index: SearchIndex) -> bool:
    """Make sure the index is this store's and holds its documents; returns True when a rebuild or
    a repair was journalled (the caller then applies the journal)."""
    from drafter.text.tokens import segmenter_version

    sid = store_id(conn)
    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    if not index.belongs_to(sid, segmenter_version(), stored):  # another's, another cut, outgrown
        index.reset(sid, segmenter_version(), stored)
        journal_all(conn)
        return True
    if conn.execute("SELECT 1 FROM index_dirty LIMIT 1").fetchone():
        return True
    if index.doc_count() == stored:
        return False
    # Counts differ with nothing journalled (an index folder restored from a backup, say): journal
    # exactly the documents on which they disagree.
    ids = {r[0] for r in conn.execute("SELECT id FROM documents")}
    _journal(conn, sorted(ids ^ index.doc_ids()))
    return True


def journal_all(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO index_dirty (document_id, seq) SELECT id, 1 FROM documents WHERE true"
        " ON CONFLICT(document_id) DO UPDATE SET seq = index_dirty.seq + 1"
    )


def _journal(conn: sqlite3.Connection, doc_ids: list[int]) -> None:
    from drafter.store.write import mark_dirty

    conn.execute("BEGIN IMMEDIATE")
    try:
        mark_dirty(conn, doc_ids)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def pending(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM index_dirty").fetchone()[0]


class Journal:
    """Applies the journal to the index. Entries go to the index writer at once; the index commits
    (and the journal rows it covered are removed) at most every FLUSH_SECONDS, at `flush` and at
    `close` — an index commit costs far more than a store transaction, and the journal keeps
    everything safe in between."""

    def __init__(self, conn: sqlite3.Connection, index: SearchIndex) -> None:
        self.conn = conn
        self.index = index
        self.written: dict[int, int] = {}  # document id → journal seq, in the writer but not committed
        self.flushed_at = time.monotonic()

    def apply(
        self,
        ready: dict[int, list[Entry]] | None = None,
        progress: Callable[[int, int], None] | None = None,
        flush: bool = False,
    ) -> bool:
        """Write the journalled documents (`ready`: entries already built for some of them); False
        when another process holds the index writer (the journal then waits)."""
        rows = [(d, seq) for d, seq in self.conn.execute("SELECT document_id, seq FROM index_dirty ORDER BY document_id")
                if self.written.get(d) != seq]  # fmt: skip
        if rows:
            try:
                self.index.writer()
            except IndexBusy:
                return False
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            _apply_batch(self.conn, self.index, [d for d, _ in batch], ready or {})
            self.written.update(batch)
            if progress:
                progress(start + len(batch), len(rows))
            if len(self.written) >= FLUSH_DOCUMENTS:
                self.flush()
        if flush or time.monotonic() - self.flushed_at > FLUSH_SECONDS:
            self.flush()
        return True

    def flush(self) -> None:
        """Commit the index, then drop the journal rows it now covers (unless re-marked since)."""
        self.flushed_at = time.monotonic()
        if not self.written:
            return
        self.index.commit()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.executemany("DELETE FROM index_dirty WHERE document_id = ? AND seq = ?", list(self.written.items()))
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        self.written.clear()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.index.release()  # the writer's lock goes even when the flush failed (disk full)


def _apply_batch(conn: sqlite3.Connection, index: SearchIndex, doc_ids: list[int], ready: dict[int, list[Entry]]) -> None:
    index.delete(doc_ids)
    marks = ",".join("?" * len(doc_ids))
    existing = [r[0] for r in conn.execute(f"SELECT id FROM documents WHERE id IN ({marks}) ORDER BY id", doc_ids)]
    missing = [d for d in existing if d not in ready]
    built = entries_from_store(conn, missing) if missing else {}
    for doc_id in existing:
        index.add(doc_id, ready.get(doc_id) or built.get(doc_id, []))


def entries_from_store(conn: sqlite3.Connection, doc_ids: list[int]) -> dict[int, list[Entry]]:
    """Index entries rebuilt from the stored text (the segmenter runs again)."""
    marks = ",".join("?" * len(doc_ids))
    docs = {
        r["id"]: r
        for r in conn.execute(
            "SELECT d.id, x.text, x.extra, d.region, d.province, d.year, d.doc_type, d.level FROM documents d"
            f" JOIN texts x ON x.document_id = d.id WHERE d.id IN ({marks})",
            doc_ids,
        )
    }
    kinds = _section_kinds(conn, list(docs))
    paragraphs: dict[int, list[sqlite3.Row]] = {d: [] for d in docs}
    for p in rows_of(conn, "SELECT id, document_id, section_id, start, end FROM paragraphs", list(docs)):
        paragraphs[p["document_id"]].append(p)
    out: dict[int, list[Entry]] = {}
    for doc_id, d in docs.items():
        base = joined_text(d["text"], d["extra"])
        mine = paragraphs[doc_id]
        words = index_words([base[p["start"] : p["end"]] for p in mine])
        places = places_of(d["region"], d["province"])
        out[doc_id] = [
            Entry(p["id"], doc_id, w, places, d["year"], kinds.get(p["section_id"], []), d["doc_type"], d["level"])
            for p, w in zip(mine, words)
        ]
    return out


def _section_kinds(conn: sqlite3.Connection, doc_ids: list[int]) -> dict[int, list[str]]:
    """Section id → the kinds of it and of the sections above it."""
    out: dict[int, list[str]] = {}
    for r in rows_of(conn, "SELECT id, parent_id, kind FROM sections", doc_ids):
        above = out.get(r["parent_id"], [])
        out[r["id"]] = above + [r["kind"]] if r["kind"] and r["kind"] not in above else above
    return out
