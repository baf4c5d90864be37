"""Bindings whose words come from the message catalogue, in the language chosen at start.

`BINDINGS` are class attributes, read when a module is imported, before the user's language setting
is known; so a binding's description (and tooltip) holds a catalogue key (`tui.key_save`) and each
app, screen and dialog translates its own bindings when it is created (`translate_bindings`).
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from drafter.messages import catalogue, t

PALETTE_ACTIONS = {"command_palette", "app.command_palette"}


def key(keys: str, action: str, word: str, binding_id: str, *, tip: str = "", show: bool = True,
        priority: bool = False) -> Binding:
    """A binding described by catalogue keys: `word` (footer), `tip` (tooltip), `tui.*` names unless
    they name their own area (`tui_check.key_fix`)."""
    return Binding(keys, action, _key_name(word), show=show, priority=priority, id=binding_id,
                   tooltip=_key_name(tip) if tip else "")


def _key_name(word: str) -> str:
    return word if "." in word else f"tui.{word}"


def word(text: str) -> str:
    """A binding's description or tooltip in the current language (unchanged when not a key)."""
    return t(text) if text in catalogue() else text


def translated(binding: Binding) -> Binding:
    if binding.action in PALETTE_ACTIONS:
        return dataclasses.replace(binding, description=t("tui.key_palette"), tooltip=t("tui.tip_palette"))
    return dataclasses.replace(binding, description=word(binding.description), tooltip=word(binding.tooltip))


def translate_bindings(node: DOMNode) -> None:
    """Give `node` its own copy of its bindings, described in the current language."""
    fresh = BindingsMap()
    for key_name, bindings in node._bindings.key_to_bindings.items():
        fresh.key_to_bindings[key_name] = [translated(b) for b in bindings]
    node._bindings = fresh
