"""`drafter diff A B` in a terminal: side by side with rich, long Chinese lines wrapped, each section
headed by its headings and similarity, each change numbered (`第 3/66 处` in the app and the report).

A (left) is the reference, B (right) the draft, as the heading says. Unimportant differences (`~`)
are dimmed, or shown as plain text with `hide_unimportant`. A related pair (same topic, rewritten)
shows both texts whole with their shared key terms highlighted.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from drafter.compare.describe import highlight_spans, named, relation_note, state_label
from drafter.compare.model import Comparison, Op, ParagraphDiff, SectionDiff
from drafter.messages import t

STYLE_DELETE = "bold red strike"
STYLE_INSERT = "bold green underline"
STYLE_UNIMPORTANT = "dim italic"
STYLE_HEADER = "bold cyan"
STYLE_SHARED = "bold yellow"
STYLE_NOTE = "magenta"


def print_comparison(comparison: Comparison, console: Console | None = None, *, hide_unimportant: bool = False,
                     changes_only: bool = False) -> None:
    console = console or Console()
    console.print(_title(comparison))
    numbers = _change_numbers(comparison)
    for s, section in enumerate(comparison.sections):
        paragraphs = [(k, p) for k, p in enumerate(section.paragraphs) if not changes_only or p.status != "same"]
        if changes_only and not paragraphs and (s, None) not in numbers:
            continue
        console.print(render_section(section, paragraphs, hide_unimportant, numbers, s))


def _title(comparison: Comparison) -> Text:
    text = Text()
    text.append(t("compare.side_a", title=named(comparison.a_title)) + "\n", style="bold")
    text.append(t("compare.side_b", title=named(comparison.b_title)) + "\n", style="bold")
    text.append(t("compare.direction") + "\n", style="dim")
    text.append(t("compare.similarity", pct=f"{comparison.similarity:.0%}"), style=STYLE_HEADER)
    major, minor = len(comparison.major_changes()), len(comparison.change_list()) - len(comparison.major_changes())
    count = t("compare.count_minor", n=major, minor=minor) if minor else t("compare.count", n=major)
    text.append("  " + count, style=STYLE_HEADER)
    return text


def _change_numbers(comparison: Comparison) -> dict[tuple[int, int | None], int]:
    """(section, paragraph or None) → the change's 1-based number among the major changes."""
    return {(c.section, c.paragraph): n for n, c in enumerate(comparison.major_changes(), start=1)}


def render_section(section: SectionDiff, paragraphs, hide_unimportant: bool,  # noqa: ANN001
                   numbers: dict | None = None, index: int = 0) -> Group:
    numbers = numbers or {}
    table = Table.grid(expand=True, padding=(0, 1))
    table.add_column(width=4, justify="right", style="dim")
    table.add_column(ratio=1)
    table.add_column(width=1)
    table.add_column(ratio=1)
    for k, para in (p if isinstance(p, tuple) else (None, p) for p in paragraphs):
        left, right = paragraph_texts(para, hide_unimportant)
        number = numbers.get((index, k))
        table.add_row(f"{number}" if number else "", left, Text(_gutter(para.status), style=_gutter_style(para.status)),
                      right)
    parts = [Rule(section_header(section, numbers.get((index, None))), style="cyan", align="left")]
    note = relation_note(section)
    if note or section.source:
        line = Text(note or "", style=STYLE_NOTE)
        if section.source:
            line.append(("  " if note else "") + t("compare.source", source=section.source), style="dim")
        parts.append(line)
    return Group(*parts, table)


def section_header(section: SectionDiff, number: int | None = None) -> Text:
    header = Text(style=STYLE_HEADER)
    if number:
        header.append(f"[{number}] ", style="bold")
    label = state_label(section)
    before = t("compare.before_first")
    if section.a is None:
        header.append(f"+ {section.b}  ({label})", style="bold green")
    elif section.b is None:
        header.append(f"- {section.a}  ({label})", style="bold red")
    elif section.a == section.b:
        header.append(section.a or before)
    else:
        header.append(f"{section.a or before}  ↔  {section.b or before}")
    header.append(f"  {section.similarity:.0%}", style="bold")
    if section.a is not None and section.b is not None and label:
        header.append(f"  {label}", style=STYLE_NOTE)
    if section.shared_terms:
        header.append("  " + t("compare.shared_terms", terms="、".join(section.shared_terms)), style=STYLE_SHARED)
    return header


def paragraph_texts(para: ParagraphDiff, hide_unimportant: bool) -> tuple[Text, Text]:
    left, right = Text(overflow="fold"), Text(overflow="fold")
    if para.moved_from:
        right.append("↷ " + t("compare.moved_from", where=para.moved_from) + "\n", style=STYLE_NOTE)
    if para.status == "related":
        _append_shared(left, para.a or "", para.shared_terms)
        _append_shared(right, para.b or "", para.shared_terms)
        right.append("\n" + t("compare.shared_terms", terms="、".join(para.shared_terms)), style="dim")
        return left, right
    for op in para.ops:
        _append_op(op, left, right, hide_unimportant)
    return left, right


def _append_shared(text: Text, content: str, terms: list[str]) -> None:
    start = len(text)
    text.append(content)
    for s, e in highlight_spans(content, terms):
        text.stylize(STYLE_SHARED, start + s, start + e)


def _append_op(op: Op, left: Text, right: Text, hide_unimportant: bool) -> None:
    if op.tag == "=":
        left.append(op.a)
        right.append(op.b)
    elif op.tag == "-":
        left.append(op.a, style=STYLE_DELETE)
    elif op.tag == "+":
        right.append(op.b, style=STYLE_INSERT)
    else:
        style = "" if hide_unimportant else STYLE_UNIMPORTANT
        left.append(op.a, style=style)
        right.append(op.b, style=style)


def _gutter(status: str) -> str:
    return {"same": " ", "changed": "≠", "related": "≈", "added": "+", "removed": "-", "moved": "↷"}.get(status, "?")


def _gutter_style(status: str) -> str:
    return {"changed": "yellow", "related": "cyan", "added": "green", "removed": "red", "moved": "magenta"}.get(status, "")
