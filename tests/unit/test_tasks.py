"""Lead and cooperating units, and deadlines, from every responsibility form plans use."""

from __future__ import annotations

import pytest

from drafter.corpus.tasks import parse_units
from drafter.reader import parse_plans


@pytest.mark.parametrize(
    ("note", "lead", "partners"),
    [
        ("牵头部门:市医保局;配合部门:市卫生健康委、市财政局等", "市医保局", ["市卫生健康委", "市财政局"]),
        ("责任单位:卫生健康委、发展改革委、财政,排第一位为牵头单位,下同", "卫生健康委", ["发展改革委", "财政"]),
        ("市卫生健康委、市发展改革委等按职责分工负责,各县区落实", "市卫生健康委", ["市发展改革委"]),
        ("市卫计委负责", "市卫计委", []),
        ("市卫计委、市教育局共同牵头负责", "市卫计委、市教育局", []),
    ],
)
def test_units(note, lead, partners):
    assert parse_units(note) == (lead, partners)


def test_tasks_attach_to_their_items_with_deadlines():
    text = "\n".join(
        [
            "某市实施方案",
            "二、重点任务",
            "(一)理顺医疗服务价格。按照总量控制、结构调整的原则调整价格。(牵头部门:市发改委;配合部门:市人社局、"
            "市卫生计生委;完成时限:2017年年底前)",
            "(二)推进家庭医生签约服务。扩大签约覆盖面。(市卫生健康委负责,2018年6月底前完成)",
        ]
    )
    tasks = parse_plans(text)[0].tasks()
    assert [(t.text, t.lead, t.partners, t.deadline) for t in tasks] == [
        ("理顺医疗服务价格", "市发改委", ["市人社局", "市卫生计生委"], "2017年年底前"),
        ("推进家庭医生签约服务", "市卫生健康委", [], "2018年6月底前"),
    ]


def test_a_bracketed_aside_is_not_a_task():
    text = "某市方案\n一、重点任务\n(一)完善服务体系。包括妇幼保健院(含中医医院,下同)。"
    assert parse_plans(text)[0].tasks() == []
