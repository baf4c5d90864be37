"""The reference plan and the comparison: the one place the app computes a Comparison (in a worker)
and keeps it (`app.compared`, a ComparisonState) for Compare to show and Export to write from."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.message import Message

from drafter.messages import t
from drafter.tui import services
from drafter.tui.corpus_loader import CorpusEntry
from drafter.tui.dialogs.reference_picker import ReferencePicker


class CompareActions:
    """Mixed into DrafterApp; uses `self.compared`, `self.edits`, `self.draft`, `self.corpus`…"""

    compared: Any
    edits: int
    _after_compare: dict[int, Callable[[], None]]

    @dataclass
    class Compared(Message):
        comparison: Any
        request: int
        edits: int  # the draft state it was made from

    # ── reference and comparison (the one place the app computes a Comparison) ─────────────────
    def action_choose_reference(self, stay: bool = False, then: Callable[[], None] | None = None) -> None:
        """Pick the plan to compare with; Compare shows the result unless `stay` (Export) or `then`."""
        if not (self.corpus and self.corpus.from_store):
            self.notify(t("tui.store_not_loaded"), severity="warning")
            return

        def chosen(entry: CorpusEntry | None) -> None:
            if entry is not None:
                if then is None and not stay:
                    self.switch_mode("compare")
                self.compare_with(entry, then)

        self.push_screen(ReferencePicker(self.db), chosen)

    def compare_with(self, entry: CorpusEntry | None = None, then: Callable[[], None] | None = None) -> bool:
        """Compare the draft as it is now with `entry` (default: the current reference) in a worker."""
        state = self.compared
        state.reference = entry or state.reference
        if self.draft is None or state.reference is None:
            return False
        state.request += 1
        if then is not None:
            self._after_compare[state.request] = then
        self.status_text = t("tui.comparing", reference=state.reference_label())
        # snapshot the draft on the UI thread (typing goes on meanwhile), diff it in a worker
        self.run_compare(copy.deepcopy(self.draft), state.reference, state.granularity, state.request, self.edits)
        return True

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare")
    def run_compare(self, draft: Any, reference: CorpusEntry, granularity: str, request: int, edits: int) -> None:
        try:
            comparison = services.compare(self.db, draft, reference, granularity)
        except Exception as err:  # noqa: BLE001 - shown, the app goes on
            self.call_from_thread(self._compare_failed, err)
            return
        self.post_message(self.Compared(comparison, request, edits))

    def _compare_failed(self, err: Exception) -> None:
        self.status_text = t("tui.compare_failed", why=err)
        self.notify(self.status_text, severity="error", timeout=10)

    def on_compare_actions_compared(self, message: Compared) -> None:
        state = self.compared
        if message.request != state.request:
            return
        state.comparison = message.comparison
        state.edits_at = message.edits
        self.comparison_version += 1
        then = self._after_compare.pop(message.request, None)
        if then is not None:
            then()
