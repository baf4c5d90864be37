"""The corpus: every document in the store (region, date, 文号, title), the app's first screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from drafter.tui.corpus_loader import CorpusState
from drafter.tui.screens.drafter_screen import DrafterScreen

TITLE_WIDTH = 60


class CorpusScreen(DrafterScreen):
    """Lists the corpus documents as soon as the background load hands them over."""

    def compose_body(self) -> ComposeResult:
        yield Static("语料库 · corpus documents", id="corpus-heading", classes="screen-heading")
        table: DataTable = DataTable(id="corpus-table", cursor_type="row", zebra_stripes=True)
        table.add_column("地区", key="region")
        table.add_column("日期", key="date")
        table.add_column("文号", key="doc_number")
        table.add_column("标题", key="title", width=TITLE_WIDTH)
        yield table
        yield Static("", id="corpus-note", classes="note")

    def on_mount(self) -> None:
        self.watch(self.app, "corpus", self.show_corpus)

    def show_corpus(self, state: CorpusState | None) -> None:
        table = self.query_one("#corpus-table", DataTable)
        table.clear()
        if state is None:
            table.loading = True
            return
        table.loading = False
        for entry in state.entries:
            table.add_row(entry.region, entry.date, entry.doc_number, entry.title, key=entry.id)
        note = f"{max(state.total, len(state.entries))} documents"
        if state.note:
            note += f" — {state.note}"
        self.query_one("#corpus-note", Static).update(note)
