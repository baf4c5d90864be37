"""Bordered Word tables as WordprocessingML: fixed column widths, a header row repeated on each page.

A row either stays on one page (the 分工表's short rows) or may break across pages (`split_rows`:
the 对照表's long passages, which would otherwise leave half-empty pages); cells are centred
vertically or set from the top (`valign="top"`, as offices lay out text-heavy tables).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from drafter.export.docx_fonts import el
from drafter.export.paragraphs import paragraph

# plain text (one paragraph a line), inline elements (runs) for one paragraph, or a list of run lists
Cell = str | list[etree._Element] | list[list[etree._Element]]


def table_element(widths: Sequence[int], header: Sequence[str], rows: Sequence[Sequence[Cell]],
                  *, cell_roles: Sequence[str] | None = None, split_rows: bool = False,
                  valign: str = "center") -> etree._Element:  # fmt: skip
    """A `w:tbl` of `sum(widths)` twips; `cell_roles` names each column's paragraph role."""
    roles = list(cell_roles or ["cell"] * len(widths))
    tbl = el("w:tbl", None, _table_properties(sum(widths)), _grid(widths))
    tbl.append(_row([[_cell_paragraph("cell_head", h)] for h in header], widths, header=True, valign="center"))
    for cells in rows:
        paragraphs = [[_cell_paragraph(roles[i], c) for c in _split(cell)] for i, cell in enumerate(cells)]
        tbl.append(_row(paragraphs, widths, split=split_rows, valign=valign))
    return tbl


def _split(cell: Cell) -> list[Cell]:
    """A text cell becomes one paragraph per line; a run list stays one paragraph; a list of run
    lists is one paragraph each."""
    if isinstance(cell, str):
        return cell.split("\n") or [""]
    if cell and isinstance(cell[0], list):
        return list(cell)
    return [cell]


def _cell_paragraph(role: str, content: Cell) -> etree._Element:
    return paragraph(role, content)


def _table_properties(width: int) -> etree._Element:
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(f"w:{side}", {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "000000"}))
    margins = el(
        "w:tblCellMar",
        None,
        el("w:left", {"w:w": 85, "w:type": "dxa"}),
        el("w:right", {"w:w": 85, "w:type": "dxa"}),
    )
    return el(
        "w:tblPr",
        None,
        el("w:tblW", {"w:w": width, "w:type": "dxa"}),
        el("w:jc", {"w:val": "center"}),
        borders,
        el("w:tblLayout", {"w:type": "fixed"}),
        margins,
    )


def _grid(widths: Sequence[int]) -> etree._Element:
    return el("w:tblGrid", None, *(el("w:gridCol", {"w:w": w}) for w in widths))


def _row(cells: list[list[etree._Element]], widths: Sequence[int], *, header: bool = False,
         split: bool = False, valign: str = "center") -> etree._Element:
    # The header row stays whole and repeats on every page the table runs over.
    tr_pr = el("w:trPr")
    if header or not split:
        tr_pr.append(el("w:cantSplit"))
    if header:
        tr_pr.append(el("w:tblHeader"))
    tr = el("w:tr", None, tr_pr)
    for paragraphs, width in zip(cells, widths):
        tc_pr = el(
            "w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"}), el("w:vAlign", {"w:val": valign})
        )
        tr.append(el("w:tc", None, tc_pr, *paragraphs))
    return tr
