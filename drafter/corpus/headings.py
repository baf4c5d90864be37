"""Numbered headings in 公文 text: `一、` `(一)` `1.`/`1、` `(1)` and decimal `1.1` items.

Real plans put headings anywhere: on their own line, inline with their body (`(一)指导思想。以…`),
glued to the body with no punctuation (`一、指导思想按照国家…`), several on one line
(`一、总体要求(一)指导思想坚持…`), or after the previous item's responsibility note
(`(市卫计委负责)2.贯彻落实…`). Running text holds look-alikes (`二、三级医院`, `2017年`, `1.5张床位`),
so a marker in mid-line is taken only where a heading can stand: after a sentence end, right after a
short heading title, and only when its number continues the sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十"
_CN_VALUE = {c: i + 1 for i, c in enumerate(CN_DIGITS)}

MARKER_RE = re.compile(
    r"(?P<l1>[一二三四五六七八九十]{1,3}(?:、|[.．](?![\d一二三四五六七八九十])))"
    r"|(?P<l2>[(（][一二三四五六七八九十]{1,3}[)）])"
    r"|(?P<l4d>(?<![\d.．])\d{1,2}[.．]\d{1,2}(?![\d.．%％])[ \u3000]?)"
    r"|(?P<l3>(?<![\d.．])\d{1,2}(?:[.．](?![\d%％])|、)[ \u3000]?)"
    r"|(?P<l4>[(（]\d{1,2}[)）]|(?<![\d(（.．])\d{1,2}[)）])"
)

# After these a new heading may start in mid-line.
_SENTENCE_END = "。;；:：!！?？"
_CLOSE_PAREN = ")）"
# A glued title (heading words straight into the body) is at most this long.
_GLUED_TITLE_MAX = 24

# Standard heading words; a title that starts with one and runs on without punctuation is cut there.
HEADING_WORDS = sorted(
    """指导思想 基本原则 工作原则 总体要求 总体思路 总体目标 工作目标 主要目标 基本目标 改革目标 建设目标
    实施目标 发展目标 具体目标 目标任务 重点任务 主要任务 工作任务 重点工作 工作重点 主要内容 改革范围 实施范围
    适用范围 组织保障 保障措施 组织实施 实施步骤 工作步骤 进度安排 时间安排 工作要求 背景与意义 方案背景
    起草背景 起草依据 编制依据 工作措施 实施措施 主要措施 组织领导 职责分工 概述""".split(),
    key=len,
    reverse=True,
)
# Words that begin a body sentence; a long glued title is cut before them.
_JOINERS = ("、", "和", "及", "与")
_SHORT_HEADING_WORDS = ("目标", "意义", "原则", "任务", "要求", "思路", "措施", "步骤", "范围", "依据")
_TITLE_FINAL = re.compile(r".*(?:重要性|必要性|紧迫性|重大意义|意义)")
_BODY_OPENERS = ("坚持", "以", "按照", "到", "落实", "全面", "深入", "在", "围绕", "为", "根据", "通过")
_BODY_STARTS = ("本文", "按照", "根据", "围绕", "随着", "为了", "为贯彻", "以习近平", "坚持以")


@dataclass
class Marker:
    level: int
    number: tuple[int, ...]  # (3,) for 三、/(三)/3. ; (1, 2) for 1.2
    start: int  # offset in the line
    end: int  # offset after the marker (and a following space, if any)
    text: str  # the marker as written, e.g. "(一)" or "1. "


def cn_number(s: str) -> int:
    """一..九十九 → int (十=10, 十二=12, 二十=20, 二十三=23)."""
    if "十" not in s:
        return _CN_VALUE.get(s, 0)
    tens, _, ones = s.partition("十")
    return (_CN_VALUE.get(tens, 0) if tens else 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)


def to_cn_number(n: int) -> str:
    """int → 一..九十九, the inverse of `cn_number`."""
    if n <= 10:
        return CN_DIGITS[n - 1] if n < 10 else "十"
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens - 1]) + "十" + (CN_DIGITS[ones - 1] if ones else "")


def _marker(m: re.Match) -> Marker:
    text = m.group(0)
    kind = m.lastgroup
    digits = text.strip(" \u3000()（）、.．")
    if kind == "l1":
        return Marker(1, (cn_number(digits),), m.start(), m.end(), text)
    if kind == "l2":
        return Marker(2, (cn_number(digits),), m.start(), m.end(), text)
    if kind == "l3":
        return Marker(3, (int(digits),), m.start(), m.end(), text)
    if kind == "l4":
        return Marker(4, (int(digits),), m.start(), m.end(), text)
    major, minor = re.split(r"[.．]", digits)
    return Marker(4, (int(major), int(minor)), m.start(), m.end(), text)


def candidates(line: str) -> list[Marker]:
    """Every marker-shaped span in `line` that is followed by heading words (a CJK char)."""
    found = []
    for m in MARKER_RE.finditer(line):
        nxt = line[m.end() : m.end() + 1]
        if nxt and ("\u4e00" <= nxt <= "\u9fff" or nxt in "“《"):
            found.append(_marker(m))
    return found


class Sequence:
    """The numbering seen so far in one document, to tell headings from look-alikes."""

    def __init__(self) -> None:
        self.last: dict[int, tuple[int, ...]] = {}

    def continues(self, mk: Marker) -> bool:
        prev = self.last.get(mk.level)
        if len(mk.number) == 2:  # 1.2 continues 1.1, or starts under item 1.
            parent = self.last.get(3)
            if parent and mk.number[0] == parent[0]:
                return mk.number[1] == 1 or (prev is not None and prev == (mk.number[0], mk.number[1] - 1))
            return False
        if prev is None:
            return mk.number[0] == 1
        return mk.number[0] == prev[0] + 1 or mk.number[0] == 1 and self._deeper_seen_since(mk.level)

    def _deeper_seen_since(self, level: int) -> bool:
        # A sub-list restarts at 1 under a new parent: allowed when a shallower heading was seen.
        return any(lv < level for lv in self.last)

    def accept(self, mk: Marker) -> None:
        self.last[mk.level] = mk.number
        for deeper in [lv for lv in self.last if lv > mk.level]:
            del self.last[deeper]


def title_end(line: str, start: int, next_marker: int | None) -> tuple[int, int]:
    """Where the heading title starting at `start` ends, and where its inline body begins.

    Stops at the first `。`, at a glued next heading, or at the line end; a title that runs straight
    into its body without punctuation is cut after a standard heading word or before a body opener.
    """
    stop = len(line) if next_marker is None else next_marker
    period = line.find("。", start, stop)
    if period != -1:
        stop = period
    cut = _glued_cut(line[start:stop])
    if cut is not None:
        return start + cut, start + cut
    body_start = stop + 1 if period != -1 and stop == period else stop
    return stop, body_start


def _glued_cut(title: str) -> int | None:
    """Length of the real title inside a title glued to its body, or None when not glued."""
    chain = _heading_word_chain(title)
    if chain:
        rest = title[chain:]
        if rest and (len(rest) >= 6 or rest.startswith(_BODY_OPENERS) or rest[0].isdigit() or rest[0] in "(（“"):
            return chain
        return None
    half = len(title) // 2
    if len(title) >= 4 and title[:half] == title[half : 2 * half] and len(title) <= 2 * half + 1:
        return half  # 概述概述: a label repeated as a lead-in
    clause = re.split(r"[,，]", title, maxsplit=1)[0]
    ends = _TITLE_FINAL.search(clause)
    if len(title) > 30 and ends and len(clause) - ends.end() >= 4:
        return ends.end()  # 一、充分认识…的紧迫性和重要性医药卫生体制改革事关…
    if len(title) > 24:
        for opener in _BODY_STARTS:
            at = title.find(opener, 2, 14)
            if at != -1:
                return at
    return None


def _heading_word_chain(title: str) -> int:
    """Length of a run of standard heading words at the start (`指导思想、基本原则和工作目标`)."""
    end = 0
    words = HEADING_WORDS
    while True:
        word = next((w for w in words if title.startswith(w, end)), None)
        if word is None:
            return end
        end += len(word)
        if title[end : end + 1] not in _JOINERS or end + 1 >= len(title):
            return end
        end += 1  # the joiner; the chain must go on with another heading word
        words = [*HEADING_WORDS, *_SHORT_HEADING_WORDS]
        if not any(title.startswith(w, end) for w in words):
            return end - 1


def is_glued_prefix(text: str) -> bool:
    """True when `text` (what stands between a heading marker and the next marker) is a short title."""
    return 0 < len(text) <= _GLUED_TITLE_MAX and not any(ch in text for ch in _SENTENCE_END + ",，")


def may_start_here(line: str, pos: int) -> bool:
    """Can a heading begin at `pos` of `line` (not counting the glued-title case)?"""
    if pos == 0:
        return True
    before = line[:pos].rstrip(" \u3000")
    if not before:
        return True
    return before[-1] in _SENTENCE_END or before[-1] in _CLOSE_PAREN and _closes_note(before)


def _closes_note(before: str) -> bool:
    # `(市卫计委负责)2.…`: a bracketed note ending a task item, not `2024年(试行)` mid-sentence.
    open_at = max(before.rfind("("), before.rfind("（"))
    return open_at != -1 and (open_at == 0 or before[open_at - 1] in _SENTENCE_END)
