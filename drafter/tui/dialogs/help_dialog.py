"""The help screen: every key of the app and of the current screen, and where the keymap lives."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = """drafter — draft a local 实施方案 from other places' plans.

Screens: F2 corpus · F3 compose · F4 search · F5 compare · F6 export.  Ctrl+P opens the command palette.
Compose: pick a section in the outline, edit it, insert a candidate (i), replace (r) or append (a).
Chinese input: if your input method misbehaves, press Ctrl+E to edit the section in $EDITOR.
The draft is saved atomically every few seconds and on exit; after a crash drafter offers to recover it.
"""


class HelpDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1", "dismiss", "Close", id="help.close")]

    def __init__(self, key_lines: list[str], keymap_path: str) -> None:
        super().__init__()
        self.key_lines = key_lines
        self.keymap_path = keymap_path

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(INTRO, markup=False)
            yield Static("\n".join(self.key_lines), id="help-keys", markup=False)
            yield Static(f"\nYour keymap (binding id = \"keys\"): {self.keymap_path}", markup=False)
            yield Static("\nEsc closes this help.", markup=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
