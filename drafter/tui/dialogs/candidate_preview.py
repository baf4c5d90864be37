"""The selected section and a candidate side by side, before choosing: replace (r), append (a), Esc."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, Static

from drafter.messages import t
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.widgets.wrapped_text import Prose, WrappedText


def section_text(section: Any) -> str:
    """A draft section's body and its sub-sections' headings and bodies, as the reader sees them."""
    lines = [section.body] if section.body else []
    for child in section.children:
        lines.append(child.heading)
        lines.append(section_text(child))
    return "\n".join(line for line in lines if line)


class CandidatePreview(Dialog[str | None]):
    BINDINGS = [
        key("r", "choose('replace')", "key_replace", "preview.replace"),
        key("a", "choose('append')", "key_append", "preview.append"),
        key("escape", "choose(None)", "key_close", "preview.close"),
    ]

    def __init__(self, section: Any, candidate: Any) -> None:
        super().__init__()
        self.section = section
        self.candidate = candidate

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("tui.preview_title", heading=self.section.heading), classes="dialog-title")
            yield Prose(Text(self.candidate.source_line(), style="dim"), id="preview-source")
            with Horizontal(id="preview-panes"):
                with VerticalScroll(classes="preview-pane", id="preview-current"):
                    yield Static(Text(t("tui.preview_current"), style="bold"))
                    yield Static(WrappedText(section_text(self.section) or t("tui.preview_empty")),
                                 classes="preview-text")
                with VerticalScroll(classes="preview-pane", id="preview-candidate"):
                    yield Static(Text(t("tui.preview_candidate"), style="bold"))
                    yield Static(WrappedText(self.candidate.shown_text()), classes="preview-text")
            yield Prose(t("tui.preview_keys"), classes="note")

    def action_choose(self, how: str | None) -> None:
        self.dismiss(how)
