"""The app's draft actions (metadata, sections, candidates, $EDITOR, export), kept out of app.py.
The draft's file (new, open, save, quit) is `file_actions.py`.

Every change goes through the draft model's own operations (`drafter.draft.model.Draft`), then
`draft_changed()` bumps `draft_version`, which the screens watch.
"""

from __future__ import annotations

import copy
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from textual.app import SuspendNotSupported

from drafter.messages import t
from drafter.tui import services
from drafter.tui.dialogs.confirm_dialog import ConfirmDialog
from drafter.tui.dialogs.metadata_dialog import MetadataDialog
from drafter.tui.dialogs.path_prompt import PathPrompt
from drafter.tui.external_editor import editor_command


class DraftActions:
    """Mixed into DrafterApp; uses `self.session`, `self.draft_version`, `self.notify`…"""

    session: Any
    draft_version: int

    @property
    def draft(self) -> Any:
        return self.session.draft

    def mark_dirty(self) -> None:
        self.session.changed()
        self.refresh_title()

    def draft_changed(self) -> None:
        self.session.changed()
        self.draft_version += 1
        self.refresh_title()

    # ── metadata ───────────────────────────────────────────────────────────────────────────────
    def action_edit_metadata(self) -> None:
        """Region, province, title, issuer, date only (the parts editor, Ctrl+R, has them all)."""
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

    def default_draft_path(self, region: str | None = None) -> Path:
        """`<地区>-实施方案.md` in the export folder; the region is document text, so the name is made
        safe and kept inside that folder (`drafter.fsnames.safe_path`)."""
        from drafter.fsnames import safe_path

        region = region if region is not None else str(self.draft.meta.get("region") or "")
        return safe_path(self.export_dir, region, "-实施方案.md")

    # ── sections ───────────────────────────────────────────────────────────────────────────────
    def add_section(self, title: str, selected: Any = None, placement: str = "end") -> Any:
        """A new section: after `selected` at its level, inside it one level down, or at the end."""
        from drafter.draft.model import DraftSection

        if selected is None or placement == "end":
            placed = self.draft.add_section(DraftSection(title, 1))
        elif placement == "inside":
            placed = self.draft.add_section(DraftSection(title, selected.level + 1), selected)
        else:
            siblings, index = self.draft.path_of(selected)
            parent = next((s for s in self.draft.walk() if s.children is siblings), None)
            placed = self.draft.add_section(DraftSection(title, selected.level), parent, index + 1)
        self.draft_changed()
        return placed

    def remove_section(self, section: Any) -> None:
        self.draft.remove_section(section)
        self.draft_changed()

    def move_section(self, section: Any, steps: int) -> None:
        self.draft.move_section(section, steps)
        self.draft_changed()

    def put_passage(self, section: Any, lines: list[str], provenance: dict[str, str], how: str,
                    cursor: tuple[int, int] | None = None) -> None:
        """Put a passage (body lines, perhaps with sub-headings) into `section` with its 来源 note.

        `replace` replaces the section's whole subtree: its body *and* its sub-sections, so a
        variant of 二、基本原则 brings its own (一)(二)(三) instead of adding them to the old ones.
        `append`/`start` add the body at the end/start and the sub-sections after the existing ones;
        `cursor` puts the body at a (row, column) of the body text."""
        from drafter.draft.model import PROVENANCE, parse_outline, provenance_line

        body, children = parse_outline(list(lines))
        body_text = "\n".join(line for line in body if line.strip())
        kept = [] if how == "replace" else [line for line in section.lines if PROVENANCE.match(line)]
        old = "" if how == "replace" else section.body
        section.lines = [provenance_line(provenance), *kept] + _joined(old, body_text, how, cursor).split("\n")
        moved = [child.shifted(section.level + 1 - child.level) for child in children]
        section.children = moved if how == "replace" else section.children + moved
        self.draft.renumber()
        self.draft_changed()

    # ── $EDITOR escape hatch ───────────────────────────────────────────────────────────────────
    def action_edit_externally(self) -> None:
        compose = self.compose_mode_screen()
        section = compose.section if compose else None
        if section is None:
            self.notify(t("tui.choose_section_first"), severity="warning")
            return
        command = editor_command(self.settings.editor)
        if command is None:
            self.notify(t("tui.no_editor"), severity="warning", timeout=15)
            return
        edited = self._run_editor(command, section.body)
        if edited is not None and edited.rstrip("\n") != section.body:
            self.draft.replace_body(section, edited.rstrip("\n"))
            self.draft_changed()
            compose.reload_section()

    def _run_editor(self, command: list[str], text: str) -> str | None:
        with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8", delete=False) as handle:
            handle.write(text)
            name = handle.name
        try:
            try:
                with self.suspend():  # hand the terminal to the editor
                    subprocess.run([*command, name], check=False)
            except SuspendNotSupported:  # headless (tests) or web: no terminal to hand over
                subprocess.run([*command, name], check=False, stdin=subprocess.DEVNULL, timeout=600)
            return Path(name).read_text(encoding="utf-8")
        except Exception as err:  # noqa: BLE001 - e.g. the editor is not installed
            self.notify(t("tui.editor_failed", editor=command[0], why=err), severity="error")
            return None
        finally:
            Path(name).unlink(missing_ok=True)

    # ── export ─────────────────────────────────────────────────────────────────────────────────
    def action_export(self, kind: str) -> None:
        """Write one export; a redline, 对照表 or HTML report is against the reference chosen in
        Compare (or chosen now), compared again first when the draft changed since."""
        if self.draft is None:
            self.notify(t("tui.no_draft_to_export"), severity="warning")
            return
        state = self.compared
        needs_comparison = services.EXPORTS[kind][1]
        if needs_comparison and not state.current(self.edits):
            again = lambda: self.action_export(kind)
            if state.reference is None:
                self.switch_mode("export")
                self.action_choose_reference(stay=True, then=again)
            else:
                self.compare_with(then=again)
            return
        comparison = state.comparison if needs_comparison else None
        stem = str(self.draft.meta.get("region") or "draft")
        target = services.export_path(kind, self.export_dir, stem)

        def write(yes: bool | None = True) -> None:
            if not yes:
                return
            self.written[target.resolve()] = None  # ours, being written (its stamp comes when done)
            hide = not getattr(self.mode_screen("compare"), "show_unimportant", True)
            self.switch_mode("export")
            # a copy: the worker must not read a draft the editor is changing meanwhile
            self.run_export(kind, copy.deepcopy(self.draft), self.export_dir, stem, comparison, hide)

        if target.exists() and not self._own_export(target):
            changed = target.resolve() in self.written
            question = t("tui.overwrite_export_changed" if changed else "tui.overwrite_export",
                         path=services.shown_path(target))  # fmt: skip
            self.push_screen(ConfirmDialog(question, yes=t("tui.choice_overwrite")), write)
        else:
            write()

    def _own_export(self, target: Path) -> bool:
        """Written by this session and not changed since (or being written now)."""
        from drafter.tui.draft_session import file_stamp

        key = target.resolve()
        if key not in self.written:
            return False
        return self.written[key] is None or self.written[key] == file_stamp(target)

    def action_choose_export_folder(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is None:
                return
            if path.exists() and not path.is_dir():
                self.notify(t("tui.not_a_folder", path=services.shown_path(path)), severity="warning")
                return
            self.export_dir = path
            screen = self.mode_screen("export")
            if screen is not None:
                screen.show_target()

        self.push_screen(PathPrompt(t("tui.export_folder_title"), services.shown_path(self.export_dir) + "/",
                                    folders_only=True),
                         chosen)

    def compose_mode_screen(self) -> Any:
        return self.mode_screen("compose")

    def mode_screen(self, mode: str) -> Any:
        """The base screen of a mode, or None when that mode was never opened."""
        try:
            stack = self.get_screen_stack(mode)
        except KeyError:
            return None
        return stack[0] if stack else None


def _joined(old: str, new: str, how: str, cursor: tuple[int, int] | None) -> str:
    """The body after putting `new` into `old`: replace, start, end, or at a (row, column)."""
    if how == "replace" or not old.strip():
        return new
    if how == "start":
        return f"{new}\n{old}"
    if how == "cursor" and cursor is not None:
        rows = old.split("\n")
        row = min(cursor[0], len(rows) - 1)
        head, tail = rows[row][: cursor[1]], rows[row][cursor[1]:]
        rows[row : row + 1] = [line for line in (head, new, tail) if line]
        return "\n".join(rows)
    return f"{old.rstrip()}\n{new}"
