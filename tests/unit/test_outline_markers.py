"""Heading markers as scraped plans misspell them, numbers that open titles, and what is not a heading.

Every example is a small plan of our own; the shapes are the ones real pages show.
"""

from __future__ import annotations

import pytest

from drafter.reader import parse_plans


def outline(text: str) -> list[tuple[str, int]]:
    return [(s.heading, s.level) for d in parse_plans(text) for s in d.walk()]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("（二）2025年底前完成村级卫生室标准化建设。", ("（二）2025年底前完成村级卫生室标准化建设", 2)),
        ("（一）65岁以上老年人健康管理率达到70%以上。", ("（一）65岁以上老年人健康管理率达到70%以上", 2)),
        ("（三）90%以上的行政村实现垃圾集中处理。", ("（三）90%以上的行政村实现垃圾集中处理", 2)),
        ("一、2024年重点工作", ("一、2024年重点工作", 1)),
    ],
)
def test_a_title_may_open_with_a_year_an_age_or_a_share(line, heading):
    assert outline(f"某县工作方案\n{line}") == [heading]


def test_a_dotted_item_opening_with_a_number_needs_the_sequence():
    text = "某县工作方案\n一、工作目标\n1.完成改厕任务。\n2.2024年底前建成污水管网。\n3.65%以上的村庄达标。"
    assert outline(text)[1:] == [
        ("1.完成改厕任务", 3),
        ("2.2024年底前建成污水管网", 3),
        ("3.65%以上的村庄达标", 3),
    ]
    # Without items before it, `3.65%` is a number in running text.
    assert outline("某县工作方案\n一、工作目标\n3.65%的村庄已达标。") == [("一、工作目标", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("某区方案\n一、总体要求\n二,、重点任务\n三.、保障措施", [("一、总体要求", 1), ("二,、重点任务", 1), ("三.、保障措施", 1)]),
        ("某区方案\n一'加快推进产业发展\n二'加强基础设施建设", [("一'加快推进产业发展", 1), ("二'加强基础设施建设", 1)]),
        ("某区方案\n1 .完善设施网络。\n2 .发展助餐服务。", [("1 .完善设施网络", 3), ("2 .发展助餐服务", 3)]),
        ("某区方案\n１．推进医养结合。\n２．开展上门服务。", [("１．推进医养结合", 3), ("２．开展上门服务", 3)]),
        ("某区方案\n5. 稳定生猪生产。\n6 加强市场监测。\n7. 强化疫病防控。", [("5. 稳定生猪生产", 3), ("6 加强市场监测", 3), ("7. 强化疫病防控", 3)]),
    ],
)
def test_misspelt_markers(text, expected):
    assert outline(text) == expected


@pytest.mark.parametrize(
    "body",
    [
        "第一，配齐保教人员;第二，提高教师待遇;第三，强化培训。",
        "一是新建公办幼儿园;二是支持村级幼儿园建设;三是规范民办园。",
        "全县共有卫生院12所,开展至少 5 次孕期检查,新增床位 20 张。",
        "第2页 共3页",
        "- 2 -",
    ],
)
def test_runs_counts_and_page_counters_are_not_headings(body):
    assert outline(f"某县实施方案\n一、重点任务\n{body}\n二、保障措施") == [("一、重点任务", 1), ("二、保障措施", 1)]


def test_a_bare_number_is_a_heading_only_in_a_decimal_outline_or_a_running_list():
    decimal = "某县应急预案\n1总则\n1.1编制目的\n为做好应急工作制定本预案。\n2组织体系\n2.1指挥部\n2.1.1指挥部组成\n由副县长任总指挥。"
    assert outline(decimal) == [("1总则", 3), ("1.1编制目的", 4), ("2组织体系", 3), ("2.1指挥部", 4)]
    # An attachment number glued to a title, in a plan that is not decimal-numbered, is not a heading.
    attachment = "附件\n1湖北省基本公共卫生服务孕产妇保健项目实施方案\n为保障项目实施,制定本方案。\n一、主要工作内容"
    assert outline(attachment) == [("一、主要工作内容", 1)]


