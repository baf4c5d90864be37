"""Reading the store back: summaries (filtered and paged in SQL), and whole `Document`s rebuilt
with sections, bodies and tasks from the paragraph offsets."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict

from drafter.model import Document, Section
from drafter.store.assemble import (
    document_from_rows, heading_paths_from, joined_text, not_found, stored_paragraphs_from,
)
from drafter.store.interface import ORDERS, DocFilter
from drafter.store.schema import id_range, rows_of
from drafter.store.types import DocSummary, StoredParagraph

_SUMMARY_SQL = """
SELECT d.id, d.title, d.plan_title, d.region, d.level, d.date, d.doc_number, d.issuer, d.doc_type,
       d.is_template, d.region_note, d.province, d.n_sections, d.n_tasks, d.kinds, f.path AS source_path
FROM documents d LEFT JOIN source_files f ON f.id = d.file_id
"""
_ORDER_BY = {
    "id": "d.id",
    "date": "d.date DESC, d.id",
    "region": "d.region, d.date DESC, d.id",
    "title": "coalesce(d.plan_title, d.title), d.id",
}
_TOP = "\U0010ffff"  # above every character: `x >= p AND x < p || _TOP` is a prefix match on an index


def where_sql(where: DocFilter | None) -> tuple[str, list]:
    """`WHERE …` and its parameters for a filter on `documents d` (empty when it matches all)."""
    if where is None or where.is_empty():
        return "", []
    clauses, params = [], []
    if where.region:
        r = where.region.strip()
        clauses.append("((d.region >= ? AND d.region < ?) OR (d.province >= ? AND d.province < ?))")
        params += [r, r + _TOP, r, r + _TOP]
    if where.year_from is not None:
        clauses.append("d.year >= ?")
        params.append(where.year_from)
    if where.year_to is not None:
        clauses.append("d.year <= ?")
        params.append(where.year_to)
    if where.kind:
        clauses.append("d.id IN (SELECT document_id FROM doc_kinds WHERE kind = ?)")
        params.append(where.kind)
    if where.doc_type:
        clauses.append("d.doc_type = ?")
        params.append(where.doc_type)
    if where.plans_only:
        clauses.append("d.doc_type = '方案' AND d.is_template = 0")
    if where.level:
        clauses.append("d.level = ?")
        params.append(where.level)
    if where.text:
        like = "%" + where.text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append(
            "(d.title LIKE ? ESCAPE '\\' OR d.plan_title LIKE ? ESCAPE '\\' OR d.region LIKE ? ESCAPE '\\'"
            " OR d.doc_number LIKE ? ESCAPE '\\')"
        )
        params += [like] * 4
    return "WHERE " + " AND ".join(clauses), params


def summaries(
    conn: sqlite3.Connection, where: DocFilter | None = None, *, offset: int = 0, limit: int | None = None,
    order: str = "id",
) -> list[DocSummary]:  # fmt: skip
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}")
    sql, params = where_sql(where)
    page = f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"
    rows = conn.execute(f"{_SUMMARY_SQL} {sql} ORDER BY {_ORDER_BY[order]}{page}", params).fetchall()
    return [summary_of(r) for r in rows]


def summary_of(r: sqlite3.Row) -> DocSummary:
    return DocSummary(
        id=r["id"], title=r["title"], plan_title=r["plan_title"], region=r["region"], level=r["level"],
        date=r["date"], doc_number=r["doc_number"], issuer=r["issuer"], source_path=r["source_path"],
        sections=r["n_sections"], tasks=r["n_tasks"], kinds=json.loads(r["kinds"] or "{}"),
        doc_type=r["doc_type"] or "方案", province=r["province"], is_template=bool(r["is_template"]),
        region_note=r["region_note"],
    )  # fmt: skip


def count(conn: sqlite3.Connection, where: DocFilter | None = None) -> int:
    sql, params = where_sql(where)
    return conn.execute(f"SELECT count(*) FROM documents d {sql}", params).fetchone()[0]


def summary(conn: sqlite3.Connection, doc_id: int) -> DocSummary:
    row = conn.execute(f"{_SUMMARY_SQL} WHERE d.id = ?", (doc_id,)).fetchone()
    if row is None:
        raise not_found(doc_id)
    return summary_of(row)


def load_document(conn: sqlite3.Connection, doc_id: int) -> Document:
    row = conn.execute("SELECT d.*, x.text, x.extra FROM documents d JOIN texts x ON x.document_id = d.id"
                       " WHERE d.id = ?", (doc_id,)).fetchone()  # fmt: skip
    if row is None:
        raise not_found(doc_id)
    low_high = id_range(doc_id)
    paragraphs = conn.execute("SELECT section_id, start, end FROM paragraphs WHERE id BETWEEN ? AND ? ORDER BY id",
                              low_high)  # fmt: skip
    sections = conn.execute("SELECT id, parent_id, marker, title, level, kind, body FROM sections"
                            " WHERE id BETWEEN ? AND ? ORDER BY id", low_high).fetchall()  # fmt: skip
    tasks = conn.execute("SELECT section_id, text, lead, partners, deadline FROM tasks WHERE id BETWEEN ? AND ?"
                         " ORDER BY id", low_high)  # fmt: skip
    return document_from_rows(doc_id, row, paragraphs, sections, tasks)


def heading_paths(conn: sqlite3.Connection, doc_ids: list[int]) -> dict[int, list[str]]:
    """Section id → its headings, outermost first (itself last), for the sections of `doc_ids`."""
    if not doc_ids:
        return {}
    return heading_paths_from(rows_of(conn, "SELECT id, parent_id, marker, title FROM sections", doc_ids))


_ANCESTORS = """
WITH RECURSIVE up(id, parent_id, marker, title) AS (
    SELECT id, parent_id, marker, title FROM sections WHERE id IN ({marks})
    UNION SELECT s.id, s.parent_id, s.marker, s.title FROM sections s JOIN up ON s.id = up.parent_id
) SELECT id, parent_id, marker, title FROM up ORDER BY id
"""


def section_paths(conn: sqlite3.Connection, section_ids: list[int]) -> dict[int, list[str]]:
    """Section id → its headings, outermost first, for these sections (and those above them) only:
    a search hit needs its own section's path, not every section of its document."""
    wanted = sorted({s for s in section_ids if s is not None})
    if not wanted:
        return {}
    return heading_paths_from(conn.execute(_ANCESTORS.format(marks=",".join("?" * len(wanted))), wanted))


