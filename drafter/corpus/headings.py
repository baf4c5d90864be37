"""Numbered headings in 公文 text: `一、` `(一)` `1.`/`1、` `(1)` and decimal `1.1` items.

Real plans put headings anywhere: on their own line, inline with their body (`(一)指导思想。以…`),
glued to the body with no punctuation (`一、指导思想按照国家…`), several on one line
(`一、总体要求(一)指导思想坚持…`), or after the previous item's responsibility note
(`(市卫计委负责)2.贯彻落实…`). Running text holds look-alikes (`二、三级医院`, `2017年`, `1.5张床位`),
so a marker in mid-line is taken only where a heading can stand: after a sentence end, right after a
short heading title, and only when its number continues the sequence.

Scraped text also misspells markers: a space before the dot (`2 .加强`), a stray mark inside
(`三,、` `四.、` `一'`), full-width digits (`１．`), a missing dot (`6 加强…`), and the bare numbers of a
decimal outline (`1总则` above `1.1编制目的`). These loose forms are taken only at the start of a line
and only where the numbering confirms them. `第一，` and `一是…二是…` runs are sentences, not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.text import lazy_re

CN_DIGITS = "一二三四五六七八九十"
_CN_VALUE = {c: i + 1 for i, c in enumerate(CN_DIGITS)}
_CN = "[一二三四五六七八九十]{1,3}"

# A marker may be followed by spaces or a tab before its title (`一、  全面深化…`, `（一）　指导思想`).
# The lookahead names every alternative's first character: without it `re` tries all five at
# every position of every line (4× slower; the outline's hottest loop).
MARKER_RE = lazy_re.compile(
    r"(?=[一二三四五六七八九十(（\d])"
    rf"(?:(?P<l1>{_CN}(?:[,，.．'’‘`]?、|[.．](?![\d一二三四五六七八九十]))[ \u3000\t]*)"
    rf"|(?P<l2>[(（]{_CN}[)）][ \u3000\t]*)"
    r"|(?P<l4d>(?<![\d.．])\d{1,2}[.．]\d{1,2}(?![\d.．%％])[ \u3000\t]*)"
    r"|(?P<l3>(?<![\d.．])\d{1,2}[ \u3000]?(?:[.．](?![\d%％])|、)[ \u3000\t]*)"
    r"|(?P<l4>(?:[(（]\d{1,2}[)）]|(?<![\d(（.．])\d{1,2}[)）])[ \u3000\t]*))"
)
# Forms taken only at the start of a line (so matched only there): `一，` `一'`, `3.65%以上的…` (item 3
# or the number 3.65: the sequence decides), and bare numbers (`6 加强…`, `1总则`).
LOOSE_RE = lazy_re.compile(
    rf"(?P<l1x>{_CN}[,，'’‘`](?!、))"
    r"|(?P<l3n>\d{1,2}[.．](?=\d))"
    r"|(?P<l3b>\d{1,2}(?![\d.．、%％)）])[ \u3000]*)"
)


def match_marker(line: str) -> re.Match | None:
    """The marker at the start of `line`, strict or loose."""
    return MARKER_RE.match(line) or LOOSE_RE.match(line)


# After these a new heading may start in mid-line.
_SENTENCE_END = "。;；:：!！?？"
_CLOSE_PAREN = ")）"
# A glued title (heading words straight into the body) is at most this long.
_GLUED_TITLE_MAX = 24
# A number followed by one of these is a quantity (`5 次`, `12月`), not a heading number.
_UNITS = set("年月日号时分秒个次项条名人元万亿页天岁级倍家所座张台辆套批期届版周层户")
# A title may open with a year, an age, a count or a share: `2025年底前…`, `65岁以上…`, `90%以上…`.
_NUMBER_LED = lazy_re.compile(r"\d{1,4}(?:[.．]\d{1,2})?\s*(?:%|％|‰|[\u4e00-\u9fff])")
# Lines at least this long are flattened pages: the gaps between their former lines are spaces.
FLAT_LINE = 200
_GAP = lazy_re.compile(r"[\u4e00-\u9fff，。：；）)”][ \u3000]+[\u4e00-\u9fff（(“《\d]")
_DECIMAL_ITEM = r"[1-9][.．][1-9](?![\d.．%％])[ \u3000]?[\u4e00-\u9fff]"
# `(?:^|[ \u3000\n])` + item, as two patterns: one opening with a character class, which `re` skips
# to (the `^` alternative made it try the pattern at every character of the text).
_DECIMAL_OUTLINE = lazy_re.compile(rf"[ \u3000\n]{_DECIMAL_ITEM}")
_DECIMAL_AT_START = lazy_re.compile(_DECIMAL_ITEM)
# `1.4.2 …`: a third-tier decimal number, below the outline's labelled tiers, never a `1.` item.
_DEEP_DECIMAL = lazy_re.compile(r"\d{1,2}[.．]\d{1,2}[.．]\d")
_NOT_NUMBER = lazy_re.compile(r"[^\d一二三四五六七八九十.．]")


@dataclass
class Marker:
    level: int
    number: tuple[int, ...]  # (3,) for 三、/(三)/3. ; (1, 2) for 1.2
    start: int  # offset in the line
    end: int  # offset after the marker (and a following space, if any)
    text: str  # the marker as written, e.g. "(一)" or "1. "
    style: str = ""  # how the number is written at its level: "、" "." "bare" "()" ")" "1.1"
    loose: bool = False  # a misspelt or bare form, taken only at a line start when the numbering agrees


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
    core = text.strip(" \u3000\t")
    digits = _NOT_NUMBER.sub("", core).strip(".．")
    if kind in ("l1", "l1x"):
        loose = kind == "l1x" or len(core) > len(digits) + 1
        return Marker(1, (cn_number(digits),), m.start(), m.end(), text, "", loose)
    if kind == "l2":
        return Marker(2, (cn_number(digits),), m.start(), m.end(), text, "()")
    if kind == "l3":
        style = "、" if core.endswith("、") else "."
        return Marker(3, (int(digits),), m.start(), m.end(), text, style, " " in core or "\u3000" in core)
    if kind == "l3b":
        return Marker(3, (int(digits),), m.start(), m.end(), text, "bare", True)
    if kind == "l3n":  # `3.65%以上的幼儿园…`: item 3, or the number 3.65 — the sequence decides
        return Marker(3, (int(digits),), m.start(), m.end(), text, ".", True)
    if kind == "l4":
        return Marker(4, (int(digits),), m.start(), m.end(), text, "()" if core[0] in "(（" else ")")
    major, minor = re.split(r"[.．]", digits)
    return Marker(4, (int(major), int(minor)), m.start(), m.end(), text, "1.1")


def candidates(line: str) -> list[Marker]:
    """Every marker-shaped span in `line` that is followed by heading words (a CJK char), or by a
    number that starts a title (`（二）2025年底前…`, `（一）65岁以上…`, `3.90%以上的…`)."""
    found = []
    loose = LOOSE_RE.match(line) if not MARKER_RE.match(line) else None
    for m in ([loose] if loose else []) + list(MARKER_RE.finditer(line)):
        nxt = line[m.end() : m.end() + 1]
        if not nxt or not ("\u4e00" <= nxt <= "\u9fff" or nxt in "“《" or nxt.isdigit()):
            continue  # checked before building the marker: most matches are plain numbers
        if nxt.isdigit() and _DEEP_DECIMAL.match(line, m.start()):
            continue
        mk = _marker(m)
        if nxt.isdigit() and (mk.style == "bare" or not _NUMBER_LED.match(line, m.end())):
            continue
        if mk.style in ("bare", ".", "、") and nxt in _UNITS:
            continue  # `5 次`, `2 .5倍` are quantities
        found.append(mk)
    return found


def is_decimal_outline(text: str) -> bool:
    """Does `text` number its parts `1 总则` / `1.1 编制目的` (a 预案 or 规划), so bare numbers are headings?

    Not when the decimals sit under `一、` parts of the same number (`一、演练背景与目标` / `1.1背景`,
    `二、问题定义` / `2.1…`): then they are those parts' sub-items.
    """
    first = _DECIMAL_AT_START.match(text)
    found = ([first] if first else []) + list(_DECIMAL_OUTLINE.finditer(text))
    if len({m.group(0).strip()[:3] for m in found}) < 2:
        return False
    first_of: dict[int, int] = {}
    for m in found:
        first_of.setdefault(int(m.group(0).strip()[0]), m.start())
    under_parts = sum(1 for major, at in first_of.items() if _cn_part_before(text, major, at))
    return under_parts * 2 < len(first_of)


def _cn_part_before(text: str, number: int, end: int) -> bool:
    # `二、…` written as a heading (not `第二、`, not `一二、`) somewhere before `end`.
    return re.search(rf"(?<![第{CN_DIGITS}]){to_cn_number(number)}[、.．](?=[\u4e00-\u9fff])", text[:end]) is not None


class Sequence:
    """The numbering seen so far in one document, to tell headings from look-alikes."""

    def __init__(self, decimal: bool = False) -> None:
        self.last: dict[int, tuple[int, ...]] = {}
        self.style: dict[int, str] = {}
        self.by_style: dict[tuple[int, str], int] = {}  # (level, style) → last number in that style
        self.decimal = decimal  # the document numbers its parts 1 / 1.1 (bare numbers are headings)
        self.run_on: dict[int, int] = {}  # level → last number before a new parent reset it

    def continues(self, mk: Marker) -> bool:
        prev = self.last.get(_slot(mk))
        if len(mk.number) == 2:  # 1.2 continues 1.1, or starts under item 1. (or under part 一、)
            parent = self.last.get(3) or self.last.get(1)
            if parent and mk.number[0] == parent[0]:
                return mk.number[1] == 1 or (prev is not None and prev == (mk.number[0], mk.number[1] - 1))
            return False
        if prev is None:
            # A new list, or one numbered on across its parents (`(二)…  5.…` after `4.`).
            return mk.number[0] == 1 or mk.number[0] == self.run_on.get(mk.level, -1) + 1
        if mk.number[0] == prev[0] + 1:
            return True
        if mk.number[0] == 1:
            # A sub-list restarts at 1 under a new parent, or in another style (`3、主要措施 1.强化…`).
            return self._deeper_seen_since(mk.level) or self._restyled(mk)
        return self.by_style.get((mk.level, mk.style)) == mk.number[0] - 1

    def confirms(self, mk: Marker) -> bool:
        """A loose marker needs more than a line start: a continued number, or a decimal outline."""
        if mk.style == "bare" and not self.decimal:
            prev = self.last.get(3)
            spaced = mk.text != mk.text.rstrip(" \u3000")
            return spaced and prev is not None and mk.number[0] == prev[0] + 1
        return self.continues(mk)

    def _deeper_seen_since(self, level: int) -> bool:
        # A sub-list restarts at 1 under a new parent: allowed when a shallower heading was seen.
        return any(lv < level for lv in self.last)

    def _restyled(self, mk: Marker) -> bool:
        style = self.style.get(mk.level)
        return bool(style) and mk.style != style and "bare" not in (style, mk.style) and style != "1.1"

    def accept(self, mk: Marker) -> None:
        self.last[_slot(mk)] = mk.number
        self.style[_slot(mk)] = mk.style
        if len(mk.number) == 1:
            self.by_style[(mk.level, mk.style)] = mk.number[0]
        depth = rank(mk.level, mk.style, self.decimal)
        for deeper in [lv for lv in self.last if rank(lv, self.style.get(lv, ""), self.decimal) > depth]:
            if len(self.last[deeper]) == 1:
                self.run_on[deeper] = self.last[deeper][0]
            del self.last[deeper]
            self.style.pop(deeper, None)
        for key in [k for k in self.by_style if rank(k[0], k[1], self.decimal) > depth]:
            del self.by_style[key]


def _slot(mk: Marker) -> int:
    # Decimal items (`1.2`) and `(1)` items are both level 4 but keep separate counts.
    return DECIMAL_SLOT if len(mk.number) == 2 else mk.level


DECIMAL_SLOT = 5


def rank(level: int, style: str, decimal: bool) -> int:
    """How deep a heading nests. In a decimal-numbered 预案 the `1 总则` / `1.1 …` items are the
    outline's top, and a `(一)` or `(1)` list under `1.3 工作原则` sits inside that item."""
    if style == "1.1":
        return 2 if decimal else 4
    if not decimal:
        return min(level, 4)
    if level == 3 and style in ("bare", ".", "、"):
        return 1
    return 2 + level


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
    if before[-1] in _SENTENCE_END or before[-1] in _CLOSE_PAREN and _closes_note(before):
        return True
    # In a flattened page a space between Chinese words is where a line used to end.
    return is_flat(line) and len(before) < pos and (not before[-1].isascii() or before[-1] in ")]")


def is_flat(line: str) -> bool:
    """A page flattened onto one line: long, or holding several spaces between Chinese words
    (Chinese prose has none; a scraper that drops line breaks leaves them)."""
    return len(line) >= FLAT_LINE or len(line) >= 60 and len(_GAP.findall(line)) >= 3


def _closes_note(before: str) -> bool:
    # `(市卫计委负责)2.…`: a bracketed note ending a task item, not `2024年(试行)` mid-sentence.
    open_at = max(before.rfind("("), before.rfind("（"))
    return open_at != -1 and (open_at == 0 or before[open_at - 1] in _SENTENCE_END)
