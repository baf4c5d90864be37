"""提法: wording that was right once and is outdated at the draft's date (rules in rules/tifa.toml).

Most rules are a dated pattern (卫计委 after the 2018 reform). Three are computed: which 党代会 and
全会 a plan should cite as current (`party_sessions`), which five-year plan is the current period
(`plan_period`), and who now holds the 医疗保障 remit in a task's responsible units (`yibao_remit`).
"""

from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta

from drafter.check.context import CheckContext
from drafter.check.matching import clause_around, compiled, rule_matches, sentence_around
from drafter.check.model import Finding
from drafter.check.parts import TextPart
from drafter.check.rules import RuleFile, load_rules
from drafter.check.sessions import SessionCite, Sessions, find_citations, plan_period_of, plan_periods
from drafter.messages import t

FAMILY = "提法"


def check_tifa(parts: list[TextPart], ctx: CheckContext, rules: RuleFile | None = None) -> list[Finding]:
    rules = rules or load_rules("tifa")
    sessions = Sessions.from_rules(rules)
    found: list[Finding] = []
    for part in parts:
        if part.part == "meta" and part.field != "title":
            continue
        for entry in rules.entries("rule"):
            if entry.get("computed"):
                found += _computed(entry, part, ctx, rules, sessions)
            else:
                found += _dated(entry, part, ctx)
    return found


def _computed(
    entry: dict, part: TextPart, ctx: CheckContext, rules: RuleFile, sessions: Sessions
) -> list[Finding]:
    rule_id = entry.get("id")
    if rule_id == "party_sessions":
        return _party_sessions(entry, part, ctx, sessions)
    if rule_id == "plan_period":
        return _plan_period(entry, part, ctx, rules)
    if rule_id == "yibao_remit":
        return _yibao_remit(entry, part, ctx)
    return []


# -- dated wording ---------------------------------------------------------------------------------


def _dated(entry: dict, part: TextPart, ctx: CheckContext) -> list[Finding]:
    severity = _severity_at(entry, ctx.date)
    if severity is None:
        return []
    out = []
    for m in rule_matches(part.text, entry):
        suggestion = _replacement(entry, m.group())
        safe = bool(entry.get("safe")) and suggestion is not None and severity != "info"
        if entry.get("safe_levels") and ctx.level not in entry["safe_levels"]:
            safe = False  # still suggested where it fits, never applied without asking
            if ctx.level == "省级":
                suggestion = None
        key = "check.tifa_transition" if severity == "info" else "check.tifa_outdated"
        message = t(key, old=m.group(), current=entry.get("current", ""), since=entry["outdated_from"])
        out.append(
            Finding(
                FAMILY,
                severity,
                f"tifa.{entry['id']}",
                part.location(m.start()),
                m.group(),
                message,
                suggestion,
                safe,
                entry.get("source"),
            )
        )
    return out


def _severity_at(entry: dict, when: Date) -> str | None:
    if not entry.get("outdated_from"):
        return None
    if when >= Date.fromisoformat(str(entry["outdated_from"])):
        return entry.get("severity", "warning")
    if entry.get("transition_from") and when >= Date.fromisoformat(str(entry["transition_from"])):
        return "info"
    return None


def _replacement(entry: dict, old: str) -> str | None:
    for written, new in entry.get("replace", []):
        if written == old:
            return new
    for written, new in entry.get("replace", []):
        if written in old:
            return old.replace(written, new)
    return None


# -- 党代会 and 全会 ---------------------------------------------------------------------------------


def _party_sessions(entry: dict, part: TextPart, ctx: CheckContext, sessions: Sessions) -> list[Finding]:
    out = []
    current = sessions.current_wording(ctx.date)
    for cite in find_citations(part.text):
        problem = _session_problem(cite, ctx.date, sessions, int(entry.get("grace_days", 60)))
        if problem is None:
            continue
        severity, message = problem
        out.append(
            Finding(
                FAMILY,
                severity if severity != "entry" else entry.get("severity", "error"),
                "tifa.party_sessions",
                part.location(cite.start),
                cite.text,
                message,
                current if current != cite.text else None,
                False,
                entry.get("source"),
            )
        )
    return out


