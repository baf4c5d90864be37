"""How many findings `drafter check` raises on real plans, each checked as of its own date and region.

    python benchmarks/check_corpus.py                      # the bundled corpus (the five seeds)
    python benchmarks/check_corpus.py --docs DIR [...]     # plus every plan file in DIR
    python benchmarks/check_corpus.py --docs DIR --list    # every finding, to read and judge

Real plans written at their date are the false-alarm test: what is found in them is either a real
problem of the page (a scrape's half-width marks, a plan citing an old 全会) or a false alarm. The
figures are per family; `--list` prints each finding with its context for a person to judge.
A fresh store is made in a temporary DRAFTER_HOME, so the user's own store is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", action="append", default=[], help="a folder of plan files to add")
    parser.add_argument("--list", action="store_true", help="print every finding with its context")
    parser.add_argument("--json", help="write every finding here")
    parser.add_argument("--family", help="only these families (提法,属地,时限,格式)")
    parser.add_argument(
        "--gold",
        action="append",
        default=[],
        help="gold labels (seeds-gold.json, dev2/gold.json): use their date and region "
        "where the parser found none, so each plan is checked as of its own date",
    )
    parser.add_argument(
        "--years",
        action="append",
        default=[],
        help="a sources.tsv (file, …, year columns): the year, where nothing else dates a plan "
        "(checked as of 1 July of that year)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as home:
        os.environ["DRAFTER_HOME"] = home
        return run(args)


def run(args: argparse.Namespace) -> int:
    from drafter.check import check_target, load_target, parse_families
    from drafter.check.distinctive import corpus_facts
    from drafter.corpus.ingest import ingest_paths
    from drafter.store import open_store

    store = open_store()
    for folder in args.docs:
        ingest_paths(store, sorted(Path(folder).iterdir()))
    summaries = store.list_documents()
    store.close()
    facts = corpus_facts()
    families = parse_families(args.family)
    gold = _gold_metadata(args.gold, summaries)
    years = _years(args.years, summaries)
    from drafter.reader import parse_plans

    totals, rules, rows, undated = Counter(), Counter(), [], 0
    check_times, parse_times = [], []
    started = time.perf_counter()
    for summary in summaries:
        target = load_target(str(summary.id))
        text = "\n".join(target.lines or [])
        t0 = time.perf_counter()
        parse_plans(text)  # the anchor: outlining the same text, as every command does
        parse_times.append(time.perf_counter() - t0)
        labelled = gold.get(summary.id, {})
        target.date = target.date or labelled.get("date") or years.get(summary.id)
        if not target.region and labelled.get("region"):
            _set_region(target, labelled["region"])
        t0 = time.perf_counter()
        report = check_target(target, families, facts)
        check_times.append(time.perf_counter() - t0)
        undated += not target.date
        for f in report.findings:
            totals[f.family] += 1
            rules[f.rule] += 1
            rows.append(_row(summary, target, f))
    elapsed = time.perf_counter() - started
    if args.list:
        for row in rows:
            print(
                f"{row['doc']}  {row['date'] or '—'}  {row['region'] or '—'}  {row['family']}/{row['severity']}"
                f"  {row['rule']}  “{row['text']}”  …{row['context']}…"
            )
    print(
        f"{len(summaries)} documents ({undated} without a date: checked as of today), "
        f"{sum(totals.values())} findings in {elapsed:.1f} s; distinctive terms in the store: {len(facts.terms)}"
    )
    print("by family: " + ", ".join(f"{k} {totals[k]}" for k in ("提法", "属地", "时限", "格式")))
    print(
        f"per document: check median {_ms(check_times, 50)} ms, p95 {_ms(check_times, 95)} ms; "
        f"anchor (outline the same text) median {_ms(parse_times, 50)} ms, p95 {_ms(parse_times, 95)} ms"
    )
    print("by rule:   " + ", ".join(f"{k} {n}" for k, n in rules.most_common()))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def _ms(values: list[float], pct: int) -> str:
    if not values:
        return "—"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))] * 1000:.0f}"


def _gold_metadata(paths: list[str], summaries: list) -> dict[int, dict]:
    """Gold date and region per stored document: the file's documents in order."""
    labels: dict[str, list[dict]] = {}
    for path in paths:
        for entry in json.loads(Path(path).read_text(encoding="utf-8")):
            labels[entry["file"]] = entry["documents"]
    by_file: dict[str, list] = {}
    for summary in summaries:
        by_file.setdefault(Path(summary.source_path or "").name, []).append(summary)
    out = {}
    for name, docs in by_file.items():
        gold_docs = labels.get(name, [])
        if len(gold_docs) == len(docs):
            out.update({s.id: g for s, g in zip(sorted(docs, key=lambda d: d.id), gold_docs, strict=True)})
    return out


def _years(paths: list[str], summaries: list) -> dict[int, str]:
    import csv

    year_of = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if (row.get("year") or "").strip().isdigit():
                    year_of[row["file"]] = f"{row['year'].strip()}-07-01"
    return {
        s.id: year_of[Path(s.source_path or "").name]
        for s in summaries
        if Path(s.source_path or "").name in year_of
    }


def _set_region(target, region: str) -> None:  # noqa: ANN001
    from drafter.library.gazetteer import gazetteer

    place = gazetteer().lookup(region)
    target.region = place.name if place else region
    target.province = place.province if place else None
    target.level = place.level if place else None


def _row(summary, target, f) -> dict:  # noqa: ANN001
    line = (target.lines or [""])[(f.location.line or 1) - 1]
    at = f.location.offset
    return {
        "doc": summary.id,
        "title": (summary.title or summary.plan_title or "")[:40],
        "date": target.date,
        "region": target.region,
        "family": f.family,
        "severity": f.severity,
        "rule": f.rule,
        "text": f.text,
        "context": line[max(0, at - 12) : at + len(f.text) + 12],
        "message": f.message,
    }


if __name__ == "__main__":
    sys.exit(main())
