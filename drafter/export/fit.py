"""How many lines of the first page the 版头, the title and the 主送 leave for the notice — an
estimate on the 22 × 28 grid, good to a line.

GB/T 9704 §7.3.3 wants text on the first page (公文首页必须显示正文), and the 署名 should not stand
alone on the next one. Keeping the last paragraph with the 署名 (keep-with-next) does the second,
but LibreOffice then moves a whole paragraph, which can leave the first page without text; the
export chains the last paragraph only where the estimate says that cannot happen.
"""

from __future__ import annotations

import math

from drafter.export import layout as L
from drafter.export.masthead import mark_size
from drafter.export.title_lines import title_lines


def paragraph_lines(text: str, first_indent: float = 2, width: int = L.CHARS_PER_LINE) -> int:
    return max(1, math.ceil((first_indent + L.text_width_chars(text)) / width))


def masthead_twips(mark: str, marks_above: int) -> int:
    """Height of the 版头, from the top of the type area to the line under the 文号's blank lines."""
    if not mark:
        return 0
    size, _ = mark_size(mark)
    mark_line = L.mark_line(size)
    top = max(L.MARK_TOP - round((mark_line - size * 10) / 2), marks_above * L.LINE_PITCH)
    number = (L.LINES_MARK_TO_NUMBER + 1 + L.LINES_RED_LINE_TO_TITLE) * L.LINE_PITCH
    return top + mark_line + number + L.RED_LINE_BELOW


def first_page_lines_left(mark: str, marks_above: int, title: str, addressee: str) -> int:
    """Grid lines left on the first page after the 版头, the notice title, its blank line and 主送."""
    used = masthead_twips(mark, marks_above) + len(title_lines(title)) * L.LINE_PITCH
    used += L.LINE_PITCH  # §7.3.2 the blank line under the title
    if addressee:
        used += paragraph_lines(addressee, 0) * L.LINE_PITCH
    return L.LINES_PER_PAGE - math.ceil(used / L.LINE_PITCH)


def tail_lines(attachments: int, seal: bool, note: bool) -> int:
    """Lines the 附件说明, 署名, 成文日期 and 附注 take under the text."""
    return (1 + attachments if attachments else 0) + (L.SEAL_BLANK_LINES if seal else 1) + 2 + (1 if note else 0)
