"""The store at 1k, 10k and (simulated) 100k plans: ingest, size, search, rank and list pages.

    .venv/bin/python benchmarks/bench_store.py                       # 1,000 and 10,000 plans, 100k simulated
    .venv/bin/python benchmarks/bench_store.py --plans 1000 --simulate 0   # a quick look

Realistic corpus (`benchmarks/realistic.py`): one generated plan a file, ~20 KB, varied. Each
size is ingested once into its own store (2 reading processes) and kept in DRAFTER_BENCH_DIR; the
ingest figures are those of that run (saved beside the store). The 100k store is the 10k store
with every document copied ten times (`benchmarks/simulate.py`).

Side by side in one run, with anchors:
- search: tantivy (the store) and FTS5 on the same words (`benchmarks/fts5_anchor.py`), in
  process, every query of `realistic.QUERIES` several times; and `drafter corpus search` whole.
- rank: the shortlist (MinHash → paragraph comparison of the top 50) against the exhaustive
  paragraph comparison of every plan, and the release's way (a section-aligned `compare_documents`
  per plan, timed on a sample and projected); top-10 agreement; `drafter rank` whole.
- list: a page of 100 (first, deep, filtered, by date), the facets; `drafter corpus list` whole.
Medians and p95 in milliseconds. The machine's load is printed with every table.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

import realistic as R

from drafter.corpus.ingest import ingest_paths
from drafter.store import DEFAULT_CORPUS_KEY, DocFilter, Store


def built_store(plans: int, rebuild: bool = False) -> tuple[Path, dict]:
    """The store of the `plans` corpus (ingested once), and its ingest figures."""
    folder = R.corpus_folder(plans)
    db = R.BENCH_DIR / f"store-{plans}" / "drafter.sqlite3"
    facts_file = db.with_name("ingest.json")
    if facts_file.exists() and not rebuild:
        return db, json.loads(facts_file.read_text())
    import shutil

    shutil.rmtree(db.parent, ignore_errors=True)
    db.parent.mkdir(parents=True)
    size = R.folder_bytes(folder)
    load_before = R.load()
    cpu, children = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    with Store(db) as store:
        report = ingest_paths(store, [folder], workers=2)
        _no_bundled_corpus(store)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent = time.process_time() - cpu
    workers = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    facts = {
        "files": len(report.results), "documents": report.documents, "seconds": report.seconds,
        "mb": size / 1e6, "mb_s": size / 1e6 / report.seconds, "plans_s": report.documents / report.seconds,
        "skipped": len(report.skipped), "load": f"{load_before} → {R.load()}",
        "parent_cpu_s": parent, "workers_cpu_s": workers,
        "cpu_s_per_mb": (parent + workers) / (size / 1e6),
    }  # fmt: skip
    facts_file.write_text(json.dumps(facts, ensure_ascii=False))
    return db, facts


def _no_bundled_corpus(store: Store) -> None:
    """The CLI would ingest the bundled seed plans into a store on first use: not into these."""
    from drafter.reader import PARSER_VERSION

    store.set_meta(DEFAULT_CORPUS_KEY, PARSER_VERSION)


def sizes(db: Path) -> dict:
    with Store(db) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        text = sum(len((t or "").encode("utf-8")) + len((x or "").encode("utf-8"))
                   for t, x in store.conn.execute("SELECT text, extra FROM texts"))  # fmt: skip
        docs = store.count_documents()
        paragraphs = store.conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    index = sum(p.stat().st_size for p in Path(f"{db}.index").rglob("*") if p.is_file())
    sqlite_bytes = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())
    return {"documents": docs, "paragraphs": paragraphs, "text_mb": text / 1e6, "sqlite_mb": sqlite_bytes / 1e6,
            "index_mb": index / 1e6, "ratio": (sqlite_bytes + index) / text}  # fmt: skip


# -- search ---------------------------------------------------------------------------------------


def search_figures(db: Path, rounds: int, fts5: bool) -> dict:
    from fts5_anchor import Fts5Search, build

    out: dict = {}
    with Store(db) as store:
        store.search("医院")  # open the index, warm the page cache
        where = DocFilter(region=_a_province(store), year_from=2015, year_to=2020)
        out["tantivy"] = _query_times(lambda q: store.search(q, limit=20), rounds)
        out["tantivy_filtered"] = _query_times(lambda q: store.search(q, limit=20, where=where), rounds)
        if fts5:
            side = db.with_name("fts5-anchor.sqlite3")
            meta = db.with_name("fts5-anchor.json")
            if not side.exists() or not meta.exists():
                info = _fts5_build_info(store, side, build)
                meta.write_text(json.dumps(info))
            anchor = Fts5Search(side, store.conn)
            anchor.search("医院")
            out["fts5"] = _query_times(lambda q: anchor.search(q, limit=20), rounds)
            out["fts5_mb"] = anchor.size_bytes() / 1e6
            out["same_top"] = _same_top(store, anchor)
    return out


def _fts5_build_info(store: Store, side: Path, build) -> dict:  # noqa: ANN001
    step = store.conn.execute("SELECT value FROM meta WHERE key = 'bench_copies'").fetchone()
    if step:
        copies, every = map(int, step[0].split(":"))
        return {"build_s": build(store.conn, side, copies, every)}
    return {"build_s": build(store.conn, side)}


def _a_province(store: Store) -> str:
    facets = store.facets()
    return next(iter(facets.provinces))  # the province with most plans


def _query_times(run, rounds: int) -> list[float]:  # noqa: ANN001
    """Wall milliseconds of each query; the CPU milliseconds of each go to `CPU_TIMES` (on a
    machine shared with others a wall p95 is mostly the time a query waited for a core)."""
    times, cpu = [], []
    for _ in range(rounds):
        for query in R.QUERIES:
            start, start_cpu = time.perf_counter(), time.process_time()
            run(query)
            cpu.append((time.process_time() - start_cpu) * 1000)
            times.append((time.perf_counter() - start) * 1000)
    CPU_TIMES[id(times)] = cpu
    return times


CPU_TIMES: dict[int, list[float]] = {}


def _same_top(store: Store, anchor) -> str:  # noqa: ANN001
    """How many queries give the same first hit in both engines (BM25 differs a little)."""
    same = sum(1 for q in R.QUERIES if [h.paragraph_id for h in store.search(q, limit=1)] == anchor.search(q, 1))
    return f"{same}/{len(R.QUERIES)}"


# -- rank -----------------------------------------------------------------------------------------


def rank_figures(db: Path, drafts: int, exhaustive: bool, release_sample: int) -> dict:
    from drafter.compare import compare_documents
    from drafter.compare.rank import rank_against_corpus
    from drafter.reader import read_plans

    documents = [read_plans(p)[0] for p in R.drafts(drafts)]
    out: dict = {"shortlist": [], "agree": 0}
    with Store(db) as store:
        rank_against_corpus(documents[0], store)  # warm: signatures' pages, numpy, rapidfuzz
        for doc in documents:
            start = time.perf_counter()
            ranked = rank_against_corpus(doc, store)
            out["shortlist"].append((time.perf_counter() - start) * 1000)
            if exhaustive:
                start = time.perf_counter()
                full = rank_against_corpus(doc, store, exhaustive=True)
                out.setdefault("exhaustive", []).append((time.perf_counter() - start) * 1000)
                out["agree"] += [p.id for p in ranked.plans] == [p.id for p in full.plans]
                _missed(out, ranked, full)
        if release_sample:
            ids = [d.id for d in store.list_documents(limit=release_sample)]
            sample = [store.get_document(i) for i in ids]
            start = time.perf_counter()
            for other in sample:
                compare_documents(documents[0], other, topics=False)
            per_plan = (time.perf_counter() - start) * 1000 / len(sample)
            out["release_ms_per_plan"] = per_plan
            out["release_projected_s"] = per_plan * store.count_documents() / 1000
    return out


def _missed(out: dict, ranked, full) -> None:  # noqa: ANN001 - two Rankings
    """How many of the exhaustive top-10 the shortlist's top-10 holds, and the best similarity of
    a plan it missed (a relative of the draft, or a background plan that shares only boilerplate?)."""
    mine = {p.id for p in ranked.plans}
    missed = [p.similarity for p in full.plans if p.id not in mine]
    out["found"] = out.get("found", 0) + len(full.plans) - len(missed)
    out["wanted"] = out.get("wanted", 0) + len(full.plans)
    out["best_missed"] = max([out.get("best_missed", 0.0), *missed])
    out["tenth"] = out.get("tenth", []) + [full.plans[-1].similarity] if full.plans else out.get("tenth", [])


# -- list -----------------------------------------------------------------------------------------


def list_figures(db: Path, rounds: int) -> dict:
    with Store(db) as store:
        total = store.count_documents()
        province = _a_province(store)
        cases = {
            "first page": lambda: store.page(limit=100),
            "middle page": lambda: store.page(offset=total // 2, limit=100),
            "by date": lambda: store.page(limit=100, order="date"),
            "province + years": lambda: store.page(DocFilter(region=province, year_from=2015, year_to=2020), limit=100),
            "kind": lambda: store.page(DocFilter(kind="组织保障"), offset=200, limit=100),
            "facets": store.facets,
        }
        for fn in cases.values():
            fn()
        return {name: R.times_ms(fn, rounds) for name, fn in cases.items()}


# -- whole processes -----------------------------------------------------------------------------


def whole_process(db: Path, repeat: int) -> dict:
    draft = R.drafts(1)[0]
    commands = {
        "drafter --help": R.drafter_cmd("--help"),
        "corpus list --limit 100": R.drafter_cmd("--db", db, "corpus", "list", "--limit", "100"),
        "corpus search 分级诊疗": R.drafter_cmd("--db", db, "corpus", "search", "分级诊疗"),
        "corpus search 医疗": R.drafter_cmd("--db", db, "corpus", "search", "医疗"),
        "rank DRAFT": R.drafter_cmd("--db", db, "rank", draft),
    }
    for args in commands.values():
        R.run_ms(args)  # warm the page cache and drafter's cache folder
    return R.interleaved(commands, repeat)


# -- printing -------------------------------------------------------------------------------------


def report(label: str, facts: dict, size: dict, search: dict, rank: dict, listing: dict, whole: dict) -> list[str]:
    med = statistics.median
    rows = [f"## {label}: {size['documents']} documents, {size['paragraphs']} paragraphs — {R.load()}", ""]
    if facts:
        rows.append(f"ingest: {facts['mb']:.0f} MB in {facts['seconds']:.0f} s = {facts['mb_s']:.2f} MB/s, "
                    f"{facts['plans_s']:.0f} plans/s, 2 reading processes ({facts['load']})")  # fmt: skip
        if "cpu_s_per_mb" in facts:
            rows.append(f"ingest CPU: {facts['cpu_s_per_mb']:.2f} s a MB (readers {facts['workers_cpu_s']:.0f} s, "
                        f"writer {facts['parent_cpu_s']:.0f} s) → {2 / facts['cpu_s_per_mb']:.2f} MB/s on 2 idle "
                        "cores (projected from CPU time)")  # fmt: skip
    rows.append(f"store: SQLite {size['sqlite_mb']:.0f} MB + index {size['index_mb']:.0f} MB for "
                f"{size['text_mb']:.0f} MB of text (UTF-8) = {size['ratio']:.2f}× the text")  # fmt: skip
    rows += ["", "| figure | median ms | p95 ms |", "|---|---|---|"]
    for name, key in (("search, tantivy (the store)", "tantivy"), ("search, FTS5 anchor, same words", "fts5"),
                      ("search, tantivy, province + years filter", "tantivy_filtered")):  # fmt: skip
        if key in search:
            rows.append(f"| {name} | {med(search[key]):.1f} | {R.p95(search[key]):.1f} |")
            cpu = CPU_TIMES.get(id(search[key]))
            if cpu:
                rows.append(f"| … its CPU time | {med(cpu):.1f} | {R.p95(cpu):.1f} |")
    if rank:
        rows.append(f"| rank, shortlist + paragraph comparison | {med(rank['shortlist']):.0f} | {R.p95(rank['shortlist']):.0f} |")
    if "exhaustive" in rank:
        rows.append(f"| rank, every plan compared (anchor) | {med(rank['exhaustive']):.0f} | {R.p95(rank['exhaustive']):.0f} |")
    for name, values in listing.items():
        rows.append(f"| list: {name} | {med(values):.1f} | {R.p95(values):.1f} |")
    for name, values in whole.items():
        rows.append(f"| whole process: `drafter {name.replace('drafter ', '')}` | {med(values):.0f} | {R.p95(values):.0f} |")
    rows.append("")
    if "exhaustive" in rank:
        rows.append(f"rank top-10 equal to the exhaustive comparison's: {rank['agree']}/{len(rank['exhaustive'])} drafts; "
                    f"{rank['found']}/{rank['wanted']} of its plans found; the best plan missed has similarity "
                    f"{rank['best_missed']:.3f} (the exhaustive 10th: {min(rank['tenth']):.3f}–{max(rank['tenth']):.3f})")  # fmt: skip
    if "release_ms_per_plan" in rank:
        rows.append(f"rank the release's way (compare_documents per plan): {rank['release_ms_per_plan']:.1f} ms a plan "
                    f"→ {rank['release_projected_s']:.0f} s for this corpus (projected)")  # fmt: skip
    if "fts5_mb" in search:
        rows.append(f"FTS5 anchor's index: {search['fts5_mb']:.0f} MB; same first hit as tantivy: {search['same_top']}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", default="1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--simulate", type=int, default=100_000, help="simulated size from the largest (0: none)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every query / list page")
    parser.add_argument("--drafts", type=int, default=5, help="drafts ranked")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each whole-process command")
    parser.add_argument("--no-fts5", action="store_true", help="leave out the FTS5 anchor")
    parser.add_argument("--rebuild", action="store_true", help="ingest again even when a store is kept")
    parser.add_argument("--parts", default="search,rank,list,whole", help="what to measure, comma-separated")
    parser.add_argument("--simulated-only", action="store_true", help="measure only the simulated store")
    args = parser.parse_args()
    sizes_wanted = [int(s) for s in args.plans.split(",") if s]
    lines: list[str] = []
    for plans in [] if args.simulated_only else sizes_wanted:
        db, facts = built_store(plans, args.rebuild)
        lines += _measure(f"{plans:,} plans", db, facts, args, exhaustive=True, release_sample=100)
        print("\n".join(lines[-40:]), flush=True)
    if args.simulate:
        db = _simulated(max(sizes_wanted), args.simulate)
        lines += _measure(f"{args.simulate:,} plans (simulated)", db, {}, args, exhaustive=False, release_sample=0)
    print("\n".join(lines))


def _measure(label: str, db: Path, facts: dict, args: argparse.Namespace, exhaustive: bool, release_sample: int) -> list[str]:  # noqa: E501
    parts = set(args.parts.split(","))
    size = sizes(db)
    search = search_figures(db, args.rounds, not args.no_fts5) if "search" in parts else {}
    rank = rank_figures(db, args.drafts, exhaustive, release_sample) if "rank" in parts else {}
    listing = list_figures(db, args.rounds * 5) if "list" in parts else {}
    whole = whole_process(db, args.repeat) if "whole" in parts else {}
    return report(label, facts, size, search, rank, listing, whole) + [""]


def _simulated(base_plans: int, plans: int) -> Path:
    from simulate import simulate

    base, _ = built_store(base_plans)
    copies = max(1, round(plans / base_plans))
    db = R.BENCH_DIR / f"store-{plans}-simulated" / "drafter.sqlite3"
    marker = db.with_name("simulated.json")
    if not marker.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        for old in db.parent.glob("fts5-anchor.*"):
            old.unlink()
        info = simulate(base, db, copies)
        with Store(db) as store:
            store.set_meta("bench_copies", f"{copies}:{info['step']}")
        marker.write_text(json.dumps(info))
    return db


if __name__ == "__main__":
    main()
