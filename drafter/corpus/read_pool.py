"""Reading files in worker processes, in order, surviving a worker that dies.

A reading process can be killed under the ingest (the kernel's OOM killer on a file that blows up
in the parser, a user's `kill`): `multiprocessing.Pool` then loses the task and waits for it
forever. Here a dead worker breaks the pool (`BrokenProcessPool`); the files that were in flight are
read again one at a time, each in a process of its own, so the one that kills its reader is
skipped with a message and every other file is read. A bounded window of files in flight keeps
the prepared documents waiting for the writer few.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from drafter.messages import t
from drafter.store.files import FileJob, read_file_job

IN_FLIGHT_PER_WORKER = 8


Reader = Callable[[FileJob], FileJob]


def read_in_processes(jobs: list[FileJob], workers: int, reader: Reader = read_file_job) -> Iterator[FileJob]:
    """`reader` (a module-level function) of every job, in the jobs' order, in `workers` processes."""
    todo = deque(jobs)
    while todo:
        # spawn, not fork: the TUI calls this from a thread, and forking a threaded process can deadlock.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            in_flight: deque[tuple[FileJob, Future]] = deque()
            lost: list[FileJob] = []
            try:
                while todo or in_flight:
                    while todo and len(in_flight) < workers * IN_FLIGHT_PER_WORKER:
                        job = todo.popleft()
                        in_flight.append((job, pool.submit(reader, job)))
                    job, future = in_flight[0]
                    result = future.result()
                    in_flight.popleft()
                    yield result
            except BrokenProcessPool:
                lost = [job for job, _ in in_flight]
        yield from (read_alone(job, reader) for job in lost)


def read_alone(job: FileJob, reader: Reader = read_file_job) -> FileJob:
    """The job read in a process of its own; when that process dies too, the file is skipped."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            return pool.submit(reader, job).result()
        except BrokenProcessPool:
            job.why = t("ingest.reader_died")
            return job
