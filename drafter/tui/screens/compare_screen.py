"""Compare the draft with a reference plan: side by side per section, n/N through the changes."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from drafter.tui import services
from drafter.tui.corpus_loader import CorpusEntry
from drafter.tui.dialogs.reference_picker import ReferencePicker
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.widgets.side_by_side import SideBySide


class CompareScreen(DrafterScreen):
    BINDINGS = [
        Binding("r", "app.choose_reference", "Reference", id="compare.reference"),
        Binding("n", "change(1)", "Next", id="compare.next-change"),
        Binding("N", "change(-1)", "Prev", id="compare.previous-change"),
        Binding("g", "toggle_granularity", "Word/char", id="compare.granularity"),
        Binding("u", "toggle_unimportant", "Unimportant", id="compare.unimportant"),
    ]

    @dataclass
    class Compared(Message):
        comparison: Any
        request: int  # which run produced it: a toggle pressed meanwhile makes older runs stale

    def __init__(self) -> None:
        super().__init__()
        self.reference: CorpusEntry | None = None
        self.granularity = "word"
        self.show_unimportant = True
        self.comparison: Any = None
        self.request = 0

    def compose_body(self) -> ComposeResult:
        yield Static("对照比较 · compare", id="compare-heading", classes="screen-heading", markup=False)
        yield Static("", id="compare-note", classes="note", markup=False)
        yield SideBySide(id="compare-view")

    def on_mount(self) -> None:
        self._say("r: choose a reference plan · n/N: next/previous change · g: word/char · u: unimportant")

    def compare_with(self, entry: CorpusEntry) -> None:
        self.reference = entry
        self.start_compare()

    def start_compare(self) -> None:
        """Snapshot the draft on the UI thread (typing goes on meanwhile), diff it in a worker."""
        draft = self.app.draft
        if draft is None or self.reference is None:
            self._say("open or create a draft first (F3), then choose a reference (r)")
            return
        self.request += 1
        self._say(f"comparing with {self.reference.region} {self.reference.title}…")
        self.run_compare(copy.deepcopy(draft), self.reference, self.granularity, self.request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare")
    def run_compare(self, draft: Any, reference: CorpusEntry, granularity: str, request: int) -> None:
        try:
            comparison = services.compare(self.app.db, draft, reference, granularity)
        except Exception as err:  # noqa: BLE001 - shown, the app goes on
            self.app.call_from_thread(self._say, f"compare failed: {err}")
            return
        self.post_message(self.Compared(comparison, request))

    def on_compare_screen_compared(self, message: Compared) -> None:
        if message.request != self.request:
            return
        self.comparison = message.comparison
        self.show_comparison()

    def show_comparison(self) -> None:
        view = self.query_one(SideBySide)
        view.show(self.comparison, self.show_unimportant)
        ref = self.reference
        self.query_one("#compare-heading", Static).update(
            f"参照 {ref.region or ref.title} ⇄ 草稿   相似度 {self.comparison.similarity:.0%}" if ref else "对照比较"
        )
        if ref:
            self.app.status_text = f"compared with {ref.region or ref.title}: {len(view.change_rows)} changes"
        self._say(
            f"{len(view.change_rows)} changes · granularity {self.granularity} · "
            f"unimportant {'shown dimmed' if self.show_unimportant else 'hidden'}"
        )

    def action_change(self, step: int) -> None:
        row = self.query_one(SideBySide).next_change(step)
        if row is None:
            self.notify("no changes to step through")

    def action_toggle_granularity(self) -> None:
        self.granularity = "char" if self.granularity == "word" else "word"
        self.start_compare()

    def action_toggle_unimportant(self) -> None:
        self.show_unimportant = not self.show_unimportant
        if self.comparison is not None:
            self.show_comparison()

    def _say(self, text: str) -> None:
        self.query_one("#compare-note", Static).update(text)


__all__ = ["CompareScreen", "ReferencePicker"]
