"""Writing into the server store: files deduplicated by content, documents copied in, one transaction.

Every file is recorded in the transaction that writes its documents, so a reader sees a file's
documents all at once or not at all. Two machines that ingest the same content at once meet on
`source_files.sha256` (`INSERT … ON CONFLICT`): the second waits for the first's transaction and
then finds the content recorded, and reports the file unchanged — never a second copy, never a lost
one. Paragraph words come from drafter's segmenter (`drafter.store.write.prepare`) and are written
as `tsvector` literals, so the server's own parser (which knows no Chinese) never sees them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from drafter.messages import t
from drafter.store.postgres.schema import ID_SHIFT, id_range
from drafter.store.types import READ, SKIPPED, UNCHANGED, IngestResult

if TYPE_CHECKING:
    import psycopg

    from drafter.store.files import FileJob
    from drafter.store.write import Prepared

MAX_POSITION = 16383  # tsvector positions above this are clamped by PostgreSQL
MAX_LEXEME_BYTES = 2046  # a longer word is refused by PostgreSQL (a base64 blob in a scrape, say)


def tsvector_literal(words: str) -> str:
    """`'取消':1 '药品':2,5` for space-joined words (positions from 1): the words exactly as cut."""
    positions: dict[str, list[int]] = {}
    for n, word in enumerate(words.split(), 1):
        at = positions.get(word)
        if at is None:
            positions[word] = [min(n, MAX_POSITION)]
        elif n <= MAX_POSITION:  # beyond it PostgreSQL would clamp every position to the same one
            at.append(n)
    return " ".join(
        f"{quote(word)}:{','.join(map(str, at))}"
        for word, at in positions.items()
        if len(word) * 4 <= MAX_LEXEME_BYTES or len(word.encode("utf-8")) <= MAX_LEXEME_BYTES
    )


def quote(word: str) -> str:
    """A lexeme for a tsvector or tsquery literal."""
    if "'" in word or "\\" in word:
        word = word.replace("\\", "\\\\").replace("'", "''")
    return f"'{word}'"


def origin(job: FileJob) -> tuple[str, str]:
    """(host, user) the job came from: this machine and user, unless it says (a copy made by push)."""
    import getpass
    import socket

    host = getattr(job, "host", None) or socket.gethostname()
    try:
        user = getattr(job, "user", None) or getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (a container)
        user = ""
    return host, user


def unchanged(conn: psycopg.Connection, job: FileJob) -> IngestResult | None:
    """'unchanged' when this content is on the server already, as this parser reads it."""
    if job.why:
        return None
    from drafter.reader import PARSER_VERSION

    row = conn.execute(
        "SELECT path, host, ingested_by FROM source_files WHERE sha256 = %s AND status = %s AND parser = %s",
        (job.sha256, READ, PARSER_VERSION),
    ).fetchone()
    if row is None:
        return None
    host, _ = origin(job)
    if row[0] == job.path and row[1] == host:
        return IngestResult(job.path, UNCHANGED, t("ingest.already_stored"), size=job.size)
    who = "@".join(x for x in (row[2], row[1]) if x)
    return IngestResult(
        job.path, UNCHANGED, t("store_pg.same_content_as", path=row[0], who=who), size=job.size
    )


def record(conn: psycopg.Connection, job: FileJob) -> IngestResult:
    """Write one read (or unreadable) file; the caller holds the transaction."""
    from drafter.reader import PARSER_VERSION

    host, user = origin(job)
    at = getattr(job, "ingested_at", None)
    if job.why:
        known = conn.execute(
            "SELECT 1 FROM source_files WHERE host = %s AND path = %s AND status = %s", (host, job.path, READ)
        ).fetchone()
        if job.sha256 and not known:  # a readable file that went bad keeps its documents
            conn.execute(
                "INSERT INTO source_files (path, host, sha256, size, ingested_at, ingested_by, status, why, parser)"
                " VALUES (%s, %s, %s, %s, coalesce(%s::timestamptz, now()), %s, %s, %s, %s) ON CONFLICT (sha256) DO NOTHING",
                (job.path, host, job.sha256, job.size, at, user, SKIPPED, job.why, PARSER_VERSION),
            )
        return IngestResult(job.path, SKIPPED, job.why, size=job.size)
    claimed = conn.execute(
        "INSERT INTO source_files (path, host, sha256, size, ingested_at, ingested_by, status, why, parser)"
        " VALUES (%s, %s, %s, %s, coalesce(%s::timestamptz, now()), %s, %s, NULL, %s)"
        " ON CONFLICT (sha256) DO UPDATE SET path = EXCLUDED.path, host = EXCLUDED.host, size = EXCLUDED.size,"
        " ingested_at = EXCLUDED.ingested_at, ingested_by = EXCLUDED.ingested_by, status = EXCLUDED.status,"
        " why = NULL, parser = EXCLUDED.parser"
        " WHERE source_files.status <> EXCLUDED.status OR source_files.parser IS DISTINCT FROM EXCLUDED.parser"
        " RETURNING id",
        (job.path, host, job.sha256, job.size, at, user, READ, PARSER_VERSION),
    ).fetchone()
    if claimed is None:  # another ingest recorded this content first (maybe a moment ago, elsewhere)
        return unchanged(conn, job) or IngestResult(
            job.path, UNCHANGED, t("ingest.already_stored"), size=job.size
        )
    file_id = claimed[0]
    delete_documents(conn, _documents_of(conn, [file_id]))  # a skipped or stale row taken over
    replaced = _replace_older(conn, host, job)
    write_documents(conn, file_id, job.prepared)
    return IngestResult(job.path, READ, documents=len(job.prepared), replaced=replaced, size=job.size)


def _replace_older(conn: psycopg.Connection, host: str, job: FileJob) -> bool:
    """New content at a path this machine ingested before replaces the old content's documents."""
    older = conn.execute(
        "SELECT id, status FROM source_files WHERE host = %s AND path = %s AND sha256 <> %s FOR UPDATE",
        (host, job.path, job.sha256),
    ).fetchall()
    if not older:
        return False
    ids = [r[0] for r in older]
    delete_documents(conn, _documents_of(conn, ids))
    conn.execute("DELETE FROM source_files WHERE id = ANY(%s)", (ids,))
    return any(r[1] == READ for r in older)


