"""Text edits with position tracking, so every cleaning step can say what it removed and where.

A step returns the edits it made on its input: `Edit(start, end, replacement, what)`, sorted and
non-overlapping. `apply_edits` builds the new text; `PositionMap` carries positions recorded by
earlier steps forward into the new text, so a removal can be reported at its offset in the *final*
cleaned text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace text[start:end] with `replacement`. `what` names the category of a reported removal;
    None means an unreported normalisation (whitespace, 繁→简). A named tuple, not a dataclass: a
    plan's cleaning makes tens of thousands, and a tuple is made 4× faster."""

    start: int
    end: int
    replacement: str = ""
    what: str | None = None


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with every edit made (edits sorted by start, non-overlapping)."""
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


class PositionMap:
    """Maps offsets in a step's input to offsets in its output.

    An offset inside a replaced span maps to where the replacement starts; offsets after an edit
    shift by the length change of every edit before them.
    """

    def __init__(self, edits: list[Edit]) -> None:
        self._starts = [e.start for e in edits]
        self._ends = [e.end for e in edits]
        self._edits = edits
        # _shift[i]: total length change of edits[0..i-1]
        self._shift = [0, *accumulate(len(e.replacement) - (e.end - e.start) for e in edits)]

    def new_start(self, i: int) -> int:
        """Where edit i's replacement starts in the output."""
        return self._edits[i].start + self._shift[i]

    def new_starts(self) -> list[int]:
        """Where each edit's replacement starts in the output."""
        return [start + shift for start, shift in zip(self._starts, self._shift)]

    def map_all(self, positions: list[int]) -> list[int]:
        """`[self(pos) for pos in positions]`, inlined: a scraped page carries thousands of removed
        tags' positions through every later step."""
        starts, ends, shift = self._starts, self._ends, self._shift
        out = []
        for pos in positions:
            i = bisect_right(starts, pos) - 1
            if i < 0:
                out.append(pos)
            elif pos < ends[i]:
                out.append(starts[i] + shift[i])
            else:
                out.append(pos + shift[i + 1])
        return out

    def __call__(self, pos: int) -> int:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        e = self._edits[i]
        if pos < e.end:
            return self.new_start(i)
        return pos + self._shift[i + 1]


def regex_edits(
    pattern: re.Pattern[str],
    text: str,
    replace: Callable[[re.Match[str]], str | None] | str = "",
    what: str | None = None,
) -> list[Edit]:
    """One edit per match of `pattern`; `replace` gives the replacement (None: leave that match)."""
    if not callable(replace):
        return [
            Edit(m.start(), m.end(), replace, what) for m in pattern.finditer(text) if m.group() != replace
        ]
    edits = []
    for m in pattern.finditer(text):
        new = replace(m)
        if new is not None and new != m.group():
            edits.append(Edit(m.start(), m.end(), new, what))
    return edits


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """(offset, line with its `\\n`) for each line; only `\\n` ends a line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line + "\n"))
        pos += len(line) + 1
    if out:  # the last line has no newline
        last_pos, last = out[-1]
        out[-1] = (last_pos, last[:-1])
    return out


def lines_holding(text: str, positions: Iterable[int]) -> list[tuple[int, str]]:
    """(offset, line with its `\\n`) of each line holding one of `positions`, once, in order: the
    lines of `lines_with_offsets` a step needs to look at, when one search of the text finds them."""
    starts = sorted({text.rfind("\n", 0, at) + 1 for at in positions})
    out = []
    for start in starts:
        end = text.find("\n", start)
        out.append((start, text[start:] if end < 0 else text[start : end + 1]))
    return out


def deletes_whole_lines(text: str, edits: list[Edit]) -> bool:
    """Does every edit delete whole lines of `text` (from a line's start through its `\n`, or
    through the text's end)? Then every line left is exactly as it was."""
    n = len(text)
    return all(
        not e.replacement
        and (e.start == 0 or text[e.start - 1] == "\n")
        and (e.end == n or text[e.end - 1] == "\n")
        for e in edits
    )
