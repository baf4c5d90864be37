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
