"""The drafter terminal app: one factory (`create_app`) used by the CLI, `tui.py` and the tests.

First paint must not wait for anything slow: jieba's dictionary and the store (whose first run ingests
the bundled corpus) load in thread workers that post messages back; a status line shows progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.worker import Worker, WorkerState

from drafter.paths import locations
from drafter.tui import services
from drafter.tui.commands import DrafterCommands
from drafter.tui.corpus_loader import CorpusEntry, CorpusState, load_corpus
from drafter.tui.dialogs.confirm_dialog import ConfirmDialog
from drafter.tui.dialogs.help_dialog import HelpDialog
from drafter.tui.dialogs.reference_picker import ReferencePicker
from drafter.tui.draft_actions import DraftActions
from drafter.tui.draft_session import DraftSession
from drafter.tui.keymap import read_keymap
from drafter.tui.screens.compare_screen import CompareScreen
from drafter.tui.screens.compose_screen import ComposeScreen
from drafter.tui.screens.corpus_screen import CorpusScreen
from drafter.tui.screens.export_screen import ExportScreen
from drafter.tui.screens.search_screen import SearchScreen

AUTOSAVE_SECONDS = 3.0


class DrafterApp(DraftActions, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "drafter"
    SUB_TITLE = "实施方案起草"
    COMMANDS = App.COMMANDS | {DrafterCommands}
    MODES = {
        "corpus": CorpusScreen,
        "compose": ComposeScreen,
        "search": SearchScreen,
        "compare": CompareScreen,
        "export": ExportScreen,
    }
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("f2", "switch_mode('corpus')", "Corpus", id="mode.corpus", tooltip="the corpus documents"),
        Binding("f3", "switch_mode('compose')", "Compose", id="mode.compose", tooltip="edit the draft"),
        Binding("f4", "switch_mode('search')", "Search", id="mode.search", tooltip="full-text search"),
        Binding("f5", "switch_mode('compare')", "Compare", id="mode.compare", tooltip="diff with a plan"),
        Binding("f6", "switch_mode('export')", "Export", id="mode.export", tooltip=".docx, redline, HTML"),
        Binding("ctrl+n", "new_draft", "New", id="draft.new", show=False),
        Binding("ctrl+s", "save_draft", "Save", id="draft.save", priority=True),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    corpus: reactive[CorpusState | None] = reactive(None, always_update=True)
    status_text: reactive[str] = reactive("starting…")
    busy: reactive[bool] = reactive(True)
    jieba_ready: reactive[bool] = reactive(False)
    draft_version: reactive[int] = reactive(0)

    @dataclass
    class CorpusProgress(Message):
        text: str
        fraction: float | None

    @dataclass
    class CorpusLoaded(Message):
        state: CorpusState

    class JiebaReady(Message):
        pass

    @dataclass
    class ExportDone(Message):
        kind: str
        path: Path | None
        error: str | None = None

    def __init__(self, draft: str | None = None, db: str | None = None, export_dir: Path | None = None,
                 autosave_seconds: float = AUTOSAVE_SECONDS) -> None:
        super().__init__()
        self.draft_path = Path(draft) if draft else None
        self.db = db
        self.locations = locations(db)
        self.session = DraftSession(self.locations.autosave_dir)
        self.export_dir = export_dir or (self.draft_path.parent if self.draft_path else Path.cwd())
        self.autosave_seconds = autosave_seconds
        self.user_keymap: dict[str, str] = {}

    def on_mount(self) -> None:
        keymap, problem = read_keymap(self.locations.keymap_path)
        self.user_keymap = keymap
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, severity="warning")
        self.switch_mode("compose" if self.draft_path else "corpus")
        self.load_corpus()
        self.warm_up_jieba()
        self.set_interval(self.autosave_seconds, self.autosave)
        self.call_after_refresh(self.open_or_recover)

    # ── the draft at start, autosave, exit ─────────────────────────────────────────────────────
    def open_or_recover(self) -> None:
        info = self.session.recoverable()
        if info is None:
            self._open_given_draft()
            return
        where = info.get("path") or "a draft never saved to a file"
        question = f"drafter found unsaved text from the last session ({where}). Recover it?"

        def answer(yes: bool | None) -> None:
            if yes:
                self.session.recover()
                self.draft_changed()
                self.switch_mode("compose")
            else:
                kept = self.session.set_aside()
                self.notify(f"kept the unsaved text as {kept}")
                self._open_given_draft()

        self.push_screen(ConfirmDialog(question, yes="Recover", no="Set aside"), answer)

    def _open_given_draft(self) -> None:
        if self.draft_path is None:
            return
        try:
            self.session.open(self.draft_path)
        except Exception as err:  # noqa: BLE001 - a broken draft file: say so, keep the app open
            self.notify(str(err), severity="error", timeout=15)
            return
        self.draft_version += 1

    def autosave(self) -> None:
        try:
            if self.session.autosave():
                self.status_text = f"autosaved {self.draft_label()}"
        except Exception as err:  # noqa: BLE001 - a failing autosave must be seen, not crash the app
            self.notify(f"autosave failed: {err}", severity="error")

    async def action_quit(self) -> None:
        try:
            self.session.close()
        except Exception as err:  # noqa: BLE001
            self.notify(f"could not save on exit: {err}", severity="error")
            self.session.autosave()
            return
        self.exit()

    # ── screens, help, reference ───────────────────────────────────────────────────────────────
    def action_help(self) -> None:
        """Every binding of the app and of each screen, with the id a keymap.toml rebinds."""
        groups = [("app", self.BINDINGS)] + [(mode, screen.BINDINGS) for mode, screen in self.MODES.items()]
        lines = []
        for name, bindings in groups:
            ours = [b for b in bindings if isinstance(b, Binding) and b.id]
            if ours:
                lines.append(f"── {name}")
                lines.extend(f"  {self.user_keymap.get(b.id, b.key):<12} {b.description:<14} {b.id}" for b in ours)
        self.push_screen(HelpDialog(lines, str(self.locations.keymap_path)))

    def action_choose_reference(self) -> None:
        entries = self.corpus.entries if self.corpus and self.corpus.from_store else []
        if not entries:
            self.notify("the corpus store is not loaded yet", severity="warning")
            return

        def chosen(entry: CorpusEntry | None) -> None:
            if entry is not None:
                self.switch_mode("compare")
                self.call_after_refresh(lambda: self.mode_screen("compare").compare_with(entry))

        self.push_screen(ReferencePicker(entries), chosen)

    # ── background work ────────────────────────────────────────────────────────────────────────
    @work(thread=True, exclusive=True, exit_on_error=False, group="corpus")
    def load_corpus(self) -> None:
        def progress(text: str, fraction: float | None) -> None:
            self.post_message(self.CorpusProgress(text, fraction))

        self.post_message(self.CorpusLoaded(load_corpus(self.db, progress)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="jieba")
    def warm_up_jieba(self) -> None:
        from drafter.text.tokens import warm_up

        warm_up()
        self.post_message(self.JiebaReady())

    @work(thread=True, exclusive=True, exit_on_error=False, group="new-draft")
    def assemble_draft(self, values: dict[str, str]) -> None:
        """`drafter new`'s assembly (section library, gazetteer, Jinja2) off the UI thread."""
        try:
            draft = services.new_draft(values)
        except Exception as err:  # noqa: BLE001 - e.g. an unknown region without a province
            self.call_from_thread(self.notify, f"new draft: {err}", severity="error", timeout=10)
            return
        self.call_from_thread(self.adopt_new_draft, draft)

    @work(thread=True, exit_on_error=False, group="export")
    def run_export(self, kind: str, draft, out_dir: Path, stem: str, comparison,  # noqa: ANN001
                   hide_unimportant: bool = False) -> None:
        try:
            path = services.export(kind, draft, out_dir, stem, comparison, hide_unimportant)
        except Exception as err:  # noqa: BLE001 - shown on the export screen
            self.post_message(self.ExportDone(kind, None, str(err)))
            return
        self.post_message(self.ExportDone(kind, path))

    def on_drafter_app_export_done(self, message: ExportDone) -> None:
        screen = self.mode_screen("export")
        result = f"wrote {services.shown_path(message.path)}" if message.path else f"failed: {message.error}"
        if screen is not None:
            screen.record(message.kind, result)
        self.notify(result, severity="information" if message.path else "error")

    def on_drafter_app_corpus_progress(self, message: CorpusProgress) -> None:
        percent = f" {message.fraction:.0%}" if message.fraction is not None else ""
        self.status_text = f"loading corpus: {message.text}{percent}"

    def on_drafter_app_corpus_loaded(self, message: CorpusLoaded) -> None:
        self.corpus = message.state
        self.status_text = f"corpus: {max(message.state.total, len(message.state.entries))} documents"

    def on_drafter_app_jieba_ready(self, _message: JiebaReady) -> None:
        self.jieba_ready = True

    def refresh_busy(self) -> None:
        """The status line's spinner turns while anything (ingest, jieba, search, diff, export) runs.
        Called for the app's workers and, from DrafterScreen, for the screens' (their StateChanged
        messages do not bubble)."""
        self.busy = any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in self.workers)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.refresh_busy()
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        self.notify(f"{event.worker.group}: {error}", severity="error", timeout=10)
        if event.worker.group == "corpus":
            self.corpus = CorpusState(note=f"could not load the corpus: {error}")
            self.status_text = f"corpus not loaded: {error}"


def create_app(draft: str | None = None, db: str | None = None, **options: object) -> DrafterApp:
    """The app exactly as `drafter`, `drafter tui DRAFT` and `python tui.py` build it."""
    return DrafterApp(draft=draft, db=db, **options)  # type: ignore[arg-type]


def run(draft: str | None = None, db: str | None = None) -> int:
    create_app(draft=draft, db=db).run()
    return 0
