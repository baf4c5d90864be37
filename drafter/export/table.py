"""The 修改对照表 as drafting offices circulate it: landscape A4, 序号 | 原文 | 修改后 | 修改说明.

One row per change of the comparison (`Comparison.changes`, the list the terminal, the report and
the app step through), in the draft's order: deleted words struck through in 原文, new words
underlined in 修改后, and the 修改说明 saying what happened — 新增 / 删除 / 修改 / 改写 / 调整位置
(from where to where) / 合并 / 拆分 / 调整层级 — and, for draft text taken from a library variant, its
source (参照哈尔滨市方案（哈政办规〔2017〕28号）). Changes of punctuation, width, spacing or numerals
only are collected into one last row. The title names both documents; rows may break across pages
and cells are set from the top, so long passages do not leave half-empty pages.
"""

from __future__ import annotations

import os
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from drafter.compare.describe import change_note, named, where
from drafter.compare.model import Change, Comparison, Op, ParagraphDiff, SectionDiff
from drafter.export.changes import paragraph_ops, text_ops
from drafter.export.docx_fonts import el
from drafter.export.gongwen import GongwenPage
from drafter.export.layout import MARGIN_LEFT, MARGIN_RIGHT, PAGE_HEIGHT
from drafter.export.paragraphs import run
from drafter.export.tables import table_element
from drafter.messages import t

LANDSCAPE_WIDTH = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT  # the type area across a landscape page
NUMBER_WIDTH, NOTE_WIDTH = 800, 2900
TEXT_WIDTH = (LANDSCAPE_WIDTH - NUMBER_WIDTH - NOTE_WIDTH) // 2
CHANGE_WIDTHS = (NUMBER_WIDTH, TEXT_WIDTH, TEXT_WIDTH, LANDSCAPE_WIDTH - NUMBER_WIDTH - 2 * TEXT_WIDTH)
CONTEXT = 8  # characters either side of a punctuation-only difference in the last row


def change_header() -> tuple[str, str, str, str]:
    return (t("compare.table_header_no"), t("compare.table_header_a"), t("compare.table_header_b"),
            t("compare.table_header_note"))


def write_change_table(comparison: Comparison, path: str | os.PathLike) -> Path:
    """Write the 修改对照表 of `comparison` at `path` (atomically) and return the path."""
    return build_change_table(comparison).save(path)


def build_change_table(comparison: Comparison) -> GongwenPage:
    page = GongwenPage(landscape=True)
    page.add_title(t("compare.table_title", a=named(comparison.a_title), b=named(comparison.b_title)))
    page.add("body", t("compare.table_sides", a=named(comparison.a_title), b=named(comparison.b_title)))
    rows = change_rows(comparison)
    if not rows:
        page.add("body", t("compare.table_no_changes"))
        return page
    roles = ["cell_center", "cell", "cell", "cell"]
    page.append(table_element(CHANGE_WIDTHS, change_header(), rows, cell_roles=roles, split_rows=True, valign="top"))
    page.append(end_paragraph())
    return page


def end_paragraph() -> etree._Element:
    """The paragraph Word needs after a table, one point high: a full line there can push a page of
    its own when the table ends at the bottom of a page."""
    spacing = el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": 20, "w:lineRule": "exact"})
    rpr = el("w:rPr", None, el("w:sz", {"w:val": 2}), el("w:szCs", {"w:val": 2}))
    return el("w:p", None, el("w:pPr", None, el("w:snapToGrid", {"w:val": 0}), spacing, rpr))


def change_rows(comparison: Comparison) -> list[list]:
    """[序号, 原文, 修改后, 修改说明] for every change; the punctuation-only ones in one last row."""
    rows = []
    for number, change in enumerate(comparison.major_changes(), start=1):
        a_cell, b_cell = _cells(comparison, change)
        rows.append([str(number), a_cell, b_cell, change_note(comparison, change)])
    minor = [c for c in comparison.change_list() if c.minor]
    if minor:
        rows.append(_format_row(comparison, minor, len(rows) + 1))
    return rows


