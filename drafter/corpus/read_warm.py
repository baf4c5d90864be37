"""Imported once by the reading processes' fork server, before it forks them (`read_pool`).

A spawned reader paid ~0.5 s of CPU before its first file: importing the reader, numpy and
rjieba, building rjieba's dictionary, compiling some two hundred patterns and loading the gazetteer.
Here that is done once, by reading the smallest bundled plan, and every reader forked afterwards
starts with all of it in memory.
"""

from __future__ import annotations

from drafter.resources import corpus_dir
from drafter.store.files import hash_file, read_file_job


def warm() -> None:
    """Read one small bundled plan, so everything the reading step loads or compiles on first use is."""
    # The fork server survives only an ImportError in its preload: anything else would leave the
    # ingest without readers, so a warm-up that fails (no bundled corpus in a trimmed install, say)
    # is simply not done and each reader warms up on its first file.
    try:
        smallest = min(corpus_dir().glob("*.txt"), key=lambda p: p.stat().st_size)
        read_file_job(hash_file(smallest))
    except Exception:  # noqa: BLE001, S110
        pass


warm()
