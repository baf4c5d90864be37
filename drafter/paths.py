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
