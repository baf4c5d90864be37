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
| `{{ 区县 }}`     | 各县(市、区)                  | the units below it, where the source named its own       |
| `{{ 年份 }}`     | 2025                          | the plan's year, an integer: `{{ 年份 + 2 }}` is two years on |
| `{{ 上级文件 }}` | 《关于…的通知》(晋政办发〔2024〕1号) | the superior documents being implemented              |
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from drafter.errors import DrafterError
from drafter.library.gazetteer import gazetteer, short_name
from drafter.messages import t

NAMES = ("地区", "简称", "本级", "省份", "省简称", "上级地区", "区县", "年份", "上级文件")
_BELOW = {"省级": "各市(州)", "市级": "各县(市、区)", "县级": "各乡镇(街道)"}


@dataclass
class RegionContext:
    """What a template is rendered for: one region, its province and the plan's year."""

    region: str
    province: str | None = None
    year: int = field(default_factory=lambda: date.today().year)
    superior: list[str] = field(default_factory=list)
    level: str | None = None

    def values(self) -> dict[str, object]:
        """The Jinja2 context: every name in `NAMES` with its value."""
        place = gazetteer().lookup(self.region, self.province)
        province = self.province or (place.province if place else None)
        if not province:
            raise DrafterError(t("region.unknown_province", region=self.region))
        level = self.level or (place.level if place else _level_from_suffix(self.region))
        parent = place.parent if place and place.parent else province
        return {
            "地区": self.region,
            "简称": place.short if place and place.name == self.region else short_name(self.region),
            "本级": place.unit if place else _unit_from_suffix(self.region),
            "省份": province,
            "省简称": short_name(province),
            "上级地区": parent,
            "区县": _BELOW.get(level, "各县(市、区)"),
            "年份": int(self.year),
            "上级文件": "、".join(self.superior) if self.superior else "上级有关文件",
        }

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


def _level_from_suffix(region: str) -> str:
    if region.endswith(("省", "自治区")):
        return "省级"
    if region.endswith(("县", "区", "旗")):
        return "县级"
    return "市级"


def _unit_from_suffix(region: str) -> str:
    return "州" if region.endswith("自治州") else region[-1]
