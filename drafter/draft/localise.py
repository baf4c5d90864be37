"""Text from elsewhere made the draft's own: another place's paragraph, or the superior's sentence.

A corpus paragraph goes through the section library's templatizer (its place names, 我市, years and
superior documents become placeholders; a sentence naming a third place is dropped) and is rendered
for the draft's region; its responsibility notes go (the draft writes its own from the superior's
units) and its own units take this level's names. Then the check rules read it as a reviewer would:
safe fixes are applied, a sentence still raising a 提法, 属地 or 时限 finding is dropped, and what is
left is used only if enough of it is.

The superior's own sentence is turned into the local voice: `全省` → `全市`, `各市州` → `各县（市、区）`,
its units (`省卫生健康委`, `国家医保局`) → the local ones (drafter.draft.units).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.draft.units import Local, localise_units

FAMILIES = ("提法", "属地", "时限")
KEEP_SHARE = 0.6  # a paragraph that lost more than this share of its text to the rules is not used
_NOTE = re.compile(r"[(（][^()（）]{2,300}[)）]")
_RESPONSIBLE = re.compile(r"牵头|负责|责任单位|责任部门|配合部门|配合单位|完成时限|时间节点")
_OPEN_NOTE = re.compile(r"[(（][^()（）]*(?:牵头|责任单位|责任部门|配合部门|配合单位)[^()（）]*$")  # cut off at the end
_TITLE = re.compile(r"《[^《》\n]{2,120}》")
_INSTITUTIONS = r"(?:人民医院|医院|卫生院|疾控中心|中心|大学|学院|研究院|研究所|示范区|实验区|集团|基地)"
_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
# The units below a level, as a superior names them, and as the draft names its own.
_BELOW_WORDS = {
    "省级": ("各市（州）", "各市(州)", "各市州", "各市、州", "各市（地）", "各市地", "各设区市", "各地市", "各盟市",
             "各市、县（市、区）", "各市县"),
    "市级": ("各县（市、区）", "各县(市、区)", "各县（市）区", "各县市区", "各县区", "各区县", "各县（区）", "各区、县（市）"),
    "县级": ("各乡镇（街道）", "各乡（镇）", "各乡镇", "各镇（街道）"),
}  # fmt: skip
# What a national document calls the places that carry it out (各地要…, 2024年各省份至少…).
_NATIONAL_BELOW = re.compile(r"各省（自治区、直辖市）|各省、自治区、直辖市|各省份|各地(?![区方市])")
_NATIONAL_GOVERNMENTS = re.compile(r"地方各级(人民)?政府")  # 推动地方各级政府…: in a city plan, the counties' governments
_SELF_UNIT = {"省级": "省", "市级": "市", "县级": "县"}


@dataclass(frozen=True)
class Voice:
    """The draft's own voice: its level, its unit character, what it calls the units below it."""

    level: str
    unit: str  # 市 / 州 / 县 / 区
    below: str  # 各县（市、区）

    @property
    def local(self) -> Local:
        return Local(self.level, self.unit)


def voice_for(context) -> Voice:  # noqa: ANN001 - a RegionContext
    """The voice of a plan for `context`: its level, `本级` and `区县` as the placeholders give them."""
    from drafter.library.gazetteer import gazetteer
    from drafter.library.placeholders import level_from_suffix

    values = context.values()
    place = gazetteer().lookup(context.region, context.province)
    level = context.level or (place.level if place else level_from_suffix(context.region))
    return Voice(level, str(values["本级"]), str(values["区县"]))


def _governments_below(voice: Voice, people: str) -> str:
    """`地方各级政府` in the draft's voice: the governments of the units below it (a 街道 has none)."""
    if voice.level == "县级":
        return "各乡镇人民政府（街道办事处）"
    return f"{voice.below}{people}政府"


def superior_voice(text: str, superior_level: str | None, voice: Voice,
                   superior_unit: str | None = None) -> str:  # fmt: skip
    """The superior's sentence as the draft would say it: its scope words (`全省`), the units below
    it and its own units renamed for the draft's level."""
    level = superior_level or "省级"
    unit = superior_unit or _SELF_UNIT.get(level, "")
    if level != "国家级" and unit and unit != voice.unit:
        text = re.sub(f"([全我本]){unit}(?![级委])", lambda m: m.group(1) + voice.unit, text)
    if level != voice.level:
        for words in _BELOW_WORDS.get(level, ()):
            text = text.replace(words, voice.below)
    if level == "国家级":
        text = _NATIONAL_GOVERNMENTS.sub(lambda m: _governments_below(voice, m.group(1) or ""), text)
        text = _NATIONAL_BELOW.sub(voice.below, text)
    own = (level, None) if level != "国家级" else ("国家级",)
    return localise_units(text, voice.local, own)


def strip_notes(text: str) -> str:
    """Without its responsibility notes (`（责任单位：…）`, `（市卫生健康委牵头，…按职责分工负责）`), also
    one left open at the end (a scrape cut off inside it)."""
    for _ in range(3):  # a note holding a bracketed unit name comes out once the inner one has
        out = _NOTE.sub(lambda m: "" if _RESPONSIBLE.search(m.group()) else m.group(), text)
        if out == text:
            break
        text = out
    text = _OPEN_NOTE.sub("", text)
    return re.sub(r"\s+([。；])", r"\1", text).strip()


