"""Ingest CPU per MB, stage by stage, and a digest of everything ingest produces (issue 15).

    python benchmarks/bench_ingest_cpu.py                       # 200 files of the 10k corpus
    python benchmarks/bench_ingest_cpu.py --files 100 --profile 25
    python benchmarks/bench_ingest_cpu.py --digest-only         # just the output digest
    python benchmarks/bench_ingest_cpu.py --wall 500            # + a whole ingest of 500 files, 2 workers
    python benchmarks/bench_ingest_cpu.py --code /tmp/base      # the same figures for another checkout
    python benchmarks/bench_ingest_cpu.py --wall 2000 --wall-only  # only the whole ingest
    python benchmarks/bench_ingest_cpu.py --wall 2000 --cli /tmp/oldvenv/bin/drafter  # a whole `drafter ingest`

CPU time (`time.process_time`, all threads of this process), not wall time: the machine is shared.
The reading stages are the steps of `read_file_job` (what the pool workers run), timed one by one in
this process: decode, clean, split into documents, outline, paragraph layout + MinHash, index words.
The writer is `Store.commit` + the index's last commit into a fresh store (DRAFTER_HOME isolated in
a temporary folder), fed the jobs read before; pickling is one dump + load of each job (what the pool
sends between processes). `--profile N` also prints the reading step's N hottest functions (cProfile).

The digest hashes every prepared document (text, metadata, sections with levels/kinds/titles/bodies,
tasks, paragraphs as offsets, index words, signature, province) and the rows the store holds after
the ingest (timestamps left out): any change of output changes it.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import os
import pickle
import pstats
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--code" in sys.argv:  # another checkout's drafter (an A/B against an older commit), before imports
    ROOT = Path(sys.argv[sys.argv.index("--code") + 1]).resolve()
sys.path.insert(0, str(ROOT))
CORPUS = Path("/tmp/drafter-bench/corpus-10000")
STORE_TABLES = {  # table → its columns to digest, in a stable order
    "documents": "id, ordinal, title, plan_title, issuer, date, year, doc_number, region, province, level,"
    " doc_type, is_template, region_note, n_sections, n_tasks, kinds, preamble",
    "texts": "document_id, text, extra",
    "sections": "id, document_id, parent_id, marker, title, level, kind, body",
    "paragraphs": "id, document_id, section_id, start, end",
    "tasks": "id, document_id, section_id, text, lead, partners, deadline",
    "signatures": "document_id, minhash",
    "doc_kinds": "document_id, kind",  # schema 7 on: digested where it exists
}


def corpus_files(n: int, step: int, corpus: Path = CORPUS) -> list[Path]:
    """Every `step`-th plan file under `corpus` (in path order), `n` at most."""
    suffixes = (".txt", ".md", ".html", ".htm", ".docx")
    names = sorted(p for p in corpus.rglob("*") if p.suffix.lower() in suffixes)
    return [names[i] for i in range(0, min(len(names), n * step), step)][:n]


# -- the reading step, stage by stage ---------------------------------------------------------------


def read_stages(paths: list[Path]) -> tuple[dict[str, float], list]:
    """CPU seconds of each reading stage over `paths`, and the jobs (as `read_file_job` leaves them)."""
    from drafter.corpus.split import split_documents
    from drafter.reader import outline_spans
    from drafter.store.files import hash_file
    from drafter.store.write import prepare_layout
    from drafter.text.clean import clean
    from drafter.text.decode import read_text
    from drafter.text.tokens import index_words, warm_up

    try:
        from drafter.reader import page_head
    except ImportError:
        page_head = None
    warm_up()
    stages = dict.fromkeys(("decode", "clean", "split", "outline", "layout+minhash", "index words"), 0.0)
    jobs = []
    for path in paths:
        job = hash_file(path)
        t0 = time.process_time()
        raw = read_text(job.open_path)
        t1 = time.process_time()
        cleaned = clean(raw)
        text = cleaned.text
        t2 = time.process_time()
        spans = split_documents(text)
        t3 = time.process_time()
        head = page_head(text, spans, cleaned.removed) if page_head else ""  # (an older tree has none)
        documents = outline_spans(spans, job.open_path, head) if head else outline_spans(spans, job.open_path)
        t4 = time.process_time()
        job.prepared = prepare_layout(documents)
        t5 = time.process_time()
        for prepared in job.prepared:
            prepared.tokens = index_words(prepared.paragraph_texts())
        t6 = time.process_time()
        for stage, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)):
            stages[stage] += seconds
        jobs.append(job)
    return stages, jobs


def real_jobs(paths: list[Path]) -> list:
    """The jobs exactly as the pool workers return them."""
    from drafter.store.files import hash_file, read_file_job

    return [read_file_job(hash_file(p)) for p in paths]


def profile_reading(paths: list[Path], top: int) -> None:
    from drafter.store.files import hash_file, read_file_job
    from drafter.text.tokens import warm_up

    warm_up()
    jobs = [hash_file(p) for p in paths]
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for job in jobs:
        read_file_job(job)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)


# -- the writer ------------------------------------------------------------------------------------


def write_figures(jobs: list, batch: int) -> dict[str, float]:
    """CPU seconds of pickling the jobs, and of writing them into a fresh store (SQLite + index)."""
    from drafter.store import Store

    t0 = time.process_time()
    moved = [pickle.loads(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)) for job in jobs]
    pickling = time.process_time() - t0
    with tempfile.TemporaryDirectory() as home:
        os.environ["DRAFTER_HOME"] = home
        db = Path(home) / "bench.db"
        store = Store(db)
        store.sync_index(flush=True)  # the empty index opened and labelled: not the writer's cost
        t1 = time.process_time()
        for start in range(0, len(moved), batch):
            store.commit(moved[start : start + batch])
        t2 = time.process_time()
        store.update_index()
        store.close()
        t3 = time.process_time()
        digest = store_digest(db)
    return {"pickling": pickling, "sqlite+index entries": t2 - t1, "index commit": t3 - t2, "_store": digest}


def store_digest(db: Path) -> str:
    conn = sqlite3.connect(db)
    h = hashlib.sha256()
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, columns in STORE_TABLES.items():
        if table not in present:
            continue
        for row in conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2"):
            h.update(repr(row).encode())
    files = conn.execute("SELECT path, sha256, size, status, why FROM source_files ORDER BY path").fetchall()
    h.update(repr(files).encode())
    conn.close()
    return h.hexdigest()[:16]


# -- the digest ------------------------------------------------------------------------------------


def prepared_digest(jobs: list) -> str:
    h = hashlib.sha256()
    for job in jobs:
        h.update(f"{job.path}\0{job.why}\0{len(job.prepared)}".encode())
        for p in job.prepared:
            doc = asdict(p.document)
            doc.pop("sections")  # the flattened ones below hold them (with their order and parents)
            h.update(repr(sorted(doc.items())).encode())
            for section, parent, body in zip(p.sections, p.parents, p.bodies):
                h.update(repr((section.marker, section.title, section.level, section.kind, section.body,
                               parent, body, [asdict(t) for t in section.tasks])).encode())  # fmt: skip
            h.update(repr([(q.section_index, q.start, q.end) for q in p.paragraphs]).encode())
            h.update(repr((p.extra, p.preamble, p.province, p.year)).encode())
            h.update("\n".join(p.tokens).encode())
            h.update(p.signature)
    return h.hexdigest()[:16]


# -- the whole ingest, wall clock ------------------------------------------------------------------


def wall_ingest(paths: list[Path], workers: int) -> dict[str, float]:
    """A real `ingest_paths` of `paths` with `workers` processes into a fresh store."""
    import resource

    with tempfile.TemporaryDirectory() as home:
        code = _WALL_INGEST
        env = {**os.environ, "DRAFTER_HOME": home}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        command = [sys.executable, "-c", code, str(ROOT), str(Path(home) / "w.db"), str(workers), *map(str, paths)]
        out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, size, forked, first, reading, between = out.split()
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime) + float(forked)
    return {"seconds": float(seconds), "mb": int(size) / 1e6, "cpu": cpu, "first": float(first),
            "steady": int(between) / 1e6 / float(reading)}  # fmt: skip


# Readers forked by multiprocessing's fork server are its children, not this process's: their CPU
# time (and the server's own) is read from /proc before the ingest's process ends (the server has
# reaped them by then: cutime/cstime count reaped children). 0 when readers were spawned.
_WALL_INGEST = """
import os, sys, time
sys.path.insert(0, sys.argv[1])
from drafter.corpus.ingest import ingest_paths
from drafter.store import Store


