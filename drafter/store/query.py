"""tantivy queries for a search: the words (all, or any), phrases, and the filters around them.

Filters never change a score (they are wrapped to score 0), so a filtered search ranks its matches
exactly as the unfiltered one does. A region prefix (哈尔滨, 黑龙江) and a text filter are resolved
against the store in SQL first: the index then only checks for the exact values found.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.store.interface import DocFilter

_TOP = "\U0010ffff"


class Query:
    """Builds the tantivy queries of one search under one filter."""

    def __init__(self, schema, conn: sqlite3.Connection, where: DocFilter | None) -> None:  # noqa: ANN001
        self.schema = schema
        self.filters: list = []
        self.matches_nothing = False
        if where is not None and not where.is_empty():
            self._build_filters(conn, where)

    def words(self, terms: list[str], every: bool):  # noqa: ANN201 - tantivy.Query
        import tantivy

        if len(terms) == 1:  # the term itself: a boolean query of one clause scores the same, 25 % slower
            return self._filtered(tantivy.Query.term_query(self.schema, "terms", terms[0]))
        occur = tantivy.Occur.Must if every else tantivy.Occur.Should
        subqueries = [(occur, tantivy.Query.term_query(self.schema, "terms", t)) for t in terms]
        return self._filtered(tantivy.Query.boolean_query(subqueries))

    def phrases(self, phrases: list[list[tuple[int, str]]]):  # noqa: ANN201 - tantivy.Query
        """Every query part's words at their places (`search.phrase_places`; a part of one word:
        that word)."""
        import tantivy

        subqueries = []
        for places in phrases:
            if len(places) == 1:
                term = tantivy.Query.term_query(self.schema, "terms", places[0][1])
                subqueries.append((tantivy.Occur.Must, term))
            elif places:
                subqueries.append((tantivy.Occur.Must, tantivy.Query.phrase_query(self.schema, "terms", places)))
        if len(subqueries) == 1:
            return self._filtered(subqueries[0][1])
        return self._filtered(tantivy.Query.boolean_query(subqueries))

    def _filtered(self, query):  # noqa: ANN001, ANN202
        import tantivy

        if not self.filters:
            return query
        wrapped = [(tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0)) for f in self.filters]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, query), *wrapped])

    def _build_filters(self, conn: sqlite3.Connection, where: DocFilter) -> None:
        import tantivy

        q, schema = tantivy.Query, self.schema
        if where.region:
            places = _places(conn, where.region.strip())
            self._add(q.term_set_query(schema, "place", places) if places else None)
        if where.year_from is not None or where.year_to is not None:
            self.filters.append(
                q.range_query(schema, "year", tantivy.FieldType.Unsigned, where.year_from, where.year_to)
            )
        for field, value in (("kind", where.kind), ("doc_type", where.doc_type), ("level", where.level)):
            if value:
                self.filters.append(q.term_query(schema, field, value))
        if where.plans_only:  # 方案 in the index; the templates (few) are left out by id
            self.filters.append(q.term_query(schema, "doc_type", "方案"))
            templates = [r[0] for r in conn.execute("SELECT id FROM documents WHERE is_template = 1")]
            if templates:
                not_templates = [(tantivy.Occur.Must, q.all_query()),
                                 (tantivy.Occur.MustNot, q.term_set_query(schema, "doc_id", templates))]  # fmt: skip
                self.filters.append(q.boolean_query(not_templates))
        if where.text:
            from drafter.store.interface import DocFilter
            from drafter.store.read import where_sql

            sql, params = where_sql(DocFilter(text=where.text))
            ids = [r[0] for r in conn.execute(f"SELECT d.id FROM documents d {sql}", params)]
            self._add(q.term_set_query(schema, "doc_id", ids) if ids else None)

    def _add(self, query) -> None:  # noqa: ANN001
        if query is None:
            self.matches_nothing = True
        else:
            self.filters.append(query)


def _places(conn: sqlite3.Connection, prefix: str) -> list[str]:
    """The regions and provinces in the store that a region filter names (a prefix of them)."""
    rows = conn.execute(
        "SELECT DISTINCT region FROM documents WHERE region >= ? AND region < ?"
        " UNION SELECT DISTINCT province FROM documents WHERE province >= ? AND province < ?",
        (prefix, prefix + _TOP, prefix, prefix + _TOP),
    )
    return [r[0] for r in rows if r[0]]
