"""The redline: side B in the 公文 layout with every difference from side A as a Word revision.

A is the original (the reference), B the revised text (the draft); the page header says so.
Accept All in Word, WPS or LibreOffice gives B's text, Reject All gives A's. Runs changed inside a
paragraph become `w:ins` / `w:del`; a whole added or removed paragraph also tracks its paragraph mark
(or accepting/rejecting would leave an empty line). A moved paragraph is a deletion where it left
and an insertion where it arrived, each with a comment naming the other place (for a section: the
section it stood under in A, and the one it stands under in B). Word's native `w:moveFrom` /
`w:moveTo` are not used: documents with them have been reported unreadable in Word and leaving empty
paragraphs in LibreOffice, while ins/del with comments resolve exactly in both. Track changes is
switched on in settings.xml, so the reviewer's own edits are tracked too.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from drafter.compare.model import Comparison, Op
from drafter.export.changes import side_a, side_b, text_ops
from drafter.export.docx_fonts import el
from drafter.export.gongwen import GongwenPage
from drafter.export.layout import DEFAULT_AUTHOR
from drafter.export.paragraphs import paragraph, run
from drafter.export.redline_order import redline_items
from drafter.messages import t

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
    revisions = Revisions(author, date)
    _track_changes_on(page)
    _direction_header(page, comparison)
    if comparison.a_title or comparison.b_title:
        title_ops = comparison.title_ops or text_ops(comparison.a_title, comparison.b_title)
        _add_tracked(page, revisions, "title", title_ops)
        page.blank_line()
    for item in redline_items(comparison):
        p = _add_tracked(page, revisions, item.role, item.ops)
        if item.comment:
            _add_comment(page, p, item.comment, revisions.author)
    page.blank_line()  # a last, untracked paragraph: Word cannot remove the document's final mark
    return page


def _track_changes_on(page: GongwenPage) -> None:
    settings = page.document.settings.element
    if settings.find(qn("w:trackRevisions")) is None:
        # schema order: trackRevisions follows the view/zoom/proofing settings, precedes defaultTabStop
        anchor = settings.find(qn("w:defaultTabStop"))
        mark = el("w:trackRevisions")
        if anchor is not None:
            anchor.addprevious(mark)
        else:
            settings.insert(0, mark)


def _direction_header(page: GongwenPage, comparison: Comparison) -> None:
    """`修订稿：以《A》为原文，修订为《B》` at the top of every page (outside the text itself)."""
    text = t("compare.redline_header", a=comparison.a_title or t("compare.untitled"),
             b=comparison.b_title or t("compare.untitled"))
    section = page.document.sections[0]
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        container = header._element
        for child in list(container):
            container.remove(child)
        container.append(paragraph("cell_center", text))


def _add_tracked(page: GongwenPage, revisions: Revisions, role: str, ops: list[Op]) -> etree._Element:
    """A paragraph from ops; if one side has no text at all, its paragraph mark is tracked too."""
    a_text, b_text = side_a(ops), side_b(ops)
    mark = None
    if b_text and not a_text:
        mark = revisions.paragraph_mark("ins")
    elif a_text and not b_text:
        mark = revisions.paragraph_mark("del")
    return page.append(paragraph(role, revisions.content(ops, role), mark=mark))


def _add_comment(page: GongwenPage, p: etree._Element, text: str, author: str) -> None:
    """Anchor a comment on the whole paragraph's content (python-docx writes comments.xml)."""
    comment = page.document.comments.add_comment(text, author=author, initials="")
    cid = str(comment.comment_id)
    p.find(qn("w:pPr")).addnext(el("w:commentRangeStart", {"w:id": cid}))
    p.append(el("w:commentRangeEnd", {"w:id": cid}))
    p.append(el("w:r", None, el("w:commentReference", {"w:id": cid})))


def _w_date(date: datetime | str | None) -> str:
    """Revision dates are ISO 8601 in UTC without fractions, as Word writes them."""
    if isinstance(date, str):
        return date
    moment = date or datetime.now(UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
