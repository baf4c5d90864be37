"""A draft or a plan as the 公文 the office sends (GB/T 9704-2012), in the standard's order:

    版头      red 发文机关标志, 发文字号 (签发人), red line                     masthead.py
    通知      title, 主送, text, 附件说明, 署名 and 成文日期, 附注            (first page)
    方案      on a new page: its 2号 title (or 附件N + title), preface, sections, its 附件说明
    附件      the 重点任务分工表 on a new page                                 task_table.py
    版记      抄送, 印发机关 and 印发日期 between lines, bottom of an even page imprint.py

Every text part goes through the punctuation normaliser (drafter.text.punctuation) and every
heading marker takes its GB form (`(一)` → `（一）`, `1、` → `1.`). A draft brings its own parts
(drafter.draft.parts); a corpus plan's are read from its text (`corpus_parts`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from drafter.draft.model import Draft
from drafter.draft.parts import GongwenParts
from drafter.export.corpus_parts import corpus_parts
from drafter.export.docx_package import DocProperties
from drafter.export.fit import first_page_lines_left, paragraph_lines, tail_lines
from drafter.export.gongwen import GongwenPage
from drafter.export.imprint import Imprint, add_imprint
from drafter.export.layout import LINE_PITCH, MIN_CLOSED_PITCH, heading_role
from drafter.export.masthead import Masthead, add_masthead
from drafter.export.printed import printed
from drafter.export.task_table import TASK_TABLE_TITLE, add_task_table, has_responsibilities
from drafter.model import Document, Section
from drafter.text.punctuation import normalize_marker


def write_gongwen(
    plan: Document | Draft,
    path: str | os.PathLike,
    *,
    addressee: str | None = None,
    attachments: Sequence[str] = (),
    task_table: bool = True,
    seal: bool = False,
    parts: GongwenParts | None = None,
) -> Path:
    """Write `plan` (a draft, or any plan Document) as a 公文 .docx at `path`, atomically.

    `attachments` names attachments sent with the plan (listed in its 附件说明); the 分工表 built
    from the plan's tasks comes first unless `task_table` is False. `seal` lays out the 署名 and
    成文日期 for a stamped document (§7.3.5.1). `parts` replaces the plan's own parts."""
    page = build_gongwen(plan, addressee=addressee, attachments=attachments, task_table=task_table,
                         seal=seal, parts=parts)  # fmt: skip
    return page.save(path)


def build_gongwen(
    plan: Document | Draft,
    *,
    addressee: str | None = None,
    attachments: Sequence[str] = (),
    task_table: bool = True,
    seal: bool = False,
    parts: GongwenParts | None = None,
) -> GongwenPage:
    doc, parts = _document_and_parts(plan, parts)
    if addressee:
        parts.addressee = addressee
    moved = _addressee_to_imprint(parts)
    with_table = task_table and has_responsibilities(doc)
    own = ([TASK_TABLE_TITLE] if with_table else []) + [a.strip() for a in [*parts.attachments, *attachments]
                                                        if a.strip()]  # fmt: skip
    page = GongwenPage(styled=True)
    page.properties = _properties(parts)
    if parts.mark:
        add_masthead(page, Masthead(*(_n(v) for v in (parts.mark, parts.doc_number, parts.signer,
                                                      parts.copy_no, parts.secrecy, parts.urgency))))  # fmt: skip
    as_attachment = parts.has_notice and parts.plan_as == "附件"
    labels = _labels(own, first_is_plan=as_attachment)
    if parts.has_notice:
        _add_notice(page, parts, [parts.plan_title, *own] if as_attachment else [], seal)
        if as_attachment:
            page.start_attachment(labels.pop(0), _n(parts.plan_title))
        else:
            page.add_title(_n(parts.plan_title), new_page=True)
            page.blank_line()
    else:
        page.add_title(_n(parts.plan_title or doc.title or doc.plan_title or ""))
        page.blank_line()
        if parts.addressee:
            page.add_addressee(_n(parts.addressee))
    _add_plan(page, doc, parts)
    if not as_attachment:
        page.add_attachment_note([_n(a) for a in own])
    if not parts.has_notice:
        page.add_signature(_n(parts.signature), _n(parts.date), seal=seal)
    if with_table:
        page.start_attachment(labels[0], TASK_TABLE_TITLE)
        add_task_table(page, doc)
    if parts.imprint and (parts.printer or parts.cc):
        add_imprint(page, Imprint(_n(parts.printer), _n(parts.print_date), _n(parts.cc), _n(moved)))
    return page


