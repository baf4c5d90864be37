"""`drafter diff A B --html report.html`: a self-contained side-by-side report (one file, CSS and
script inline) from the Jinja2 template `templates/report.html.j2`. A (left) is the reference, B
(right) the draft, as its heading says; `n` / `p` step through the comparison's changes."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from markupsafe import Markup, escape

from drafter.compare.describe import highlight_spans, named, relation_note, state_label
from drafter.compare.model import Comparison, Op, ParagraphDiff, SectionDiff
from drafter.messages import t

TEMPLATE = "report.html.j2"


@dataclass
class RowView:
    status: str
    left: Markup
    right: Markup
    note: str = ""
    anchor: str = ""  # id of a change's row, for change navigation
    shared: str = ""  # a related pair's shared key terms, in words


@dataclass
class SectionView:
    anchor: str
    header_left: Markup
    header_right: Markup
    similarity: float
    state: str  # same, changed, related, added, removed, moved
    rows: list[RowView] = field(default_factory=list)
    label: str = ""  # 新增 / 删除 / 位置移动 / 同题改写
    note: str = ""  # relation to a group over there, the draft text's source
    shared: str = ""
    change: str = ""  # id when the section as a whole is a change


def render_report(comparison: Comparison, *, hide_unimportant: bool = False) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from drafter.resources import templates_dir

    env = Environment(loader=FileSystemLoader(str(templates_dir())), autoescape=select_autoescape(["html", "j2"]))
    sections = _views(comparison)
    return env.get_template(TEMPLATE).render(
        comparison=comparison,
        sections=sections,
        changes=len(comparison.major_changes()),
        minor=len(comparison.change_list()) - len(comparison.major_changes()),
        hide_unimportant=hide_unimportant,
        generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
        t=t,
        side_a=t("compare.side_a", title=named(comparison.a_title)),
        side_b=t("compare.side_b", title=named(comparison.b_title)),
        position_template=t("compare.position", n="%N%", total="%T%"),
    )


def write_report(comparison: Comparison, path: str | os.PathLike, *, hide_unimportant: bool = False) -> Path:
    from drafter.atomic import write_atomically

    html = render_report(comparison, hide_unimportant=hide_unimportant).encode("utf-8")

    def produce(buffer: io.BytesIO) -> None:
        buffer.write(html)

    return write_atomically(path, produce)


def _views(comparison: Comparison) -> list[SectionView]:
    anchors = {(c.section, c.paragraph): f"c{n}" for n, c in enumerate(comparison.major_changes())}
    views = []
    for n, section in enumerate(comparison.sections):
        view = SectionView(f"s{n}", *_headers(section), section.similarity, section.status,
                           label=state_label(section) or "", note=_section_note(section),
                           shared="、".join(section.shared_terms), change=anchors.get((n, None), ""))
        for k, para in enumerate(section.paragraphs):
            left, right = paragraph_html(para)
            note = "↷ " + t("compare.moved_from", where=para.moved_from) if para.moved_from else ""
            view.rows.append(RowView(para.status, left, right, note, anchors.get((n, k), ""),
                                     "、".join(para.shared_terms)))
        views.append(view)
    return views


def _section_note(section: SectionDiff) -> str:
    parts = [relation_note(section) or "", t("compare.source", source=section.source) if section.source else ""]
    return "　".join(p for p in parts if p)


def paragraph_html(para: ParagraphDiff) -> tuple[Markup, Markup]:
    if para.status == "related":
        return _marked(para.a or "", para.shared_terms), _marked(para.b or "", para.shared_terms)
    return ops_html(para.ops)


def _marked(text: str, terms: list[str]) -> Markup:
    """The text with its shared key terms in <mark>."""
    out, at = [], 0
    for s, e in highlight_spans(text, terms):
        out += [escape(text[at:s]), Markup("<mark>{}</mark>").format(text[s:e])]
        at = e
    out.append(escape(text[at:]))
    return Markup("").join(out)


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
