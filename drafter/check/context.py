"""What a check compares the text with: the plan's date and region, and what the corpus knows.

The date is the draft's 成文日期 (metadata `date`, else the date written in a plan file, else today):
a 提法 is outdated, and a deadline has passed, relative to it. The region decides which places'
names, terms and 文号 belong to the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from functools import cached_property

from drafter.library.gazetteer import Place, gazetteer, short_name


@dataclass
class CheckContext:
    date: Date
    region: str | None = None
    province: str | None = None
    level: str | None = None  # 省级 / 市级 / 县级
    superior: list[str] = field(default_factory=list)
    corpus: object = None  # a drafter.check.distinctive.CorpusFacts, or None (no store at hand)
    use_jieba: bool = True  # jieba's words back up the gazetteer (token boundaries, places it lacks)
    strict: bool = False  # a section template: every other place's name is a leak, however it is named

    @classmethod
    def make(
        cls,
        when: str | Date | None,
        region: str | None,
        province: str | None = None,
        level: str | None = None,
        superior: list[str] | None = None,
        corpus: object = None,
    ) -> CheckContext:
        place = gazetteer().lookup(region, province) if region else None
        province = province or (place.province if place else None)
        if not level and not place and (region or province):
            from drafter.library.placeholders import level_from_suffix

            level = level_from_suffix(region or province)
        level = level or (place.level if place else None)
        return cls(parse_date(when) or Date.today(), region, province, level, list(superior or []), corpus)

    @cached_property
    def place(self) -> Place | None:
        return gazetteer().lookup(self.region, self.province) if self.region else None

    @cached_property
    def own_names(self) -> set[str]:
        """Place names that belong in a text for this region: itself, above it, below it."""
        if not self.region and not self.province:
            return set()
        from drafter.library.placeholders import RegionContext

        names = RegionContext(self.region or self.province, self.province, self.date.year).own_names()
        if self.province:  # a province the gazetteer does not know (a test's 东海省) is still ours
            names |= {self.province, short_name(self.province)}
        return {n for n in names if n}

    @property
    def knows_region(self) -> bool:
        return bool(self.region or self.province)


def parse_date(value: str | Date | None) -> Date | None:
    """`2026-03-01`, `2026-3-1`, `2026年3月1日`, `2026.03.01` → a date; None if not one."""
    import re

    if value is None:
        return None
    if isinstance(value, Date):
        return value
    match = re.search(r"((?:19|20)\d\d)\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})", str(value))
    if not match:
        return None
    try:
        return Date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
