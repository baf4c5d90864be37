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
# A paragraph's place and its document's card; its text is read from the document's text by
# offset (`_paragraph_texts`): SQL's substr would load and count the whole document text per hit.
_DETAILS = """
SELECT p.id, p.document_id, p.section_id, d.title, d.region, d.date, p.start, p.end
FROM paragraphs p JOIN documents d ON d.id = p.document_id
WHERE p.id IN ({marks})
"""
# What the blob read cannot do (a character outside the BMP before the paragraph, text kept in
# `extra` by a document built in code): cut in SQL. `extra` is empty for every file read.
_TEXT_IN_SQL = """
SELECT CASE WHEN x.extra = '' THEN substr(x.text, ?2 + 1, ?3 - ?2)
            ELSE substr(x.text || char(10) || x.extra, ?2 + 1, ?3 - ?2) END
FROM texts x WHERE x.document_id = ?1
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
    return list(dict.fromkeys(cut_words(query)))


def cut_words(text: str) -> list[str]:
    """`text` cut as the index cuts a paragraph: every word at its position, repeats kept."""
    from drafter.text.tokens import query_words

    return query_words(text).split()


def phrase_places(part: str) -> list[tuple[int, str]]:
    """The words a phrase query asks for, each at its position in the part's cut. The search cut
    puts a word's sub-words just before it (基层 医疗 卫生 医疗卫生 机构): where 医疗卫生 stands, 医疗
    and 卫生 stand before it, so they are left out — the same paragraphs match, and the sub-words'
    posting lists (the longest) are never read. A word's group is recognised by its own cut, so a
    sub-word that stands on its own (…和医疗) is kept."""
    words = cut_words(part)
    implied: set[int] = set()
    for at, word in enumerate(words):
        group = cut_words(word)
        before = len(group) - 1
        if before > 0 and group[-1] == word and words[max(at - before, 0) : at] == group[:-1]:
            implied.update(range(at - before, at))
    return [(at, word) for at, word in enumerate(words) if at not in implied]


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
    phrases = [phrase_places(p) for p in parts]
    # A query part that is one index word is in every paragraph holding that word: when all parts
    # are, every match is verbatim and BM25's best `limit` are the answer (no text to check).
    all_verbatim = every and all([w for _, w in places] == [part] for places, part in zip(phrases, parts))
    wanted = limit if all_verbatim else limit * CANDIDATES
    words = required_words(terms) if every else terms
    scored = dict((pid, score) for score, pid in index.search(built.words(words, every), wanted))
    rows = _details(conn, list(scored))
    verbatim = [pid for pid in scored if pid in rows and all(part in rows[pid]["text"] for part in parts)]
    # Every verbatim paragraph holds all the words, so when BM25's best candidates already give
    # `limit` verbatim ones, they are the best verbatim ones and the phrase query (positions: the
    # costliest query here) could add none that ranks above them.
    if every and len(verbatim) < limit and any(len(words) > 1 for words in phrases):
        more = [(pid, score) for score, pid in index.search(built.phrases(phrases), limit * CANDIDATES)
                if pid not in scored]
        scored.update(more)
        rows.update(_details(conn, [pid for pid, _ in more]))
        verbatim += [pid for pid, _ in more if pid in rows and all(part in rows[pid]["text"] for part in parts)]
    if not scored:
        return []
    first = set(verbatim)
    order = sorted(verbatim, key=lambda pid: -scored[pid])
    order += sorted((pid for pid in scored if pid in rows and pid not in first), key=lambda pid: -scored[pid])
    return _hits(conn, rows, order[:limit], scored, terms, parts)


def required_words(terms: list[str]) -> list[str]:
    """The query's words less those another of its words implies: the index cuts 医疗卫生 into
    医疗, 卫生 and 医疗卫生 wherever it occurs, so requiring 医疗卫生 finds exactly the paragraphs
    requiring all three finds, and scores each match on one word instead of three (the words of a
    long term counted again and again made the common queries the slowest)."""
    implied = set()
    for term in terms:
        implied |= set(query_terms(term)) - {term}
    return [term for term in terms if term not in implied] or terms


def _details(conn: sqlite3.Connection, pids: list[int]) -> dict[int, dict]:
    """Paragraph id → its document's id, title, region and date, its section and its text."""
    if not pids:
        return {}
    marks = ",".join("?" * len(pids))
    rows = {r["id"]: dict(r) for r in conn.execute(_DETAILS.format(marks=marks), pids)}
    utf16 = conn.execute("PRAGMA encoding").fetchone()[0] == "UTF-16le"
    for row in rows.values():
        row["text"] = _paragraph_text(conn, row["document_id"], row["start"], row["end"], utf16)
    return rows


def _paragraph_text(conn: sqlite3.Connection, doc_id: int, start: int, end: int, utf16: bool) -> str:
    """Characters [start, end) of the document's text: read as bytes from a UTF-16 store when every
    character up to the paragraph's end takes two bytes (checked), else cut in SQL."""
    if utf16:
        try:
            with conn.blobopen("texts", "text", doc_id, readonly=True) as blob:
                if 2 * end <= len(blob):
                    head = blob.read(2 * end).decode("utf-16-le")
                    if len(head) == end:  # no surrogate pair before the end: offsets are code units
                        return head[start:]
        except (sqlite3.Error, UnicodeDecodeError):
            pass
    row = conn.execute(_TEXT_IN_SQL, (doc_id, start, end)).fetchone()
    return row[0] if row else ""


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
    """A window of about `width` characters around the fullest match, matches wrapped in « »."""
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
    """(start, end) of about `width` characters of `text` showing its fullest match in context: the
    first of the longest spans (the query verbatim, rather than one of its words met earlier)."""
    longest = max((e - s for s, e in spans), default=0)
    first = next((s for s, e in spans if e - s == longest), 0)
    start = max(0, min(first - width // 4, len(text) - width))
    return start, min(len(text), start + width)
