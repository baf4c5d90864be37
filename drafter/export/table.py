"""The 修改对照表 drafting offices circulate: reference | draft | 说明, one row per changed passage."""

from __future__ import annotations

import os
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from drafter.compare.model import Comparison, Op, SectionDiff
from drafter.export.changes import is_unimportant, paragraph_ops, text_ops
from drafter.export.docx_fonts import el
from drafter.export.gongwen import GongwenPage
from drafter.export.layout import TYPE_AREA_WIDTH
from drafter.export.paragraphs import run
from drafter.export.tables import table_element

CHANGE_TABLE_TITLE = "修改对照表"
CHANGE_HEADER = ("参考文本", "本稿", "说明")
CHANGE_WIDTHS = (3300, 3300, TYPE_AREA_WIDTH - 6600)


# -- 修改对照表 ----------------------------------------------------------------------------------
def write_change_table(comparison: Comparison, path: str | os.PathLike) -> Path:
    """Write the 修改对照表 of `comparison` at `path` (atomically) and return the path."""
    return build_change_table(comparison).save(path)


def build_change_table(comparison: Comparison) -> GongwenPage:
    page = GongwenPage()
    page.add_title(CHANGE_TABLE_TITLE)
    page.blank_line()
    page.add("body", f"参考文本:{_named(comparison.a_title)};本稿:{_named(comparison.b_title)}。")
    rows = change_rows(comparison)
    if not rows:
        page.add("body", "两稿文字相同,没有修改。")
        return page
    page.append(table_element(CHANGE_WIDTHS, CHANGE_HEADER, rows))
    page.add("blank")
    return page


def change_rows(comparison: Comparison) -> list[list]:
    """One row per changed passage: [A side runs, B side runs, 说明 text]."""
    rows: list[list] = []
    for section in comparison.sections:
        where = section.b or section.a or "正文前部分"
        if (section.a or "") != (section.b or ""):
            rows.append(_row(text_ops(section.a, section.b), _heading_note(section)))
        for diff in section.paragraphs:
            if diff.status == "same":
                continue
            ops = paragraph_ops(diff)
            if all(op.tag == "=" for op in ops) and diff.status != "moved":
                continue
            rows.append(_row(ops, f"{where}:{_paragraph_note(diff.status, ops)}"))
    return rows


def _row(ops: list[Op], note: str) -> list:
    a_runs, b_runs = [], []
    for op in ops:
        if op.tag in ("=", "~"):
            a_runs.append(run(op.a, "cell"))
            b_runs.append(run(op.b, "cell"))
        elif op.tag == "-":
            a_runs.append(_marked(run(op.a, "cell"), "w:strike"))
        else:
            b_runs.append(_marked(run(op.b, "cell"), "w:u"))
    return [a_runs or "", b_runs or "", note]


def _heading_note(section: SectionDiff) -> str:
    if not section.a:
        return "新增章节"
    if not section.b:
        return "删除章节"
    return "修改标题"


def _paragraph_note(status: str, ops: list[Op]) -> str:
    if status == "added":
        return "新增"
    if status == "removed":
        return "删除"
    if status == "moved":
        both_sides = any(op.tag != "+" for op in ops) and any(op.tag != "-" for op in ops)
        return "调整位置" + ("并修改" if both_sides and any(op.tag in "+-" for op in ops) else "")
    if is_unimportant(ops):
        return "标点、全半角等格式性修改"
    return "修改"


def _marked(r: etree._Element, mark: str) -> etree._Element:
    """Bold plus strike-through (deleted) or underline (inserted), in rPr schema order."""
    rpr = r.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    fonts.addnext(el("w:b"))
    if mark == "w:strike":
        rpr.find(qn("w:b")).addnext(el("w:strike"))
    else:
        rpr.find(qn("w:szCs")).addnext(el("w:u", {"w:val": "single"}))
    return r


def _named(title: str | None) -> str:
    return f"《{title}》" if title else "(未命名)"
