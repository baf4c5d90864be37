"""Ingesting many files: expand folders, skip what is already stored, read the rest, report.

One bad file never stops an ingest: it is reported as skipped with its reason and the next file is
read. Reading (decode, clean, outline, jieba) is the slow part; with many files it runs in a small
process pool while this process writes the results, one transaction per batch of files. This is a
plain blocking function: the TUI runs it in a thread worker, with a `progress` callback.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from drafter.store.interface import CorpusStore
from drafter.store.files import FileJob, canonical, hash_file, read_file_job
from drafter.store.types import READ, SKIPPED, UNCHANGED, IngestResult

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")
BATCH_FILES = 64  # files per write transaction, at most
BATCH_SECONDS = 1.0  # ... and at least one transaction a second
POOL_THRESHOLD = 40  # fewer files to read than this: a pool costs more than it saves
Progress = Callable[[int, int, IngestResult], None]  # (files done, files in all, latest result)


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)
    seconds: float = 0.0

    def with_status(self, status: str) -> list[IngestResult]:
        return [r for r in self.results if r.status == status]

    @property
    def read(self) -> list[IngestResult]:
        return self.with_status(READ)

    @property
    def unchanged(self) -> list[IngestResult]:
        return self.with_status(UNCHANGED)

    @property
    def skipped(self) -> list[IngestResult]:
        return self.with_status(SKIPPED)

    @property
    def documents(self) -> int:
        return sum(r.documents for r in self.results)

    @property
    def bytes_read(self) -> int:
        return sum(r.size for r in self.read)

    def summary(self) -> str:
        replaced = sum(r.replaced for r in self.read)
        again = f", {replaced} replaced" if replaced else ""
        return (
            f"read {len(self.read)} file(s) ({self.documents} document(s){again}), "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped"
        )


def expand_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path | IngestResult]:
    """Files to ingest: named files as given, folders searched recursively for plan files."""
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            yield from (p for p in found if not p.name.startswith((".", "~$")))  # hidden, Word locks
        elif path.exists():
            yield path
        else:
            yield IngestResult(canonical(path), SKIPPED, "does not exist")


def ingest_paths(
    store: CorpusStore,
    paths: Iterable[str | os.PathLike],
    progress: Progress | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest files and folders into `store`; `workers` > 1 reads files in that many processes
    (default: up to 2 when there are many files)."""
    started = time.perf_counter()
    report = IngestReport()
    items = _unique(expand_paths(paths))

    def done(result: IngestResult) -> None:
        report.results.append(result)
        if progress:
            progress(len(report.results), len(items), result)

    to_read = _files_to_read(store, items, done)
    batch: list[FileJob] = []
    flushed = time.monotonic()
    for job in _read_all(to_read, workers):
        batch.append(job)
        # Big batches for speed, but at least once a second so a progress bar keeps moving.
        if len(batch) >= BATCH_FILES or time.monotonic() - flushed > BATCH_SECONDS:
            for result in store.commit(batch):
                done(result)
            batch, flushed = [], time.monotonic()
    for result in store.commit(batch) if batch else []:
        done(result)
    store.update_index()  # searches (in any process) see every file read
    report.seconds = time.perf_counter() - started
    return report


def _files_to_read(
    store: CorpusStore, items: list[Path | IngestResult], done: Callable[[IngestResult], None]
) -> list[FileJob]:
    """Hash every file; report those already stored (or missing) and return the rest."""
    to_read: list[FileJob] = []
    hashes: set[str] = set()
    for item in items:
        if isinstance(item, IngestResult):
            done(item)
            continue
        job = hash_file(item)
        same = store.unchanged(job)
        if same:
            done(same)
        elif job.sha256 and job.sha256 in hashes:
            done(IngestResult(job.path, UNCHANGED, "same content as another file in this ingest"))
        else:
            hashes.add(job.sha256)
            to_read.append(job)
    return to_read


def _unique(items: Iterable[Path | IngestResult]) -> list[Path | IngestResult]:
    """Each file once, even when named twice or found in two of the folders given."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.path if isinstance(item, IngestResult) else canonical(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _read_all(jobs: list[FileJob], workers: int | None) -> Iterator[FileJob]:
    if workers is None:
        workers = min(2, os.cpu_count() or 1) if len(jobs) >= POOL_THRESHOLD else 1
    if workers <= 1 or len(jobs) < 2:
        yield from map(read_file_job, jobs)
        return
    # spawn, not fork: the TUI calls this from a thread, and forking a threaded process can deadlock.
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        yield from pool.imap(read_file_job, jobs, chunksize=4)
