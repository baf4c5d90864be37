"""`drafter corpus push` / `pull`: copy the plans of one store into another, whatever their backends.

A drafter on a train ingests into the SQLite store on the laptop, then pushes to the office
server; a colleague pulls the server's corpus to work offline. Files go with their documents and
their metadata (who ingested them, from where, when), deduplicated by content: a file whose content
the target holds already — at any path, from any machine — is counted as present and not copied
again, so pushing twice copies nothing the second time. Only the store's interface is used: each
file's documents are read back, prepared (cut by this segmenter) and committed to the target as an
ingest would, a batch of files per transaction.

Files read by an older parser are not copied (the target would take them for current): they are
named, and `drafter corpus upgrade` on the source reads them again. Documents that come from no
file (built in code) have no content to deduplicate by and stay where they are.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.messages import t
from drafter.store.files import FileJob
from drafter.store.types import READ, UNCHANGED, IngestResult

if TYPE_CHECKING:
    from drafter.store.interface import CorpusStore
    from drafter.store.types import SourceFile

BATCH = 32  # files per target transaction


@dataclass
class TransferJob(FileJob):
    """A file on its way from one store to another, with where it first came from."""

    host: str | None = None
    user: str | None = None
    ingested_at: str | None = None


@dataclass
class TransferReport:
    copied: list[IngestResult] = field(default_factory=list)
    present: int = 0  # files whose content the target held already
    skipped: list[IngestResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return sum(r.documents for r in self.copied)

    def as_json(self) -> dict:
        return {
            "copied": len(self.copied), "documents": self.documents, "present": self.present,
            "skipped": [{"path": r.path, "why": r.why} for r in self.skipped], "seconds": round(self.seconds, 2),
        }  # fmt: skip


def copy_store(
    source: CorpusStore,
    target: CorpusStore,
    progress: Callable[[int, int, IngestResult], None] | None = None,
    *,
    qualify_paths: bool = False,
) -> TransferReport:
    """Copy every read file of `source` (with its documents) that `target` lacks. `qualify_paths`:
    the target knows files by path alone (a local store), so another machine's file is named
    `host:path` there — two machines' `D:\\方案\\1.txt` stay two files."""
    from drafter.reader import PARSER_VERSION

    started = time.perf_counter()
    report = TransferReport()
    files = [f for f in source.source_files() if f.status == READ]
    done = 0

    def tick(result: IngestResult) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(files), result)

    for start in range(0, len(files), BATCH):
        jobs = []
        for source_file in files[start : start + BATCH]:
            job = _job(source_file, qualify_paths)
            if source_file.parser != PARSER_VERSION:
                result = IngestResult(job.path, "skipped", t("store_pg.older_parser"))
                report.skipped.append(result)
                tick(result)
            elif (same := target.unchanged(job)) is not None:
                report.present += 1
                tick(same)
            else:
                jobs.append(_read(source, source_file, job))
        for result in target.commit(jobs) if jobs else []:
            if result.status == READ:
                report.copied.append(result)
            elif result.status == UNCHANGED:  # another machine recorded the same content meanwhile
                report.present += 1
            else:
                report.skipped.append(result)
            tick(result)
    report.seconds = time.perf_counter() - started
    return report


def _job(source_file: SourceFile, qualify_paths: bool) -> TransferJob:
    path = source_file.path
    if qualify_paths and source_file.host and source_file.host != socket.gethostname():
        path = f"{source_file.host}:{path}"
    return TransferJob(path, source_file.sha256, source_file.size, host=source_file.host, user=source_file.user,
                       ingested_at=source_file.ingested_at)  # fmt: skip


def _read(source: CorpusStore, source_file: SourceFile, job: TransferJob) -> TransferJob:
    from drafter.store.write import prepare

    documents = [source.get_document(doc_id) for doc_id in source.file_documents(source_file.id)]
    for document in documents:
        document.source = job.path
    job.prepared = prepare(documents)
    return job
