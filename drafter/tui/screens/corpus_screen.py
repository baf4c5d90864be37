"""The corpus: every document in the store (region, date, 文号, title), filtered; Enter reads one,
`a` adds files or folders (ingested in a worker, with progress), `c` compares the draft with one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Input, ProgressBar, Select, Static

from drafter.messages import t
from drafter.text.linebreak import ellipsize
from drafter.tui import services
from drafter.tui.bindings import key
from drafter.tui.corpus_filter import SELECTS, CorpusFilter, choices
from drafter.tui.corpus_loader import PAGE, CorpusEntry, CorpusState, load_page
from drafter.tui.dialogs.path_prompt import PathPrompt
from drafter.tui.screens.drafter_screen import DrafterScreen
from drafter.tui.screens.plan_screen import PlanScreen
from drafter.tui.widgets.wrapped_text import OneLine, Prose

FIXED_COLUMNS = {"region": 10, "date": 10, "doc_number": 22, "doc_type": 8}
NARROW_COLUMNS = {"region": 8, "date": 4, "doc_number": 20}  # below 110 columns: the year, no 文种 column
NARROW = 110


class CorpusScreen(DrafterScreen):
    """Lists the corpus documents as soon as the background load hands them over."""

    BINDINGS = [
        key("enter", "read_plan", "key_read", "corpus.read", tip="tip_read"),
        key("a", "ingest", "key_ingest", "corpus.ingest", tip="tip_ingest"),
        key("c", "compare_plan", "key_compare_with", "corpus.compare"),
        key("ctrl+f", "focus_filter", "key_filter", "corpus.filter"),
    ]

    @dataclass
    class IngestProgress(Message):
        done: int
        total: int
        name: str

    @dataclass
    class IngestFinished(Message):
        report: Any
        error: str | None = None

    @dataclass
    class PageLoaded(Message):
        request: int
        offset: int
        entries: list[CorpusEntry]
        total: int

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[CorpusEntry] = []  # the rows fetched so far, in the table's order
        self.matching = 0  # documents the current filter matches in the store
        self.request = 0  # the newest page request: older answers are dropped
        self.fetching = False

    def compose_body(self) -> ComposeResult:
        yield OneLine(t("tui.corpus_heading"), id="corpus-heading", classes="screen-heading")
        with Horizontal(id="corpus-filters"):
            yield Input(placeholder=t("tui.filter_placeholder"), id="filter-text")
            for name in SELECTS:
                yield Select([], prompt=t(f"tui.filter_{name}"), id=f"filter-{name}")
        yield DataTable(id="corpus-table", cursor_type="row", zebra_stripes=True)
        yield ProgressBar(id="ingest-progress", show_eta=False)
        yield Prose("", id="corpus-note", classes="note")

    def on_mount(self) -> None:
        self.query_one("#ingest-progress", ProgressBar).display = False
        self._table_wants_focus = True
        self.query_one("#corpus-table", DataTable).focus()
        self.watch(self.app, "corpus", self.show_corpus)

    def on_resize(self) -> None:
        self._set_columns()

    # ── the list: a page at a time from the store ─────────────────────────────────────────────────
    def show_corpus(self, state: CorpusState | None) -> None:
        table = self.query_one("#corpus-table", DataTable)
        if state is None:
            table.loading = True  # a loading widget gives its focus away (to the filter box)
            return
        table.loading = False
        self._focus_table_once_loaded(table)
        with self.prevent(Select.Changed):
            for name, options in choices(state.facets).items():
                self.query_one(f"#filter-{name}", Select).set_options(options)
        if state.from_store and not self.current_filter().is_empty():
            self.refilter()  # after an ingest: the same filter over the grown store
            return
        self.request += 1  # the first page came with the corpus: no need to ask again
        self._show_page(self.PageLoaded(self.request, 0, list(state.entries), state.count))

    def _focus_table_once_loaded(self, table: DataTable) -> None:
        """Give the list back the focus the loading took, unless the user has moved on since."""
        if not self._table_wants_focus:
            return
        self._table_wants_focus = False
        focused = self.app.focused
        if focused is None or (focused.id == "filter-text" and not self.query_one("#filter-text", Input).value):
            table.focus()

    def current_filter(self) -> CorpusFilter:
        def chosen(name: str) -> str:
            value = self.query_one(f"#filter-{name}", Select).value
            return value if isinstance(value, str) else ""

        text = self.query_one("#filter-text", Input).value.strip()
        return CorpusFilter(text, *(chosen(name) for name in SELECTS))

    @on(Input.Changed, "#filter-text")
    @on(Select.Changed)
    def refilter(self) -> None:
        state = self.app.corpus
        if state is None or not state.from_store:
            return
        self.request += 1
        self.fetching = True
        self.fetch_page(self.request, self.current_filter(), 0)

    @work(thread=True, exit_on_error=False, group="corpus-page")
    def fetch_page(self, request: int, chosen: CorpusFilter, offset: int) -> None:
        try:
            entries, total = load_page(self.app.db, chosen.to_store(), offset, PAGE)
        except Exception as err:  # noqa: BLE001 - shown to the user; the list stays as it was
            self.app.call_from_thread(self.notify, t("tui.corpus_page_failed", why=err), severity="error")
            entries, total = [], self.matching
        self.post_message(self.PageLoaded(request, offset, entries, total))

    def on_corpus_screen_page_loaded(self, message: PageLoaded) -> None:
        if message.request == self.request:
            self._show_page(message)

    def _show_page(self, message: PageLoaded) -> None:
        self.fetching = False
        if message.offset == 0:
            self.shown = []
        self.shown.extend(message.entries)
        self.matching = message.total
        if message.offset == 0:
            self._set_columns()
        else:
            self._add_rows(message.entries)
        self._show_count()

    @on(DataTable.RowHighlighted, "#corpus-table")
    def fetch_more(self, event: DataTable.RowHighlighted) -> None:
        """Near the end of the rows fetched so far: the next page, in a worker."""
        near_end = event.cursor_row >= len(self.shown) - PAGE // 4
        if near_end and len(self.shown) < self.matching and not self.fetching:
            self.fetching = True
            self.fetch_page(self.request, self.current_filter(), len(self.shown))

    def _columns(self) -> dict[str, int]:
        return NARROW_COLUMNS if self.size.width < NARROW else FIXED_COLUMNS

    def _title_width(self) -> int:
        columns = self._columns()
        return max(12, self.size.width - sum(columns.values()) - 2 * (len(columns) + 1) - 2)

    def _set_columns(self) -> None:
        """The columns for this width, then the rows fetched so far (a few pages at most)."""
        table = self.query_one("#corpus-table", DataTable)
        table.clear(columns=True)
        for name, width in self._columns().items():
            table.add_column(t(f"tui.column_{name}" if width > 4 else "tui.column_year"), key=name, width=width)
        table.add_column(t("tui.column_title"), key="title", width=self._title_width())
        self._add_rows(self.shown)

    def _add_rows(self, entries: list[CorpusEntry]) -> None:
        table = self.query_one("#corpus-table", DataTable)
        columns, title_width = self._columns(), self._title_width()
        for e in entries:
            date = e.date if columns["date"] > 4 else e.date[:4]
            values = {"region": e.place, "date": date, "doc_number": e.doc_number, "doc_type": e.doc_type}
            cells = [ellipsize(values[name], width) for name, width in columns.items()]
            table.add_row(*cells, ellipsize(e.title, title_width), key=e.id)

    def _show_count(self) -> None:
        state = self.app.corpus
        if state is None:
            return
        if self.current_filter().is_empty():
            note = t("tui.corpus_count", count=self.matching)
        else:
            note = t("tui.corpus_count_filtered", count=state.count, shown=self.matching)
        if len(self.shown) < self.matching:
            note += t("tui.corpus_listed", listed=len(self.shown))
        if state.note:
            note += " — " + state.note
        self.query_one("#corpus-note", Static).update(note + "   " + t("tui.corpus_keys"))

    def action_focus_filter(self) -> None:
        self.query_one("#filter-text", Input).focus()

    def selected_entry(self) -> CorpusEntry | None:
        table = self.query_one("#corpus-table", DataTable)
        if not self.shown or table.cursor_row is None or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    # ── reading, comparing ─────────────────────────────────────────────────────────────────────
    @on(DataTable.RowSelected, "#corpus-table")
    def action_read_plan(self) -> None:
        entry = self.selected_entry()
        state = self.app.corpus
        if entry is None:
            return
        if state is None or not state.from_store:
            self.notify(t("tui.store_not_loaded"), severity="warning")
            return
        self.app.push_screen(PlanScreen(entry))

    def action_compare_plan(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if self.app.draft is None:
            self.notify(t("tui.compare_needs_draft"), severity="warning")
            return
        self.app.switch_mode("compare")
        self.app.compare_with(entry)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("ingest", "compare_plan", "read_plan"):
            return not isinstance(self.focused, Input)  # typing a filter: `a` and `c` are letters
        return True

    # ── ingest ─────────────────────────────────────────────────────────────────────────────────
    def action_ingest(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.start_ingest([path])

        self.app.push_screen(PathPrompt(t("tui.ingest_title"), "~/", must_exist=True), chosen)

    def start_ingest(self, paths: list[Path]) -> None:
        bar = self.query_one("#ingest-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.app.status_text = t("tui.ingest_started", path=services.shown_path(paths[0]))
        self.run_ingest(paths)

    @work(thread=True, exclusive=True, exit_on_error=False, group="ingest")
    def run_ingest(self, paths: list[Path]) -> None:
        from textual.worker import get_current_worker

        from drafter.corpus.ingest import IngestStopped

        worker = get_current_worker()

        def progress(done: int, total: int, result: Any) -> None:
            if worker.is_cancelled:  # the app is quitting: it must not wait for the whole folder
                raise IngestStopped
            self.post_message(self.IngestProgress(done, total, Path(result.path).name))

        try:
            report = services.ingest(self.app.db, paths, progress)
        except IngestStopped:
            return
        except Exception as err:  # noqa: BLE001 - shown to the user; the store is left as it was
            self.post_message(self.IngestFinished(None, str(err)))
            return
        self.post_message(self.IngestFinished(report))

    def on_corpus_screen_ingest_progress(self, message: IngestProgress) -> None:
        self.query_one("#ingest-progress", ProgressBar).update(total=message.total, progress=message.done)
        self.app.status_text = t("tui.ingest_progress", done=message.done, total=message.total, name=message.name)

    def on_corpus_screen_ingest_finished(self, message: IngestFinished) -> None:
        self.query_one("#ingest-progress", ProgressBar).display = False
        if message.error:
            self.app.status_text = t("tui.ingest_failed", why=message.error)
            self.notify(self.app.status_text, severity="error", timeout=15)
            return
        report = message.report
        summary = t("tui.ingest_done", read=len(report.read), documents=report.documents,
                    unchanged=len(report.unchanged), skipped=len(report.skipped))
        self.app.status_text = summary
        self.notify(summary, severity="warning" if report.skipped else "information")
        for result in report.skipped[:5]:  # one bad file never stops an ingest: say which, and why
            self.notify(t("tui.ingest_skipped", name=Path(result.path).name, why=result.why or ""),
                        severity="warning", timeout=15)
        self.app.load_corpus(quiet=True)
