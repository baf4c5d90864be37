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
from drafter.tui.corpus_loader import CorpusState, load_corpus
from drafter.tui.keymap import read_keymap
from drafter.tui.screens.corpus_screen import CorpusScreen


class DrafterApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "drafter"
    SUB_TITLE = "实施方案起草"
    MODES = {"corpus": CorpusScreen}
    BINDINGS = [
        Binding("f2", "switch_mode('corpus')", "Corpus", id="mode.corpus", tooltip="the corpus documents"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    corpus: reactive[CorpusState | None] = reactive(None, always_update=True)
    status_text: reactive[str] = reactive("starting…")
    busy: reactive[bool] = reactive(True)
    jieba_ready: reactive[bool] = reactive(False)

    @dataclass
    class CorpusProgress(Message):
        text: str
        fraction: float | None

    @dataclass
    class CorpusLoaded(Message):
        state: CorpusState

    class JiebaReady(Message):
        pass

    def __init__(self, draft: str | None = None, db: str | None = None) -> None:
        super().__init__()
        self.draft_path = Path(draft) if draft else None
        self.db = db
        self.locations = locations(db)

    def on_mount(self) -> None:
        keymap, problem = read_keymap(self.locations.keymap_path)
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, severity="warning")
        self.switch_mode("corpus")
        self.load_corpus()
        self.warm_up_jieba()

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

    def on_drafter_app_corpus_progress(self, message: CorpusProgress) -> None:
        percent = f" {message.fraction:.0%}" if message.fraction is not None else ""
        self.status_text = f"loading corpus: {message.text}{percent}"

    def on_drafter_app_corpus_loaded(self, message: CorpusLoaded) -> None:
        self.corpus = message.state
        self.busy = not self.jieba_ready
        self.status_text = f"corpus: {len(message.state.entries)} documents"

    def on_drafter_app_jieba_ready(self, _message: JiebaReady) -> None:
        self.jieba_ready = True
        self.busy = self.corpus is None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        self.notify(f"{event.worker.group}: {error}", severity="error", timeout=10)
        if event.worker.group == "corpus":
            self.corpus = CorpusState(note=f"could not load the corpus: {error}")
            self.busy = False
            self.status_text = f"corpus not loaded: {error}"


def create_app(draft: str | None = None, db: str | None = None) -> DrafterApp:
    """The app exactly as `drafter`, `drafter tui DRAFT` and `python tui.py` build it."""
    return DrafterApp(draft=draft, db=db)


def run(draft: str | None = None, db: str | None = None) -> int:
    create_app(draft=draft, db=db).run()
    return 0
