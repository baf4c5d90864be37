"""The draft's 公文 parts, one row each (元数据 · 版头 · 通知 · 方案 · 版记), as `drafter meta` lists
them: Enter edits one, Del puts it back to its default (it follows the metadata again), `s` adds a
superior document; what is still to fill (`part_edit.todo`) stands under the list. Every change goes
through `drafter.draft.part_edit` (set_part / unset_part / add_superior), so the app and the CLI
store the same thing. Returns True when anything changed."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, TextArea
from textual.widgets.option_list import Option

from drafter.errors import DrafterError
from drafter.messages import t
from drafter.text.linebreak import glue_items, pad
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog
from drafter.tui.dialogs.text_prompt import TextPrompt
from drafter.tui.widgets.wrapped_text import CutLines, Prose

LABEL_CELLS = 14
SOURCE_STYLE = {"set": "", "follows": "dim", "default": "dim", "empty": "dim italic"}


def part_row(state: Any) -> CutLines:
    row = Text(pad(state.label, LABEL_CELLS) + " ", style="bold")
    value = (state.value or "—").replace("\n", " ⏎ ")
    row.append(pad(t(f"tui_check.source_{state.source}"), 8) + " ", style="dim")
    row.append(value, style=SOURCE_STYLE.get(state.source, ""))
    return CutLines(row)


def todo_items(draft: Any) -> list[str]:
    """`part_edit.todo(draft)` in the app's words (the CLI's own item names the `drafter meta` flag)."""
    from drafter.draft.part_edit import todo

    cli_words = t("draft.todo_superior")
    return [t("tui_check.todo_superior") if item == cli_words else item for item in todo(draft)]


class PartsDialog(Dialog[bool]):
    BINDINGS = [
        key("enter", "edit", "tui_check.key_edit", "parts.edit"),
        key("delete", "unset", "tui_check.key_unset", "parts.unset"),
        key("s", "add_superior", "tui_check.key_add_superior", "parts.add-superior"),
        key("escape", "close", "key_close", "parts.close"),
    ]

    def __init__(self, draft: Any, focus_key: str | None = None) -> None:
        super().__init__()
        self.draft = draft
        self.focus_key = focus_key
        self.states: list[Any] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("tui_check.parts_title"), classes="dialog-title")
            yield OptionList(id="parts-list")
            yield Prose("", id="parts-todo", classes="note")
            yield Prose(glue_items(t("tui_check.parts_keys")), classes="note")

    def on_mount(self) -> None:
        self.refresh_parts(self.focus_key)

    def refresh_parts(self, keep: str | None = None) -> None:
        from drafter.draft.part_edit import part_states

        self.states = part_states(self.draft)
        options = self.query_one("#parts-list", OptionList)
        options.clear_options()
        group = None
        for state in self.states:
            if state.group != group:
                group = state.group
                options.add_option(Option(Text(f"【{group}】", style="bold"), disabled=True))
            options.add_option(Option(part_row(state), id=state.key))
        target = keep if keep in {s.key for s in self.states} else self.states[0].key
        options.highlighted = options.get_option_index(target)
        items = todo_items(self.draft)
        words = t("tui_check.parts_todo", items="；".join(items)) if items else t("tui_check.parts_todo_none")
        self.query_one("#parts-todo", Prose).update(words)
        options.focus()

    @property
    def state(self) -> Any:
        options = self.query_one("#parts-list", OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id
        return next((s for s in self.states if s.key == option_id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        from drafter.draft.parts import spec

        state = self.state
        if state is None:
            return
        part = spec(state.key)

        def edited(value: str | None) -> None:
            if value is not None:
                self._change(lambda: self._set(state.key, value), state.key, "tui_check.part_set", part.label)

        self.app.push_screen(PartEditDialog(part, state.value), edited)

    def _set(self, key_name: str, value: str) -> None:
        from drafter.draft.part_edit import set_part, unset_part

        if value.strip():
            set_part(self.draft, key_name, value)
        else:
            unset_part(self.draft, key_name)

    def action_unset(self) -> None:
        from drafter.draft.part_edit import unset_part

        state = self.state
        if state is not None:
            self._change(lambda: unset_part(self.draft, state.key), state.key, "tui_check.part_unset", state.label)

    def action_add_superior(self) -> None:
        from drafter.draft.part_edit import add_superior
        from drafter.draft.parts import spec

        def given(text: str | None) -> None:
            if text:
                self._change(lambda: add_superior(self.draft, text), "superior", "tui_check.part_set",
                             spec("superior").label)

        self.app.push_screen(TextPrompt(t("tui_check.superior_title"), placeholder=t("tui_check.superior_hint")),
                             given)

    def _change(self, change: Any, key_name: str, words: str, label: str) -> None:
        try:
            change()
        except DrafterError as err:
            self.notify(t("tui_check.part_failed", why=err), severity="warning", timeout=10)
            return
        self.changed = True
        self.app.status_text = t(words, label=label)
        self.refresh_parts(key_name)

    def action_close(self) -> None:
        self.dismiss(self.changed)


class PartEditDialog(Dialog[str | None]):
    """One part's text: a line, or several lines for the 通知正文 and the 前言 (Ctrl+S to keep)."""

    BINDINGS = [
        key("escape", "cancel", "key_cancel", "part.cancel"),
        key("ctrl+s", "keep", "tui_check.key_ok", "part.ok", priority=True),
    ]

    def __init__(self, part: Any, value: str) -> None:
        super().__init__()
        self.part = part
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide-path"):
            yield Label(t("tui_check.part_edit_title", label=self.part.label), classes="dialog-title")
            if self.part.multiline:
                yield TextArea(self.value, id="part-text", soft_wrap=True)
            else:
                yield Input(self.value.replace("\n", " "), id="part-input")
            yield Prose(self._hint(), classes="note")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("common.ok"), variant="primary", id="ok")
                yield Button(t("common.cancel"), id="cancel")

    def _hint(self) -> str:
        part = self.part
        if part.multiline:
            return t("tui_check.part_hint_multiline")
        if part.choices:
            return t("tui_check.part_hint_choices", choices="、".join(part.choices))
        if part.key in ("date", "print_date"):
            return t("tui_check.part_hint_date")
        return t("tui_check.part_hint_list") if part.is_list else t("tui.prompt_hint")

    def on_mount(self) -> None:
        self.query_one("#part-text" if self.part.multiline else "#part-input").focus()

    def on_input_submitted(self) -> None:
        self.action_keep()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_keep()
        else:
            self.dismiss(None)

    def action_keep(self) -> None:
        if self.part.multiline:
            self.dismiss(self.query_one("#part-text", TextArea).text)
        else:
            self.dismiss(self.query_one("#part-input", Input).value)

    def action_cancel(self) -> None:
        self.dismiss(None)
