"""Responsible units: a superior document's units turned into their counterparts at the draft's level.

`省卫生健康委` → `市卫生健康委`, `省医保局` → `市医疗保障局`, `国家卫生健康委` → `市卫生健康委`,
`财政部` → `市财政局`, and for a county `县卫生健康局`, `县发展改革局`. A unit is a level prefix
(国家 / 国务院 / 省 / 自治区 / 市 / 州 / 县 / 区 / 旗, a place's name, or none) and a body (卫生健康委,
医保局 …) that `BODIES` knows in all its written forms, old names included (卫生计生委 → 卫生健康委:
a new plan names today's institutions). A body a city does not have is given to the one doing its
work there (国家药监局 → 市市场监管局, 国家中医药局 → 市卫生健康委). An unknown body keeps its
words under the local prefix, 厅 and 部 becoming 局 (省机关事务管理局 → 市机关事务管理局).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LEVELS = ("国家级", "省级", "市级", "县级")

# key: (written forms after a level prefix, national names, 省级 body, 市级 body, 县级 body)
BODIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, str, str]] = {
    "卫生健康": (("卫生健康委员会", "卫生健康委员", "卫生健康委", "卫健委", "卫生健康局", "卫健局", "卫生和计划生育委员会", "卫生计生委",
              "卫计委", "卫生计生局", "卫计局", "卫生厅", "卫生局"),
             ("国家卫生健康委员会", "国家卫生健康委", "国家卫健委", "国家卫生计生委", "国家卫计委", "卫生部"),
             "卫生健康委", "卫生健康委", "卫生健康局"),
    "医疗保障": (("医疗保障局", "医保局"), ("国家医疗保障局", "国家医保局"), "医保局", "医疗保障局", "医疗保障局"),
    "发展改革": (("发展和改革委员会", "发展改革委", "发改委", "发展和改革局", "发展改革局", "发改局"),
             ("国家发展和改革委员会", "国家发展改革委", "国家发改委"), "发展改革委", "发展改革委", "发展改革局"),
    "财政": (("财政厅", "财政局"), ("财政部",), "财政厅", "财政局", "财政局"),
    "人社": (("人力资源和社会保障厅", "人力资源社会保障厅", "人力资源和社会保障局", "人力资源社会保障局", "人社厅", "人社局"),
           ("人力资源和社会保障部", "人力资源社会保障部", "人社部"), "人力资源社会保障厅", "人力资源社会保障局",
           "人力资源社会保障局"),
    "教育": (("教育厅", "教育和体育局", "教育局", "教体局"), ("教育部",), "教育厅", "教育局", "教育局"),
    "民政": (("民政厅", "民政局"), ("民政部",), "民政厅", "民政局", "民政局"),
    "市场监管": (("市场监督管理局", "市场监管局", "食品药品监督管理局", "食品药品监管局", "食药监局"),
             ("国家市场监督管理总局", "国家市场监管总局", "市场监管总局"), "市场监管局", "市场监管局", "市场监管局"),
    "药监": (("药品监督管理局", "药品监管局", "药监局"), ("国家药品监督管理局", "国家药监局"), "药监局", "市场监管局", "市场监管局"),
    "中医药": (("中医药管理局", "中医药局"), ("国家中医药管理局", "国家中医药局"), "中医药管理局", "卫生健康委", "卫生健康局"),
    "疾控": (("疾病预防控制局", "疾控局"), ("国家疾病预防控制局", "国家疾控局"), "疾控局", "疾控局", "疾控局"),
    "编办": (("委编办", "编办", "机构编制委员会办公室"), ("中央编办",), "委编办", "委编办", "委编办"),
    "医改": (("医改领导小组秘书处", "医改领导小组办公室", "医改办"), ("国务院医改领导小组秘书处", "国务院医改办"),
           "医改领导小组秘书处", "医改办", "医改办"),
    "组织": (("委组织部",), ("中央组织部", "中组部"), "委组织部", "委组织部", "委组织部"),
    "宣传": (("委宣传部",), ("中央宣传部", "中宣部"), "委宣传部", "委宣传部", "委宣传部"),
    "网信": (("委网信办", "网信办"), ("中央网信办", "国家网信办"), "委网信办", "委网信办", "委网信办"),
    "工信": (("工业和信息化厅", "工业和信息化局", "工业和信息化委员会", "工信厅", "工信局", "工信委", "经信委", "经信局"),
           ("工业和信息化部", "工信部"), "工业和信息化厅", "工业和信息化局", "工业和信息化局"),
    "科技": (("科学技术厅", "科技厅", "科学技术局", "科技局"), ("科学技术部", "科技部"), "科技厅", "科技局", "科技局"),
    "审计": (("审计厅", "审计局"), ("审计署",), "审计厅", "审计局", "审计局"),
    "商务": (("商务厅", "商务局"), ("商务部",), "商务厅", "商务局", "商务局"),
    "公安": (("公安厅", "公安局"), ("公安部",), "公安厅", "公安局", "公安局"),
    "司法": (("司法厅", "司法局"), ("司法部",), "司法厅", "司法局", "司法局"),
    "住建": (("住房和城乡建设厅", "住房城乡建设厅", "住房和城乡建设局", "住房城乡建设局", "住建厅", "住建局"),
           ("住房和城乡建设部", "住房城乡建设部"), "住房城乡建设厅", "住房城乡建设局", "住房城乡建设局"),
    "自然资源": (("自然资源厅", "自然资源局", "自然资源和规划局"), ("自然资源部",), "自然资源厅", "自然资源局", "自然资源局"),
    "生态环境": (("生态环境厅", "生态环境局"), ("生态环境部",), "生态环境厅", "生态环境局", "生态环境局"),
    "农业农村": (("农业农村厅", "农业农村局"), ("农业农村部",), "农业农村厅", "农业农村局", "农业农村局"),
    "退役军人": (("退役军人事务厅", "退役军人事务局"), ("退役军人事务部",), "退役军人事务厅", "退役军人事务局", "退役军人事务局"),
    "应急": (("应急管理厅", "应急管理局"), ("应急管理部",), "应急管理厅", "应急管理局", "应急管理局"),
    "文旅": (("文化和旅游厅", "文化和旅游局", "文旅局"), ("文化和旅游部",), "文化和旅游厅", "文化和旅游局", "文化和旅游局"),
    "交通": (("交通运输厅", "交通运输局"), ("交通运输部",), "交通运输厅", "交通运输局", "交通运输局"),
    "体育": (("体育局",), ("国家体育总局", "体育总局"), "体育局", "体育局", "体育局"),
    "统计": (("统计局",), ("国家统计局",), "统计局", "统计局", "统计局"),
    "税务": (("税务局",), ("国家税务总局", "税务总局"), "税务局", "税务局", "税务局"),
    "国资": (("国资委",), ("国务院国资委",), "国资委", "国资委", "国资委"),
    "数据": (("数据局", "大数据局", "大数据管理局", "大数据发展管理局"), ("国家数据局",), "数据局", "数据局", "数据局"),
    "金融监管": (("金融监管局", "银保监局", "银保监分局"), ("国家金融监督管理总局", "金融监管总局", "银保监会"),
             "金融监管局", "金融监管局", "金融监管局"),
    "残联": (("残联", "残疾人联合会"), ("中国残联",), "残联", "残联", "残联"),
    "总工会": (("总工会",), ("全国总工会",), "总工会", "总工会", "总工会"),
    "红十字会": (("红十字会",), ("中国红十字会总会",), "红十字会", "红十字会", "红十字会"),
    "妇联": (("妇联",), ("全国妇联",), "妇联", "妇联", "妇联"),
}  # fmt: skip

_NATIONAL_PREFIXES = ("国家", "国务院", "中央")
_PREFIX_LEVEL = {"国家": "国家级", "国务院": "国家级", "中央": "国家级", "省": "省级", "自治区": "省级",
                 "市": "市级", "州": "市级", "盟": "市级", "县": "县级", "区": "县级", "旗": "县级"}  # fmt: skip
_RESPONSIBLE_TAIL = re.compile(r"(?:等)?(?:按职责分工负责|分别负责|共同负责|负责|牵头)$")
_GENERIC = re.compile(r"^(?P<words>[\u4e00-\u9fff]{2,12}?)(?P<end>委员会|委|局|厅|部|办|署|总局)$")


@dataclass(frozen=True)
class Local:
    """Where the units go: the draft's level and the character it calls itself by (市, 州, 县, 区)."""

    level: str  # 省级 / 市级 / 县级
    unit: str  # the prefix of its own units: 市 for 运城市, 州 for 海南州, 区 for 盐湖区

    def name(self, key: str) -> str:
        body = BODIES[key][{"省级": 2, "市级": 3}.get(self.level, 4)]
        return f"{self.unit}{body}"


