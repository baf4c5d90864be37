"""The help screen: what each screen is for, every key (a table aligned for double-width text), and
where the keymap file lives. The keys are read from the bindings themselves, so Help never lies."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from drafter.messages import t
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.widgets.wrapped_text import Prose

KeyRow = tuple[str, str, str]  # (keys, what it does, binding id)


def key_table(groups: list[tuple[str, list[KeyRow]]]) -> Table:
    """One table for every group: rich measures double-width text, so the columns line up."""
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=False)
    table.add_column(t("tui.help_col_keys"), no_wrap=True)
    table.add_column(t("tui.help_col_does"), no_wrap=True)
    table.add_column(t("tui.help_col_id"), style="dim", no_wrap=True)
    for title, rows in groups:
        table.add_row(Text(f"── {title}", style="bold"), "", "")
        for keys, does, binding_id in rows:
            table.add_row(Text(f"  {keys}"), Text(does), Text(binding_id))
    return table


class HelpDialog(Dialog[None]):
    BINDINGS = [key("escape,q,f1", "dismiss", "key_close", "help.close")]

    def __init__(self, groups: list[tuple[str, list[KeyRow]]], keymap_path: str) -> None:
        super().__init__()
        self.groups = groups
        self.keymap_path = keymap_path

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Prose(t("tui_help.intro"))
            yield Static(key_table(self.groups), id="help-keys")
            yield Prose(t("tui_help.keymap", path=self.keymap_path))
            yield Prose(t("tui_help.close"))

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
