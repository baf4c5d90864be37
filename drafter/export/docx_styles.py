"""The paragraph styles of every export: 正文, 标题, 一级标题 … 四级标题, 附件 and the 版头/版记 pieces.

The template's styles part is replaced whole (python-docx's carries theme fonts, Calibri and 10 pt
defaults). 正文 is Word's own Normal style and 标题 its Title style, which Chinese Word and WPS show
under exactly those names, so a paragraph typed anywhere starts as 正文: 3号仿宋, 28 characters a
line, exact 28.95 pt lines, two characters of first-line indent. The other styles are drafter's,
named in Chinese, based on 正文, followed by 正文 when Enter is pressed.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

from drafter.export.docx_fonts import build_rpr, el
from drafter.export.layout import BODY_CHAR_SPACING, FONT_BODY, LINE_PITCH, ROLES, SIZE_3HAO, Role
from drafter.export.paragraphs import Indent, indent_element, line_properties


@dataclass(frozen=True)
class StyleSpec:
    style_id: str
    name: str
    role: str  # the layout role whose look the style carries
    next_id: str = "Normal"
    priority: int = 20


STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("Normal", "Normal", "body", priority=0),  # shown as 正文 by Chinese Word and WPS
    StyleSpec("Title", "Title", "title", priority=10),  # shown as 标题
    StyleSpec("gwHeading1", "一级标题", "h1", priority=11),
    StyleSpec("gwHeading2", "二级标题", "h2", priority=12),
    StyleSpec("gwHeading3", "三级标题", "h3", priority=13),
    StyleSpec("gwHeading4", "四级标题", "h4", priority=14),
    StyleSpec("gwAttachment", "附件", "attachment_label", priority=15),
    StyleSpec("gwAddressee", "主送机关", "addressee", priority=16),
    StyleSpec("gwAttachmentNote", "附件说明", "attachment_note", "gwAttachmentNote", priority=17),
    StyleSpec("gwSignature", "发文机关署名", "signature", "gwDate", priority=18),
    StyleSpec("gwDate", "成文日期", "date", priority=19),
    StyleSpec("gwNote", "附注", "note", priority=20),
    StyleSpec("gwMark", "发文机关标志", "mark", priority=21),
    StyleSpec("gwDocNumber", "发文字号", "doc_number", priority=22),
    StyleSpec("gwHeadNote", "份号密级紧急程度", "secrecy", priority=23),
    StyleSpec("gwImprint", "版记", "imprint", "gwImprint", priority=24),
)

# Names the issue and a Chinese user look for, by style id (Normal and Title are Word's built-ins).
DISPLAY_NAMES = {"Normal": "正文", "Title": "标题"} | {s.style_id: s.name for s in STYLES[2:]}


def install_styles(styles_root: etree._Element) -> None:
    """Replace the styles part's content: docDefaults, the default character/table/list styles and
    drafter's paragraph styles."""
    for child in list(styles_root):
        styles_root.remove(child)
    styles_root.append(_doc_defaults())
    styles_root.extend(_default_styles())
    styles_root.extend(_paragraph_style(spec) for spec in STYLES)


def _doc_defaults() -> etree._Element:
    """仿宋 3号 zh-CN with the −0.25 pt that makes 28 characters fit, exact 579-twip lines, and no
    extra space between Chinese and digits (autoSpaceDE/DN): a digit is half a character wide, as
    the 28-character grid and the 署名/成文日期 indents count it."""
    spacing = el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": LINE_PITCH, "w:lineRule": "exact"})
    ppr = el("w:pPr", None, el("w:autoSpaceDE", {"w:val": 0}), el("w:autoSpaceDN", {"w:val": 0}), spacing)
    return el(
        "w:docDefaults", None,
        el("w:rPrDefault", None, build_rpr(FONT_BODY, SIZE_3HAO, BODY_CHAR_SPACING)),
        el("w:pPrDefault", None, ppr),
    )  # fmt: skip


def _default_styles() -> list[etree._Element]:
    character = el("w:style", {"w:type": "character", "w:default": 1, "w:styleId": "DefaultParagraphFont"},
                   el("w:name", {"w:val": "Default Paragraph Font"}), el("w:uiPriority", {"w:val": 1}),
                   el("w:semiHidden"), el("w:unhideWhenUsed"))  # fmt: skip
    margins = el("w:tblCellMar", None,
                 el("w:top", {"w:w": 0, "w:type": "dxa"}), el("w:left", {"w:w": 108, "w:type": "dxa"}),
                 el("w:bottom", {"w:w": 0, "w:type": "dxa"}), el("w:right", {"w:w": 108, "w:type": "dxa"}))  # fmt: skip
    table = el("w:style", {"w:type": "table", "w:default": 1, "w:styleId": "TableNormal"},
               el("w:name", {"w:val": "Normal Table"}), el("w:uiPriority", {"w:val": 99}),
               el("w:semiHidden"), el("w:unhideWhenUsed"),
               el("w:tblPr", None, el("w:tblInd", {"w:w": 0, "w:type": "dxa"}), margins))  # fmt: skip
    numbering = el("w:style", {"w:type": "numbering", "w:default": 1, "w:styleId": "NoList"},
                   el("w:name", {"w:val": "No List"}), el("w:uiPriority", {"w:val": 99}),
                   el("w:semiHidden"), el("w:unhideWhenUsed"))  # fmt: skip
    return [character, table, numbering]


def _paragraph_style(spec: StyleSpec) -> etree._Element:
    role = ROLES[spec.role]
    attrs = {"w:type": "paragraph", "w:styleId": spec.style_id}
    if spec.style_id == "Normal":
        attrs["w:default"] = 1
    style = el("w:style", attrs, el("w:name", {"w:val": spec.name}))
    if spec.style_id != "Normal":
        style.append(el("w:basedOn", {"w:val": "Normal"}))
    style.append(el("w:next", {"w:val": spec.next_id}))
    style.append(el("w:uiPriority", {"w:val": spec.priority}))
    style.append(el("w:qFormat"))
    style.append(style_ppr(role))
    style.append(build_rpr(role.font, role.size, role.char_spacing, color=role.color))
    return style


def style_ppr(role: Role) -> etree._Element:
    """A style's paragraph properties, in schema order."""
    ppr = el("w:pPr")
    if role.keep_next:
        ppr.append(el("w:keepNext"))
    if role.page_break_before:
        ppr.append(el("w:pageBreakBefore"))
    # No widow/orphan control: it would move lines and break the 22-lines-a-page grid.
    ppr.append(el("w:widowControl", {"w:val": 0}))
    ppr.extend([el("w:autoSpaceDE", {"w:val": 0}), el("w:autoSpaceDN", {"w:val": 0})])
    lines = line_properties(role)
    for name in ("snapToGrid", "spacing"):
        if name in lines:
            ppr.append(lines[name])
    ppr.append(indent_element(Indent.of(role), role.char_width))
    ppr.append(el("w:jc", {"w:val": role.align}))
    if role.outline_level is not None:
        ppr.append(el("w:outlineLvl", {"w:val": role.outline_level}))
    return ppr


def style_names(styles_root: etree._Element) -> dict[str, str]:
    """style id → name, as written (for tests and checks)."""
    return {s.get(qn("w:styleId")): s.find(qn("w:name")).get(qn("w:val")) for s in styles_root.iter(qn("w:style"))}