def _documents_of(conn: psycopg.Connection, file_ids: list[int]) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM documents WHERE file_id = ANY(%s)", (file_ids,))]


def delete_documents(conn: psycopg.Connection, doc_ids: list[int]) -> None:
    if not doc_ids:
        return
    for table in ("paragraphs", "tasks", "sections"):
        conn.execute(
            f"DELETE FROM {table} t USING unnest(%s::bigint[]) AS d(id)"
            f" WHERE t.id BETWEEN d.id << {ID_SHIFT} AND ((d.id + 1) << {ID_SHIFT}) - 1",
            (doc_ids,),
        )
    conn.execute("DELETE FROM documents WHERE id = ANY(%s)", (doc_ids,))


def write_documents(conn: psycopg.Connection, file_id: int | None, prepared: list[Prepared]) -> list[int]:
    """Copy prepared documents in (inside the caller's transaction); returns their new ids."""
    from drafter.text.tokens import segmenter_version

    if not prepared:
        return []
    ids = [r[0] for r in conn.execute(
        "SELECT nextval(pg_get_serial_sequence('documents', 'id')) FROM generate_series(1, %s)", (len(prepared),))]  # fmt: skip
    segmenter = segmenter_version()
    rows: dict[str, list[tuple]] = {"documents": [], "sections": [], "paragraphs": [], "tasks": []}
    for ordinal, (doc_id, item) in enumerate(zip(ids, prepared)):
        _check_size(item)
        rows["documents"].append(_document_row(doc_id, file_id, ordinal, item, segmenter))
        _rows_of(rows, doc_id, item)
    _copy_all(conn, rows)
    return ids


