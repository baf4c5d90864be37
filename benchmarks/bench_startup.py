"""Every command as a user runs it: whole processes, taking turns, beside their anchors.

    .venv/bin/python benchmarks/bench_startup.py [--repeat 7]

A fresh DRAFTER_HOME with the bundled corpus (ingested once, untimed) and a new draft; each
command runs `--repeat` times, all commands taking turns so a load spike hits them alike; the
first untimed round fills drafter's cache folder (place names, topic background) as a user's first
use does. Anchors in the same rounds: `python -c pass` (the interpreter alone), `import rjieba`
(drafter's segmenter: dictionary built on import) and jieba with its dictionary cache (what every
command paid before: `marshal.load` of a 50 MB cache). Bytecode is compiled first, as `pip install`
does. Targets: `drafter --help` ≤ 100 ms, every command ≤ 300 ms to start; `drafter diff A B` ≤ 100 ms
more than `drafter diff A A`. Medians and p95 in milliseconds, with the machine's load.
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


def commands(home: Path) -> dict[str, list[str]]:
    seeds = R.ROOT / "tests" / "data" / "seeds"
    s002, s003, s004 = (str(next(seeds.glob(f"{n}_*.txt"))) for n in ("002", "003", "004"))
    draft = home / "draft.md"
    d = R.drafter_cmd
    return {
        "python -c pass (anchor)": [sys.executable, "-c", "pass"],
        "import rjieba (anchor)": [sys.executable, "-c", "import rjieba"],
        "jieba + dictionary cache (anchor: the release)": [
            sys.executable, "-c", f"import jieba, logging; jieba.setLogLevel(60); jieba.dt.tmp_dir = {str(home)!r};"
            " jieba.lcut('中国')"],  # fmt: skip
        "drafter --help": d("--help"),
        "drafter locate": d("locate"),
        "drafter outline 003": d("outline", s003),
        "drafter clean 003": d("clean", s003),
        "drafter corpus list": d("corpus", "list"),
        "drafter corpus show 3": d("corpus", "show", "3"),
        "drafter corpus facets": d("corpus", "facets"),
        "drafter corpus search 家庭医生": d("corpus", "search", "家庭医生"),
        "drafter diff 002 002 (files)": d("diff", s002, s002, "--json"),
        "drafter diff 002 004 (files)": d("diff", s002, s004, "--json"),
        "drafter rank DRAFT": d("rank", draft),
        "drafter sections list": d("sections", "list"),
        "drafter new": d("new", "--region", "运城市", "--province", "山西省", "-o", home / "new.md", "--force"),
        "drafter render DRAFT": d("render", draft),
        "drafter meta DRAFT": d("meta", draft),
        "drafter gaps DRAFT": d("gaps", draft),
        "drafter check DRAFT": d("check", draft),
        "drafter fix DRAFT --dry-run": d("fix", draft, "--dry-run"),
        "drafter export DRAFT --docx": d("export", draft, "--docx", home / "out.docx"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    compileall.compile_dir(str(R.ROOT / "drafter"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="drafter-startup-") as tmp:
        home = Path(tmp)
        env = {**os.environ, "DRAFTER_HOME": str(home)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("DRAFTER_DB", None)
        R.run_ms(R.drafter_cmd("corpus", "list"), env)  # the bundled corpus, once
        R.run_ms(R.drafter_cmd("new", "--region", "运城市", "--province", "山西省", "-o", home / "draft.md"), env)
        runs = commands(home)
        for argv in runs.values():
            R.run_ms(argv, env)  # first use: drafter's cache folder
        load = R.load()
        times = R.interleaved(runs, args.repeat, env)
    print(f"# every command, whole process, {args.repeat} runs each — {load} → {R.load()}\n")
    print("| command | median ms | p95 ms |\n|---|---|---|")
    for name, values in times.items():
        print(f"| `{name}` | {statistics.median(values):.0f} | {R.p95(values):.0f} |")
    same, other = times["drafter diff 002 002 (files)"], times["drafter diff 002 004 (files)"]
    extra = statistics.median(other) - statistics.median(same)
    print(f"\n`drafter diff 002 004` costs {extra:+.0f} ms over `drafter diff 002 002` (median; target ≤ 100 ms)")


if __name__ == "__main__":
    main()
