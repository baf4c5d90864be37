"""A rich renderable that wraps styled Chinese text with 禁则 at whatever width it is given.

Every wrapped view of Chinese text (compare cells, previews, search hits, the plan reader) shows its
text through `WrappedText`, so none of them starts a line with `，` or ends one with `（`. The
breaking itself is `drafter.text.linebreak` (core, tested without Textual); this only applies it to a
rich `Text` so styles (diff marks, garbled spans, search matches) survive the wrap.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.widgets import Static

from drafter.text.linebreak import line_ranges


class WrappedText:
    """`Text` wrapped to the render width; newlines in it are paragraph breaks."""

    def __init__(self, text: Text | str, style: str = "") -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)

    @property
    def plain(self) -> str:
        return self.text.plain

    def lines(self, width: int) -> list[Text]:
        """The wrapped lines as styled Text."""
        out: list[Text] = []
        for paragraph in self.text.split("\n", allow_blank=True):
            ranges = line_ranges(paragraph.plain, width)
            out.extend(paragraph[start:end] for start, end in ranges)
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width):
            line.no_wrap = True
            line.overflow = "crop"
            line.end = "\n"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((line.cell_len for line in self.text.split("\n")), default=0)
        return Measurement(min(4, widest), widest)


class CutLines:
    """Styled lines, each cut to the render width with `…` (list rows: never wrapped, never silently cut)."""

    def __init__(self, *lines: Text) -> None:
        self.lines = lines

    @property
    def plain(self) -> str:
        return "\n".join(line.plain for line in self.lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for line in self.lines:
            shown = line.copy()
            if shown.cell_len > width:
                shown.truncate(max(1, width - 1))
                shown.rstrip()
                shown.append("…")
            shown.no_wrap = True
            shown.end = "\n"
            yield shown

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((line.cell_len for line in self.lines), default=0)
        return Measurement(min(4, widest), widest)


class Prose(Static):
    """A Static for Chinese prose (notes, dialog questions, help): wrapped with 禁则 at any width."""

    def __init__(self, content: object = "", **kwargs: object) -> None:
        super().__init__(_wrapped(content), markup=False, **kwargs)  # type: ignore[arg-type]

    def update(self, content: object = "", *, layout: bool = True) -> None:  # type: ignore[override]
        super().update(_wrapped(content), layout=layout)


class OneLine(Static):
    """A one-line Static (screen headings) cut with `…` at any width, never silently."""

    def __init__(self, content: object = "", **kwargs: object) -> None:
        super().__init__(_cut(content), markup=False, **kwargs)  # type: ignore[arg-type]

    def update(self, content: object = "", *, layout: bool = True) -> None:  # type: ignore[override]
        super().update(_cut(content), layout=layout)


def _wrapped(content: object) -> object:
    return WrappedText(content) if isinstance(content, (str, Text)) else content


def _cut(content: object) -> object:
    if isinstance(content, str):
        content = Text(content)
    return CutLines(*content.split("\n")) if isinstance(content, Text) else content
