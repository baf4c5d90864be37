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

`--baseline DIR` runs every command also from another source tree (e.g. `git archive main | tar -x -C
DIR`) by this Python, taking turns with this checkout's: a before/after in the same rounds.
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


def from_tree(tree: Path | None):  # noqa: ANN201 - a drafter_cmd
    """`drafter ARGS` from this checkout (its console script), or from the source tree `tree`."""
    if tree is None:
        return R.drafter_cmd
    code = f"import sys; sys.path.insert(0, {str(tree)!r}); from drafter.cli import main; sys.exit(main())"
    return lambda *args: [sys.executable, "-c", code, *map(str, args)]


def commands(home: Path, tree: Path | None = None) -> dict[str, list[str]]:
    seeds = R.ROOT / "tests" / "data" / "seeds"
    s002, s003, s004 = (str(next(seeds.glob(f"{n}_*.txt"))) for n in ("002", "003", "004"))
    draft = home / "draft.md"
    d = from_tree(tree)
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
    parser.add_argument("--baseline", type=Path, help="a drafter source tree to run side by side")
    args = parser.parse_args()
    for tree in (R.ROOT, args.baseline):
        if tree is not None:
            compileall.compile_dir(str(tree / "drafter"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="drafter-startup-") as tmp:
        home = Path(tmp)
        env = {**os.environ, "DRAFTER_HOME": str(home)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.pop("DRAFTER_DB", None)
        R.run_ms(R.drafter_cmd("corpus", "list"), env)  # the bundled corpus, once
        R.run_ms(R.drafter_cmd("new", "--region", "运城市", "--province", "山西省", "-o", home / "draft.md"), env)
        runs = commands(home)
        if args.baseline:
            runs |= {f"{name} @baseline": argv for name, argv in commands(home, args.baseline).items()
                     if "anchor" not in name}  # fmt: skip
        for argv in runs.values():
            R.run_ms(argv, env)  # first use: drafter's cache folder
        load = R.load()
        times = R.interleaved(runs, args.repeat, env)
    print(f"# every command, whole process, {args.repeat} runs each — {load} → {R.load()}\n")
    if args.baseline:
        print(f"baseline: {args.baseline}\n")
        print("| command | median ms | p95 ms | baseline median ms | baseline p95 ms |\n|---|---|---|---|---|")
    else:
        print("| command | median ms | p95 ms |\n|---|---|---|")
    for name, values in times.items():
        if name.endswith(" @baseline"):
            continue
        row = f"| `{name}` | {statistics.median(values):.0f} | {R.p95(values):.0f} |"
        if args.baseline:
            before = times.get(f"{name} @baseline")
            row += f" {statistics.median(before):.0f} | {R.p95(before):.0f} |" if before else " | |"
        print(row)
    same, other = times["drafter diff 002 002 (files)"], times["drafter diff 002 004 (files)"]
    extra = statistics.median(other) - statistics.median(same)
    print(f"\n`drafter diff 002 004` costs {extra:+.0f} ms over `drafter diff 002 002` (median; target ≤ 100 ms)")


if __name__ == "__main__":
    main()
