"""Whole-text diff-match-patch (default settings) against drafter's aligned diff, same inputs, one run.

    .venv/bin/python benchmarks/bench_diff.py [--repeat 15] [--dmp-repeat 3]

Pairs: seed 002 vs seed 004 (~10k characters each), seed 000 whole (all its documents) vs seed 002,
and near-identical pairs (a seed against a copy with known edits). jieba is loaded and warmed first;
tokenization and normalization are cached, as in a session that compares more than once.
Prints median milliseconds per pair and the ratio dmp / drafter. Target: drafter ≤ 50 ms median on
the largest pair.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from diff_match_patch import diff_match_patch

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def _median_ms(fn, repeat: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of drafter's diff per pair")
    parser.add_argument("--dmp-repeat", type=int, default=3, help="runs of whole-text dmp per pair")
    args = parser.parse_args(argv)

    from drafter.compare import compare_documents, load_side
    from drafter.compare.inline import _diff_texts_cached
    from drafter.compare.synthetic import edit_document
    from drafter.compare.units import document_lines
    from drafter.text.tokens import warm_up

    warm_up()
    s000, s002, s004 = (load_side(str(_seed(p))) for p in ("000", "002", "004"))
    s001 = load_side(str(_seed("001")))
    pairs = [
        ("seed 002 vs seed 004", s002, s004),
        ("seed 000 whole vs seed 002", s000, s002),
        ("002 vs 002 + known edits", s002, edit_document(s002, seed=1, words=6, moves=2, renumber=True,
                                                         punctuation=3).edited),
        ("001 vs 001 + known edits", s001, edit_document(s001, seed=2, words=6, moves=2,
                                                         punctuation=3).edited),
    ]
    print(f"{'pair':<30} {'chars A':>8} {'chars B':>8} {'dmp ms':>10} {'drafter ms':>11} {'ratio':>8}"
          f" {'no diff cache':>14}")
    for name, a, b in pairs:
        text_a, text_b = "\n".join(document_lines(a)), "\n".join(document_lines(b))
        dmp = diff_match_patch()  # default settings: Diff_Timeout 1 s, checklines on
        dmp_ms = _median_ms(lambda: dmp.diff_main(text_a, text_b), args.dmp_repeat)
        compare_documents(a, b)  # first run fills the tokenization and normalization caches
        ours_ms = _median_ms(lambda: compare_documents(a, b), args.repeat)

        def uncached() -> None:  # paragraph diffs recomputed; only jieba words and normal forms cached
            _diff_texts_cached.cache_clear()
            compare_documents(a, b)

        cold_ms = _median_ms(uncached, args.repeat)
        print(f"{name:<30} {len(text_a):>8} {len(text_b):>8} {dmp_ms:>10.1f} {ours_ms:>11.1f} "
              f"{dmp_ms / ours_ms:>7.1f}x {cold_ms:>14.1f}")
    print("dmp: whole texts, diff_main with default settings (stops at its 1 s timeout on large pairs);")
    print("drafter: compare_documents (align sections, paragraphs, moves, inline word diff), warm caches;")
    print("no diff cache: the same with the per-paragraph diff cache cleared before each run.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
