"""The one-line status at the bottom of every screen: corpus loading progress, jieba, the draft."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import LoadingIndicator, Static

from drafter.tui.widgets.wrapped_text import OneLine


class StatusLine(Horizontal):
    """Shows what the background workers are doing, so a slow first run never looks frozen."""

    DEFAULT_CSS = """
    StatusLine { height: 1; background: $boost; }
    StatusLine > LoadingIndicator { width: 6; height: 1; min-height: 1; background: $boost; }
    StatusLine > #status-text { width: 1fr; height: 1; padding: 0 1; color: $text-muted; }
    StatusLine.-idle > LoadingIndicator { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()
        yield OneLine("", id="status-text")

    def on_mount(self) -> None:
        self.watch(self.app, "status_text", self._show_text)
        self.watch(self.app, "busy", self._show_busy)

    def _show_text(self, text: str) -> None:
        self.query_one("#status-text", Static).update(text)

    def _show_busy(self, busy: bool) -> None:
        self.set_class(not busy, "-idle")
