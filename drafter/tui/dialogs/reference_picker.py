"""Pick a corpus document by typing part of its region or title (fuzzy, rapidfuzz)."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from drafter.tui.corpus_loader import CorpusEntry


def rank_entries(query: str, entries: list[CorpusEntry], limit: int = 50) -> list[CorpusEntry]:
    """Entries best matching `query` over "region title"; all of them, in order, for an empty query."""
    if not query.strip():
        return entries[:limit]
    choices = {i: f"{e.region} {e.title} {e.doc_number}" for i, e in enumerate(entries)}
    found = process.extract(query, choices, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=50)
    return [entries[key] for _text, _score, key in found]


class ReferencePicker(ModalScreen[CorpusEntry | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="picker.cancel")]

    def __init__(self, entries: list[CorpusEntry], heading: str = "选择参照文件 · choose a reference") -> None:
        super().__init__()
        self.entries = entries
        self.heading = heading
        self.shown: list[CorpusEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.heading, classes="dialog-title")
            yield Input(placeholder="地区或标题 · region or title", id="picker-query")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._show("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def on_input_submitted(self) -> None:
        options = self.query_one(OptionList)
        if self.shown:
            self.dismiss(self.shown[options.highlighted or 0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _show(self, query: str) -> None:
        self.shown = rank_entries(query, self.entries)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(f"{e.region or '—'}  {e.date or ''}  {e.title}") for e in self.shown)
        if self.shown:
            options.highlighted = 0
