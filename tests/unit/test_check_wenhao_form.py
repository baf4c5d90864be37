"""The draft's own 发文字号 is checked as a 办公室 reviewer reads it (GB/T 9704 §7.2.4)."""

from __future__ import annotations

import pytest

from drafter.check import check_draft
from drafter.draft.io import parse_draft

DRAFT = """+++
region = "滨江市"
province = "东海省"
title = "滨江市推进卫生健康事业发展工作方案"
date = "2026-05-20"
doc_number = "{number}"
+++
一、总体要求
坚持以人民健康为中心，推进卫生健康事业高质量发展。
"""


def _wenhao(number: str) -> list:
    findings = check_draft(parse_draft(DRAFT.replace("{number}", number)))
    return [f for f in findings if f.rule.startswith("geshi.wenhao")]


def test_a_number_still_waiting_for_its_serial_is_flagged_with_an_example_in_its_own_form():
    (found,) = _wenhao("滨政办发〔2026〕号")
    assert (found.family, found.severity, found.location.part, found.location.field) == ("格式", "warning", "meta", "doc_number")
    assert "滨政办发〔2026〕12号" in found.message and found.location.line == 6


@pytest.mark.parametrize(
    ("written", "proper"),
    [("滨政办发[2026]12号", "滨政办发〔2026〕12号"), ("滨政办发（2026）第12号", "滨政办发〔2026〕12号"),
     ("滨政办发〔2026〕012号", "滨政办发〔2026〕12号"), ("滨政办发【2026】3号", "滨政办发〔2026〕3号")],
)  # fmt: skip
def test_brackets_a_di_and_leading_zeros_are_corrected_in_the_suggestion(written, proper):
    (found,) = _wenhao(written)
    assert (found.severity, found.suggestion, found.safe) == ("error", proper, False)  # metadata: the user's to change


def test_a_short_year_is_an_error_and_a_proper_number_raises_nothing():
    assert [f.rule for f in _wenhao("滨政办发〔26〕12号")] == ["geshi.wenhao_year"]
    assert _wenhao("滨政办发〔2026〕12号") == []
