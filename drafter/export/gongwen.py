"""The 公文 page (GB/T 9704-2012): A4, margins, line grid, footers with `— 1 —`, and the pieces
every export places on it (title, 主送机关, 附件说明, 署名 and 成文日期, attachment pages).

`GongwenPage` wraps a python-docx document whose body is filled with elements from
`drafter.export.paragraphs`; the 公文 .docx, the redline and the 对照表 all start from it. With
`styled=True` (the 公文) paragraphs name their style (docx_styles) instead of carrying every
property themselves.
"""

from __future__ import annotations

import copy
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from lxml import etree

from drafter.export import layout as L
from drafter.atomic import write_atomically
from drafter.export.docx_fonts import el
from drafter.export.docx_package import DocProperties, finish_package
from drafter.export.docx_styles import install_styles
from drafter.export.paragraphs import Indent, line_runs, page_field, paragraph, run
from drafter.export.title_lines import title_lines


class GongwenPage:
    """A new document with the 公文 page set up and an empty body to append paragraphs to."""

    def __init__(self, *, landscape: bool = False, styled: bool = False) -> None:
        self.document = docx.Document()
        self.styled = styled
        self.line_pitch: int | None = None
        self.properties = DocProperties()
        self.body = self.document.element.body
        for child in list(self.body):
            if child.tag != qn("w:sectPr"):
                self.body.remove(child)
        self._sect_pr = self.body.find(qn("w:sectPr"))
        install_styles(self.document.styles.element)
        self.document.settings.odd_and_even_pages_header_footer = True
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

    def new_section(self, *, start: str = "evenPage", bottom: bool = False) -> None:
        """End the section so far at the last paragraph; what follows starts on the next page of
        kind `start` (`evenPage`, `oddPage`, `nextPage`), set against the page bottom if `bottom`.
        Footers and page setup carry over."""
        last = next((e for e in reversed(self.body) if e.tag == qn("w:p")), None)
        if last is None:
            last = self.add("blank")
        ppr = last.find(qn("w:pPr"))
        ppr.append(copy.deepcopy(self._sect_pr))
        sect = self._sect_pr
        for tag in ("w:type", "w:vAlign"):
            for old in sect.findall(qn(tag)):
                sect.remove(old)
        # CT_SectPr order: headers/footers, footnotePr, endnotePr, type, pgSz, pgMar, …, vAlign, …, docGrid
        sect.find(qn("w:pgSz")).addprevious(el("w:type", {"w:val": start}))
        if bottom:
            sect.find(qn("w:docGrid")).addprevious(el("w:vAlign", {"w:val": "bottom"}))

    # -- body -------------------------------------------------------------------------------
    def append(self, element: etree._Element) -> etree._Element:
        self._sect_pr.addprevious(element)
        return element

    def add(self, role: str, content: list[etree._Element] | str = "", **kwargs) -> etree._Element:
        kwargs.setdefault("styled", self.styled)
        if self.line_pitch is not None:  # §7.3.5.5: lines closed up to keep the 署名 on its page
            spacing = el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": self.line_pitch,
                                       "w:lineRule": "exact"})  # fmt: skip
            kwargs["extra"] = [*(kwargs.get("extra") or []), spacing, el("w:snapToGrid", {"w:val": 0})]
        return self.append(paragraph(role, content, **kwargs))

    @contextmanager
    def closer_lines(self, pitch: int | None) -> Iterator[None]:
        """Paragraphs added inside get `pitch` (twips) exact line spacing, off the grid."""
        self.line_pitch = pitch
        try:
            yield
        finally:
            self.line_pitch = None

    def blank_line(self, **kwargs) -> etree._Element:
        return self.add("blank", **kwargs)

    def add_title(self, title: str, role: str = "title", *, new_page: bool = False) -> etree._Element:
        """§7.3.1: centred, broken between words into a 梯形 or 菱形 (title_lines); one paragraph
        with line breaks, so the title stays one paragraph in Word."""
        lines = title_lines(title)
        extra = [el("w:pageBreakBefore")] if new_page else None
        return self.add(role, line_runs(lines, role, styled=self.styled), extra=extra)

    def add_addressee(self, addressee: str) -> etree._Element:
        """§7.3.2: flush left under a blank line, ending with a full-width colon."""
        return self.add("addressee", addressee.rstrip(":： ") + "：")

    def add_attachment_note(self, names: list[str]) -> list[etree._Element]:
        """§7.3.4: a blank line, then 附件：名称 two characters in; several names numbered 1. 2. …,
        each later name aligned under the first, a wrapped name aligned with its own first char;
        no punctuation after a name."""
        if not names:
            return []
        added = [self.blank_line(keep_next=True)]
        names = [name.rstrip("。.，,；;") for name in names]
        if len(names) == 1:
            added.append(self.add("attachment_note", "附件：" + names[0], indent=Indent(left=5, hanging=3),
                                  keep_next=True))  # fmt: skip
            return added
        for number, name in enumerate(names, 1):
            mark = f"{number}."
            prefix = ("附件：" if number == 1 else "") + mark
            left = 5 + L.text_width_chars(mark)
            hanging = L.text_width_chars(prefix)
            added.append(self.add("attachment_note", prefix + name, indent=Indent(left=left, hanging=hanging),
                                  keep_next=True))  # fmt: skip
        return added

    def add_signature(self, issuer: str | None, date_text: str | None, *, seal: bool = False) -> None:
        """§7.3.5: the 署名 and 成文日期 under the text, kept on its page (keep-with-next chains from
        the last text paragraph, see `keep_with_next`). With a seal (§7.3.5.1) the date stands four
        characters in from the right and the 署名 is centred over it, two lines lower to leave the
        seal room; without (§7.3.5.2) the 署名 is two in from the right, the date two right of it."""
        if not issuer and not date_text:
            return
        for _ in range(L.SEAL_BLANK_LINES if seal else 1):
            self.blank_line(keep_next=True)
        # A 署名 may carry a seal's note on a second line; joint issuers (`A、B`, 联合行文) sign a line each.
        lines = (issuer or "").replace("、", "\n").split("\n")
        width = max(L.text_width_chars(line) for line in lines)
        if seal:
            sig_right, date_right = seal_indents(width, L.text_width_chars(date_text or ""))
        elif issuer and date_text:
            sig_right, date_right = signature_indents(width, L.text_width_chars(date_text))
        else:
            sig_right = date_right = L.SIGNATURE_RIGHT
        if issuer:
            self.add("signature", line_runs(lines, "signature", styled=self.styled), indent=Indent(right=sig_right),
                     keep_next=bool(date_text))  # fmt: skip
        if date_text:
            self.add("date", date_text, indent=Indent(right=date_right))

    def add_note(self, note: str) -> None:
        """§7.3.6 附注: in round brackets, two characters in, on the line after the 成文日期."""
        note = note.strip().strip("()（）")
        if note:
            self.add("note", f"（{note}）")

    def start_attachment(self, label: str, title: str | None) -> None:
        """§7.3.7: a new page; 附件N in 黑体 flush left on the first line, the title centred on the third."""
        self.add("attachment_label", label)
        self.blank_line(keep_next=True)
        if title:
            self.add_title(title, "attachment_title")
            self.blank_line()

    def keep_with_next(self, element: etree._Element) -> None:
        """Keep `element` (the last paragraph of a text) on the page of what follows it, with at least
        two of its lines (widow control on this paragraph only): the 署名 never stands alone."""
        ppr = element.find(qn("w:pPr"))
        for tag in ("w:keepNext", "w:widowControl"):
            for old in ppr.findall(qn(tag)):
                ppr.remove(old)
        anchor = ppr.find(qn("w:pStyle"))
        keep, widow = el("w:keepNext"), el("w:widowControl")
        if anchor is not None:
            anchor.addnext(keep)
        else:
            ppr.insert(0, keep)
        after = ppr.find(qn("w:pageBreakBefore"))
        (after if after is not None else keep).addnext(widow)

    def save(self, path: str | os.PathLike) -> Path:
        return write_atomically(path, self._save_to)

    def _save_to(self, buffer: io.BytesIO) -> None:
        finish_package(self.document, self.properties)
        self.document.save(buffer)


