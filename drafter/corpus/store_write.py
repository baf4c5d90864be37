"""Writing outlined documents into the store: flatten, tokenize, insert with executemany.

Tokenizing (jieba) is the slow part, so it is a separate, picklable step (`prepare`) that an ingest
can run in worker processes; writing (`write_documents`) runs in the process that owns the store,
inside the caller's transaction. Row ids are assigned here so that every table can be filled with
one `executemany`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field

from drafter.model import Document, Section

_PUNCT_ONLY = re.compile(r"^[\W_]+$")


@dataclass
class Paragraph:
    section_index: int | None  # index into the document's pre-order sections; None: preamble
    text: str
    heading_path: list[str]


@dataclass
class Prepared:
    """A document ready to write: its pre-order sections, paragraphs and their FTS tokens."""

    document: Document
    sections: list[Section] = field(default_factory=list)
    parents: list[int | None] = field(default_factory=list)  # index of each section's parent
    paragraphs: list[Paragraph] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # one space-joined string per paragraph


def flatten(document: Document) -> Prepared:
    prepared = Prepared(document)
    for text in _lines(document.preamble):
        prepared.paragraphs.append(Paragraph(None, text, []))
    for top in document.sections:
        _flatten_section(prepared, top, None, [])
    return prepared


def _flatten_section(prepared: Prepared, section: Section, parent: int | None, path: list[str]) -> None:
    index = len(prepared.sections)
    prepared.sections.append(section)
    prepared.parents.append(parent)
    here = [*path, section.heading]
    for text in section.paragraphs:
        prepared.paragraphs.append(Paragraph(index, text.strip(), here))
    for child in section.children:
        _flatten_section(prepared, child, index, here)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def index_tokens(text: str) -> str:
    """The FTS column for `text`: jieba search-mode words joined by spaces, punctuation dropped."""
    from drafter.text.tokens import search_terms

    return " ".join(w for w in search_terms(text) if not _PUNCT_ONLY.match(w))


def prepare(documents: list[Document]) -> list[Prepared]:
    """Flatten and tokenize; pure and picklable, so it can run in a worker process."""
    out = []
    for document in documents:
        prepared = flatten(document)
        prepared.tokens = [index_tokens(p.text) for p in prepared.paragraphs]
        out.append(prepared)
    return out


def _next_ids(conn: sqlite3.Connection) -> dict[str, int]:
    tables = ("documents", "sections", "paragraphs", "tasks")
    return {t: conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] + 1 for t in tables}


def write_documents(conn: sqlite3.Connection, file_id: int | None, prepared: list[Prepared]) -> list[int]:
    """Insert prepared documents (inside the caller's transaction); returns their new ids."""
    ids = _next_ids(conn)
    rows: dict[str, list[tuple]] = {"documents": [], "sections": [], "paragraphs": [], "tasks": [], "fts": []}
    doc_ids = []
    for ordinal, item in enumerate(prepared):
        doc_id = ids["documents"]
        ids["documents"] += 1
        doc_ids.append(doc_id)
        rows["documents"].append(_document_row(doc_id, file_id, ordinal, item.document))
        section_ids = _section_rows(rows, ids, doc_id, item)
        for ordinal_p, (para, tokens) in enumerate(zip(item.paragraphs, item.tokens)):
            pid = ids["paragraphs"]
            ids["paragraphs"] += 1
            sid = None if para.section_index is None else section_ids[para.section_index]
            path = json.dumps(para.heading_path, ensure_ascii=False)
            rows["paragraphs"].append((pid, doc_id, sid, ordinal_p, para.text, path))
            rows["fts"].append((pid, tokens))
    _insert_all(conn, rows)
    return doc_ids


def _document_row(doc_id: int, file_id: int | None, ordinal: int, d: Document) -> tuple:
    return (
        doc_id, file_id, ordinal, d.title, d.plan_title, d.issuer, d.date, d.doc_number,
        d.region, d.level, d.doc_type, int(d.is_template), d.region_note, d.preamble or "", d.text or "",
    )  # fmt: skip


def _section_rows(rows: dict, ids: dict, doc_id: int, item: Prepared) -> list[int]:
    section_ids: list[int] = []
    task_ordinal = 0
    for ordinal, (section, parent) in enumerate(zip(item.sections, item.parents)):
        sid = ids["sections"]
        ids["sections"] += 1
        section_ids.append(sid)
        parent_id = None if parent is None else section_ids[parent]
        rows["sections"].append(
            (sid, doc_id, parent_id, ordinal, section.marker, section.title, section.level,
             section.kind, section.body or "")
        )  # fmt: skip
        for task in section.tasks:
            partners = json.dumps(list(task.partners), ensure_ascii=False)
            rows["tasks"].append(
                (ids["tasks"], doc_id, sid, task_ordinal, task.text, task.lead, partners, task.deadline)
            )
            ids["tasks"] += 1
            task_ordinal += 1
    return section_ids


def _insert_all(conn: sqlite3.Connection, rows: dict[str, list[tuple]]) -> None:
    conn.executemany(
        "INSERT INTO documents (id, file_id, ordinal, title, plan_title, issuer, date, doc_number,"
        " region, level, doc_type, is_template, region_note, preamble, text)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows["documents"],
    )
    conn.executemany(
        "INSERT INTO sections (id, document_id, parent_id, ordinal, marker, title, level, kind, body)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        rows["sections"],
    )
    conn.executemany(
        "INSERT INTO paragraphs (id, document_id, section_id, ordinal, text, heading_path)"
        " VALUES (?,?,?,?,?,?)",
        rows["paragraphs"],
    )
    conn.executemany(
        "INSERT INTO tasks (id, document_id, section_id, ordinal, text, lead, partners, deadline)"
        " VALUES (?,?,?,?,?,?,?,?)",
        rows["tasks"],
    )
    conn.executemany("INSERT INTO paragraphs_fts (rowid, tokens) VALUES (?, ?)", rows["fts"])


def delete_documents_of_file(conn: sqlite3.Connection, file_id: int) -> None:
    """Remove a file's documents and everything under them, FTS rows included."""
    conn.execute(
        "DELETE FROM paragraphs_fts WHERE rowid IN (SELECT p.id FROM paragraphs p"
        " JOIN documents d ON d.id = p.document_id WHERE d.file_id = ?)",
        (file_id,),
    )
    conn.execute("DELETE FROM documents WHERE file_id = ?", (file_id,))
