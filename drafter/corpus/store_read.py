"""Reading the store back: summaries, and whole `Document`s rebuilt with sections and tasks."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict

from drafter.corpus.store_types import DocSummary
from drafter.errors import NotFound
from drafter.model import Document, Section, Task

_SUMMARY_SQL = """
SELECT d.id, d.title, d.plan_title, d.region, d.level, d.date, d.doc_number, d.issuer,
       d.doc_type, d.is_template, d.region_note, f.path AS source_path,
       (SELECT count(*) FROM sections s WHERE s.document_id = d.id) AS n_sections,
       (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) AS n_tasks
FROM documents d LEFT JOIN source_files f ON f.id = d.file_id
"""


def summaries(conn: sqlite3.Connection, where: str = "", params: tuple = ()) -> list[DocSummary]:
    rows = conn.execute(f"{_SUMMARY_SQL} {where} ORDER BY d.id", params).fetchall()
    kinds = _kind_counts(conn, [r["id"] for r in rows])
    return [
        DocSummary(
            id=r["id"], title=r["title"], plan_title=r["plan_title"], region=r["region"],
            level=r["level"], date=r["date"], doc_number=r["doc_number"], issuer=r["issuer"],
            source_path=r["source_path"], sections=r["n_sections"], tasks=r["n_tasks"],
            kinds=kinds.get(r["id"], {}), doc_type=r["doc_type"], is_template=bool(r["is_template"]),
            region_note=r["region_note"],
        )  # fmt: skip
        for r in rows
    ]


def _kind_counts(conn: sqlite3.Connection, doc_ids: list[int]) -> dict[int, dict[str, int]]:
    if not doc_ids:
        return {}
    counts: dict[int, dict[str, int]] = {}
    sql = (
        "SELECT document_id, kind, count(*) FROM sections WHERE kind IS NOT NULL"
        " AND document_id BETWEEN ? AND ? GROUP BY document_id, kind"
    )
    wanted = set(doc_ids)
    for doc_id, kind, n in conn.execute(sql, (min(doc_ids), max(doc_ids))):
        if doc_id in wanted:
            counts.setdefault(doc_id, {})[kind] = n
    return counts


def summary(conn: sqlite3.Connection, doc_id: int) -> DocSummary:
    found = summaries(conn, "WHERE d.id = ?", (doc_id,))
    if not found:
        raise NotFound(f"no document {doc_id} in the corpus (see `drafter corpus list`)")
    return found[0]


def load_document(conn: sqlite3.Connection, doc_id: int) -> Document:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFound(f"no document {doc_id} in the corpus (see `drafter corpus list`)")
    document = Document(
        title=row["title"], plan_title=row["plan_title"], issuer=row["issuer"], date=row["date"],
        doc_number=row["doc_number"], region=row["region"], level=row["level"],
        preamble=row["preamble"], text=row["text"], source=f"corpus:{doc_id}",
        doc_type=row["doc_type"], is_template=bool(row["is_template"]), region_note=row["region_note"],
    )  # fmt: skip
    document.sections = _load_sections(conn, doc_id)
    return document


def _load_sections(conn: sqlite3.Connection, doc_id: int) -> list[Section]:
    by_id: dict[int, Section] = {}
    roots: list[Section] = []
    rows = conn.execute(
        "SELECT id, parent_id, marker, title, level, kind, body FROM sections"
        " WHERE document_id = ? ORDER BY ordinal",
        (doc_id,),
    )
    for r in rows:  # pre-order: a parent always comes before its children
        section = Section(r["marker"], r["title"], r["level"], r["kind"], r["body"])
        by_id[r["id"]] = section
        parent = by_id.get(r["parent_id"]) if r["parent_id"] is not None else None
        (parent.children if parent else roots).append(section)
    tasks = conn.execute(
        "SELECT section_id, text, lead, partners, deadline FROM tasks WHERE document_id = ? ORDER BY ordinal",
        (doc_id,),
    )
    for t in tasks:
        task = Task(t["text"], t["lead"], json.loads(t["partners"] or "[]"), t["deadline"])
        by_id[t["section_id"]].tasks.append(task)
    return roots


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
