"""One punctuation and 公文-format normaliser (GB/T 15834, GB/T 9704), shared by export, check and fix.

Scraped plans mix half-width marks into Chinese text (`精神,按照`, `(一)`, `附件:`), write 文号 years
in the wrong brackets (`[2017]`), nest 书名号 without 〈〉 and pad dates with zeros (`2024年03月05日`).
`find_fixes(text)` lists every such spot as a `PunctFix` (offsets into `text`, the old and new
text, the rule's id); `normalize_punctuation` applies them all. A mark is only changed where its
context is Chinese: numbers (`1.5`, `10%`, `8:30`, `2024-03-05`, `1,000`), Latin words, URLs and
e-mail addresses are left as they are, because a reviewer forgives a half-width comma less than a
broken URL or figure.

Rule ids (stable, used by `drafter check` and `drafter fix`; messages in drafter/messages/punctuation.py):
  halfwidth      , : ; ? ! between or after Chinese → ， ： ； ？ ！
  period         . after a Chinese character (or 65%, 》, ”) that ends a Chinese sentence → 。
  brackets       a ( … ) pair in Chinese context → （ … ）
  quotes         a "…" pair around Chinese text → “…”
  ellipsis       ... / 。。。 / a lone … → ……
  dash           -- / a lone — between Chinese → ——
  doubled        ，， 。。 、、 ；； ：： → one mark
  fullwidth_alnum  １２３ ＡＢＣ → 123 ABC (numbers and Latin letters are half-width in 公文)
  wenhao         the year of a 文号 in 〔〕: 哈政办发[2017]28号 → 哈政办发〔2017〕28号
  nested_title   《…《…》…》 → 《…〈…〉…》
  date_zero      2024年03月05日 → 2024年3月5日 (GB/T 9704 §7.3.5.4 成文日期: 不编虚位; also §7.4.3)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.text.punctuation_marks import (
    is_chinese,
    is_ideograph,
    is_latin_or_digit,
    normalize_marker,
)

__all__ = [
    "PunctFix",
    "RULES",
    "apply_fixes",
    "find_fixes",
    "halfwidth_in_chinese",
    "normalize_marker",
    "normalize_punctuation",
]

RULES = (
    "halfwidth",
    "period",
    "brackets",
    "quotes",
    "ellipsis",
    "dash",
    "doubled",
    "fullwidth_alnum",
    "wenhao",
    "nested_title",
    "date_zero",
)


@dataclass(frozen=True)
class PunctFix:
    """Replace `text[start:end]` (== `old`) with `new`, by rule `rule`."""

    start: int
    end: int
    old: str
    new: str
    rule: str


_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
    r"|www\.[A-Za-z0-9.\-]+[A-Za-z0-9/._\-]*"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"
)
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|…+|(?:\.\s){2,}\.")
_DASH = re.compile(r"(?<=[\u4e00-\u9fff”》）])(?:--+|—|－－+)(?=[\u4e00-\u9fff“《（])")
_DOUBLED = re.compile(r"([，。、；：])\1+")
_WENHAO = re.compile(
    r"(?<=[\u4e00-\u9fff])\s*(?P<open>[\[［【(（〔<〈])\s*(?P<year>(?:19|20)\d{2})\s*"
    r"(?P<close>[\]］】)）〕>〉])\s*(?=(?:第\s*)?\d{1,5}\s*号)"
)
_DATE_ZERO = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(0?\d{1,2})\s*月(?:\s*(0?\d{1,2})\s*日)?")


def find_fixes(text: str, rules: tuple[str, ...] | frozenset[str] | None = None) -> list[PunctFix]:
    """Every spot in `text` that the normaliser would change, in order, never overlapping."""
    wanted = set(RULES if rules is None else rules)
    found: list[PunctFix] = []
    for rule, finder in _FINDERS:
        if rule in wanted and _may_fire(rule, text):
            found += finder(text)
    if found:  # the mask costs a pass over the text: only when there is something to check
        protected = _protected_mask(text)
        found = [f for f in found if not any(protected[f.start:f.end])]
    return _without_overlaps(found)


# The characters without which a character-walking finder cannot fire (a plain paragraph of
# scraped text is walked only by the finders whose marks it holds). The regex finders need none.
_TRIGGERS = {
    "halfwidth": ",:;?!", "period": ".", "brackets": "()", "quotes": '"',
    "fullwidth_alnum": None, "nested_title": None,
}  # fmt: skip
_FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]")


def _may_fire(rule: str, text: str) -> bool:
    if rule == "fullwidth_alnum":
        return _FULLWIDTH_ALNUM.search(text) is not None
    if rule == "nested_title":
        return text.count("《") >= 2
    marks = _TRIGGERS.get(rule)
    return marks is None or any(mark in text for mark in marks)


def apply_fixes(text: str, fixes: list[PunctFix]) -> str:
    """`text` with `fixes` (from `find_fixes` on this same text) applied."""
    out, pos = [], 0
    for fix in sorted(fixes, key=lambda f: f.start):
        if fix.start < pos or text[fix.start:fix.end] != fix.old:
            raise ValueError(f"fix {fix} does not apply to this text")
        out += [text[pos:fix.start], fix.new]
        pos = fix.end
    out.append(text[pos:])
    return "".join(out)


def normalize_punctuation(text: str, rules: tuple[str, ...] | frozenset[str] | None = None) -> str:
    """`text` with every fix applied, to a fixed point: a second call changes nothing.

    One pass can give the next mark its Chinese context (`...,` → `……,` → `……，`), so passes repeat
    until nothing changes (two or three on real text).
    """
    for _ in range(_MAX_PASSES):
        fixes = find_fixes(text, rules)
        if not fixes:
            break
        text = apply_fixes(text, fixes)
    return text


_MAX_PASSES = 5


def halfwidth_in_chinese(text: str) -> list[PunctFix]:
    """The ASCII `, : ; ( ) ? !` and `.` that stand in Chinese context (what a reviewer circles)."""
    return find_fixes(text, ("halfwidth", "period", "brackets"))


# -- finders ------------------------------------------------------------------------------------


def _halfwidth(text: str) -> list[PunctFix]:
    fixes = []
    for i, ch in enumerate(text):
        if ch in "?!" and "?" in text[max(i - 1, 0):i + 2].replace(ch, "", 1):
            continue  # `??` stands for undecodable characters (mojibake), not for questions
        if ch in _FULL and _chinese_context(text, i, strict_left=ch in "?!"):
            fixes.append(PunctFix(i, i + 1, ch, _FULL[ch], "halfwidth"))
    return fixes


def _chinese_context(text: str, i: int, strict_left: bool) -> bool:
    # Look past neighbouring half-width marks too (`精神?,按照`), so that fixing one mark never
    # changes the context of the next and a second pass finds nothing.
    left, right = _neighbour(text, i, -1, _SEE_THROUGH), _neighbour(text, i, 1, _SEE_THROUGH)
    if left.isdigit() and right.isdigit():
        return False  # 1,000 · 8:30 · 第1,2项
    if strict_left:  # ? and ! end a sentence, which must be Chinese; `?。ㄉ` is mojibake, not a question
        return (is_ideograph(left) or (left != "" and left in "”）》")) and (right == "" or right not in "。，、；：")
    if text[i] == ":" and right == "/":
        return False
    return is_chinese(left) or is_ideograph(right)


def _period(text: str) -> list[PunctFix]:
    fixes = []
    for i, ch in enumerate(text):
        if ch != "." or i == 0:
            continue
        left, right = text[i - 1], _neighbour(text, i, 1)
        if is_ideograph(left) and not _is_marker_dot(text, i):
            if right in ("", "\n") or is_ideograph(right) or right in "“《（":
                fixes.append(PunctFix(i, i + 1, ".", "。", "period"))
        elif left in _CLOSES_SENTENCE and (right in ("", "\n") or is_ideograph(right)) and _chinese_line(text, i):
            fixes.append(PunctFix(i, i + 1, ".", "。", "period"))  # 达到65%. · 印发《方案》.
    return fixes


_CLOSES_SENTENCE = "%％‰”）》"


def _chinese_line(text: str, i: int) -> bool:
    return any(is_ideograph(c) for c in text[text.rfind("\n", 0, i) + 1:i])


def _is_marker_dot(text: str, i: int) -> bool:
    """`一.` / `十二.` at the start of a line is a heading marker: `normalize_marker` handles it."""
    line_start = text.rfind("\n", 0, i) + 1
    head = text[line_start:i].strip()
    return bool(head) and all(c in "一二三四五六七八九十百" for c in head)


def _brackets(text: str) -> list[PunctFix]:
    fixes, stack, lone = [], [], []
    for i, ch in enumerate(text):
        if ch == "\n":
            lone += stack  # a bracket never spans paragraphs
            stack.clear()
        elif ch == "(":
            stack.append(i)
        elif ch == ")" and not stack:
            lone.append(i)
        elif ch == ")":
            start = stack.pop()
            if _bracket_is_chinese(text, start, i):
                fixes.append(PunctFix(start, start + 1, "(", "（", "brackets"))
                fixes.append(PunctFix(i, i + 1, ")", "）", "brackets"))
    for i in lone + stack:  # unmatched: full-width where it stands between Chinese
        left, right = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if is_chinese(left) and (is_chinese(right) or right == "") or is_ideograph(right) and left == "":
            fixes.append(PunctFix(i, i + 1, text[i], "（" if text[i] == "(" else "）", "brackets"))
    return sorted(fixes, key=lambda f: f.start)


def _bracket_is_chinese(text: str, start: int, end: int) -> bool:
    if any(is_ideograph(c) for c in text[start + 1:end]):
        return True
    before, after = _neighbour(text, start, -1), _neighbour(text, end, 1)
    if is_latin_or_digit(before):
        return False  # f(x), v2(beta): Latin's own brackets
    return is_chinese(before) or is_ideograph(after)  # (1)加强… · 标准(GB/T 9704)规定


def _quotes(text: str) -> list[PunctFix]:
    fixes = []
    for line_start, line in _lines(text):
        positions = [line_start + i for i, c in enumerate(line) if c == '"']
        if len(positions) % 2:
            continue  # unbalanced: leave it to the reader
        for open_at, close_at in zip(positions[::2], positions[1::2]):
            if any(is_ideograph(c) for c in text[open_at + 1:close_at]):
                fixes.append(PunctFix(open_at, open_at + 1, '"', "“", "quotes"))
                fixes.append(PunctFix(close_at, close_at + 1, '"', "”", "quotes"))
    return fixes


def _ellipsis(text: str) -> list[PunctFix]:
    fixes = []
    for m in _ELLIPSIS.finditer(text):
        if m.group() == "……":
            continue
        left, right = _neighbour(text, m.start(), -1), _neighbour(text, m.end() - 1, 1)
        if m.group()[0] == "." and (is_latin_or_digit(left) or (right.isdigit() and len(m.group()) > 3)):
            continue  # Latin (`etc...`, `1...`) or a table-of-contents leader line (`指导思想......3`)
        fixes.append(PunctFix(m.start(), m.end(), m.group(), "……", "ellipsis"))
    return fixes


def _dash(text: str) -> list[PunctFix]:
    return [PunctFix(m.start(), m.end(), m.group(), "——", "dash") for m in _DASH.finditer(text)]


def _doubled(text: str) -> list[PunctFix]:
    return [PunctFix(m.start(), m.end(), m.group(), m.group(1), "doubled") for m in _DOUBLED.finditer(text)]


def _fullwidth_alnum(text: str) -> list[PunctFix]:
    fixes = []
    for i, ch in enumerate(text):
        if "０" <= ch <= "９" or "Ａ" <= ch <= "Ｚ" or "ａ" <= ch <= "ｚ":
            fixes.append(PunctFix(i, i + 1, ch, chr(ord(ch) - 0xFEE0), "fullwidth_alnum"))
    return fixes


def _wenhao(text: str) -> list[PunctFix]:
    fixes = []
    for m in _WENHAO.finditer(text):
        new = f"〔{m.group('year')}〕"
        if m.group() != new:
            fixes.append(PunctFix(m.start(), m.end(), m.group(), new, "wenhao"))
    return fixes


def _nested_title(text: str) -> list[PunctFix]:
    fixes, depth = [], 0
    for i, ch in enumerate(text):
        if ch == "《":
            depth += 1
            if depth % 2 == 0:
                fixes.append(PunctFix(i, i + 1, "《", "〈", "nested_title"))
        elif ch == "》" and depth:
            if depth % 2 == 0:
                fixes.append(PunctFix(i, i + 1, "》", "〉", "nested_title"))
            depth -= 1
        elif ch == "\n":
            depth = 0
    return fixes


def _date_zero(text: str) -> list[PunctFix]:
    fixes = []
    for m in _DATE_ZERO.finditer(text):
        year, month, day = m.group(1), m.group(2), m.group(3)
        if not (1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
            continue
        new = f"{year}年{int(month)}月" + (f"{int(day)}日" if day else "")
        if new != m.group():
            fixes.append(PunctFix(m.start(), m.end(), m.group(), new, "date_zero"))
    return fixes


_FINDERS = (
    ("wenhao", _wenhao),
    ("date_zero", _date_zero),
    ("ellipsis", _ellipsis),
    ("dash", _dash),
    ("halfwidth", _halfwidth),
    ("period", _period),
    ("brackets", _brackets),
    ("quotes", _quotes),
    ("doubled", _doubled),
    ("fullwidth_alnum", _fullwidth_alnum),
    ("nested_title", _nested_title),
)


# -- helpers ------------------------------------------------------------------------------------


_SPACES = " \t\u3000"
_SEE_THROUGH = _SPACES + ",:;?!."


def _neighbour(text: str, i: int, step: int, skip: str = _SPACES) -> str:
    """The nearest character before (`step=-1`) or after `i` not in `skip`; '' at the ends."""
    j = i + step
    while 0 <= j < len(text) and text[j] in skip:
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _lines(text: str):  # noqa: ANN202 - yields (offset, line)
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _protected_mask(text: str) -> list[bool]:
    mask = [False] * len(text)
    for m in _PROTECTED.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)":
            end -= 1  # the sentence's own mark after a URL is not part of it
        for i in range(m.start(), end):
            mask[i] = True
    return mask


def _without_overlaps(fixes: list[PunctFix]) -> list[PunctFix]:
    """Earlier rules win (文号 and dates before single marks): drop later fixes that overlap."""
    taken: list[PunctFix] = []
    covered: set[int] = set()
    for fix in fixes:
        span = set(range(fix.start, max(fix.end, fix.start + 1)))
        if span & covered:
            continue
        covered |= span
        taken.append(fix)
    return sorted(taken, key=lambda f: f.start)