def without_own_things(text: str, names: set[str]) -> str:
    """Without the sentences that name something of the source place's own: a document it issued
    (`推动《汉中市…实施方案》落实`), an institution or designation of it or of its districts
    (`聊城市人民医院`, `东阿县疾控中心`, `山东省国家中医药综合改革示范区`). Rendered for another
    region they would name a document, hospital or status that region does not have."""
    names = {n for n in names if n and len(n) >= 2}
    if not names:
        return text
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    institution = re.compile(f"(?:{alternatives})[\u4e00-\u9fff]{{0,10}}?{_INSTITUTIONS}")
    def own_document(sentence: str) -> bool:
        return any(any(n in m.group() for n in names) for m in _TITLE.finditer(sentence))

    kept = [s for s in sentences(text) if not institution.search(s) and not own_document(s)]
    return "".join(kept)


def source_names(region: str | None, province: str | None) -> set[str]:
    """The source place's names: itself, its province, its districts (full and short)."""
    from drafter.library.gazetteer import gazetteer, short_name

    names = {region or "", short_name(region or ""), province or "", short_name(province or "")}
    place = gazetteer().lookup(region, province) if region else None
    for child in gazetteer().children(place) if place else []:
        names |= {child.name, child.short if len(child.short) >= 2 else ""}
    return {n for n in names if n}


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s.strip()]


@dataclass
class Localised:
    text: str
    dropped: int  # sentences left out (another place's, or raising a finding)
    fixed: int  # safe fixes applied (renamed institutions, marks)


def localise_passage(text: str, source: dict, values: dict, voice: Voice, year: int | None) -> str | None:
    """A corpus paragraph rendered for the draft's region; None when nothing of it fits anywhere else
    (its first line names another place, or every sentence did)."""
    from drafter.errors import DrafterError
    from drafter.library.render import render_string
    from drafter.library.templatize import Source, templatize
    from drafter.text.punctuation import normalize_punctuation

    region = source.get("地区") or None
    origin = Source.of(region, year, source.get("省份") or None)
    names = source_names(region, origin.province)
    own = without_own_things(strip_notes(normalize_punctuation(text)), names)
    templated = templatize("标题\n" + own, origin)
    if templated is None or "\n" not in templated.text:
        return None
    body = templated.text.split("\n", 1)[1]
    try:
        rendered = render_string(body, values, source.get("文件") or "corpus")
    except DrafterError:
        return None
    return localise_units(rendered, voice.local, (None, voice.level)).strip() or None


def checked(text: str, provenance: dict, context, corpus: object = None,  # noqa: ANN001
            keep_share: float = KEEP_SHARE) -> Localised | None:
    """`text` as one section of a draft for `context` (a RegionContext), with its 来源: the safe fixes
    applied, the sentences still raising a 提法, 属地 or 时限 finding dropped; None when less than
    `keep_share` of it (or nothing) is left."""
    from drafter.check.fix import apply_all
    from drafter.check.target import Target
    from drafter.text.punctuation import normalize_punctuation

    draft = _one_section(normalize_punctuation(text), provenance, context.region)
    target = Target("draft", "candidate", draft=draft)
    ctx = _context(context, corpus)
    found = _findings(draft, ctx)
    fixes = [f for f in found if f.safe and f.suggestion is not None]
    fixed = len(apply_all(target, fixes)) if fixes else 0
    if fixed:
        found = _findings(draft, ctx)
    body = draft.sections[0].body
    bad = [f.location.offset for f in found if f.location.part == "body"]
    kept, pos, dropped = [], 0, 0
    for sentence in sentences(body):
        start = body.index(sentence, pos)
        pos = start + len(sentence)
        if any(start <= offset < pos for offset in bad):
            dropped += 1
        else:
            kept.append(sentence)
    result = "".join(kept).strip()
    if not result or len(result) < keep_share * len(body):
        return None
    return Localised(_end_sentence(result), dropped, fixed)


def findings(text: str, provenance: dict, context, corpus: object = None) -> list:  # noqa: ANN001
    """The 提法, 属地 and 时限 findings on `text` as one section of a draft for `context`."""
    return _findings(_one_section(text, provenance, context.region), _context(context, corpus))


def _end_sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？")) else text.rstrip("；;，,、") + "。"


def _one_section(text: str, provenance: dict, region: str):  # noqa: ANN202 - a Draft
    from drafter.draft.model import Draft, DraftSection, provenance_line

    section = DraftSection("任务", 1, "一、", [provenance_line(provenance), text])
    return Draft(meta={"region": region}, sections=[section])


def _findings(draft, ctx) -> list:  # noqa: ANN001
    from drafter.check.parts import draft_parts
    from drafter.check.run import check_parts

    return check_parts([p for p in draft_parts(draft) if p.part != "meta"], ctx, FAMILIES)


def _context(context, corpus):  # noqa: ANN001, ANN202
    from drafter.library.check import check_context

    return check_context(context, corpus)
