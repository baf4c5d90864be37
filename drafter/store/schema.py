"""The store's SQLite schema, versioned with `PRAGMA user_version`.

Each text is kept once (in UTF-16 in a new store: 2 bytes a Chinese character, not 3): a
document's cleaned text is stored whole (`texts`), and its paragraphs are
(start, end) character offsets into it — a section's body is its paragraphs joined, so it is not
stored either (unless it cannot be rebuilt exactly that way, then it is kept as written). Text a
document holds outside its `text` (documents built in code) goes into `extra`, offsets then
counting from `text + "\\n" + extra`. The texts have a table of their own so that a `documents`
row stays a few hundred bytes: listing, counting, filtering and facets read 100,000 of them in
milliseconds instead of walking each document's text (a row's later columns sit behind it). The search index (tantivy) lives beside the database and is
derived from it: `index_dirty` lists the documents whose index entries are still to be written,
in the same transaction that changes them, so a killed ingest is repaired on the next open.

A document's sections, paragraphs and tasks have ids `doc_id << ID_SHIFT | ordinal`: one
document's rows are one range of the table's own key, so no index on `document_id` is needed
(which would cost more space than the offsets themselves) and reading a document is a range scan.

Versions: 1 (first release), 2 (+ source_files.parser), 3 (+ documents.doc_type, from the parser
work), 4 (offsets, no FTS5 copy, signatures, index journal), 5 (texts in their own table), 6 (+ is_template, region_note).
`drafter.store.migrate` brings 1–5 up to 6.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from drafter.fsnames import shown
from drafter.messages import t
from drafter.store.errors import StoreError, store_error

SCHEMA_VERSION = 7
ID_SHIFT = 24  # rows of one document per table, at most (a document with more is refused)

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
    id          INTEGER PRIMARY KEY,
    file_id     INTEGER REFERENCES source_files(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,       -- position of the document in its file
    title       TEXT,
    plan_title  TEXT,
    issuer      TEXT,
    date        TEXT,
    year        INTEGER,                -- of `date`, for filters
    doc_number  TEXT,
    region      TEXT,
    province    TEXT,                   -- the province `region` lies in
    level       TEXT,
    doc_type    TEXT NOT NULL DEFAULT '方案',  -- 方案 通知 起草说明 解读 征求意见 其他
    is_template INTEGER NOT NULL DEFAULT 0,  -- a 范文/模板 text, not a place's own plan
    region_note TEXT,                   -- why region is NULL: template national anonymised unnamed
    n_sections  INTEGER NOT NULL DEFAULT 0,
    n_tasks     INTEGER NOT NULL DEFAULT 0,
    kinds       TEXT NOT NULL DEFAULT '{}', -- JSON: section kind → how many sections
    preamble    TEXT                    -- NULL: its paragraphs joined by newlines
);
CREATE TABLE IF NOT EXISTS texts (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    text        TEXT NOT NULL DEFAULT '',
    extra       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS documents_file ON documents(file_id);
CREATE INDEX IF NOT EXISTS documents_region ON documents(region);
CREATE INDEX IF NOT EXISTS documents_province ON documents(province);
CREATE INDEX IF NOT EXISTS documents_year ON documents(year);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS documents_doc_type ON documents(doc_type);
CREATE TABLE IF NOT EXISTS sections (
    id          INTEGER PRIMARY KEY,    -- document_id << ID_SHIFT | pre-order position
    document_id INTEGER NOT NULL,
    parent_id   INTEGER,
    marker      TEXT NOT NULL,
    title       TEXT NOT NULL,
    level       INTEGER NOT NULL,
    kind        TEXT,
    body        TEXT                    -- NULL: its paragraphs joined by newlines
);
CREATE TABLE IF NOT EXISTS paragraphs (
    id          INTEGER PRIMARY KEY,    -- document_id << ID_SHIFT | position in the document
    document_id INTEGER NOT NULL,
    section_id  INTEGER,                -- NULL: the preamble
    start       INTEGER NOT NULL,       -- character offsets into text (+ "\\n" + extra)
    end         INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
    id          INTEGER PRIMARY KEY,    -- document_id << ID_SHIFT | position in the document
    document_id INTEGER NOT NULL,
    section_id  INTEGER NOT NULL,
    text        TEXT NOT NULL,
    lead        TEXT,
    partners    TEXT NOT NULL DEFAULT '[]',  -- JSON list
    deadline    TEXT
);
-- Which documents have a section of each kind: the kind filter and its counts read this index
-- (at 100k plans, reading every document's `kinds` JSON took ~0.3 s a count).
CREATE TABLE IF NOT EXISTS doc_kinds (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    PRIMARY KEY (document_id, kind)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_kinds_kind ON doc_kinds(kind, document_id);
CREATE TABLE IF NOT EXISTS signatures (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    minhash     BLOB NOT NULL           -- drafter.store.signature: NUM_PERM little-endian uint32
);
CREATE TABLE IF NOT EXISTS index_dirty (
    document_id INTEGER PRIMARY KEY,    -- its index entries must be (re)written or removed
    seq         INTEGER NOT NULL        -- bumped at every change: a sync removes only what it saw
);
"""


def id_range(doc_id: int) -> tuple[int, int]:
    """The ids of one document's sections, paragraphs and tasks: (lowest, highest)."""
    return doc_id << ID_SHIFT, ((doc_id + 1) << ID_SHIFT) - 1


def rows_of(conn: sqlite3.Connection, select: str, doc_ids: list[int]) -> Iterator[sqlite3.Row]:
    """`SELECT … FROM table` run on the rows of each document in turn (`WHERE id BETWEEN` its id
    range, in id order). One range scan a document: SQLite's plan for an OR of many ranges took
    100 ms for 20 documents, where 20 range scans take 4 ms."""
    query = f"{select} WHERE id BETWEEN ? AND ? ORDER BY id"
    for doc_id in doc_ids:
        yield from conn.execute(query, id_range(doc_id))


def schema_statements() -> list[str]:
    """SCHEMA as single statements (to run inside a transaction that is already open)."""
    return [statement.strip() for statement in SCHEMA.split(";\n") if statement.strip()]


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
            conn = sqlite3.connect(f"{uri}?{options}", uri=True, check_same_thread=False, isolation_level=None)
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
    if version == 0 and not _has_table(conn, "documents"):
        # A new store keeps its text in UTF-16: two bytes a Chinese character instead of UTF-8's
        # three (the encoding can only be chosen before the first table exists).
        conn.execute("PRAGMA encoding = 'UTF-16le'")
        conn.executescript(f"BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
        return
    from drafter.store.migrate import index_kinds, texts_apart, type_documents, upgrade_layout

    if version < 4:
        upgrade_layout(conn, version)
        return
    if version == 4:
        texts_apart(conn)
    if version <= 5:
        type_documents(conn)
    index_kinds(conn)


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None
