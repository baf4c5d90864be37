"""Time to draw a plan up from a superior document (`drafter new --from`), beside `drafter new`.

    .venv/bin/python benchmarks/bench_from_superior.py [--runs 5]

Inputs: the 国务院办公厅 2024 task list (tests/data/superior/, 22 tasks) and a 25-task provincial
document built from the 哈尔滨 seed (tests/unit/superior_builder.py), for cities outside the corpus,
on a store holding the bundled corpus. Each run draws up a different city (so no candidate is
checked from an earlier run's cache); the first run pays for loading jieba and the background. (The
store holds 哈尔滨's own plan, so the provincial document's tasks fill from it: a timing input, not a
quality one — tests/unit/test_from_superior.py leaves it out.) The
anchor is `new_draft` (one library variant per standard section) for the same cities, in the same
process. Figures: median and p95 of wall time per draft, characters, tasks filled / pending.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CITIES = [("大同市", "山西省"), ("长治市", "山西省"), ("晋城市", "山西省"), ("忻州市", "山西省"), ("吕梁市", "山西省"),
          ("朔州市", "山西省"), ("阳泉市", "山西省"), ("临汾市", "山西省")]  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def superiors():
    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    from superior_builder import provincial_superior

    from drafter.reader import read_plans

    national = read_plans(ROOT / "tests" / "data" / "superior" / "guobanfa-2024-29.txt")[0]
    seed = read_plans(ROOT / "tests" / "data" / "seeds" / "002_d2b59fd790b2730b.txt")[0]
    provincial = provincial_superior(seed, "山西省", shift=7, number="晋政办发〔2024〕28号")[1]
    return {"国办发〔2024〕29号 (22 tasks)": national, "省级方案 from 哈尔滨 (25 tasks)": provincial}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        import os

        os.environ["DRAFTER_HOME"] = home
        from drafter.check.distinctive import corpus_facts
        from drafter.corpus.store import open_store
        from drafter.draft.compose import new_draft
        from drafter.draft.from_superior import build_from_superior
        from drafter.draft.io import plain_text

        db = Path(home) / "store.db"
        store = open_store(db)
        facts = corpus_facts(str(db))
        cities = CITIES[: args.runs]
        for name, superior in superiors().items():
            times, chars, filled, pending = [], [], [], []
            for region, province in cities:
                started = time.perf_counter()
                built = build_from_superior(superior, region, province, date="2024-09-01", store=store, corpus=facts)
                times.append(time.perf_counter() - started)
                chars.append(len(plain_text(built.draft)))
                filled.append(sum(1 for f in built.tasks if f.chosen))
                pending.append(sum(f.pending for f in built.tasks))
            print(f"new --from {name}: first {times[0]:.2f} s, median {statistics.median(times[1:] or times):.2f} s,"
                  f" p95 {percentile(times, 0.95):.2f} s; {statistics.median(chars):.0f} characters;"
                  f" filled {statistics.median(filled):.0f}, pending {statistics.median(pending):.0f}")
        anchor = []
        for region, province in cities:
            started = time.perf_counter()
            draft = new_draft(region, province, date="2024-09-01", corpus=facts)
            anchor.append(time.perf_counter() - started)
        print(f"anchor new (library skeleton): median {statistics.median(anchor):.2f} s, "
              f"p95 {percentile(anchor, 0.95):.2f} s; {len(plain_text(draft))} characters")
        store.close()


if __name__ == "__main__":
    main()
