"""Compose: outline | section editor | candidates (library variants, corpus sections of the same kind)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static, TextArea

from drafter.tui import services
from drafter.tui.dialogs.confirm_dialog import ConfirmDialog
from drafter.tui.dialogs.text_prompt import TextPrompt
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.widgets.candidate_list import CandidateList
from drafter.tui.widgets.outline_tree import OutlineTree

CANDIDATE_ACTIONS = {"use_candidate"}
OUTLINE_ACTIONS = {"add_section", "remove_section", "move_section"}


class ComposeScreen(DrafterScreen):
    BINDINGS = [
        Binding("i", "use_candidate('insert')", "Insert", id="compose.insert", tooltip="at the cursor"),
        Binding("r", "use_candidate('replace')", "Replace", id="compose.replace"),
        Binding("a", "use_candidate('append')", "Append", id="compose.append"),
        Binding("n", "add_section", "New section", id="compose.add-section"),
        Binding("delete", "remove_section", "Remove", id="compose.remove-section"),
        Binding("[", "move_section(-1)", "Up", id="compose.move-up"),
        Binding("]", "move_section(1)", "Down", id="compose.move-down"),
        Binding("ctrl+e", "app.edit_externally", "$EDITOR", id="compose.external-editor"),
        Binding("ctrl+r", "app.edit_metadata", "Metadata", id="compose.metadata"),
    ]

    @dataclass
    class CandidatesFound(Message):
        section: Any
        candidates: list[Any]

    def __init__(self) -> None:
        super().__init__()
        self.section: Any = None
        self._loading_editor = False

    def compose_body(self) -> ComposeResult:
        yield Static("", id="compose-heading", classes="screen-heading", markup=False)
        with Horizontal(id="compose-panes"):
            yield OutlineTree(id="outline")
            yield TextArea(id="section-editor", soft_wrap=True, show_line_numbers=False)
            with Vertical(id="candidates-pane"):
                yield CandidateList(id="candidates")
                yield Static("", id="candidate-preview", markup=False)

    def on_mount(self) -> None:
        self.watch(self.app, "draft_version", self.show_draft)

    # ── the draft ──────────────────────────────────────────────────────────────────────────────
    def show_draft(self, _version: int = 0) -> None:
        draft = self.app.draft
        heading = self.query_one("#compose-heading", Static)
        if draft is None:
            heading.update("no draft yet — Ctrl+N: new draft for a region")
            return
        meta = draft.meta
        heading.update(f"{meta.get('region') or '(地区?)'} · {meta.get('title') or '(标题?)'}  {self.app.draft_label()}")
        if self.section is not None and self.section not in list(draft.walk()):
            self.section = None
        self.query_one(OutlineTree).show_draft(draft, self.section)
        if not draft.sections:
            self._load_editor(None)

    def select(self, section: Any) -> None:
        """Select `section` in the outline (its editor and candidates load on the highlight)."""
        self.section = None
        self.query_one(OutlineTree).show_draft(self.app.draft, section)

    def reload_section(self) -> None:
        """The selected section changed outside the editor ($EDITOR): show its text again."""
        if self.section is not None:
            self._load_editor(self.section)

    @on(OutlineTree.SectionChosen)
    def choose_section(self, message: OutlineTree.SectionChosen) -> None:
        if message.section is self.section:
            return
        self.section = message.section
        self._load_editor(self.section)
        self.query_one(CandidateList).show([])
        self.find_candidates(self.section)

    def _load_editor(self, section: Any) -> None:
        editor = self.query_one("#section-editor", TextArea)
        self._loading_editor = True
        editor.load_text(section.body if section is not None else "")
        editor.disabled = section is None

    @on(TextArea.Changed, "#section-editor")
    def keep_edit(self, event: TextArea.Changed) -> None:
        if self._loading_editor:
            self._loading_editor = False
            return
        if self.section is not None and self.app.draft is not None:
            self.app.draft.replace_body(self.section, event.text_area.text)
            self.app.mark_dirty()

    # ── candidates ─────────────────────────────────────────────────────────────────────────────
    @work(thread=True, exclusive=True, exit_on_error=False, group="candidates")
    def find_candidates(self, section: Any) -> None:
        meta = self.app.draft.meta if self.app.draft else {}
        kind = section.kind or _guess_kind(section.title)
        found = services.candidates(self.app.db, kind, meta.get("region"), meta.get("province"))
        self.post_message(self.CandidatesFound(section, found))

    def on_compose_screen_candidates_found(self, message: CandidatesFound) -> None:
        if message.section is self.section:
            self.query_one(CandidateList).show(message.candidates)
            if not message.candidates:
                self.query_one("#candidate-preview", Static).update("no candidates for this section's kind")

    @on(CandidateList.Previewed)
    def preview(self, message: CandidateList.Previewed) -> None:
        c = message.candidate
        source = " · ".join(f"{k} {v}" for k, v in c.provenance.items() if v)
        self.query_one("#candidate-preview", Static).update(f"{source}\n{c.text}")

    def action_use_candidate(self, how: str) -> None:
        candidate = self.query_one(CandidateList).current
        if candidate is None or self.section is None:
            self.notify("choose a section and a candidate first", severity="warning")
            return
        editor = self.query_one("#section-editor", TextArea)
        if how == "insert":
            editor.insert(candidate.text)
        elif how == "replace":
            editor.load_text(candidate.text)
        else:
            editor.load_text((editor.text.rstrip("\n") + "\n" + candidate.text).lstrip("\n"))
        self._loading_editor = False
        if how == "replace":  # the old text is gone, and so is what said where it came from
            self.app.clear_provenance(self.section)
        self.app.draft.replace_body(self.section, editor.text)
        self.app.add_provenance(self.section, candidate.provenance)

    def insert_text(self, text: str, provenance: dict[str, str], how: str = "append") -> bool:
        """Used by Search: put `text` into the selected section."""
        from drafter.tui.services import Candidate

        if self.section is None:
            return False
        self.query_one(CandidateList).candidates = [Candidate("", provenance, text)]
        self.query_one(CandidateList).highlighted = None
        editor = self.query_one("#section-editor", TextArea)
        editor.load_text((editor.text.rstrip("\n") + "\n" + text).lstrip("\n") if how == "append" else text)
        self._loading_editor = False
        self.app.draft.replace_body(self.section, editor.text)
        self.app.add_provenance(self.section, provenance)
        return True

    # ── structure ──────────────────────────────────────────────────────────────────────────────
    def action_add_section(self) -> None:
        def add(title: str | None) -> None:
            if title:
                self.select(self.app.add_section(title, after=self.section))

        self.app.push_screen(TextPrompt("新章节标题 · new section title (e.g. 指导思想)"), add)

    def action_remove_section(self) -> None:
        section = self.section
        if section is None:
            return

        def remove(yes: bool | None) -> None:
            if yes:
                self.section = None
                self.app.remove_section(section)

        self.app.push_screen(ConfirmDialog(f"删除 {section.heading}?  remove this section?"), remove)

    def action_move_section(self, steps: int) -> None:
        if self.section is not None:
            self.app.move_section(self.section, steps)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        if action in CANDIDATE_ACTIONS:
            return isinstance(focused, CandidateList)
        if action in OUTLINE_ACTIONS:
            return isinstance(focused, OutlineTree)
        return True


def _guess_kind(title: str) -> str | None:
    """A section the outline parser has not seen yet: its kind from its title, as the parser does."""
    from drafter.corpus.kinds import title_kind

    return title_kind(title)
