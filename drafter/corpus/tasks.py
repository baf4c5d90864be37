"""Task responsibilities: who leads, who cooperates, and by when.

The forms plans use, all in a bracketed note after the task:
`(牵头部门:市医保局;配合部门:市卫生健康委、市财政局等)`,
`(责任单位:卫生健康委、发展改革委、财政,排第一位为牵头单位,下同)`,
`(市卫生健康委、市发展改革委等按职责分工负责,各县区落实)`, `(市卫计委负责)`,
`(市卫计委、市教育局共同牵头负责)`, with deadlines such as `2017年年底前` or `完成时限:…`.
"""

from __future__ import annotations

import re

from drafter.model import Document, Section, Task
from drafter.text import lazy_re

_NOTE = lazy_re.compile(r"[(（]([^()（）]{2,300})[)）]")
_RESPONSIBLE = lazy_re.compile(r"牵头|负责|责任单位|责任部门|配合部门|配合单位")
_LEAD = lazy_re.compile(r"牵头(?:部门|单位)\s*[:：]\s*([^;；)）]+)")
_PARTNERS = lazy_re.compile(r"(?:配合|参与|协同|协办)(?:部门|单位)\s*[:：]\s*([^;；)）]+)")
_RESPONSIBLE_LIST = lazy_re.compile(r"责任(?:部门|单位)\s*[:：]\s*([^;；)）]+)")
_BEFORE_FUZE = lazy_re.compile(r"^(.+?)(?:等相关部门|等部门|等单位|等)?(?:按职责分工|按照职责分工|分别|共同牵头|共同)?负责")
_DEADLINE_FIELD = lazy_re.compile(r"(?:完成时限|时间节点|完成时间)\s*[:：]\s*([^;；)）]+)")
_DEADLINE = lazy_re.compile(
    r"(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:年?底|年?末|中|上半年|下半年)?前?|年底前|长期坚持|持续推进)"
)
_NOT_UNIT = lazy_re.compile(r"排(?:在)?第一位|牵头单位|下同|各县区落实|各县\(市、区\)落实|落实$")
_UNIT_SEPARATOR = lazy_re.compile(r"[、,，]")
_ET_CETERA = lazy_re.compile(r"(?:等相关部门|等部门|等单位|等)$")


def extract_tasks(doc: Document) -> None:
    """Attach a `Task` to each section (and paragraph) that names its responsible units."""
    for section in doc.walk():
        section.tasks = list(_tasks_in(section))


def _tasks_in(section: Section):  # noqa: ANN202 - generator of Task
    text = "\n".join(p for p in [section.title, section.body] if p)
    notes = [m for m in _NOTE.finditer(text) if _RESPONSIBLE.search(m.group(1))]
    for m in notes:
        lead, partners = parse_units(m.group(1))
        if not lead and not partners:
            continue
        label = section.title if len(notes) == 1 and section.title else _sentence_before(text, m.start())
        yield Task(text=label, lead=lead, partners=partners, deadline=_deadline(m.group(1), text))


def parse_units(note: str) -> tuple[str | None, list[str]]:
    """(lead, partners) from the inside of a responsibility note."""
    lead_m, partners_m = _LEAD.search(note), _PARTNERS.search(note)
    if lead_m:
        leads = split_units(lead_m.group(1))
        partners = split_units(partners_m.group(1)) if partners_m else []
        return "、".join(leads) or None, partners
    listed = _RESPONSIBLE_LIST.search(note)
    if listed:
        units = split_units(listed.group(1))
        return (units[0] if units else None), units[1:]
    fuze = _BEFORE_FUZE.search(note)
    if fuze:
        units = split_units(fuze.group(1))
        if "共同牵头" in note:
            return "、".join(units) or None, []
        return (units[0] if units else None), units[1:]
    return None, []


def split_units(text: str) -> list[str]:
    units = []
    for part in _UNIT_SEPARATOR.split(text):
        part = _ET_CETERA.sub("", part.strip())
        if part and not _NOT_UNIT.search(part) and not _DEADLINE.fullmatch(part) and len(part) <= 30:
            units.append(part)
    return units


def _deadline(note: str, text: str) -> str | None:
    field = _DEADLINE_FIELD.search(note)
    if field:
        return field.group(1).strip()
    m = _DEADLINE.search(note) or re.search(r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:年?底|年?末)前", text)
    return m.group(0) if m else None


def _sentence_before(text: str, pos: int) -> str:
    start = max(text.rfind("。", 0, pos - 1), text.rfind("\n", 0, pos)) + 1
    return text[start:pos].strip(" 。")[:120]
