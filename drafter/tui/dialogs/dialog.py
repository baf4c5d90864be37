"""The base of every dialog: a modal screen whose bindings speak the user's language."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from drafter.tui.bindings import translate_bindings

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
