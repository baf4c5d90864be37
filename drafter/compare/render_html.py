"""`drafter diff A B --html report.html`: a self-contained side-by-side report (one file, CSS and
script inline) from the Jinja2 template `templates/report.html.j2`."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from markupsafe import Markup, escape

from drafter.compare.model import Comparison, Op, ParagraphDiff, SectionDiff

TEMPLATE = "report.html.j2"


@dataclass
class RowView:
    status: str
    left: Markup
    right: Markup
    note: str = ""
    anchor: str = ""  # id of a changed row, for change navigation


@dataclass
class SectionView:
    anchor: str
    header_left: Markup
    header_right: Markup
    similarity: float
    state: str  # same, changed, added, removed, moved
    rows: list[RowView] = field(default_factory=list)


def render_report(comparison: Comparison, *, hide_unimportant: bool = False) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from drafter.resources import templates_dir

    env = Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=select_autoescape(["html", "j2"]))
    sections, changes = _views(comparison)
    return env.get_template(TEMPLATE).render(
        comparison=comparison,
        sections=sections,
        changes=changes,
        hide_unimportant=hide_unimportant,
        generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
    )


def write_report(comparison: Comparison, path: str | os.PathLike, *, hide_unimportant: bool = False) -> Path:
    from drafter.atomic import write_atomically

    html = render_report(comparison, hide_unimportant=hide_unimportant).encode("utf-8")

    def produce(buffer: io.BytesIO) -> None:
        buffer.write(html)

    return write_atomically(path, produce)


def _views(comparison: Comparison) -> tuple[list[SectionView], int]:
    views, changes = [], 0
    for n, section in enumerate(comparison.sections):
        view = SectionView(f"s{n}", *_headers(section), section.similarity, _section_state(section))
        for para in section.paragraphs:
            left, right = ops_html(para.ops)
            row = RowView(para.status, left, right, _note(para))
            if para.status != "same":
                row.anchor = f"c{changes}"
                changes += 1
            view.rows.append(row)
        views.append(view)
    return views, changes


def ops_html(ops: list[Op]) -> tuple[Markup, Markup]:
    """Each side's text with its changes wrapped: <del>, <ins>, <span class="u"> for `~`."""
    left, right = [], []
    for op in ops:
        if op.tag == "=":
            left.append(escape(op.a))
            right.append(escape(op.b))
        elif op.tag == "-":
            left.append(Markup("<del>{}</del>").format(op.a))
        elif op.tag == "+":
            right.append(Markup("<ins>{}</ins>").format(op.b))
        else:
            left.append(Markup('<span class="u" title="{}">{}</span>').format(f"~ {op.b}", op.a))
            right.append(Markup('<span class="u" title="{}">{}</span>').format(f"~ {op.a}", op.b))
    return Markup("").join(left), Markup("").join(right)


def _headers(section: SectionDiff) -> tuple[Markup, Markup]:
    ops = section.heading_ops
    if ops:
        return ops_html(ops)
    return escape(section.a or ""), escape(section.b or "")


def _section_state(section: SectionDiff) -> str:
    if section.a is None:
        return "added"
    if section.b is None:
        return "removed"
    if section.moved:
        return "moved"
    changed = any(p.status != "same" for p in section.paragraphs)
    heading_changed = any(op.tag in "+-" for op in section.heading_ops)
    return "changed" if changed or heading_changed else "same"


def _note(para: ParagraphDiff) -> str:
    if para.status == "moved":
        return f"↷ 移自 moved from {para.moved_from or '—'}"
    return ""
