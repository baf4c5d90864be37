"""Full-text search over stored paragraphs: FTS5 on jieba tokens, ranked by bm25.

The query is cut with the same jieba search mode as the index and every word is required. jieba can
cut the same phrase differently in different contexts, so when requiring every word finds nothing the
search falls back to any word. Paragraphs that contain the query verbatim rank first (a drafter who
types 取消药品加成 wants that phrase), then bm25 decides. Matches are found on the token column with
FTS5's `highlight()` and mapped back onto the original text for display.
"""

from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache

from drafter.store.types import Hit

OPEN, CLOSE = "\x02", "\x03"  # highlight() markers; never present in cleaned text
SNIPPET_OPEN, SNIPPET_CLOSE = "«", "»"
SNIPPET_WIDTH = 80
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.S)
_PUNCT_ONLY = re.compile(r"^[\W_]+$")

_CANDIDATES = """
SELECT f.rowid AS pid, f.rank AS rank, highlight(paragraphs_fts, 0, char(2), char(3)) AS marked
FROM paragraphs_fts f WHERE paragraphs_fts MATCH ? ORDER BY f.rank LIMIT ?
"""
# Only the FTS matches are checked for the verbatim text (a rowid lookup each), never the table.
_LITERAL = """
SELECT f.rowid AS pid, f.rank AS rank, highlight(paragraphs_fts, 0, char(2), char(3)) AS marked
FROM paragraphs_fts f CROSS JOIN paragraphs p ON p.id = f.rowid
WHERE paragraphs_fts MATCH ? AND {conditions} ORDER BY f.rank LIMIT ?
"""
_DETAILS = """
SELECT p.id, p.document_id, p.text, p.heading_path, d.title, d.region, d.date
FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id IN ({marks})
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
    """The query's jieba search-mode words, punctuation dropped, each once, in order."""
    from drafter.text.tokens import search_terms

    seen: dict[str, None] = {}
    for word in search_terms(query):
        if not _PUNCT_ONLY.match(word):
            seen.setdefault(word, None)
    return list(seen)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[Hit]:
    """The best `limit` paragraphs for `query`, best first."""
    query = normalize_query(query)
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    parts = query_parts(query)
    rows = _ranked(conn, " ".join(map(_quote, terms)), parts, limit)
    if not rows:
        rows = _ranked(conn, " OR ".join(map(_quote, terms)), parts, limit)
    return _hits(conn, rows, parts)


def _ranked(conn: sqlite3.Connection, match: str, parts: list[str], limit: int) -> list[sqlite3.Row]:
    """Verbatim matches first (by bm25), then the rest (by bm25), `limit` in all."""
    conditions = " AND ".join("instr(p.text, ?) > 0" for _ in parts) or "1"
    literal = conn.execute(_LITERAL.format(conditions=conditions), (match, *parts, limit)).fetchall()
    if len(literal) >= limit:
        return literal
    seen = {r["pid"] for r in literal}
    others = conn.execute(_CANDIDATES, (match, limit + len(literal))).fetchall()
    return literal + [r for r in others if r["pid"] not in seen][: limit - len(literal)]


def _hits(conn: sqlite3.Connection, rows: list[sqlite3.Row], parts: list[str]) -> list[Hit]:
    if not rows:
        return []
    marks = ",".join("?" * len(rows))
    details = {r["id"]: r for r in conn.execute(_DETAILS.format(marks=marks), [r["pid"] for r in rows])}
    hits = []
    for row in rows:
        d = details[row["pid"]]
        spans = match_spans(d["text"], matched_tokens(row["marked"]), parts)
        hits.append(
            Hit(
                doc_id=d["document_id"], title=d["title"], region=d["region"], date=d["date"],
                heading_path=json.loads(d["heading_path"]), text=d["text"],
                snippet=snippet(d["text"], spans), score=-row["rank"], paragraph_id=d["id"],
                spans=spans,
            )  # fmt: skip
        )
    return hits


def matched_tokens(marked: str) -> set[str]:
    """The index words FTS5 marked as matching in a highlighted token column."""
    return {word for span in _MARKED.findall(marked) for word in span.split()}


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
