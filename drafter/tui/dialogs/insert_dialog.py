"""Where a search hit goes: which section of the draft, and where in it (start, end, the editor's
cursor). Shows the passage and the 来源 note that will be written with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from drafter.messages import t
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.widgets.wrapped_text import CutLines
from drafter.tui.widgets.wrapped_text import Prose, WrappedText

WHERE = ("end", "start", "cursor")


@dataclass(frozen=True)
class InsertTarget:
    section: Any
    where: str  # "end", "start" or "cursor"


def section_rows(draft: Any) -> list[tuple[Any, CutLines]]:
    """Every section of the draft, indented by level, one line each (cut with `…`, never wrapped:
    a wrapped heading would start a line with its `，`)."""
    return [(section, CutLines(Text("  " * (section.level - 1) + section.heading))) for section in draft.walk()]


class InsertDialog(Dialog[InsertTarget | None]):
    BINDINGS = [key("escape", "cancel", "key_cancel", "insert.cancel")]

    def __init__(self, draft: Any, selected: Any, text: str, source_line: str, cursor_section: Any = None) -> None:
        super().__init__()
        self.rows = section_rows(draft)
        self.selected = selected
        self.text = text
        self.source_line = source_line
        self.cursor_section = cursor_section  # the section open in Compose's editor, if any

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("tui.insert_title"), classes="dialog-title")
            with Horizontal(id="insert-panes"):
                yield OptionList(*(Option(label) for _, label in self.rows), id="insert-sections")
                with Vertical(id="insert-side"):
                    with RadioSet(id="insert-where"):
                        yield RadioButton(t("tui.insert_end"), value=True, id="where-end")
                        yield RadioButton(t("tui.insert_start"), id="where-start")
                        yield RadioButton(t("tui.insert_cursor"), id="where-cursor")
                    with VerticalScroll(id="insert-preview"):
                        yield Prose(Text(self.source_line, style="dim"), id="insert-source")
                        yield Static(WrappedText(self.text), id="insert-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.insert_ok"), variant="primary", id="ok")
                yield Button(t("common.cancel"), id="cancel")

    def on_mount(self) -> None:
        options = self.query_one("#insert-sections", OptionList)
        index = next((i for i, (s, _) in enumerate(self.rows) if s is self.selected), 0)
        if self.rows:
            options.highlighted = index
        options.focus()
        self._update_cursor_choice()

    def on_option_list_option_highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self._update_cursor_choice()

    def _update_cursor_choice(self) -> None:
        """The editor's cursor is a place only in the section open in the editor."""
        cursor = self.query_one("#where-cursor", RadioButton)
        cursor.disabled = self._section() is not self.cursor_section or self.cursor_section is None
        if cursor.disabled and cursor.value:
            self.query_one("#where-end", RadioButton).value = True

    def _section(self) -> Any:
        index = self.query_one("#insert-sections", OptionList).highlighted
        return self.rows[index][0] if index is not None and self.rows else None

    def on_option_list_option_selected(self, _event: OptionList.OptionSelected) -> None:
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        section = self._section()
        if section is None:
            return
        pressed = self.query_one(RadioSet).pressed_button
        where = (pressed.id or "where-end").removeprefix("where-") if pressed else "end"
        self.dismiss(InsertTarget(section, where))

    def action_cancel(self) -> None:
        self.dismiss(None)