def test_a_restart_in_another_style_on_a_flattened_line():
    line = ("某市工作方案 为优化营商环境,制定本方案。 一、主要任务 1、推进数据共享 打通部门数据壁垒,实现按需共享。 "
            "2、优化办事流程 3、主要措施 1.强化平台支撑。建设统一身份认证系统。 2.完善事项清单。动态调整。 4、推行一件事一次办 "
            "二、保障措施 各部门要加强协同,形成合力,确保各项任务落地见效。")  # fmt: skip
    assert outline(line) == [
        ("一、主要任务", 1), ("1、推进数据共享", 3), ("2、优化办事流程", 3), ("3、主要措施", 3), ("1.强化平台支撑", 3),
        ("2.完善事项清单", 3), ("4、推行一件事一次办", 3), ("二、保障措施", 1),
    ]  # fmt: skip


def test_a_table_of_contents_is_not_a_second_outline():
    text = "\n".join(
        ["目  录", "一、发展基础……1", "二、总体要求……3", "（一）指导思想……3", "三、主要任务……5", "某县生态环境保护规划",
         "一、发展基础", "“十三五”以来,全县生态环境持续改善。", "二、总体要求", "（一）指导思想", "坚持生态优先。",
         "三、主要任务", "打好碧水保卫战。"]
    )  # fmt: skip
    assert outline(text) == [("一、发展基础", 1), ("二、总体要求", 1), ("（一）指导思想", 2), ("三、主要任务", 1)]


def test_bare_heading_lines_that_never_recur_are_headings_not_a_toc():
    text = "某县方案\n一、总体要求\n（一）指导思想\n（二）基本原则\n坚持政府主导。\n二、重点任务\n推进改革。"
    assert outline(text) == [("一、总体要求", 1), ("（一）指导思想", 2), ("（二）基本原则", 2), ("二、重点任务", 1)]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("2、总体考虑围绕全市发展大局,坚持问题导向,推动工作落实。", "总体考虑"),
        ("一、背景分析我市是全省人口老龄化程度最高的地区之一,养老服务需求旺盛。", "背景分析"),
        ("（二）丰富老年文体服务坚持以需求为导向,每个县区建设1个老年大学分校,推动资源向基层延伸。", "丰富老年文体服务"),
    ],
)
def test_glued_titles_are_cut_by_their_shape(line, title):
    docs = parse_plans(f"某市行动方案\n{line}")
    assert docs[0].headings()[0].title == title


def test_a_list_of_short_titles_shows_where_a_glued_one_ends():
    text = ("某局工作要点\n一、加强党的建设\n1.强化理论武装。把学习贯彻党的二十大精神作为首要政治任务。\n"
            "2.提升党建质效持续加强机关党建工作,切实履行党组主体责任,推进党支部标准化规范化建设。")  # fmt: skip
    assert [s.title for s in parse_plans(text)[0].walk()] == ["加强党的建设", "强化理论武装", "提升党建质效"]


@pytest.mark.parametrize(
    "line",
    [
        "（二）妇女医疗保健服务体系进一步健全,青春期、孕产期、更年期各阶段保健服务更加规范。",
        "1. 提高医疗服务质量:通过改革,使医疗服务更加便捷高效。",
    ],
)
def test_whole_sentence_items_are_not_cut(line):
    docs = parse_plans(f"某市规划\n一、工作目标\n{line}")
    assert docs[0].headings()[1].heading == line.rstrip("。")


def test_a_document_sharing_teaser_list_is_not_the_plans_outline():
    text = "\n".join(
        ["某镇乡村振兴工作计划 - 百度文库", "1、本文档共3页,可免费预览。", "2、如需完整版,请下载原文。",
         "某镇乡村振兴工作计划", "一、工作目标", "农民收入增长7%。", "二、主要任务", "发展特色产业。"]
    )  # fmt: skip
    assert outline(text) == [("一、工作目标", 1), ("二、主要任务", 1)]


def test_a_list_inside_a_decimal_item_does_not_end_the_decimal_outline():
    text = "\n".join(
        ["某镇应急预案", "1.总则", "1.1目的", "为做好工作制定本预案。", "1.2工作原则", "(1)以人为本,预防为主。切实履行职能。",
         "(2)统一领导,分级负责。", "1.3适用范围", "本预案适用于全镇。", "2.组织体系", "2.1领导机构"]
    )  # fmt: skip
    assert outline(text) == [
        ("1.总则", 3), ("1.1目的", 4), ("1.2工作原则", 4), ("(1)以人为本,预防为主", 4), ("(2)统一领导,分级负责", 4),
        ("1.3适用范围", 4), ("2.组织体系", 3), ("2.1领导机构", 4),
    ]  # fmt: skip


