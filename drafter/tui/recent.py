"""The recent-drafts list, kept in drafter's config dir (`recent.json`), newest first.

`drafter` alone (and `drafter tui` with no file) reopens the newest entry whose file still exists;
Ctrl+O lists them all. Written atomically: a crash never leaves half a list. No Textual here, so the
CLI can read it too (`drafter tui --recent`).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from drafter.atomic import write_bytes_atomically

MAX_RECENT = 20


@dataclass(frozen=True)
class RecentDraft:
    path: str
    title: str = ""
    region: str = ""
    opened_at: float = 0.0

    @property
    def exists(self) -> bool:
        return Path(self.path).is_file()


def recent_path(config_dir: Path) -> Path:
    return config_dir / "recent.json"


def read_recent(config_dir: Path) -> list[RecentDraft]:
    """The list as stored; a missing or broken file is an empty list (the drafts are untouched)."""
    try:
        data = json.loads(recent_path(config_dir).read_text(encoding="utf-8"))
        entries = data.get("drafts", []) if isinstance(data, dict) else []
        return [RecentDraft(**{k: e[k] for k in ("path", "title", "region", "opened_at") if k in e})
                for e in entries if isinstance(e, dict) and isinstance(e.get("path"), str)]
    except (OSError, ValueError, TypeError):
        return []


def remember(config_dir: Path, path: Path, title: str = "", region: str = "") -> list[RecentDraft]:
    """Put `path` first (once); keeps at most MAX_RECENT entries."""
    key = str(Path(path).expanduser().resolve())
    entry = RecentDraft(key, title, region, time.time())
    entries = [entry] + [e for e in read_recent(config_dir) if e.path != key]
    _write(config_dir, entries[:MAX_RECENT])
    return entries[:MAX_RECENT]


def forget(config_dir: Path, path: str) -> None:
    _write(config_dir, [e for e in read_recent(config_dir) if e.path != path])


def last_draft(config_dir: Path) -> Path | None:
    """The newest recent draft whose file still exists."""
    return next((Path(e.path) for e in read_recent(config_dir) if e.exists), None)


def _write(config_dir: Path, entries: list[RecentDraft]) -> None:
    config_dir.mkdir(parents=True, exist_ok=True)
    data = {"drafts": [asdict(e) for e in entries]}
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    write_bytes_atomically(recent_path(config_dir), payload, private=True)  # names of the user's files
