"""The app's draft actions (new, open, save, metadata, sections, $EDITOR, export), kept out of app.py.

Every change goes through the draft model's own operations (`drafter.draft.model.Draft`), then
`draft_changed()` bumps `draft_version`, which the screens watch.
"""

from __future__ import annotations

import copy
import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from textual.app import SuspendNotSupported

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
            if values is None:
                return
            if not values.get("region"):
                self.notify("a new draft needs its region (地区)", severity="warning")
                return
            self.status_text = f"assembling a draft for {values['region']}…"
            self.assemble_draft(values)

        self.push_screen(MetadataDialog({}, heading="新草稿 · new draft (地区 is required)"), create)

    def adopt_new_draft(self, draft: Any) -> None:
        """On the UI thread, once the worker has assembled the draft."""
        self.session.start_new(draft)
        self.draft_changed()
        self.status_text = f"new draft for {draft.meta.get('region')}: {sum(1 for _ in draft.walk())} sections"
        self.switch_mode("compose")

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
        from drafter.fsnames import safe_path

        return safe_path(self.export_dir, str(self.draft.meta.get("region") or ""), "-实施方案.md")

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

    def clear_provenance(self, section: Any) -> None:
        from drafter.draft.model import PROVENANCE

        section.lines = [line for line in section.lines if not PROVENANCE.match(line)]
        self.mark_dirty()

    def insert_into_draft(self, text: str, provenance: dict[str, str], how: str = "append") -> None:
        """From Search: into the section selected in Compose, with its provenance."""
        compose = self.compose_mode_screen()
        if self.draft is None or compose is None or not compose.insert_text(text, provenance, how):
            self.notify("open a draft and select a section in Compose (F3) first", severity="warning")
            return
        self.notify(f"inserted into {compose.section.heading}")

    # ── $EDITOR escape hatch ───────────────────────────────────────────────────────────────────
    def action_edit_externally(self) -> None:
        compose = self.compose_mode_screen()
        section = compose.section if compose else None
        if section is None:
            self.notify("select a section in Compose first", severity="warning")
            return
        edited = self._run_editor(section.body)
        if edited is not None and edited != section.body:
            self.draft.replace_body(section, edited.rstrip("\n"))
            self.draft_changed()
            compose.reload_section()

    def _run_editor(self, text: str) -> str | None:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8", delete=False) as handle:
            handle.write(text)
            name = handle.name
        command = [*shlex.split(editor), name]
        try:
            try:
                with self.suspend():  # hand the terminal to the editor
                    subprocess.run(command, check=False)
            except SuspendNotSupported:  # headless (tests) or web: no terminal to hand over
                subprocess.run(command, check=False, stdin=subprocess.DEVNULL, timeout=600)
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
        hide = not getattr(compare, "show_unimportant", True)
        stem = str(self.draft.meta.get("region") or "draft")
        self.switch_mode("export")
        # a copy: the worker must not read a draft the editor is changing meanwhile
        self.run_export(kind, copy.deepcopy(self.draft), self.export_dir, stem, comparison, hide)

    def compose_mode_screen(self) -> Any:
        return self.mode_screen("compose")

    def mode_screen(self, mode: str) -> Any:
        """The base screen of a mode, or None when that mode was never opened."""
        try:
            stack = self.get_screen_stack(mode)
        except KeyError:
            return None
        return stack[0] if stack else None
