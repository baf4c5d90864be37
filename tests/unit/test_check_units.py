"""The units named after a task are read as a 办公室 reviewer reads them: each one whole, each one
alone. Scraped plans lose characters and 顿号 inside these lists, and templates drawn from them
keep the loss (聊城's page: 人力资源社会保障财政市医疗保障局)."""

from __future__ import annotations

from drafter.check import check_draft
from drafter.draft.io import parse_draft

DRAFT = """+++
region = "滨江市"
province = "东海省"
title = "滨江市推进卫生健康事业发展工作方案"
date = "2026-05-20"
+++
一、重点任务
（一）推进分级诊疗。{duty}
"""


def _units(duty: str) -> list:
    findings = check_draft(parse_draft(DRAFT.replace("{duty}", duty)))
    return [(f.rule, f.text) for f in findings if f.rule.startswith("geshi.units")]


def test_departments_run_together_are_flagged_where_they_stand():
    found = _units("完善转诊机制。（责任单位：市卫生健康委、人力资源社会保障财政市医疗保障局）")
    assert found == [("geshi.units_glued", "人力资源社会保障财政市医疗保障局")]
    draft = parse_draft(DRAFT.replace("{duty}", "完善转诊机制。（责任单位：市卫生健康委、财政市医疗保障局）"))
    (finding,) = [f for f in check_draft(draft) if f.rule == "geshi.units_glued"]
    assert (finding.family, finding.severity, finding.suggestion, finding.location.line) == ("格式", "warning", None, 8)


def test_a_unit_cut_short_is_flagged_and_whole_names_are_not():
    assert _units("（牵头单位：市卫生健康委；配合单位：财政、市民政局）") == [("geshi.units_incomplete", "财政")]
    whole = ("（责任单位：市卫生健康委（市中医药管理局）、市人力资源社会保障局、市市场监管局、市委编办、"
             "市医保局、市疾控中心、国家金融监督管理总局滨江监管分局、各县（市、区）人民政府，排第一位为牵头单位，下同）")
    assert _units(whole) == []


def test_only_explicit_lists_are_read():
    assert _units("财政、民政部门要加强协作，人力资源社会保障财政部门按职责分工负责。") == []
    assert _units("（市卫生健康委牵头，财政配合）") == []  # no 单位： list: the task reader's business
