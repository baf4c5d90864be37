"""The framework parts of a plan drawn up from a superior document: its opening and its closing.

The opening is 指导思想, 基本原则 and 工作目标 (under one 总体要求 when the superior has one), the
closing 组织保障. Each comes from the section library: among the variants a plan for this region and
date may take as they are (drafter.library.check.usable), the one closest in topic to what the
superior says in that part (or, when it says nothing there, to its preamble), then the library's own
order (province, recency, support). 工作目标 is the superior's own targets in the local voice when it
states them (the numbers are for the drafter to set: the section is marked 待完善); the library's
otherwise.
"""

from __future__ import annotations

from drafter.compare.topics import topic_similarity
from drafter.draft.localise import Voice, checked, strip_notes, superior_voice
from drafter.draft.model import DraftSection, provenance_line
from drafter.draft.superior_outline import OPENING_KINDS, SuperiorOutline
from drafter.library.variants import Library, Variant
from drafter.messages import t

CLOSING = "组织保障"
SHORTLIST = 8  # variants tried per kind (each is checked for the region before it is taken)
MIN_CHARS = 120  # a shorter template is a summary of a part, not the part
RECENCY = 0.3  # how much a recent variant counts against one closer in topic
DATED = ("工作目标",)  # parts that go stale: a plan's targets are for its own years
STALE_YEARS = 5


def opening_sections(outline: SuperiorOutline, library: Library, context, voice: Voice,  # noqa: ANN001
                     cited: str, corpus: object = None) -> list[DraftSection]:
    """一、指导思想 二、基本原则 三、工作目标, or 一、总体要求 holding them when the superior has one."""
    found = [_part(kind, outline, library, context, voice, cited, corpus) for kind in OPENING_KINDS]
    parts = [p for p in found if p is not None]
    if not outline.umbrella:
        return parts
    umbrella = DraftSection("总体要求", 1, kind="总体要求")
    umbrella.children = [p.shifted(1) for p in parts]
    return [umbrella]


def closing_section(outline: SuperiorOutline, library: Library, context,  # noqa: ANN001
                    corpus: object = None) -> DraftSection | None:
    query = outline.closing_text or "加强组织领导 强化督导考核 宣传引导"
    section = _from_library(CLOSING, library, context, query, corpus)
    if section is not None:
        section.title = CLOSING
    return section


def _part(kind: str, outline: SuperiorOutline, library: Library, context, voice: Voice,  # noqa: ANN001
          cited: str, corpus: object) -> DraftSection | None:
    own = outline.opening.get(kind, "")
    if kind == "工作目标" and own:
        return _superior_targets(own, outline, voice, cited, context, corpus)
    query = own or outline.preamble or outline.document.plan_title or ""
    section = _from_library(kind, library, context, query, corpus)
    if section is not None:
        section.title = kind
    return section


def _from_library(kind: str, library: Library, context, query: str,  # noqa: ANN001
                  corpus: object) -> DraftSection | None:
    from drafter.library.render import render_variant

    ranked = [v for v in library.ranked(kind, context.province, context.year) if _a_plans_own(v)]
    shortlist = ranked[:SHORTLIST]
    order = {v.id: i for i, v in enumerate(shortlist)}
    by_topic = sorted(shortlist, key=lambda v: (-_closeness(v, query) - _recency(v, context.year), order[v.id]))
    variant = _first_clean(by_topic, context, corpus)
    if variant is None:
        return None
    section = render_variant(variant, context.values())
    if kind in DATED and variant.year and context.year - variant.year > STALE_YEARS:
        _mark_stale(section, variant.year)
    return section


def _first_clean(variants: list[Variant], context, corpus: object) -> Variant | None:  # noqa: ANN001
    """The first variant a new plan may take as it is; else the first whose only fault is a 责任单位
    list the scrape garbled (`drafter.library.check.preference`); else None."""
    from drafter.library.check import CLEAN, preference

    fallback = None
    for variant in variants:
        grade = preference(variant, context, corpus)
        if grade == CLEAN:
            return variant
        if grade is not None and fallback is None:
            fallback = variant
    return fallback


def _recency(variant: Variant, year: int) -> float:
    """Up to `RECENCY` for a variant of the plan's own year, nothing for one ten years older."""
    if not variant.year or variant.year > year:
        return 0.0
    return RECENCY * max(0.0, 1 - (year - variant.year) / 10)


def _mark_stale(section: DraftSection, year: int) -> None:
    """Targets from a plan years older than this one: the drafter sets them anew (待完善)."""
    from drafter.draft.model import PROVENANCE, parse_provenance

    for i, line in enumerate(section.lines):
        found = PROVENANCE.match(line)
        if found:
            fields = parse_provenance(found.group("body"))
            section.lines[i] = provenance_line({**fields, "待完善": t("superior.stale_targets", year=year)})
            return


def _a_plans_own(variant: Variant) -> bool:
    """A part of a real plan: a known place's, not a drafting explanation's, long enough to stand."""
    source = variant.source
    return bool(source.get("region")) and source.get("title") != "起草说明" and len(variant.template) >= MIN_CHARS


def _closeness(variant: Variant, query: str) -> float:
    return topic_similarity(variant.template, query) if query else 0.0


def _superior_targets(text: str, outline: SuperiorOutline, voice: Voice, cited: str, context,  # noqa: ANN001
                      corpus: object) -> DraftSection:
    """The superior's 工作目标 in the local voice (its headings left out), checked, marked for the drafter."""
    from drafter.draft.numbering import parse_heading

    lines = [line for line in text.split("\n") if line.strip() and parse_heading(line) is None]
    fields = {"上级文件": cited, "待完善": t("superior.pending_targets")}
    body = []
    for line in lines:
        said = superior_voice(strip_notes(line), outline.level, voice)
        result = checked(said, fields, context, corpus, keep_share=0.0)
        body.append(result.text if result else said)
    return DraftSection("工作目标", 1, lines=[provenance_line(fields), *body], kind="工作目标")
