"""A reader whose process dies on one file, as the OOM killer would kill it (for read_pool tests:
spawned workers import it by name)."""

from __future__ import annotations

import os
import signal

from drafter.store.files import FileJob, read_file_job


def read_or_die(job: FileJob) -> FileJob:
    if "killer" in os.path.basename(job.path):
        os.kill(os.getpid(), signal.SIGKILL)
    return read_file_job(job)
