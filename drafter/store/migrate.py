"""Bringing a store written by an older drafter to the current layout (schema 7).

Schemas 1–3 kept every text several times (the document, each section's body, each paragraph, and
its tokens in FTS5). The upgrade reads each stored document back the old way, writes it in the new
layout under the same id (ids are what users and the section library refer to), drops the old
tables and the FTS5 copy, and compacts the file. The search index is then built from the store
(every document is journalled). It all happens in one transaction: an interrupted upgrade leaves
the old store as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from drafter.model import Document, Section, Task

_OLD_TABLES = ("documents", "sections", "paragraphs", "tasks")
# Old indexes whose names the new schema uses; the others stay on the old tables (they make reading
# a document back fast) and go with them.
_OLD_INDEXES = ("documents_file",)


@contextmanager
def _one_transaction(conn: sqlite3.Connection, *, keys_off: bool = False) -> Iterator[None]:
    """A migration step all or nothing: an interrupted upgrade leaves the store as it was."""
    if keys_off:
        conn.execute("PRAGMA foreign_keys = OFF")  # the old tables point at each other while they move
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    if keys_off:
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA database_list").fetchone()[2]:  # a file, not :memory:: give the space back
            conn.execute("VACUUM")


def upgrade_layout(conn: sqlite3.Connection, version: int) -> None:
    """Schema `version` (0–3, with tables) → the current one, in place."""
    from drafter.store.schema import SCHEMA_VERSION, schema_statements

    with _one_transaction(conn, keys_off=True):
        if "parser" not in _columns(conn, "source_files"):
            conn.execute("ALTER TABLE source_files ADD COLUMN parser TEXT")
        for name in _OLD_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {name}")
        conn.execute("DROP TABLE IF EXISTS paragraphs_fts")
        for table in _OLD_TABLES:
            conn.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
        for statement in schema_statements():  # not executescript: it would commit the transaction
            conn.execute(statement)
        _copy_documents(conn)
        for table in reversed(_OLD_TABLES):
            conn.execute(f"DROP TABLE old_{table}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def texts_apart(conn: sqlite3.Connection) -> None:
    """Schema 4 → 5: the documents' texts move into `texts` (in place, one transaction)."""
    from drafter.store.schema import schema_statements

    with _one_transaction(conn, keys_off=True):
        for statement in schema_statements():
            if "CREATE TABLE IF NOT EXISTS texts" in statement:
                conn.execute(statement)
        conn.execute("INSERT INTO texts (document_id, text, extra) SELECT id, text, extra FROM documents")
        conn.execute("ALTER TABLE documents DROP COLUMN text")
        conn.execute("ALTER TABLE documents DROP COLUMN extra")
        conn.execute("PRAGMA user_version = 5")


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _copy_documents(conn: sqlite3.Connection) -> None:
    from drafter.store.write import prepare_layout, write_documents

    rows = conn.execute("SELECT * FROM old_documents ORDER BY id").fetchall()
    for row in rows:
        document = _old_document(conn, row)
        write_documents(conn, row["file_id"], prepare_layout([document]), doc_ids=[row["id"]], ordinals=[row["ordinal"]])


def _old_document(conn: sqlite3.Connection, row: sqlite3.Row) -> Document:
    document = Document(
        title=row["title"], plan_title=row["plan_title"], issuer=row["issuer"], date=row["date"],
        doc_number=row["doc_number"], region=row["region"], level=row["level"], preamble=row["preamble"] or "",
        text=row["text"] or "",
    )  # fmt: skip
    by_id: dict[int, Section] = {}
    rows = conn.execute(
        "SELECT id, parent_id, marker, title, level, kind, body FROM old_sections WHERE document_id = ? ORDER BY ordinal",
        (row["id"],),
    )
    for r in rows:
        section = Section(r["marker"], r["title"], r["level"], r["kind"], r["body"] or "")
        by_id[r["id"]] = section
        parent = by_id.get(r["parent_id"]) if r["parent_id"] is not None else None
        (parent.children if parent else document.sections).append(section)
    tasks = conn.execute(
        "SELECT section_id, text, lead, partners, deadline FROM old_tasks WHERE document_id = ? ORDER BY ordinal",
        (row["id"],),
    )
    for t in tasks:
        if t["section_id"] in by_id:
            by_id[t["section_id"]].tasks.append(Task(t["text"], t["lead"], json.loads(t["partners"] or "[]"), t["deadline"]))
    _type(document, row)
    return document


def _type(document: Document, row: sqlite3.Row | None = None) -> None:
    """What the document is, as stored (schema 3 has doc_type) or from its outline (no file is read)."""
    from drafter.corpus.doctype import doc_type, is_template
    from drafter.corpus.regions import region_note

    keys = row.keys() if row is not None else []
    document.is_template = bool(row["is_template"]) if "is_template" in keys else is_template(document)
    document.doc_type = row["doc_type"] if "doc_type" in keys and row["doc_type"] else doc_type(document)
    document.region_note = row["region_note"] if "region_note" in keys else region_note(document)


def type_documents(conn: sqlite3.Connection) -> None:
    """Schema 5 → 6: each document's type, template flag and missing-region note, from its outline."""
    from drafter.store.read import load_document

    with _one_transaction(conn):
        columns = _columns(conn, "documents")
        if "is_template" not in columns:
            conn.execute("ALTER TABLE documents ADD COLUMN is_template INTEGER NOT NULL DEFAULT 0")
        if "region_note" not in columns:
            conn.execute("ALTER TABLE documents ADD COLUMN region_note TEXT")
        rows = []
        for (doc_id,) in conn.execute("SELECT id FROM documents").fetchall():
            document = load_document(conn, doc_id)
            document.doc_type = None  # schema 5 wrote NULL: the parser had no type then
            _type(document)
            rows.append((document.doc_type, int(document.is_template), document.region_note, doc_id))
        conn.executemany("UPDATE documents SET doc_type = ?, is_template = ?, region_note = ? WHERE id = ?", rows)
        conn.execute("PRAGMA user_version = 6")


def index_kinds(conn: sqlite3.Connection) -> None:
    """Schema 6 → 7: `doc_kinds`, filled from each document's `kinds` (one transaction)."""
    from drafter.store.schema import SCHEMA_VERSION, schema_statements

    with _one_transaction(conn):
        for statement in schema_statements():
            if "doc_kinds" in statement:
                conn.execute(statement)
        conn.execute("INSERT OR IGNORE INTO doc_kinds (document_id, kind)"
                     " SELECT d.id, k.key FROM documents d, json_each(d.kinds) k")  # fmt: skip
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
