"""Whole-text diff-match-patch against drafter's aligned diff, in process and as a whole command.

    .venv/bin/python benchmarks/bench_diff.py [--repeat 15] [--dmp-repeat 3] [--cli-repeat 9]

In process: seed 002 vs seed 004 (~10k characters each, two cities' plans on one policy: text and
topic alignment), seed 000 whole (all its documents) vs seed 002, and near-identical pairs (a seed
against a copy with known edits). jieba is loaded and warmed first; tokenization and normalization
are cached, as in a session that compares more than once. Median and p95 milliseconds per pair,
with topic alignment and without (`topics=False`), and the ratio dmp / drafter.

Whole process: `drafter diff A B --json` as a user runs it (a fresh Python each time, the topic
background and place names read from drafter's cache dir, warmed by one untimed run), beside
`drafter diff A A` (the same plan twice: loading, parsing and jieba's dictionary, but no
tokenising) — the difference is what comparing two different plans costs on top. Target: ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diff_match_patch import diff_match_patch

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def _times_ms(fn, repeat: int) -> list[float]:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) > 1 else times[0]


def _fmt(times: list[float]) -> str:
    return f"{statistics.median(times):8.1f} {_p95(times):8.1f}"


def in_process(args: argparse.Namespace) -> None:
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
    print("in process (ms: median p95)")
    print(f"{'pair':<28} {'chars A':>7} {'chars B':>7} {'dmp':>8} {'drafter':>17} {'ratio':>6}"
          f" {'no topics':>17} {'no diff cache':>17}")
    for name, a, b in pairs:
        text_a, text_b = "\n".join(document_lines(a)), "\n".join(document_lines(b))
        dmp = diff_match_patch()  # default settings: Diff_Timeout 1 s, checklines on
        dmp_ms = statistics.median(_times_ms(lambda d=dmp, x=text_a, y=text_b: d.diff_main(x, y), args.dmp_repeat))
        compare_documents(a, b)  # first run fills the tokenization and normalization caches
        ours = _times_ms(lambda a=a, b=b: compare_documents(a, b), args.repeat)
        plain = _times_ms(lambda a=a, b=b: compare_documents(a, b, topics=False), args.repeat)

        def uncached(a=a, b=b) -> None:  # noqa: ANN001 - paragraph diffs recomputed; words and forms cached
            _diff_texts_cached.cache_clear()
            compare_documents(a, b)

        cold = _times_ms(uncached, args.repeat)
        print(f"{name:<28} {len(text_a):>7} {len(text_b):>7} {dmp_ms:>8.1f} {_fmt(ours)} "
              f"{dmp_ms / statistics.median(ours):>5.1f}x {_fmt(plain)} {_fmt(cold)}")
    print("dmp: whole texts, diff_main with default settings (stops at its 1 s timeout on large pairs);")
    print("drafter: compare_documents (align by text and topic, paragraphs, moves, inline word diff), warm")
    print("caches; no topics: near copies only; no diff cache: per-paragraph diff cache cleared each run.")


def whole_process(args: argparse.Namespace) -> None:
    s000, s002, s004 = (str(_seed(p)) for p in ("000", "002", "004"))
    runs = [("drafter diff 002 004", s002, s004), ("drafter diff 002 002", s002, s002),
            ("drafter diff 000 002", s000, s002), ("drafter diff 000 000", s000, s000)]
    command = [sys.executable, "-c", "import sys; from drafter.cli import main; sys.exit(main())"]
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "DRAFTER_HOME": home}
        results = {}
        for name, a, b in runs:
            argv = [*command, "diff", a, b, "--json"]
            subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)  # warms the cache dir
            results[name] = _times_ms(
                lambda argv=argv: subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL),
                args.cli_repeat)
    print(f"\nwhole process, {args.cli_repeat} runs each (ms: median p95)")
    for name, times in results.items():
        print(f"{name:<28} {_fmt(times)}")
    for different, same in (("drafter diff 002 004", "drafter diff 002 002"),
                            ("drafter diff 000 002", "drafter diff 000 000")):
        extra = statistics.median(results[different]) - statistics.median(results[same])
        print(f"{different} costs {extra:+.0f} ms over {same} (median; target ≤ 100 ms)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of drafter's diff per pair")
    parser.add_argument("--dmp-repeat", type=int, default=3, help="runs of whole-text dmp per pair")
    parser.add_argument("--cli-repeat", type=int, default=9, help="runs of each whole command")
    parser.add_argument("--no-cli", action="store_true", help="in-process figures only")
    args = parser.parse_args(argv)
    in_process(args)
    if not args.no_cli:
        whole_process(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
