"""A simulated large store: a real store of N ingested plans, each document copied k times.

Every table of the store is copied row for row with ids shifted (documents by `step`, their
sections, paragraphs and tasks by `step << ID_SHIFT`), so the SQLite file, its indexes and the
text really are k times as large; the search index gets each paragraph's words k times (posting
lists k times as long, the same word statistics), written directly instead of segmenting the same
text k times. Searches, pages, facets and rank's shortlist then run on a store of N × k plans.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from drafter.store.index import Entry, SearchIndex
from drafter.store.index_sync import entries_from_store, store_id
from drafter.store.schema import ID_SHIFT
from drafter.text.tokens import segmenter_version

_ROW_TABLES = ("sections", "paragraphs", "tasks")  # ids: document_id << ID_SHIFT | ordinal


def simulate(base_db: Path, target_db: Path, copies: int) -> dict:
    """Write the simulated store at `target_db` (with its index); seconds taken, by step."""
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target_db}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(f"{target_db}.index", ignore_errors=True)
    with sqlite3.connect(base_db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(base_db, target_db)
    conn = sqlite3.connect(target_db, isolation_level=None)
    conn.row_factory = sqlite3.Row
    step = conn.execute("SELECT max(id) FROM documents").fetchone()[0] + 1
    conn.execute("BEGIN")
    for k in range(1, copies):
        _copy_rows(conn, k * step, step)
    conn.execute("DELETE FROM index_dirty")
    conn.execute("COMMIT")
    copied = time.perf_counter()
    _index(conn, Path(f"{target_db}.index"), step, copies)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"step": step, "copy_s": copied - started, "index_s": time.perf_counter() - copied}


def _copy_rows(conn: sqlite3.Connection, shift: int, step: int) -> None:
    """One more copy of the original rows (those below `step`, the first shift)."""
    row_shift = shift << ID_SHIFT
    moved = {
        "documents": {"id": f"id + {shift}"},
        "signatures": {"document_id": f"document_id + {shift}"},
        "texts": {"document_id": f"document_id + {shift}"},
        **{t: {"id": f"id + {row_shift}", "document_id": f"document_id + {shift}"} for t in _ROW_TABLES},
    }
    moved["sections"]["parent_id"] = f"parent_id + {row_shift}"
    moved["paragraphs"]["section_id"] = f"section_id + {row_shift}"
    moved["tasks"]["section_id"] = f"section_id + {row_shift}"
    for table, exprs in moved.items():
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        select = ", ".join(exprs.get(c, c) for c in columns)
        key, originals = ("document_id", step) if table in ("signatures", "texts") else ("id", step)
        if table in _ROW_TABLES:
            originals = step << ID_SHIFT
        conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM {table} WHERE {key} < {originals}")


def _index(conn: sqlite3.Connection, folder: Path, step: int, copies: int) -> None:
    index = SearchIndex(folder)
    ids = [r[0] for r in conn.execute("SELECT id FROM documents WHERE id < ? ORDER BY id", (step,))]
    index.reset(store_id(conn), segmenter_version(), len(ids) * copies)
    for start in range(0, len(ids), 256):
        entries = entries_from_store(conn, ids[start : start + 256])
        for k in range(copies):
            shift, row_shift = k * step, (k * step) << ID_SHIFT
            for doc_id, doc in entries.items():
                index.add(doc_id + shift, [Entry(e.pid + row_shift, e.doc_id + shift, e.tokens, e.places, e.year,
                                                 e.kinds, e.doc_type, e.level) for e in doc])  # fmt: skip
    index.release()
