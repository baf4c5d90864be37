"""Reading the server store: filters in SQL, summaries and pages, documents rebuilt from offsets.

Orders and prefix matches follow the SQLite store exactly: text is compared by code point
(`COLLATE "C"`, whatever the database's collation), a region filter is a prefix of the region or
its province, `--grep` is a case-insensitive substring of title, plan title, region or 文号.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from drafter.model import Document
from drafter.store.assemble import (
    document_from_rows, heading_paths_from, joined_text, not_found, stored_paragraphs_from,
)
from drafter.store.interface import ORDERS, DocFilter
from drafter.store.postgres.schema import ID_SHIFT, id_range
from drafter.store.types import DocSummary, SourceFile, StoredParagraph

if TYPE_CHECKING:
    import psycopg

_SUMMARY_SQL = """
SELECT d.id, d.title, d.plan_title, d.region, d.level, d.date, d.doc_number, d.issuer, d.doc_type,
       d.province, d.is_template, d.region_note, d.n_sections, d.n_tasks, d.kinds, f.path AS source_path
FROM documents d LEFT JOIN source_files f ON f.id = d.file_id
"""
_ORDER_BY = {
    "id": "d.id",
    "date": 'd.date COLLATE "C" DESC NULLS LAST, d.id',
    "region": 'd.region COLLATE "C" NULLS FIRST, d.date COLLATE "C" DESC NULLS LAST, d.id',
    "title": 'coalesce(d.plan_title, d.title) COLLATE "C" NULLS FIRST, d.id',
}
# The base text paragraph offsets count in: the text, then (after a newline) the extra paragraphs.
BASE = "CASE WHEN d.extra = '' THEN d.text ELSE d.text || E'\\n' || d.extra END"


def like_pattern(text: str) -> str:
    return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where_sql(where: DocFilter | None, *, paragraphs: bool = False) -> tuple[str, list]:
    """`AND …` clauses (and parameters) for a filter on `documents d` (and, in search, `paragraphs
    p`: the kind filter then applies to the paragraph's sections, as the local index does)."""
    if where is None or where.is_empty():
        return "", []
    clauses, params = [], []
    if where.region:
        clauses.append("(starts_with(d.region, %s) OR starts_with(d.province, %s))")
        params += [where.region.strip()] * 2
    if where.year_from is not None:
        clauses.append("d.year >= %s")
        params.append(where.year_from)
    if where.year_to is not None:
        clauses.append("d.year <= %s")
        params.append(where.year_to)
    if where.kind:
        clauses.append("p.kinds @> ARRAY[%s]::text[]" if paragraphs else "d.kinds ? %s")
        params.append(where.kind)
    for column, value in (("doc_type", where.doc_type), ("level", where.level)):
        if value:
            clauses.append(f"d.{column} = %s")
            params.append(value)
    if where.plans_only:
        clauses.append("d.doc_type = '方案' AND NOT d.is_template")
    if where.text:
        clauses.append(
            "(d.title ILIKE %s OR d.plan_title ILIKE %s OR d.region ILIKE %s OR d.doc_number ILIKE %s)"
        )
        params += [like_pattern(where.text)] * 4
    return "".join(f" AND {c}" for c in clauses), params


def summaries(conn: psycopg.Connection, where: DocFilter | None = None, *, offset: int = 0,
              limit: int | None = None, order: str = "id") -> list[DocSummary]:  # fmt: skip
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}")
    sql, params = where_sql(where)
    page = f" LIMIT {'ALL' if limit is None else int(limit)} OFFSET {int(offset)}"
    rows = conn.execute(
        f"{_SUMMARY_SQL} WHERE true{sql} ORDER BY {_ORDER_BY[order]}{page}", params
    ).fetchall()
    return [summary_of(r) for r in rows]


def summary_of(r: tuple) -> DocSummary:
    return DocSummary(
        id=r[0], title=r[1], plan_title=r[2], region=r[3], level=r[4], date=r[5], doc_number=r[6], issuer=r[7],
        doc_type=r[8] or "方案", province=r[9], is_template=bool(r[10]), region_note=r[11], sections=r[12],
        tasks=r[13], kinds=dict(r[14] or {}), source_path=r[15],
    )  # fmt: skip


def count(conn: psycopg.Connection, where: DocFilter | None = None) -> int:
    sql, params = where_sql(where)
    return conn.execute(f"SELECT count(*) FROM documents d WHERE true{sql}", params).fetchone()[0]


def summary(conn: psycopg.Connection, doc_id: int) -> DocSummary:
    row = conn.execute(f"{_SUMMARY_SQL} WHERE d.id = %s", (doc_id,)).fetchone()
    if row is None:
        raise not_found(doc_id)
    return summary_of(row)


_HEAD = ("title", "plan_title", "issuer", "date", "doc_number", "region", "level", "text", "preamble", "extra",
         "doc_type", "is_template", "region_note")  # fmt: skip


