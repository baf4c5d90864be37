"""A folder of plans, each a different text (files of the same content are read only once)."""

from __future__ import annotations

from pathlib import Path


def write_distinct_plans(folder: Path, seeds: list[Path], count: int) -> Path:
    from drafter.text.decode import read_text

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = read_text(seeds[n % len(seeds)])
        (folder / f"{n:02d}.txt").write_text(f"{text}\n本方案为第{n}份收集稿。\n", encoding="utf-8")
    return folder