def stored_paragraphs(conn: sqlite3.Connection, doc_id: int) -> list[StoredParagraph]:
    row = conn.execute("SELECT text, extra FROM texts WHERE document_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise not_found(doc_id)
    low, high = id_range(doc_id)
    rows = conn.execute("SELECT id, section_id, start, end FROM paragraphs WHERE id BETWEEN ? AND ? ORDER BY id",
                        (low, high))  # fmt: skip
    return stored_paragraphs_from(doc_id, low, joined_text(row["text"], row["extra"]), rows,
                                  heading_paths(conn, [doc_id]))  # fmt: skip


def stored_paragraph_texts(conn: sqlite3.Connection, doc_id: int) -> list[str]:
    """`stored_paragraphs`' texts alone: rank reads 100 plans' paragraphs, and building their
    heading paths and records took about as long as reading them."""
    row = conn.execute("SELECT text, extra FROM texts WHERE document_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise not_found(doc_id)
    base = joined_text(row["text"], row["extra"])
    rows = conn.execute("SELECT start, end FROM paragraphs WHERE id BETWEEN ? AND ? ORDER BY id", id_range(doc_id))
    return [base[start:end] for start, end in rows]


def section_json(section: Section) -> dict:
    return {
        "marker": section.marker,
        "title": section.title,
        "level": section.level,
        "kind": section.kind,
        "body": section.body,
        "tasks": [asdict(t) for t in section.tasks],
        "children": [section_json(c) for c in section.children],
    }


def document_json(doc: DocSummary, document: Document) -> dict:
    """`drafter corpus show --json`: the summary, the outline contract's fields, and the full tree."""
    return {
        "id": doc.id,
        "source_path": doc.source_path,
        **document.outline_json(),
        "kinds": doc.kinds,
        "preamble": document.preamble,
        "sections": [section_json(s) for s in document.sections],
    }
