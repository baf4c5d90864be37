"""A path box that completes file and folder names as you type (Tab or → accepts the completion)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

MAX_ENTRIES = 2000  # a huge folder: complete from its first names rather than freeze the box


class PathSuggester(Suggester):
    """The first entry of the typed folder that starts with what follows the last `/`."""

    def __init__(self, suffixes: tuple[str, ...] = (), folders_only: bool = False) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.suffixes = suffixes
        self.folders_only = folders_only

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value, self.suffixes, self.folders_only)


def complete_path(value: str, suffixes: tuple[str, ...] = (), folders_only: bool = False) -> str | None:
    """`value` completed to the first matching entry (folders end in `/`), or None."""
    if not value:
        return None
    head, _, prefix = value.rpartition(os.sep)
    folder = Path(os.path.expanduser(head or os.sep)) if head or value.startswith(os.sep) else Path.cwd()
    try:
        with os.scandir(folder) as entries:
            names = []
            for n, entry in enumerate(entries):
                if n >= MAX_ENTRIES:
                    break
                if entry.name.startswith(prefix) and not entry.name.startswith("."):
                    names.append((not entry.is_dir(), entry.name, entry.is_dir()))
    except OSError:
        return None
    for _, name, is_dir in sorted(names):
        if is_dir:
            return value[: len(value) - len(prefix)] + name + os.sep
        if not folders_only and (not suffixes or name.lower().endswith(suffixes)):
            return value[: len(value) - len(prefix)] + name
    return None


class PathInput(Input):
    BINDINGS = [Binding("tab", "accept_completion", show=False)]

    def __init__(self, value: str = "", suffixes: tuple[str, ...] = (), folders_only: bool = False,
                 **kwargs: object) -> None:
        super().__init__(value, suggester=PathSuggester(suffixes, folders_only), **kwargs)  # type: ignore[arg-type]

    def action_accept_completion(self) -> None:
        if self._suggestion and self._suggestion != self.value:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()
