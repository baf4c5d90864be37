"""Pick a corpus document by typing part of its region, title or 文号: the store finds them (a page at
most), rapidfuzz orders those by how well they match."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from drafter.messages import t
from drafter.text.linebreak import pad
from drafter.tui.bindings import key
from drafter.tui.corpus_loader import CorpusEntry, find_entries
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.widgets.wrapped_text import CutLines

REGION_CELLS = 12
DATE_CELLS = 11


def rank_entries(query: str, entries: list[CorpusEntry], limit: int = 50) -> list[CorpusEntry]:
    """Entries best matching `query` over "region title"; all of them, in order, for an empty query."""
    if not query.strip():
        return entries[:limit]
    choices = {i: f"{e.region} {e.title} {e.doc_number}" for i, e in enumerate(entries)}
    found = process.extract(query, choices, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=50)
    return [entries[key] for _text, _score, key in found]


def entry_row(entry: CorpusEntry) -> CutLines:
    """Region and date padded by terminal cells (a hanzi is two), so every title starts in one column;
    one line, cut with `…`."""
    row = Text(pad(entry.place, REGION_CELLS) + " ", style="bold")
    row.append(pad(entry.date or "", DATE_CELLS) + " ", style="dim")
    row.append(entry.title)
    return CutLines(row)


class ReferencePicker(Dialog[CorpusEntry | None]):
    """Asks the store for documents matching what is typed (in a worker), ranks those few."""

    BINDINGS = [key("escape", "cancel", "key_cancel", "picker.cancel")]

    @dataclass
    class Found(Message):
        request: int
        query: str
        entries: list[CorpusEntry]

    def __init__(self, db: str | None, heading: str | None = None,
                 order: Callable[[list[CorpusEntry]], list[CorpusEntry]] | None = None) -> None:  # fmt: skip
        super().__init__()
        self.db = db
        self.heading = heading or t("tui.picker_title")
        self.order = order
        self.request = 0
        self.shown: list[CorpusEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.heading, classes="dialog-title")
            yield Input(placeholder=t("tui.picker_placeholder"), id="picker-query")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._ask("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._ask(event.value)

    def on_input_submitted(self) -> None:
        options = self.query_one(OptionList)
        if self.shown:
            self.dismiss(self.shown[options.highlighted or 0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _ask(self, query: str) -> None:
        self.request += 1
        self.find(self.request, query)

    @work(thread=True, exit_on_error=False, group="picker")
    def find(self, request: int, query: str) -> None:
        try:
            found = find_entries(self.db, query)
        except Exception as err:  # noqa: BLE001 - shown to the user; the dialog stays open
            self.app.call_from_thread(self.notify, t("tui.corpus_page_failed", why=err), severity="error")
            found = []
        self.post_message(self.Found(request, query, found))

    def on_reference_picker_found(self, message: Found) -> None:
        if message.request != self.request:
            return  # the user typed on meanwhile
        entries = self.order(message.entries) if self.order else message.entries
        self.shown = rank_entries(message.query, entries)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(entry_row(e)) for e in self.shown)
        if self.shown:
            options.highlighted = 0
