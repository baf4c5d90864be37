"""A new section: its title and where it goes, which fixes its level — the same level after the selected
section, one level down inside it, or a first-level section at the end. Nobody's level is guessed."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from drafter.draft.numbering import marker
from drafter.messages import t
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog

MAX_LEVEL = 4


@dataclass(frozen=True)
class NewSection:
    title: str
    placement: str  # "after" (same level, after the selected one), "inside" (one level down), "end"


def placements(heading: str | None, level: int | None) -> list[tuple[str, str]]:
    """(placement, label) choices for a selected section with `heading` at `level` (None: nothing selected)."""
    out = []
    if heading and level:
        out.append(("after", t("tui.new_after", mark=marker(level, 1), heading=heading)))
        if level < MAX_LEVEL:
            out.append(("inside", t("tui.new_inside", mark=marker(level + 1, 1), heading=heading)))
    out.append(("end", t("tui.new_end", mark=marker(1, 1))))
    return out


class NewSectionDialog(Dialog[NewSection | None]):
    BINDINGS = [key("escape", "cancel", "key_cancel", "new-section.cancel")]

    def __init__(self, heading: str | None, level: int | None) -> None:
        super().__init__()
        self.choices = placements(heading, level)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("tui.new_section_title"), classes="dialog-title")
            yield Input(placeholder=t("tui.new_section_placeholder"), id="new-section-title")
            yield Label(t("tui.new_section_where"))
            with RadioSet(id="new-section-where"):
                for n, (placement, label) in enumerate(self.choices):
                    yield RadioButton(label, value=n == 0, id=f"where-{placement}")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("common.ok"), variant="primary", id="ok")
                yield Button(t("common.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#new-section-title", Input).focus()

    def on_input_submitted(self) -> None:
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        title = self.query_one("#new-section-title", Input).value.strip()
        if not title:
            self.query_one("#new-section-title", Input).focus()
            return
        pressed = self.query_one(RadioSet).pressed_button
        placement = (pressed.id or "where-end").removeprefix("where-") if pressed else self.choices[0][0]
        self.dismiss(NewSection(title, placement))

    def action_cancel(self) -> None:
        self.dismiss(None)
