"""Edit a draft's metadata (region, province, title, issuer, date); returns the new values or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from drafter.messages import t
from drafter.tui.bindings import key
from drafter.tui.dialogs.dialog import Dialog

FIELDS = ("region", "province", "title", "issuer", "date")


class MetadataDialog(Dialog[dict[str, str] | None]):
    BINDINGS = [key("escape", "cancel", "key_cancel", "metadata.cancel")]

    def __init__(self, values: dict[str, str], heading: str | None = None) -> None:
        super().__init__()
        self.values = values
        self.heading = heading or t("tui.meta_title")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            for name in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(t(f"tui.field_{name}"), classes="field-label")
                    yield Input(self.values.get(name, "") or "", placeholder=t(f"tui.meta_hint_{name}"),
                                id=f"meta-{name}")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("common.ok"), variant="primary", id="ok")
                yield Button(t("common.cancel"), id="cancel")

    def on_input_submitted(self) -> None:
        self.dismiss(self._collect())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self._collect() if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _collect(self) -> dict[str, str]:
        return {name: self.query_one(f"#meta-{name}", Input).value.strip() for name in FIELDS}
