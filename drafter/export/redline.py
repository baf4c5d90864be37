"""The redline: side B in the 公文 layout with every difference from side A as a Word revision.

Accept All in Word, WPS or LibreOffice gives B's text, Reject All gives A's. Runs changed inside a
paragraph become `w:ins` / `w:del`; a whole added or removed paragraph also tracks its paragraph mark
(or accepting/rejecting would leave an empty line). A moved paragraph is a deletion where it left
and an insertion where it arrived, each with a comment naming the other place.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from drafter.compare.model import Comparison, Op, ParagraphDiff
from drafter.export.changes import paragraph_ops, text_ops
from drafter.export.docx_fonts import el
from drafter.export.gongwen import GongwenPage
from drafter.export.layout import DEFAULT_AUTHOR, heading_role
from drafter.export.paragraphs import paragraph, run

FIRST_REVISION_ID = 1000  # above the comment ids python-docx hands out from 0


class Revisions:
    """Makes `w:ins` / `w:del` elements, each with a unique id, the author and the date."""

    def __init__(self, author: str, date: datetime | str | None) -> None:
        self.author = author
        self.date = _w_date(date)
        self._next_id = FIRST_REVISION_ID

    def _attrs(self) -> dict[str, str | int]:
        self._next_id += 1
        return {"w:id": self._next_id, "w:author": self.author, "w:date": self.date}

    def inserted(self, text: str, role: str) -> etree._Element:
        return el("w:ins", self._attrs(), run(text, role))

    def deleted(self, text: str, role: str) -> etree._Element:
        return el("w:del", self._attrs(), run(text, role, deleted=True))

    def paragraph_mark(self, kind: str) -> etree._Element:
        """An empty w:ins / w:del for `w:pPr/w:rPr`: the paragraph mark itself was added/removed."""
        return el(f"w:{kind}", self._attrs())

    def content(self, ops: list[Op], role: str) -> list[etree._Element]:
        """Runs for ops: `=` plain, `-` deleted, `+` inserted, `~` (unimportant) deleted + inserted."""
        out: list[etree._Element] = []
        for op in ops:
            if op.tag == "=" and op.a:
                out.append(run(op.a, role))
                continue
            if op.tag in ("-", "~") and op.a:
                out.append(self.deleted(op.a, role))
            if op.tag in ("+", "~") and op.b:
                out.append(self.inserted(op.b, role))
        return out


def write_redline(
    comparison: Comparison,
    path: str | os.PathLike,
    *,
    author: str = DEFAULT_AUTHOR,
    date: datetime | str | None = None,
) -> Path:
    """Write `comparison` as a .docx with tracked changes at `path` (atomically); return the path."""
    return build_redline(comparison, author=author, date=date).save(path)


def build_redline(
    comparison: Comparison, *, author: str = DEFAULT_AUTHOR, date: datetime | str | None = None
) -> GongwenPage:
    page = GongwenPage()
    writer = _RedlineWriter(page, Revisions(author, date), _move_places(comparison))
    if comparison.a_title or comparison.b_title:
        writer.tracked("title", text_ops(comparison.a_title, comparison.b_title))
        page.blank_line()
    for section in comparison.sections:
        if section.a or section.b:
            writer.tracked(heading_role(section.level), text_ops(section.a, section.b))
        where = section.b or section.a or ""
        for diff in section.paragraphs:
            writer.paragraph(diff, where)
    page.blank_line()  # a last, untracked paragraph: Word cannot remove the document's final mark
    return page


class _RedlineWriter:
    def __init__(self, page: GongwenPage, revisions: Revisions, moves: dict[str, dict[str, str]]) -> None:
        self.page = page
        self.revisions = revisions
        self.moves = moves

    def tracked(self, role: str, ops: list[Op]) -> etree._Element:
        """A paragraph from ops; if one side has no text at all, its paragraph mark is tracked too."""
        a_text = "".join(op.a for op in ops if op.tag != "+")
        b_text = "".join(op.b for op in ops if op.tag != "-")
        mark = None
        if not a_text and b_text:
            mark = self.revisions.paragraph_mark("ins")
        elif a_text and not b_text:
            mark = self.revisions.paragraph_mark("del")
        return self.page.append(paragraph(role, self.revisions.content(ops, role), mark=mark))

    def paragraph(self, diff: ParagraphDiff, where: str) -> None:
        if diff.status != "moved":
            self.tracked("body", paragraph_ops(diff))
            return
        a, b = diff.a or "", diff.b or ""
        if a and b and a in self.moves["left"]:
            # Its origin is marked elsewhere: here the paragraph arrives whole.
            p = self.tracked("body", [Op("+", "", b)])
            self._comment(p, f"移动:本段自「{self.moves['left'][a]}」移来。")
        elif a and b:
            p = self.tracked("body", paragraph_ops(diff))
            self._comment(p, "移动:本段在参考文本中位于他处,此处标出移动后的修改。")
        elif a:
            p = self.tracked("body", [Op("-", a, "")])
            target = self.moves["arrived"].get(a)
            self._comment(p, f"移动:本段移至「{target}」。" if target else "移动:本段移至他处。")
        elif b:
            p = self.tracked("body", [Op("+", "", b)])
            source = self.moves["left"].get(b)
            self._comment(p, f"移动:本段自「{source}」移来。" if source else "移动:本段自他处移来。")

    def _comment(self, p: etree._Element, text: str) -> None:
        """Anchor a comment on the whole paragraph's content."""
        comment = self.page.document.comments.add_comment(text, author=self.revisions.author, initials="")
        cid = str(comment.comment_id)
        p.find(qn("w:pPr")).addnext(el("w:commentRangeStart", {"w:id": cid}))
        p.append(el("w:commentRangeEnd", {"w:id": cid}))
        p.append(el("w:r", None, el("w:commentReference", {"w:id": cid})))


def _move_places(comparison: Comparison) -> dict[str, dict[str, str]]:
    """For moved paragraphs: A text → heading of the section it left ("left"), and A text →
    heading of the section where it arrived ("arrived"); lets each end's comment name the other."""
    left: dict[str, str] = {}
    arrived: dict[str, str] = {}
    for section in comparison.sections:
        for diff in section.paragraphs:
            if diff.status != "moved":
                continue
            if diff.a and not diff.b:
                left[diff.a] = section.a or section.b or "正文前部分"
            elif diff.a and diff.b:
                arrived[diff.a] = section.b or section.a or "正文前部分"
    return {"left": left, "arrived": arrived}


def _w_date(date: datetime | str | None) -> str:
    """Revision dates are ISO 8601 in UTC without fractions, as Word writes them."""
    if isinstance(date, str):
        return date
    moment = date or datetime.now(timezone.utc)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
