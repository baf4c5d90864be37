"""Candidates for the selected section: library variants and corpus sections of the same kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class CandidateList(OptionList):
    """Lists candidates with provenance; posts `Previewed` when one is highlighted."""

    @dataclass
    class Previewed(Message):
        candidate: Any

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.candidates: list[Any] = []

    def show(self, candidates: list[Any]) -> None:
        self.candidates = candidates
        self.clear_options()
        for candidate in candidates:
            prompt = Text(candidate.label, style="bold")
            prompt.append("\n" + candidate.text[:60].replace("\n", " "), style="dim")
            self.add_option(Option(prompt))
        if candidates:
            self.highlighted = 0

    @property
    def current(self) -> Any:
        if self.highlighted is None or not self.candidates:
            return None
        return self.candidates[self.highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Previewed(self.candidates[event.option_index]))
