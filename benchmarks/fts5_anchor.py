"""The anchor for search: SQLite FTS5 (what the release searched with) on exactly the same words.

An FTS5 table in a file of its own holds every stored paragraph's index words (rowid = paragraph
id). `search` asks it what `drafter.store.search` asks tantivy — every word (else any word),
the query parts as phrases, BM25 order, `limit × CANDIDATES` candidates — then reads the same
details from the store and orders verbatim matches first, as the store does. Only the engine differs.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from drafter.store.index_sync import entries_from_store
from drafter.store.search import CANDIDATES, _details, normalize_query, query_parts, query_terms

_MATCH = "SELECT rowid, rank FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT ?"


def build(store_conn: sqlite3.Connection, path: Path, replicas: int = 1, step: int = 0) -> float:
    """Fill the FTS5 file from the store's paragraphs (each document `replicas` times, ids shifted
    by `step` documents, as the simulated store holds them); seconds taken."""
    from drafter.store.schema import ID_SHIFT

    started = time.perf_counter()
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("CREATE VIRTUAL TABLE paragraphs_fts USING fts5(tokens, tokenize='unicode61')")
    ids = [r[0] for r in store_conn.execute("SELECT id FROM documents WHERE id < ? ORDER BY id", (step or 1 << 62,))]
    conn.execute("BEGIN")
    for start in range(0, len(ids), 256):
        entries = entries_from_store(store_conn, ids[start : start + 256])
        rows = [(e.pid, e.tokens) for doc in entries.values() for e in doc if e.tokens]
        for k in range(replicas):
            shift = (k * step) << ID_SHIFT
            conn.executemany("INSERT INTO paragraphs_fts (rowid, tokens) VALUES (?, ?)", [(p + shift, t) for p, t in rows])
    conn.execute("COMMIT")
    conn.execute("INSERT INTO paragraphs_fts (paragraphs_fts) VALUES ('optimize')")
    conn.close()
    return time.perf_counter() - started


class Fts5Search:
    def __init__(self, path: Path, store_conn: sqlite3.Connection) -> None:
        self.conn = sqlite3.connect(path)
        self.store = store_conn

    def search(self, query: str, limit: int = 20) -> list[int]:
        """Paragraph ids of the best `limit` matches, best first (as `Store.search` orders them)."""
        query = normalize_query(query)
        terms = query_terms(query)
        if not terms:
            return []
        parts = query_parts(query)
        found = self._ranked(terms, parts, limit, " ")
        return found or self._ranked(terms, parts, limit, " OR ")

    def _ranked(self, terms: list[str], parts: list[str], limit: int, joiner: str) -> list[int]:
        match = joiner.join(_quote(t) for t in terms)
        scored = {pid: -rank for pid, rank in self.conn.execute(_MATCH, (match, limit * CANDIDATES))}
        phrases = [query_terms(p) for p in parts]
        if joiner == " " and any(len(w) > 1 for w in phrases):
            phrase = " ".join(_quote(" ".join(w)) for w in phrases if w)
            for pid, rank in self.conn.execute(_MATCH, (phrase, limit * CANDIDATES)):
                scored.setdefault(pid, -rank)
        if not scored:
            return []
        rows = _details(self.store, list(scored))
        verbatim = [p for p in scored if p in rows and all(part in rows[p]["text"] for part in parts)]
        first = set(verbatim)
        order = sorted(verbatim, key=lambda p: -scored[p])
        order += sorted((p for p in scored if p in rows and p not in first), key=lambda p: -scored[p])
        return order[:limit]

    def size_bytes(self) -> int:
        return self.conn.execute("PRAGMA page_count").fetchone()[0] * self.conn.execute("PRAGMA page_size").fetchone()[0]


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'