@dataclass(frozen=True)
class Unit:
    """A unit named in a text: where it stands, its level (None: no prefix) and its body's key."""

    start: int
    end: int
    text: str
    level: str | None
    key: str | None  # None: a body `BODIES` does not know (only from `parse_unit`)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    national = sorted({n for forms in BODIES.values() for n in forms[1]}, key=len, reverse=True)
    local = sorted({a for forms in BODIES.values() for a in forms[0]}, key=len, reverse=True)
    prefixes = "|".join(sorted(_PREFIX_LEVEL, key=len, reverse=True))
    return re.compile(
        f"(?P<national>{'|'.join(map(re.escape, national))})"
        f"|(?P<prefix>{prefixes})?(?P<body>{'|'.join(map(re.escape, local))})"
    )


@lru_cache(maxsize=1)
def _key_of() -> dict[str, str]:
    out = {}
    for key, forms in BODIES.items():
        for written in (*forms[0], *forms[1]):
            out.setdefault(written, key)
    return out


def find_units(text: str) -> list[Unit]:
    """Every unit `BODIES` knows in `text`, with its level (a place's name before it counts)."""
    out = []
    for m in _pattern().finditer(text):
        if m.group("national"):
            out.append(Unit(m.start(), m.end(), m.group(), "国家级", _key_of()[m.group("national")]))
            continue
        start, level = m.start(), _PREFIX_LEVEL.get(m.group("prefix") or "")
        place = _place_before(text, m.start("prefix") if m.group("prefix") else m.start("body"))
        if place is not None:
            start, level = place
        out.append(Unit(start, m.end(), text[start : m.end()], level, _key_of()[m.group("body")]))
    return out


