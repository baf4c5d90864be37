"""The placeholders a section template may use, and the values they take for one region.

Kept deliberately small (documented in sections/README.md):

| placeholder      | example for 运城市            | stands for                                              |
|------------------|-------------------------------|---------------------------------------------------------|
| `{{ 地区 }}`     | 运城市                        | the region's full name                                  |
| `{{ 简称 }}`     | 运城                          | its short name (`健康{{ 简称 }}`)                        |
| `{{ 本级 }}`     | 市                            | the character it calls itself by (`我{{ 本级 }}`, `全{{ 本级 }}`) |
| `{{ 省份 }}`     | 山西省                        | its province                                            |
| `{{ 省简称 }}`   | 山西                          | the province's short name (`健康{{ 省简称 }}`)           |
| `{{ 上级地区 }}` | 山西省                        | the division above it (a county's prefecture)            |
| `{{ 区县 }}`     | 各县（市、区）                | the units below it, where the source named its own       |
| `{{ 年份 }}`     | 2025                          | the plan's year, an integer: `{{ 年份 + 2 }}` is two years on |
| `{{ 上级文件 }}` | 《关于…的通知》(晋政办发〔2024〕1号) | the superior documents being implemented              |
| `{{ 会议 }}`     | 党的二十大和二十届二中、三中、四中全会 | the 党代会 and 全会 current at the plan's date (rules/tifa.toml) |
| `{{ 五年规划 }}` | 十五五                        | the five-year plan the plan's year falls in             |
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from drafter.errors import DrafterError
from drafter.library.gazetteer import gazetteer, short_name
from drafter.messages import t

NAMES = ("地区", "简称", "本级", "省份", "省简称", "上级地区", "区县", "年份", "上级文件", "会议", "五年规划")
_BELOW = {"省级": "各市（州）", "市级": "各县（市、区）", "县级": "各乡镇（街道）"}


@dataclass
class RegionContext:
    """What a template is rendered for: one region, its province and the plan's year."""

    region: str
    province: str | None = None
    year: int = field(default_factory=lambda: date.today().year)
    superior: list[str] = field(default_factory=list)
    level: str | None = None
    date: str | None = None  # YYYY-MM-DD; the end of `year` when not given (for {{ 会议 }})

    def values(self) -> dict[str, object]:
        """The Jinja2 context: every name in `NAMES` with its value."""
        place = gazetteer().lookup(self.region, self.province)
        province = self.province or (place.province if place else None)
        if not province:
            raise DrafterError(t("region.unknown_province", region=self.region))
        level = self.level or (place.level if place else level_from_suffix(self.region))
        parent = place.parent if place and place.parent else province
        return {
            "地区": self.region,
            "简称": place.short if place and place.name == self.region else short_name(self.region),
            "本级": place.unit if place else _unit_from_suffix(self.region),
            "省份": province,
            "省简称": short_name(province),
            "上级地区": parent,
            "区县": _BELOW.get(level, _BELOW["市级"]),
            "年份": int(self.year),
            "上级文件": "、".join(self.superior) if self.superior else "上级有关文件",
            **dated_values(self.when()),
        }

    def when(self) -> date:
        """The plan's date: `date` if given, else today in the current year, else the year's end."""
        if self.date:
            try:
                return date.fromisoformat(str(self.date)[:10])
            except ValueError:
                pass
        today = date.today()
        return today if today.year == int(self.year) else date(int(self.year), 12, 31)

    def own_names(self) -> set[str]:
        """Place names that belong in a text written for this region (itself, above, below)."""
        gaz = gazetteer()
        names = {self.region, short_name(self.region)}
        place = gaz.lookup(self.region, self.province)
        chain = [place] if place else []
        province = gaz.lookup(self.province) if self.province else None
        if province:
            chain.append(province)
        if place and place.parent:
            parent = gaz.lookup(place.parent, place.province)
            if parent:
                chain.append(parent)
        for item in chain:
            names |= gaz.names_of(item)
        if place:
            for child in gaz.children(place):
                names |= gaz.names_of(child)
        return names


def level_from_suffix(region: str) -> str:
    if region.endswith(("省", "自治区")):
        return "省级"
    if region.endswith(("县", "区", "旗")):
        return "县级"
    return "市级"


def _unit_from_suffix(region: str) -> str:
    return "州" if region.endswith("自治州") else region[-1]


def dated_values(when: date) -> dict[str, str]:
    """`{{ 会议 }}` and `{{ 五年规划 }}` for a plan dated `when`, from the 提法 rule data."""
    from drafter.check.sessions import Sessions, plan_period_of, plan_periods

    period = plan_period_of(plan_periods(), when.year)
    return {"会议": Sessions.from_rules().current_wording(when) or "党中央决策部署",
            "五年规划": period["name"] if period else ""}
