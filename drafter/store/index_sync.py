"""Keeping the search index in step with the SQLite store, which is the truth.

Every write that adds or removes documents journals their ids in `index_dirty` inside its own
transaction. `apply_journal` then writes (or removes) those documents' index entries and commits the
index, and only then removes the journal rows it handled — each only if no later change re-marked
it (`seq`). A process killed at any point leaves journal rows behind, never an index ahead of the
store; the next open applies them. An index that is missing, damaged, belongs to another store or
was cut by another segmenter is emptied and every document journalled again (a rebuild).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

from drafter.store.index import Entry, IndexBusy, SearchIndex
from drafter.store.write import index_tokens, places_of

BATCH = 256  # documents per index commit while applying the journal
STORE_ID_KEY = "store_id"


def store_id(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (STORE_ID_KEY,)).fetchone()
    if row:
        return row[0]
    new = uuid.uuid4().hex
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (STORE_ID_KEY, new))
    return conn.execute("SELECT value FROM meta WHERE key = ?", (STORE_ID_KEY,)).fetchone()[0]


def check(conn: sqlite3.Connection, index: SearchIndex) -> bool:
    """Make sure the index is this store's and holds its documents; returns True when a rebuild or
    a repair was journalled (the caller then applies the journal)."""
    from drafter.text.tokens import segmenter_version

    sid = store_id(conn)
    if not index.belongs_to(sid, segmenter_version()):
        index.reset(sid, segmenter_version())
        journal_all(conn)
        return True
    if conn.execute("SELECT 1 FROM index_dirty LIMIT 1").fetchone():
        return True
    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
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


def apply_journal(
    conn: sqlite3.Connection,
    index: SearchIndex,
    ready: dict[int, list[Entry]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bool:
    """Write the journalled documents into the index (`ready` holds entries already built for some
    of them); False when another process holds the index writer (the journal waits)."""
    total = pending(conn)
    if not total:
        return True
    try:
        index.writer()
    except IndexBusy:
        return False
    done = 0
    while True:
        rows = conn.execute("SELECT document_id, seq FROM index_dirty ORDER BY document_id LIMIT ?", (BATCH,)).fetchall()
        if not rows:
            break
        _apply_batch(conn, index, [r[0] for r in rows], ready or {})
        index.commit()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM index_dirty WHERE document_id = ? AND seq = ?", [tuple(r) for r in rows])
        conn.execute("COMMIT")
        done += len(rows)
        if progress:
            progress(min(done, total), total)
    index.release()
    return True


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
            f"SELECT id, text, extra, region, province, year, doc_type, level FROM documents WHERE id IN ({marks})",
            doc_ids,
        )
    }
    kinds = _section_kinds(conn, marks, doc_ids)
    out: dict[int, list[Entry]] = {d: [] for d in docs}
    rows = conn.execute(
        f"SELECT id, document_id, section_id, start, end FROM paragraphs WHERE document_id IN ({marks}) ORDER BY id",
        doc_ids,
    )
    for p in rows:
        d = docs[p["document_id"]]
        base = f"{d['text']}\n{d['extra']}" if d["extra"] else d["text"]
        out[d["id"]].append(
            Entry(p["id"], d["id"], index_tokens(base[p["start"] : p["end"]]), places_of(d["region"], d["province"]),
                  d["year"], kinds.get(p["section_id"], []), d["doc_type"], d["level"])  # fmt: skip
        )
    return out


def _section_kinds(conn: sqlite3.Connection, marks: str, doc_ids: list[int]) -> dict[int, list[str]]:
    """Section id → the kinds of it and of the sections above it."""
    out: dict[int, list[str]] = {}
    rows = conn.execute(
        f"SELECT id, parent_id, kind FROM sections WHERE document_id IN ({marks}) ORDER BY document_id, ordinal",
        doc_ids,
    )
    for r in rows:
        above = out.get(r["parent_id"], [])
        out[r["id"]] = above + [r["kind"]] if r["kind"] and r["kind"] not in above else above
    return out
