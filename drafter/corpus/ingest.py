"""Ingesting many files: expand folders, skip what is already stored, read the rest, report.

One bad file never stops an ingest: it is reported as skipped with its reason and the next file is
read. That holds for names that are not valid UTF-8, symbolic-link loops, folders that cannot be
opened, pipes and devices, files that vanish or change meanwhile; only the store itself failing (a
full disk, a read-only store) stops it, with one line saying so and how many files were stored.

Reading (decode, clean, outline, jieba) is the slow part; with many files it runs in a small
process pool while this process writes the results, one transaction per batch of files. This is a
plain blocking function: the TUI runs it in a thread worker, with a `progress` callback.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from drafter.bounded import short_reason
from drafter.fsnames import shown, storable
from drafter.messages import t
from drafter.store.errors import StoreError
from drafter.store.files import FileJob, canonical, hash_file, read_file_job
from drafter.store.interface import CorpusStore
from drafter.store.types import READ, SKIPPED, UNCHANGED, IngestResult

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")
BATCH_FILES = 64  # files per write transaction, at most
BATCH_SECONDS = 1.0  # ... and at least one transaction a second
POOL_THRESHOLD = 40  # fewer files to read than this: a pool costs more than it saves
Progress = Callable[[int, int, IngestResult], None]  # (files done, files in all, latest result)


class IngestStopped(Exception):
    """Raised by a `progress` callback to stop an ingest (the app quitting): the files stored so
    far stay stored, the readers stop at once, and the index catches up at the store's next open."""


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
        again = t("ingest.replaced_part", replaced=replaced) if replaced else ""
        return t(
            "ingest.summary", read=len(self.read), documents=self.documents, again=again,
            unchanged=len(self.unchanged), skipped=len(self.skipped),
        )  # fmt: skip


def expand_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path | IngestResult]:
    """Files to ingest: named files as given (whatever they are: reading says why it cannot), folders
    searched recursively for plan files. A folder that cannot be opened is one skipped result."""
    for raw in paths:
        path = Path(raw).expanduser()
        try:
            is_folder = stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, ValueError):
            is_folder = False  # missing, a loop, no permission: hash_file says which
        if is_folder:
            yield from _walk(path)
        else:
            yield path


def _walk(top: Path) -> Iterator[Path | IngestResult]:
    """Plan files under `top`, in path order; linked folders followed once (loops end there)."""
    seen: set[tuple[int, int]] = set()
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as err:
            yield _skipped(Path(folder), t("files.folder_unreadable", why=short_reason(err)))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith((".", "~$")):  # hidden files, Word's lock files
                continue
            if _is_folder(entry):
                subfolders.append(Path(entry.path))
            elif Path(entry.name).suffix.lower() in SUFFIXES:
                yield Path(entry.path)  # a pipe or a broken link named .txt: reading says why
        pending.extend(reversed(subfolders))


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _skipped(path: Path, why: str) -> IngestResult:
    return IngestResult(storable(os.path.abspath(path)), SKIPPED, why)


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
    pooled = _pooled(len(items), workers)
    if pooled:
        from drafter.corpus.read_pool import start_readers

        start_readers()

    def done(result: IngestResult) -> None:
        report.results.append(result)
        if progress:
            progress(len(report.results), len(items), result)

    twins: list[tuple[FileJob, str]] = []
    # Hashed as the readers ask for files: reading starts after the first file, not after the last.
    to_read = _files_to_read(store, items, done, twins)
    batch: list[FileJob] = []
    flushed = time.monotonic()
    reading = _read_all(to_read, _workers(len(items), workers) if pooled else 1)
    try:
        for job in reading:
            batch.append(job)
            # Big batches for speed, but at least once a second so a progress bar keeps moving.
            if len(batch) >= BATCH_FILES or time.monotonic() - flushed > BATCH_SECONDS:
                _commit(store, batch, done)
                batch, flushed = [], time.monotonic()
        _commit(store, batch, done)
        store.update_index()  # searches (in any process) see every file read
    except StoreError as err:
        if not report.read:
            raise
        raise StoreError(t("ingest.stopped", error=err, stored=len(report.read)), err.path, err.code) from err
    finally:
        reading.close()  # stopped early (IngestStopped, Ctrl+C, a store error): the readers stop now
    _report_twins(report, twins, done)
    report.seconds = time.perf_counter() - started
    return report


def _commit(store: CorpusStore, batch: list[FileJob], done: Callable[[IngestResult], None]) -> None:
    """One transaction for the batch; should the store refuse one file's rows (a bug), the files
    are recorded one by one and only that one is skipped."""
    if not batch:
        return
    try:
        results = store.commit(batch)
    except StoreError:
        raise
    except Exception:  # noqa: BLE001 - one file's rows must not cost the others theirs
        results = []
        for job in batch:
            try:
                results += store.commit([job])
            except StoreError:
                raise
            except Exception as err:  # noqa: BLE001
                results.append(IngestResult(job.path, SKIPPED, t("ingest.store_refused", error=err)))
    for result in results:
        done(result)


def _report_twins(report: IngestReport, twins: list[tuple[FileJob, str]], done: Callable) -> None:
    """Files with the same content as one read in this ingest share its fate: unchanged when it was
    read, skipped (with its reason) when it was not."""
    by_path = {r.path: r for r in report.results}
    for job, original in twins:
        first = by_path.get(original)
        if first is not None and first.status == SKIPPED:
            why = t("ingest.same_unreadable", path=shown(original), why=first.why)
            done(IngestResult(job.path, SKIPPED, why, size=job.size))
        else:
            why = t("ingest.same_in_ingest", path=shown(original))
            done(IngestResult(job.path, UNCHANGED, why, size=job.size))


def _files_to_read(
    store: CorpusStore,
    items: list[Path | IngestResult],
    done: Callable[[IngestResult], None],
    twins: list[tuple[FileJob, str]],
) -> Iterator[FileJob]:
    """Hash every file; report those already stored (or missing); yield the files to read, and
    gather the twins (same content as a file read in this ingest, reported once that one is)."""
    first_with: dict[str, str] = {}
    for item in items:
        if isinstance(item, IngestResult):
            done(item)
            continue
        job = hash_file(item)
        if job.sha256 and job.sha256 in first_with:
            # before the store is asked: the first of them may be stored already by this ingest
            twins.append((job, first_with[job.sha256]))
            continue
        same = store.unchanged(job)
        if same:
            done(same)
        else:
            if job.sha256:
                first_with[job.sha256] = job.path
            yield job


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


def _workers(files: int, workers: int | None) -> int:
    if workers is None:
        return min(2, os.cpu_count() or 1) if files >= POOL_THRESHOLD else 1
    return workers


def _pooled(files: int, workers: int | None) -> bool:
    return _workers(files, workers) > 1 and files >= 2


def _read_all(jobs: Iterable[FileJob], workers: int) -> Iterator[FileJob]:
    if workers <= 1:
        yield from map(read_file_job, jobs)
        return
    from drafter.corpus.read_pool import read_in_processes

    yield from read_in_processes(jobs, workers)
