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


def test_readers_speak_the_language_of_the_process_that_started_them(tmp_path, seed_paths):
    """Readers come from a fork server that may be older than the app's language setting: a file
    that holds no plan is reported in the language the app uses now, in every reader."""
    from drafter.messages import set_language

    empty = []
    for n in range(4):
        path = tmp_path / f"empty-{n}.txt"
        path.write_text("\n", encoding="utf-8")
        empty.append(hash_file(path))
    try:
        set_language("en")
        english = [r.why for r in read_in_processes(empty, workers=2)]
        set_language("zh")
        chinese = [r.why for r in read_in_processes(empty, workers=2)]
    finally:
        set_language(None)
    assert all(why and why.isascii() for why in english), english
    assert all(why and not why.isascii() for why in chinese), chinese


_IN_THE_APP = """
import sys
sys.path.insert(0, {root!r})


class Captured:  # what Textual puts in sys.stderr while the app runs: no file descriptor
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1


if __name__ == "__main__":
    sys.stderr = Captured()
    from drafter.corpus.read_pool import read_in_processes, start_readers
    from drafter.store.files import hash_file

    start_readers()  # as an ingest does, while it hashes the files
    jobs = [hash_file(path) for path in sys.argv[1:]]
    results = list(read_in_processes(jobs, workers=2))
    print(sum(1 for r in results if r.prepared and not r.why), len(jobs))
"""


def test_readers_start_when_stderr_is_the_apps_capture(tmp_path, seed_paths):
    """Inside the app, sys.stderr has no file descriptor (fileno() is -1): multiprocessing could not
    start its resource tracker, and every folder ingested from the app failed before reading a file."""
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "in_the_app.py"
    script.write_text(_IN_THE_APP.format(root=str(Path(__file__).resolve().parents[2])), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), *map(str, seed_paths)], capture_output=True, text=True,
                          timeout=240, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(len(seed_paths))] * 2
