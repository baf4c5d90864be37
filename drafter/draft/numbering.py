"""公文 numbering: 一、 / （一） / 1. / （1） markers, by level and position, and heading-line recognition.

Drafts and section templates write every heading on its own line, so recognising one is a
single-line question; the corpus outline parser answers the harder one for scraped text.
"""

from __future__ import annotations

from drafter.text import lazy_re

_DIGITS = "零一二三四五六七八九"
_CN = "[一二三四五六七八九十百零〇]+"

HEADING = lazy_re.compile(
    rf"^\s*(?:(?P<l1>{_CN})[、,，.．]"
    rf"|[(（](?P<l2>{_CN})[)）]"
    rf"|(?P<l3>\d{{1,2}})(?:[.．、](?!\d))"
    rf"|[(（](?P<l4>\d{{1,2}})[)）])"
    r"\s*(?P<title>\S.*)$"
)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for any plan's sections)."""
    if n < 1 or n > 99:
        raise ValueError(f"cannot number {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def marker(level: int, position: int) -> str:
    """The marker of the `position`-th (1-based) heading at `level`: 一、 （一） 1. （1）, in the
    GB/T 9704 §7.3.3 forms (full-width brackets), so a renumbered draft needs no `drafter fix`."""
    if level == 1:
        return f"{chinese_number(position)}、"
    if level == 2:
        return f"（{chinese_number(position)}）"
    if level == 3:
        return f"{position}."
    return f"（{position}）"


def parse_heading(line: str) -> tuple[int, str] | None:
    """`(三)加强组织领导` → (2, '加强组织领导'); None for a body line."""
    match = HEADING.match(line)
    if not match:
        return None
    for level, group in enumerate(("l1", "l2", "l3", "l4"), start=1):
        if match.group(group):
            return level, match.group("title").strip()
    return None
