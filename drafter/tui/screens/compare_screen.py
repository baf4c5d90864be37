"""Compare the draft with a reference plan: side by side, the change list, n/N through the changes
(`第 3/66 处`), Enter to the change's section in Compose, c for 对标 (coverage).

The direction is said on screen: A (left) is the reference (参照文本), B (right) the draft (本稿).
The Comparison itself lives in the app (`app.compared`, computed by `app.compare_with`): this screen
only shows it, and the change list and the position are the model's own (`Comparison.change_list()`,
`drafter.compare.navigation.step / position_label`), so Export and `drafter diff` count the same.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static

from drafter.messages import t
from drafter.tui.bindings import key
from drafter.tui.dialogs.reference_picker import ReferencePicker
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.widgets.change_list import KIND_MARK, ChangeList, kind_word, where
from drafter.tui.widgets.side_by_side import SideBySide
from drafter.tui.widgets.wrapped_text import OneLine, Prose

WIDE = 110  # columns from which the change list is shown beside the comparison


class CompareScreen(DrafterScreen):
    BINDINGS = [
        key("r", "app.choose_reference", "key_reference", "compare.reference"),
        key("n", "change(1)", "key_next", "compare.next-change"),
        key("N", "change(-1)", "key_previous", "compare.previous-change"),
        key("enter", "jump", "tui_compare.key_jump", "compare.jump"),
        key("l", "toggle_list", "tui_compare.key_change_list", "compare.change-list"),
        key("c", "cover", "tui_compare.key_cover", "compare.cover"),
        key("g", "toggle_granularity", "key_granularity", "compare.granularity"),
        key("u", "toggle_unimportant", "key_unimportant", "compare.unimportant"),
        key("ctrl+l", "refresh_compare", "key_recompare", "compare.again", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_unimportant = True
        self.current: Any = None  # the Change last stepped to
        self.list_shown: bool | None = None  # None: by the width

    @property
    def comparison(self) -> Any:
        return self.app.compared.comparison

    @property
    def reference(self) -> Any:
        return self.app.compared.reference

    @property
    def granularity(self) -> str:
        return self.app.compared.granularity

    @property
    def changes(self) -> list[Any]:
        return self.comparison.change_list() if self.comparison is not None else []

    def compose_body(self) -> ComposeResult:
        yield OneLine(t("tui.compare_heading"), id="compare-heading", classes="screen-heading")
        yield OneLine("", id="compare-position")
        yield Prose("", id="compare-note", classes="note")
        with Horizontal(id="compare-panes"):
            yield ChangeList(id="change-list")
            with Vertical(id="compare-main"):
                with Horizontal(id="compare-sides"):
                    yield Static("", classes="diff-mark")
                    yield OneLine(t("tui_compare.side_a"), id="side-a-label", classes="side-label")
                    yield OneLine(t("tui_compare.side_b"), id="side-b-label", classes="side-label")
                yield SideBySide(id="compare-view")

    def on_mount(self) -> None:
        self._say(t("tui.compare_intro"))
        self.watch(self.app, "comparison_version", self._comparison_arrived, init=False)
        if self.comparison is not None:
            self.show_comparison()
        elif self.reference is not None:
            self._say(t("tui.comparing", reference=self.app.compared.reference_label()))

    def on_resize(self) -> None:
        self._place_list()

    def _place_list(self) -> None:
        shown = self.list_shown if self.list_shown is not None else self.size.width >= WIDE
        self.query_one(ChangeList).display = shown and self.comparison is not None

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
        self.current = None
        self.query_one(SideBySide).show(comparison, self.show_unimportant)
        self.query_one(ChangeList).show(self.stops(), comparison)
        self._place_list()
        ref = self.reference
        label = (ref.region or ref.title) if ref else ""
        self.query_one("#compare-heading", Static).update(t(
            "tui_compare.title", reference=self.app.compared.reference_label(), draft=self.app.draft_label(),
            similarity=f"{comparison.similarity:.0%}"))
        self.query_one("#side-a-label", Static).update(t("tui_compare.side_a_named", name=label or "—"))
        self.query_one("#side-b-label", Static).update(t("tui_compare.side_b_named", name=self.app.draft_label()))
        count = len(self.stops())
        self.app.status_text = t("tui.compared", reference=label, count=count)
        self._show_position()
        granularity = t(f"tui.granularity_{self.granularity}")
        unimportant = t("tui.unimportant_shown") if self.show_unimportant else t("tui.unimportant_hidden")
        self._say(t("tui.compare_summary", count=count, granularity=granularity, unimportant=unimportant)
                  + " · " + t("tui_compare.keys"))

    def stops(self) -> list[Any]:
        """The changes n/N stop at: all of them while unimportant differences are shown."""
        return [c for c in self.changes if self.show_unimportant or not c.minor]

    def compare_with(self, entry: Any) -> None:
        """Compare the draft with `entry` (the corpus screen and the tests call this)."""
        if not self.app.compare_with(entry):
            self._say(t("tui.compare_needs_both"))

    # ── stepping through the changes ───────────────────────────────────────────────────────────
    def action_change(self, delta: int) -> None:
        from drafter.compare.navigation import step

        changes = self.changes
        at = step(changes, self.current.index if self.current else None, delta, include_minor=self.show_unimportant)
        if at is None:
            self.notify(t("tui.no_changes"))
            return
        self.go_to(changes[at])

    def go_to(self, change: Any) -> None:
        self.current = change
        self.query_one(SideBySide).go_to(change)
        self.query_one(ChangeList).follow(change)
        self._show_position()

    def _show_position(self) -> None:
        from drafter.compare.navigation import position_label

        line = self.query_one("#compare-position", Static)
        if self.comparison is None:
            line.update("")
            return
        label = position_label(self.changes, self.current.index if self.current else None,
                               include_minor=self.show_unimportant)
        if self.current is None:
            line.update(f"{label} · {t('tui_compare.press_n')}")
            return
        from drafter.compare.describe import change_note

        section = self.comparison.sections[self.current.section]
        mark = KIND_MARK.get(self.current.kind, "?")
        line.update(f"{label} · {mark} {kind_word(self.current.kind)} · {where(self.current, section)}")
        self._say(change_note(self.comparison, self.current))  # the 修改说明, as the 对照表 words it

    @on(ChangeList.Chosen)
    def chosen_in_list(self, message: ChangeList.Chosen) -> None:
        self.go_to(message.change)

    @on(OptionList.OptionSelected, "#change-list")
    def jump_from_list(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.go_to(self.query_one(ChangeList).changes[event.option_index])
        self.action_jump()

    def action_toggle_list(self) -> None:
        view = self.query_one(ChangeList)
        self.list_shown = not view.display
        self._place_list()
        if view.display:
            view.focus()

    # ── to Compose, to 对标 ───────────────────────────────────────────────────────────────────
    def action_jump(self) -> None:
        """The current change's section in Compose, its paragraph selected in the editor."""
        from drafter.tui.jump import change_spot

        if self.current is None or self.app.draft is None:
            self.notify(t("tui_compare.choose_change_first"), severity="warning")
            return
        spot = change_spot(self.app.draft, self.comparison, self.current)
        if spot is None:
            self.notify(t("tui_compare.not_in_draft"), severity="warning")
            return
        self.app.jump_to(spot)

    def action_cover(self) -> None:
        self.app.action_cover()

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
