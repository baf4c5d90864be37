"""Edit a draft's metadata (region, province, title, issuer, date); returns the new values or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

FIELDS = (("region", "地区"), ("province", "省份"), ("title", "标题"), ("issuer", "发文机关"), ("date", "日期"))
HINTS = {
    "region": "e.g. 运城市",
    "province": "e.g. 山西省 (found from the region when known)",
    "title": "default: <地区>深化医药卫生体制改革实施方案",
    "issuer": "default: <地区>人民政府",
    "date": "YYYY-MM-DD (default: today)",
}


class MetadataDialog(ModalScreen[dict[str, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="metadata.cancel")]

    def __init__(self, values: dict[str, str], heading: str = "草稿信息 · draft metadata") -> None:
        super().__init__()
        self.values = values
        self.heading = heading

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            for name, label in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(self.values.get(name, "") or "", placeholder=HINTS[name], id=f"meta-{name}")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self) -> None:
        self.dismiss(self._collect())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self._collect() if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _collect(self) -> dict[str, str]:
        return {name: self.query_one(f"#meta-{name}", Input).value.strip() for name, _ in FIELDS}