def _place_before(text: str, end: int) -> tuple[int, str] | None:
    """(start, level) of a place's name ending exactly at `end` (黑龙江省卫生健康委, 运城市医保局)."""
    from drafter.library.gazetteer import gazetteer

    window = text[max(0, end - 12) : end]
    for s, e, name in gazetteer().spot(window):
        if e == len(window):
            place = gazetteer().lookup(name)
            level = place.level if place else None
            return end - len(window) + s, level or "市级"
    return None


def parse_unit(name: str) -> Unit:
    """One unit as written in a responsibility note (`省卫生健康委`, `财政部`, `省机关事务管理局`)."""
    name = name.strip()
    found = [u for u in find_units(name) if u.start == 0 and u.end == len(name)]
    if found:
        return found[0]
    for prefix in sorted(_PREFIX_LEVEL, key=len, reverse=True):
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return Unit(0, len(name), name, _PREFIX_LEVEL[prefix], None)
    return Unit(0, len(name), name, None, None)


def local_unit(name: str, local: Local) -> str | None:
    """The local counterpart of one unit; None when it is not a unit at all (各地, 各有关部门)."""
    unit = parse_unit(_RESPONSIBLE_TAIL.sub("", name.strip()))
    if unit.key is not None:
        return local.name(unit.key)
    words = unit.text
    for prefix in (*sorted(_PREFIX_LEVEL, key=len, reverse=True),):
        if unit.level and words.startswith(prefix):
            words = words[len(prefix) :]
            break
    generic = _GENERIC.match(words)
    if not generic or words.startswith("各"):
        return None
    end = generic.group("end")
    if end in ("厅", "部", "署", "总局"):
        end = "局"
    return f"{local.unit}{generic.group('words')}{end}"


