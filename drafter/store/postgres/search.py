"""Full-text search on the server: the same rules as the local store, on `tsvector` words.

The query is cut by drafter's segmenter exactly as the paragraphs were (`drafter.store.search`),
and every word is required (any word, when that finds nothing). Candidates are the best-ranked
matches and the phrase matches (the query's words in a row); their stored text says which hold
the query verbatim, and those rank first — as in the local store. Highlighting and snippets are the
local store's own functions, so a hit reads the same from either backend.

The index picks a pool of candidates: every match scored by `ts_rank` normalised by the
paragraph's length (its best guess at BM25: four in five of BM25's top ten are in the pool), or —
with RUM, when the query's words are so common that scoring every match would be slow — the
matches the index hands back in its own rank order (`<=>`), which stops once the pool is full. The
pool is then ranked by BM25 (`bm25`), as tantivy ranks, equal scores in the order the paragraphs
were stored, as tantivy's are: where every match fits in the pool the order is the local store's;
on a big corpus the pool is the server's best guess at BM25's best, and the order stays close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.store.postgres.read import BASE, heading_paths, where_sql
from drafter.store.postgres.write import MAX_LEXEME_BYTES, quote
from drafter.store.search import (
    CANDIDATES, match_spans, normalize_query, phrase_places, query_parts, query_terms, required_words, snippet,
)
from drafter.store.types import Hit

if TYPE_CHECKING:
    import psycopg

    from drafter.store.interface import DocFilter


POOL = 4  # candidates fetched from the index per candidate BM25 keeps
SCORE_ALL_BELOW = 20_000  # matches: fewer are all scored by ts_rank; more, RUM hands back its best
LENGTH_NORMALISED = 1  # ts_rank's normalisation: rank / (1 + log(length))


def search(conn: psycopg.Connection, query: str, limit: int, where: DocFilter | None, rum: bool,
           key: str = "") -> list[Hit]:  # fmt: skip
    """The best `limit` paragraphs for `query`, best first."""
    query = normalize_query(query)
    terms = [w for w in query_terms(query) if len(w.encode("utf-8")) <= MAX_LEXEME_BYTES]
    if not terms or limit <= 0:
        return []
    parts = query_parts(query)
    ranked = Ranked(conn, where, rum, key)
    return ranked.hits(terms, parts, limit, every=True) or ranked.hits(terms, parts, limit, every=False)


class Ranked:
    """Candidates of one search under one filter, ranked by the server."""

    def __init__(self, conn: psycopg.Connection, where: DocFilter | None, rum: bool, key: str) -> None:
        self.conn, self.rum, self.key = conn, rum, key
        self.filters, self.params = where_sql(where, paragraphs=True)

    def hits(self, terms: list[str], parts: list[str], limit: int, every: bool) -> list[Hit]:
        """Verbatim matches first (by rank), then the rest (by rank), `limit` in all."""
        from drafter.store.postgres.bm25 import matches_at_most, scores

        scored_on = required_words(terms) if every else terms  # as the local store: same matches, same order
        many = self.rum and matches_at_most(self.conn, self.key, scored_on, every) >= SCORE_ALL_BELOW
        words = (" & " if every else " | ").join(map(quote, scored_on))
        pool = self.candidates(words, limit * CANDIDATES * POOL, many)
        phrases = [phrase_places(p) for p in parts]
        in_a_row: list[int] = []
        if every and any(len(places) > 1 for places in phrases):
            phrase = " & ".join(f"({_in_a_row(places)})" for places in phrases if places)
            in_a_row = self.candidates(phrase, limit * CANDIDATES * POOL, many)
        if not pool and not in_a_row:
            return []
        bm25 = scores(self.conn, self.key, list(dict.fromkeys([*pool, *in_a_row])), scored_on)
        best = sorted(pool, key=lambda pid: (-bm25[pid], pid))[: limit * CANDIDATES]
        # The phrase matches: as many as the local store checks for the verbatim text.
        best += sorted(in_a_row, key=lambda pid: (-bm25[pid], pid))[: limit * CANDIDATES]
        scored = {pid: bm25[pid] for pid in best}
        rows = self.details(list(scored))
        verbatim = [pid for pid in scored if pid in rows and all(part in rows[pid][6] for part in parts)]
        first = set(verbatim)
        order = sorted(verbatim, key=lambda pid: (-scored[pid], pid))
        order += sorted(
            (pid for pid in scored if pid in rows and pid not in first), key=lambda pid: (-scored[pid], pid)
        )
        return self._hits(rows, order[:limit], scored, terms, parts)

    def candidates(self, tsquery: str, limit: int, many: bool) -> list[int]:
        """Paragraph ids of the server's best `limit` matches of `tsquery`, best first (`many`:
        in RUM's order, without scoring every match)."""
        join = " JOIN documents d ON d.id = p.document_id" if self.filters else ""
        if many:
            order, params = "p.terms <=> %s::tsquery", [tsquery, *self.params, tsquery, limit]
        else:
            order = f"ts_rank(p.terms, %s::tsquery, {LENGTH_NORMALISED}) DESC, p.id"
            params = [tsquery, *self.params, tsquery, limit]
        sql = f"SELECT p.id FROM paragraphs p{join} WHERE p.terms @@ %s::tsquery{self.filters} ORDER BY {order} LIMIT %s"
        return [row[0] for row in self.conn.execute(sql, params)]

    def details(self, pids: list[int]) -> dict[int, tuple]:
        """Paragraph id → (id, document id, section id, title, region, date, text)."""
        rows = self.conn.execute(
            "SELECT p.id, p.document_id, p.section_id, d.title, d.region, d.date,"
            f" substr({BASE}, p.start_at + 1, p.end_at - p.start_at)"
            " FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id = ANY(%s)",
            (pids,),
        )
        return {r[0]: r for r in rows}

    def _hits(self, rows: dict[int, tuple], order: list[int], scored: dict[int, float], terms: list[str],
              parts: list[str]) -> list[Hit]:  # fmt: skip
        paths = heading_paths(self.conn, sorted({rows[pid][1] for pid in order}))
        hits = []
        for pid in order:
            _, doc_id, section_id, title, region, date, text = rows[pid]
            spans = match_spans(text, {t for t in terms if t in text}, parts)
            hits.append(Hit(doc_id=doc_id, title=title, region=region, date=date,
                            heading_path=paths.get(section_id, []), text=text, snippet=snippet(text, spans),
                            score=scored[pid], paragraph_id=pid, spans=spans))  # fmt: skip
        return hits


def _in_a_row(places: list[tuple[int, str]]) -> str:
    """A tsquery of the words at their places: 基层 <3> 医疗卫生 <1> 机构."""
    out = quote(places[0][1])
    for (before, _), (at, word) in zip(places, places[1:]):
        out += f" <{at - before}> {quote(word)}"
    return out
