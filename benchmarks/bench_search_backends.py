"""Search latency of both stores side by side: the local store (SQLite + tantivy) and the server
store (PostgreSQL + RUM, or GIN), on the same realistic corpus, in the same run.

    python benchmarks/bench_search_backends.py                  # 10,000 plans (~20 min on 2 cores)
    python benchmarks/bench_search_backends.py --plans 1000     # a quick look
    python benchmarks/bench_search_backends.py --gin            # also the server with a GIN index

The corpus is `benchmarks/realistic.py`'s (one plan a file, ~27 KB, places, years and paragraphs
varied; kept in DRAFTER_BENCH_DIR and reused). It is ingested into a fresh SQLite store, then
bulk-loaded into a fresh PostgreSQL database on a throwaway cluster on a Unix socket (or `--pg
URL`, a role that may create databases): `drafter corpus push`'s code (every document read back,
cut again by the segmenter, copied) with the word index dropped, then built once and analysed —
an office loading its archive once, not its daily ingest. The queries are realistic.py's (the
common words 医疗, 医院, 服务 that set the p95 included); each runs `--repeat` times on each store,
in process, after one warm-up pass, the two stores taking turns query by query (so a load spike on
this shared machine hits both alike); medians and p95 over all runs, under each filter, with the
machine's load printed beside each row. The two stores' top-10 are compared too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import realistic as R  # noqa: E402

from drafter.corpus.ingest import ingest_paths  # noqa: E402
from drafter.store import DocFilter, connect_store  # noqa: E402
from drafter.store.transfer import copy_store  # noqa: E402

FILTERS = {
    "none": None,
    "year 2017-2020": DocFilter(year_from=2017, year_to=2020),
    "kind 重点任务": DocFilter(kind="重点任务"),
    "plans only": DocFilter(plans_only=True),
}


def side_by_side(stores: list, where: DocFilter | None, repeat: int) -> list[list[float]]:  # noqa: ANN001
    """Milliseconds of every query on every store, the stores taking turns query by query."""
    for store in stores:  # warm-up: caches, the segmenter, the server's buffers
        for query in R.QUERIES:
            store.search(query, 20, where)
    out: list[list[float]] = [[] for _ in stores]
    for _ in range(repeat):
        for query in R.QUERIES:
            for n, store in enumerate(stores):
                started = time.perf_counter()
                store.search(query, 20, where)
                out[n].append((time.perf_counter() - started) * 1000)
    return out


def agreement(local, server) -> tuple[int, int]:  # noqa: ANN001
    same_set = same_order = 0
    for query in R.QUERIES:
        a = [(h.title, h.text) for h in local.search(query, 10)]
        b = [(h.title, h.text) for h in server.search(query, 10)]
        same_set += set(a) == set(b)
        same_order += a == b
    return same_set, same_order


def build_local(folder: Path, plans: int) -> tuple[Path, float]:
    corpus = R.corpus_folder(plans)
    local_path = folder / "local.sqlite3"
    started = time.perf_counter()
    with connect_store(local_path) as local:
        report = ingest_paths(local, [corpus])
        local.update_index()
    seconds = time.perf_counter() - started
    print(f"corpus {corpus} ({R.folder_bytes(corpus) / 1e6:.0f} MB); SQLite ingest: {report.summary()} in "
          f"{seconds:.0f} s ({R.load()})", flush=True)  # fmt: skip
    return local_path, report.bytes_read / 1e6


def run(args: argparse.Namespace, folder: Path, url: str, admin) -> None:  # noqa: ANN001
    local_path, megabytes = build_local(folder, args.plans)
    with connect_store(local_path) as local, connect_store(url) as server:
        admin("DROP INDEX paragraphs_terms")  # RUM costs ~3 ms a paragraph row by row; built once below
        started = time.perf_counter()
        pushed = copy_store(local, server)
        seconds = time.perf_counter() - started
        print(f"bulk load into PostgreSQL: {len(pushed.copied)} files, {pushed.documents} documents in {seconds:.0f} s "
              f"({megabytes / seconds:.2f} MB/s), without the word index ({R.load()})", flush=True)  # fmt: skip
        started = time.perf_counter()
        method = "rum (terms rum_tsvector_ops)" if server.index_kind == "rum" else "gin (terms)"
        admin(f"CREATE INDEX paragraphs_terms ON paragraphs USING {method}")
        admin("VACUUM ANALYZE")
        print(f"{server.index_kind.upper()} index built and analysed in {time.perf_counter() - started:.0f} s", flush=True)
        labels = ["SQLite + tantivy", f"PostgreSQL + {server.index_kind.upper()}"]
        table(labels, [local, server], args.repeat, local.count_documents())
        same_set, same_order = agreement(local, server)
        print(f"top-10 of the {len(R.QUERIES)} queries: same paragraphs {same_set}, same order {same_order}")
        if args.gin:
            admin("DROP INDEX paragraphs_terms; CREATE INDEX paragraphs_terms ON paragraphs USING gin (terms)")
            admin("ANALYZE paragraphs")
            server.index_kind = "gin"
            table([labels[0], "PostgreSQL + GIN"], [local, server], args.repeat, local.count_documents())


def table(labels: list[str], stores: list, repeat: int, documents: int) -> None:  # noqa: ANN001
    print(f"\nsearch, in process, {len(R.QUERIES)} queries × {repeat}, limit 20, {documents} documents; "
          "ms, median / p95; the stores take turns query by query")  # fmt: skip
    print("| filter | " + " | ".join(labels) + " | load during the row |")
    print("|---|" + "---|" * len(labels) + "---|")
    for name, where in FILTERS.items():
        values = side_by_side(stores, where, repeat)
        cells = [f"{statistics.median(v):.1f} / {R.p95(v):.1f}" for v in values]
        print(f"| {name} | " + " | ".join(cells) + f" | {R.load()} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--gin", action="store_true", help="also time the server with a GIN index")
    parser.add_argument("--pg", help="a server URL (a role that may create databases); default: a throwaway cluster")
    args = parser.parse_args()
    from support.pg_cluster import throwaway_cluster
    from support.pg_fixtures import PgServer

    from drafter.store.postgres.schema import init_store

    print(f"{R.load()}; PostgreSQL: {'--pg' if args.pg else 'a throwaway cluster'}", flush=True)
    with tempfile.TemporaryDirectory(prefix="drafter-bench-backends-") as tmp:
        if args.pg:
            url = PgServer(args.pg, None).fresh_database(template=None)
            init_store(url)
            run(args, Path(tmp), url, lambda sql: _admin(url, sql))
            return
        with throwaway_cluster({"shared_buffers": "512MB", "work_mem": "32MB", "maintenance_work_mem": "256MB"}) as cluster:
            url = cluster.create_database("bench")
            init_store(url)
            run(args, Path(tmp), url, lambda sql: _admin(url, sql))


def _admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for statement in sql.split(";"):
            conn.execute(statement)


if __name__ == "__main__":
    main()
