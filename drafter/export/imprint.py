"""The 版记 (GB/T 9704 §7.4): 抄送机关, 印发机关 and 印发日期 between separator lines, at the bottom of
the document's last side.

§6.2 prints both sides, so the last side is an even page: the 版记 gets its own section that starts
on the next even page (`w:type evenPage`; Word and LibreOffice insert the blank odd page when the
text ends on an even one, as §7.5 foresees). On that page the 版记 is a one-column table as wide as
the type area, pushed down by a spacer paragraph so that its last line lies on the type area's
bottom edge (§7.4.1). Its height is known exactly — its lines are broken here, each of an exact
28.95 pt — so the spacer works in every renderer (LibreOffice ignores a section's `w:vAlign` and a
floating table's bottom position). The separator lines are the table's borders: the first and last
thick, those between thin; the text is one character in on each side (the cells' margins).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from drafter.export import layout as L
from drafter.export.docx_fonts import el
from drafter.export.gongwen import GongwenPage
from drafter.export.paragraphs import Indent, line_runs, paragraph, run


@dataclass
class Imprint:
    printer: str  # 印发机关
    print_date: str  # 印发日期, as 2024年3月5日 (§7.4.3: no leading zeros)
    cc: str = ""  # 抄送机关
    addressee: str = ""  # 主送 moved here when too long for the first page (§7.3.2)


def add_imprint(page: GongwenPage, imprint: Imprint) -> etree._Element:
    """§7.4.1: a thick line over the first element, a thin one between 抄送 and 印发机关 (none
    between 主送 and 抄送, §7.4.2), a thick one under 印发机关 and 印发日期."""
    page.new_section(start="evenPage")
    names = [(label, text.strip()) for label, text in (("主送", imprint.addressee), ("抄送", imprint.cc))]
    rows: list[list[etree._Element]] = []
    lines = 1  # the 印发 line
    named = [_names(page, label, text) for label, text in names if text]
    if named:
        rows.append([p for p, _ in named])
        lines += sum(n for _, n in named)
    rows.append([_printer_line(page, imprint.printer.strip(), imprint.print_date.strip())])
    _spacer(page, L.TYPE_AREA_HEIGHT - lines * L.LINE_PITCH - _AFTER_TABLE - L.IMPRINT_SLACK)
    grid = el("w:tblGrid", None, el("w:gridCol", {"w:w": L.TYPE_AREA_WIDTH}))
    table = el("w:tbl", None, _table_properties(), grid, *(_row(cell) for cell in rows))
    page.append(table)
    # Word needs a paragraph after a table, before the section's end: 1 pt high, so it fits.
    page.add("imprint", "", indent=Indent(), extra=_exact(_AFTER_TABLE))
    return table


_AFTER_TABLE = L.IMPRINT_AFTER_TABLE


def _spacer(page: GongwenPage, height: int) -> None:
    page.add("imprint", "", indent=Indent(), extra=_exact(max(height, _AFTER_TABLE)))


def _exact(height: int) -> list[etree._Element]:
    return [el("w:snapToGrid", {"w:val": 0}),
            el("w:spacing", {"w:before": 0, "w:after": 0, "w:line": height, "w:lineRule": "exact"})]  # fmt: skip


def _names(page: GongwenPage, label: str, names: str) -> tuple[etree._Element, int]:
    """§7.4.2: 4号仿宋, `抄送：` then the names, a wrapped line aligned after the colon, a full stop
    after the last name. Returns the paragraph and its number of lines (broken here)."""
    names = names.rstrip("。.，,；; ") + "。"
    lead = label + "："
    hang = L.text_width_chars(lead)
    lines = wrap(names, _capacity() - hang)
    lines[0] = lead + lines[0]
    content = line_runs(lines, "imprint", styled=page.styled)
    return paragraph("imprint", content, indent=Indent(left=hang, hanging=hang), styled=page.styled), len(lines)


def _capacity() -> int:
    """Characters of 4号 a 版记 line holds (one less than fit, for the renderers' rounding)."""
    return int((L.TYPE_AREA_WIDTH - 2 * _inset()) / L.ROLES["imprint"].char_width) - 1


def wrap(text: str, width: float) -> list[str]:
    """`text` in lines of at most `width` characters (half-width counts half), broken after a
    name's separator (，、) when one is near the end, never before a mark that may not start a
    line (，。、；：）》)."""
    lines, line = [], ""
    for ch in text:
        if L.text_width_chars(line + ch) > width and line and ch not in _NO_LINE_START:
            cut = max(line.rfind("，"), line.rfind("、"))
            if cut >= len(line) - _NAME_SLACK and cut >= 0:
                lines.append(line[: cut + 1])
                line = line[cut + 1 :]
            else:
                lines.append(line)
                line = ""
        line += ch
    return [*lines, line] if line else lines or [""]


_NAME_SLACK = 6  # characters a line may give up to keep a unit's name whole
_NO_LINE_START = "，。、；：！？）》”"


def _printer_line(page: GongwenPage, printer: str, date_text: str) -> etree._Element:
    """§7.4.3: 印发机关 one character in from the left, 印发日期 + 印发 one in from the right."""
    inner = L.TYPE_AREA_WIDTH - 2 * _inset()
    tabs = el("w:tabs", None, el("w:tab", {"w:val": "right", "w:pos": inner}))
    content = [run(printer, "imprint", styled=page.styled)]
    if date_text:
        content += [el("w:r", None, el("w:tab")), run(f"{date_text}印发", "imprint", styled=page.styled)]
    return paragraph("imprint", content, indent=Indent(), extra=[tabs], styled=page.styled)


def _inset() -> int:
    return L.IMPRINT_INDENT_CHARS * L.ROLES["imprint"].char_width


def _table_properties() -> etree._Element:
    def border(width: int) -> dict[str, object]:
        return {"w:val": "single", "w:sz": width, "w:space": 0, "w:color": "000000"}

    borders = el("w:tblBorders", None,
                 el("w:top", border(L.IMPRINT_THICK)), el("w:left", {"w:val": "nil"}),
                 el("w:bottom", border(L.IMPRINT_THICK)), el("w:right", {"w:val": "nil"}),
                 el("w:insideH", border(L.IMPRINT_THIN)), el("w:insideV", {"w:val": "nil"}))  # fmt: skip
    margins = el("w:tblCellMar", None, el("w:left", {"w:w": _inset(), "w:type": "dxa"}),
                 el("w:right", {"w:w": _inset(), "w:type": "dxa"}))  # fmt: skip
    return el("w:tblPr", None, el("w:tblW", {"w:w": L.TYPE_AREA_WIDTH, "w:type": "dxa"}),
              el("w:jc", {"w:val": "center"}), borders, el("w:tblLayout", {"w:type": "fixed"}), margins)  # fmt: skip


def _row(paragraphs: list[etree._Element]) -> etree._Element:
    tc_pr = el("w:tcPr", None, el("w:tcW", {"w:w": L.TYPE_AREA_WIDTH, "w:type": "dxa"}))
    return el("w:tr", None, el("w:trPr", None, el("w:cantSplit")), el("w:tc", None, tc_pr, *paragraphs))
