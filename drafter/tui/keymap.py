"""The user's keymap: `keymap.toml` in drafter's config dir maps binding ids to keys.

    [keys]
    "mode.compose" = "f3,ctrl+1"
    "compare.next-change" = "j"

A broken file is reported in the app, never fatal: the default keys still work.
"""

from __future__ import annotations

import tomllib
from pathlib import Path


def read_keymap(path: Path) -> tuple[dict[str, str], str | None]:
    """(binding id → keys, a problem to show or None). A missing file is no problem."""
    if not path.is_file():
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        return {}, f"{path}: ignored ({err})"
    table = data.get("keys", data)
    keymap = {str(k): str(v) for k, v in table.items() if isinstance(v, str)}
    return keymap, None
