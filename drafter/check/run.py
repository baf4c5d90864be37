"""Running the rule families over a target, and `drafter fix`'s loop over the safe suggestions."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from drafter.check.context import CheckContext
from drafter.check.model import FAMILIES, Finding, Report, sort_findings
from drafter.check.parts import TextPart
from drafter.check.target import Target, draft_target
from drafter.errors import DrafterError
from drafter.messages import t

ALIASES = {"tifa": "提法", "shudi": "属地", "shixian": "时限", "geshi": "格式"}
MAX_FIX_PASSES = 5  # one fix can reveal the next (…, → ……, → ……，); the normaliser settles in 2–3


def parse_families(spec: str | Iterable[str] | None) -> tuple[str, ...]:
    """`提法,属地` or `tifa,geshi` → the families, in their standard order; None → all four."""
    if spec is None:
        return FAMILIES
    items = spec.replace("，", ",").split(",") if isinstance(spec, str) else list(spec)
    chosen = set()
    for item in (i.strip() for i in items):
        if not item:
            continue
        family = ALIASES.get(item.lower(), item)
        if family not in FAMILIES:
            raise DrafterError(t("check.bad_family", family=item, known="、".join(FAMILIES)))
        chosen.add(family)
    return tuple(f for f in FAMILIES if f in chosen) or FAMILIES


def _family_checks() -> dict[str, Callable[[list[TextPart], CheckContext], list[Finding]]]:
    from drafter.check.geshi import check_geshi
    from drafter.check.shixian import check_shixian
    from drafter.check.shudi import check_shudi
    from drafter.check.tifa import check_tifa

    return {"提法": check_tifa, "属地": check_shudi, "时限": check_shixian, "格式": check_geshi}


def check_parts(
    parts: list[TextPart], ctx: CheckContext, families: Iterable[str] = FAMILIES
) -> list[Finding]:
    checks = _family_checks()
    found: list[Finding] = []
    for family in families:
        found += checks[family](parts, ctx)
    # the metadata block is the user's to rewrite: a suggestion there is never applied unasked
    found = [dataclasses.replace(f, safe=False) if f.location.part == "meta" else f for f in found]
    return sort_findings(_unique(found))


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (
            f.rule,
            f.location.part,
            f.location.path,
            f.location.field,
            f.location.line,
            f.location.paragraph,
            f.location.offset,
            f.text,
        )
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def context_for(
    target: Target,
    corpus: object = None,
    date: str | None = None,
    region: str | None = None,
    province: str | None = None,
) -> CheckContext:
    return CheckContext.make(
        date or target.date,
        region or target.region,
        province or target.province,
        None if (region or province) else target.level,
        target.superior,
        corpus,
    )


def check_target(
    target: Target, families: Iterable[str] = FAMILIES, corpus: object = None, ctx: CheckContext | None = None
) -> Report:
    ctx = ctx or context_for(target, corpus)
    families = tuple(families)
    findings = check_parts(target.parts(), ctx, families)
    if "时限" in families and target.superior:
        from drafter.check.shixian import superior_meta_findings

        findings = sort_findings(findings + superior_meta_findings(target.superior, ctx))
    report = Report(
        target.label, findings, ctx.date.isoformat(), ctx.region, ctx.province, list(target.notes)
    )
    if not target.date:
        report.notes.append(t("check.note_no_date", date=ctx.date.isoformat()))
    if not ctx.knows_region and "属地" in families:
        report.notes.append(t("check.note_no_region"))
    return report


def check_draft(draft: object, families: Iterable[str] = FAMILIES, corpus: object = None) -> list[Finding]:
    """The findings for a loaded draft (the app's Check screen); locations are section paths + offsets
    into `DraftSection.heading` / `.body`. Loads jieba and reads the corpus facts if given: run it off
    the UI thread."""
    return check_target(draft_target(draft), families, corpus).findings


def fix_target(
    target: Target, families: Iterable[str] = FAMILIES, corpus: object = None, ctx: CheckContext | None = None
) -> list[Finding]:
    """Apply every safe suggestion, pass after pass until none is left; returns what was applied."""
    from drafter.check.fix import apply_all

    ctx = ctx or context_for(target, corpus)
    applied: list[Finding] = []
    for _ in range(MAX_FIX_PASSES):
        safe = [
            f
            for f in check_parts(target.parts(), ctx, tuple(families))
            if f.safe and f.suggestion is not None
        ]
        done = apply_all(target, safe)
        if not done:
            break
        applied += done
    return applied
