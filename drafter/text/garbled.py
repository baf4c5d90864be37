"""Garbled spans that cannot be repaired: `??`, `?。`, U+FFFD, bopomofo runs like `ㄉ虾J行l`.

They are kept in the text (a drafter may know what stood there) and reported with their position.
A span starts at an anchor — a replacement character, a bopomofo letter (never used in mainland
documents), or a half-width `?` touching Chinese text — and grows over neighbouring characters that
are unusual in plan text (rare hanzi, stray latin letters, odd symbols). Anchors a couple of common
characters apart form one span.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from drafter.text import lazy_re

_ANCHOR = r"[\ufffd\u3100-\u312f\u31a0-\u31bf]"
# A run of anchors or a run of `?` (`{_ANCHOR}+|\?+`), written to open with one character class: `re`
# then skips to where it matches, instead of trying both alternatives at every character (6× slower).
CANDIDATE_RE = lazy_re.compile(rf"[\ufffd\u3100-\u312f\u31a0-\u31bf?](?:(?<=\?)\?*|(?<!\?){_ANCHOR}*)")
# `?` counts only in Chinese text, and not when it ends a question (`怎么办?` then a space, quote or line end)
QUESTION_END = set(" \t\n”’」』)）")


def _is_anchor(text: str, start: int, end: int) -> bool:
    if text[start] != "?":
        return True
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if end - start >= 2:
        return not before.isascii() or not (after.isascii() or after.isspace())
    if not before.isascii():
        return after not in QUESTION_END
    return not after.isascii() and not after.isspace() and after not in QUESTION_END


MAX_GROWTH = 6  # odd characters taken in on each side of an anchor
MAX_GAP = 2  # common characters allowed between two anchors of one span
_COMMON_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】〔〕—…·,.;:!()[]<>%+-/_~'\" \t\n0123456789")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@lru_cache(maxsize=8192)
def is_odd(ch: str) -> bool:
    """A character unusual in plan text: not a common (GB2312 level-1) hanzi nor common punctuation."""
    if ch in _COMMON_PUNCT or ch == "":
        return False
    if ch in "?\ufffd":
        return True
    try:
        code = ch.encode("gb2312")
    except UnicodeEncodeError:
        return True
    if len(code) == 1:  # ASCII letters: odd only inside Chinese text, which is where we look
        return True
    return not 0xB0 <= code[0] <= 0xD7


def find_garbled(text: str) -> list[Span]:
    """Every garbled span, in order, non-overlapping."""
    spans: list[Span] = []
    for m in CANDIDATE_RE.finditer(text):
        if not _is_anchor(text, m.start(), m.end()):
            continue
        start, end = _grow(text, m.start(), m.end())
        if spans and start - spans[-1].end <= MAX_GAP:
            spans[-1] = Span(spans[-1].start, max(end, spans[-1].end))
        else:
            spans.append(Span(start, end))
    return spans


def _grow(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lo = start
    while lo > max(line_start, start - MAX_GROWTH) and is_odd(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < min(line_end, end + MAX_GROWTH) and is_odd(text[hi]):
        hi += 1
    return lo, hi
