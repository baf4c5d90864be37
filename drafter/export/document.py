"""A plan as a 公文 .docx: title, 主送机关, preamble, numbered sections, 附件说明, 署名 and 成文日期,
and the 重点任务分工表 as an attachment when the plan names responsible units."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from drafter.export.gongwen import GongwenPage, standard_date
from drafter.export.layout import heading_role
from drafter.export.task_table import TASK_TABLE_TITLE, add_task_table, has_responsibilities
from drafter.model import Document, Section


def write_gongwen(
    doc: Document,
    path: str | os.PathLike,
    *,
    addressee: str | None = None,
    attachments: Sequence[str] = (),
    task_table: bool = True,
) -> Path:
    """Write `doc` as a 公文 .docx at `path` (atomically) and return the path.

    `attachments` names attachments sent with the document (listed in the 附件说明); the
    分工表 built from the plan's tasks is added as the first attachment unless `task_table` is False.
    """
    page = build_gongwen(doc, addressee=addressee, attachments=attachments, task_table=task_table)
    return page.save(path)


def build_gongwen(
    doc: Document,
    *,
    addressee: str | None = None,
    attachments: Sequence[str] = (),
    task_table: bool = True,
) -> GongwenPage:
    page = GongwenPage()
    title = doc.title or doc.plan_title
    if title:
        page.add_title(title)
        page.blank_line()
    if addressee:
        page.add_addressee(addressee)
    for text in _paragraphs(doc.preamble):
        page.add("body", text)
    for section in doc.sections:
        add_section(page, section)
    with_table = task_table and has_responsibilities(doc)
    names = ([TASK_TABLE_TITLE] if with_table else []) + [a.strip() for a in attachments if a.strip()]
    page.add_attachment_note(names)
    page.add_signature(doc.issuer, standard_date(doc.date))
    if with_table:
        label = "附件" if len(names) == 1 else "附件1"
        page.start_attachment(label, TASK_TABLE_TITLE)
        add_task_table(page, doc)
    return page


def add_section(page: GongwenPage, section: Section) -> None:
    """A heading in its level's face, its body paragraphs, then its children, depth first."""
    for node in section.walk():
        page.add(heading_role(node.level), node.heading)
        for text in node.paragraphs:
            page.add("body", text.strip())


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]
