"""Paragraphs and runs as WordprocessingML elements, formatted by role (see layout.ROLES).

Built with lxml directly (python-docx's oxml layer underneath): it is several times faster than
python-docx's object API and lets the redline put runs inside `w:ins` / `w:del`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from drafter.export.docx_fonts import el, role_rpr, xml_text
from drafter.export.layout import LINE_PITCH, ROLES, Role


@dataclass(frozen=True)
class Indent:
    """Indents in characters of the role's size; written both absolute and as *Chars values
    (LibreOffice reads the absolute value, Word and WPS prefer the Chars value)."""

    first_line: float = 0
    left: float = 0
    hanging: float = 0
    right: float = 0

    @classmethod
    def of(cls, role: Role) -> Indent:
        return cls(role.first_line_chars, role.left_chars, role.hanging_chars, role.right_chars)


def run(text: str, role: str | Role, *, deleted: bool = False) -> etree._Element:
    """One run; deleted text goes in `w:delText` as revisions require."""
    text_el = el("w:delText" if deleted else "w:t")
    text_el.text = xml_text(text)
    text_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return el("w:r", None, role_rpr(role), text_el)


def paragraph(
    role_name: str,
    content: list[etree._Element] | str = "",
    *,
    indent: Indent | None = None,
    mark: etree._Element | None = None,
) -> etree._Element:
    """A `w:p` in the given role. `content` is text or inline elements (runs, w:ins, w:del, fields).
    `mark` (a w:ins or w:del) tracks the paragraph mark itself: a whole inserted/deleted paragraph."""
    role = ROLES[role_name]
    p = el("w:p", None, paragraph_properties(role, indent or Indent.of(role), mark))
    if isinstance(content, str):
        if content:
            p.append(run(content, role))
    else:
        p.extend(content)
    return p


def paragraph_properties(role: Role, indent: Indent, mark: etree._Element | None) -> etree._Element:
    """`w:pPr` in schema order: keepNext, pageBreakBefore, widowControl, snapToGrid, spacing, ind, jc, outlineLvl, rPr."""
    ppr = el("w:pPr")
    if role.keep_next:
        ppr.append(el("w:keepNext"))
    if role.page_break_before:
        ppr.append(el("w:pageBreakBefore"))
    # No widow/orphan control: it would move lines and break the 22-lines-a-page grid.
    ppr.append(el("w:widowControl", {"w:val": 0}))
    if role.exact_line:
        ppr.append(
            el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": LINE_PITCH, "w:lineRule": "exact"})
        )
    else:  # off the page's line grid, or LibreOffice snaps each line of a cell to 579 twips
        ppr.append(el("w:snapToGrid", {"w:val": 0}))
        ppr.append(el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": 240, "w:lineRule": "auto"}))
    ind = indent_element(indent, role.char_width)
    if ind is not None:
        ppr.append(ind)
    ppr.append(el("w:jc", {"w:val": role.align}))
    if role.outline_level is not None:
        ppr.append(el("w:outlineLvl", {"w:val": role.outline_level}))
    mark_rpr = role_rpr(role)  # the paragraph mark carries the run look (an empty line keeps its height)
    if mark is not None:
        mark_rpr.insert(0, mark)  # a tracked paragraph mark must come first in pPr/rPr
    ppr.append(mark_rpr)
    return ppr


def indent_element(indent: Indent, char_width: int) -> etree._Element | None:
    attrs: dict[str, str | int] = {}
    for name, chars in (("left", indent.left), ("right", indent.right)):
        if chars:
            attrs[f"w:{name}"] = round(chars * char_width)
            attrs[f"w:{name}Chars"] = round(chars * 100)
    if indent.hanging:
        attrs["w:hanging"] = round(indent.hanging * char_width)
        attrs["w:hangingChars"] = round(indent.hanging * 100)
    elif indent.first_line:
        attrs["w:firstLine"] = round(indent.first_line * char_width)
        attrs["w:firstLineChars"] = round(indent.first_line * 100)
    return el("w:ind", attrs) if attrs else None


def page_field(role: str) -> list[etree._Element]:
    """A PAGE field as runs (begin, instruction, separate, cached result, end)."""

    def char(kind: str) -> etree._Element:
        return el("w:r", None, role_rpr(role), el("w:fldChar", {"w:fldCharType": kind}))

    instr = el("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        char("begin"),
        el("w:r", None, role_rpr(role), instr),
        char("separate"),
        run("1", role),
        char("end"),
    ]
