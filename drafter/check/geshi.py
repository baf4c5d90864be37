"""格式: the 公文 text rules (GB/T 9704-2012, GB/T 15834-2011) — marks, 层次序数, numbering.

Punctuation comes from the shared normaliser (`drafter.text.punctuation.find_fixes`, the same one
the export uses): each fix it would make is a finding with that fix as a safe suggestion. On top of
it: heading markers in their standard form (一、 （一） 1. （1）, nothing after a bracketed number),
numbering that skips or repeats (一、二、四), and in `geshi_lines`: the 成文日期, titles, 附件; in
`geshi_units`: the units named after a task, each whole and each alone.
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
from drafter.check.geshi_units import unit_list_findings
from drafter.check.geshi_wenhao import doc_number_findings
from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.messages import t
from drafter.text.garbled import find_garbled
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
        if part.part == "meta" and part.field != "title":
            continue  # names and the documents implemented: the export sets their marks
        spans = [] if i in items else part.headings
        found += _punctuation(part, [(a, b) for a, b, _l, _n in spans])
        found += _unpaired(part)
        for start, end, level, ordinal in spans:
            heading = Heading(
                part, level, ordinal, part.text[start:end], start, part.path[:-1] if part.path else ()
            )
            headings.append(heading)
            found += _marker_form(heading)
    found += _numbering(headings)
    found += date_line_findings(parts)
    found += title_findings(parts)
    found += attachment_findings(parts, items)
    found += doc_number_findings(parts)
    found += unit_list_findings(parts)
    return found


# -- punctuation ----------------------------------------------------------------------------------


def _punctuation(part: TextPart, markers: list[tuple[int, int]]) -> list[Finding]:
    out = []
    for fix in find_fixes(part.text):
        if any(fix.start < b and fix.end > a for a, b in markers):
            continue  # the marker rule speaks for the marker
        message = t(f"punctuation.{fix.rule}", old=fix.old, new=fix.new)
        out.append(
            Finding(
                FAMILY,
                "warning",
                f"geshi.{fix.rule}",
                part.location(fix.start),
                fix.old,
                message,
                fix.new,
                True,
                "GB/T 15834-2011; GB/T 9704-2012",
            )
        )
    return out


# -- marks that come in pairs ---------------------------------------------------------------------

_PAIRS = {"（": "）", "(": ")", "《": "》", "“": "”", "〔": "〕", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
# A question mark inside a 公文 sentence is a byte the scrape could not decode (`有序？qū)嵤`).
_MOJIBAKE_MARK = re.compile(r"[?？](?=[^\s”’）)》。，；、！?？])")


def _unpaired(part: TextPart) -> list[Finding]:
    """A bracket, 书名号 or quotation mark left open or closed without opening, in one paragraph.

    Scraped sources lose marks (`（责任单位：市卫生健康委` with no `）`); a reviewer sees it at once.
    No safe fix: where the mark belongs is the drafter's call."""
    out, start = [], 0
    for line in part.text.split("\n"):
        if find_garbled(line) or _MOJIBAKE_MARK.search(line):  # mojibake swallows marks (flagged elsewhere)
            start += len(line) + 1
            continue
        stack: list[tuple[str, int]] = []
        for i, ch in enumerate(line):
            if ch in _PAIRS and not (ch == "“" and stack and stack[-1][0] == "“"):
                stack.append((ch, i))
            elif ch in _CLOSERS:
                if stack and stack[-1][0] == _CLOSERS[ch]:
                    stack.pop()
                else:
                    out.append(_unpaired_finding(part, start + i, ch))
                    stack.clear()  # one finding a paragraph is enough to send the reader there
                    break
        out += [_unpaired_finding(part, start + i, ch) for ch, i in stack[:1]]
        start += len(line) + 1
    return out


def _unpaired_finding(part: TextPart, at: int, mark: str) -> Finding:
    return Finding(FAMILY, "warning", "geshi.unpaired", part.location(at), mark,
                   t("check.geshi_unpaired", mark=mark), None, False, "GB/T 15834-2011 4.")


# -- heading markers ---------------------------------------------------------------------------------


def _marker_form(heading: Heading) -> list[Finding]:
    proper = normalize_marker(heading.marker)
    if proper == heading.marker:
        return []
    return [
        Finding(
            FAMILY,
            "warning",
            "geshi.marker",
            heading.part.location(heading.at),
            heading.marker,
            t("check.geshi_marker", old=heading.marker, new=proper),
            proper,
            True,
            "GB/T 9704-2012 7.3.3",
        )
    ]


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
    return Finding(
        FAMILY,
        severity,
        "geshi.numbering",
        h.part.location(h.at),
        h.marker,
        message,
        None,
        False,
        "GB/T 9704-2012 7.3.3",
    )