def _document_and_parts(plan: Document | Draft, parts: GongwenParts | None) -> tuple[Document, GongwenParts]:
    if isinstance(plan, Draft):
        from drafter.draft.io import draft_document
        from drafter.draft.parts import resolve

        return draft_document(plan), parts or resolve(plan)
    return plan, parts or corpus_parts(plan)


def _addressee_to_imprint(parts: GongwenParts) -> str:
    """§7.3.2: a 主送 so long that the first page would show no text moves to the 版记 (§7.4.2)."""
    if not (parts.has_notice and parts.imprint and parts.addressee):
        return ""
    marks = sum(1 for v in (parts.copy_no, parts.secrecy, parts.urgency) if v.strip())
    if first_page_lines_left(_n(parts.mark), marks, _n(parts.notice_title), _n(parts.addressee)) >= 2:
        return ""
    moved, parts.addressee = parts.addressee, ""
    return moved


def _add_notice(page: GongwenPage, parts: GongwenParts, attachment_names: list[str], seal: bool) -> None:
    """§7.3.1–7.3.6: title, 主送, text, 附件说明, 署名/成文日期 kept with the last lines, 附注."""
    if parts.notice_title:
        page.add_title(_n(parts.notice_title))
        page.blank_line()
    if parts.addressee:
        page.add_addressee(_n(parts.addressee))
    chain, pitch = _notice_fit(parts, len(attachment_names), seal)
    with page.closer_lines(pitch):
        added = [page.add("body", _n(text)) for text in parts.notice]
        if added and chain:
            page.keep_with_next(added[-1])
        page.add_attachment_note([_n(a) for a in attachment_names])
        page.add_signature(_n(parts.signature), _n(parts.date), seal=seal)
        if parts.note:
            page.keep_with_next(page.body[-2])  # the date stays with its 附注
            page.add_note(_n(parts.note))


def _notice_fit(parts: GongwenParts, attachments: int, seal: bool) -> tuple[bool, int | None]:
    """Whether the last notice paragraph may be kept with the 署名, and the line pitch that fits
    them on the first page. Keeping them together must never leave the first page without text
    (§7.3.3; LibreOffice moves a kept paragraph whole). When a line or two is missing, the lines
    are closed up (§7.3.5.5 allows adjusting 行距), down to 22 pt."""
    marks = sum(1 for v in (parts.copy_no, parts.secrecy, parts.urgency) if v.strip())
    left = first_page_lines_left(_n(parts.mark), marks, _n(parts.notice_title), _n(parts.addressee))
    lines = [paragraph_lines(_n(text)) for text in parts.notice]
    need = sum(lines) + tail_lines(attachments, seal, bool(parts.note))
    if need <= left - 1:  # a line to spare: the estimate is good to a line
        return True, None
    pitch = (left * LINE_PITCH - LINE_PITCH // 8) // need
    if pitch >= MIN_CLOSED_PITCH:
        return True, min(pitch, LINE_PITCH - 20)
    return len(lines) > 1 and lines[0] <= left, None


def _add_plan(page: GongwenPage, doc: Document, parts: GongwenParts) -> None:
    preface = parts.preface if parts.preface is not None else _lines(doc.preamble)
    for text in preface:
        page.add("body", _n(text))
    for section in doc.sections:
        add_section(page, section)


def add_section(page: GongwenPage, section: Section) -> None:
    """A heading in its level's face and GB marker, its body paragraphs, then its children."""
    for node in section.walk():
        page.add(heading_role(node.level), normalize_marker(node.marker) + _n(node.title))
        for text in node.paragraphs:
            page.add("body", _n(text.strip()))


def _labels(names: list[str], *, first_is_plan: bool) -> list[str]:
    """附件 labels (§7.3.7: the same numbers as the 附件说明): 附件 alone, or 附件1, 附件2 …"""
    count = len(names) + (1 if first_is_plan else 0)
    return ["附件"] if count == 1 else [f"附件{n}" for n in range(1, count + 1)]


def _properties(parts: GongwenParts) -> DocProperties:
    title = parts.notice_title or parts.plan_title
    issuer = parts.signature or parts.printer
    return DocProperties(title=_n(title), author=_n(issuer), subject=_n(parts.plan_title), company=_n(issuer))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


_n = printed
