"""The drafter terminal app: one factory (`create_app`) used by the CLI, `tui.py` and the tests.

First paint must not wait for anything slow: jieba's dictionary and the store (whose first run ingests
the bundled corpus) load in thread workers that post messages back; a status line shows progress.
Every word on screen comes from the message catalogue (`drafter.messages`, areas `tui` and
`tui_help`), Chinese unless the settings say English.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App
from textual.command import CommandPalette
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.worker import Worker, WorkerState

from drafter.messages import set_language, t
from drafter.paths import locations
from drafter.tui import recent, services
from drafter.tui.bindings import key, translate_bindings, word
from drafter.tui.commands import DrafterCommands
from drafter.tui.compare_actions import CompareActions
from drafter.tui.comparison_state import ComparisonState
from drafter.tui.corpus_loader import CorpusState, load_corpus
from drafter.tui.dialogs.confirm_dialog import ConfirmDialog
from drafter.tui.dialogs.help_dialog import HelpDialog
from drafter.tui.draft_actions import DraftActions
from drafter.tui.draft_session import DraftSession
from drafter.tui.file_actions import FileActions
from drafter.tui.keymap import read_keymap
from drafter.tui.review_actions import ReviewActions
from drafter.tui.screens.check_screen import CheckScreen
from drafter.tui.screens.compare_screen import CompareScreen
from drafter.tui.screens.compose_screen import ComposeScreen
from drafter.tui.screens.corpus_screen import CorpusScreen
from drafter.tui.screens.export_screen import ExportScreen
from drafter.tui.screens.search_screen import SearchScreen
from drafter.tui.settings import Settings, read_settings, write_settings

AUTOSAVE_SECONDS = 3.0
STATUS_KEPT_SECONDS = 8.0  # a message (saved, replaced…) is not replaced by the autosave note sooner
GLOBAL_ACTIONS = {"help", "switch_mode", "new_draft", "open_draft", "save_draft", "save_as", "quit"}
SCREEN_NAMES = {"corpus": "tui.screen_corpus", "compose": "tui.screen_compose", "search": "tui.screen_search",
                "compare": "tui.screen_compare", "export": "tui.screen_export", "check": "tui_check.screen"}


class DrafterApp(ReviewActions, CompareActions, DraftActions, FileActions, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "drafter"
    COMMANDS = {DrafterCommands}  # no English system commands: ours cover quit, help and keys
    MODES = {
        "corpus": CorpusScreen,
        "compose": ComposeScreen,
        "search": SearchScreen,
        "compare": CompareScreen,
        "export": ExportScreen,
        "check": CheckScreen,
    }
    # priority: these keys work wherever the focus is, the section editor included (whose own F6/F7
    # select text and Ctrl+E moves to the line end), and they stay in the footer there
    BINDINGS = [
        key("f1", "help", "key_help", "app.help", priority=True),
        key("f2", "switch_mode('corpus')", "key_corpus", "mode.corpus", tip="tip_corpus", priority=True),
        key("f3", "switch_mode('compose')", "key_compose", "mode.compose", tip="tip_compose", priority=True),
        key("f4", "switch_mode('search')", "key_search", "mode.search", tip="tip_search", priority=True),
        key("f5", "switch_mode('compare')", "key_compare", "mode.compare", tip="tip_compare", priority=True),
        key("f6", "switch_mode('export')", "key_export", "mode.export", tip="tip_export", priority=True),
        key("f7", "switch_mode('check')", "tui_check.key_check", "mode.check", tip="tui_check.tip_check",
            priority=True),
        key("ctrl+n", "new_draft", "key_new", "draft.new", show=False, priority=True),
        key("ctrl+o", "open_draft", "key_open", "draft.open", priority=True),
        key("ctrl+s", "save_draft", "key_save", "draft.save", priority=True),
        key("f12", "save_as", "key_save_as", "draft.save-as", show=False, priority=True),
        key("ctrl+q", "quit", "key_quit", "app.quit", priority=True),
    ]

    corpus: reactive[CorpusState | None] = reactive(None, always_update=True)
    status_text: reactive[str] = reactive("")
    busy: reactive[bool] = reactive(True)
    jieba_ready: reactive[bool] = reactive(False)
    draft_version: reactive[int] = reactive(0)
    comparison_version: reactive[int] = reactive(0)

    @dataclass
    class CorpusProgress(Message):
        text: str
        fraction: float | None

    @dataclass
    class CorpusLoaded(Message):
        state: CorpusState
        quiet: bool = False  # a reload (after an ingest): the status keeps what the ingest said

    class JiebaReady(Message):
        pass

    @dataclass
    class ExportDone(Message):
        kind: str
        path: Path | None
        error: str | None = None

    def __init__(self, draft: str | None = None, db: str | None = None, export_dir: Path | None = None,
                 autosave_seconds: float = AUTOSAVE_SECONDS, reopen_last: bool = False) -> None:
        self._status_at = 0.0  # when the status line last said something other than the autosave note
        self._autosave_note = ""
        self.locations = locations(db)
        self.settings, self.settings_problem = read_settings(self.locations.config_dir)
        if self.settings.language and not os.environ.get("DRAFTER_LANG"):  # DRAFTER_LANG (one run) first
            set_language(self.settings.language)
        super().__init__()
        translate_bindings(self)
        self.status_text = t("tui.starting")
        self.sub_title = t("tui.subtitle")
        self.draft_path = Path(draft).expanduser() if draft else None
        self.db = db
        self.session = DraftSession(self.locations.autosave_dir)
        self.export_dir = export_dir or (self.draft_path.parent if self.draft_path else Path.cwd())
        self.autosave_seconds = autosave_seconds
        self.reopen_last = reopen_last and self.draft_path is None
        self.user_keymap: dict[str, str] = {}
        self.compared = ComparisonState()
        self.edits = 0  # every change to the draft counts one: a comparison knows which state it saw
        # Exports this session wrote, with their (size, mtime) once written: exporting again asks only
        # when the file changed since (opened and edited in WPS, say). None: being written now.
        self.written: dict[Path, tuple[int, int] | None] = {}
        self._after_compare: dict[int, Callable[[], None]] = {}

    def on_mount(self) -> None:
        keymap, problem = read_keymap(self.locations.keymap_path)
        self.user_keymap = keymap
        if keymap:
            self.set_keymap(keymap)
        for trouble in (problem, self.settings_problem):
            if trouble:
                self.notify(t("tui.file_ignored", problem=trouble), severity="warning")
        self.switch_mode("compose" if self.draft_path else "corpus")
        self.load_corpus()
        self.warm_up_jieba()
        self.set_interval(self.autosave_seconds, self.autosave)
        self.call_after_refresh(self.open_or_recover)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Under a dialog, the app's keys belong to the dialog (F1 closes Help, it does not open it)."""
        return not (isinstance(self.screen, ModalScreen) and action in GLOBAL_ACTIONS)

    # ── the draft at start, autosave ───────────────────────────────────────────────────────────
    def open_or_recover(self) -> None:
        info = self.session.recoverable()
        if info is None:
            self._open_at_start()
            return
        where = info.get("path") or t("tui.never_saved")

        def answer(yes: bool | None) -> None:
            if yes:
                self.session.recover()
                self.draft_changed()
                self.switch_mode("compose")
            else:
                kept = self.session.set_aside()
                self.notify(t("tui.set_aside_done", path=services.shown_path(kept)))
                self._open_at_start()

        question = t("tui.recover_question", where=where)
        self.push_screen(ConfirmDialog(question, yes=t("tui.recover"), no=t("tui.set_aside"), safe_yes=True),
                         answer)

    def _open_at_start(self) -> None:
        if self.draft_path is not None:
            self.open_file(self.draft_path)
            return
        last = recent.last_draft(self.locations.config_dir) if self.reopen_last else None
        if last is not None and self.open_file(last, quiet=True):
            self.status_text = t("tui.reopened", path=services.shown_path(last))

    def mark_dirty(self) -> None:
        self.edits += 1
        super().mark_dirty()

    def draft_changed(self) -> None:
        self.edits += 1
        super().draft_changed()

    def watch_status_text(self, text: str) -> None:
        if text != self._autosave_note:
            self._status_at = time.monotonic()

    def autosave(self) -> None:
        try:
            if self.session.autosave():
                key_name = "tui.autosaved_file" if self.session.path else "tui.autosaved_no_file"
                if time.monotonic() - self._status_at > STATUS_KEPT_SECONDS:  # not over a fresh message
                    self._autosave_note = t(key_name, name=self.draft_label())
                    self.status_text = self._autosave_note
        except Exception as err:  # noqa: BLE001 - a failing autosave must be seen, not crash the app
            self.notify(t("tui.autosave_failed", why=err), severity="error")

    # ── help, palette, settings ────────────────────────────────────────────────────────────────
    def action_help(self) -> None:
        """Every binding of the app and of each screen, with the id a keymap.toml rebinds."""
        groups = [(t("tui.help_group_app"), self.BINDINGS)]
        groups += [(t(SCREEN_NAMES[mode]), screen.BINDINGS) for mode, screen in self.MODES.items()]
        rows = []
        for name, bindings in groups:
            ours = [(self.user_keymap.get(b.id, b.key), word(b.description), b.id) for b in bindings if b.id]
            rows.append((name, [(self.key_label(keys), does, bid) for keys, does, bid in ours]))
        self.push_screen(HelpDialog(rows, services.shown_path(self.locations.keymap_path)))

    def key_label(self, keys: str) -> str:
        """`ctrl+s,f12` → `Ctrl+S / F12`: keys as Help and the palette write them."""
        def one(name: str) -> str:
            return "+".join(part.upper() if len(part) == 1 or part[0] == "f" else part.capitalize()
                            for part in name.strip().split("+"))

        return " / ".join(one(k) for k in keys.split(","))

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=t("tui.palette_placeholder"), id="--command-palette"))

    def action_ingest(self) -> None:
        self.switch_mode("corpus")
        self.call_after_refresh(lambda: self.mode_screen("corpus").action_ingest())

    def action_set_language(self, language: str) -> None:
        self.settings.language = language
        try:
            write_settings(self.locations.config_dir, self.settings)
        except OSError as err:
            self.notify(t("tui.settings_failed", why=err), severity="error")
            return
        self.notify(t("tui.language_next_start"))

    # ── background work ────────────────────────────────────────────────────────────────────────
    @work(thread=True, exclusive=True, exit_on_error=False, group="corpus")
    def load_corpus(self, quiet: bool = False) -> None:
        def progress(text: str, fraction: float | None) -> None:
            if not quiet:
                self.post_message(self.CorpusProgress(text, fraction))

        self.post_message(self.CorpusLoaded(load_corpus(self.db, progress), quiet))

    @work(thread=True, exclusive=True, exit_on_error=False, group="jieba")
    def warm_up_jieba(self) -> None:
        from drafter.text.tokens import warm_up

        warm_up()
        self.post_message(self.JiebaReady())

    @work(thread=True, exclusive=True, exit_on_error=False, group="new-draft")
    def assemble_draft(self, values: dict[str, str]) -> None:
        """`drafter new`'s assembly (section library, gazetteer, Jinja2) off the UI thread; with
        `values["superior"]`, `drafter new --from`'s (task by task, with progress)."""
        report = ""
        try:
            if values.get("superior"):
                def progress(done: int, total: int, task: str) -> None:
                    words = t("superior.progress", done=done + 1, total=total, task=task[:30])
                    self.call_from_thread(setattr, self, "status_text", words)

                draft, report = services.new_from_superior(self.db, values["superior"], values, progress)
            else:
                draft = services.new_draft(values)
        except Exception as err:  # noqa: BLE001 - e.g. an unknown region without a province
            self.call_from_thread(self.notify, t("tui.new_failed", why=err), severity="error", timeout=10)
            self.call_from_thread(setattr, self, "status_text", t("tui.new_failed", why=err))
            return
        self.call_from_thread(self.adopt_new_draft, draft, report)

    @work(thread=True, exit_on_error=False, group="export")
    def run_export(self, kind: str, draft: Any, out_dir: Path, stem: str, comparison: Any,
                   hide_unimportant: bool = False) -> None:
        try:
            path = services.export(kind, draft, out_dir, stem, comparison, hide_unimportant)
        except Exception as err:  # noqa: BLE001 - shown on the export screen
            self.post_message(self.ExportDone(kind, None, str(err)))
            return
        self.post_message(self.ExportDone(kind, path))

    def on_drafter_app_export_done(self, message: ExportDone) -> None:
        if message.path:
            from drafter.tui.draft_session import file_stamp

            self.written[Path(message.path).resolve()] = file_stamp(Path(message.path))
            result = t("tui.export_wrote", path=services.shown_path(message.path))
        else:
            result = t("tui.export_failed", why=message.error)
        screen = self.mode_screen("export")
        if screen is not None:
            screen.record(message.kind, result)
        self.status_text = result
        self.notify(result, severity="information" if message.path else "error")

    def on_drafter_app_corpus_progress(self, message: CorpusProgress) -> None:
        percent = f" {message.fraction:.0%}" if message.fraction is not None else ""
        self.status_text = t("tui.corpus_loading", what=message.text, percent=percent)

    def on_drafter_app_corpus_loaded(self, message: CorpusLoaded) -> None:
        self.corpus = message.state
        if not message.quiet:
            self.status_text = t("tui.corpus_loaded", count=message.state.count)

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
        self.notify(t("tui.worker_failed", why=error), severity="error", timeout=10)
        if event.worker.group == "corpus":
            self.corpus = CorpusState(note=t("tui.corpus_failed", why=error))
            self.status_text = self.corpus.note


def create_app(draft: str | None = None, db: str | None = None, **options: object) -> DrafterApp:
    """The app exactly as `drafter`, `drafter tui DRAFT` and `python tui.py` build it."""
    return DrafterApp(draft=draft, db=db, **options)  # type: ignore[arg-type]


def run(draft: str | None = None, db: str | None = None) -> int:
    """`drafter` / `drafter tui [DRAFT]`: with no draft named, the last one opened comes back."""
    create_app(draft=draft, db=db, reopen_last=True).run()
    return 0


__all__ = ["DrafterApp", "Settings", "create_app", "run"]
