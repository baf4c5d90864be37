"""One document's text → a `Document`: metadata, the heading tree with bodies and kinds, and tasks."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.corpus import headings as H
from drafter.corpus.doctype import doc_type, is_template
from drafter.corpus.kinds import assign_kinds
from drafter.corpus.metadata import extract_metadata
from drafter.corpus.regions import region_note
from drafter.corpus.site_attributes import drop_site_attributes
from drafter.corpus.tasks import extract_tasks
from drafter.corpus.titlecut import clause_cut, title_end
from drafter.corpus.titles import TEMPLATE_DECOR
from drafter.corpus.toc import toc_lines
from drafter.model import Document, Section

# A plan title glued to its first heading (`…实施方案一、背景与意义`) ends with one of these.
_TITLE_TAILS = ("方案", "计划", "意见", "要点", "办法", "细则", "规划", "任务", "安排", "预案")
# A title this short, in a list, shows that the list's items are titles with a body after them.
_SHORT_TITLE = 16
_LONG_TITLE = 24


@dataclass
class Piece:
    """A run of a line: body text, or a heading with its inline body."""

    text: str  # body text, or the inline body of a heading
    marker: H.Marker | None = None
    title: str = ""
    stopped_at_period: bool = False  # the title ended at a `。` (dropped from title and body)


@dataclass
class _Tree:
    preamble: list[str] = field(default_factory=list)
    roots: list[Section] = field(default_factory=list)
    # id(section) → (title ended at a `。`, the body's first paragraph was on the heading's line)
    endings: dict[int, tuple[bool, bool]] = field(default_factory=dict)


def scan_line(line: str, seq: H.Sequence) -> list[Piece]:
    """Split one line into body text and the headings it holds, in order."""
    accepted: list[H.Marker] = []
    for mk in H.candidates(line):
        if accepted and mk.start < accepted[-1].end:
            continue
        if _accept(line, mk, accepted, seq):
            seq.accept(mk)
            accepted.append(mk)
    if not accepted:
        return [Piece(line)]
    flat = H.is_flat(line)
    pieces = [Piece(line[: accepted[0].start])] if accepted[0].start else []
    for i, mk in enumerate(accepted):
        nxt = accepted[i + 1].start if i + 1 < len(accepted) else None
        t_end, b_start = title_end(line, mk.end, nxt, flat)
        title = line[mk.end : t_end].strip(" \u3000·•")  # a bullet of the next line, flattened onto this one
        body = line[b_start : nxt if nxt is not None else len(line)] if b_start < (nxt or len(line)) else ""
        pieces.append(Piece(body.strip(" \u3000"), mk, title, b_start == t_end + 1))
    return pieces


def _accept(line: str, mk: H.Marker, accepted: list[H.Marker], seq: H.Sequence) -> bool:
    at_line_start = mk.start == 0 or not line[: mk.start].strip(" \u3000")
    if mk.loose:
        return at_line_start and seq.confirms(mk)
    if at_line_start:
        return len(mk.number) == 1 or seq.continues(mk)
    if H.may_start_here(line, mk.start):
        return seq.continues(mk)
    if accepted and H.is_glued_prefix(line[accepted[-1].end : mk.start]):
        prev = accepted[-1]
        deeper = mk.level > prev.level or mk.level == prev.level and mk.style != prev.style and mk.number == (1,)
        # `1. 提高管理效率2. 优化组织结构3. …`: short items of one list run together on a line.
        next_item = mk.level == prev.level and mk.style == prev.style and mk.number[0] == prev.number[0] + 1
        return (deeper or next_item) and seq.continues(mk)
    before = line[: mk.start].rstrip()
    # The first heading glued to the plan's title or its date line (`…实施方案一、`, `…年六月一、背景`).
    if seq.last or not seq.continues(mk):
        return False
    dated = mk.level == 1 and before.endswith(("年", "月", "日")) and len(before) < 60
    return TEMPLATE_DECOR.sub("", before).endswith(_TITLE_TAILS) or dated


def parse_document(
    text: str, title_hint: str | None = None, toc: set[int] | None = None, page_head: str = ""
) -> Document:
    """Outline one document (already cleaned and split off from its file); `toc`: its TOC lines
    when the caller found them already (`toc_lines` of its non-blank lines); `page_head`: the page
    chrome around its head (`reader.page_head`), read for metadata the document does not state."""
    doc = Document(text=text)
    preamble, sections = build_tree(text, toc)
    doc.preamble = "\n".join(preamble)
    doc.sections = sections
    extract_metadata(doc, title_hint, page_head)
    doc.preamble = drop_site_attributes(doc.preamble)  # after the metadata has read its fields
    doc.doc_type = doc_type(doc)
    doc.is_template = is_template(doc)
    doc.region_note = region_note(doc)
    assign_kinds(doc)
    extract_tasks(doc)
    return doc


def build_tree(text: str, toc: set[int] | None = None) -> tuple[list[str], list[Section]]:
    """Preamble paragraphs and the top-level sections, children nested by level."""
    decimal = H.is_decimal_outline(text)
    tree = _scan(text, decimal, toc)
    _drop_teaser_items(tree, decimal)
    _cut_glued_titles(tree.roots, tree)
    return tree.preamble, tree.roots


def _scan(text: str, decimal: bool, toc: set[int] | None) -> _Tree:
    seq = H.Sequence(decimal=decimal)
    tree = _Tree()
    stack: list[tuple[int, Section]] = []  # (nesting rank, section), outermost first
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if toc is None:
        toc = toc_lines(lines)
    for i, line in enumerate(lines):
        if i in toc:  # the outline printed before the plan: text, not headings
            _add_body(stack[-1][1] if stack else None, tree.preamble, line)
            continue
        for piece in scan_line(line, seq):
            if piece.marker is None:
                _add_body(stack[-1][1] if stack else None, tree.preamble, piece.text)
                continue
            section = Section(piece.marker.text.strip(" \u3000\t") + _space(piece.marker), piece.title,
                              piece.marker.level)
            tree.endings[id(section)] = (piece.stopped_at_period, bool(piece.text))
            rank = H.rank(piece.marker.level, piece.marker.style, seq.decimal)
            while stack and stack[-1][0] >= rank:
                stack.pop()
            (stack[-1][1].children if stack else tree.roots).append(section)
            stack.append((rank, section))
            _add_body(section, tree.preamble, piece.text)
    return tree


def _drop_teaser_items(tree: _Tree, decimal: bool) -> None:
    """Numbered items before a document's first `一、` are a page's teaser or a notice's list.

    Document-sharing pages put `1、下载文档前…。` disclaimers or quiz items above the text; they are
    not the plan's outline when the plan itself is numbered with `一、`. A decimal-numbered 预案 is
    left alone: its `1 总则` / `1.1 …` are the outline, whatever `(一)` comes inside them.
    """
    first_major = next((i for i, s in enumerate(tree.roots) if s.level <= 2), None)
    if decimal or not first_major or tree.roots[first_major].level != 1:
        return
    for section in tree.roots[:first_major]:
        tree.preamble.extend(section.full_text().split("\n"))
    del tree.roots[:first_major]


def _cut_glued_titles(siblings: list[Section], tree: _Tree) -> None:
    """In a list whose items have short titles, cut a long item where its title meets its body.

    `1.强化理论武装。把…` next to `2.提升党建质效持续加强机关党建工作,…。`: the list's own style shows
    that the second item's title is `提升党建质效`, though no punctuation says so.
    """
    short = [s for s in siblings if len(s.title) <= _SHORT_TITLE and (s.body or s.children)]
    for section in siblings:
        if short and len(section.title) > _LONG_TITLE and section not in short:
            _cut_at(section, clause_cut(section.title), tree)
        _cut_glued_titles(section.children, tree)


def _cut_at(section: Section, cut: int | None, tree: _Tree) -> None:
    if not cut:
        return
    rest = section.title[cut:]
    section.title = section.title[:cut]
    at_period, inline_body = tree.endings.get(id(section), (False, False))
    if at_period:
        rest += "。"
    if inline_body:
        section.body = rest + section.body
    else:
        section.body = f"{rest}\n{section.body}" if section.body else rest


def _space(mk: H.Marker) -> str:
    # Keep a space written after the marker (`1. 全面加强组织领导`), as the file has it.
    return " " if mk.text.endswith((" ", "\u3000", "\t")) else ""


def _add_body(section: Section | None, preamble: list[str], text: str) -> None:
    text = text.strip()
    if not text:
        return
    if section is None:
        preamble.append(text)
    else:
        section.body = f"{section.body}\n{text}" if section.body else text
