"""jieba against rjieba (the segmenter drafter uses): loading, cutting speed, agreement.

    .venv/bin/python benchmarks/bench_segmenter.py [--mb 5] [--repeat 7]

Whole process, taking turns: `python -c pass`, importing rjieba (its dictionary is built on
import), and jieba with its dictionary cache present (`marshal.load` of the cache: what every
command paid before). In process, on the text of generated plans (`benchmarks/realistic.py`):
the plain cut and the search cut of both, and drafter's `index_words` (the ingest's cut); the
share of words on which the two segmenters agree. Medians and p95.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile

import realistic as R


def whole_process(repeat: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        jieba_code = (f"import jieba, logging; jieba.setLogLevel(logging.WARNING); jieba.dt.tmp_dir = {tmp!r};"
                      " jieba.lcut('中国')")  # fmt: skip
        R.run_ms([sys.executable, "-c", jieba_code])  # writes jieba's cache: later runs load it
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "import rjieba (dictionary built)": [sys.executable, "-c", "import rjieba; rjieba.cut('中国')"],
            "jieba, dictionary from its cache": [sys.executable, "-c", jieba_code],
        }
        return R.interleaved(commands, repeat)


def sample_text(megabytes: float) -> list[str]:
    gen = R.generator()
    paragraphs, size, n = [], 0, 0
    while size < megabytes * 1e6:
        text = gen.compose(n)[0]
        paragraphs += [line for line in text.split("\n") if line.strip()]
        size += len(text.encode("utf-8"))
        n += 1
    return paragraphs


def in_process(paragraphs: list[str], repeat: int) -> dict:
    import jieba
    import rjieba

    from drafter.text.tokens import index_words

    jieba.setLogLevel(60)
    jieba.initialize()
    joined = "\n".join(paragraphs)
    mb = len(joined.encode("utf-8")) / 1e6
    cases = {
        "jieba cut": lambda: jieba.lcut(joined),
        "rjieba cut": lambda: rjieba.cut(joined, True),
        "jieba search cut": lambda: jieba.lcut_for_search(joined),
        "rjieba search cut": lambda: rjieba.cut_for_search(joined, True),
        "drafter index_words (rjieba)": lambda: index_words(paragraphs),
    }
    out = {}
    for name, fn in cases.items():
        secs = [t / 1000 for t in R.times_ms(fn, repeat)]
        out[name] = [mb / s for s in secs]
    out["_mb"] = mb
    out["_agree"] = agreement(jieba.lcut(joined), rjieba.cut(joined, True))
    return out


def agreement(a: list[str], b: list[str]) -> float:
    """The share of words (by character offsets) that both segmenters cut alike."""

    def spans(words: list[str]) -> set[tuple[int, int]]:
        out, pos = set(), 0
        for w in words:
            out.add((pos, pos + len(w)))
            pos += len(w)
        return out

    sa, sb = spans(a), spans(b)
    return len(sa & sb) / max(len(sa), len(sb))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of plan text to cut")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"# segmenters — {R.load()}\n")
    whole = whole_process(args.repeat)
    print("| whole process | median ms | p95 ms |\n|---|---|---|")
    for name, times in whole.items():
        print(f"| {name} | {statistics.median(times):.0f} | {R.p95(times):.0f} |")
    figures = in_process(sample_text(args.mb), max(3, args.repeat // 2))
    print(f"\n| in process, {figures['_mb']:.1f} MB of plan text | median MB/s | p95 (slowest) MB/s |\n|---|---|---|")
    for name, speeds in figures.items():
        if not name.startswith("_"):
            print(f"| {name} | {statistics.median(speeds):.2f} | {min(speeds):.2f} |")
    print(f"\nwords cut alike by jieba and rjieba: {100 * figures['_agree']:.2f} %  ({R.load()})")


if __name__ == "__main__":
    main()
