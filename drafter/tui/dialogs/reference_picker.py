"""Pick a corpus document by typing part of its region or title (fuzzy, rapidfuzz)."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from drafter.messages import t
from drafter.text.linebreak import pad
from drafter.tui.bindings import key
from drafter.tui.corpus_loader import CorpusEntry
from drafter.tui.dialogs.dialog import Dialog

REGION_CELLS = 12
DATE_CELLS = 11


def rank_entries(query: str, entries: list[CorpusEntry], limit: int = 50) -> list[CorpusEntry]:
    """Entries best matching `query` over "region title"; all of them, in order, for an empty query."""
    if not query.strip():
        return entries[:limit]
    choices = {i: f"{e.region} {e.title} {e.doc_number}" for i, e in enumerate(entries)}
    found = process.extract(query, choices, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=50)
    return [entries[key] for _text, _score, key in found]


def entry_row(entry: CorpusEntry) -> Text:
    """Region and date padded by terminal cells (a hanzi is two), so every title starts in one column."""
    row = Text(pad(entry.region or "—", REGION_CELLS) + " ", style="bold")
    row.append(pad(entry.date or "", DATE_CELLS) + " ", style="dim")
    row.append(entry.title)
    row.no_wrap = True
    row.overflow = "ellipsis"
    return row


class ReferencePicker(Dialog[CorpusEntry | None]):
    BINDINGS = [key("escape", "cancel", "key_cancel", "picker.cancel")]

    def __init__(self, entries: list[CorpusEntry], heading: str | None = None) -> None:
        super().__init__()
        self.entries = entries
        self.heading = heading or t("tui.picker_title")
        self.shown: list[CorpusEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.heading, classes="dialog-title")
            yield Input(placeholder=t("tui.picker_placeholder"), id="picker-query")
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
        options.add_options(Option(entry_row(e)) for e in self.shown)
        if self.shown:
            options.highlighted = 0