def forked_cpu():
    try:
        from multiprocessing import forkserver
        pid = forkserver._forkserver._forkserver_pid
        if not pid:
            return 0.0
        time.sleep(0.3)  # the server reaps its readers on SIGCHLD
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime
    except (ImportError, AttributeError, OSError):
        return 0.0


def timed_reading(read_all, marks):
    # When each file comes back from the readers: the first and the last give the steady rate.
    def reading(jobs, workers):
        for job in read_all(jobs, workers):
            marks.append((time.perf_counter(), job.size))
            yield job
    return reading


if __name__ == "__main__":
    import drafter.corpus.ingest as ingest

    marks = []
    ingest._read_all = timed_reading(ingest._read_all, marks)
    s = Store(sys.argv[2])
    t = time.perf_counter()
    r = ingest_paths(s, sys.argv[4:], workers=int(sys.argv[3]))
    s.close()
    done = time.perf_counter()
    between = sum(size for _, size in marks[1:])  # read after the first file came back
    print(done - t, r.bytes_read, forked_cpu(), marks[0][0] - t, marks[-1][0] - marks[0][0], between)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--step", type=int, default=50, help="take every STEP-th file of the corpus")
    parser.add_argument("--profile", type=int, default=0, help="print the N hottest functions of reading")
    parser.add_argument("--digest-only", action="store_true")
    parser.add_argument("--wall", type=int, default=0, help="also ingest this many files with 2 workers")
    parser.add_argument("--wall-only", action="store_true", help="only the whole ingest (--wall N)")
    parser.add_argument("--batch", type=int, default=64, help="files per store transaction (BATCH_FILES)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the folder of plan files to read")
    parser.add_argument("--code", help="measure the drafter of this checkout (a worktree of another commit)")
    parser.add_argument("--cli", help="time `DRAFTER ingest FOLDER` of the --wall files instead"
                        " (any release, whatever its insides): the path of a venv's drafter command")
    args = parser.parse_args()
    os.environ.setdefault("DRAFTER_HOME", tempfile.mkdtemp(prefix="drafter-bench-cpu-"))
    paths = corpus_files(args.files, args.step, args.corpus)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} files, {mb:.2f} MB; load {os.getloadavg()[0]:.1f}; drafter from {ROOT}")
    if args.cli:
        print_cli_ingest(args.cli, args.wall)
        return
    if args.wall_only:
        print_wall(args.wall)
        return
    if args.profile:
        profile_reading(paths, args.profile)
        return
    jobs = real_jobs(paths)
    digest = prepared_digest(jobs)
    if args.digest_only:
        print(f"digest prepared {digest}  store {write_figures(jobs, args.batch)['_store']}")
        return
    stages, staged = read_stages(paths)
    assert prepared_digest(staged) == digest, "the staged reading differs from read_file_job"
    writer = write_figures(jobs, args.batch)
    reading = sum(stages.values())
    writing = sum(v for k, v in writer.items() if not k.startswith("_"))
    print(f"digest prepared {digest}  store {writer['_store']}")
    print("stage                  CPU-s   CPU-s/MB")
    for name, seconds in [*stages.items(), ("= reading", reading)]:
        print(f"{name:<20} {seconds:7.2f}   {seconds / mb:6.3f}")
    written = [(k, v) for k, v in writer.items() if not k.startswith("_")]
    for name, seconds in [*written, ("= writing", writing)]:
        print(f"{name:<20} {seconds:7.2f}   {seconds / mb:6.3f}")
    total = (reading + writing) / mb
    print(f"total {total:.3f} CPU-s/MB → {2 / total:.2f} MB/s projected on 2 idle cores")
    if args.wall:
        print_wall(args.wall)


