"""Section kinds from a heading's words, its place and its content."""

from __future__ import annotations

import pytest

from drafter.corpus.kinds import title_kind
from drafter.reader import parse_plans


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("指导思想", "指导思想"),
        ("基本原则", "基本原则"),
        ("主要目标", "工作目标"),
        ("总体思路", "总体要求"),
        ("指导思想、基本原则和工作目标", "总体要求"),
        ("重点任务", "重点任务"),
        ("抓好组织实施", "组织保障"),
        ("保障措施", "组织保障"),
        ("改革范围及时间节点", "其他"),
        ("方案背景和目标", "其他"),
        ("推进医联体建设", None),
    ],
)
def test_title_words(title, kind):
    assert title_kind(title) == kind


def kinds(text: str) -> list[tuple[str, str | None]]:
    return [(s.heading, s.kind) for d in parse_plans(text) for s in d.walk() if s.level <= 2]


def test_sub_headings_take_the_kind_of_their_part():
    text = "\n".join(
        [
            "某市方案",
            "一、基本原则",
            "(一)坚持政府主导。",
            "二、重点任务",
            "(一)完善药品供应保障制度",
            "三、保障措施",
            "(一)加强宣传引导",
        ]
    )
    assert kinds(text) == [
        ("一、基本原则", "基本原则"),
        ("(一)坚持政府主导", "基本原则"),
        ("二、重点任务", "重点任务"),
        ("(一)完善药品供应保障制度", "重点任务"),
        ("三、保障措施", "组织保障"),
        ("(一)加强宣传引导", "组织保障"),
    ]


def test_task_areas_as_level_one_headings_are_tasks():
    text = "某市通知\n一、加快推广三明医改经验。积极学习。\n二、推动公立医院高质量发展。\n三、严格监督管理。"
    assert {k for _, k in kinds(text)} == {"重点任务"}


def test_unlabelled_first_section_read_from_its_content():
    text = "某市方案\n一、坚持人民至上\n以习近平新时代中国特色社会主义思想为指导,深化改革。\n二、推进医联体建设"
    assert kinds(text) == [("一、坚持人民至上", "指导思想"), ("二、推进医联体建设", "重点任务")]
