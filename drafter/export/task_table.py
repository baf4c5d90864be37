"""The 重点任务分工表: the plan's tasks with their responsible units, an attachment of the 公文."""

from __future__ import annotations

from drafter.export.gongwen import GongwenPage
from drafter.export.layout import TYPE_AREA_WIDTH
from drafter.export.printed import printed
from drafter.export.tables import table_element
from drafter.model import Document, Task


TASK_TABLE_TITLE = "重点任务分工表"
TASK_HEADER = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")
TASK_WIDTHS = (700, TYPE_AREA_WIDTH - 700 - 1700 - 1900 - 1300, 1700, 1900, 1300)


def responsible_tasks(doc: Document) -> list[Task]:
    return [t for t in doc.tasks() if t.lead or t.partners or t.deadline]


def has_responsibilities(doc: Document) -> bool:
    return bool(responsible_tasks(doc))


def add_task_table(page: GongwenPage, doc: Document) -> None:
    rows = [
        [str(n), *(printed(text) for text in
                   (task.text.strip(), task.lead or "", "、".join(task.partners), task.deadline or ""))]
        for n, task in enumerate(responsible_tasks(doc), 1)
    ]  # fmt: skip
    roles = ["cell_center", "cell", "cell", "cell", "cell_center"]
    page.append(table_element(TASK_WIDTHS, TASK_HEADER, rows, cell_roles=roles))
    page.add("blank")  # Word needs a paragraph between a table and the section properties
