"""The footer: every key the screen offers right now (the focused widget's, the screen's, the app's
F-keys), wrapped onto a second (and, on the busiest screens at 80 columns, a third) line when the
terminal is narrow — so the F-keys, Ctrl+S and Ctrl+Q are always there, never scrolled out of
sight. A click on a key presses it.

It reads `screen.active_bindings` exactly as Textual's own Footer does, so what it lists is what the
keys do (the app's F-keys are priority bindings, so they stay listed while the editor has focus).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.text import Text
from textual.widgets import Static

MAX_LINES = 3


@dataclass(frozen=True)
class ShownKey:
    key: str  # the key as bound ("f2", "ctrl+s")
    display: str  # as shown ("f2", "^s")
    description: str
    action: str
    enabled: bool


class KeyLine:
    """The keys laid out in whole items, as many lines as they need (up to MAX_LINES)."""

    def __init__(self, keys: list[ShownKey]) -> None:
        self.keys = keys

    def items(self) -> list[Text]:
        out = []
        for shown in self.keys:
            item = Text()
            click = Style(meta={"@click": f"app.simulate_key({shown.key!r})"})
            key_style = "bold" if shown.enabled else "dim"
            item.append(f" {shown.display} ", style=Style.parse(key_style) + click)
            item.append(shown.description, style=Style.parse("" if shown.enabled else "dim") + click)
            out.append(item)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines: list[Text] = [Text()]
        for item in self.items():
            line = lines[-1]
            if line.cell_len and line.cell_len + 1 + item.cell_len > width:
                if len(lines) == MAX_LINES:
                    line.append(" …")
                    break
                lines.append(Text())
                line = lines[-1]
            if line.cell_len:
                line.append(" ")
            line.append_text(item)
        for line in lines:
            line.no_wrap = True
            line.end = "\n"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; max-height: 3; background: $footer-background; color: $footer-foreground; }
    """

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self.shown: list[ShownKey] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.refresh_keys()

    def _bindings_changed(self, _screen: object) -> None:
        if self.is_attached:
            self.call_after_refresh(self.refresh_keys)

    def refresh_keys(self) -> None:
        """The keys to show now: each action once, in binding-chain order, the palette last."""
        if not self.is_attached or not self.screen.is_attached:  # its screen was closed meanwhile
            return
        app = self.app
        palette = None
        seen: set[str] = set()
        shown: list[ShownKey] = []
        active = list(self.screen.active_bindings.values())
        # the screen's own keys first, then the app's (F1…F6) in their order: a priority binding that
        # took over a widget's key (the editor's F6) would otherwise keep that key's place
        order = {b.id: i for i, b in enumerate(getattr(app, "BINDINGS", [])) if getattr(b, "id", None)}
        active.sort(key=lambda a: (a.node is app, order.get(a.binding.id, -1) if a.node is app else 0))
        for _node, binding, enabled, _tip in active:
            if binding.action in ("command_palette", "app.command_palette"):
                palette = ShownKey(binding.key, app.get_key_display(binding), binding.description,
                                   binding.action, enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            shown.append(ShownKey(binding.key, app.get_key_display(binding), binding.description,
                                  binding.action, enabled))
        if palette is not None:
            shown.append(palette)
        self.shown = shown
        self.update(KeyLine(shown))
