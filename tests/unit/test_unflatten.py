"""A scraped notice flattened onto long lines is put back line by line before its 公文 parts are read."""

from __future__ import annotations

from drafter.export.corpus_parts import corpus_parts
from drafter.export.unflatten import unflatten_notice
from drafter.reader import parse_plans

FLAT = (
    "滨江市人民政府关于印发滨江市卫生健康事业发展实施方案的通知\n"
    "滨江市人民政府关于印发滨江市卫生健康事业发展实施方案的通知文章属性•【制定机关】滨江市人民政府•【公布日期】2023.04.06"
    "•【字号】滨政发〔2023〕9号•【主题分类】卫生体制改革正文滨江市人民政府关于印发滨江市卫生健康事业发展实施方案的通知"
    "滨政发〔2023〕9号各县(市、区)人民政府,市政府各部门,各有关单位:《滨江市卫生健康事业发展实施方案》已经市政府同意,"
    "现印发给你们,请认真贯彻执行。\n"
    "滨江市人民政府2023年4月6日滨江市卫生健康事业发展实施方案为推进卫生健康事业高质量发展,结合我市实际,制定本方案。\n"
    "一、总体要求\n"
    "坚持以人民健康为中心,到2025年12月31日前完成各项任务。\n"
)


def test_a_flattened_law_database_page_exports_as_a_notice_with_its_parts():
    (doc,) = parse_plans(FLAT)
    parts = corpus_parts(doc)
    assert parts.addressee == "各县(市、区)人民政府,市政府各部门,各有关单位"  # marks are the export's to set
    assert parts.notice and parts.notice[0].startswith("《滨江市卫生健康事业发展实施方案》已经市政府同意")
    assert (parts.signature, parts.plan_title) == ("滨江市人民政府", "滨江市卫生健康事业发展实施方案")
    assert parts.date.startswith("2023年4月6日") and parts.doc_number == "滨政发〔2023〕9号"
    assert parts.preface and parts.preface[0].startswith("为推进卫生健康事业高质量发展")


def test_a_date_inside_a_sentence_is_not_a_signature():
    line = "各有关部门要加快推进,到2025年12月31日前完成。"
    assert unflatten_notice([line], "滨江市人民政府", None) == [line]
    assert unflatten_notice(["滨江市人民政府2023年4月6日"], "滨江市人民政府", None) == ["滨江市人民政府", "2023年4月6日"]
