"""Splitting one scraped file into its documents."""

from __future__ import annotations

from drafter.corpus.split import clean_title, is_title_line, split_documents


def titles(text: str) -> list[str | None]:
    return [span.title for span in split_documents(text)]


def test_excerpt_page_with_repeated_titles_and_page_title():
    text = "\n".join(
        [
            "综合医改重点工作的实施方案",  # the page's title: its own text comes last
            "甲市人民政府关于印发甲市医改方案的通知-",
            "甲市人民政府关于印发甲市医改方案的通知正文:各县人民政府:现印发给你们。",
            "一、总体要求",
            "乙市人民政府办公室关于印发乙市医改方案的通知-乙政办文〔2017〕24号",
            "乙市人民政府办公室关于印发乙市医改方案的通知正文:现印发给你们。",
            "医院改革试点工作实施方案(2篇)",
            "医院改革试点工作实施方案一、背景与意义随着生活水平提高。",
            "综合医改重点工作的实施方案",
            "为全面贯彻党的报告精神,制定本方案。",
        ]
    )
    assert titles(text) == [
        "甲市人民政府关于印发甲市医改方案的通知",
        "乙市人民政府办公室关于印发乙市医改方案的通知",
        "医院改革试点工作实施方案(2篇)",
        "综合医改重点工作的实施方案",
    ]


def test_plan_title_inside_a_notice_is_not_a_new_document():
    text = "\n".join(
        [
            "哈尔滨市人民政府办公厅关于印发哈尔滨市城市公立医院综合改革实施方案的通知",
            "哈政办规〔2017〕28号",
            "经市政府同意,现将《哈尔滨市城市公立医院综合改革实施方案》印发给你们。",
            "哈尔滨市城市公立医院综合改革实施方案",
            "为贯彻落实文件精神,制定本方案。",
        ]
    )
    assert len(split_documents(text)) == 1


def test_notice_body_before_the_plan_title_belongs_to_the_document():
    text = "各区人民政府,市各成员单位:\n现将《工作方案》印发给你们,请认真贯彻执行。\n深化上海市医药卫生体制改革的工作方案\n为深入贯彻。"
    spans = split_documents(text)
    assert len(spans) == 1 and spans[0].start == 0 and spans[0].title is None


def test_drafting_explanation_after_a_plan_is_its_own_document():
    text = "某市实施方案(征求意见稿)\n一、总体要求\n二、重点任务\n一、起草背景\n为贯彻落实。\n二、起草依据"
    assert titles(text) == ["某市实施方案(征求意见稿)", "起草说明"]


def test_title_lines():
    assert is_title_line("江西省人民政府办公厅关于印发江西省全面推开公立医院综合改革工作实施方案的通知")
    assert is_title_line("关于对《聊城市进一步完善医疗卫生服务体系的实施方案(征求意见稿)》征求意见的公告")
    assert not is_title_line("一、重点任务")
    assert not is_title_line("现印发给你们,请认真贯彻执行。")
    assert clean_title("荆门市人民政府办公室关于印发方案的通知-荆政办文〔2017〕24号") == "荆门市人民政府办公室关于印发方案的通知"


def test_text_without_titles_is_one_document_and_empty_text_none():
    assert len(split_documents("随便一段话,没有标题。")) == 1
    assert split_documents("  \n ") == []


def test_a_cover_notice_for_two_plans_is_one_document():
    text = "\n".join(
        ["某市人民政府办公室关于印发某市甲工作方案和某市乙工作方案的通知", "各县区人民政府:",
         "现将《某市甲工作方案》《某市乙工作方案》印发给你们,请认真组织实施。", "某市甲工作方案", "为做好甲工作,制定本方案。",
         "一、工作目标", "某市乙工作方案", "某市乙工作方案(2022—2024年)", "为做好乙工作,制定本方案。", "一、总体要求"]
    )  # fmt: skip
    assert len(split_documents(text)) == 1


def test_an_explanation_and_a_reading_after_the_plan_are_documents_of_their_own():
    text = "\n".join(
        ["某区实施方案(征求意见稿)", "一、总体要求", "二、重点任务", "关于《某区实施方案(征求意见稿)》的起草说明", "一、起草背景",
         "二、主要内容", "《某区实施方案》政策解读", "一、出台背景"]
    )  # fmt: skip
    assert titles(text) == ["某区实施方案(征求意见稿)", "关于《某区实施方案(征求意见稿)》的起草说明", "《某区实施方案》政策解读"]


def test_a_title_printed_twice_is_one_title():
    text = "某县工作计划(精选3篇)\n某县工作计划\n为推进工作,制定本计划。\n一、工作目标"
    assert titles(text) == ["某县工作计划(精选3篇)"]


def test_a_title_broken_over_two_lines_keeps_both_lines():
    text = "株洲市卫生健康委员会2024年\n卫生健康工作要点\n2024年是关键之年。\n一、深化医药卫生体制改革"
    assert titles(text) == ["株洲市卫生健康委员会2024年卫生健康工作要点"]


def test_a_title_printed_again_after_site_chrome_is_one_document():
    text = "某镇2024年工作计划\n时间:\n推荐文章\n某镇2024年工作计划\n某镇2024年工作计划是为推进全镇发展而制定的。\n1. 经济发展\n发展产业。"
    assert titles(text) == ["某镇2024年工作计划"]


def test_a_notice_title_whose_second_line_only_finishes_it():
    text = ("关于印发某市托育服务体系建设三年行动计划\n(2024—2026年)的通知\n各县(市、区)人民政府:\n现将《某市托育服务体系建设三年行动计划"
            "(2024—2026年)》印发给你们。\n某市人民政府办公室\n2024年3月1日\n某市托育服务体系建设三年行动计划(2024—2026年)\n一、总体要求")  # fmt: skip
    assert titles(text) == ["关于印发某市托育服务体系建设三年行动计划(2024—2026年)的通知"]


def test_a_cited_notice_on_a_line_of_its_own_inside_a_document_opens_none():
    text = ("关于《某县全民健身实施计划》的政策解读\n一、出台背景\n为落实全民健身国家战略。\n二、制定依据\n"
            "《某省人民政府关于印发全民健身实施计划(2021-2025年)的通知》\n三、主要内容\n明确了四项任务。")  # fmt: skip
    assert titles(text) == ["关于《某县全民健身实施计划》的政策解读"]


def test_a_line_ending_a_sentence_is_no_title_whatever_its_wrapping(seed_paths):
    # `is_title_line` skips cleaning such lines: cleaning them would have found no title either.
    from drafter.corpus.split import _SENTENCE_MARKS, _TITLE_LINE_MAX
    from drafter.corpus.titles import clean_title, is_title_shaped

    wrapped = ["琼府〔2020〕19号《关于印发实施方案的通知》", "【通知】关于做好工作的通知", "首页 > 政策 > 工作要点",
               "标题：卫生健康工作实施方案", "实施方案 - 某某网", "实施方案.docx", "工作计划(18页)", "《实施方案》"]  # fmt: skip
    lines = [ln for p in seed_paths for ln in p.read_text(encoding="utf-8").split("\n")]
    lines += [w + mark for w in wrapped for mark in _SENTENCE_MARKS]
    lines += [w + mark + " " for w in wrapped for mark in "。：）"]
    for line in lines:
        slow = len(line) <= _TITLE_LINE_MAX and is_title_shaped(clean_title(line))
        assert is_title_line(line) == slow, line
