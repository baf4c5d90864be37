"""Chinese line breaking (禁则) for text shown in fixed-width columns, and cutting text with an ellipsis.

GB/T 15834 and every Chinese typesetter forbid a line that starts with closing punctuation
(`，、。：；！？）》」』”’` …) and a line that ends with an opening mark (`（《「『“‘` …). A terminal
cannot let punctuation hang into the margin, so a line that would break badly breaks one unit earlier
instead (推出): the last character moves down with the punctuation. Latin words and numbers (`2017`,
`docx`) are kept whole when they fit on a line; `……` and `——` are never split; words joined by
no-break spaces (U+00A0) stay on one line when they fit (a key and its label: `o\u00a0更改文件夹`).

Widths are terminal cells (a hanzi is two), measured as rich measures them, so what this module
computes is exactly what a terminal shows. The module knows nothing of any UI toolkit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.cells import cell_len

CLOSING = frozenset("，、。．：；！？）》」』”’〕】〉］｝〗〙,.;:!?)]}%‰")
"""May not start a line."""
OPENING = frozenset("（《「『“‘〔【〈［｛〖〘([{")
"""May not end a line."""
ELLIPSIS = "…"
NO_BREAK_SPACE = "\u00a0"

# One unit is never split: words glued by no-break spaces, a run of latin letters/digits (with
# . , : - inside numbers), a run of the same dash or ellipsis character, a run of whitespace, or
# any other single character.
_UNIT = re.compile(r"\S+(?:\u00a0\S+)+|[A-Za-z0-9]+(?:[.,:/\-_][A-Za-z0-9]+)*|…+|—+|[^\S\u00a0]+|.", re.DOTALL)

Measure = Callable[[str], int]


def _units(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _UNIT.finditer(text)]


def line_ranges(text: str, width: int, measure: Measure = cell_len) -> list[tuple[int, int]]:
    """(start, end) offsets of each wrapped line of one paragraph (text without newlines).

    Whitespace where a line breaks belongs to neither line. A unit wider than `width` (a long URL)
    is cut by characters, as nothing better can be done."""
    width = max(width, 2)
    units = _split_wide(_units(text), text, width, measure)
    lines: list[tuple[int, int]] = []
    start_unit = 0
    while start_unit < len(units):
        end_unit = _fill(units, text, start_unit, width, measure)
        if end_unit < len(units):
            end_unit = _respect_kinsoku(units, text, start_unit, end_unit)
        lo = units[start_unit][0]
        hi = units[end_unit - 1][1]
        lines.append(_trim(text, lo, hi))
        start_unit = end_unit
        while start_unit < len(units) and text[units[start_unit][0]].isspace():
            start_unit += 1  # no line starts with the space it broke at
    return [line for line in lines if line[1] > line[0]] or [(0, 0)]


def _split_wide(units: list[tuple[int, int]], text: str, width: int, measure: Measure) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in units:
        if end - start > 1 and measure(text[start:end]) > width:
            out.extend((i, i + 1) for i in range(start, end))
        else:
            out.append((start, end))
    return out


def _fill(units: list[tuple[int, int]], text: str, first: int, width: int, measure: Measure) -> int:
    """The index after the last unit that fits on a line starting at unit `first` (at least one)."""
    used = 0
    index = first
    while index < len(units):
        start, end = units[index]
        piece = text[start:end]
        cells = measure(piece)
        if used + cells > width and index > first:
            if piece.isspace():  # a space that does not fit simply ends the line
                return index
            break
        used += cells
        index += 1
    return index


def _respect_kinsoku(units: list[tuple[int, int]], text: str, first: int, end: int) -> int:
    """Move the break back while the next line would start with closing punctuation or this line
    would end with an opening mark, keeping at least one unit on the line; when no break obeys the
    rules (a line of punctuation), break where the line is full."""
    candidate = end
    while candidate > first:
        if not (_starts_closing(units, text, candidate) or _ends_opening(units, text, first, candidate)):
            return candidate
        candidate -= 1
    return end


def _starts_closing(units: list[tuple[int, int]], text: str, at: int) -> bool:
    while at < len(units) and text[units[at][0]].isspace():
        at += 1
    return at < len(units) and text[units[at][0]] in CLOSING


def _ends_opening(units: list[tuple[int, int]], text: str, first: int, at: int) -> bool:
    while at > first and text[units[at - 1][0]].isspace():
        at -= 1
    return at > first and text[units[at - 1][1] - 1] in OPENING


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def glue_items(text: str, separator: str = " · ") -> str:
    """A list of key hints (`d 公文 docx · o 更改文件夹`) whose items stay whole when they fit: the
    spaces inside each item become no-break spaces (a line never ends between a key and its word)."""
    return separator.join(item.replace(" ", NO_BREAK_SPACE) for item in text.split(separator))


def wrap(text: str, width: int, measure: Measure = cell_len) -> list[str]:
    """`text` (newlines kept as paragraph breaks) wrapped to `width` cells with 禁则."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        out.extend(paragraph[a:b] for a, b in line_ranges(paragraph, width, measure))
    return out


def ellipsize(text: str, width: int, measure: Measure = cell_len) -> str:
    """`text` cut to at most `width` cells, ending in `…` when anything was cut."""
    if measure(text) <= width:
        return text
    if width <= 0:
        return ""
    room = width - measure(ELLIPSIS)
    used = 0
    for index, char in enumerate(text):
        used += measure(char)
        if used > room:
            return text[:index].rstrip() + ELLIPSIS
    return text  # pragma: no cover - the measure above says it is wider


def pad(text: str, width: int, measure: Measure = cell_len) -> str:
    """`text` cut (with `…`) or padded with spaces to exactly `width` cells: for aligned columns."""
    shown = ellipsize(text, width, measure)
    return shown + " " * max(0, width - measure(shown))