def _cells(comparison: Comparison, change: Change) -> tuple[list, list]:
    section = comparison.sections[change.section]
    if change.paragraph is not None:
        para = section.paragraphs[change.paragraph]
        if para.status == "related":
            return [[run(para.a or "", "cell")]], [[run(para.b or "", "cell")]]
        return _sides(paragraph_ops(para))
    if change.kind == "title":
        return _sides(comparison.title_ops or text_ops(comparison.a_title, comparison.b_title))
    if change.kind in ("added", "removed", "merged", "split", "umbrella"):
        return _whole_section(section)
    return _sides(section.heading_ops or text_ops(section.a, section.b))


def _whole_section(section: SectionDiff) -> tuple[list, list]:
    """A section new or gone as a whole: its heading and the paragraphs that went (or came) with it."""
    side = "b" if section.a is None else "a"
    heading = section.b if side == "b" else section.a
    own = [p for p in section.paragraphs if p.status == ("added" if side == "b" else "removed")]
    lines = ([heading] if heading else []) + [(p.b if side == "b" else p.a) or "" for p in own]
    mark = "w:u" if side == "b" else "w:strike"
    cell = [[_marked(run(line, "cell"), mark)] for line in lines] or ""
    return ("", cell) if side == "b" else (cell, "")


def _sides(ops: list[Op]) -> tuple[list, list]:
    a_runs, b_runs = [], []
    for op in ops:
        if op.tag in ("=", "~"):
            if op.a:
                a_runs.append(run(op.a, "cell"))
            if op.b:
                b_runs.append(run(op.b, "cell"))
        elif op.tag == "-":
            a_runs.append(_marked(run(op.a, "cell"), "w:strike"))
        else:
            b_runs.append(_marked(run(op.b, "cell"), "w:u"))
    return a_runs or "", b_runs or ""


def _format_row(comparison: Comparison, minor: list[Change], number: int) -> list:
    a_lines, b_lines, places = [], [], []
    for change in minor:
        para = comparison.sections[change.section].paragraphs[change.paragraph]
        a_runs, b_runs = _excerpts(para)
        a_lines.append(a_runs)
        b_lines.append(b_runs)
        places.append(where(change.path))
    note = t("compare.note_format", n=len(minor), where="；".join(dict.fromkeys(places)))
    return [str(number), a_lines, b_lines, note]


def _excerpts(para: ParagraphDiff) -> tuple[list, list]:
    """The unimportant differences of a paragraph with a little context, the differing parts bold."""
    a_runs: list = []
    b_runs: list = []
    ops = para.ops
    for i, op in enumerate(ops):
        if op.tag == "~":
            a_runs.append(_bold(run(op.a, "cell")))
            b_runs.append(_bold(run(op.b, "cell")))
        elif op.tag == "=":
            before = i + 1 < len(ops) and ops[i + 1].tag == "~"
            after = i > 0 and ops[i - 1].tag == "~"
            text = _context(op.a, keep_start=after, keep_end=before)
            if text:
                a_runs.append(run(text, "cell"))
                b_runs.append(run(text, "cell"))
    return a_runs, b_runs


def _context(text: str, *, keep_start: bool, keep_end: bool) -> str:
    if len(text) <= 2 * CONTEXT:
        return text if keep_start or keep_end else ""
    head = text[:CONTEXT] if keep_start else ""
    tail = text[-CONTEXT:] if keep_end else ""
    return f"{head}……{tail}" if head and tail else (f"{head}……" if head else (f"……{tail}" if tail else ""))


def _marked(r: etree._Element, mark: str) -> etree._Element:
    """Bold plus strike-through (deleted) or underline (inserted), in rPr schema order."""
    _bold(r)
    rpr = r.find(qn("w:rPr"))
    if mark == "w:strike":
        rpr.find(qn("w:b")).addnext(el("w:strike"))
    else:
        rpr.find(qn("w:szCs")).addnext(el("w:u", {"w:val": "single"}))
    return r


def _bold(r: etree._Element) -> etree._Element:
    rpr = r.find(qn("w:rPr"))
    if rpr.find(qn("w:b")) is None:
        rpr.find(qn("w:rFonts")).addnext(el("w:b"))
    return r
