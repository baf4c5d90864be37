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
_PROVINCIAL_PLENUM = re.compile(r"(?:省|自治区|市)委(?:第)?[一二三四五六七八九十]+届[一二三四五六七八九十]+次全(?:体)?会(?:议)?")


def check_shudi(parts: list[TextPart], ctx: CheckContext, rules: RuleFile | None = None) -> list[Finding]:
    if not ctx.knows_region:
        return []
    rules = rules or load_rules("shudi")
    terms = _term_pattern(ctx)
    found: list[Finding] = []
    for part in parts:
        if part.part == "meta" and part.field not in ("title", "issuer"):
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
    """(start, end, name) of every place in `text` that does not belong to the draft's region."""
    allowed = ctx.own_names | set(MODEL_PLACES)
    masked = text
    for model in MODEL_PLACES:  # 福建省三明市 is one model's name, not 福建省 + 三明市
        masked = masked.replace(model, "\0" * len(model))
    found = [(s, e, name) for s, e, name in gazetteer().spot(masked) if name not in allowed]
    if ctx.use_jieba:
        taken = [(s, e) for s, e, _n in found]
        for start, end, name in _jieba_places(masked):
            if name.startswith(tuple(allowed)) or any(s <= start < e for s, e in taken):
                continue
            found.append((start, end, name))
    return sorted(found)


def _places(part: TextPart, ctx: CheckContext) -> list[Finding]:
    out = []
    source_names = _source_names(part)
    for start, end, name in place_names(part.text, ctx):
        ours = name in source_names  # the source plan's own place: certainly a leftover
        message = t("check.shudi_place_source" if ours else "check.shudi_place", name=name,
                    region=ctx.region or ctx.province, source=part.source.get("地区", ""))
        out.append(Finding(FAMILY, "error" if ours else "warning", "shudi.place", part.location(start),
                           part.text[start:end], message))
    return out


def _source_names(part: TextPart) -> set[str]:
    region = part.source.get("地区")
    place = gazetteer().lookup(region) if region else None
    return gazetteer().names_of(place) if place else ({region} if region else set())


@lru_cache(maxsize=1)
def _tagger():  # noqa: ANN202 - jieba has no type hints
    import jieba.posseg

    from drafter.text.tokens import tokenizer

    return jieba.posseg.POSTokenizer(tokenizer())


_ADMIN_SUFFIX = re.compile(r"[省市县区州旗盟]$")
_GENERIC = re.compile(r"^(全|本|我|各|该|县|市|省|城|区|辖|社|园|景|山|牧|片|郊|老|新|示范|试点|开发|地|州)")


def _jieba_places(text: str) -> list[tuple[int, int, str]]:
    """Words jieba tags as places that look like a division's name (`襄樊市`), not a common noun."""
    out, pos = [], 0
    for pair in _tagger().cut(text):
        word = pair.word
        if pair.flag == "ns" and len(word) >= 3 and _ADMIN_SUFFIX.search(word) and not _GENERIC.match(word):
            out.append((pos, pos + len(word), word))
        pos += len(word)
    return out


def _provincial_plenum(part: TextPart, ctx: CheckContext) -> list[Finding]:
    """`省委十三届九次全会`: a province's own session, wrong anywhere but in its province."""
    source_region = part.source.get("地区")
    place = gazetteer().lookup(source_region) if source_region else None
    if not place or not ctx.province or place.province == ctx.province:
        return []
    return [Finding(FAMILY, "error", "shudi.provincial_session", part.location(m.start()), m.group(),
                    t("check.shudi_provincial_session", session=m.group(), province=place.province))
            for m in _PROVINCIAL_PLENUM.finditer(part.text)]


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
            message = t("check.shudi_medicine", term=m.group(), title=entry.get("title", m.group()),
                        provinces="、".join(sorted(provinces)) or "—", province=ctx.province)
            out.append(Finding(FAMILY, "warning", f"shudi.{entry['id']}", part.location(m.start()), m.group(),
                               message, None, False, entry.get("source")))
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
            message = t("check.shudi_programme", term=m.group(), title=entry.get("title", m.group()),
                        provinces="、".join(short_name(p) for p in entry.get("provinces", [])),
                        province=ctx.province)
            out.append(Finding(FAMILY, "warning", f"shudi.{entry['id']}", part.location(m.start()), m.group(),
                               message, None, False, entry.get("source")))
    return out


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
                message = t("check.shudi_term", term=term, province=info["province"],
                            regions="、".join(info["regions"][:4]), docs=info["docs"], here=ctx.province)
                out.append(Finding(FAMILY, "warning", "shudi.term", part.location(start), term, message))
        previous = (pos, token)
        pos += len(token)
    return out