def print_wall(files: int) -> None:
    wall = wall_ingest(corpus_files(files, max(1, 10000 // files)), 2)
    speed, cpu = wall["mb"] / wall["seconds"], wall["cpu"] / wall["mb"]
    print(f"wall: {wall['mb']:.1f} MB in {wall['seconds']:.1f} s = {speed:.2f} MB/s, {cpu:.3f} CPU-s/MB"
          f" (all processes); load {os.getloadavg()[0]:.1f}")
    print(f"      first file back after {wall['first']:.2f} s (the readers' start); from then to the"
          f" last one {wall['steady']:.2f} MB/s")

def print_cli_ingest(drafter: str, files: int) -> None:
    """Wall time of a whole `drafter ingest` of the --wall files (hard links in a folder of their own)."""
    paths = corpus_files(files, max(1, 10000 // files))
    with tempfile.TemporaryDirectory(dir=paths[0].parent.parent) as work:
        folder = Path(work) / "plans"
        folder.mkdir()
        for path in paths:
            os.link(path, folder / path.name)
        env = {**os.environ, "DRAFTER_HOME": work}
        t = time.perf_counter()
        subprocess.run([drafter, "--db", str(Path(work) / "w.db"), "ingest", str(folder)],
                       env=env, check=True, capture_output=True)
        seconds = time.perf_counter() - t
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"drafter ingest (whole process, {drafter}): {mb:.1f} MB in {seconds:.1f} s = {mb / seconds:.2f} MB/s;"
          f" load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
