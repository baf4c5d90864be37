"""The store's SQLite schema, versioned with `PRAGMA user_version`.

Paragraphs are the unit of search: each row keeps the original text and its heading path, and the
FTS5 table holds the same paragraph as space-joined jieba tokens (rowid = paragraph id), because
SQLite's own tokenizers cannot cut Chinese into words.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from drafter.corpus.store_errors import StoreError, store_error
from drafter.fsnames import shown
from drafter.messages import t

SCHEMA_VERSION = 3

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS source_files (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    status      TEXT NOT NULL,          -- read | skipped
    why         TEXT,                   -- for skipped files: the one-line reason
    parser      TEXT                    -- drafter.reader.PARSER_VERSION that read it
);
CREATE INDEX IF NOT EXISTS source_files_sha256 ON source_files(sha256);
CREATE TABLE IF NOT EXISTS documents (
    id         INTEGER PRIMARY KEY,
    file_id    INTEGER REFERENCES source_files(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,        -- position of the document in its file
    title      TEXT,
    plan_title TEXT,
    issuer     TEXT,
    date       TEXT,
    doc_number TEXT,
    region     TEXT,
    level      TEXT,
    doc_type   TEXT NOT NULL DEFAULT '方案',  -- 方案 通知 起草说明 解读 征求意见 其他 (v3)
    is_template INTEGER NOT NULL DEFAULT 0,  -- a 范文/模板 text, not a place's own plan (v3)
    region_note TEXT,                        -- why region is NULL: template national anonymised unnamed (v3)
    preamble   TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS documents_file ON documents(file_id);
CREATE TABLE IF NOT EXISTS sections (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    parent_id   INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,       -- pre-order position in the document
    marker      TEXT NOT NULL,
    title       TEXT NOT NULL,
    level       INTEGER NOT NULL,
    kind        TEXT,
    body        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id, ordinal);
CREATE INDEX IF NOT EXISTS sections_parent ON sections(parent_id);
CREATE INDEX IF NOT EXISTS sections_kind ON sections(kind);
CREATE TABLE IF NOT EXISTS paragraphs (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id   INTEGER REFERENCES sections(id) ON DELETE CASCADE,  -- NULL: the preamble
    ordinal      INTEGER NOT NULL,
    text         TEXT NOT NULL,
    heading_path TEXT NOT NULL          -- JSON list of headings, outermost first
);
CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs(document_id);
CREATE INDEX IF NOT EXISTS paragraphs_section ON paragraphs(section_id);
CREATE TABLE IF NOT EXISTS tasks (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id  INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    lead        TEXT,
    partners    TEXT NOT NULL DEFAULT '[]',  -- JSON list
    deadline    TEXT
);
CREATE INDEX IF NOT EXISTS tasks_document ON tasks(document_id);
CREATE INDEX IF NOT EXISTS tasks_section ON tasks(section_id);
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(tokens, tokenize='unicode61');
"""


def connect(path: str) -> sqlite3.Connection:
    """Open (and create or migrate) the store at `path`; ':memory:' gives a private store."""
    try:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL, much faster commits
        migrate(conn, path)
    except sqlite3.Error as err:  # a read-only folder, a full disk, a file that is not a store …
        if (reader := _read_only(path, err)) is not None:
            return reader
        raise (store_error(err, path) or err) from err
    return conn


def _read_only(path: str, err: sqlite3.Error) -> sqlite3.Connection | None:
    """A store in a folder drafter may not write (a shared, read-only copy) can still be read. With
    its journal files there SQLite reads it read-only; without them (they cannot be created) only as
    `immutable`, which is right for a folder nobody here can write. Writing then fails in words."""
    name = getattr(err, "sqlite_errorname", "") or ""
    if not name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or not os.path.isfile(path):
        return None
    uri = Path(path).absolute().as_uri()
    for options in ("mode=ro", "mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(
                f"{uri}?{options}", uri=True, check_same_thread=False, isolation_level=None
            )
            conn.row_factory = sqlite3.Row
            if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
                return conn
            conn.close()
            return None
        except sqlite3.Error:
            continue
    return None


def migrate(conn: sqlite3.Connection, path: str) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(t("store.newer", path=shown(path), version=version, supported=SCHEMA_VERSION), path)
    if version == SCHEMA_VERSION:
        return
    upgrade = "ALTER TABLE source_files ADD COLUMN parser TEXT;" if version == 1 else ""
    upgrade += _V3 if version in (1, 2) else ""
    conn.executescript(f"BEGIN; {upgrade} {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
    if version in (1, 2):
        _type_stored_documents(conn)


# v2 → v3: what each document is, so plan lists, gaps, rank and the library can leave non-plans out.
_V3 = """
ALTER TABLE documents ADD COLUMN doc_type TEXT NOT NULL DEFAULT '方案';
ALTER TABLE documents ADD COLUMN is_template INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN region_note TEXT;
"""


def _type_stored_documents(conn: sqlite3.Connection) -> None:
    """Type the documents an older store holds, from their stored outline (no file is read again)."""
    from drafter.corpus.doctype import doc_type, is_template
    from drafter.corpus.regions import region_note
    from drafter.corpus.store_read import load_document

    rows = []
    for (doc_id,) in conn.execute("SELECT id FROM documents").fetchall():
        document = load_document(conn, doc_id)
        document.is_template = is_template(document)
        rows.append((doc_type(document), int(document.is_template), region_note(document), doc_id))
    conn.execute("BEGIN")
    conn.executemany("UPDATE documents SET doc_type = ?, is_template = ?, region_note = ? WHERE id = ?", rows)
    conn.execute("COMMIT")
