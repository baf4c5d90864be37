"""时限: deadlines and targets that passed before the draft's date, periods that ended, and superior
documents dated after the draft's own 成文日期.

A plan's 时限 is a promise about the future (`到2017年底`, `2020年前完成`, `2018—2020年`): before the
draft's date it is someone else's old plan. A clause that looks back (`截至2020年底，已…`,
`2016年以来`) is history, and a cited title's own period (《…规划（2016—2020年）》) is its name.
"""

from __future__ import annotations

import re
from datetime import date as Date

from drafter.check.context import CheckContext
from drafter.check.matching import clause_around, inside, title_spans
from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.messages import t

FAMILY = "时限"
_YEAR = r"((?:19|20)\d{2})\s*年"
# 到2017年底 · 至2020年 · 到2018年6月底前 · 2020年前完成 · 2019年底前 · 力争2018年 · 于2019年3月底前
_TARGET = re.compile(
    rf"(?P<lead>到|至|于|在|力争(?:到|在|于)?|确保(?:到|在|于)?|争取(?:到|在|于)?)\s*{_YEAR}"
    r"(?:\s*(?P<m1>\d{1,2})\s*月(?:份)?)?(?P<tail1>底|末|年底|年末|上半年|下半年)?(?P<before1>前|以前|之前)?"
    rf"|{_YEAR}(?:\s*(?P<m2>\d{{1,2}})\s*月(?:份)?)?(?P<tail2>底|末|年底|年末|上半年|下半年)?(?P<before2>前|以前|之前)"
)
_RANGE = re.compile(rf"((?:19|20)\d{{2}})\s*(?:年)?\s*(?:—|-|–|～|~|至|到|－)+\s*{_YEAR}")
# a clause that reports rather than promises
_PAST = re.compile(r"截至|截止|以来|已经|已|累计|共计|完成了|实现了|取得|期间共|回顾|此前|先后")
_BEFORE_LEAD = ("截", "截止")
_DOC_YEAR = re.compile(r"[〔\[［【]\s*((?:19|20)\d{2})\s*[〕\]］】]\s*(?:第\s*)?\d{1,5}\s*号")


def check_shixian(parts: list[TextPart], ctx: CheckContext) -> list[Finding]:
    found: list[Finding] = []
    for part in parts:
        if part.part == "meta":
            continue
        titles = title_spans(part.text)
        found += _deadlines(part, ctx, titles)
        found += _ranges(part, ctx, titles)
        found += _superior_dates(part, ctx)
    return found


def _deadlines(part: TextPart, ctx: CheckContext, titles: list[tuple[int, int]]) -> list[Finding]:
    out = []
    for m in _TARGET.finditer(part.text):
        if inside(titles, m.start(), m.end()) or part.text[max(0, m.start() - 2) : m.start()].endswith(
            _BEFORE_LEAD
        ):
            continue
        year = int(m.group(2) or m.group(6))
        month = m.group("m1") or m.group("m2")
        tail = m.group("tail1") or m.group("tail2") or ""
        if not _passed(year, int(month) if month else None, tail, ctx.date):
            continue
        if _PAST.search(clause_around(part.text, m.start(), m.end())):
            continue
        out.append(
            Finding(
                FAMILY,
                "error",
                "shixian.deadline",
                part.location(m.start()),
                m.group(),
                t("check.shixian_deadline", text=m.group(), date=ctx.date.isoformat()),
            )
        )
    return out


def _passed(year: int, month: int | None, tail: str, when: Date) -> bool:
    """Whether a deadline in `year` (`month`, 上半年 …) lies wholly before `when`."""
    if month is not None and 1 <= month <= 12:
        last = Date(year + (month == 12), month % 12 + 1, 1)  # the day after the month
        return last <= when
    if tail == "上半年":
        return Date(year, 7, 1) <= when
    return year < when.year


def _ranges(part: TextPart, ctx: CheckContext, titles: list[tuple[int, int]]) -> list[Finding]:
    out = []
    for m in _RANGE.finditer(part.text):
        first, last = int(m.group(1)), int(m.group(2))
        if not first < last or last >= ctx.date.year or inside(titles, m.start(), m.end()):
            continue
        if _PAST.search(clause_around(part.text, m.start(), m.end())):
            continue
        in_title = part.part == "meta" or (
            part.part in ("line", "paragraph", "preamble") and _looks_like_title(part.text, m.start())
        )
        out.append(
            Finding(
                FAMILY,
                "error" if in_title else "warning",
                "shixian.period",
                part.location(m.start()),
                m.group(),
                t("check.shixian_period", text=m.group(), last=last, date=ctx.date.isoformat()),
            )
        )
    return out


def _looks_like_title(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return (
        len(line) <= 60
        and not re.search(r"[，。；]", line)
        and re.search(r"(方案|计划|规划|意见|要点)", line) is not None
    )


def _superior_dates(part: TextPart, ctx: CheckContext) -> list[Finding]:
    """A document the draft implements cannot be newer than the draft: 〔2027〕 in a 2026 plan."""
    out = []
    for m in _DOC_YEAR.finditer(part.text):
        year = int(m.group(1))
        if year > ctx.date.year:
            out.append(
                Finding(
                    FAMILY,
                    "error",
                    "shixian.superior_date",
                    part.location(m.start()),
                    m.group(),
                    t("check.shixian_superior", text=m.group(), year=year, date=ctx.date.isoformat()),
                )
            )
    return out


def superior_meta_findings(superior: list[str], ctx: CheckContext) -> list[Finding]:
    """The same test on the draft's `superior` metadata (the documents it says it implements)."""
    from drafter.check.model import Location

    out = []
    for i, item in enumerate(superior):
        for m in _DOC_YEAR.finditer(item):
            if int(m.group(1)) > ctx.date.year:
                out.append(
                    Finding(
                        FAMILY,
                        "error",
                        "shixian.superior_date",
                        Location("meta", m.start(), field=f"superior[{i}]"),
                        m.group(),
                        t(
                            "check.shixian_superior",
                            text=m.group(),
                            year=m.group(1),
                            date=ctx.date.isoformat(),
                        ),
                    )
                )
    return out
