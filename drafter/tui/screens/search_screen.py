"""Full-text search over the corpus (the store's jieba FTS5 search), with a hit count and filters
(region, year); `i` inserts the highlighted hit where the user picks, with its 来源 note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from drafter.messages import t
from drafter.store import DocFilter
from drafter.tui import services, store_access
from drafter.tui.bindings import key
from drafter.tui.dialogs.insert_dialog import InsertDialog, InsertTarget
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.widgets.garbled import legend
from drafter.tui.widgets.hit_view import hit_prompt, hit_text, provenance, provenance_fields
from drafter.tui.widgets.wrapped_text import OneLine, Prose, WrappedText


class SearchScreen(DrafterScreen):
    BINDINGS = [
        key("ctrl+f", "focus_query", "key_query", "search.query"),
        key("i", "insert_hit", "key_insert_hit", "search.insert", tip="tip_insert_hit"),
    ]

    @dataclass
    class Finished(Message):
        query: str
        hits: list[Any]
        where: DocFilter

    def __init__(self) -> None:
        super().__init__()
        self.all_count = 0  # hits without the filters
        self.filters_filled = False
        self.hits: list[Any] = []  # the hits shown (with the filters)
        self.query_text = ""

    def compose_body(self) -> ComposeResult:
        yield OneLine(t("tui.search_heading"), classes="screen-heading")
        with Horizontal(id="search-bar"):
            yield Input(placeholder=t("tui.search_placeholder"), id="search-query")
            yield Select([], prompt=t("tui.filter_region"), id="search-region")
            yield Select([], prompt=t("tui.filter_year"), id="search-year")
        yield Prose("", id="search-count", classes="note")
        yield OptionList(id="search-results")
        yield Static("", id="search-preview")

    def on_mount(self) -> None:
        self.query_one("#search-query", Input).focus()
        if not store_access.store_available():
            self._say(t("tui.search_unavailable"))

    def action_focus_query(self) -> None:
        self.query_one("#search-query", Input).focus()

    @on(Input.Submitted, "#search-query")
    def start_search(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        if query:
            self.query_text = query
            self._search()

    @on(Select.Changed)
    def _search(self) -> None:
        """Search again: the region and year filters are the store's (`DocFilter`), not a sieve here."""
        if not self.query_text:
            return
        self._say(t("tui.searching", query=self.query_text))
        region, year = self._chosen("#search-region"), self._chosen("#search-year")
        years = int(year) if year.isdigit() else None
        where = DocFilter(region=region or None, year_from=years, year_to=years)
        self.run_search(self.query_text, where)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str, where: DocFilter) -> None:
        try:
            # A rebuilt or completed index first, with its progress: minutes on a large corpus.
            services.update_index(self.app.db, lambda text: self.app.call_from_thread(self._say, text))
            hits = services.search(self.app.db, query, where=None if where.is_empty() else where)
        except Exception as err:  # noqa: BLE001 - shown to the user, the app goes on
            self.app.call_from_thread(self._say, t("tui.search_failed", why=err))
            return
        self.post_message(self.Finished(query, hits, where))

    def on_search_screen_finished(self, message: Finished) -> None:
        if message.query != self.query_text:
            return  # an older search
        self.hits = message.hits
        if message.where.is_empty():
            self.all_count = len(message.hits)
        self._fill_filters()
        self.show_hits(message.where.is_empty())
        if self.hits:
            self.query_one("#search-results", OptionList).focus()

    def _fill_filters(self) -> None:
        """The regions and years of the whole store (its facets), once."""
        state = self.app.corpus
        region_select = self.query_one("#search-region", Select)
        if state is None or state.facets is None or self.filters_filled:
            return
        self.filters_filled = True
        regions = [(f"{r}（{n}）", r) for r, n in state.facets.regions.items()]
        years = [(f"{y}（{state.facets.years[y]}）", str(y)) for y in sorted(state.facets.years, reverse=True)]
        with self.prevent(Select.Changed):
            region_select.set_options(regions)
            self.query_one("#search-year", Select).set_options(years)

    def show_hits(self, unfiltered: bool = True) -> None:
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options(Option(hit_prompt(hit)) for hit in self.hits)
        count = t("tui.search_count", count=len(self.hits), query=self.query_text)
        if not unfiltered:
            count = t("tui.search_count_filtered", count=self.all_count, shown=len(self.hits),
                      query=self.query_text)
        self.query_one("#search-count", Static).update(count + "   " + t("tui.search_keys"))
        if self.hits:
            results.highlighted = 0
        else:
            self._say(t("tui.search_nothing", query=self.query_text))

    def _chosen(self, selector: str) -> str:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else ""

    @on(OptionList.OptionHighlighted, "#search-results")
    def preview(self, event: OptionList.OptionHighlighted) -> None:
        hit = self.hits[event.option_index]
        shown = Text(provenance(hit), style="dim")
        shown.append("\n")
        shown.append_text(hit_text(hit))
        shown.append("\n")
        shown.append_text(legend())
        self.query_one("#search-preview", Static).update(WrappedText(shown))

    def action_insert_hit(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is None or not self.hits:
            self.notify(t("tui.no_hit_selected"), severity="warning")
            return
        draft = self.app.draft
        compose = self.app.mode_screen("compose")
        if draft is None or not any(True for _ in draft.walk()):
            self.notify(t("tui.insert_needs_draft"), severity="warning")
            return
        hit = self.hits[results.highlighted]
        fields = provenance_fields(hit)
        selected = compose.section if compose is not None else None

        def put(target: InsertTarget | None) -> None:
            if target is None:
                return
            cursor = compose.editor_cursor(target.section) if compose is not None else None
            self.app.put_passage(target.section, [hit.text], fields, target.where, cursor)
            if compose is not None and target.section is not compose.section:
                compose.select(target.section)  # Compose opens where the text went, not where it was
            self.app.status_text = t("tui.inserted", heading=target.section.heading)
            self.notify(self.app.status_text)

        source = t("tui.insert_source", source=provenance(hit))
        self.app.push_screen(InsertDialog(draft, selected, hit.text, source, selected), put)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "insert_hit":
            return not isinstance(self.focused, Input)  # `i` types into the query box there
        return True

    def _say(self, text: str) -> None:
        self.query_one("#search-preview", Static).update(text)
