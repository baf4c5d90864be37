"""属地 for 发文字号 and unit names: `哈政办规〔2017〕28号` or `哈市卫计委` in a plan for another city.

A 文号's prefix tells who issued it. It is another place's leftover when it is the prefix of the
plan the passage came from (its provenance), or one the corpus knows for another region. A
province-style prefix (`晋政办发`) of another province is only worth a look (`info`): 新政办发 is
新疆's and also 新宾's.
"""

from __future__ import annotations

import re

from drafter.check.context import CheckContext
from drafter.check.matching import compiled
from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.check.rules import RuleFile
from drafter.library.gazetteer import gazetteer, short_name
from drafter.messages import t

FAMILY = "属地"
WENHAO = re.compile(
    r"(?P<lead>[\u4e00-\u9fff]{1,12})\s*[〔\[［【(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】)）]"
    r"\s*(?:第\s*)?\d{1,5}\s*号"
)
_CLEAR_BEFORE = "（(《》〔[【“\n：:，,；;、 \t"
_PROVINCE_STYLE = re.compile(r"^.(?:政办?[发函字]|办[发函]|委办?发|府办?发)")
_UNIT = re.compile(
    r"(?P<abbr>[\u4e00-\u9fff])(?P<unit>[市县区])(?P<dept>卫计委|卫健委|卫生健康委|卫生计生委|卫生局|"
    r"医保局|医疗保障局|财政局|人社局|发改委|发展改革委|政府|委员会|民政局|教育局|市场监管局)"
)


def wenhao_findings(part: TextPart, ctx: CheckContext, rules: RuleFile) -> list[Finding]:
    settings = rules.table("wenhao")
    national = compiled(settings.get("national", "^(?:国|中)"))
    abbr = dict(settings.get("province_abbr", {}))
    known = dict(getattr(ctx.corpus, "prefixes", {}) or {})
    source_prefix, source_region = _source_prefix(part)
    own = _own_prefixes(ctx, known)
    out = []
    for m in WENHAO.finditer(part.text):
        lead = m.group("lead")
        clear = m.start() == 0 or part.text[m.start() - 1] in _CLEAR_BEFORE
        finding = _judge(
            lead, clear, part, m.start("lead"), ctx, national, abbr, known, own, source_prefix, source_region
        )
        if finding:
            out.append(finding)
    out += _units(part, ctx, known, source_region)
    return out


def _judge(
    lead: str,
    clear: bool,
    part: TextPart,
    at: int,
    ctx: CheckContext,
    national: re.Pattern[str],
    abbr: dict[str, str],
    known: dict[str, str],
    own: set[str],
    source_prefix: str | None,
    source_region: str | None,
) -> Finding | None:
    if any(lead.endswith(p) for p in own) or (ctx.province and abbr.get(lead[:1]) == ctx.province):
        return None  # ours, or our province's style (宁政办发 is 宁夏's as well as 宁明县's)
    if source_prefix and lead.endswith(source_prefix) and not _is_own_region(source_region, ctx):
        start = at + len(lead) - len(source_prefix)
        return Finding(
            FAMILY,
            "error",
            "shudi.wenhao_source",
            part.location(start),
            part.text[start : start + len(source_prefix)],
            t("check.shudi_wenhao_source", prefix=source_prefix, region=source_region),
        )
    for prefix in sorted(known, key=len, reverse=True):
        region = known[prefix]
        if lead.endswith(prefix) and not _is_own_region(region, ctx):
            start = at + len(lead) - len(prefix)
            return Finding(
                FAMILY,
                "warning",
                "shudi.wenhao",
                part.location(start),
                prefix,
                t("check.shudi_wenhao", prefix=prefix, region=region),
            )
    if not clear or national.search(lead) or not _PROVINCE_STYLE.match(lead):
        return None
    province = abbr.get(lead[0])
    if province and ctx.province and province != ctx.province and not _own_abbreviation(lead[0], ctx):
        return Finding(
            FAMILY,
            "info",
            "shudi.wenhao_province",
            part.location(at),
            lead,
            t("check.shudi_wenhao_province", prefix=lead, province=province),
        )
    return None


def _source_prefix(part: TextPart) -> tuple[str | None, str | None]:
    number = part.source.get("文号") or ""
    found = WENHAO.search(number)
    region = part.source.get("地区") or None
    return (found.group("lead") if found else None), region


def _own_prefixes(ctx: CheckContext, known: dict[str, str]) -> set[str]:
    return {prefix for prefix, region in known.items() if _is_own_region(region, ctx)}


def _is_own_region(region: str | None, ctx: CheckContext) -> bool:
    return bool(region) and (region in ctx.own_names or short_name(region) in ctx.own_names)


def _own_abbreviation(char: str, ctx: CheckContext) -> bool:
    return any(name.startswith(char) for name in ctx.own_names)


def _units(
    part: TextPart, ctx: CheckContext, known: dict[str, str], source_region: str | None
) -> list[Finding]:
    """`哈市卫计委`: a one-character abbreviation of another place before 市/县/区 and a unit."""
    abbreviations = {prefix[0]: region for prefix, region in known.items() if prefix[0] not in "市县区省州"}
    if source_region:
        place = gazetteer().lookup(source_region)
        if place:
            abbreviations.setdefault(place.short[0], place.name)
    out = []
    for m in _UNIT.finditer(part.text):
        region = abbreviations.get(m.group("abbr"))
        if not region or _is_own_region(region, ctx) or _own_abbreviation(m.group("abbr"), ctx):
            continue
        if _ends_a_place_name(part.text, m.end("unit")):
            continue  # 汉中市 is a place name (the place rule's business), not 中 + 市
        text = part.text[m.start() : m.end("unit")]
        out.append(
            Finding(
                FAMILY,
                "error",
                "shudi.unit",
                part.location(m.start()),
                m.group(),
                t("check.shudi_unit", unit=m.group(), short=text, region=region),
            )
        )
    return out


def _ends_a_place_name(text: str, end: int) -> bool:
    window = text[max(0, end - 8) : end]
    return any(e == len(window) and e - s > 2 for s, e, _n in gazetteer().spot(window))
