"""What a change is, in words: the notes the terminal, the HTML report and the 修改对照表 share.

Every renderer says the same thing about a section or a change because they all ask here; the
words themselves live in the catalogue (drafter/messages/compare.py).
"""

from __future__ import annotations

import re

from drafter.compare.model import Change, Comparison, ParagraphDiff, SectionDiff
from drafter.messages import t


def named(title: str | None) -> str:
    return f"《{title}》" if title else t("compare.untitled")


def heading_or_start(heading: str | None) -> str:
    return heading or t("compare.before_first")


def relation_note(section: SectionDiff) -> str | None:
    """`并入 B 的 (四)深化人事薪酬制度改革` and the like, for a section set against a group."""
    if not section.relation:
        return None
    group = "、".join(section.group)
    if section.relation == "umbrella":
        key = "compare.relation_umbrella_a" if section.b is None else "compare.relation_umbrella_b"
        return t(key, group=group)
    return t(f"compare.relation_{section.relation}", group=group)


def state_label(section: SectionDiff) -> str | None:
    """新增 / 删除 / 位置移动 / 同题改写 for a section, None when nothing needs saying."""
    if section.a is None:
        return t("compare.state_added")
    if section.b is None:
        return t("compare.state_removed")
    if section.moved:
        return t("compare.state_moved")
    if section.status == "related":
        return t("compare.state_related")
    return None


def where(path: list[str]) -> str:
    """A section path as one line: `二、重点任务 (三)加快建立现代医院管理制度`."""
    return " ".join(p for p in path if p) or t("compare.before_first")


def change_note(comparison: Comparison, change: Change) -> str:
    """The 修改说明 of one change: what happened, where from and to, and the draft text's source."""
    section = comparison.sections[change.section]
    para = section.paragraphs[change.paragraph] if change.paragraph is not None else None
    note = _what_happened(section, para, change)
    source = section.source if change.kind in _FROM_SOURCE else None
    return note + (t("compare.note_source", source=source) if source else "")


_FROM_SOURCE = {"added", "changed", "related", "heading", "moved", "split", "umbrella"}


def _what_happened(section: SectionDiff, para: ParagraphDiff | None, change: Change) -> str:
    kind = change.kind
    if kind == "title":
        return t("compare.note_title")
    if kind in ("added", "removed") and para is None:
        what = section.b if kind == "added" else section.a
        return t(f"compare.note_{kind}_section", what=what or "")
    if kind == "moved" and para is not None and para.b is None:  # only where it left is known
        return t("compare.note_moved", src=where(change.path), dst=t("compare.elsewhere"))
    if kind == "moved":
        src = where(change.a_path) if para is None else (para.moved_from or t("compare.document_start"))
        edited = para is not None and any(op.tag in "+-" for op in para.ops)
        return t("compare.note_moved_edited" if edited else "compare.note_moved", src=src, dst=where(change.path))
    if kind == "merged":
        return t("compare.note_merged", what=section.a or "", into="、".join(section.group))
    if kind == "split":
        return t("compare.note_split", what=section.b or "", src="、".join(section.group))
    if kind == "umbrella":
        key = "compare.note_umbrella_removed" if section.b is None else "compare.note_umbrella_added"
        return t(key, what=section.a if section.b is None else section.b, group="、".join(section.group))
    if kind == "related":
        terms = (para.shared_terms if para else section.shared_terms)[:4]
        note = t("compare.note_related", terms="、".join(terms)) if terms else t("compare.note_related_plain")
        if para is not None and para.moved_from:
            note += t("compare.note_in", where=t("compare.moved_from", where=para.moved_from))
        return note
    if kind == "heading":
        return t("compare.note_heading")
    return t(f"compare.note_{kind}") if kind in ("added", "removed", "changed") else t("compare.note_changed")


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the shared key terms occur in `text` (longest first, not overlapping)."""
    if not terms or not text:
        return []
    pattern = re.compile("|".join(re.escape(x) for x in sorted(terms, key=len, reverse=True)))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
