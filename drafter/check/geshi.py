"""格式: the 公文 text rules (GB/T 9704-2012, GB/T 15834-2011) — marks, 层次序数, numbering.

Punctuation comes from the shared normaliser (`drafter.text.punctuation.find_fixes`, the same one
the export uses): each fix it would make is a finding with that fix as a safe suggestion. On top of
it: heading markers in their standard form (一、 （一） 1. （1）, nothing after a bracketed number),
numbering that skips or repeats (一、二、四), and in `geshi_lines`: the 成文日期, titles, 附件.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.check.context import CheckContext
from drafter.check.geshi_lines import (
    attachment_findings,
    attachment_item_parts,
    date_line_findings,
    title_findings,
)
from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.draft.numbering import HEADING
from drafter.messages import t
from drafter.text.punctuation import find_fixes, normalize_marker

FAMILY = "格式"


@dataclass
class Heading:
    part: TextPart
    level: int
    ordinal: int | None
    marker: str  # as written, stripped
    at: int  # offset of the marker in the part's text
    parent: tuple  # the path of the parent heading (numbers by position)


def check_geshi(parts: list[TextPart], ctx: CheckContext) -> list[Finding]:
    found: list[Finding] = []
    headings: list[Heading] = []
    items = attachment_item_parts(parts)
    for i, part in enumerate(parts):
        marker_span = None if i in items else _marker_span(part)
        found += _punctuation(part, marker_span)
        heading = _heading_of(part, marker_span)
        if heading is not None:
            headings.append(heading)
            found += _marker_form(heading)
    found += _numbering(headings)
    found += date_line_findings(parts)
    found += title_findings(parts)
    found += attachment_findings(parts, items)
    return found


# -- punctuation ----------------------------------------------------------------------------------


def _punctuation(part: TextPart, marker_span: tuple[int, int] | None) -> list[Finding]:
    out = []
    for fix in find_fixes(part.text):
        if marker_span and fix.start < marker_span[1] and fix.end > marker_span[0]:
            continue  # the marker rule speaks for the marker
        message = t(f"punctuation.{fix.rule}", old=fix.old, new=fix.new)
        out.append(Finding(FAMILY, "warning", f"geshi.{fix.rule}", part.location(fix.start), fix.old, message,
                           fix.new, True, "GB/T 15834-2011; GB/T 9704-2012"))
    return out


# -- heading markers ---------------------------------------------------------------------------------


def _marker_span(part: TextPart) -> tuple[int, int] | None:
    if part.part == "heading":
        marker = part.marker
        start = len(marker) - len(marker.lstrip())
        return (start, len(marker.rstrip())) if marker.strip() else None
    if part.part in ("line", "paragraph") and part.level is not None:
        m = HEADING.match(part.text)
        if m:
            start = len(part.text) - len(part.text.lstrip())
            return start, _marker_end(part.text, m)
    return None


def _marker_end(text: str, m: re.Match[str]) -> int:
    end = m.start("title")
    while end > 0 and text[end - 1] in " \t\u3000":
        end -= 1
    return end


def _heading_of(part: TextPart, span: tuple[int, int] | None) -> Heading | None:
    if span is None or part.level is None:
        return None
    marker = part.text[span[0]:span[1]]
    parent = part.path[:-1] if part.part == "heading" else part.path[:-1]
    return Heading(part, part.level, ordinal_of(marker), marker, span[0], parent)


def _marker_form(heading: Heading) -> list[Finding]:
    proper = normalize_marker(heading.marker)
    if proper == heading.marker:
        return []
    return [Finding(FAMILY, "warning", "geshi.marker", heading.part.location(heading.at), heading.marker,
                    t("check.geshi_marker", old=heading.marker, new=proper), proper, True,
                    "GB/T 9704-2012 7.3.3")]


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def ordinal_of(marker: str) -> int | None:
    """`四、` → 4, `（十二）` → 12, `3.` → 3, `(1)` → 1; None when the marker holds no number."""
    digits = re.search(r"[0-9０-９]+", marker)
    if digits:
        return int(digits.group().translate({ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}))
    chinese = re.search(r"[一二三四五六七八九十百零〇]+", marker)
    return chinese_to_int(chinese.group()) if chinese else None


def chinese_to_int(text: str) -> int | None:
    if not text:
        return None
    if "十" not in text and "百" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS.get(ch, 0)
        return value
    total, hundreds = 0, text.split("百")
    if len(hundreds) == 2:
        total += (_CN_DIGITS.get(hundreds[0], 1) if hundreds[0] else 1) * 100
        text = hundreds[1].lstrip("零")
    if "十" in text:
        tens, _sep, ones = text.partition("十")
        total += (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    elif text:
        total += _CN_DIGITS.get(text, 0)
    return total


# -- numbering ----------------------------------------------------------------------------------------


def _numbering(headings: list[Heading]) -> list[Finding]:
    """Siblings numbered 1, 2, 3 …; a list may also start again at 1, or run on from the parent's
    previous sibling's last child (国务院 documents number （一） to （二十） across parts)."""
    out = []
    last: dict[tuple, int] = {}  # (parent path, level) → last ordinal
    last_of_level: dict[int, int] = {}  # level → last ordinal anywhere (for numbering that runs on)
    for h in headings:
        if h.ordinal is None:
            continue
        key = (h.parent, h.level)
        previous = last.get(key)
        if previous is None:
            expected = {1, last_of_level.get(h.level, 0) + 1}
        else:
            expected = {previous + 1, 1}
        if h.ordinal not in expected:
            out.append(_numbering_finding(h, previous, min(e for e in expected if e != 1) if previous else 1))
        last[key] = h.ordinal
        last_of_level[h.level] = h.ordinal
        for deeper in [k for k in last if k[1] > h.level]:
            del last[deeper]
    return out


def _numbering_finding(h: Heading, previous: int | None, expected: int) -> Finding:
    if previous is not None and h.ordinal == previous:
        message, severity = t("check.geshi_numbering_repeat", marker=h.marker), "error"
    elif previous is not None and h.ordinal > previous:
        message, severity = t("check.geshi_numbering_skip", marker=h.marker, expected=expected), "error"
    else:
        message, severity = t("check.geshi_numbering_order", marker=h.marker, expected=expected), "warning"
    return Finding(FAMILY, severity, "geshi.numbering", h.part.location(h.at), h.marker, message, None, False,
                   "GB/T 9704-2012 7.3.3")
