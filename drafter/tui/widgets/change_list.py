"""The comparison's change list: one row a change (`3 ≈ 相关改写  二、基本原则 › （一）…`), in the
model's reading order (`Comparison.change_list()`); highlighting a row posts `Chosen`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.messages import t
from drafter.tui.bindings import key, translate_bindings
from drafter.tui.widgets.wrapped_text import CutLines

KIND_MARK = {"added": "+", "removed": "−", "changed": "≠", "related": "≈", "moved": "↕", "merged": "⇉",
             "split": "⇇", "umbrella": "⊤", "heading": "≠", "title": "≠", "format": "·"}


def kind_word(kind: str) -> str:
    from drafter.messages import catalogue

    key = f"tui_compare.kind_{kind}"
    return t(key) if key in catalogue() else kind


def where(change: Any, section: Any) -> str:
    """The headings a change stands under: `二、基本原则 › （一）…` (before the first heading: said so)."""
    if section is not None and section.level == 0:
        return t("tui_compare.before_first_heading")
    return " › ".join(change.path) or t("tui_compare.before_first_heading")


def change_prompt(number: int, change: Any, section: Any) -> CutLines:
    line = Text(f"{number:>3} ", style="dim")
    line.append(f"{KIND_MARK.get(change.kind, '?')} {kind_word(change.kind)}  ", style="bold")
    line.append(where(change, section))
    return CutLines(line)


class ChangeList(OptionList):
    BINDINGS = [key("enter", "select", "tui_compare.key_jump", "compare.list-jump")]

    @dataclass
    class Chosen(Message):
        change: Any

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)
        self.changes: list[Any] = []
        self._followed: int | None = None  # highlighted by navigation: not a choice of the user's

    def show(self, changes: list[Any], comparison: Any) -> None:
        self.changes = changes
        self._followed = None
        self.clear_options()
        sections = comparison.sections
        self.add_options([Option(change_prompt(n, c, sections[c.section] if c.section < len(sections) else None))
                          for n, c in enumerate(changes, start=1)])

    def follow(self, change: Any) -> None:
        """Highlight `change` without posting `Chosen` (navigation moved there already)."""
        if change in self.changes:
            index = self.changes.index(change)
            if index != self.highlighted:
                self._followed = index
                self.highlighted = index

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index == self._followed:
            self._followed = None
            return
        if 0 <= event.option_index < len(self.changes):
            self.post_message(self.Chosen(self.changes[event.option_index]))
