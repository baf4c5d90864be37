"""Reading files in worker processes, in order, surviving a worker that dies.

A reading process can be killed under the ingest (the kernel's OOM killer on a file that blows up
in the parser, a user's `kill`): `multiprocessing.Pool` then loses the task and waits for it
forever. Here a dead worker breaks the pool (`BrokenProcessPool`); the files that were in flight are
read again one at a time, each in a process of its own, so the one that kills its reader is
skipped with a message and every other file is read. A bounded window of files in flight keeps
the prepared documents waiting for the writer few.

Readers are forked from a fork server (where the system has one, as Linux and macOS do; Windows
spawns) that imported and warmed the reader once (`read_warm`): a reader then starts in
milliseconds instead of half a second of CPU. The fork server is a fresh single-threaded process,
so forking from it is safe even when the ingest runs in the app's worker thread — forking the app
itself is not. Each reader takes the environment and the language of the process that started it,
not the fork server's (which may be older).

In the app, `sys.stderr` is Textual's capture, whose `fileno()` is -1: multiprocessing hands that
to its resource tracker and every pool failed ("bad value(s) in fds_to_keep"), so an ingest of a
folder from the app never read a file. The tracker is started with /dev/null as its stderr there,
and the readers' own output goes to /dev/null too (a warning printed by a reader would land on the
app's screen).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from drafter.messages import language, set_language, t
from drafter.store.files import FileJob, read_file_job

IN_FLIGHT_PER_WORKER = 8


Reader = Callable[[FileJob], FileJob]


def read_in_processes(jobs: Iterable[FileJob], workers: int, reader: Reader = read_file_job) -> Iterator[FileJob]:
    """`reader` (a module-level function) of every job, in the jobs' order, in `workers` processes.
    `jobs` is taken as it is needed: a caller still hashing files feeds the readers as it goes."""
    todo = iter(jobs)
    job = next(todo, None)
    while job is not None:
        with _pool(workers) as pool:
            in_flight: deque[tuple[FileJob, Future]] = deque()
            lost: list[FileJob] = []
            try:
                while job is not None or in_flight:
                    while job is not None and len(in_flight) < workers * IN_FLIGHT_PER_WORKER:
                        in_flight.append((job, pool.submit(reader, job)))
                        job = next(todo, None)
                    result = in_flight[0][1].result()
                    in_flight.popleft()
                    yield result
            except BrokenProcessPool:
                lost = [lost_job for lost_job, _ in in_flight]
            except GeneratorExit:  # the caller stopped reading: drop the files not started yet
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        yield from (read_alone(lost_job, reader) for lost_job in lost)


def read_alone(job: FileJob, reader: Reader = read_file_job) -> FileJob:
    """The job read in a process of its own; when that process dies too, the file is skipped."""
    with _pool(1) as pool:
        try:
            return pool.submit(reader, job).result()
        except BrokenProcessPool:
            job.why = t("ingest.reader_died")
            return job


def start_readers() -> None:
    """Start the fork server now (it warms up while the caller hashes the files to read)."""
    if not _has_real_stderr():
        _start_tracker_quietly()  # the fork server starts the tracker first
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _pool(workers: int) -> ProcessPoolExecutor:
    quiet = not _has_real_stderr()
    if quiet:
        _start_tracker_quietly()
    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_adopt,
                               initargs=(dict(os.environ), language(), quiet))  # fmt: skip


def _has_real_stderr() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is a ValueError and an OSError
        return False


def _start_tracker_quietly() -> None:
    """multiprocessing's resource tracker (every pool needs it) with /dev/null as its stderr."""
    from multiprocessing import resource_tracker

    saved = sys.stderr
    with open(os.devnull, "w", encoding="utf-8") as devnull:
        sys.stderr = devnull
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _context() -> multiprocessing.context.BaseContext:
    # never plain fork: the app calls this from a thread, and forking a threaded process can deadlock
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["drafter.corpus.read_warm"])
    return context


def _adopt(environ: dict[str, str], lang: str, quiet: bool) -> None:
    """In a new reader: the starting process's environment and language; no output where the
    starting process has no stderr of its own (the app's screen)."""
    os.environ.clear()
    os.environ.update(environ)
    set_language(lang)
    if quiet:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.close(devnull)