def test_items_numbered_on_across_their_parents_on_a_flattened_page():
    pad = "各地要高度重视养老服务工作,加强组织领导,落实工作责任,确保各项任务落到实处。"
    line = ("某县养老服务实施方案   一、重点任务   （一）完善设施网络   1.建设乡镇养老服务中心。   2.改造农村敬老院。   "
            "（二）发展居家服务   3.推进助餐服务。   4.开展上门服务。   " + pad * 4)  # fmt: skip
    assert outline(line) == [
        ("一、重点任务", 1), ("（一）完善设施网络", 2), ("1.建设乡镇养老服务中心", 3), ("2.改造农村敬老院", 3),
        ("（二）发展居家服务", 2), ("3.推进助餐服务", 3), ("4.开展上门服务", 3),
    ]  # fmt: skip
    # Only the next number runs on: a `6.` after `4.` under a new parent is a number in the text.
    skipped = line.replace("3.推进助餐服务。   4.开展上门服务", "6.推进助餐服务")
    assert ("6.推进助餐服务", 3) not in outline(skipped)


def test_a_bullet_flattened_onto_a_heading_line_is_not_part_of_its_title():
    pad = "各地要高度重视医养结合工作,加强组织领导,落实工作责任,确保各项任务落到实处。"
    line = "某县医养结合实施方案   一、总体要求 · 二、重点任务 · 三、保障措施 · " + pad * 5
    assert outline(line) == [("一、总体要求", 1), ("二、重点任务", 1), ("三、保障措施", 1)]


def test_a_third_tier_decimal_number_is_not_an_item_with_a_number_led_title():
    text = "\n".join(
        ["某县森林火灾应急预案", "1、总则", "1.1编制目的", "为做好森林火灾防范工作,制定本预案。", "1.2工作原则",
         "1.2.1坚持人民至上,生命至上。", "1.2.2坚持统一领导,分级负责。", "2、组织体系"]
    )  # fmt: skip
    assert outline(text) == [("1、总则", 3), ("1.1编制目的", 4), ("1.2工作原则", 4), ("2、组织体系", 3)]


def test_decimal_items_under_the_parts_of_a_cn_numbered_plan():
    text = "\n".join(
        ["某镇消防演练方案", "一、演练目的与原则", "1.1目的", "检验镇村两级预案衔接,锻炼救援队伍。", "1.2原则",
         "安全第一,贴近实战。", "二、组织机构", "2.1指挥组", "由镇长任组长。", "2.2保障组", "由分管副镇长负责。"]
    )  # fmt: skip
    assert outline(text) == [
        ("一、演练目的与原则", 1), ("1.1目的", 4), ("1.2原则", 4), ("二、组织机构", 1), ("2.1指挥组", 4), ("2.2保障组", 4),
    ]  # fmt: skip
    # A 预案 numbered `1` / `1.1` from its top keeps its decimal outline.
    assert outline("某县预案\n1总则\n1.1编制目的\n为做好应急工作。\n2组织体系\n2.1指挥部")[0] == ("1总则", 3)


def test_a_short_title_a_space_and_a_sentence_on_an_ordinary_line():
    text = "某县地质灾害应急预案\n1.总则\n1.1 编制目的 为高效有序做好地质灾害应急处置工作,最大限度减少损失,制定本预案。"
    assert [s.title for s in parse_plans(text)[0].walk()] == ["总则", "编制目的"]
    # Two phrases set apart by a space are one title when no sentence follows.
    assert parse_plans("某县方案\n（一）提高政治站位 强化组织领导\n各乡镇要高度重视。")[0].headings()[0].title == "提高政治站位 强化组织领导"


def test_the_first_heading_glued_to_a_template_sites_title():
    text = "某某工作方案范文模板一、背景分析\n当前我市工作面临新形势。\n二、工作目标\n到2025年全面完成。"
    assert outline(text) == [("一、背景分析", 1), ("二、工作目标", 1)]


def test_spaces_or_a_tab_between_a_marker_and_its_title():
    text = "某县方案\n一、 总体要求\n（一）　指导思想\n坚持人民至上。\n（二）\t基本原则\n二、  重点任务\n1． 推进改革\n（1） 加强建设"
    assert outline(text) == [
        ("一、 总体要求", 1), ("（一） 指导思想", 2), ("（二） 基本原则", 2), ("二、 重点任务", 1), ("1． 推进改革", 3),
        ("（1） 加强建设", 4),
    ]  # fmt: skip
    assert [s.kind for s in parse_plans(text)[0].walk() if s.level <= 2] == ["总体要求", "指导思想", "基本原则", "重点任务"]
