"""A question with several answers (覆盖 / 另存为… / 取消); returns the chosen id, None on Esc."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.widgets.wrapped_text import Prose


class ChoiceDialog(Dialog[str | None]):
    BINDINGS = [key("escape", "cancel", "key_cancel", "choice.cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str]], default: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.default = default or choices[-1][0]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Prose(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                for choice_id, label in self.choices:
                    yield Button(label, id=f"choice-{choice_id}",
                                 variant="primary" if choice_id == self.default else "default")

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.default}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(None)
