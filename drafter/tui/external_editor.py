"""Which program Ctrl+E runs to edit a section outside the app (when an input method misbehaves).

The settings' `editor`, then $VISUAL, then $EDITOR; with none of them set, an editor a newcomer can
use (Notepad on Windows, otherwise nano, then micro) — never vi unasked. No Textual here.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Callable, Mapping

FRIENDLY = ("nano", "micro", "pico")


def editor_command(configured: str = "", env: Mapping[str, str] | None = None,
                   which: Callable[[str], str | None] = shutil.which,
                   platform: str = sys.platform) -> list[str] | None:
    """The command (without the file name) to run, or None when no usable editor was found."""
    env = os.environ if env is None else env
    for chosen in (configured, env.get("VISUAL", ""), env.get("EDITOR", "")):
        if chosen.strip():
            return shlex.split(chosen, posix=platform != "win32")
    if platform == "win32":
        return ["notepad"]
    for name in FRIENDLY:
        found = which(name)
        if found:
            return [found]
    return None
