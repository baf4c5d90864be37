"""The draft being edited, its file, and its autosave (never lose text).

The autosave slot is `autosave_dir/current.md` (the draft, written atomically by the draft module's own
save) plus `current.json` (which file it belongs to). It is written every few seconds while the draft
has unsaved changes, and on exit; it is removed only once the draft is safely in its own file. So a
slot found at start means the last session crashed or quit with text never saved: offer it back.

The session also remembers what the draft's own file looked like (size and modification time) when it
was last read or written: a file at the target path that does not match is not this draft's own (a
new draft whose name is taken, a file changed by another program), and nothing overwrites it without
the user's yes (`conflict`).
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
        self.stamp: tuple[int, int] | None = None  # (size, mtime_ns) of `path` as last read or written

    @property
    def slot(self) -> Path:
        return self.autosave_dir / "current.md"

    @property
    def slot_info(self) -> Path:
        return self.autosave_dir / "current.json"

    def open(self, path: Path) -> None:
        self.draft = services.load_draft(path) if path.exists() else services.empty_draft()
        self.path = path
        self.stamp = file_stamp(path)
        self.dirty = self.unsaved_since_autosave = False

    def start_new(self, draft: Any, path: Path | None = None) -> None:
        """Adopt a freshly assembled draft (see `services.new_draft`), to be saved at `path` (the user
        has already agreed when a file is there)."""
        self.draft = draft
        self.path = path
        self.stamp = file_stamp(path) if path else None
        self.dirty = self.unsaved_since_autosave = True

    def conflict(self, target: Path) -> str | None:
        """Why writing `target` would overwrite something not this draft's own: "exists" (another
        file), "changed" (our file, changed on disk since we read or wrote it), or None."""
        now = file_stamp(target)
        if now is None:
            return None
        if self.path is not None and _same_file(target, self.path) and self.stamp is not None:
            return None if now == self.stamp else "changed"
        return "exists"

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
            raise ValueError("save() needs a path for a draft without a file")  # a bug, not a user error
        services.save_draft(self.draft, target)
        self.path = target
        self.stamp = file_stamp(target)
        self.dirty = self.unsaved_since_autosave = False
        self._clear_slot()
        return target

    def close(self) -> bool:
        """On exit: a draft with a file of its own is saved there; otherwise (no file yet, or the file
        is not ours any more) the text stays in the autosave slot. True when saved to its file."""
        if self.draft is None or not self.dirty:
            return False
        if self.path is not None and self.conflict(self.path) is None:
            self.save()
            return True
        self.unsaved_since_autosave = True
        self.autosave()
        return False

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
        # the draft's file, untouched since the text was autosaved, is still this draft's own
        stamp = file_stamp(self.path) if self.path else None
        saved_at = float(info.get("saved_at") or 0)
        self.stamp = stamp if stamp and stamp[1] <= saved_at * 1e9 else None
        self.dirty = True
        self.unsaved_since_autosave = False

    def set_aside(self) -> Path:
        """The user declined recovery: keep the text anyway, under a dated name."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = self.autosave_dir / f"declined-{stamp}.md"
        self.slot.replace(kept)
        self.slot_info.unlink(missing_ok=True)
        return kept

    def keep_copy(self) -> Path:
        """The user leaves this draft without saving it: keep its text anyway, under a dated name."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        kept = self.autosave_dir / f"kept-{stamp}.md"
        services.save_draft(self.draft, kept)
        self.dirty = self.unsaved_since_autosave = False
        self._clear_slot()
        return kept

    def _clear_slot(self) -> None:
        self.slot.unlink(missing_ok=True)
        self.slot_info.unlink(missing_ok=True)


def file_stamp(path: Path | None) -> tuple[int, int] | None:
    """(size, mtime_ns) of a file, None when there is none."""
    try:
        info = path.stat() if path else None
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns) if info else None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.expanduser().resolve() == b.expanduser().resolve()
    except OSError:
        return a == b
