"""Full-text search over the corpus (the store's jieba FTS5 search); insert a hit into the draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from drafter.tui import store_access
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.widgets.hit_view import hit_prompt, provenance, provenance_fields


class SearchScreen(DrafterScreen):
    BINDINGS = [
        Binding("ctrl+f", "focus_query", "Query", id="search.query"),
        Binding("i", "insert_hit", "Insert into draft", id="search.insert", tooltip="append to the section"),
    ]

    @dataclass
    class Finished(Message):
        query: str
        hits: list[Any]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Any] = []

    def compose_body(self) -> ComposeResult:
        yield Static("全文检索 · search the corpus", classes="screen-heading")
        yield Input(placeholder="例如 取消药品加成  (Enter to search)", id="search-query")
        yield OptionList(id="search-results")
        yield Static("", id="search-preview", markup=False)

    def on_mount(self) -> None:
        self.query_one("#search-query", Input).focus()
        if not store_access.store_available():
            self._say("search is not available yet: the corpus store has not landed")

    def action_focus_query(self) -> None:
        self.query_one("#search-query", Input).focus()

    @on(Input.Submitted, "#search-query")
    def start_search(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if query:
            self._say(f"searching {query}…")
            self.run_search(query)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str) -> None:
        try:
            hits = store_access.search(self.app.db, query)
        except Exception as err:  # noqa: BLE001 - shown to the user, the app goes on
            self.app.call_from_thread(self._say, f"search failed: {err}")
            return
        self.post_message(self.Finished(query, hits))

    def on_search_screen_finished(self, message: Finished) -> None:
        self.hits = message.hits
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options(Option(hit_prompt(hit)) for hit in self.hits)
        if self.hits:
            results.highlighted = 0
            results.focus()
        self._say(f"{len(self.hits)} paragraphs for {message.query}  (i: insert into the draft)")

    @on(OptionList.OptionHighlighted, "#search-results")
    def preview(self, event: OptionList.OptionHighlighted) -> None:
        hit = self.hits[event.option_index]
        self.query_one("#search-preview", Static).update(f"{provenance(hit)}\n{hit.text}")

    def action_insert_hit(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is None or not self.hits:
            self.notify("no search result selected", severity="warning")
            return
        hit = self.hits[results.highlighted]
        self.app.insert_into_draft(hit.text, provenance_fields(hit), how="append")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "insert_hit":
            return not isinstance(self.focused, Input)  # `i` types into the query box there
        return True

    def _say(self, text: str) -> None:
        self.query_one("#search-preview", Static).update(text)
