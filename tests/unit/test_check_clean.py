"""False alarms are as bad as misses: recent real plans, checked as of their own date and region,
raise nothing — and the punctuation rules fall silent once the text has GB/T 15834 marks."""

from __future__ import annotations

import pytest

from drafter.check import check_target
from drafter.check.target import Target
from drafter.library.build import source_region
from drafter.library.gazetteer import gazetteer
from drafter.reader import read_plans
from drafter.resources import corpus_files
from drafter.text.notes import close_open_note
from drafter.text.punctuation import normalize_punctuation


@pytest.fixture(scope="module")
def recent_plans() -> list:
    plans = [doc for path in corpus_files() for doc in read_plans(path)]
    recent = [doc for doc in plans if (doc.date or "") >= "2021" and source_region(doc)]
    assert len(recent) >= 6  # 海东 定西 汉中 曲靖 上海 2021–2022, 聊城 2024
    return recent


def _target(doc, normalise: bool = False) -> Target:
    region = source_region(doc)
    place = gazetteer().lookup(region)
    lines = (doc.text or "").split("\n")
    if normalise:
        # what a drafter's copy of the text is: standard marks, and the responsibility notes the
        # scrape left open closed again (drafter.text.notes, as the library does)
        lines = [close_open_note(normalize_punctuation(line)) for line in lines]
    return Target(
        "corpus",
        doc.title or "",
        date=doc.date,
        region=place.name if place else region,
        province=place.province if place else None,
        lines=lines,
    )


def test_recent_real_plans_raise_no_tifa_shudi_or_shixian_finding(recent_plans):
    for doc in recent_plans:
        report = check_target(_target(doc), ("提法", "属地", "时限"))
        assert report.findings == [], (doc.title, [(f.rule, f.text) for f in report.findings])


def test_with_standard_punctuation_they_raise_nothing_but_the_unit_lists_their_scrape_broke(recent_plans):
    """Only the 聊城 page's 责任单位 lists are left: its scrape lost 顿号 and characters there
    (人力资源社会保障财政市医疗保障局), which a reviewer would send back."""
    broken = {}
    for doc in recent_plans:
        report = check_target(_target(doc, normalise=True))
        others = [(f.rule, f.text) for f in report.findings if not f.rule.startswith("geshi.units")]
        assert others == [], (doc.title, others)
        broken[doc.region] = {f.text for f in report.findings}
    assert {region for region, units in broken.items() if units} == {"聊城市"}
    assert {"人力资源社会保障财政市医疗保障局", "财政"} <= broken["聊城市"]


def test_as_scraped_their_half_width_marks_are_found_and_fixable(recent_plans):
    report = check_target(_target(recent_plans[0]), ("格式",))
    assert report.findings and all(
        f.safe for f in report.findings if f.rule in ("geshi.halfwidth", "geshi.brackets")
    )


def test_an_older_plan_at_its_own_date_is_clean_and_the_same_text_today_is_not():
    harbin = next(
        doc for path in corpus_files() for doc in read_plans(path) if (doc.region or "") == "哈尔滨市"
    )
    at_its_date = check_target(_target(harbin), ("提法",))
    assert [f for f in at_its_date.findings if f.severity != "info"] == []  # 2017-06: right then
    today = _target(harbin)
    today.date = "2026-06-01"
    rules = {f.rule for f in check_target(today, ("提法",)).findings}
    assert {"tifa.weijiwei", "tifa.party_sessions"} <= rules  # 卫生计生委, 十八大 … are outdated now
