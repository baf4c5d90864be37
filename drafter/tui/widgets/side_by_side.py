"""A comparison side by side: one scroll container of rows (A | B), so both sides scroll together.

A is the reference (参照文本), B the draft (本稿), as in the Comparison model. Each paragraph is one
row whose two cells wrap (a Chinese paragraph is one long line; it must never scroll sideways).
Inserts, deletes, moves and unimportant differences each have their own style; a related pair (same
topic, rewritten) is marked ≈ and the key terms both sides share are highlighted on both.

The rows follow the model's change list (`Comparison.change_list()`): `widget_for(change)` is the
row of a paragraph change, or the section's header for a change of a section as a whole.
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
    from drafter.compare.model import Change, Comparison, ParagraphDiff, SectionDiff

STYLES = {
    "-": "bold red strike",
    "+": "bold green underline",
    "~": "dim italic",
}
SHARED_STYLE = "bold yellow"  # a related pair: the key terms both sides use
STATUS_MARK = {"same": " ", "changed": "≠", "added": "+", "removed": "−", "moved": "↕", "related": "≈"}


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
    mark_shared(text, paragraph.shared_terms)
    return mark_garbled(text) if side == "a" else text  # the reference is corpus text


def mark_shared(text: Text, terms: list[str]) -> Text:
    """Highlight the key terms both sides share (the model's own spans), in place."""
    from drafter.compare.describe import highlight_spans

    for start, end in highlight_spans(text.plain, terms):
        text.stylize(SHARED_STYLE, start, end)
    return text


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


def section_label(section: SectionDiff) -> Text:
    """`≈ [重点任务] （三）…  ⇄  1.…   相似度 41%`, and for a related pair the terms both use."""
    none = t("tui.compare_none")
    kind = f"[{section.kind}] " if section.kind else ""
    mark = STATUS_MARK.get(section.status, "")
    head = t("tui.compare_section", kind=kind, a=section.a or none, b=section.b or none,
             similarity=f"{section.similarity:.0%}")
    label = Text(f"{mark} {head}".strip(), style="bold")
    from drafter.compare.describe import relation_note

    note = relation_note(section)
    if note:
        label.append(f"  （{note}）", style="italic")
    if section.shared_terms:
        label.append("  " + t("tui_compare.shared_terms") + " ", style="dim")
        label.append("、".join(section.shared_terms), style=SHARED_STYLE)
    return label


class SectionHeader(Static):
    def __init__(self, section: SectionDiff) -> None:
        super().__init__(WrappedText(section_label(section)), classes=f"diff-section -{section.status}")
        self.section = section


class SideBySide(VerticalScroll):
    """Shows a Comparison; `go_to(change)` scrolls to a change and marks it current."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.headers: list[SectionHeader] = []
        self.rows: dict[tuple[int, int], ParagraphRow] = {}
        self.current_widget: Widget | None = None

    def show(self, comparison: Comparison, show_unimportant: bool = True) -> None:
        self.remove_children()
        self.headers, self.rows, self.current_widget = [], {}, None
        widgets: list[Widget] = []
        for s, section in enumerate(comparison.sections):
            header = SectionHeader(section)
            self.headers.append(header)
            widgets.append(header)
            for p, paragraph in enumerate(section.paragraphs):
                row = ParagraphRow(paragraph, show_unimportant)
                self.rows[(s, p)] = row
                widgets.append(row)
        self.mount_all(widgets)
        self.scroll_home(animate=False)

    def widget_for(self, change: Change) -> Widget | None:
        if change.paragraph is None:
            return self.headers[change.section] if change.section < len(self.headers) else None
        return self.rows.get((change.section, change.paragraph))

    def go_to(self, change: Change) -> Widget | None:
        widget = self.widget_for(change)
        if self.current_widget is not None:
            self.current_widget.remove_class("-current")
        self.current_widget = widget
        if widget is not None:
            widget.add_class("-current")
            self.scroll_to_widget(widget, animate=False, top=True)
        return widget
