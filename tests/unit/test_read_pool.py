"""Reading processes that die: the file that killed its reader is skipped with a message, every
other file is read, in order, and the ingest never waits forever (multiprocessing.Pool did)."""

from __future__ import annotations

import threading

from drafter.corpus.read_pool import read_in_processes
from drafter.store.files import hash_file
from tests.support.dying_reader import read_or_die


def test_a_reader_killed_on_one_file_costs_only_that_file(tmp_path, seed_paths):
    files = []
    for n, seed in enumerate(seed_paths * 3):
        name = "killer.txt" if n == 7 else f"{n:02d}-{seed.name}"
        target = tmp_path / name
        target.write_bytes(seed.read_bytes())
        files.append(target)
    jobs = [hash_file(path) for path in files]
    results: list = []
    reading = threading.Thread(target=lambda: results.extend(read_in_processes(jobs, workers=2, reader=read_or_die)),
                               daemon=True)  # fmt: skip
    reading.start()
    reading.join(240)
    assert not reading.is_alive(), "the ingest waits forever for the file whose reader died"
    assert [r.path for r in results] == [j.path for j in jobs]
    [dead] = [r for r in results if r.why]
    assert dead.path.endswith("killer.txt")
    assert "进程被终止" in dead.why
    assert all(r.prepared for r in results if r is not dead)
