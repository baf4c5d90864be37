"""党代会 and 中央全会: which a plan cites, which were current at its date, and the current wording.

The dates live in rules/tifa.toml (`[[session]]`), so a new 全会 is one entry in a data file. The
same table gives the section library its `{{ 会议 }}` placeholder: a 2017 passage citing
"党的十八大和十八届三中、四中、五中、六中全会精神" renders, for a 2026 plan, with the sessions
current in 2026.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from drafter.check.rules import RuleFile, load_rules

_TERMS = {"十六": 16, "十七": 17, "十八": 18, "十九": 19, "二十": 20, "二十一": 21}
_NUMS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_TERM = "(?:二十一|二十|十[六七八九])"
_CONGRESS = rf"(?:党的)?(?P<cong>{_TERM})(?:次全国代表)?大(?:会)?"
_PLENUMS = rf"(?:党的)?(?P<pterm>{_TERM})届(?:中央)?(?P<nums>(?:[一二三四五六七]中[、，,和及]?)+)全会"
_ALL = rf"(?:党的)?(?P<aterm>{_TERM})届历次(?:中央)?全会"
_ITEM = re.compile(rf"{_ALL}|{_PLENUMS}|{_CONGRESS}")
_JOIN = re.compile(r"(?:和|、|及|以及|，|,)")
_TAIL = re.compile(r"(?:(?:和|、|及|以及)[^，。；\n]{0,30}?)?精神")


@dataclass(frozen=True)
class Session:
    name: str
    kind: str  # congress | plenum
    term: int
    number: int
    start: Date
    end: Date


@dataclass
class SessionCite:
    """One citation group: `党的十九大和十九届二中、三中全会` (+ its tail up to 精神)."""

    start: int
    end: int
    text: str
    term: int
    max_plenum: int  # 0 when only the congress is cited
    all_plenums: bool  # 十九届历次全会
    latest_name: str


class Sessions:
    def __init__(self, sessions: list[Session]) -> None:
        self.sessions = sorted(sessions, key=lambda s: s.end)
        self._by_name = {s.name: s for s in sessions}

    @classmethod
    def from_rules(cls, rules: RuleFile | None = None) -> Sessions:
        rules = rules or load_rules("tifa")
        return cls(
            [
                Session(
                    e["name"],
                    e["kind"],
                    int(e["term"]),
                    int(e.get("number", 0)),
                    Date.fromisoformat(str(e["start"])),
                    Date.fromisoformat(str(e["end"])),
                )
                for e in rules.entries("session")
            ]
        )

    def by_name(self, name: str) -> Session | None:
        return self._by_name.get(name)

    def congress_at(self, when: Date) -> Session | None:
        held = [s for s in self.sessions if s.kind == "congress" and s.end <= when]
        return held[-1] if held else None

    def latest_plenum(self, term: int, when: Date, least: int = 2) -> Session | None:
        """The latest 全会 of `term` held by `when`, counting from the `least`-th (二中 by default)."""
        held = [
            s
            for s in self.sessions
            if s.kind == "plenum" and s.term == term and s.number >= least and s.end <= when
        ]
        return held[-1] if held else None

    def current_wording(self, when: Date) -> str | None:
        """`党的二十大和二十届二中、三中、四中全会` for a plan dated `when` (一中全会 is not cited)."""
        congress = self.congress_at(when)
        if congress is None:
            return None
        plenums = [
            s
            for s in self.sessions
            if s.kind == "plenum" and s.term == congress.term and s.number >= 2 and s.end <= when
        ]
        text = f"党的{congress.name}"
        if plenums:
            numbers = "、".join(f"{_cn(s.number)}中" for s in sorted(plenums, key=lambda s: s.number))
            text += f"和{_cn_term(congress.term)}届{numbers}全会"
        return text


def find_citations(text: str) -> list[SessionCite]:
    """Citation groups of 党代会/全会 followed by 精神 (a plan's 指导思想 wording, not its history)."""
    out, pos = [], 0
    while True:
        m = _ITEM.search(text, pos)
        if not m:
            return out
        items, end = [m], m.end()
        while True:
            joiner = _JOIN.match(text, end)
            nxt = _ITEM.match(text, joiner.end()) if joiner else None
            if not nxt:
                break
            items.append(nxt)
            end = nxt.end()
        pos = end
        if _TAIL.match(text, end):
            out.append(_cite(text, m.start(), end, items))


def _cite(text: str, start: int, end: int, items: list[re.Match[str]]) -> SessionCite:
    cited: list[tuple[int, int]] = []  # (term, plenum number; 0 for the congress)
    every: set[int] = set()
    for item in items:
        if item.group("aterm"):
            every.add(_TERMS[item.group("aterm")])
        elif item.group("pterm"):
            term = _TERMS[item.group("pterm")]
            cited += [(term, _NUMS[n]) for n in re.findall(r"([一二三四五六七])中", item.group("nums"))]
        else:
            cited.append((_TERMS[item.group("cong")], 0))
    terms = [term for term, _n in cited] + list(every)
    term = max(terms)
    top = max((n for tm, n in cited if tm == term), default=0)
    name = f"{_cn_term(term)}届{_cn(top)}中全会" if top else f"{_cn_term(term)}大"
    return SessionCite(start, end, text[start:end], term, top, term in every, name)


def _cn(n: int) -> str:
    return "一二三四五六七八九"[n - 1]


def _cn_term(term: int) -> str:
    return {v: k for k, v in _TERMS.items()}[term]


def plan_periods(rules: RuleFile | None = None) -> dict[str, dict]:
    rules = rules or load_rules("tifa")
    return {
        e["name"]: {"name": e["name"], "start": int(e["start"]), "end": int(e["end"])}
        for e in rules.entries("plan_period")
    }


def plan_period_of(periods: dict[str, dict], year: int) -> dict | None:
    return next((p for p in periods.values() if p["start"] <= year <= p["end"]), None)
