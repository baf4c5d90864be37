"""`drafter rank DRAFT` as a user runs it, whole process, beside the same rank in process and its anchors.

    .venv/bin/python benchmarks/bench_rank.py [--repeat 7] [--plans 10000] [--simulated 100000]
    .venv/bin/python benchmarks/bench_rank.py --baseline /tmp/main-tree   # a source tree side by side

The stores are `bench_store.py`'s (realistic plans, 10k ingested, 100k simulated: built there first);
they are only read. Drafts are `realistic.drafts` (plans from beyond the corpus, as text files).
Every row takes turns with the others in each round, so a load spike hits them alike:
- `python -c pass` and `python -c "import numpy, rapidfuzz.process, rich.table"`: the interpreter,
  and the libraries rank cannot do without (numpy for the MinHash and the paragraph matrix,
  rapidfuzz for the ratios, rich for the table) — the floor under a whole `drafter rank`;
- `drafter rank DRAFT` (the table) and `--json`, for each store;
- with `--baseline DIR`: the same commands run from that source tree (e.g. `git archive main`), by
  the same Python (its bytecode compiled first, as here).
Then rank in process (`rank_against_corpus`, store open, draft read, warm), median over the drafts.
Bytecode is compiled first, as `pip install` does. Medians and p95 in ms, with the machine's load.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
from pathlib import Path

import realistic as R


def from_tree(tree: Path | None, *args: object) -> list[str]:
    """`drafter ARGS` from this checkout (the console script), or from the source tree `tree`."""
    if tree is None:
        return R.drafter_cmd(*args)
    code = f"import sys; sys.path.insert(0, {str(tree)!r}); from drafter.cli import main; sys.exit(main())"
    return [sys.executable, "-c", code, *map(str, args)]


def commands(stores: dict[str, Path], draft: Path, baseline: Path | None) -> dict[str, list[str]]:
    rows = {
        "python -c pass (anchor)": [sys.executable, "-c", "pass"],
        "import numpy, rapidfuzz, rich (anchor)": [
            sys.executable, "-c", "import numpy, rapidfuzz.process, rich.console, rich.table"],  # fmt: skip
    }
    trees = {"": None} if baseline is None else {"": None, " (baseline)": baseline}
    for label, db in stores.items():
        for suffix, tree in trees.items():
            rank = ("--db", db, "rank", draft)
            rows[f"drafter rank DRAFT, {label}{suffix}"] = from_tree(tree, *rank)
            rows[f"drafter rank DRAFT --json, {label}{suffix}"] = from_tree(tree, *rank, "--json")
    return rows


def in_process(db: Path, drafts: list[Path], repeat: int) -> list[float]:
    """rank_against_corpus alone: the store open, the drafts read, one warm run first."""
    from drafter.compare.rank import rank_against_corpus
    from drafter.compare.sides import load_side
    from drafter.store import Store

    with Store(db) as store:
        documents = [load_side(str(path), store) for path in drafts]
        rank_against_corpus(documents[0], store)
        times: list[float] = []
        rounds = max(1, repeat // len(documents))
        for doc in documents:
            times += R.times_ms(lambda doc=doc: rank_against_corpus(doc, store), rounds)
        return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--plans", type=int, default=10_000, help="the ingested store (bench_store.py's)")
    parser.add_argument("--simulated", type=int, default=100_000, help="the simulated store (0: none)")
    parser.add_argument("--drafts", type=int, default=5, help="drafts ranked in process")
    parser.add_argument("--baseline", type=Path, help="a drafter source tree to run side by side")
    args = parser.parse_args()
    stores = {f"{args.plans:,} plans": R.BENCH_DIR / f"store-{args.plans}" / "drafter.sqlite3"}
    if args.simulated:
        simulated = R.BENCH_DIR / f"store-{args.simulated}-simulated" / "drafter.sqlite3"
        stores[f"{args.simulated:,} simulated"] = simulated
    missing = [str(db) for db in stores.values() if not db.exists()]
    if missing:
        sys.exit(f"no store at {', '.join(missing)}: build it with benchmarks/bench_store.py first")
    for tree in (R.ROOT, args.baseline):
        if tree is not None:
            compileall.compile_dir(str(tree / "drafter"), quiet=1)
    drafts = R.drafts(args.drafts)
    with tempfile.TemporaryDirectory(prefix="drafter-rank-") as home:
        env = {**os.environ, "DRAFTER_HOME": home}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("DRAFTER_DB", None)
        runs = commands(stores, drafts[0], args.baseline)
        for argv in runs.values():
            R.run_ms(argv, env)  # warm: the stores' pages, drafter's cache folder
        load = R.load()
        times = R.interleaved(runs, args.repeat, env)
        load_after = R.load()
    print(f"# `drafter rank`, whole process, {args.repeat} runs each — {load} → {load_after}\n")
    print("| command | median ms | p95 ms |\n|---|---|---|")
    for name, values in times.items():
        print(f"| `{name}` | {statistics.median(values):.0f} | {R.p95(values):.0f} |")
    print(f"\n# rank in process (`rank_against_corpus`, warm), {len(drafts)} drafts — {R.load()}\n")
    print("| store | median ms | p95 ms |\n|---|---|---|")
    for label, db in stores.items():
        values = in_process(db, drafts, args.repeat)
        print(f"| {label} | {statistics.median(values):.0f} | {R.p95(values):.0f} |")


if __name__ == "__main__":
    main()
