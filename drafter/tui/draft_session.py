"""The draft being edited, its file, and its autosave (never lose text).

The autosave slot is `autosave_dir/current.md` (the draft, written atomically by the draft module's own
save) plus `current.json` (which file it belongs to). It is written every few seconds while the draft
has unsaved changes, and on exit; it is removed only once the draft is safely in its own file. So a
slot found at start means the last session crashed or quit with text never saved: offer it back.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from drafter.atomic import write_bytes_atomically
from drafter.tui import services


class DraftSession:
    def __init__(self, autosave_dir: Path) -> None:
        self.autosave_dir = autosave_dir
        self.draft: Any = None
        self.path: Path | None = None
        self.dirty = False  # changes not yet in the draft's own file
        self.unsaved_since_autosave = False

    @property
    def slot(self) -> Path:
        return self.autosave_dir / "current.md"

    @property
    def slot_info(self) -> Path:
        return self.autosave_dir / "current.json"

    def open(self, path: Path) -> None:
        self.draft = services.load_draft(path) if path.exists() else services.empty_draft()
        self.path = path
        self.dirty = self.unsaved_since_autosave = False

    def start_new(self, draft: Any) -> None:
        """Adopt a freshly assembled draft (see `services.new_draft`); it has no file yet."""
        self.draft = draft
        self.path = None
        self.dirty = self.unsaved_since_autosave = True

    def changed(self) -> None:
        self.dirty = self.unsaved_since_autosave = True

    def autosave(self) -> bool:
        """Write the slot if anything changed since the last autosave; True when written."""
        if self.draft is None or not self.unsaved_since_autosave:
            return False
        services.save_draft(self.draft, self.slot)
        info = {"path": str(self.path) if self.path else None, "saved_at": time.time()}
        write_bytes_atomically(self.slot_info, json.dumps(info, ensure_ascii=False).encode("utf-8"), private=True)
        self.unsaved_since_autosave = False
        return True

    def save(self, path: Path | None = None) -> Path:
        """Into the draft's own file (atomic); then the autosave slot is no longer needed."""
        target = path or self.path
        if target is None:
            raise ValueError("the draft has no file yet")
        services.save_draft(self.draft, target)
        self.path = target
        self.dirty = self.unsaved_since_autosave = False
        self._clear_slot()
        return target

    def close(self) -> None:
        """On exit: a draft with a file is saved there; one without keeps its autosave slot."""
        if self.draft is None:
            return
        if self.path is not None and self.dirty:
            self.save()
        elif self.dirty:
            self.unsaved_since_autosave = True
            self.autosave()

    # ── recovery ───────────────────────────────────────────────────────────────────────────────
    def recoverable(self) -> dict | None:
        """What the slot holds from a previous session, or None."""
        if not self.slot.is_file():
            return None
        try:
            info = json.loads(self.slot_info.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {"path": None, "saved_at": self.slot.stat().st_mtime}
        return info

    def recover(self) -> None:
        info = self.recoverable() or {}
        self.draft = services.load_draft(self.slot)
        self.path = Path(info["path"]) if info.get("path") else None
        self.dirty = True
        self.unsaved_since_autosave = False

    def set_aside(self) -> Path:
        """The user declined recovery: keep the text anyway, under a dated name."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = self.autosave_dir / f"declined-{stamp}.md"
        self.slot.replace(kept)
        self.slot_info.unlink(missing_ok=True)
        return kept

    def _clear_slot(self) -> None:
        self.slot.unlink(missing_ok=True)
        self.slot_info.unlink(missing_ok=True)
