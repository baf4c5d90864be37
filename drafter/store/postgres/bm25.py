"""BM25 for the server's candidates, so the server ranks as the local store (tantivy) does.

The server's own ranks (RUM's `<=>`, `ts_rank`) weigh a word by how often it occurs in the
paragraph, not by how rare it is in the corpus, nor by the paragraph's length. So the index picks a
generous pool of candidates quickly, and this module scores the pool with tantivy's BM25 (k1 1.2,
b 0.75, idf ln(1 + (N − df + 0.5) / (df + 0.5))): term frequencies come from the candidates'
`tsvector`s, lengths from `paragraphs.words`, and the statistics from the database — a word's
document frequency counted by the index up to DF_CAP (beyond that, the planner's statistics of the
column, `pg_stats.most_common_elem_freqs`, say how common it is), the number and mean length of
paragraphs counted exactly on a small store and estimated from `pg_class` and a sample on a big one.
Statistics are kept a minute per server: they move slowly, and a search must stay fast.
"""

from __future__ import annotations

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
    paragraphs: int = 0
    mean_words: float = 1.0
    common: dict[str, float] = field(default_factory=dict)  # word → share of paragraphs holding it
    taken: float = 0.0
    df: dict[str, int] = field(default_factory=dict)


def statistics(conn: psycopg.Connection, key: str) -> Statistics:
    found = _cache.get(key)
    if found is not None and time.monotonic() - found.taken < TTL:
        return found
    estimate = conn.execute("SELECT reltuples FROM pg_class WHERE oid = 'paragraphs'::regclass").fetchone()[0]
    if estimate is None or estimate < EXACT_BELOW:  # -1: never analysed
        n, mean = conn.execute("SELECT count(*), avg(words) FROM paragraphs").fetchone()
    else:
        n = int(estimate)
        mean = conn.execute("SELECT avg(words) FROM paragraphs TABLESAMPLE SYSTEM (1)").fetchone()[0]
    stats = Statistics(int(n), float(mean or 1.0), taken=time.monotonic())
    row = conn.execute(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
        " WHERE tablename = 'paragraphs' AND attname = 'terms'"
    ).fetchone()
    if row and row[0]:
        stats.common = dict(zip(row[0], row[1]))
    _cache[key] = stats
    return stats


def document_frequency(conn: psycopg.Connection, stats: Statistics, word: str) -> int:
    if word not in stats.df:
        from drafter.store.postgres.write import quote

        counted = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM paragraphs WHERE terms @@ %s::tsquery LIMIT %s) x",
            (quote(word), DF_CAP),
        ).fetchone()[0]
        if counted >= DF_CAP:
            counted = max(counted, int(stats.common.get(word, 0.0) * stats.paragraphs))
        stats.df[word] = counted
    return stats.df[word]


def scores(conn: psycopg.Connection, key: str, pids: list[int], terms: list[str]) -> dict[int, float]:
    """BM25 of each candidate paragraph for the query words."""
    if not pids:
        return {}
    import math

    stats = statistics(conn, key)
    n = max(stats.paragraphs, 1)
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
        norm = K1 * (1 - B + B * words / stats.mean_words)
        out[pid] += idf[word] * tf * (K1 + 1) / (tf + norm)
    return out


def forget(key: str) -> None:
    _cache.pop(key, None)
