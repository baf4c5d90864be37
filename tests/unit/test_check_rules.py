"""The rule data: dated, sourced, loaded by name, overridden and extended by the user's copy."""

from __future__ import annotations

from datetime import date

import pytest

from drafter.check import apply_finding, check_draft
from drafter.check.rules import BrokenRules, load_rules, rules_listing, user_rules_dir
from drafter.check.sessions import Sessions, find_citations, plan_period_of, plan_periods
from drafter.draft.io import dumps_draft, parse_draft

DRAFT = """+++
region = "滨江市"
province = "东海省"
date = "2026-03-01"
+++
一、重点任务
由市卫计委牵头，推进医改办工作。
"""


def test_every_bundled_rule_is_dated_and_sourced():
    rules = load_rules("tifa")
    for entry in rules.entries("rule"):
        assert entry.get("source"), entry["id"]
        assert entry.get("computed") or entry.get("outdated_from"), entry["id"]
    for entry in rules.entries("session"):
        assert entry.get("checked"), entry["name"]  # what was confirmed, or that it was not
    for entry in load_rules("shudi").entries("medicine") + load_rules("shudi").entries("programme"):
        assert entry.get("source") and entry.get("pattern"), entry["id"]


def test_the_current_sessions_and_plan_period_follow_the_date():
    sessions = Sessions.from_rules()
    assert sessions.current_wording(date(2022, 11, 1)) == "党的二十大"
    assert sessions.current_wording(date(2024, 8, 1)) == "党的二十大和二十届二中、三中全会"
    assert sessions.current_wording(date(2026, 3, 1)) == "党的二十大和二十届二中、三中、四中全会"
    assert sessions.current_wording(date(2017, 9, 1)) == "党的十八大和十八届二中、三中、四中、五中、六中全会"
    periods = plan_periods()
    assert (
        plan_period_of(periods, 2026)["name"] == "十五五"
        and plan_period_of(periods, 2025)["name"] == "十四五"
    )


def test_citations_are_read_only_when_they_are_the_plans_guidance():
    cited = find_citations("全面贯彻党的十九大和十九届二中、三中、四中、五中全会和省委十三届九次全会精神，…")
    assert [(c.term, c.max_plenum) for c in cited] == [(19, 5)]
    assert find_citations("党的十八大以来，我市医改取得明显成效。") == []  # history, not guidance
    assert [c.all_plenums for c in find_citations("深入贯彻党的十九大和十九届历次全会精神")] == [True]


def test_a_user_rule_file_overrides_extends_and_disables(tmp_path):
    folder = user_rules_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tifa.toml").write_text(
        '[[rule]]\nid = "weijiwei"\ndisabled = true\n\n'
        '[[rule]]\nid = "yigaiban"\ntitle = "医改办"\npattern = "医改办"\ncurrent = "卫生健康委（医改）"\n'
        'outdated_from = "2020-01-01"\nseverity = "warning"\nsafe = false\nsource = "本单位规定"\n',
        encoding="utf-8",
    )
    rules = {f.rule: f for f in check_draft(parse_draft(DRAFT), ("提法",))}
    assert "tifa.weijiwei" not in rules and rules["tifa.yigaiban"].text == "医改办"
    origins = {r["id"]: r["origin"] for r in rules_listing()}
    assert origins["yigaiban"].endswith("check/tifa.toml") and str(folder) in origins["yigaiban"]
    assert "weijiwei" not in origins and origins["party_sessions"].endswith("rules/tifa.toml")


def test_a_broken_user_rule_file_is_a_clear_error():
    folder = user_rules_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "shudi.toml"
    path.write_text('[[medicine]]\nid = "x"\npattern = "(unclosed"\n', encoding="utf-8")
    with pytest.raises(BrokenRules) as err:
        load_rules("shudi")
    assert str(path) in str(err.value) and "pattern" in str(err.value)
    path.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(BrokenRules) as err:
        load_rules("shudi")
    assert str(path) in str(err.value)


def test_apply_finding_puts_one_suggestion_in_place_and_refuses_a_stale_one():
    draft = parse_draft(DRAFT)
    finding = next(f for f in check_draft(draft, ("提法",)) if f.rule == "tifa.weijiwei")
    assert apply_finding(draft, finding)
    assert "由市卫健委牵头" in dumps_draft(draft)
    assert not apply_finding(draft, finding)  # the text there is no longer 卫计委
    assert dumps_draft(draft) == DRAFT.replace("卫计委", "卫健委")  # nothing else changed
