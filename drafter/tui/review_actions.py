"""Going from a finding, a change or a task to its spot in the draft; 对标; the 公文 parts editor;
new from a superior document (`drafter new --from`). Kept out of app.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drafter.messages import t
from drafter.text.linebreak import ellipsize
from drafter.tui import services
from drafter.tui.corpus_loader import CorpusEntry
from drafter.tui.dialogs.metadata_dialog import MetadataDialog
from drafter.tui.dialogs.parts_dialog import PartsDialog
from drafter.tui.dialogs.reference_picker import ReferencePicker
from drafter.tui.jump import Spot

FROM_SUPERIOR = "drafter.draft.from_superior"  # `drafter new --from`: `build_from_superior(...)`


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

    def choose_superior(self, then: Callable[[CorpusEntry], None], heading: str = "") -> None:
        if not (self.corpus and self.corpus.from_store):
            self.notify(t("tui.store_not_loaded"), severity="warning")
            return

        def chosen(entry: CorpusEntry | None) -> None:
            if entry is not None:
                then(entry)

        self.push_screen(ReferencePicker(self.db, heading or t("tui_compare.cover_choose"), superiors_first), chosen)

    # ── the 公文 parts (`drafter meta`) ─────────────────────────────────────────────────────────
    def action_edit_parts(self, field: str = "") -> None:
        if self.draft is None:
            self.action_new_draft()
            return

        def closed(changed: bool | None) -> None:
            if changed:
                self.draft_changed()

        self.push_screen(PartsDialog(self.draft, field or None), closed)

    # ── new from a superior document (`drafter new --from`) ───────────────────────────────────
    def has_from_superior(self) -> bool:
        """`drafter new --from` is there (issue 17): only then does the palette offer the command."""
        return services.has(FROM_SUPERIOR)

    def action_new_from_superior(self) -> None:
        """Pick the superior document in the corpus, then the region and date as for a new draft; the
        draft is drawn up task by task in the new-draft worker (`services.new_from_superior`)."""
        if not self.has_from_superior():
            return
        if not (self.corpus and self.corpus.from_store):
            self.notify(t("tui.store_not_loaded"), severity="warning")
            return

        def for_region(entry: CorpusEntry) -> None:
            def create(values: dict[str, str] | None) -> None:
                if values is None:
                    return
                if not values.get("region"):
                    self.notify(t("tui.need_region"), severity="warning")
                    return
                values["superior"] = f"corpus:{entry.id}"
                self.leave_current(lambda: self.choose_new_path(values))

            heading = t("tui_check.from_superior_title", superior=ellipsize(entry.title, 48))  # one line
            self.push_screen(MetadataDialog({}, heading=heading), create)

        self.choose_superior(for_region, t("tui_check.from_superior_choose"))

    def action_fix_all(self) -> None:
        """`drafter fix` on the draft, from the palette: on the Check screen, which shows the result."""
        self.switch_mode("check")
        screen = self.mode_screen("check")
        screen.call_after_refresh(screen.action_fix_all)


def superiors_first(entries: list[CorpusEntry]) -> list[CorpusEntry]:
    """Documents a plan implements (国家/省级, 意见, 任务, 通知) before the other plans; 范文模板 last."""
    def rank(entry: CorpusEntry) -> int:
        if entry.is_template:
            return 2
        superior = entry.level in ("省级", "国家级") or entry.region_note == "national" or any(
            word in entry.title for word in ("意见", "任务", "通知", "国家"))
        return 0 if superior else 1

    return sorted(entries, key=rank)
