"""Small derived files in drafter's cache dir (place names, topic backgrounds), keyed by what they
were derived from, so a command line run reads them in milliseconds instead of deriving them again.

A broken or missing cache file is derived again; a cache dir that cannot be written only costs time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path


def cache_path(name: str, key: str, suffix: str) -> Path:
    from drafter.paths import locations

    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return locations().cache_dir / "compare" / f"{name}-{digest}{suffix}"


def cached_lines(name: str, key: str, produce: Callable[[], list[str]]) -> list[str]:
    path = cache_path(name, key, ".txt")
    try:
        return path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        pass
    lines = produce()
    _store(path, "\n".join(lines).encode("utf-8"))
    return lines


def cached_json(name: str, key: str, produce: Callable[[], dict]) -> dict:
    path = cache_path(name, key, ".json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = produce()
    _store(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return data


def _store(path: Path, data: bytes) -> None:
    from drafter.atomic import write_bytes_atomically
    from drafter.errors import DrafterError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, data)
    except (OSError, DrafterError):  # a read-only cache dir: derive again next time
        pass
