"""Dates as plans write them → ISO `YYYY-MM-DD`.

`2015年11月26日`, `二○一一年五月五日` (成文日期 in Chinese numerals), `2017.07.28` (文章属性 blocks), and
`202435` — a signature date that lost its 年/月/日 in scraping, read when it stands alone on a line.
"""

from __future__ import annotations

import re
from datetime import date

from drafter.text import lazy_re

_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0, "Ｏ": 0}
_ARABIC = lazy_re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# `[…][…]{3}`, not `[…]{4}`: opening with a character class lets `re` skip to where it matches.
_CN_YEAR_DIGIT = "[〇○零OＯ一二三四五六七八九]"
_CHINESE = lazy_re.compile(
    f"({_CN_YEAR_DIGIT}{_CN_YEAR_DIGIT}{{3}})"
    r"\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
_DOTTED = lazy_re.compile(r"(?<!\d)((?:19|20)\d{2})[.．/-](\d{1,2})[.．/-](\d{1,2})(?!\d)")
_SQUASHED = lazy_re.compile(r"^[ \u3000]*((?:19|20)\d{2})(\d{1,4})[ \u3000]*$", re.M)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _cn_small(s: str) -> int:
    if "十" not in s:
        return _CN_DIGIT.get(s, 0)
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT.get(tens, 1) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)


def _squashed(year: str, rest: str) -> str | None:
    # 202435 → 2024-3-5; try month/day splits, keep the first that is a real date.
    for cut in range(1, len(rest)):
        iso = _iso(int(year), int(rest[:cut]), int(rest[cut:]))
        if iso and len(rest[:cut]) <= 2 and len(rest[cut:]) <= 2:
            return iso
    return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every full date in `text` as (start, end, iso), in order of appearance."""
    found = []
    for m in _ARABIC.finditer(text):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _CHINESE.finditer(text):
        year = int("".join(str(_CN_DIGIT[c]) for c in m.group(1)))
        iso = _iso(year, _cn_small(m.group(2)), _cn_small(m.group(3)))
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _SQUASHED.finditer(text):
        iso = _squashed(m.group(1), m.group(2))
        if iso:
            found.append((m.start(1), m.end(2), iso))
    return sorted(found)


def parse_date(value: str) -> str | None:
    """The first date in `value` in any of the known forms, or None."""
    m = _DOTTED.search(value)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = find_dates(value)
    return found[0][2] if found else None
