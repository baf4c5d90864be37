"""Compare the draft with a reference plan: side by side per section, n/N through the changes.

The Comparison itself lives in the app (`app.compared`, computed by `app.compare_with`): this screen
only shows it, so Export and (later) the change list read the very same model.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Static

from drafter.messages import t
from drafter.tui.bindings import key
from drafter.tui.dialogs.reference_picker import ReferencePicker
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.widgets.side_by_side import SideBySide
from drafter.tui.widgets.wrapped_text import OneLine, Prose


class CompareScreen(DrafterScreen):
    BINDINGS = [
        key("r", "app.choose_reference", "key_reference", "compare.reference"),
        key("n", "change(1)", "key_next", "compare.next-change"),
        key("N", "change(-1)", "key_previous", "compare.previous-change"),
        key("g", "toggle_granularity", "key_granularity", "compare.granularity"),
        key("u", "toggle_unimportant", "key_unimportant", "compare.unimportant"),
        key("ctrl+l", "refresh_compare", "key_recompare", "compare.again", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_unimportant = True

    @property
    def comparison(self) -> Any:
        return self.app.compared.comparison

    @property
    def reference(self) -> Any:
        return self.app.compared.reference

    @property
    def granularity(self) -> str:
        return self.app.compared.granularity

    def compose_body(self) -> ComposeResult:
        yield OneLine(t("tui.compare_heading"), id="compare-heading", classes="screen-heading")
        yield Prose("", id="compare-note", classes="note")
        yield SideBySide(id="compare-view")

    def on_mount(self) -> None:
        self._say(t("tui.compare_intro"))
        self.watch(self.app, "comparison_version", self._comparison_arrived, init=False)
        if self.comparison is not None:
            self.show_comparison()
        elif self.reference is not None:
            self._say(t("tui.comparing", reference=self.app.compared.reference_label()))

    def on_screen_resume(self) -> None:
        """Back on this screen after editing: compare again, so what is shown is the draft as it is."""
        state = self.app.compared
        if state.reference is not None and state.comparison is not None and not state.current(self.app.edits):
            self.action_refresh_compare()

    def _comparison_arrived(self, _version: int) -> None:
        self.show_comparison()

    def action_refresh_compare(self) -> None:
        if self.app.compare_with():
            self._say(t("tui.comparing", reference=self.app.compared.reference_label()))
        else:
            self._say(t("tui.compare_needs_both"))

    def show_comparison(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        view = self.query_one(SideBySide)
        view.show(comparison, self.show_unimportant)
        ref = self.reference
        label = ref.region or ref.title if ref else ""
        heading = t("tui.compare_title", reference=label, similarity=f"{comparison.similarity:.0%}")
        self.query_one("#compare-heading", Static).update(heading)
        count = len(view.change_rows)
        self.app.status_text = t("tui.compared", reference=label, count=count)
        granularity = t(f"tui.granularity_{self.granularity}")
        unimportant = t("tui.unimportant_shown") if self.show_unimportant else t("tui.unimportant_hidden")
        self._say(t("tui.compare_summary", count=count, granularity=granularity, unimportant=unimportant))

    def compare_with(self, entry: Any) -> None:
        """Compare the draft with `entry` (the corpus screen and the tests call this)."""
        if not self.app.compare_with(entry):
            self._say(t("tui.compare_needs_both"))

    def action_change(self, step: int) -> None:
        row = self.query_one(SideBySide).next_change(step)
        if row is None:
            self.notify(t("tui.no_changes"))

    def action_toggle_granularity(self) -> None:
        state = self.app.compared
        state.granularity = "char" if state.granularity == "word" else "word"
        self.action_refresh_compare()

    def action_toggle_unimportant(self) -> None:
        self.show_unimportant = not self.show_unimportant
        if self.comparison is not None:
            self.show_comparison()

    def _say(self, text: str) -> None:
        self.query_one("#compare-note", Static).update(text)


__all__ = ["CompareScreen", "ReferencePicker"]
