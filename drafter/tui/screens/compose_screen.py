"""Compose: outline | section editor | candidates (library variants, corpus sections of the same kind).

Below 100 columns the candidates go under the editor, so the outline keeps room for its headings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection

from drafter.messages import t
from drafter.tui import services
from drafter.tui.bindings import key
from drafter.tui.dialogs.candidate_preview import CandidatePreview, marked_findings
from drafter.tui.dialogs.confirm_dialog import ConfirmDialog
from drafter.tui.dialogs.new_section_dialog import NewSection, NewSectionDialog
from drafter.tui.jump import Spot, row_column
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.widgets.candidate_list import CandidateList
from drafter.tui.widgets.outline_tree import OutlineTree
from drafter.tui.widgets.section_editor import SectionEditor
from drafter.tui.widgets.wrapped_text import OneLine, WrappedText

CANDIDATE_ACTIONS = {"use_candidate", "preview_candidate"}
OUTLINE_ACTIONS = {"add_section", "remove_section", "move_section"}
NARROW = 100  # columns below which the candidates go under the editor


class ComposeScreen(DrafterScreen):
    BINDINGS = [
        key("p", "preview_candidate", "key_preview", "compose.preview", tip="tip_preview"),
        key("i", "use_candidate('insert')", "key_insert", "compose.insert", tip="tip_insert"),
        key("r", "use_candidate('replace')", "key_replace", "compose.replace", tip="tip_replace"),
        key("a", "use_candidate('append')", "key_append", "compose.append", tip="tip_append"),
        key("n", "add_section", "key_new_section", "compose.add-section"),
        key("delete", "remove_section", "key_remove", "compose.remove-section"),
        key("[", "move_section(-1)", "key_up", "compose.move-up"),
        key("]", "move_section(1)", "key_down", "compose.move-down"),
        # priority: in the editor, Ctrl+E would otherwise move to the end of the line
        key("ctrl+e", "app.edit_externally", "key_external", "compose.external-editor", priority=True),
        key("ctrl+r", "app.edit_parts", "key_metadata", "compose.metadata", priority=True),
    ]

    @dataclass
    class CandidatesFound(Message):
        section: Any
        candidates: list[Any]

    @dataclass
    class FindingsFound(Message):
        """提法 · 属地 · 时限 findings of the section as it is (key None) and of each candidate (its id)."""

        section: Any
        findings: dict[str | None, list[Any]]

    def __init__(self) -> None:
        super().__init__()
        self.section: Any = None
        self._pending: Spot | None = None  # a jump waiting for its section to load in the editor
        self.findings: dict[str | None, list[Any]] = {}  # of the selected section's candidates

    def compose_body(self) -> ComposeResult:
        yield OneLine("", id="compose-heading", classes="screen-heading")
        with Horizontal(id="compose-panes"):
            yield OutlineTree(id="outline")
            with Container(id="compose-main"):
                yield SectionEditor(id="section-editor")
                with Vertical(id="candidates-pane"):
                    yield Static(t("tui.candidates_heading"), classes="pane-heading", markup=False)
                    yield CandidateList(id="candidates")
                    yield Static("", id="candidate-preview")

    def on_mount(self) -> None:
        self.watch(self.app, "draft_version", self.show_draft)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    # ── the draft ──────────────────────────────────────────────────────────────────────────────
    def show_draft(self, _version: int = 0) -> None:
        draft = self.app.draft
        heading = self.query_one("#compose-heading", Static)
        if draft is None:
            heading.update(t("tui.compose_no_draft"))
            self._load_editor(None)
            return
        meta = draft.meta
        region = meta.get("region") or t("tui.region_missing")
        title = meta.get("title") or t("tui.title_missing")
        heading.update(f"{region} · {title}  {self.app.draft_label()}")
        if self.section is not None and self.section not in list(draft.walk()):
            self.section = None
        self.query_one(OutlineTree).show_draft(draft, self.section)
        if self.section is not None:
            self._load_editor(self.section)
        elif not draft.sections:
            self._load_editor(None)

    def select(self, section: Any) -> None:
        """Select `section` in the outline (its editor and candidates load on the highlight)."""
        self.section = None
        self.query_one(OutlineTree).show_draft(self.app.draft, section)

    def jump_to(self, spot: Spot) -> None:
        """Open `spot`'s section with its text selected in the editor (a finding, a change)."""
        if spot.section is self.section and self.section is not None:
            self._show_spot(spot)
            return
        self._pending = spot
        self.select(spot.section)

    def _show_spot(self, spot: Spot) -> None:
        editor = self.query_one("#section-editor", TextArea)
        if spot.start is not None and not spot.in_heading:
            body = editor.text
            editor.selection = Selection(row_column(body, spot.start), row_column(body, spot.end or spot.start))
        editor.focus()
        editor.scroll_cursor_visible(center=True)

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
        pending, self._pending = self._pending, None
        if pending is not None and pending.section is self.section:
            self.call_after_refresh(self._show_spot, pending)
        self.query_one(CandidateList).show([])
        self.query_one("#candidate-preview", Static).update("")
        self.find_candidates(self.section)

    def _load_editor(self, section: Any) -> None:
        editor = self.query_one("#section-editor", TextArea)
        text = section.body if section is not None else ""
        if editor.text != text:
            editor.load_text(text)
        editor.disabled = section is None

    @on(TextArea.Changed, "#section-editor")
    def keep_edit(self, event: TextArea.Changed) -> None:
        """Typing changes the section; a text loaded from the section (equal to it) changes nothing."""
        text = event.text_area.text
        if self.section is not None and self.app.draft is not None and text != self.section.body:
            self.app.draft.replace_body(self.section, text)
            self.app.mark_dirty()

    # ── candidates ─────────────────────────────────────────────────────────────────────────────
    def find_candidates(self, section: Any) -> None:
        import copy

        self.findings = {}
        draft = self.app.draft
        # the worker reads copies: the user goes on typing into the section meanwhile
        self._candidates_worker(section, copy.deepcopy(section), copy.deepcopy(draft.meta) if draft else {})

    @work(thread=True, exclusive=True, exit_on_error=False, group="candidates")
    def _candidates_worker(self, section: Any, snapshot: Any, meta: dict) -> None:
        from textual.worker import get_current_worker

        from drafter.draft.model import Draft

        kind = snapshot.kind or _guess_kind(snapshot.title)
        found = services.candidates(self.app.db, kind, meta.get("region"), meta.get("province"))
        self.post_message(self.CandidatesFound(section, found))
        draft = Draft(meta=meta)
        findings: dict[str | None, list[Any]] = {None: services.passage_findings(self.app.db, draft, snapshot)}
        for candidate in found:  # then what each candidate would bring in (leaks, outdated wording)
            if get_current_worker().is_cancelled:
                return
            findings[candidate.ident] = services.passage_findings(self.app.db, draft, snapshot, candidate)
        self.post_message(self.FindingsFound(section, findings))

    def on_compose_screen_candidates_found(self, message: CandidatesFound) -> None:
        if message.section is self.section:
            candidates = self.query_one(CandidateList)
            keep = candidates.highlighted if candidates.section is self.section else None
            candidates.show(message.candidates, self.section, self.findings)
            if keep is not None and keep < len(message.candidates):
                candidates.highlighted = keep
            if not message.candidates:
                self.query_one("#candidate-preview", Static).update(t("tui.no_candidates"))

    def on_compose_screen_findings_found(self, message: FindingsFound) -> None:
        if message.section is self.section:
            self.findings = message.findings
            self.refresh_candidates()

    def refresh_candidates(self) -> None:
        """After a candidate was used: the `使用中` marks follow."""
        candidates = self.query_one(CandidateList)
        keep = candidates.highlighted
        candidates.show(candidates.candidates, self.section, self.findings)
        if keep is not None and candidates.candidates:
            candidates.highlighted = keep

    @on(CandidateList.Previewed)
    def preview(self, message: CandidateList.Previewed) -> None:
        c = message.candidate
        shown = Text(c.source_line(), style="dim")
        shown.append("\n")
        shown.append_text(marked_findings(c.text, self.findings.get(c.ident, [])))
        self.query_one("#candidate-preview", Static).update(WrappedText(shown))

    def action_preview_candidate(self) -> None:
        candidate = self.query_one(CandidateList).current
        if candidate is None or self.section is None:
            self.notify(t("tui.choose_candidate_first"), severity="warning")
            return

        def chosen(how: str | None) -> None:
            if how:
                self.action_use_candidate(how)

        findings = (self.findings.get(None), self.findings.get(candidate.ident))
        self.app.push_screen(CandidatePreview(self.section, candidate, findings), chosen)

    def action_use_candidate(self, how: str) -> None:
        candidate = self.query_one(CandidateList).current
        section = self.section
        if candidate is None or section is None:
            self.notify(t("tui.choose_candidate_first"), severity="warning")
            return
        editor = self.query_one("#section-editor", TextArea)
        cursor = editor.cursor_location if how == "insert" else None

        def put(yes: bool | None = True) -> None:
            if yes:
                self.app.put_passage(section, list(candidate.lines), candidate.provenance,
                                     "cursor" if how == "insert" else how, cursor)
                self._load_editor(section)
                self.find_candidates(section)  # the 使用中 marks and the section's findings follow
                self.app.status_text = t(f"tui.used_{how}", heading=section.heading)

        if how == "replace" and section.children:  # the sub-sections go too: say so first
            question = t("tui.replace_subtree", heading=section.heading, count=len(section.children))
            self.app.push_screen(ConfirmDialog(question, yes=t("tui.choice_replace")), put)
        else:
            put()

    # ── structure ──────────────────────────────────────────────────────────────────────────────
    def action_add_section(self) -> None:
        selected = self.section

        def add(new: NewSection | None) -> None:
            if new:
                self.select(self.app.add_section(new.title, selected, new.placement))

        heading = selected.heading if selected is not None else None
        level = selected.level if selected is not None else None
        self.app.push_screen(NewSectionDialog(heading, level), add)

    def action_remove_section(self) -> None:
        section = self.section
        if section is None:
            return

        def remove(yes: bool | None) -> None:
            if yes:
                self.section = None
                self.app.remove_section(section)

        self.app.push_screen(ConfirmDialog(t("tui.remove_question", heading=section.heading),
                                           yes=t("tui.choice_remove")), remove)

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

    def editor_cursor(self, section: Any) -> tuple[int, int] | None:
        """Where the editor's cursor is, when `section` is the one open in it."""
        if section is not self.section:
            return None
        return self.query_one("#section-editor", TextArea).cursor_location


def _guess_kind(title: str) -> str | None:
    """A section the outline parser has not seen yet: its kind from its title, as the parser does."""
    from drafter.corpus.kinds import title_kind

    return title_kind(title)
