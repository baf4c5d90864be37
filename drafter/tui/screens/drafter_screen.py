"""The frame every main screen shares: header, body, status line and footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header
from textual.worker import Worker

from drafter.tui.bindings import translate_bindings
from drafter.tui.widgets.key_bar import KeyBar
from drafter.tui.widgets.status_line import StatusLine


class DrafterScreen(Screen):
    """Subclasses yield their body from `compose_body`."""

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield from self.compose_body()
        yield StatusLine()
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_worker_state_changed(self, _event: Worker.StateChanged) -> None:
        self.app.refresh_busy()  # type: ignore[attr-defined]
