"""Time to first paint of the terminal app, headless, in fresh processes (imports included).

    python benchmarks/bench_first_paint.py [--runs 5]
    python benchmarks/bench_first_paint.py --db /tmp/drafter-bench/store-100000-simulated/drafter.sqlite3

Prints, per run: import time, time to the first painted screen, and time until the corpus list is
filled (the store opens, or on its first run ingests the bundled corpus, in a worker meanwhile).
All runs share one DRAFTER_HOME that starts empty, so run 1 includes the first-run ingest.
Then, in this process, the jobs the app runs in thread workers (the UI never waits for them):
assembling a new draft, comparing it with 哈尔滨市's plan, writing the 公文 .docx.
With `--db`, the app opens that store instead (a large one: how long its corpus list takes; the
worker jobs are left out).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import asyncio, json, time
t0 = time.perf_counter()
from drafter.tui.app import create_app
t_import = time.perf_counter() - t0

async def main():
    app = create_app()
    async with app.run_test(size=(100, 30)) as pilot:
        t_paint = time.perf_counter() - t0
        while app.corpus is None:
            await asyncio.sleep(0.01)
        t_corpus = time.perf_counter() - t0
        await app.workers.wait_for_complete()
        t_all = time.perf_counter() - t0
    print(json.dumps({"import": t_import, "paint": t_paint, "corpus": t_corpus, "all_workers": t_all,
                      "documents": len(app.corpus.entries)}))

asyncio.run(main())
"""


def run_once(home: str, db: str | None = None) -> dict:
    env = dict(os.environ, DRAFTER_HOME=home)
    env.pop("DRAFTER_DB", None)
    if db:
        env["DRAFTER_DB"] = db
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def time_jobs(home: str) -> None:
    """The worker jobs, timed with the same service calls the app makes."""
    import time
    from pathlib import Path

    os.environ["DRAFTER_HOME"] = home
    from drafter.tui import services
    from drafter.tui.corpus_loader import entry_from
    from drafter.tui.store_access import open_store

    with open_store(None) as store:
        harbin = entry_from(store.summary(store.resolve("哈尔滨")))
    timings = {}
    t = time.perf_counter()
    draft = services.new_draft({"region": "运城市", "province": "山西省", "date": "2024-05-01"})
    timings["new draft (运城市)"] = time.perf_counter() - t
    t = time.perf_counter()
    services.compare(None, draft, harbin)
    timings["compare with 哈尔滨市"] = time.perf_counter() - t
    t = time.perf_counter()
    services.export("docx", draft, Path(home) / "out", "运城市")
    timings["export 公文 .docx"] = time.perf_counter() - t
    for name, seconds in timings.items():
        print(f"worker job: {name:<22} {seconds * 1000:6.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="open this store (a large one) instead of a fresh home's")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        results = [run_once(home, args.db) for _ in range(args.runs)]  # run 1: fresh home (first-run ingest)
        report(results)
        if not args.db:
            time_jobs(home)


def report(results: list[dict]) -> None:
    for i, r in enumerate(results, 1):
        print(
            f"run {i}: import {r['import'] * 1000:6.0f} ms  first paint {r['paint'] * 1000:6.0f} ms  "
            f"corpus listed {r['corpus'] * 1000:6.0f} ms  all workers {r['all_workers'] * 1000:6.0f} ms  "
            f"({r['documents']} documents)"
        )
    warm = results[1:] or results
    paints = [r["paint"] for r in warm]
    listed = [r["corpus"] - r["paint"] for r in warm]
    print(f"first paint (warm runs) median {statistics.median(paints) * 1000:.0f} ms; target ≤ 1000 ms")
    print(f"corpus listed after first paint (warm runs) median {statistics.median(listed) * 1000:.0f} ms, "
          f"max {max(listed) * 1000:.0f} ms; {os.getloadavg()[0]:.1f} load on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
