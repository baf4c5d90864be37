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


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("“十四五”以来取得的成效", "其他"),
        ("发展现状", "其他"),
        ("发展基础", "其他"),
        ("实施步骤", "其他"),
        ("进度安排", "其他"),
        ("推进步骤", "其他"),
        ("主题内容", "其他"),
        ("成立工作专班", "组织保障"),
        ("机构设置", "组织保障"),
        ("领导机构", "组织保障"),
        ("组织机构", "组织保障"),
        ("宣传目标", "工作目标"),
        ("工作目的", "工作目标"),
        ("总体考虑", "总体要求"),
        ("实施路径", "总体要求"),
        ("总则", "总体要求"),
        ("主要原则", "基本原则"),
        ("重要意义、指导思想、基本原则和目标任务", "总体要求"),
        ("工作原则和目标", "总体要求"),
        ("本方案一共三个部分,分别为工作目标、工作措施、保障措施", "其他"),
        ("参合对象", "其他"),
        ("创建重点", "重点任务"),
        ("整治内容", "重点任务"),
    ],
)
def test_head_nouns_name_the_kind(title, kind):
    assert title_kind(title) == kind


def test_steps_and_background_parts_keep_their_items():
    text = "\n".join(
        ["某市行动方案", "一、实施步骤", "（一）启动部署阶段(2024年1月—3月)。制定细则。", "（二）全面推进阶段。",
         "二、重点任务", "（一）推进健康社区建设。"]
    )  # fmt: skip
    assert kinds(text) == [
        ("一、实施步骤", "其他"), ("（一）启动部署阶段(2024年1月—3月)", "其他"), ("（二）全面推进阶段", "其他"),
        ("二、重点任务", "重点任务"), ("（一）推进健康社区建设", "重点任务"),
    ]  # fmt: skip


def test_target_statements_are_targets_wherever_they_stand():
    text = "\n".join(
        ["某市工作措施", "一、工作原则和目标", "按照自愿原则开展筹资工作,实现以下目标:",
         "（一）年全市农民参合率达95%以上。", "（二）五保户、低保对象等民政优抚对象的参合率达100%。", "二、参合对象",
         "凡市辖区内农村居民均可参加。"]
    )  # fmt: skip
    assert kinds(text) == [
        ("一、工作原则和目标", "总体要求"), ("（一）年全市农民参合率达95%以上", "工作目标"),
        ("（二）五保户、低保对象等民政优抚对象的参合率达100%", "工作目标"), ("二、参合对象", "其他"),
    ]  # fmt: skip


def test_a_closing_part_is_read_from_its_body():
    text = "\n".join(
        ["某区三年行动方案", "一、全面推进城市环境治理", "整治背街小巷。", "二、扎实推进农村人居环境整治", "推进厕所革命。",
         "三、抓好贯彻落实", "区领导小组要加强统筹调度,区督查室定期开展督查,对工作不力的通报问责。"]
    )  # fmt: skip
    assert [k for _, k in kinds(text)] == ["重点任务", "重点任务", "组织保障"]


def test_a_reported_past_is_background_not_a_task():
    text = "某县方案\n一、基础条件较好\n近年来,全县累计建成村级卫生室120个,取得了明显成效。\n二、完善服务网络\n推进改革。"
    assert [k for _, k in kinds(text)] == ["其他", "重点任务"]


def test_parts_of_a_call_for_comments_or_a_reading_are_other():
    consultation = "\n".join(
        ["关于公开征求《某市养老服务规划(征求意见稿)》意见的公告", "现将规划全文公布,公开征求社会各界意见。",
         "一、征求意见时间", "2024年5月10日至6月9日。", "二、意见反馈方式", "（一）电子邮件", "（二）信函"]
    )  # fmt: skip
    assert {k for _, k in kinds(consultation)} == {"其他"}
    reading = "关于《某县健康行动实施方案》的解读\n一、出台《方案》的必要性\n落实上级部署。\n二、主要措施\n推进健康细胞建设。"
    assert {k for _, k in kinds(reading)} == {"其他"}


@pytest.mark.parametrize(
    ("title", "kind"),
    [("扩大服务范围", "重点任务"), ("加快项目建设进度", "重点任务"), ("服务范围", "其他"), ("实施进度", "其他")],
)
def test_an_action_verb_makes_a_scope_word_a_task(title, kind):
    assert title_kind(title) == kind


def test_the_orders_of_a_notice_are_tasks_however_few_the_excerpt_shows():
    text = ("某省人民政府办公厅关于加强高校毕业生就业工作的通知\n各市人民政府:\n现就有关问题通知如下:\n"
            "一、充分认识做好高校毕业生就业工作的重要性。毕业生是宝贵的人力资源。\n二、积极引导高校毕业生到基层就业。继续实施项目。")  # fmt: skip
    doc = parse_plans(text)[0]
    assert doc.doc_type == "通知"
    assert [s.kind for s in doc.sections] == ["其他", "重点任务"]
