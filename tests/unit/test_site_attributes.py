"""A law-database site's `文章属性•【制定机关】…正文` block leaves the preamble once the metadata has read it."""

from __future__ import annotations

from drafter.corpus.site_attributes import drop_site_attributes
from drafter.reader import parse_plans

PAGE = (
    "滨江市人民政府办公室关于印发滨江市卫生健康事业发展实施方案的通知\n"
    "滨江市人民政府办公室关于印发滨江市卫生健康事业发展实施方案的通知文章属性•【制定机关】滨江市人民政府办公室"
    "•【公布日期】2023.04.06•【字号】滨政办发〔2023〕9号•【施行日期】2023.04.06•【效力等级】地方规范性文件"
    "•【时效性】现行有效•【主题分类】卫生体制改革正文滨江市人民政府办公室关于印发滨江市卫生健康事业发展实施方案的通知"
    "(滨政办发〔2023〕9号)各县(市、区)人民政府,市政府各部门:现将《滨江市卫生健康事业发展实施方案》印发给你们,请认真贯彻执行。\n"
    "滨江市卫生健康事业发展实施方案\n"
    "一、总体要求\n"
    "坚持以人民健康为中心,推进卫生健康事业高质量发展。\n"
)


def test_the_block_and_the_title_printed_again_leave_the_preamble_but_feed_the_metadata():
    (doc,) = parse_plans(PAGE)
    assert "文章属性" not in doc.preamble and "【" not in doc.preamble
    assert doc.preamble.split("\n")[1].startswith("各县(市、区)人民政府,市政府各部门:现将")
    assert (doc.doc_number, doc.date, doc.issuer) == ("滨政办发〔2023〕9号", "2023-04-06", "滨江市人民政府办公室")
    assert "文章属性" in doc.text  # the text itself is kept as read (offsets into it stay true)


def test_a_shorter_printing_of_the_title_and_the_number_under_it_go_too():
    preamble = (
        "武威市凉州区人民政府办公室关于印发《凉州区医改方案》的通知\n"
        "武威市凉州区人民政府办公室关于印发《凉州区医改方案》的通知文章属性•【制定机关】凉州区人民政府办公室•"
        "【公布日期】2019.09.24•【主题分类】医政医管正文凉州区人民政府办公室关于印发《凉州区医改方案》的通知"
        "凉政办发〔2019〕184号各镇人民政府,区政府各部门:现将《凉州区医改方案》印发给你们。"
    )
    assert drop_site_attributes(preamble).split("\n") == [
        "武威市凉州区人民政府办公室关于印发《凉州区医改方案》的通知",
        "各镇人民政府,区政府各部门:现将《凉州区医改方案》印发给你们。",
    ]


def test_a_preamble_without_the_block_and_a_cited_block_word_are_left_alone():
    plain = "滨江市卫生健康事业发展实施方案\n为推进卫生健康事业发展,制定本方案。"
    assert drop_site_attributes(plain) == plain
    talk = "网站的文章属性栏目列出了制定机关。"
    assert drop_site_attributes(talk) == talk
