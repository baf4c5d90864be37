"""The 公文 page (GB/T 9704-2012): A4, margins, line grid, footers with `— 1 —`, and the pieces
every export places on it (title, 主送机关, 附件说明, 署名 and 成文日期, attachment pages).

`GongwenPage` wraps a python-docx document whose body is filled with elements from
`drafter.export.paragraphs`; the 公文 .docx, the redline and the 对照表 all start from it.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from lxml import etree

from drafter.export import layout as L
from drafter.atomic import write_atomically
from drafter.export.docx_fonts import el, set_doc_defaults
from drafter.export.paragraphs import Indent, page_field, paragraph, run


class GongwenPage:
    """A new document with the 公文 page set up and an empty body to append paragraphs to."""

    def __init__(self, *, landscape: bool = False) -> None:
        self.document = docx.Document()
        self.body = self.document.element.body
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self._sect_pr = self.body.find(qn("w:sectPr"))
        set_doc_defaults(self.document.styles.element)
        self.document.settings.odd_and_even_pages_header_footer = True
        self._set_language()
        self._set_page(landscape)
        self._set_footers()

    # -- page -------------------------------------------------------------------------------
    def _set_page(self, landscape: bool) -> None:
        section = self.document.sections[0]
        width, height = (L.PAGE_HEIGHT, L.PAGE_WIDTH) if landscape else (L.PAGE_WIDTH, L.PAGE_HEIGHT)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        sect = self._sect_pr
        sect.find(qn("w:pgSz")).attrib.update({qn("w:w"): str(width), qn("w:h"): str(height)})
        margins = {
            "w:top": L.MARGIN_TOP, "w:bottom": L.MARGIN_BOTTOM, "w:left": L.MARGIN_LEFT,
            "w:right": L.MARGIN_RIGHT, "w:header": L.HEADER_DISTANCE, "w:footer": L.FOOTER_DISTANCE,
            "w:gutter": 0,
        }  # fmt: skip
        sect.find(qn("w:pgMar")).attrib.update({qn(k): str(v) for k, v in margins.items()})
        grid = sect.find(qn("w:docGrid"))
        if grid is None:
            grid = el("w:docGrid")
            sect.append(grid)
        grid.attrib.clear()
        # Lines only: a linesAndChars grid with charSpace broke LibreOffice's layout (GUIDE).
        grid.attrib.update({qn("w:type"): "lines", qn("w:linePitch"): str(L.LINE_PITCH)})

    def _set_footers(self) -> None:
        """`— 1 —` in 4号 宋体: odd pages right, even pages left, one character in (§7.5)."""
        section = self.document.sections[0]
        for footer, align, indent in (
            (section.footer, "right", Indent(right=1)),
            (section.even_page_footer, "left", Indent(left=1)),
        ):
            footer.is_linked_to_previous = False
            container = footer._element
            for child in list(container):
                container.remove(child)
            dash = L.PAGE_NUMBER_DASH
            content = [
                run(f"{dash} ", "page_number"),
                *page_field("page_number"),
                run(f" {dash}", "page_number"),
            ]
            p = paragraph("page_number", content, indent=indent)
            p.find(qn("w:pPr")).find(qn("w:jc")).set(qn("w:val"), align)
            container.append(p)

    def _set_language(self) -> None:
        """Chinese proofing language and Chinese line-breaking rules for the whole document."""
        settings = self.document.settings.element
        lang = settings.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.set(qn("w:eastAsia"), "zh-CN")

    # -- body -------------------------------------------------------------------------------
    def append(self, element: etree._Element) -> etree._Element:
        self._sect_pr.addprevious(element)
        return element

    def add(self, role: str, content: list[etree._Element] | str = "", **kwargs) -> etree._Element:
        return self.append(paragraph(role, content, **kwargs))

    def blank_line(self) -> None:
        self.add("blank")

    def add_title(self, title: str) -> None:
        """§7.3.1: centred; a long title is broken by the renderer (the author can add line breaks)."""
        for line in title.split("\n"):
            self.add("title", line.strip())

    def add_addressee(self, addressee: str) -> None:
        """§7.3.2: flush left under a blank line, ending with a full-width colon."""
        self.add("addressee", addressee.rstrip(":： ") + ":")

    def add_attachment_note(self, names: list[str]) -> None:
        """§7.3.4: a blank line, then 附件:名称 two characters in; several names numbered 1. 2. …,
        each later name aligned under the first, a wrapped name aligned with its own first char."""
        if not names:
            return
        self.blank_line()
        if len(names) == 1:
            lead = "附件:"
            self.add("attachment_note", lead + names[0], indent=Indent(left=5, hanging=3))
            return
        for number, name in enumerate(names, 1):
            mark = f"{number}."
            prefix = ("附件:" if number == 1 else "") + mark
            left = 5 + L.text_width_chars(mark)
            hanging = L.text_width_chars(prefix)
            self.add("attachment_note", prefix + name, indent=Indent(left=left, hanging=hanging))

    def add_signature(self, issuer: str | None, date_text: str | None) -> None:
        """§7.3.5.3 (no seal): 署名 a blank line under the text, two characters in from the right;
        成文日期 on the next line, starting two characters right of the 署名's first character.
        A date longer than that allows stays two characters from the right and pushes the 署名 left."""
        if not issuer and not date_text:
            return
        self.blank_line()
        if issuer and not date_text:
            self.add("signature", issuer, indent=Indent(right=2))
            return
        if date_text and not issuer:
            self.add("date", date_text, indent=Indent(right=2))
            return
        sig_right, date_right = signature_indents(L.text_width_chars(issuer), L.text_width_chars(date_text))
        self.add("signature", issuer, indent=Indent(right=sig_right))
        self.add("date", date_text, indent=Indent(right=date_right))

    def start_attachment(self, label: str, title: str | None) -> None:
        """§8: a new page; 附件N in 黑体 flush left on the first line, the title centred on the third."""
        self.add("attachment_label", label)
        self.blank_line()
        if title:
            self.add("attachment_title", title)
            self.blank_line()

    def save(self, path: str | os.PathLike) -> Path:
        return write_atomically(path, self._save_to)

    def _save_to(self, buffer: io.BytesIO) -> None:
        self.document.save(buffer)


def signature_indents(signature_width: float, date_width: float) -> tuple[float, float]:
    """Right indents (in characters) of the 署名 and 成文日期 lines, per §7.3.5.3."""
    sig_right = 2.0
    date_right = sig_right + signature_width - 2 - date_width  # date starts 2 chars right of 署名
    if date_right < 2:
        date_right = 2.0
        sig_right = date_right + date_width + 2 - signature_width
    return sig_right, date_right


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def standard_date(iso: str | None) -> str | None:
    """成文日期 in the standard's form (§7.3.5.1): Arabic numerals, year in full, no leading zeros —
    2015年11月26日. A date that is not ISO is kept as written."""
    if not iso:
        return None
    match = _ISO_DATE.match(iso.strip())
    if not match:
        return iso.strip()
    year, month, day = (int(g) for g in match.groups())
    return f"{year}年{month}月{day}日"
