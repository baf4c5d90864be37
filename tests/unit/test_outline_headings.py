"""Headings at four levels, wherever real plans put them, and no false headings from running text."""

from __future__ import annotations

from drafter.reader import parse_plans


def outline(text: str) -> list[tuple[str, int]]:
    docs = parse_plans(text)
    return [(s.heading, s.level) for d in docs for s in d.walk()]


def test_four_levels_on_their_own_lines():
    text = "\n".join(
        [
            "某市卫生健康事业发展行动计划",
            "为推进健康某市建设,制定本行动计划。",
            "一、总体要求",
            "(一)指导思想",
            "以习近平新时代中国特色社会主义思想为指导。",
            "二、重点任务",
            "(一)加强基层能力",
            "1.推进县域医共体建设",
            "(1)完善医共体章程。",
            "(2)统一人员管理。",
            "2.做实家庭医生签约",
        ]
    )
    assert outline(text) == [
        ("一、总体要求", 1),
        ("(一)指导思想", 2),
        ("二、重点任务", 1),
        ("(一)加强基层能力", 2),
        ("1.推进县域医共体建设", 3),
        ("(1)完善医共体章程", 4),
        ("(2)统一人员管理", 4),
        ("2.做实家庭医生签约", 3),
    ]


def test_heading_inline_with_its_body_keeps_the_body():
    docs = parse_plans("某县实施方案\n(一)指导思想。以人民健康为中心,深化改革。\n(二)工作目标。到2025年,基本建成。")
    sections = list(docs[0].walk())
    assert [s.heading for s in sections] == ["(一)指导思想", "(二)工作目标"]
    assert sections[0].body == "以人民健康为中心,深化改革。"


def test_heading_glued_to_body_without_punctuation():
    docs = parse_plans("一、指导思想按照国家和省的部署,深化医改。\n二、基本原则坚持政府主导。")
    assert [s.heading for s in docs[0].walk()] == ["一、指导思想", "二、基本原则"]
    assert docs[0].sections[0].body.startswith("按照国家")


def test_compound_title_is_not_cut():
    docs = parse_plans("一、指导思想、基本原则和工作目标(一)指导思想以科学发展观为指导,推进改革。")
    assert [s.heading for s in docs[0].walk()] == ["一、指导思想、基本原则和工作目标", "(一)指导思想"]


def test_whole_plan_on_one_line():
    text = (
        "某市深化医改工作要点一、总体要求(一)指导思想坚持以人民为中心的发展思想,推进健康某市建设。"
        "(二)工作目标到2025年,分级诊疗格局基本形成。二、重点任务(一)推进医联体建设。组建城市医疗集团。"
        "(二)深化医保支付方式改革。全面推行按病种付费。三、组织保障(一)加强组织领导。各地要高度重视。"
    )
    assert outline(text) == [
        ("一、总体要求", 1),
        ("(一)指导思想", 2),
        ("(二)工作目标", 2),
        ("二、重点任务", 1),
        ("(一)推进医联体建设", 2),
        ("(二)深化医保支付方式改革", 2),
        ("三、组织保障", 1),
        ("(一)加强组织领导", 2),
    ]


def test_look_alikes_in_running_text_are_not_headings():
    text = "\n".join(
        [
            "某市实施意见",
            "一、优化资源配置",
            "引导二、三级医院全科医生加入基层,到2017年每千人口床位增加1.5张床位,启用1.0版系统。",
            "认真实施三级、二级公立医院绩效考核。",
            "二、强化支撑保障",
        ]
    )
    assert outline(text) == [("一、优化资源配置", 1), ("二、强化支撑保障", 1)]


def test_item_after_a_responsibility_note_on_the_same_line():
    text = "某市重点工作任务\n1.出台医联体实施方案。\n(市卫计委负责)2.出台短缺药品保障方案。\n(市发改委负责)"
    assert outline(text) == [("1.出台医联体实施方案", 3), ("2.出台短缺药品保障方案", 3)]


def test_fullwidth_brackets_and_markers_with_a_space():
    assert outline("某市方案\n（一）加强领导\n1. 全面加强组织领导。")[:2] == [("（一）加强领导", 2), ("1. 全面加强组织领导", 3)]


def test_decimal_items_sit_below_their_numbered_item():
    text = "某市方案\n三、工作任务1. 推进医院综合改革1.1 加强医院内部管理,提高效率。\n1.2 加强信息化建设。"
    assert outline(text) == [
        ("三、工作任务", 1),
        ("1. 推进医院综合改革", 3),
        ("1.1 加强医院内部管理,提高效率", 4),
        ("1.2 加强信息化建设", 4),
    ]


def test_body_paragraphs_stay_with_their_section():
    docs = parse_plans("某市方案\n一、工作目标\n到2025年,建成体系。\n基层首诊基本实现。\n二、重点任务\n推进改革。")
    first = docs[0].sections[0]
    assert first.paragraphs == ["到2025年,建成体系。", "基层首诊基本实现。"]
    assert docs[0].sections[1].paragraphs == ["推进改革。"]


def test_other_marker_spellings_real_plans_use():
    text = "某县实施意见\n一．总体要求\n二．主要任务\n1.推进改革\n1)完善制度。\n2）落实责任。"
    assert outline(text) == [
        ("一．总体要求", 1),
        ("二．主要任务", 1),
        ("1.推进改革", 3),
        ("1)完善制度", 4),
        ("2）落实责任", 4),
    ]


def test_traditional_headings_are_read_after_cleaning(tmp_path):
    from drafter.reader import read_plans

    path = tmp_path / "plan.txt"
    path.write_text("某市工作方案\n一、健全醫改領導體制\n1.強化組織領導。\n七、抓好組織實施\n", encoding="utf-8")
    docs = read_plans(path)
    assert [(s.heading, s.kind) for s in docs[0].walk()] == [
        ("一、健全医改领导体制", "重点任务"),
        ("1.强化组织领导", None),
        ("七、抓好组织实施", "组织保障"),
    ]
