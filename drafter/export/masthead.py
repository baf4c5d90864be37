"""The 版头 (GB/T 9704 §7.2): 份号, 密级和保密期限, 紧急程度 top left, the red 发文机关标志, the
发文字号 (with the 签发人 for a 上行文) and the red separator line — everything above the title
of the first page."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from drafter.export import layout as L
from drafter.export.docx_fonts import build_rpr, el
from drafter.export.gongwen import GongwenPage
from drafter.export.paragraphs import run


@dataclass
class Masthead:
    mark: str
    doc_number: str = ""
    signer: str = ""  # 签发人: a 上行文 names who signed it (§7.2.6)
    copy_no: str = ""
    secrecy: str = ""
    urgency: str = ""


def add_masthead(page: GongwenPage, head: Masthead) -> None:
    """§7.2.1–7.2.3 the marks top left (one a line, in that order), §7.2.4 the mark 35 mm under the
    top of the type area, §7.2.5 the 文号 two lines under it, §7.2.7 the red line 4 mm under that,
    then the two blank lines §7.3.1 puts before the title."""
    lines_above = 0
    for role, text in (("copy_no", head.copy_no), ("secrecy", head.secrecy), ("urgency", head.urgency)):
        if text.strip():
            page.add(role, text.strip())
            lines_above += 1
    _add_mark(page, head.mark.strip(), lines_above)
    for _ in range(L.LINES_MARK_TO_NUMBER):
        page.blank_line(keep_next=True)
    _add_number_line(page, head.doc_number.strip(), head.signer.strip())
    for _ in range(L.LINES_RED_LINE_TO_TITLE):
        page.blank_line(keep_next=True)


def mark_size(mark: str) -> tuple[int, int]:
    """(size in half-points, width scale in %) that fit `mark` in the type area: 初号, narrowed to no
    less than half width, then smaller."""
    width_chars = max(L.text_width_chars(mark), 1)
    natural = width_chars * L.MARK_SIZE * 10  # twips at 100 %
    if natural <= L.MARK_MAX_WIDTH:
        return L.MARK_SIZE, 100
    scale = int(L.MARK_MAX_WIDTH * 100 / natural)
    if scale >= L.MARK_MIN_SCALE:
        return L.MARK_SIZE, scale
    size = int(L.MARK_MAX_WIDTH * 100 / (width_chars * 10 * L.MARK_MIN_SCALE))
    return size, L.MARK_MIN_SCALE


def _add_mark(page: GongwenPage, mark: str, lines_above: int) -> None:
    size, scale = mark_size(mark)
    line = L.mark_line(size)
    lead = round((line - size * 10) / 2)
    before = max(0, L.MARK_TOP - lines_above * L.LINE_PITCH - lead)
    spacing = el("w:spacing", {"w:before": before, "w:after": 0, "w:line": line, "w:lineRule": "exact"})
    rpr = build_rpr(L.FONT_TITLE, size, 0, color=L.RED, scale=scale)
    page.add("mark", [run(mark, "mark", rpr=rpr)], extra=[spacing], keep_next=True)


def _add_number_line(page: GongwenPage, number: str, signer: str) -> etree._Element:
    """The 文号 centred, or for a 上行文 one character in from the left with 签发人：姓名 one character in
    from the right on the same line (§7.2.5, §7.2.6); the paragraph's bottom border is the red line."""
    border = el("w:pBdr", None, el("w:bottom", {
        "w:val": "single", "w:sz": L.RED_LINE_WIDTH, "w:space": _red_line_space(), "w:color": L.RED,
    }))  # fmt: skip
    if not signer:
        return page.add("doc_number", number, extra=[border])
    one = L.CHAR_WIDTH
    tabs = el("w:tabs", None, el("w:tab", {"w:val": "left", "w:pos": one}),
              el("w:tab", {"w:val": "right", "w:pos": L.TYPE_AREA_WIDTH - one}))  # fmt: skip
    jc = el("w:jc", {"w:val": "left"})
    kai = build_rpr(L.FONT_KAI, L.SIZE_3HAO, L.BODY_CHAR_SPACING)
    content = [_tab(), run(number, "doc_number", styled=page.styled), _tab(),
               run("签发人：", "doc_number", styled=page.styled), run(signer, "doc_number", rpr=kai)]  # fmt: skip
    return page.add("doc_number", content, extra=[border, tabs, jc])


def _tab() -> etree._Element:
    return el("w:r", None, el("w:tab"))


def _red_line_space() -> int:
    """Points between the 文号 line and its border: 4 mm under the characters (§7.2.7), less the part
    of the 28.95 pt line that already lies under them."""
    under_text = (L.LINE_PITCH - L.SIZE_3HAO * 10) / 2 / 20  # points below the em box in the line
    return max(0, round(L.RED_LINE_BELOW / 20 - under_text))
