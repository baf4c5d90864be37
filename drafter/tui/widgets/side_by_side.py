"""A comparison side by side: one scroll container of rows (A | B), so both sides scroll together.

Each paragraph is one row whose two cells wrap (a Chinese paragraph is one long line; it must never
scroll sideways). Inserts, deletes, moves and unimportant differences each have their own style.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from drafter.messages import t
from drafter.tui.widgets.garbled import mark_garbled
from drafter.tui.widgets.wrapped_text import WrappedText

if TYPE_CHECKING:  # the compare package loads only when a comparison is made
    from drafter.compare.model import Comparison, ParagraphDiff, SectionDiff

STYLES = {
    "-": "bold red strike",
    "+": "bold green underline",
    "~": "dim italic",
}
STATUS_MARK = {"same": " ", "changed": "≠", "added": "+", "removed": "−", "moved": "↕"}


def side_text(paragraph: ParagraphDiff, side: str, show_unimportant: bool) -> Text:
    """One side of a paragraph with its edits styled; `side` is "a" or "b"."""
    text = Text()
    own = "-" if side == "a" else "+"  # the other side's edits leave nothing on this side
    for op in paragraph.ops:
        if op.tag == "=":
            text.append(op.a)
        elif op.tag == own:
            text.append(op.a if side == "a" else op.b, style=STYLES[own])
        elif op.tag == "~":
            text.append(op.a if side == "a" else op.b, style=STYLES["~"] if show_unimportant else "")
    if not paragraph.ops:
        text.append((paragraph.a if side == "a" else paragraph.b) or "")
    return mark_garbled(text) if side == "a" else text  # the reference is corpus text


def is_change(paragraph: ParagraphDiff, show_unimportant: bool) -> bool:
    if paragraph.status != "same":
        return True
    return show_unimportant and any(op.tag == "~" for op in paragraph.ops)


class ParagraphRow(Horizontal):
    """Side A | side B of one paragraph."""

    def __init__(self, paragraph: ParagraphDiff, show_unimportant: bool) -> None:
        super().__init__(classes=f"diff-row -{paragraph.status}")
        self.paragraph = paragraph
        self.show_unimportant = show_unimportant

    def compose(self) -> ComposeResult:
        mark = STATUS_MARK.get(self.paragraph.status, "?")
        yield Static(mark, classes="diff-mark")
        for side in ("a", "b"):
            present = getattr(self.paragraph, side) is not None
            content = side_text(self.paragraph, side, self.show_unimportant) if present else Text("")
            yield Static(WrappedText(content), classes=f"diff-cell -{side}")


def section_header(section: SectionDiff) -> Static:
    none = t("tui.compare_none")
    a = section.a or none
    b = section.b or none
    kind = f"[{section.kind}] " if section.kind else ""
    label = Text(t("tui.compare_section", kind=kind, a=a, b=b, similarity=f"{section.similarity:.0%}"), style="bold")
    return Static(WrappedText(label), classes="diff-section")


class SideBySide(VerticalScroll):
    """Shows a Comparison; `next_change`/`previous_change` walk the changed rows."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.change_rows: list[ParagraphRow] = []
        self.current = -1

    def show(self, comparison: Comparison, show_unimportant: bool = True) -> None:
        self.remove_children()
        self.change_rows = []
        self.current = -1
        widgets: list[Widget] = []
        for section in comparison.sections:
            widgets.append(section_header(section))
            for paragraph in section.paragraphs:
                row = ParagraphRow(paragraph, show_unimportant)
                widgets.append(row)
                if is_change(paragraph, show_unimportant):
                    self.change_rows.append(row)
        self.mount_all(widgets)
        self.scroll_home(animate=False)

    def next_change(self, step: int = 1) -> ParagraphRow | None:
        if not self.change_rows:
            return None
        if 0 <= self.current < len(self.change_rows):
            self.change_rows[self.current].remove_class("-current")
        self.current = (self.current + step) % len(self.change_rows)
        row = self.change_rows[self.current]
        row.add_class("-current")
        self.scroll_to_widget(row, animate=False, top=True)
        return row