def load_document(conn: psycopg.Connection, doc_id: int) -> Document:
    """The document with its sections, bodies and tasks; one snapshot (the caller's transaction)."""
    row = conn.execute(f"SELECT {', '.join(_HEAD)} FROM documents WHERE id = %s", (doc_id,)).fetchone()
    if row is None:
        raise not_found(doc_id)
    low_high = id_range(doc_id)
    paragraphs = conn.execute(
        "SELECT section_id, start_at, end_at FROM paragraphs WHERE id BETWEEN %s AND %s ORDER BY id", low_high
    ).fetchall()
    sections = conn.execute(
        "SELECT id, parent_id, marker, title, level, kind, body FROM sections WHERE id BETWEEN %s AND %s ORDER BY id",
        low_high,
    ).fetchall()
    tasks = conn.execute(
        "SELECT section_id, text, lead, partners, deadline FROM tasks WHERE id BETWEEN %s AND %s ORDER BY id",
        low_high,
    ).fetchall()
    return document_from_rows(doc_id, dict(zip(_HEAD, row)), paragraphs, sections, tasks)


def heading_paths(conn: psycopg.Connection, doc_ids: list[int]) -> dict[int, list[str]]:
    """Section id → its headings, outermost first, for the sections of `doc_ids`."""
    if not doc_ids:
        return {}
    rows = conn.execute(
        "SELECT s.id, s.parent_id, s.marker, s.title FROM unnest(%s::bigint[]) AS d(id)"
        f" JOIN sections s ON s.id BETWEEN d.id << {ID_SHIFT} AND ((d.id + 1) << {ID_SHIFT}) - 1 ORDER BY s.id",
        (sorted(doc_ids),),
    )
    return heading_paths_from(rows)


def stored_paragraphs(conn: psycopg.Connection, doc_id: int) -> list[StoredParagraph]:
    row = conn.execute("SELECT text, extra FROM documents WHERE id = %s", (doc_id,)).fetchone()
    if row is None:
        raise not_found(doc_id)
    low, high = id_range(doc_id)
    rows = conn.execute(
        "SELECT id, section_id, start_at, end_at FROM paragraphs WHERE id BETWEEN %s AND %s ORDER BY id",
        (low, high),
    ).fetchall()
    return stored_paragraphs_from(doc_id, low, joined_text(*row), rows, heading_paths(conn, [doc_id]))


def paragraph_texts(conn: psycopg.Connection, doc_ids: list[int]) -> dict[int, str]:
    """Paragraph id → its text, for every paragraph of `doc_ids`."""
    out: dict[int, str] = {}
    for doc_id in doc_ids:
        low, high = id_range(doc_id)
        row = conn.execute("SELECT text, extra FROM documents WHERE id = %s", (doc_id,)).fetchone()
        if row is None:
            continue
        base = joined_text(*row)
        for pid, s, e in conn.execute(
            "SELECT id, start_at, end_at FROM paragraphs WHERE id BETWEEN %s AND %s ORDER BY id", (low, high)
        ):
            out[pid] = base[s:e]
    return out


def tasks_sql(where: DocFilter | None, lead: str | None, offset: int, limit: int | None) -> tuple[str, list]:
    sql, params = where_sql(where)
    if lead:
        sql += " AND t.lead ILIKE %s"
        params = [*params, like_pattern(lead)]
    page = f" LIMIT {'ALL' if limit is None else int(limit)} OFFSET {int(offset)}"
    return (
        "SELECT t.id, t.document_id, d.region, t.section_id, t.text, t.lead, t.partners, t.deadline"
        f" FROM tasks t JOIN documents d ON d.id = t.document_id WHERE true{sql} ORDER BY t.id{page}",
        params,
    )


def source_files(conn: psycopg.Connection) -> list[SourceFile]:
    rows = conn.execute(
        "SELECT id, path, sha256, size, to_char(ingested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS+00:00'),"
        " status, why, parser, host, ingested_by FROM source_files ORDER BY id"
    ).fetchall()
    return [SourceFile(*r[:8], host=r[8] or None, user=r[9] or None) for r in rows]


def facets_of(conn: psycopg.Connection):  # noqa: ANN201 - drafter.store.interface.Facets
    from drafter.store.interface import Facets

    out = Facets()
    for column, target in (("region", out.regions), ("province", out.provinces), ("year", out.years),
                           ("doc_type", out.doc_types), ("level", out.levels)):  # fmt: skip
        order = "2 DESC, 1" if column == "year" else f'2 DESC, {column} COLLATE "C"'
        sql = f"SELECT {column}, count(*) FROM documents WHERE {column} IS NOT NULL GROUP BY {column} ORDER BY {order}"
        target.update(conn.execute(sql).fetchall())
    sql = 'SELECT k, count(*) FROM documents d, jsonb_object_keys(d.kinds) k GROUP BY k ORDER BY 2 DESC, k COLLATE "C"'
    out.kinds.update(conn.execute(sql).fetchall())
    return out
