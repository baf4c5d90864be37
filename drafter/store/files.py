"""Source files in the store: content hashes, reading a file into prepared documents, recording it.

A file is known by its path and its SHA-256: the same content again (at the same or another path)
changes nothing; new content at a known path replaces that file's documents. A file that cannot be
read is recorded as skipped with its reason, and is tried again on the next ingest.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from drafter.bounded import hash_bounded
from drafter.errors import DrafterError, UnreadableFile
from drafter.fsnames import storable
from drafter.messages import t
from drafter.store.types import READ, SKIPPED, UNCHANGED, IngestResult
from drafter.store.write import Prepared, delete_documents_of_file, prepare, write_documents


@dataclass
class FileJob:
    """One file on its way into the store; `prepared` is filled by `read_file_job` (maybe in a
    worker process), `why` when it could not be read."""

    path: str  # the name the store knows the file by (valid text, see `canonical`)
    sha256: str = ""
    size: int = 0
    prepared: list[Prepared] = field(default_factory=list)
    why: str | None = None
    source: str = ""  # the path to open, as the OS spells it (may hold bytes that are not UTF-8)

    @property
    def open_path(self) -> str:
        return self.source or self.path


def real_path(path: str | os.PathLike) -> str:
    """The absolute path with links resolved; as far as they resolve (a loop stays as it is)."""
    p = Path(path).expanduser()
    try:
        return str(p.resolve())
    except (OSError, RuntimeError):  # a symlink loop: RuntimeError before Python 3.13
        return os.path.abspath(p)


def canonical(path: str | os.PathLike) -> str:
    """The store's name for a file: its real path, as valid text (bytes that are not UTF-8 → `\\xNN`)."""
    return storable(real_path(path))


def hash_file(path: str | os.PathLike) -> FileJob:
    """The file's content hash and size, read with the bounded reader (ordinary files only)."""
    source = os.path.abspath(Path(path).expanduser())  # a link is checked as a link (dangling, a loop)
    job = FileJob(canonical(path), source=source)
    try:
        job.sha256, job.size = hash_bounded(source)
    except UnreadableFile as err:
        job.why = err.why
        job.path = storable(source)  # named as the user named it: the link, not /dev/zero
    return job


def read_file_job(job: FileJob) -> FileJob:
    """Read, clean, outline and tokenize the file; never raises for a bad file (sets `why`)."""
    if job.why:
        return job
    from drafter.reader import read_plans

    try:
        documents = read_plans(job.open_path)
    except DrafterError as err:
        job.why = getattr(err, "why", None) or str(err)
        return job
    except MemoryError:
        job.why = t("ingest.out_of_memory")
        return job
    except Exception as err:  # noqa: BLE001 - a parser bug on one file must not stop an ingest
        job.why = t("ingest.parse_failed", error=f"{type(err).__name__}: {err}")
        return job
    if not documents or not _holds_a_plan(documents):
        job.why = t("ingest.no_plan")
        return job
    try:
        job.prepared = prepare(documents)
    except DrafterError as err:  # e.g. a document of more than 16 million paragraphs
        job.why = str(err)
    return job


MIN_PLAN_HAN = 20  # Chinese characters in a file's text below which it holds no plan, whatever it decoded to


def _holds_a_plan(documents: list) -> bool:
    """A scraped stub or a few bytes of binary that decoded as text (10 bytes of UTF-16 are five
    Chinese-looking characters) make an untitled document of nothing; a real plan, or even a
    notice's title alone, has a couple of dozen Chinese characters."""
    from itertools import islice

    han = 0
    for document in documents:  # counting stops at the 20th: a plan's text is never walked whole
        han += sum(1 for _ in islice(_HAN.finditer(document.text), MIN_PLAN_HAN - han))
        if han >= MIN_PLAN_HAN:
            return True
    return False


_HAN = re.compile("[\u4e00-\u9fff]")


def unchanged(conn: sqlite3.Connection, job: FileJob) -> IngestResult | None:
    """An 'unchanged' result when this exact content is already in the store, else None."""
    if job.why:
        return None
    from drafter.reader import PARSER_VERSION

    same_path = conn.execute(
        "SELECT sha256, status, parser FROM source_files WHERE path = ?", (job.path,)
    ).fetchone()
    current = same_path and same_path["parser"] == PARSER_VERSION
    if current and same_path["sha256"] == job.sha256 and same_path["status"] == READ:
        return IngestResult(job.path, UNCHANGED, t("ingest.already_stored"), size=job.size)
    twin = conn.execute(
        "SELECT path FROM source_files WHERE sha256 = ? AND status = ? AND path != ? AND parser = ?",
        (job.sha256, READ, job.path, PARSER_VERSION),
    ).fetchone()
    if twin:
        return IngestResult(job.path, UNCHANGED, t("ingest.same_as", path=twin["path"]), size=job.size)
    return None


def record(conn: sqlite3.Connection, job: FileJob, entries: dict | None = None) -> IngestResult:
    """Write a read (or unreadable) file's rows; the caller holds the transaction. `entries`
    receives the new documents' index entries (see `write.write_documents`)."""
    known = conn.execute("SELECT id, status FROM source_files WHERE path = ?", (job.path,)).fetchone()
    if job.why:
        # A known, readable file that went bad keeps its old documents: nothing is lost.
        # A file that could not even be opened (gone, no permission) is not recorded at all.
        if job.sha256 and (known is None or known["status"] == SKIPPED):
            _upsert(conn, job, known["id"] if known else None, SKIPPED)
        return IngestResult(job.path, SKIPPED, job.why, size=job.size)
    replaced = known is not None and known["status"] == READ
    if known is not None:
        delete_documents_of_file(conn, known["id"])
    file_id = _upsert(conn, job, known["id"] if known else None, READ)
    write_documents(conn, file_id, job.prepared, entries=entries)
    return IngestResult(job.path, READ, documents=len(job.prepared), replaced=replaced, size=job.size)


def _upsert(conn: sqlite3.Connection, job: FileJob, file_id: int | None, status: str) -> int:
    from drafter.reader import PARSER_VERSION

    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    values = (job.path, job.sha256, job.size, now, status, job.why, PARSER_VERSION)
    if file_id is None:
        cur = conn.execute(
            "INSERT INTO source_files (path, sha256, size, ingested_at, status, why, parser) "
            "VALUES (?,?,?,?,?,?,?)",
            values,
        )
        return int(cur.lastrowid)
    conn.execute(
        "UPDATE source_files SET path=?, sha256=?, size=?, ingested_at=?, status=?, why=?, parser=? "
        "WHERE id=?",
        (*values, file_id),
    )
    return file_id
