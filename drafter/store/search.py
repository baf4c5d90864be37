"""Full-text search over stored paragraphs: tantivy on the segmenter's words, ranked by BM25.

The query is cut with the same search mode as the index and every word is required. The segmenter
can cut the same phrase differently in different contexts, so when requiring every word finds
nothing the search falls back to any word. Paragraphs that contain the query verbatim rank first (a
drafter who types 取消药品加成 wants that phrase), then BM25 decides: the best BM25 matches and the
phrase matches (the query's words in a row) are the candidates, and their stored text says which
hold the query verbatim. Matches are highlighted on the original text: every verbatim occurrence of
a query part and every query word of two or more characters the paragraph holds.

Filters (region, years, kind, document type, level, text) narrow the matches inside the index;
those that need the store's knowledge (which regions a prefix names, which titles hold a text) are
resolved in SQL first.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from typing import TYPE_CHECKING

from drafter.store.types import Hit

if TYPE_CHECKING:
    from drafter.store.index import SearchIndex
    from drafter.store.interface import DocFilter

SNIPPET_OPEN, SNIPPET_CLOSE = "«", "»"
SNIPPET_WIDTH = 80
CANDIDATES = 3  # BM25 candidates per wanted hit checked for the verbatim text
# A paragraph is cut from its document's text in SQL (`extra` holds text a document built in code
# keeps outside its `text`; it is empty for every file read).
_DETAILS = """
SELECT p.id, p.document_id, p.section_id, d.title, d.region, d.date,
       CASE WHEN x.extra = '' THEN substr(x.text, p.start + 1, p.end - p.start)
            ELSE substr(x.text || char(10) || x.extra, p.start + 1, p.end - p.start) END AS text
FROM paragraphs p JOIN documents d ON d.id = p.document_id JOIN texts x ON x.document_id = p.document_id
WHERE p.id IN ({marks})
"""


_PART_SPLIT = re.compile(r"[\W_]+")


@lru_cache(maxsize=1)
def _to_simplified():  # noqa: ANN202 - opencc has no type hints
    import opencc

    return opencc.OpenCC("t2s")


def normalize_query(query: str) -> str:
    """The corpus is stored simplified, so a query typed in traditional characters is converted."""
    return _to_simplified().convert(query).strip()


def query_parts(query: str) -> list[str]:
    """The query's runs between spaces and punctuation: what must occur verbatim to rank first."""
    return [p for p in _PART_SPLIT.split(query) if p]


def query_terms(query: str) -> list[str]:
    """The query's words, cut as the index cuts its paragraphs, each once, in order."""
    from drafter.text.tokens import index_words

    return list(dict.fromkeys(index_words([query])[0].split()))


def search(
    conn: sqlite3.Connection, index: SearchIndex, query: str, limit: int = 20, where: DocFilter | None = None
) -> list[Hit]:
    """The best `limit` paragraphs for `query`, best first."""
    query = normalize_query(query)
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    from drafter.store.query import Query

    built = Query(index.schema, conn, where)
    if built.matches_nothing:
        return []
    parts = query_parts(query)
    hits = _ranked(conn, index, built, terms, parts, limit, every=True)
    if not hits:
        hits = _ranked(conn, index, built, terms, parts, limit, every=False)
    return hits


def _ranked(conn: sqlite3.Connection, index: SearchIndex, built, terms: list[str], parts: list[str],  # noqa: ANN001
            limit: int, every: bool) -> list[Hit]:  # fmt: skip
    """Verbatim matches first (by BM25), then the rest (by BM25), `limit` in all."""
    phrases = [query_terms(p) for p in parts]
    # A query part that is one index word is in every paragraph holding that word: when all parts
    # are, every match is verbatim and BM25's best `limit` are the answer (no text to check).
    all_verbatim = every and all(words == [part] for words, part in zip(phrases, parts))
    wanted = limit if all_verbatim else limit * CANDIDATES
    scored = dict((pid, score) for score, pid in index.search(built.words(terms, every), wanted))
    if every and any(len(words) > 1 for words in phrases):
        for score, pid in index.search(built.phrases(phrases), limit * CANDIDATES):
            scored.setdefault(pid, score)
    if not scored:
        return []
    rows = _details(conn, list(scored))
    verbatim = [pid for pid in scored if pid in rows and all(part in rows[pid]["text"] for part in parts)]
    first = set(verbatim)
    order = sorted(verbatim, key=lambda pid: -scored[pid])
    order += sorted((pid for pid in scored if pid in rows and pid not in first), key=lambda pid: -scored[pid])
    return _hits(conn, rows, order[:limit], scored, terms, parts)


def _details(conn: sqlite3.Connection, pids: list[int]) -> dict[int, sqlite3.Row]:
    """Paragraph id → its document's id, title, region and date, its section and its text."""
    marks = ",".join("?" * len(pids))
    return {r["id"]: r for r in conn.execute(_DETAILS.format(marks=marks), pids)}


def _hits(conn: sqlite3.Connection, rows: dict[int, sqlite3.Row], order: list[int], scored: dict[int, float],
          terms: list[str], parts: list[str]) -> list[Hit]:  # fmt: skip
    from drafter.store.read import section_paths

    paths = section_paths(conn, [rows[pid]["section_id"] for pid in order])
    hits = []
    for pid in order:
        d = rows[pid]
        text = d["text"]
        spans = match_spans(text, {t for t in terms if t in text}, parts)
        hits.append(
            Hit(
                doc_id=d["document_id"], title=d["title"], region=d["region"], date=d["date"],
                heading_path=paths.get(d["section_id"], []), text=text, snippet=snippet(text, spans),
                score=scored[pid], paragraph_id=pid, spans=spans,
            )  # fmt: skip
        )
    return hits


def match_spans(text: str, tokens: set[str], parts: list[str]) -> list[tuple[int, int]]:
    """Character ranges of `text` to highlight: every verbatim occurrence of a query part, and every
    matched word of two or more characters (a lone 医 would light up half a paragraph)."""
    spans = []
    for needle in [*parts, *(t for t in tokens if len(t) >= 2)]:
        start = text.find(needle)
        while needle and start >= 0:
            spans.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_WIDTH) -> str:
    """A window of about `width` characters around the first match, matches wrapped in « »."""
    start, end = window(text, spans, width)
    out = ["…"] if start > 0 else []
    cursor = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out += [text[cursor:s], SNIPPET_OPEN, text[s:e], SNIPPET_CLOSE]
        cursor = e
    out.append(text[cursor:end])
    if end < len(text):
        out.append("…")
    return "".join(out)


def window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """(start, end) of about `width` characters of `text` showing its first match in context."""
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(text) - width))
    return start, min(len(text), start + width)
