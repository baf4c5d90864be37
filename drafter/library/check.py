"""`drafter sections check`: render every variant for a region it was not written for and run the
same rules as `drafter check` on it.

A 属地 finding (another place's name, usage, programme, 文号 or unit left in the rendered text) or a
template error is a problem: the library should fit any region. A 提法 or 时限 finding at today's
date is not a problem of the template but of its age: `drafter new` does not pick such a variant
for a plan of that date (see `usable`), and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from drafter.check.model import Finding
from drafter.errors import DrafterError
from drafter.library.gazetteer import gazetteer
from drafter.library.placeholders import RegionContext
from drafter.library.render import render_variant
from drafter.library.variants import Library, Variant

NEW_PLAN_FAMILIES = ("提法", "属地", "时限")


def sample_regions(year: int | None = None) -> tuple[RegionContext, ...]:
    """Regions absent from the corpus, far apart: a template must fit all of them."""
    year = year or date.today().year
    return (RegionContext("遵义市", "贵州省", year), RegionContext("丽江市", "云南省", year))


SAMPLE_REGIONS = sample_regions()


@dataclass
class CheckResult:
    variant: str
    path: str | None
    region: str
    leaks: list[str] = field(default_factory=list)  # the 属地 findings' texts
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)  # 属地: problems
    outdated: list[Finding] = field(default_factory=list)  # 提法 / 时限 at the sample's date
    units: list[Finding] = field(default_factory=list)  # 责任单位 lists the source's scrape garbled

    @property
    def ok(self) -> bool:
        return not self.leaks and not self.error

    def as_json(self) -> dict:
        return {
            "variant": self.variant,
            "path": self.path,
            "region": self.region,
            "leaks": self.leaks,
            "error": self.error,
            "ok": self.ok,
            "findings": [f.as_json() for f in self.findings],
            "outdated": [f.as_json() for f in self.outdated],
            "units": [f.as_json() for f in self.units],
        }


def sample_for(variant: Variant, year: int | None = None) -> RegionContext:
    """The first sample region that is not the variant's source (nor shares its province)."""
    source = variant.source.get("region", "")
    place = gazetteer().lookup(source) if source else None
    samples = sample_regions(year)
    for sample in samples:
        if sample.region != source and (not place or place.province != sample.province):
            return sample
    return samples[-1]


def check_context(context: RegionContext, corpus: object = None):  # noqa: ANN201 - a CheckContext
    from drafter.check.context import CheckContext

    ctx = CheckContext.make(
        context.when(), context.region, context.province, context.level, context.superior, corpus
    )
    ctx.strict = True  # a template is rendered for every region: any other place's name is a leak
    return ctx


def variant_findings(
    variant: Variant,
    context: RegionContext,
    families: tuple[str, ...] = NEW_PLAN_FAMILIES,
    corpus: object = None,
) -> list[Finding]:
    """The findings of `drafter check` on the variant rendered for `context` (its provenance kept, so
    the source's own names and 文号 are recognised). Raises DrafterError for a broken template."""
    from drafter.check.run import check_parts

    return check_parts(_rendered_parts(variant, context), check_context(context, corpus), families)


def _rendered_parts(variant: Variant, context: RegionContext) -> list:
    from drafter.check.parts import draft_parts
    from drafter.draft.model import Draft

    section = render_variant(variant, context.values(), with_source=True)
    draft = Draft(meta={"region": context.region}, sections=[section])
    return [p for p in draft_parts(draft) if p.part != "meta"]


def usable(variant: Variant, context: RegionContext, corpus: object = None) -> bool:
    """Whether a new plan for `context` may take this variant as it is: no 提法, 属地 or 时限 finding."""
    return preference(variant, context, corpus) is not None


CLEAN, MENDABLE = 0, 1  # `preference`: as it is; only its unit lists need the drafter's pen


def preference(variant: Variant, context: RegionContext, corpus: object = None) -> int | None:
    """How willingly a new plan for `context` takes the variant: CLEAN, MENDABLE when it is usable but
    a 责任单位 list lost marks or characters in the scrape (`drafter.check.geshi_units`: 财政,
    人力资源社会保障财政市医疗保障局 — the drafter must write the real names), None when not usable."""
    from drafter.check.geshi_units import unit_list_findings
    from drafter.check.run import check_parts

    try:
        parts = _rendered_parts(variant, context)
        if check_parts(parts, check_context(context, corpus), NEW_PLAN_FAMILIES):
            return None
    except DrafterError:
        return None
    return MENDABLE if unit_list_findings(parts) else CLEAN


def leaks_in(text: str, context: RegionContext) -> list[str]:
    """Place names in `text` that do not belong to `context`'s region."""
    from drafter.check.shudi import place_names

    return sorted({name for _s, _e, name in place_names(text, check_context(context))})


def check_variant(
    variant: Variant, context: RegionContext | None = None, corpus: object = None
) -> CheckResult:
    context = context or sample_for(variant)
    result = CheckResult(variant.id, str(variant.path) if variant.path else None, context.region)
    try:
        findings = variant_findings(variant, context, NEW_PLAN_FAMILIES, corpus)
    except DrafterError as err:
        result.error = str(err)
        return result
    from drafter.check.geshi_units import unit_list_findings

    result.findings = [f for f in findings if f.family == "属地"]
    result.outdated = [f for f in findings if f.family != "属地"]
    result.units = unit_list_findings(_rendered_parts(variant, context))
    result.leaks = sorted({f.text for f in result.findings})
    return result


def check_library(
    library: Library, context: RegionContext | None = None, corpus: object = None
) -> list[CheckResult]:
    return [check_variant(v, context, corpus) for v in library.variants]
