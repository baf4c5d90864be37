"""Ask for a file or folder path, with completion; returns the Path (`~` expanded) or None."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from drafter.messages import t
from drafter.text.linebreak import glue_items
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.widgets.path_input import PathInput
from drafter.tui.widgets.wrapped_text import Prose


class PathPrompt(Dialog[Path | None]):
    BINDINGS = [key("escape", "cancel", "key_cancel", "path.cancel")]

    def __init__(self, question: str, value: str = "", must_exist: bool = False,
                 suffixes: tuple[str, ...] = (), folders_only: bool = False) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.must_exist = must_exist
        self.suffixes = suffixes
        self.folders_only = folders_only

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide-path"):
            yield Label(self.question, classes="dialog-title")
            yield PathInput(self.value, self.suffixes, self.folders_only, id="path-input")
            yield Prose(glue_items(t("tui.path_hint")), id="path-note", classes="note")

    def on_mount(self) -> None:
        box = self.query_one(PathInput)
        box.focus()
        box.cursor_position = len(box.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        if not raw:
            return
        path = Path(raw).expanduser()
        if self.must_exist and not path.exists():
            self.query_one("#path-note", Static).update(t("tui.path_missing", path=raw))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
