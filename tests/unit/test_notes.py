"""A responsibility note that lost its closing bracket in the scrape is closed where its paragraph ends."""

from __future__ import annotations

import pytest

from drafter.text.notes import close_open_note


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("完善机制。（责任单位：市卫生健康委、市医疗保障局", "完善机制。（责任单位：市卫生健康委、市医疗保障局）"),
        ("完善机制。(牵头单位:市卫生健康委", "完善机制。(牵头单位:市卫生健康委)"),
        ("完善机制。（牵头部门：市医保局；配合部门：市财政局", "完善机制。（牵头部门：市医保局；配合部门：市财政局）"),
    ],
)
def test_an_open_note_is_closed(before, after):
    assert close_open_note(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "完善机制。（责任单位：市卫生健康委）",
        "（一）指导思想",
        "在全市（含各县",  # not a responsibility note: the drafter decides
        "（责任单位：市卫生健康委，下同。",
    ],
)
def test_other_text_is_untouched(text):
    assert close_open_note(text) == text


def test_a_new_draft_carries_no_open_note():
    from drafter.draft.compose import new_draft

    draft = new_draft("滨江市", "东海省", date="2026-03-01")
    for section in draft.walk():
        for line in section.body.split("\n"):
            assert close_open_note(line) == line, line


def test_check_finds_a_bracket_left_open_but_not_in_mojibake():
    from drafter.check import check_draft
    from drafter.draft.io import parse_draft

    text = (
        "---\nregion: 滨江市\nprovince: 东海省\ntitle: 滨江市实施方案\ndate: 2026-03-01\n---\n"
        "一、重点任务\n完善分级诊疗制度，落实《实施方案要求。\n加强医保支付方式改革专家？guī)欤瑸樯罨t工作（牵头单位\n"
    )
    found = [(f.rule, f.text) for f in check_draft(parse_draft(text), ("格式",))]
    assert ("geshi.unpaired", "《") in found
    assert [r for r in found if r[0] == "geshi.unpaired"] == [("geshi.unpaired", "《")]
