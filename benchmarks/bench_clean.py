"""Cleaning and decoding throughput on the seed corpus (prints figures; not part of the test run).

    .venv/bin/python benchmarks/bench_clean.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.text.clean import clean  # noqa: E402
from drafter.text.decode import read_text  # noqa: E402

SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
ROUNDS = 20


def best_of(fn, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    size = sum(len(t.encode("utf-8")) for t in texts)
    clean(texts[0])  # load OpenCC once, outside the timing
    fastest, median = best_of(lambda: [clean(t) for t in texts])
    print(f"clean: {len(texts)} seeds, {size / 1e3:.0f} KB: best {fastest * 1e3:.0f} ms, "
          f"median {median * 1e3:.0f} ms → {size / 1e6 / median:.1f} MB/s")
    for path, text in zip(SEEDS, texts):
        fastest, median = best_of(lambda: clean(text), 5)
        print(f"  {path.name}: {median * 1e3:.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for path, text in zip(SEEDS, texts):
            gb = Path(tmp) / f"gb-{path.name}"
            gb.write_bytes(text.encode("gb18030"))
            paths.append(gb)
        fastest, median = best_of(lambda: [read_text(p) for p in SEEDS], 10)
        print(f"read UTF-8: median {median * 1e3:.1f} ms → {size / 1e6 / median:.1f} MB/s")
        fastest, median = best_of(lambda: [read_text(p) for p in paths], 5)
        print(f"read GB18030 (charset-normalizer detection): median {median * 1e3:.0f} ms "
              f"→ {size / 1e6 / median:.1f} MB/s")


if __name__ == "__main__":
    main()
