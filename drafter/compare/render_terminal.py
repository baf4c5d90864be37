"""`drafter diff A B` in a terminal: side by side with rich, long Chinese lines wrapped, each section
headed by its headings and similarity.

Unimportant differences (`~`) are dimmed, or shown as plain text with `hide_unimportant`.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from drafter.compare.model import Comparison, Op, ParagraphDiff, SectionDiff

STYLE_DELETE = "bold red strike"
STYLE_INSERT = "bold green underline"
STYLE_UNIMPORTANT = "dim italic"
STYLE_HEADER = "bold cyan"


def print_comparison(comparison: Comparison, console: Console | None = None, *, hide_unimportant: bool = False,
                     changes_only: bool = False) -> None:
    console = console or Console()
    console.print(_title(comparison))
    for section in comparison.sections:
        paragraphs = [p for p in section.paragraphs if not changes_only or p.status != "same"]
        if changes_only and not paragraphs and _heading_unchanged(section):
            continue
        console.print(render_section(section, paragraphs, hide_unimportant))


def _title(comparison: Comparison) -> Text:
    text = Text()
    text.append(f"A  {comparison.a_title or '—'}\n", style="bold")
    text.append(f"B  {comparison.b_title or '—'}\n", style="bold")
    text.append(f"相似度 similarity {comparison.similarity:.0%}", style=STYLE_HEADER)
    return text


def render_section(section: SectionDiff, paragraphs: list[ParagraphDiff], hide_unimportant: bool) -> Group:
    table = Table.grid(expand=True, padding=(0, 1))
    table.add_column(ratio=1)
    table.add_column(width=1)
    table.add_column(ratio=1)
    for para in paragraphs:
        left, right = paragraph_texts(para, hide_unimportant)
        table.add_row(left, Text(_gutter(para.status), style=_gutter_style(para.status)), right)
    return Group(Rule(section_header(section), style="cyan", align="left"), table)


def section_header(section: SectionDiff) -> Text:
    header = Text(style=STYLE_HEADER)
    if section.a is None:
        header.append(f"+ {section.b}  (新增 added)", style="bold green")
    elif section.b is None:
        header.append(f"- {section.a}  (删除 removed)", style="bold red")
    elif section.a == section.b:
        header.append(section.a or "（正文前）")
    else:
        header.append(f"{section.a or '（正文前）'}  ↔  {section.b or '（正文前）'}")
    header.append(f"  {section.similarity:.0%}", style="bold")
    if section.moved:
        header.append("  ↷ 位置移动 moved", style="magenta")
    return header


def paragraph_texts(para: ParagraphDiff, hide_unimportant: bool) -> tuple[Text, Text]:
    left, right = Text(overflow="fold"), Text(overflow="fold")
    if para.status == "moved":
        right.append(f"↷ 移自 moved from {para.moved_from or '—'}\n", style="magenta")
    for op in para.ops:
        _append_op(op, left, right, hide_unimportant)
    return left, right


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
    return {"same": " ", "changed": "≠", "added": "+", "removed": "-", "moved": "↷"}[status]


def _gutter_style(status: str) -> str:
    return {"changed": "yellow", "added": "green", "removed": "red", "moved": "magenta"}.get(status, "")


def _heading_unchanged(section: SectionDiff) -> bool:
    ops = section.heading_ops
    return section.a is not None and section.b is not None and all(op.tag in "=~" for op in ops)


def print_ranking(ranking, console: Console | None = None, *, show: int = 20) -> None:  # noqa: ANN001
    console = console or Console()
    table = Table(title=f"与草稿最相似的方案 plans most similar to: {ranking.draft_title or '—'}")
    for name, justify in (("#", "right"), ("id", "right"), ("地区 region", "left"), ("年 year", "left"),
                          ("相似度", "right"), ("复用段落 reused", "right"), ("标题 title", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    for rank, plan in enumerate(ranking.plans, start=1):
        table.add_row(str(rank), str(plan.id), plan.region or "—", plan.year or "—", f"{plan.similarity:.0%}",
                      str(plan.reused_paragraphs), plan.title or "—")
    console.print(table)
    if not ranking.reused:
        console.print("没有段落与语料中的方案近乎相同 (no draft paragraph appears nearly verbatim in the corpus)")
        return
    console.print(Rule("近乎原文复用的段落 paragraphs found nearly verbatim", align="left", style="cyan"))
    for reuse in ranking.reused[:show]:
        line = Text()
        line.append(_clip(reuse.paragraph, 60), style="bold")
        places = "，".join(f"{h.region or '—'} {h.year or ''} (id {h.id}, {h.similarity:.0%})"
                          for h in reuse.found_in)
        line.append(f"\n   ← {places}", style="green")
        console.print(line)
    if len(ranking.reused) > show:
        console.print(f"… {len(ranking.reused) - show} more (--json lists them all)", style="dim")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