def _check_size(item: Prepared) -> None:
    most = max(len(item.sections), len(item.paragraphs), sum(len(s.tasks) for s in item.sections))
    if most >= 1 << ID_SHIFT:  # ids are document_id << ID_SHIFT | position
        from drafter.errors import DrafterError

        raise DrafterError(f"a document of {most} parts is more than the store can hold")


def _document_row(doc_id: int, file_id: int | None, ordinal: int, item: Prepared, segmenter: str) -> tuple:
    d = item.document
    kinds: dict[str, int] = {}
    for section in item.sections:
        if section.kind:
            kinds[section.kind] = kinds.get(section.kind, 0) + 1
    return (
        doc_id, file_id, ordinal, d.title, d.plan_title, d.issuer, d.date, item.year, d.doc_number, d.region,
        item.province, d.level, d.doc_type or "方案", bool(d.is_template), d.region_note, item.preamble, d.text or "",
        item.extra,
        len(item.sections), sum(len(s.tasks) for s in item.sections), json.dumps(kinds, ensure_ascii=False),
        item.signature, segmenter,
    )  # fmt: skip


def section_kinds(item: Prepared) -> list[list[str]]:
    """Per section: its kind and the kinds of the sections above it (what the kind filter matches)."""
    kinds: list[list[str]] = []
    for section, parent in zip(item.sections, item.parents):
        above = kinds[parent] if parent is not None else []
        kinds.append(above + [section.kind] if section.kind and section.kind not in above else above)
    return kinds


def _rows_of(rows: dict[str, list[tuple]], doc_id: int, item: Prepared) -> None:
    first, _ = id_range(doc_id)
    kinds = section_kinds(item)
    task = 0
    for k, (section, parent, body) in enumerate(zip(item.sections, item.parents, item.bodies)):
        parent_id = None if parent is None else first + parent
        rows["sections"].append(
            (first + k, doc_id, parent_id, section.marker, section.title, section.level, section.kind, body)
        )
        for one in section.tasks:
            partners = json.dumps(list(one.partners), ensure_ascii=False)
            rows["tasks"].append(
                (first + task, doc_id, first + k, one.text, one.lead, partners, one.deadline)
            )
            task += 1
    for k, (para, words) in enumerate(zip(item.paragraphs, item.tokens)):
        section = para.section_index
        sid = None if section is None else first + section
        rows["paragraphs"].append((first + k, doc_id, sid, para.start, para.end, len(words.split()),
                                   kinds[section] if section is not None else [], tsvector_literal(words)))  # fmt: skip


_COLUMNS = {
    "documents": "id, file_id, ordinal, title, plan_title, issuer, date, year, doc_number, region, province, level,"
    " doc_type, is_template, region_note, preamble, text, extra, n_sections, n_tasks, kinds, minhash, segmenter",
    "sections": "id, document_id, parent_id, marker, title, level, kind, body",
    "paragraphs": "id, document_id, section_id, start_at, end_at, words, kinds, terms",
    "tasks": "id, document_id, section_id, text, lead, partners, deadline",
}


def _copy_all(conn: psycopg.Connection, rows: dict[str, list[tuple]]) -> None:
    with conn.cursor() as cur:
        for table, columns in _COLUMNS.items():
            if not rows[table]:
                continue
            with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows[table]:
                    copy.write_row(row)


def retokenize(conn: psycopg.Connection, doc_ids: list[int]) -> None:
    """Cut these documents' paragraphs again with this segmenter (after a segmenter change)."""
    from drafter.store.postgres.read import paragraph_texts
    from drafter.store.write import index_tokens
    from drafter.text.tokens import segmenter_version

    texts = paragraph_texts(conn, doc_ids)
    pids = list(texts)
    words = [index_tokens(texts[p]) for p in pids]
    with conn.cursor() as cur:
        cur.executemany("UPDATE paragraphs SET terms = %s::tsvector, words = %s WHERE id = %s",
                        [(tsvector_literal(w), len(w.split()), p) for p, w in zip(pids, words)])  # fmt: skip
    conn.execute("UPDATE documents SET segmenter = %s WHERE id = ANY(%s)", (segmenter_version(), doc_ids))
