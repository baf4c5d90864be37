"""The standard kind of each level-1 and level-2 section: from its words, its place and its content.

Titles decide when they are explicit (`指导思想`, `组织实施`); otherwise a sub-section takes the kind of
the part it sits in (the principles under 基本原则, the task areas under 重点任务), and an unlabelled
level-1 section is a task area unless its body reads like guiding thought or targets.
"""

from __future__ import annotations

import re

from drafter.model import Document, Section

# Checked in order: the first rule whose pattern matches the title wins.
_TITLE_RULES: list[tuple[str, re.Pattern]] = [
    ("其他", re.compile(r"背景|意义|起草|依据|主要内容|范围|重要性|紧迫性|必要性|充分认识|基本情况|现状|名词解释")),
    ("总体要求", re.compile(r"总体要求|总体思路|总体考虑|总体安排|总的要求")),
    ("组织保障", re.compile(r"组织实施|组织保障|保障措施|组织领导|实施措施|工作要求|工作保障|保障机制|组织推进|督促检查|督导考核")),
    ("指导思想", re.compile(r"指导思想|指导原则")),
    ("基本原则", re.compile(r"基本原则|工作原则|^原则")),
    ("工作目标", re.compile(r"目标")),
    ("重点任务", re.compile(r"任务|重点工作|主要工作|工作重点|主要措施|工作措施")),
]
_COMPOSITE = re.compile(r"指导思想|基本原则|工作原则|目标")
_INHERITED = {"基本原则", "工作目标", "重点任务", "组织保障", "指导思想"}
_GUIDING_BODY = re.compile(r"^(?:坚持)?以.{2,40}为(?:指导|统领|引领)|^(?:深入|全面|认真)贯彻")
_TARGET_BODY = re.compile(r"^(?:到|至)\s*(?:20\d\d|二〇)")


def title_kind(title: str) -> str | None:
    """The kind a heading's words name, or None when they name none."""
    if len(set(_COMPOSITE.findall(title))) >= 2:
        return "总体要求"  # 指导思想、基本原则和工作目标: an umbrella section
    for kind, pattern in _TITLE_RULES:
        if pattern.search(title):
            return kind
    return None


def assign_kinds(doc: Document) -> None:
    """Set `kind` on every level-1 and level-2 section of `doc` (deeper ones stay None)."""
    for i, section in enumerate(doc.sections):
        _assign(section, parent_kind=None, first=i == 0)


def _assign(section: Section, parent_kind: str | None, first: bool) -> None:
    own = title_kind(section.title)
    if section.level <= 2:
        # Inside a task, principle, target or closing part, a sub-heading belongs to that part even
        # when its words mention another kind (`(四)完善药品供应保障制度` is a task).
        inherited = parent_kind in _INHERITED - {"指导思想"}
        section.kind = parent_kind if inherited else own or _from_context(section, parent_kind, first)
    for child in section.children:
        _assign(child, section.kind or parent_kind, first=False)


def _from_context(section: Section, parent_kind: str | None, first: bool) -> str:
    if parent_kind in _INHERITED:
        return "重点任务" if parent_kind == "指导思想" else parent_kind
    body = section.body.lstrip()
    if parent_kind is None and first and _GUIDING_BODY.search(body):
        return "指导思想"
    if _TARGET_BODY.search(body) and parent_kind in (None, "总体要求"):
        return "工作目标"
    return "重点任务"
