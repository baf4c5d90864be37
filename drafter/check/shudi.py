"""属地: another place's leftovers — its names, its own usage, its programmes, its 文号 and units.

Checked against the draft's region (`CheckContext`): places that are not it, above it or below it
(the gazetteer; jieba's place tags for names it lacks), terms only one other province's plans use
(the corpus store), minority-medicine terms and regional programmes outside their regions
(rules/shudi.toml), and 文号 prefixes and unit abbreviations that belong to the source plan or to
another place the corpus knows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.check.context import CheckContext
from drafter.check.matching import clause_around, compiled, rule_matches
from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.check.rules import RuleFile, load_rules
from drafter.check.wenhao import wenhao_findings
from drafter.library.gazetteer import gazetteer, short_name
from drafter.library.templatize import MODEL_PLACES
from drafter.messages import t

FAMILY = "属地"
_PROVINCIAL_PLENUM = re.compile(
    r"(?:省|自治区|市)委(?:第)?[一二三四五六七八九十]+届[一二三四五六七八九十]+次全(?:体)?会(?:议)?"
)


def check_shudi(parts: list[TextPart], ctx: CheckContext, rules: RuleFile | None = None) -> list[Finding]:
    if not ctx.knows_region:
        return []
    rules = rules or load_rules("shudi")
    terms = _term_pattern(ctx)
    found: list[Finding] = []
    for part in parts:
        if (
            part.part == "meta"
            and part.field not in ("title", "issuer")
            and not (part.field or "").startswith("superior")
        ):
            continue
        found += _places(part, ctx)
        found += _provincial_plenum(part, ctx)
        found += _medicine(part, ctx, rules)
        found += _programmes(part, ctx, rules)
        if terms is not None:
            found += _distinctive(part, ctx, terms)
        found += wenhao_findings(part, ctx, rules)
    return found


# -- place names ------------------------------------------------------------------------------------


def place_names(text: str, ctx: CheckContext) -> list[tuple[int, int, str]]:
    """(start, end, name) of every place in `text` that does not belong to the draft's region.

    A short name (安康 for 安康市) counts only where it is a word of its own (not 医保定点's 保定),
    is a place name in jieba's dictionary rather than an ordinary word (幸福安康), and does not start
    an institution's name (北京积水潭医院, 中山医院). A model's province next to the model (推广福建省和
    三明市…经验) is part of the reference to it."""
    allowed = ctx.own_names | set(MODEL_PLACES)
    masked = text
    for model in MODEL_PLACES:  # 福建省三明市 is one model's name, not 福建省 + 三明市
        masked = masked.replace(model, "\0" * len(model))
    words = _words(masked) if ctx.use_jieba else None
    found = []
    spotted = gazetteer().spot(masked)
    for start, end, name in spotted:
        if name in allowed or _not_a_place_here(masked, start, end, name, words):
            continue
        found.append((start, end, name))
    if words is not None:
        taken = [(s, e) for s, e, _n in spotted]  # the gazetteer has had its say on these
        for start, end, word, flag in words:
            if (
                _looks_like_division(word, flag)
                and not word.startswith(tuple(allowed))
                and not any(s <= start < e for s, e in taken)
                and not _institution_follows(masked, end)
            ):
                found.append((start, end, word))
    return sorted(found)


_INSTITUTION = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:医院|大学|学院|医学院|研究院|研究所)")


def _not_a_place_here(text: str, start: int, end: int, name: str, words: list | None) -> bool:
    place = gazetteer().lookup(name)
    if place is None:
        return False
    if name in _MODEL_PROVINCES and "\0" in clause_around(text, start, end) + text[end : end + 12]:
        return True  # 推广福建省和三明市…经验: the model's province, named with the (masked) model
    if place.name == name or name in place.aliases:
        return False  # a full name (汉中市) is a place wherever it stands
    if _institution_follows(text, end):
        return True
    if words is None:
        return False
    token = next(((s, e, w, f) for s, e, w, f in words if s <= start < e), None)
    if token is None or (token[0], token[1]) != (start, end):
        return True  # part of a longer word: 医保定点 holds 保定, not 保定市
    return _tag_of(name) not in ("ns", "nz", None)


def _institution_follows(text: str, end: int) -> bool:
    return bool(_INSTITUTION.match(text[end : end + 10]))


_MODEL_PROVINCES = {"福建省", "福建", "深圳市", "深圳", "广东省"}


def _words(text: str) -> list[tuple[int, int, str, str]]:
    """jieba's words with their offsets, tagged `ns` when the dictionary knows them as places."""
    from drafter.text.tokens import tokenize

    places = dictionary_places()
    out, pos = [], 0
    for word in tokenize(text):
        out.append((pos, pos + len(word), word, "ns" if word in places else ""))
        pos += len(word)
    return out


def _tag_of(word: str) -> str:
    return "ns" if word in dictionary_places() else "x"


def _looks_like_division(word: str, flag: str) -> bool:
    """A word the dictionary knows as a place that looks like a division's name (`襄樊市`, renamed in
    2010, so the gazetteer lacks it), not a common noun (`自治县`, `都市区`)."""
    return flag == "ns" and len(word) >= 3 and bool(_ADMIN_SUFFIX.search(word)) and not _GENERIC.match(word)


@lru_cache(maxsize=1)
def dictionary_places() -> frozenset[str]:
    """The words jieba's dictionary tags as places (ns, nz): read once, then cached on disk (the
    350,000-line dictionary takes a second to read; the cache a few milliseconds)."""
    from drafter.text.tokens import tagged_words

    return tagged_words(("ns", "nz"))


_RELATION = re.compile(
    r"对接|融入|借鉴|学习|参照|比照|对口|协作|合作|联动|相向|毗邻|辐射|帮扶|援助|支援|交流|共建|携手|汲取|吸取|教训|"
    r"都市圈|城市群|经济圈|一体化|国家区域医疗中心"
)


def _places(part: TextPart, ctx: CheckContext) -> list[Finding]:
    """Another place's name. The source plan's own place is certainly a leftover (error); another
    province's is likely one (warning); a place of the draft's own province may be a reference to it
    (info). Named with a neighbour's word (对接, 融入, 学习…经验) it is a reference, not a leftover —
    except in a section template (`ctx.strict`), which is rendered for every region."""
    out = []
    source_names = _source_names(part)
    for start, end, name in place_names(part.text, ctx):
        ours = name in source_names
        if not ours and not ctx.strict and _RELATION.search(clause_around(part.text, start, end)):
            continue
        place = gazetteer().lookup(name)
        same_province = bool(place and ctx.province and place.province == ctx.province) and not ctx.strict
        severity = "error" if ours else "info" if same_province else "warning"
        message = t(
            "check.shudi_place_source" if ours else "check.shudi_place",
            name=name,
            region=ctx.region or ctx.province,
            source=part.source.get("地区", ""),
        )
        out.append(
            Finding(FAMILY, severity, "shudi.place", part.location(start), part.text[start:end], message)
        )
    return out


def _source_names(part: TextPart) -> set[str]:
    region = part.source.get("地区")
    place = gazetteer().lookup(region) if region else None
    return gazetteer().names_of(place) if place else ({region} if region else set())


_ADMIN_SUFFIX = re.compile(r"[省市县区州旗盟]$")
_GENERIC = re.compile(
    r"^(全|本|我|各|该|县|市|省|城|区|辖|社|园|景|山|牧|片|郊|老|新|示范|试点|开发|地|州|自治|都市|大城|"
    r"主城|中心|副中心|城乡|乡村|农村|民族|边境|沿海|内陆|经济|工业|高新|保税|自贸|小城|大中)"
)


def _provincial_plenum(part: TextPart, ctx: CheckContext) -> list[Finding]:
    """`省委十三届九次全会`: a province's own session, wrong anywhere but in its province."""
    source_region = part.source.get("地区")
    place = gazetteer().lookup(source_region) if source_region else None
    if not place or not ctx.province or place.province == ctx.province:
        return []
    return [
        Finding(
            FAMILY,
            "error",
            "shudi.provincial_session",
            part.location(m.start()),
            m.group(),
            t("check.shudi_provincial_session", session=m.group(), province=place.province),
        )
        for m in _PROVINCIAL_PLENUM.finditer(part.text)
    ]


# -- minority medicine and regional programmes -------------------------------------------------------


def _medicine(part: TextPart, ctx: CheckContext, rules: RuleFile) -> list[Finding]:
    if not ctx.province:
        return []
    out = []
    for entry in rules.entries("medicine"):
        provinces = medicine_provinces(entry["people"], tuple(entry.get("homeland", [])))
        if ctx.province in provinces:
            continue
        for m in rule_matches(part.text, entry):
            message = t(
                "check.shudi_medicine",
                term=m.group(),
                title=entry.get("title", m.group()),
                provinces="、".join(sorted(provinces)) or "—",
                province=ctx.province,
            )
            out.append(_rule_warning(part, m, entry, message))
    return out


@lru_cache(maxsize=64)
def medicine_provinces(people: str, homeland: tuple[str, ...]) -> frozenset[str]:
    """Provinces holding an autonomous division named after `people`, and its homeland provinces."""
    found = {p.province for p in gazetteer().places if people in p.name and "自治" in p.name}
    return frozenset(found | set(homeland))


def _programmes(part: TextPart, ctx: CheckContext, rules: RuleFile) -> list[Finding]:
    if not ctx.province:
        return []
    skip = rules.table("programme_settings").get("skip_clause")
    out = []
    for entry in rules.entries("programme"):
        if ctx.province in entry.get("provinces", []) or _within(ctx, entry.get("also", [])):
            continue
        for m in rule_matches(part.text, entry):
            if skip and compiled(skip).search(clause_around(part.text, m.start(), m.end())):
                continue
            message = t(
                "check.shudi_programme",
                term=m.group(),
                title=entry.get("title", m.group()),
                provinces="、".join(short_name(p) for p in entry.get("provinces", [])),
                province=ctx.province,
            )
            out.append(_rule_warning(part, m, entry, message))
    return out


def _rule_warning(part: TextPart, m: re.Match[str], entry: dict, message: str) -> Finding:
    """A 属地 warning from a rule file's entry, with the document the rule rests on."""
    return Finding(FAMILY, "warning", f"shudi.{entry['id']}", part.location(m.start()), m.group(), message,
                   None, False, entry.get("source"))  # fmt: skip


def _within(ctx: CheckContext, places: list[str]) -> bool:
    place = ctx.place
    return bool(place) and (place.name in places or (place.parent or "") in places)


# -- terms of one province (the corpus) -----------------------------------------------------------


def _term_pattern(ctx: CheckContext) -> dict[str, dict] | None:
    facts = ctx.corpus
    if facts is None or not getattr(facts, "terms", None) or not ctx.province:
        return None
    return {term: info for term, info in facts.terms.items() if info["province"] != ctx.province}


def _distinctive(part: TextPart, ctx: CheckContext, terms: dict[str, dict]) -> list[Finding]:
    if not terms:
        return []
    from drafter.text.tokens import tokenize

    out, pos, previous = [], 0, None  # previous: (start, token)
    for token in tokenize(part.text):
        hits = [(pos, token)]
        if previous is not None:
            hits.append((previous[0], previous[1] + token))
        for start, term in hits:
            info = terms.get(term)
            if info:
                message = t(
                    "check.shudi_term",
                    term=term,
                    province=info["province"],
                    regions="、".join(info["regions"][:4]),
                    docs=info["docs"],
                    here=ctx.province,
                )
                out.append(Finding(FAMILY, "warning", "shudi.term", part.location(start), term, message))
        previous = (pos, token)
        pos += len(token)
    return out