def signature_indents(signature_width: float, date_width: float) -> tuple[float, float]:
    """Right indents (in characters) of the 署名 and 成文日期 lines without a seal, per §7.3.5.2."""
    sig_right = float(L.SIGNATURE_RIGHT)
    date_right = sig_right + signature_width - L.SIGNATURE_DATE_SHIFT - date_width
    if date_right < L.SIGNATURE_RIGHT:
        date_right = float(L.SIGNATURE_RIGHT)
        sig_right = date_right + date_width + L.SIGNATURE_DATE_SHIFT - signature_width
    return sig_right, date_right


def seal_indents(signature_width: float, date_width: float) -> tuple[float, float]:
    """Right indents with a seal (§7.3.5.1): the date four characters in, the 署名 centred over it."""
    date_right = float(L.SEAL_DATE_RIGHT)
    sig_right = max(0.0, date_right + (date_width - signature_width) / 2)
    return sig_right, date_right


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def standard_date(iso: str | None) -> str | None:
    """成文日期 in the standard's form (§7.3.5.4): Arabic numerals, year in full, no leading zeros —
    2015年11月26日. A date that is not ISO is kept as written."""
    if not iso:
        return None
    match = _ISO_DATE.match(iso.strip())
    if not match:
        return iso.strip()
    year, month, day = (int(g) for g in match.groups())
    return f"{year}年{month}月{day}日"
