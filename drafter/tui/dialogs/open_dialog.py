"""Open a draft (Ctrl+O): the recent drafts, newest first, or any path typed with completion."""

from __future__ import annotations

import time
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from drafter.messages import t
from drafter.text.linebreak import glue_items, pad
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.recent import RecentDraft
from drafter.tui.services import shown_path
from drafter.tui.widgets.path_input import PathInput
from drafter.tui.widgets.wrapped_text import Prose

DRAFT_SUFFIXES = (".md", ".txt")


def recent_prompt(entry: RecentDraft) -> Text:
    """`运城市  运城市深化医药卫生体制改革实施方案  05-01 14:02` over the path (dim)."""
    when = time.strftime("%m-%d %H:%M", time.localtime(entry.opened_at)) if entry.opened_at else ""
    line = Text(pad(entry.region or "—", 10) + " ", style="bold")
    line.append(entry.title or Path(entry.path).name)
    line.append(f"  {when}", style="dim")
    line.append("\n" + shown_path(Path(entry.path)), style="dim" if entry.exists else "red")
    if not entry.exists:
        line.append("  " + t("tui.recent_missing"), style="red")
    return line


class OpenDialog(Dialog[Path | None]):
    BINDINGS = [key("escape", "cancel", "key_cancel", "open.cancel")]

    def __init__(self, recent: list[RecentDraft], start: str = "") -> None:
        super().__init__()
        self.recent = recent
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("tui.open_title"), classes="dialog-title")
            yield Label(t("tui.open_recent"), classes="field-label-wide")
            options = [Option(recent_prompt(e), id=str(i)) for i, e in enumerate(self.recent)]
            yield OptionList(*options, id="recent-list")
            yield Label(t("tui.open_path"), classes="field-label-wide")
            yield PathInput(self.start, DRAFT_SUFFIXES, id="open-path")
            yield Prose(glue_items(t("tui.open_hint")) if self.recent else t("tui.open_no_recent"),
                         id="open-note", classes="note")

    def on_mount(self) -> None:
        if self.recent:
            options = self.query_one("#recent-list", OptionList)
            options.highlighted = 0
            options.focus()
        else:
            self.query_one("#open-path", PathInput).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = self.recent[event.option_index]
        if not entry.exists:
            self.query_one("#open-note", Static).update(t("tui.recent_gone", path=entry.path))
            return
        self.dismiss(Path(entry.path))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        raw = event.value.strip()
        if not raw:
            return
        path = Path(raw).expanduser()
        if not path.is_file():
            self.query_one("#open-note", Static).update(t("tui.path_missing", path=raw))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