def _session_problem(cite: SessionCite, when: Date, sessions: Sessions, grace: int) -> tuple[str, str] | None:
    congress = sessions.congress_at(when)
    if congress is None:
        return None
    held = sessions.by_name(cite.latest_name)
    if held is not None and held.end > when:
        return "error", t("check.tifa_session_future", cited=cite.latest_name, held=held.start.isoformat())
    if cite.term < congress.term:
        severity = "info" if when - congress.end <= timedelta(days=grace) else "entry"
        return severity, t(
            "check.tifa_session_old_congress",
            cited=cite.text,
            current=congress.name,
            held=congress.start.isoformat(),
        )
    if (
        cite.term == congress.term and not cite.all_plenums and cite.max_plenum
    ):  # "党的二十大精神" alone is fine
        # 二中全会 (personnel, the year after the congress) is often left out: only the later ones count
        latest = sessions.latest_plenum(congress.term, when, least=3)
        if latest is not None and latest.number > cite.max_plenum:
            severity = "info" if when - latest.end <= timedelta(days=grace) else "warning"
            return severity, t(
                "check.tifa_session_old_plenum",
                cited=cite.text,
                latest=latest.name,
                held=latest.start.isoformat(),
            )
    return None


# -- five-year plans ---------------------------------------------------------------------------------

_PERIOD = re.compile(r"[“\"]?(十[一二三四五六七]五)[”\"]?(?=期间|时期|规划期|末|初|中期)")


def _plan_period(entry: dict, part: TextPart, ctx: CheckContext, rules: RuleFile) -> list[Finding]:
    periods = plan_periods(rules)
    now = plan_period_of(periods, ctx.date.year)
    if now is None:
        return []
    skip = compiled(entry["skip_clause"]) if entry.get("skip_clause") else None
    out = []
    for m in _PERIOD.finditer(part.text):
        named = periods.get(m.group(1))
        if named is None or named["end"] >= ctx.date.year:
            continue  # the current period, or one still to come
        if skip and skip.search(clause_around(part.text, m.start(), m.end())):
            continue  # looking back at a finished period is fine
        message = t(
            "check.tifa_plan_period",
            cited=m.group(1),
            start=named["start"],
            end=named["end"],
            current=now["name"],
            now_start=now["start"],
            now_end=now["end"],
        )
        out.append(
            Finding(
                FAMILY,
                entry.get("severity", "warning"),
                "tifa.plan_period",
                part.location(m.start(1)),
                m.group(1),
                message,
                now["name"],
                False,
                entry.get("source"),
            )
        )
    return out


# -- the 医疗保障 remit ------------------------------------------------------------------------------

_DUTY = re.compile(r"[（(]([^（）()\n]{0,120}?(?:牵头|负责)[^（）()\n]{0,80})[）)]")
_LEAD = re.compile(r"(?:牵头|责任)(?:单位|部门)?[：:]\s*([^；;，,。）)]+)")


def _yibao_remit(entry: dict, part: TextPart, ctx: CheckContext) -> list[Finding]:
    if ctx.date < Date.fromisoformat(str(entry.get("outdated_from", "2019-04-01"))):
        return []
    keywords, old_units = compiled(entry["keywords"]), compiled(entry["old_units"])
    out = []
    for m in _DUTY.finditer(part.text):
        duty = m.group(1)
        if "医保" in duty or "医疗保障" in duty:
            continue
        task = sentence_around(part.text, max(0, m.start() - 1), m.start())
        if not keywords.search(task):
            continue
        lead, at = _lead_unit(duty)
        if not lead or not old_units.search(lead):
            continue
        start = m.start(1) + at
        out.append(
            Finding(
                FAMILY,
                entry.get("severity", "warning"),
                "tifa.yibao_remit",
                part.location(start),
                lead,
                t("check.tifa_yibao_remit", unit=lead),
                None,
                False,
                entry.get("source"),
            )
        )
    return out


def _lead_unit(duty: str) -> tuple[str, int]:
    found = _LEAD.search(duty)
    if found:
        first = re.split(r"[、，,]", found.group(1))[0].strip()
        return first, found.start(1)
    first = re.split(r"[、，,；;]|等|牵头|负责|按职责", duty)[0].strip()
    return first, duty.find(first) if first else 0
