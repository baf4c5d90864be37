"""Every location drafter reads or writes, in one place (platformdirs).

`DRAFTER_HOME` moves all of them under one folder (tests and portable installs use it);
`DRAFTER_DB` (or the CLI's `--db`) moves only the store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "drafter"
PRIVATE_DIR = 0o700  # the user's data (store, drafts, autosaves, config): not for other accounts


@dataclass(frozen=True)
class Locations:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    db_path: Path

    @property
    def autosave_dir(self) -> Path:
        return self.data_dir / "autosave"

    @property
    def keymap_path(self) -> Path:
        return self.config_dir / "keymap.toml"

    @property
    def jieba_cache(self) -> Path:
        return self.cache_dir / "jieba.cache"

    def own_folders(self) -> list[Path]:
        """The folders drafter keeps for itself (all private)."""
        return [self.data_dir, self.config_dir, self.cache_dir, self.autosave_dir]

    def as_dict(self) -> dict[str, str]:
        return {
            "data": str(self.data_dir),
            "config": str(self.config_dir),
            "cache": str(self.cache_dir),
            "db": str(self.db_path),
            "autosave": str(self.autosave_dir),
            "keymap": str(self.keymap_path),
        }


def locations(db: str | os.PathLike | None = None) -> Locations:
    """Where things live now; `db` (from `--db`) beats `DRAFTER_DB` beats the default."""
    home = os.environ.get("DRAFTER_HOME")
    if home:
        base = Path(home).expanduser()
        data, config, cache = base / "data", base / "config", base / "cache"
    else:
        data = Path(platformdirs.user_data_dir(APP))
        config = Path(platformdirs.user_config_dir(APP))
        cache = Path(platformdirs.user_cache_dir(APP))
    db_env = db or os.environ.get("DRAFTER_DB")
    db_path = Path(db_env).expanduser() if db_env else data / "drafter.sqlite3"
    return Locations(data, config, cache, db_path)


def private_dir(folder: str | os.PathLike) -> Path:
    """`folder`, created if missing, readable only by the user (0700). An existing folder is tightened
    only when it is one of drafter's own (a folder the user chose keeps its permissions)."""
    path = Path(folder).expanduser()
    existed = path.is_dir()
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if not existed or _is_own(path):
        try:
            if path.stat().st_mode & 0o077:
                path.chmod(PRIVATE_DIR)
        except OSError:
            pass  # not ours to change (another owner): it still works
    return path


def _is_own(path: Path) -> bool:
    try:
        real = path.resolve()
        return any(real == own.resolve() for own in locations().own_folders())
    except OSError:
        return False
