"""Search latency of both stores side by side: the local store (SQLite + tantivy) and the server
store (PostgreSQL + RUM, or GIN), on the same realistic corpus, in the same run.

    python benchmarks/bench_search_backends.py                  # 10,000 plans (~15 min on 2 cores)
    python benchmarks/bench_search_backends.py --plans 1000     # a quick look
    python benchmarks/bench_search_backends.py --gin            # also the server with a GIN index

The corpus is `tests/support/plan_generator.py`'s (one plan a file, ~20 KB, places, years and
paragraphs varied). It is ingested into a fresh SQLite store, then pushed into a fresh PostgreSQL
database (`drafter corpus push`'s code: every document read back, cut again, copied) on a
throwaway cluster on a Unix socket (or `--pg URL`, a role that may create databases). Each of the
queries — the common words (医疗, 改革) that set the p95 included — runs `--repeat` times on each
store, in process, after one warm-up pass; medians and p95 over all runs, and the same with a
filter. The two stores' top-10 are compared too (same paragraphs; same order).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from drafter.corpus.ingest import ingest_paths  # noqa: E402
from drafter.store import DocFilter, connect_store  # noqa: E402
from drafter.store.transfer import copy_store  # noqa: E402

QUERIES = (
    "取消药品加成 家庭医生签约 医联体 分级诊疗 药品集中采购 医保支付方式改革 按病种付费 公立医院薪酬制度 "
    "现代医院管理制度 远程医疗 基层医疗卫生机构 全科医生 医疗服务价格 两票制 疾病预防控制 中医药 健康扶贫 "
    "信息化建设 绩效考核 财政补助 社会办医 县域医共体 综合监管 临床路径 检查检验结果互认 日间手术 带量采购 "
    "城乡居民医保 大病保险 公共卫生服务 慢性病管理 乡村医生 组织领导 医疗 改革 卫生 服务 建设 医院 管理"
).split()
FILTERS = {
    "none": None,
    "year 2017-2020": DocFilter(year_from=2017, year_to=2020),
    "kind 重点任务": DocFilter(kind="重点任务"),
}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timings(store, where: DocFilter | None, repeat: int) -> list[float]:  # noqa: ANN001
    for query in QUERIES:  # warm-up: caches, the segmenter, the server's buffers
        store.search(query, 20, where)
    out = []
    for _ in range(repeat):
        for query in QUERIES:
            started = time.perf_counter()
            store.search(query, 20, where)
            out.append((time.perf_counter() - started) * 1000)
    return out


def agreement(local, server) -> tuple[int, int]:  # noqa: ANN001
    same_set = same_order = 0
    for query in QUERIES:
        a = [(h.title, h.text) for h in local.search(query, 10)]
        b = [(h.title, h.text) for h in server.search(query, 10)]
        same_set += set(a) == set(b)
        same_order += a == b
    return same_set, same_order


def build(folder: Path, plans: int) -> tuple[Path, float, float]:
    from support.plan_generator import PlanGenerator

    started = time.perf_counter()
    corpus = folder / "plans"
    corpus.mkdir()
    PlanGenerator(seed=15).write(corpus, plans)
    generated = time.perf_counter() - started
    local_path = folder / "local.sqlite3"
    started = time.perf_counter()
    with connect_store(local_path) as local:
        report = ingest_paths(local, [corpus])
        local.update_index()
    print(f"generated {plans} plans in {generated:.0f} s; SQLite ingest: {report.summary()} in "
          f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
    return local_path, generated, report.bytes_read / 1e6


def run(args: argparse.Namespace, folder: Path, url: str, admin) -> None:  # noqa: ANN001
    local_path, _, megabytes = build(folder, args.plans)
    with connect_store(local_path) as local, connect_store(url) as server:
        # A bulk load builds the word index once at the end: RUM costs ~3 ms a paragraph when
        # indexing row by row (GIN ~0.3 ms), which is fine for an office's daily ingest, not for 10k plans.
        admin("DROP INDEX paragraphs_terms")
        started = time.perf_counter()
        pushed = copy_store(local, server)
        seconds = time.perf_counter() - started
        print(
            f"push to PostgreSQL: {len(pushed.copied)} files, {pushed.documents} documents in {seconds:.0f} s "
            f"({megabytes / seconds:.2f} MB/s), without the word index",
            flush=True,
        )
        started = time.perf_counter()
        method = "rum (terms rum_tsvector_ops)" if server.index_kind == "rum" else "gin (terms)"
        admin(f"CREATE INDEX paragraphs_terms ON paragraphs USING {method}")
        admin("VACUUM ANALYZE")
        print(f"{server.index_kind.upper()} index built in {time.perf_counter() - started:.0f} s", flush=True)
        rows = [("SQLite + tantivy", local), (f"PostgreSQL + {server.index_kind.upper()}", server)]
        table(rows, args.repeat, local.count_documents())
        same_set, same_order = agreement(local, server)
        print(f"top-10 of the {len(QUERIES)} queries: same paragraphs {same_set}, same order {same_order}")
        if args.gin:
            admin(
                "DROP INDEX paragraphs_terms; CREATE INDEX paragraphs_terms ON paragraphs USING gin (terms)"
            )
            server.index_kind = "gin"
            table([("PostgreSQL + GIN", server)], args.repeat, local.count_documents())


def table(rows, repeat: int, documents: int) -> None:  # noqa: ANN001
    print(f"\nsearch, in process, {len(QUERIES)} queries × {repeat}, limit 20, {documents} documents (ms)")
    print(f"{'store':<22}" + "".join(f"{name:>24}" for name in FILTERS))
    print(f"{'':<22}" + "".join(f"{'median / p95':>24}" for _ in FILTERS))
    for label, store in rows:
        cells = []
        for where in FILTERS.values():
            values = timings(store, where, repeat)
            cells.append(f"{statistics.median(values):.1f} / {p95(values):.1f}")
        print(f"{label:<22}" + "".join(f"{c:>24}" for c in cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--gin", action="store_true", help="also time the server with a GIN index")
    parser.add_argument(
        "--pg", help="a server URL (a role that may create databases); default: a throwaway cluster"
    )
    args = parser.parse_args()
    from support.pg_cluster import throwaway_cluster
    from support.pg_fixtures import PgServer

    from drafter.store.postgres.schema import init_store

    with tempfile.TemporaryDirectory() as tmp:
        if args.pg:
            server = PgServer(args.pg, None)
            url = server.fresh_database(template=None)
            init_store(url)
            run(args, Path(tmp), url, lambda sql: _admin(url, sql))
            return
        with throwaway_cluster({"shared_buffers": "512MB", "work_mem": "32MB"}) as cluster:
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
