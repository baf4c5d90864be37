"""Turn one region's section text into a template any region can use.

The source's own names become placeholders (`汉中市` → `{{ 地区 }}`, `健康汉中` → `健康{{ 简称 }}`,
`我市` → `我{{ 本级 }}`, `2017年` → `{{ 年份 + 2 }}年`), the provincial documents it implements
become `{{ 上级文件 }}`, and its districts named in a list become `{{ 区县 }}`. The sessions it cites as
its guidance become `{{ 会议 }}` and the five-year plan it names as current `{{ 五年规划 }}`, so a plan
cites what is current at its own date. A sentence naming some
other place (a partner city, a study tour) cannot be generalised and is dropped; a heading that
does so rejects the whole passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.library.gazetteer import Place, gazetteer, short_name

# Nationally promoted 医改 models: naming them is a reference, not a leak.
MODEL_PLACES = ("福建省三明市", "福建三明", "三明市", "三明", "深圳市罗湖区", "深圳罗湖", "罗湖")

_TITLE = re.compile(r"《[^《》\n]{2,120}》")
_DOC_NO = re.compile(r"[(（][^()（）\n]{0,20}[〔\[【(（]\d{4}[〕\]】)）]\s*\d+\s*号[)）]")
_YEAR = re.compile(r"(?<![\d〔\[])(20\d\d)(?=\s*(?:年|—|-|–|～|~|至))")
_NO_YEAR_BEFORE = ("中国", "健康中国", "愿景")
_DEPARTMENTS = ("委", "政府", "人民政府", "人大", "政协", "卫健", "卫生", "医保", "财政", "人社", "人力资源",
                "发改", "发展改革", "编办", "市场监管", "民政", "教育", "审计", "医改", "直", "属",
                "药监", "食品药品", "中医药", "税务", "统计", "疾控", "公安", "司法", "残联", "医疗保障",
                "卫生健康", "市场监督", "科技", "工信", "工业和信息化", "住建", "住房", "农业", "体育",
                "文旅", "文化", "应急", "生态环境", "自然资源", "交通", "水利", "商务", "退役军人",
                "乡村振兴", "妇联", "总工会", "红十字会", "大数据", "政务", "纪委", "监委", "党委",
                "组织部", "宣传部", "机构编制", "国资", "金融", "保险", "融媒体", "广播电视")
_SENTENCE_END = "。；;！？!?\n"
_PROVINCIAL_SESSION = re.compile(r"(?:和|、|及|以及)(?:省|自治区|市|州|县|区)委[^，。；精]{0,14}?全(?:体)?会(?:议)?")
_PLAN_PERIOD = re.compile(r"[“\"]?(十[一二三四五六七]五)[”\"]?(?=期间|时期|规划期)")


@dataclass(frozen=True)
class Source:
    """Where a passage comes from, as far as templatizing needs."""

    region: str | None
    province: str | None
    year: int | None
    place: Place | None
    unit: str | None = None  # 市 in 我市; from the gazetteer, else guessed from the text

    @classmethod
    def of(cls, region: str | None, year: int | None, province: str | None = None,
           unit: str | None = None) -> Source:
        place = gazetteer().lookup(region) if region else None
        unit = place.unit if place else unit or (region[-1] if region else None)
        return cls(region, province or (place.province if place else None), year, place, unit)


@dataclass
class Templated:
    text: str
    dropped: int  # sentences left out because they named another place


@dataclass
class _Span:
    start: int
    end: int
    replacement: str | None  # None: a foreign place, its sentence goes


def templatize(text: str, source: Source) -> Templated | None:
    """The passage as a Jinja2 template for any region; None if its heading names another place."""
    spans = _find_spans(text, source)
    spans = _merge_district_lists(text, spans)
    first_line_end = text.find("\n") if "\n" in text else len(text)
    if any(s.replacement is None and s.start < first_line_end for s in spans):
        return None
    out: list[str] = []
    dropped = 0
    for start, end in _sentences(text):
        inside = [s for s in spans if start <= s.start < end]
        if any(s.replacement is None for s in inside):
            dropped += 1
            if text[end - 1 : end] == "\n":
                out.append("\n")
            continue
        out.append(_apply(text, start, end, inside))
    result = re.sub(r"\n{2,}", "\n", "".join(out)).strip("\n")
    return Templated(result, dropped) if result.strip() else None


def _apply(text: str, start: int, end: int, spans: list[_Span]) -> str:
    pieces, pos = [], start
    for span in spans:
        pieces.append(_escape(text[pos : span.start]))
        pieces.append(span.replacement or "")
        pos = span.end
    pieces.append(_escape(text[pos:end]))
    return "".join(pieces)


def _escape(literal: str) -> str:
    """Source text never contains Jinja2 syntax by intent; keep any brace as a literal."""
    if "{" not in literal and "}" not in literal:
        return literal
    return "".join("{{ '%s' }}" % ch if ch in "{}" else ch for ch in literal)


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _find_spans(text: str, source: Source) -> list[_Span]:
    claimed: list[_Span] = []
    no_year_zones: list[tuple[int, int]] = []
    names = _name_roles(source)
    for model in MODEL_PLACES:  # protected: kept as written
        for m in re.finditer(re.escape(model), text):
            _claim(claimed, _Span(m.start(), m.end(), m.group()))
    _claim_sessions(text, claimed)
    for m in _TITLE.finditer(text):
        no_year_zones.append((m.start(), m.end()))
        if _is_superior(m.group(), names):
            end = m.end()
            doc_no = _DOC_NO.match(text, end)
            _claim(claimed, _Span(m.start(), doc_no.end() if doc_no else end, "{{ 上级文件 }}"))
    for m in _DOC_NO.finditer(text):
        if not _follows_title(text, m.start()):
            _claim(claimed, _Span(m.start(), m.end(), ""))  # a bare local 文号 tells another place's story
    for start, end, name in gazetteer().spot(text):
        _claim(claimed, _Span(start, end, names.get(name)))
    for child in gazetteer().children(source.place) if source.place else []:
        if len(child.short) >= 2:  # 镇巴 for 镇巴县: too common a word to spot everywhere, not here
            for m in re.finditer(re.escape(child.short), text):
                _claim(claimed, _Span(m.start(), m.end(), "{{ 区县 }}"))
    _claim_unit_forms(text, source, claimed)
    _claim_plan_period(text, source, claimed, no_year_zones)
    _claim_years(text, source, claimed, no_year_zones)
    return sorted(claimed, key=lambda s: s.start)


def _claim(claimed: list[_Span], span: _Span) -> None:
    if any(s.start < span.end and span.start < s.end for s in claimed):
        return
    claimed.append(span)


def _follows_title(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1] == "》"


def _name_roles(source: Source) -> dict[str, str]:
    """Place name → placeholder for the names that belong to the source region."""
    gaz, roles = gazetteer(), {}
    place = source.place
    if place:
        for child in gaz.children(place):
            for written in (child.name, *child.aliases):
                roles[written] = "{{ 区县 }}"
        if place.parent and place.parent != source.province:
            parent = gaz.lookup(place.parent, place.province)
            if parent:
                roles.update({n: "{{ 上级地区 }}" for n in gaz.names_of(parent)})
    if source.province:
        roles[source.province] = "{{ 省份 }}"
        roles[short_name(source.province)] = "{{ 省简称 }}"
        province = gaz.lookup(source.province)
        for alias in province.aliases if province else ():
            roles[alias] = "{{ 省简称 }}"
    if place:
        roles.update({n: "{{ 地区 }}" for n in (place.name, *place.aliases)})
        roles[place.short] = "{{ 简称 }}"
    if source.region:
        roles[source.region] = "{{ 地区 }}"
        roles.setdefault(short_name(source.region), "{{ 简称 }}")
    return roles


def _is_superior(title: str, names: dict[str, str]) -> bool:
    """A document title naming a place other than the source region itself is a superior one."""
    for model in MODEL_PLACES:
        title = title.replace(model, "")
    for _start, _end, name in gazetteer().spot(title):
        if names.get(name) not in ("{{ 地区 }}", "{{ 简称 }}"):
            return True
    return False


def _claim_unit_forms(text: str, source: Source, claimed: list[_Span]) -> None:
    unit = source.unit
    if not unit:
        return
    for m in re.finditer(f"(?<=[我全本]){unit}", text):
        _claim(claimed, _Span(m.start(), m.end(), "{{ 本级 }}"))
    departments = "|".join(sorted(_DEPARTMENTS, key=len, reverse=True))
    for m in re.finditer(f"(?<![城都门超]){unit}(?=(?:{departments}))", text):
        _claim(claimed, _Span(m.start(), m.end(), "{{ 本级 }}"))


def _claim_sessions(text: str, claimed: list[_Span]) -> None:
    """`党的十九大和十九届二中、三中全会` → `{{ 会议 }}`: a plan cites the sessions current at its own
    date, whatever the source cited; a provincial session named with them (和省委十三届九次全会) goes."""
    from drafter.check.sessions import find_citations

    for cite in find_citations(text):
        tail = _PROVINCIAL_SESSION.match(text, cite.end)
        _claim(claimed, _Span(cite.start, tail.end() if tail else cite.end, "{{ 会议 }}"))


def _claim_plan_period(text: str, source: Source, claimed: list[_Span], zones: list[tuple[int, int]]) -> None:
    """`“十四五”期间` in a 2022 plan is its current period: `“{{ 五年规划 }}”期间`. A period the source
    looks back on (十三五 in 2022) stays as written."""
    from drafter.check.sessions import plan_periods

    if source.year is None:
        return
    periods = plan_periods()
    for m in _PLAN_PERIOD.finditer(text):
        period = periods.get(m.group(1))
        if period and period["start"] <= source.year <= period["end"] and not any(a <= m.start() < b for a, b in zones):
            _claim(claimed, _Span(m.start(1), m.end(1), "{{ 五年规划 }}"))


def _claim_years(text: str, source: Source, claimed: list[_Span], zones: list[tuple[int, int]]) -> None:
    base = source.year
    if base is None:
        return
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if year < base - 1 or any(a <= m.start() < b for a, b in zones):
            continue  # a historical date, or part of a document's title
        if text[max(0, m.start() - 4) : m.start()].endswith(_NO_YEAR_BEFORE):
            continue  # 健康中国2030 is a name
        offset = year - base
        expr = "{{ 年份 }}" if offset == 0 else f"{{{{ 年份 {'+' if offset > 0 else '-'} {abs(offset)} }}}}"
        _claim(claimed, _Span(m.start(), m.end(), expr))


def _merge_district_lists(text: str, spans: list[_Span]) -> list[_Span]:
    """`盐湖区、永济市和河津市` is one `{{ 区县 }}`, not three."""
    merged: list[_Span] = []
    for span in spans:
        prev = merged[-1] if merged else None
        if (
            prev
            and prev.replacement == span.replacement == "{{ 区县 }}"
            and re.fullmatch(r"[、,，和及与\s]*", text[prev.end : span.start])
        ):
            merged[-1] = _Span(prev.start, span.end, prev.replacement)
        else:
            merged.append(span)
    return merged
