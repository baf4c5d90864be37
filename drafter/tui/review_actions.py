"""Going from a finding, a change or a task to its spot in the draft; 对标; the 公文 parts editor;
new from a superior document (offered once the library has it). Kept out of app.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drafter.messages import t
from drafter.tui import services
from drafter.tui.corpus_loader import CorpusEntry
from drafter.tui.dialogs.parts_dialog import PartsDialog
from drafter.tui.dialogs.reference_picker import ReferencePicker
from drafter.tui.jump import Spot

FROM_SUPERIOR = "drafter.draft.superior"  # issue 17's module: `draft_from_superior(...)`


class ReviewActions:
    """Mixed into DrafterApp; uses `self.draft`, `self.corpus`, `self.switch_mode`, `self.notify`…"""

    draft: Any
    corpus: Any

    def jump_to(self, spot: Spot) -> None:
        """Open the spot: a section in Compose (its text selected), or the parts editor for the
        metadata and the preface."""
        if spot.section is None:
            self.action_edit_parts("preface" if spot.part == "preamble" else (spot.field or "").split("[")[0])
            return
        self.switch_mode("compose")
        compose = self.mode_screen("compose")
        compose.call_after_refresh(compose.jump_to, spot)
        words = "tui_check.at_heading" if spot.in_heading else "tui_compare.jumped"
        self.status_text = t(words, heading=spot.section.heading)

    # ── 对标 ───────────────────────────────────────────────────────────────────────────────────
    def action_cover(self) -> None:
        if self.draft is None:
            self.notify(t("tui.compare_needs_draft"), severity="warning")
            return

        def covered(entry: CorpusEntry) -> None:
            from drafter.tui.screens.cover_screen import CoverScreen

            self.push_screen(CoverScreen(entry))

        self.choose_superior(covered)

    def choose_superior(self, then: Callable[[CorpusEntry], None]) -> None:
        entries = self.corpus.entries if self.corpus and self.corpus.from_store else []
        if not entries:
            self.notify(t("tui.store_not_loaded"), severity="warning")
            return

        def chosen(entry: CorpusEntry | None) -> None:
            if entry is not None:
                then(entry)

        self.push_screen(ReferencePicker(superiors_first(entries), t("tui_compare.cover_choose")), chosen)

    # ── the 公文 parts (`drafter meta`) ─────────────────────────────────────────────────────────
    def action_edit_parts(self, field: str = "") -> None:
        if self.draft is None:
            self.action_new_draft()
            return

        def closed(changed: bool | None) -> None:
            if changed:
                self.draft_changed()

        self.push_screen(PartsDialog(self.draft, field or None), closed)

    # ── new from a superior document (issue 17) ────────────────────────────────────────────────
    def has_from_superior(self) -> bool:
        """Issue 17's `draft_from_superior` is on main: only then does the palette offer the command."""
        return services.has(FROM_SUPERIOR)

    def action_new_from_superior(self) -> None:
        """The slot for issue 17: pick the superior document, assemble the draft with the library's
        `draft_from_superior` in the new-draft worker. Not offered until that function lands."""
        if not self.has_from_superior():
            return
        self.notify(t("tui_check.cmd_from_superior_help"))

    def action_fix_all(self) -> None:
        """`drafter fix` on the draft, from the palette: on the Check screen, which shows the result."""
        self.switch_mode("check")
        screen = self.mode_screen("check")
        screen.call_after_refresh(screen.action_fix_all)


def superiors_first(entries: list[CorpusEntry]) -> list[CorpusEntry]:
    """Documents a plan implements (国家/省级, 意见, 任务, 通知) before the other plans."""
    def rank(entry: CorpusEntry) -> int:
        superior = entry.level == "省级" or not entry.region or any(
            word in entry.title for word in ("意见", "任务", "通知", "国家"))
        return 0 if superior else 1

    return sorted(entries, key=rank)
