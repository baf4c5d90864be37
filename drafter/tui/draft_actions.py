"""The app's draft actions (new, open, save, metadata, sections, $EDITOR, export), kept out of app.py.

Every change goes through the draft model's own operations (`drafter.draft.model.Draft`), then
`draft_changed()` bumps `draft_version`, which the screens watch.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from drafter.tui import services
from drafter.tui.dialogs.metadata_dialog import MetadataDialog


class DraftActions:
    """Mixed into DrafterApp; uses `self.session`, `self.draft_version`, `self.notify`…"""

    session: Any
    draft_version: int

    @property
    def draft(self) -> Any:
        return self.session.draft

    def draft_label(self) -> str:
        name = self.session.path.name if self.session.path else "(not saved to a file yet)"
        return f"{name}{' *' if self.session.dirty else ''}"

    def mark_dirty(self) -> None:
        self.session.changed()

    def draft_changed(self) -> None:
        self.session.changed()
        self.draft_version += 1

    # ── new / metadata / save ──────────────────────────────────────────────────────────────────
    def action_new_draft(self) -> None:
        def create(values: dict[str, str] | None) -> None:
            if values:
                self.session.start_new(values)
                self.draft_changed()
                self.switch_mode("compose")

        self.push_screen(MetadataDialog({}, heading="新草稿 · new draft (地区 is required)"), create)

    def action_edit_metadata(self) -> None:
        if self.draft is None:
            self.action_new_draft()
            return

        def apply(values: dict[str, str] | None) -> None:
            if values:
                for key, value in values.items():
                    if value != (self.draft.meta.get(key) or ""):
                        self.draft.set_meta(key, value)
                self.draft_changed()

        current = {k: str(v) for k, v in self.draft.meta.items() if isinstance(v, str)}
        self.push_screen(MetadataDialog(current), apply)

    def action_save_draft(self) -> None:
        if self.draft is None:
            return
        target = self.session.path or self.default_draft_path()
        saved = self.session.save(target)
        self.draft_version += 1
        self.notify(f"saved {saved}")

    def default_draft_path(self) -> Path:
        region = str(self.draft.meta.get("region") or "draft")
        return self.export_dir / f"{region}-实施方案.md"

    # ── sections ───────────────────────────────────────────────────────────────────────────────
    def add_section(self, title: str, after: Any = None) -> Any:
        from drafter.draft.model import DraftSection

        if after is None:
            placed = self.draft.add_section(DraftSection(title, 1))
        else:
            siblings, index = self.draft.path_of(after)
            parent = next((s for s in self.draft.walk() if s.children is siblings), None)
            placed = self.draft.add_section(DraftSection(title, after.level), parent, index + 1)
        self.draft_changed()
        return placed

    def remove_section(self, section: Any) -> None:
        self.draft.remove_section(section)
        self.draft_changed()

    def move_section(self, section: Any, steps: int) -> None:
        self.draft.move_section(section, steps)
        self.draft_changed()

    def add_provenance(self, section: Any, provenance: dict[str, str]) -> None:
        from drafter.draft.model import provenance_line

        section.lines.insert(0, provenance_line(provenance))
        self.mark_dirty()

    def insert_into_draft(self, text: str, source: str, how: str = "append") -> None:
        """From Search: into the section selected in Compose, with its provenance."""
        compose = self._compose_screen()
        if self.draft is None or compose is None or not compose.insert_text(text, {"来源": source}, how):
            self.notify("open a draft and select a section in Compose (F3) first", severity="warning")
            return
        self.notify(f"inserted into {compose.section.heading}")

    # ── $EDITOR escape hatch ───────────────────────────────────────────────────────────────────
    def action_edit_externally(self) -> None:
        compose = self._compose_screen()
        section = compose.section if compose else None
        if section is None:
            self.notify("select a section in Compose first", severity="warning")
            return
        edited = self._run_editor(section.body)
        if edited is not None and edited != section.body:
            self.draft.replace_body(section, edited.rstrip("\n"))
            self.draft_changed()
            compose.select(section)  # reloads the editor from the draft

    def _run_editor(self, text: str) -> str | None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8", delete=False) as handle:
            handle.write(text)
            name = handle.name
        try:
            with self.suspend():
                subprocess.run([*shlex.split(editor), name], check=False)
            return Path(name).read_text(encoding="utf-8")
        except Exception as err:  # noqa: BLE001 - e.g. no terminal to suspend (headless)
            self.notify(f"could not run {editor}: {err}", severity="error")
            return None
        finally:
            Path(name).unlink(missing_ok=True)

    # ── export ─────────────────────────────────────────────────────────────────────────────────
    def action_export(self, kind: str) -> None:
        if self.draft is None:
            self.notify("no draft to export", severity="warning")
            return
        compare = self.mode_screen("compare")
        comparison = getattr(compare, "comparison", None)
        stem = str(self.draft.meta.get("region") or "draft")
        self.switch_mode("export")
        self.run_export(kind, self.draft, self.export_dir, stem, comparison)

    def _compose_screen(self) -> Any:
        return self.mode_screen("compose")

    def mode_screen(self, mode: str) -> Any:
        """The base screen of a mode, or None when that mode was never opened."""
        try:
            stack = self.get_screen_stack(mode)
        except KeyError:
            return None
        return stack[0] if stack else None
