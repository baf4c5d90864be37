"""How long outlining takes per file, next to reading and cleaning the same file (the anchor).

    python benchmarks/bench_outline.py                       # the seeds and the parser cases
    python benchmarks/bench_outline.py --dir ../shared/eval/dev2/docs --rounds 5

Every file is read and cleaned once per round, then split and outlined; the script prints the
median and p95 per file of both stages and the one-time start-up (imports, gazetteer tables).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", action="append", help="a folder of .txt plans (default: seeds and parser cases)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    folders = [Path(d) for d in args.dir] if args.dir else [ROOT / "tests/data/seeds", ROOT / "tests/data/parser_cases"]
    files = sorted(p for folder in folders for p in folder.glob("*.txt"))

    started = time.perf_counter()
    from drafter.reader import parse_plans
    from drafter.text.clean import clean
    from drafter.text.decode import read_text

    parse_plans(clean(read_text(files[0])).text)
    startup = time.perf_counter() - started

    cleaning: list[float] = []
    outlining: list[float] = []
    documents = 0
    for _ in range(args.rounds):
        for path in files:
            t0 = time.perf_counter()
            text = clean(read_text(path)).text
            t1 = time.perf_counter()
            documents += len(parse_plans(text, source=str(path)))
            t2 = time.perf_counter()
            cleaning.append(t1 - t0)
            outlining.append(t2 - t1)
    print(f"{len(files)} files, {documents // args.rounds} documents, {args.rounds} rounds; start-up {startup:.2f} s")
    for name, values in (("read+clean (anchor)", cleaning), ("split+outline", outlining)):
        print(f"  {name:<20} median {statistics.median(values) * 1000:6.1f} ms   p95 {_p95(values) * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
