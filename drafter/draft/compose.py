"""Assemble a draft from the section library: `drafter new`, `drafter add`, `drafter render`."""

from __future__ import annotations

from datetime import date as Date

from drafter.draft.io import parse_draft, plain_text
from drafter.draft.model import Draft, DraftSection
from drafter.errors import DrafterError
from drafter.library.placeholders import RegionContext
from drafter.library.render import render_variant
from drafter.library.variants import STANDARD_KINDS, Library, Variant
from drafter.messages import t

TASK_AREAS = 5  # task areas a new draft starts with (the drafter adds or removes more)
SINGLE_KINDS = ("指导思想", "基本原则", "工作目标", "组织保障")


def draft_context(draft: Draft) -> RegionContext:
    from drafter.draft.fill import superiors

    meta = draft.meta
    region = meta.get("region")
    if not region:
        raise DrafterError(t("draft.no_region"))
    when = str(meta.get("date") or Date.today().isoformat())
    try:
        year = int(when[:4])
    except ValueError:
        raise DrafterError(t("draft.bad_date", label="date", value=when)) from None
    cited = [s.cited() for s in superiors(meta)]
    return RegionContext(region, meta.get("province"), year, cited, meta.get("level"), date=when[:10])


def pick_variants(library: Library, picks: dict[str, str] | None = None, context: RegionContext | None = None,
                  corpus: object = None) -> dict[str, list[Variant]]:
    """One variant per kind, and several task areas. Picked ones first; else, for a plan `context`,
    the draft's own province and recent variants first, skipping any that rendered for the plan
    would raise a 提法, 属地 or 时限 finding, and taking one whose 责任单位 lists the scrape garbled
    only when no clean one is left; without a context, the most supported and typical."""
    picks = dict(picks or {})
    chosen: dict[str, list[Variant]] = {}
    for kind, variant_id in picks.items():
        if kind not in STANDARD_KINDS:
            raise DrafterError(f"--pick {kind}=…: unknown kind; kinds are {'、'.join(STANDARD_KINDS)}")
        variant = library.get(variant_id)
        if variant.kind != kind:
            raise DrafterError(f"--pick {kind}={variant_id}: that variant is a {variant.kind}")
        chosen.setdefault(kind, []).append(variant)
    for kind in STANDARD_KINDS:
        if kind in chosen:
            continue
        wanted = TASK_AREAS if kind == "重点任务" else 1
        chosen[kind] = _preferred(library, kind, wanted, context, corpus)
    return chosen


def _preferred(library: Library, kind: str, wanted: int, context: RegionContext | None,
               corpus: object) -> list[Variant]:
    if context is None:
        found = library.of_kind(kind)
        return (_distinct_titles(found) if kind == "重点任务" else found)[:wanted]
    from drafter.library.check import CLEAN, preference

    ranked = library.ranked(kind, context.province, context.year)
    clean: list[Variant] = []
    mendable: list[Variant] = []  # usable, but a 责任单位 list the scrape garbled: only to fill up
    for variant in ranked:
        if variant.title in {v.title for v in clean}:
            continue
        grade = preference(variant, context, corpus)
        if grade == CLEAN:
            clean.append(variant)
            if len(clean) == wanted:
                break
        elif grade is not None:
            mendable.append(variant)
    titles = {v.title for v in clean}
    for variant in mendable:
        if len(clean) < wanted and variant.title not in titles:
            clean.append(variant)
            titles.add(variant.title)
    clean.sort(key=ranked.index)
    return clean or ranked[:1]  # none fits as it is: the best one, and `drafter check` will say why


def _distinct_titles(variants: list[Variant]) -> list[Variant]:
    seen, out = set(), []
    for variant in variants:
        if variant.title not in seen:
            seen.add(variant.title)
            out.append(variant)
    return out


def new_draft(region: str, province: str | None = None, title: str | None = None,
              issuer: str | None = None, date: str | None = None, superior: list[str] | None = None,
              picks: dict[str, str] | None = None, library: Library | None = None,
              corpus: object = None) -> Draft:
    """A complete, readable plan for `region`, assembled from the library, with the 公文 parts a
    new draft starts with (drafter.draft.part_edit.new_parts); the notice follows the metadata.
    `corpus`: the store's facts for the 属地 rules (`drafter.check.distinctive.corpus_facts()`)."""
    from drafter.draft.fill import Superior
    from drafter.draft.part_edit import new_parts, new_preface
    from drafter.library.gazetteer import gazetteer

    library = library or Library.load()
    place = gazetteer().lookup(region, province)
    province = province or (place.province if place else None)
    meta = {
        "region": region, "province": province or "",
        "level": place.level if place else "", "title": title or f"{region}深化医药卫生体制改革实施方案",
        "issuer": issuer or f"{region}人民政府办公室", "date": date or Date.today().isoformat(),
        "superior": [Superior.parse(s).as_meta() for s in superior or []],
    }
    meta = {k: v for k, v in meta.items() if v != ""}
    meta.update(new_parts(meta))
    draft = Draft(meta=meta)
    region_context = draft_context(draft)
    context = region_context.values()
    for kind, variants in pick_variants(library, picks, region_context, corpus).items():
        sections = [render_variant(v, context) for v in variants]
        if kind == "重点任务":
            container = DraftSection("重点任务", 1, kind="重点任务")
            for section in sections:
                container.children.append(section.shifted(1))
            sections = [container] if container.children else []
        elif kind in SINGLE_KINDS:
            for section in sections:
                section.title = kind  # the standard heading; the variant's wording stays in the body
        draft.sections.extend(sections)
    draft.renumber()
    draft.preamble = new_preface()
    return parse_draft_keep_kinds(draft)


def parse_draft_keep_kinds(draft: Draft) -> Draft:
    """Round-trip through the file format (so what is returned is what a save+load gives)."""
    from drafter.draft.io import dumps_draft

    again = parse_draft(dumps_draft(draft))
    for new, old in zip(again.walk(), draft.walk(), strict=False):
        new.kind = old.kind
    return again


def add_variant(draft: Draft, variant: Variant, under: DraftSection | None = None,
                position: int | None = None) -> DraftSection:
    """Insert `variant` rendered for the draft's region; task areas go under 重点任务 by default."""
    section = render_variant(variant, draft_context(draft).values())
    if under is None and variant.kind == "重点任务":
        under = next((s for s in draft.sections if "任务" in s.title and s.children), None)
    if under is None and position is None:
        position = _standard_position(draft, variant.kind)
    return draft.add_section(section, under, position)


def _standard_position(draft: Draft, kind: str) -> int:
    """After the last top-level section whose kind comes no later than `kind` in standard order."""
    order = {k: i for i, k in enumerate(STANDARD_KINDS)}
    rank = order.get(kind, len(order))
    position = 0
    for i, section in enumerate(draft.sections):
        section_kind = section.kind or next((k for k in STANDARD_KINDS if k in section.title), None)
        if section_kind is None or order.get(section_kind, len(order)) <= rank:
            position = i + 1
    return position


def render_draft(draft: Draft) -> str:
    """The plan as plain text for reading or export: no metadata, no provenance comments."""
    return plain_text(draft)


def new_draft_from(superior, region: str, province: str | None = None, **options) -> Draft:  # noqa: ANN001
    """A draft for `region` that takes up the superior document (a `Document`) task by task:
    `drafter new --from` (drafter.draft.from_superior; `store=` is required)."""
    from drafter.draft.from_superior import draft_from_superior

    return draft_from_superior(superior, region, province, **options)


__all__ = ["add_variant", "draft_context", "new_draft", "new_draft_from", "pick_variants", "render_draft"]
