"""A yes/no question (e.g. "overwrite this file?"), answered through `dismiss(bool)`.

The default answer (Enter on the focused button) is the safe one: `no` unless `safe_yes`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from drafter.messages import t
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.widgets.wrapped_text import Prose


class ConfirmDialog(Dialog[bool]):
    BINDINGS = [
        key("y", "answer(True)", "key_yes", "confirm.yes"),
        key("n,escape", "answer(False)", "key_no", "confirm.no"),
    ]

    def __init__(self, question: str, yes: str | None = None, no: str | None = None,
                 safe_yes: bool = False) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes or t("common.ok")
        self.no_label = no or t("common.cancel")
        self.safe_yes = safe_yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Prose(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes_label} (y)", variant="primary", id="yes")
                yield Button(f"{self.no_label} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.safe_yes else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
