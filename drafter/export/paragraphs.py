"""Paragraphs and runs as WordprocessingML elements, formatted by role (see layout.ROLES).

Built with lxml directly (python-docx's oxml layer underneath): it is several times faster than
python-docx's object API and lets the redline put runs inside `w:ins` / `w:del`.

Two ways to format: *direct* (every run carries its face and size; the redline and the 对照表 use
it) and *styled* (`styled=True`: the paragraph names its style — 正文, 一级标题 … — and carries only
what differs from it, so a paragraph typed in Word keeps the 公文 look; the 公文 export uses it).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from drafter.export.docx_fonts import el, role_rpr, xml_text
from drafter.export.layout import ROLES, Role

# w:pPr children in the order the schema requires (CT_PPrBase, then rPr).
_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "pBdr", "tabs",
    "snapToGrid", "spacing", "ind", "jc", "outlineLvl", "rPr",
)  # fmt: skip


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


def run(text: str, role: str | Role, *, deleted: bool = False, styled: bool = False,
        rpr: etree._Element | None = None) -> etree._Element:  # fmt: skip
    """One run; deleted text goes in `w:delText` as revisions require. A styled run takes its look
    from the paragraph style unless `rpr` is given."""
    text_el = el("w:delText" if deleted else "w:t")
    text_el.text = xml_text(text)
    text_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if rpr is None and not styled:
        rpr = role_rpr(role)
    return el("w:r", None, *([rpr] if rpr is not None else []), text_el)


def line_runs(lines: list[str], role: str, *, styled: bool = False,
              rpr: etree._Element | None = None) -> list[etree._Element]:  # fmt: skip
    """One run holding `lines` separated by line breaks (`w:br`): a title broken where we chose."""
    first = run(lines[0] if lines else "", role, styled=styled, rpr=rpr)
    for line in lines[1:]:
        first.append(el("w:br"))
        t = el("w:t")
        t.text = xml_text(line)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        first.append(t)
    return [first]


def paragraph(
    role_name: str,
    content: list[etree._Element] | str = "",
    *,
    indent: Indent | None = None,
    mark: etree._Element | None = None,
    styled: bool = False,
    keep_next: bool | None = None,
    extra: list[etree._Element] | None = None,
) -> etree._Element:
    """A `w:p` in the given role. `content` is text or inline elements (runs, w:ins, w:del, fields).
    `mark` (a w:ins or w:del) tracks the paragraph mark itself: a whole inserted/deleted paragraph.
    `extra` adds pPr children (borders, tabs, spacing) that override the role's."""
    role = ROLES[role_name]
    if mark is None and not extra:  # the common case: a copy of the same properties every time
        ppr = copy.deepcopy(_cached_properties(role_name, styled, indent, keep_next))
    elif styled and role.style:
        ppr = styled_properties(role, indent, keep_next, extra)
    else:
        ppr = paragraph_properties(role, indent or Indent.of(role), mark, keep_next, extra)
    p = el("w:p", None, ppr)
    if isinstance(content, str):
        if content:
            p.append(run(content, role, styled=styled and bool(role.style)))
    else:
        p.extend(content)
    return p


@lru_cache(maxsize=512)
def _cached_properties(role_name: str, styled: bool, indent: Indent | None, keep_next: bool | None) -> etree._Element:
    role = ROLES[role_name]
    if styled and role.style:
        return styled_properties(role, indent, keep_next, None)
    return paragraph_properties(role, indent or Indent.of(role), None, keep_next, None)


def paragraph_properties(role: Role, indent: Indent, mark: etree._Element | None = None,
                         keep_next: bool | None = None,
                         extra: list[etree._Element] | None = None) -> etree._Element:  # fmt: skip
    """Direct formatting: every property written, so nothing is inherited from the 正文 style."""
    parts: dict[str, etree._Element] = {}
    if role.keep_next if keep_next is None else keep_next:
        parts["keepNext"] = el("w:keepNext")
    if role.page_break_before:
        parts["pageBreakBefore"] = el("w:pageBreakBefore")
    # No widow/orphan control: it would move lines and break the 22-lines-a-page grid.
    parts["widowControl"] = el("w:widowControl", {"w:val": 0})
    parts.update(line_properties(role))
    parts["ind"] = indent_element(indent, role.char_width)
    parts["jc"] = el("w:jc", {"w:val": role.align})
    if role.outline_level is not None:
        parts["outlineLvl"] = el("w:outlineLvl", {"w:val": role.outline_level})
    mark_rpr = role_rpr(role)  # the paragraph mark carries the run look (an empty line keeps its height)
    if mark is not None:
        mark_rpr.insert(0, mark)  # a tracked paragraph mark must come first in pPr/rPr
    parts["rPr"] = mark_rpr
    return _ordered(parts, extra)


def styled_properties(role: Role, indent: Indent | None, keep_next: bool | None,
                      extra: list[etree._Element] | None) -> etree._Element:  # fmt: skip
    """The paragraph names its style and carries only what differs from it."""
    parts = {"pStyle": el("w:pStyle", {"w:val": role.style})}
    if keep_next is not None and keep_next != role.keep_next:
        parts["keepNext"] = el("w:keepNext", None if keep_next else {"w:val": 0})
    if indent is not None:
        parts["ind"] = indent_element(indent, role.char_width)
    return _ordered(parts, extra)


def line_properties(role: Role) -> dict[str, etree._Element]:
    """Exact lines on the page's grid, or single spacing off it (table cells, footers)."""
    if role.line is None:  # off the line grid, or LibreOffice snaps each line of a cell to 579 twips
        return {
            "snapToGrid": el("w:snapToGrid", {"w:val": 0}),
            "spacing": el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": 240, "w:lineRule": "auto"}),
        }
    spacing = el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": role.line, "w:lineRule": "exact"})
    parts = {"spacing": spacing}
    if not role.grid:
        parts["snapToGrid"] = el("w:snapToGrid", {"w:val": 0})
    return parts


def _ordered(parts: dict[str, etree._Element], extra: list[etree._Element] | None) -> etree._Element:
    for element in extra or ():
        parts[etree.QName(element).localname] = element
    ppr = el("w:pPr")
    ppr.extend(parts[name] for name in _PPR_ORDER if name in parts)
    return ppr


def indent_element(indent: Indent, char_width: int) -> etree._Element:
    """Every indent written, zeros included, so none is inherited from the 正文 style's two characters."""
    attrs: dict[str, str | int] = {}
    for name, chars in (("left", indent.left), ("right", indent.right)):
        attrs[f"w:{name}"] = round(chars * char_width)
        attrs[f"w:{name}Chars"] = round(chars * 100)
    if indent.hanging:
        attrs["w:hanging"] = round(indent.hanging * char_width)
        attrs["w:hangingChars"] = round(indent.hanging * 100)
    else:
        attrs["w:firstLine"] = round(indent.first_line * char_width)
        attrs["w:firstLineChars"] = round(indent.first_line * 100)
    return el("w:ind", attrs)


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
