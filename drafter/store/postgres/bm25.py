"""BM25 for the server's candidates, so the server ranks as the local store (tantivy) does.

The server's own ranks (RUM's `<=>`, `ts_rank`) weigh a word by how often it occurs in the
paragraph, not by how rare it is in the corpus, nor by the paragraph's length. So the index picks a
generous pool of candidates quickly, and this module scores the pool with tantivy's BM25 (k1 1.2,
b 0.75, idf ln(1 + (N − df + 0.5) / (df + 0.5))), with tantivy's own statistics: N counts every
entry of the local index (each paragraph that has words, and one marker per document), the mean
length is the words over N, and a paragraph's length is rounded down to tantivy's one-byte
`fieldnorm` scale. Term frequencies come from the candidates' `tsvector`s, lengths from
`paragraphs.words`, and the statistics from the database — a word's
document frequency counted by the index up to DF_CAP (beyond that, the planner's statistics of the
column, `pg_stats.most_common_elem_freqs`, say how common it is), the number and mean length of
paragraphs counted exactly on a small store and estimated from `pg_class` and a sample on a big one.
Statistics are kept a minute per server: they move slowly, and a search must stay fast.
"""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

K1, B = 1.2, 0.75
DF_CAP = 5000  # matches counted exactly per query word
EXACT_BELOW = 200_000  # paragraphs: below this, count and average exactly
TTL = 60.0
_cache: dict[str, Statistics] = {}


@dataclass
class Statistics:
    entries: int = 0  # as the local index counts them: paragraphs with words, and document markers
    mean_words: float = 1.0
    common: dict[str, float] = field(default_factory=dict)  # word → share of paragraphs holding it
    taken: float = 0.0
    df: dict[str, int] = field(default_factory=dict)


def statistics(conn: psycopg.Connection, key: str) -> Statistics:
    found = _cache.get(key)
    if found is not None and time.monotonic() - found.taken < TTL:
        return found
    entries, words = _entries_and_words(conn)
    stats = Statistics(entries, words / max(entries, 1) or 1.0, taken=time.monotonic())
    row = conn.execute(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
        " WHERE tablename = 'paragraphs' AND attname = 'terms'"
    ).fetchone()
    if row and row[0]:
        stats.common = dict(zip(row[0], row[1]))
    _cache[key] = stats
    return stats


def _entries_and_words(conn: psycopg.Connection) -> tuple[int, float]:
    """(entries of the local index — paragraphs with words, plus one marker per document —, their
    words): counted on a small store, estimated from the planner's counts and a 1 % sample on a big one."""
    estimate = conn.execute("SELECT reltuples FROM pg_class WHERE oid = 'paragraphs'::regclass").fetchone()[0]
    if estimate is None or estimate < EXACT_BELOW:  # -1: never analysed
        n, words = conn.execute(
            "SELECT count(*), coalesce(sum(words), 0) FROM paragraphs WHERE words > 0"
        ).fetchone()
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        return int(n) + int(documents), float(words)
    share, mean = conn.execute(
        "SELECT count(*) FILTER (WHERE words > 0)::float / greatest(count(*), 1),"
        " avg(words) FILTER (WHERE words > 0) FROM paragraphs TABLESAMPLE SYSTEM (1)"
    ).fetchone()
    n = estimate * (share if share is not None else 1.0)
    documents = conn.execute("SELECT reltuples FROM pg_class WHERE oid = 'documents'::regclass").fetchone()[0]
    return int(n) + max(int(documents), 0), n * float(mean or 1.0)


def document_frequency(conn: psycopg.Connection, stats: Statistics, word: str) -> int:
    if word not in stats.df:
        from drafter.store.postgres.write import quote

        counted = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM paragraphs WHERE terms @@ %s::tsquery LIMIT %s) x",
            (quote(word), DF_CAP),
        ).fetchone()[0]
        if counted >= DF_CAP:
            counted = max(counted, int(stats.common.get(word, 0.0) * stats.entries))
        stats.df[word] = counted
    return stats.df[word]


def matches_at_most(conn: psycopg.Connection, key: str, terms: list[str], every: bool) -> int:
    """How many paragraphs can match (the rarest word's count when every word is required)."""
    stats = statistics(conn, key)
    counts = [document_frequency(conn, stats, word) for word in terms]
    return min(counts) if every else sum(counts)


def scores(conn: psycopg.Connection, key: str, pids: list[int], terms: list[str]) -> dict[int, float]:
    """BM25 of each candidate paragraph for the query words."""
    if not pids:
        return {}
    import math

    stats = statistics(conn, key)
    n = max(stats.entries, 1)
    idf = {}
    for word in terms:
        df = document_frequency(conn, stats, word)
        idf[word] = math.log(1 + (n - df + 0.5) / (df + 0.5))
    out = {pid: 0.0 for pid in pids}
    rows = conn.execute(
        "SELECT p.id, p.words, u.lexeme, coalesce(array_length(u.positions, 1), 1)"
        " FROM paragraphs p, unnest(p.terms) u WHERE p.id = ANY(%s) AND u.lexeme = ANY(%s)",
        (pids, terms),
    )
    for pid, words, word, tf in rows:
        norm = K1 * (1 - B + B * fieldnorm(words) / stats.mean_words)
        out[pid] += idf[word] * tf * (K1 + 1) / (tf + norm)
    return out


def _fieldnorms() -> list[int]:
    """tantivy's (and Lucene's) 256 lengths a one-byte norm can say: exact to 23, then four
    steps per doubling."""
    table = list(range(24))
    for code in range(232):
        bits, shift = code & 7, code >> 3
        table.append(24 + (bits if shift == 0 else (bits | 8) << (shift - 1)))
    return table


FIELDNORMS = _fieldnorms()


def fieldnorm(words: int) -> int:
    """A paragraph's length as tantivy scores it: rounded down to the nearest length of its scale."""
    return FIELDNORMS[bisect.bisect_right(FIELDNORMS, words) - 1]


def forget(key: str) -> None:
    _cache.pop(key, None)