def local_units(names: list[str], local: Local) -> list[str]:
    """Each unit's local counterpart, in order, once (two superior units can share one here)."""
    out: list[str] = []
    for name in names:
        mapped = local_unit(name, local)
        if mapped and mapped not in out:
            out.append(mapped)
    return out


def localise_units(text: str, local: Local, levels: tuple[str | None, ...]) -> str:
    """`text` with the units of the given levels (None: units written without a prefix) renamed
    for `local`; units of other levels (a city plan naming 省卫生健康委) stay as written."""
    pieces, pos = [], 0
    for unit in find_units(text):
        if unit.level not in levels or unit.start < pos:
            continue
        pieces += [text[pos : unit.start], local.name(unit.key)]
        pos = unit.end
    return "".join(pieces) + text[pos:]


def is_local(name: str, local: Local) -> bool:
    """Whether a unit in a 分工表 is the draft's own (`市卫生健康委` for a city), not a superior's."""
    unit = parse_unit(name)
    return unit.level is None or (unit.level == local.level and name.startswith(local.unit))


def responsibility_note(lead: str | None, partners: list[str], deadline: str | None) -> str:
    """`（牵头单位：市卫生健康委；配合单位：市医疗保障局、市财政局；完成时限：2025年12月底前）`, the
    form the outline parser reads into a task (and the export into the 重点任务分工表)."""
    parts = []
    if lead:
        parts.append(f"牵头单位：{lead}")
    if partners:
        parts.append(f"配合单位：{'、'.join(partners)}")
    if deadline:
        parts.append(f"完成时限：{deadline}")
    return f"（{'；'.join(parts)}）" if parts else ""


def parse_note(note: str) -> tuple[str | None, list[str]]:
    """(lead, partners) of a responsibility note as another plan wrote it (`（责任单位：市卫健委、…）`)."""
    from drafter.corpus.tasks import parse_units

    return parse_units(note.strip().lstrip("(（").rstrip(")）"))


# Who usually leads (first) and works with (the rest) on a task, by what it is about: used only when
# neither the superior nor the paragraph taken for it names anyone (the drafter checks it).
TOPIC_UNITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"商业健康保险|商业保险", ("金融监管", "医疗保障")),
    (r"医保支付|支付方式|医疗保障制度|医保制度|医保基金|长期护理保险|异地就医", ("医疗保障", "财政", "卫生健康")),
    (r"集中带量采购|集采|集中采购", ("医疗保障", "卫生健康", "市场监管")),
    (r"医疗服务价格|价格", ("医疗保障", "发展改革", "卫生健康")),
    (r"薪酬|人事|编制|职称", ("人社", "财政", "卫生健康", "编办")),
    (r"审评审批|药品监管|药品安全|药品质量", ("药监", "卫生健康")),
    (r"药品供应|短缺药品|基本药物|药品使用", ("卫生健康", "医疗保障", "工信", "市场监管")),
    (r"中医药|中医", ("卫生健康", "发展改革", "医疗保障")),
    (r"人才|医学教育|培养", ("卫生健康", "教育", "人社")),
    (r"数字化|信息化|互联网|数据", ("卫生健康", "数据", "医疗保障")),
    (r"一老一小|养老|托育|医养", ("卫生健康", "民政", "医疗保障")),
    (r"综合监管|监督管理", ("卫生健康", "市场监管", "医疗保障")),
    (r"公共卫生|疾病预防|疾控|传染病", ("卫生健康", "疾控", "财政")),
    (r"医改|三明", ("医改", "卫生健康", "医疗保障")),
    (r"投入|财政", ("财政", "卫生健康")),
)


def infer_units(text: str, local: Local) -> list[str]:
    """The local units a task is most likely for, by its words (卫生健康 when nothing tells)."""
    for pattern, keys in TOPIC_UNITS:
        if re.search(pattern, text):
            return [local.name(k) for k in keys]
    return [local.name("卫生健康")]
