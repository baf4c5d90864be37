"""A plan scraped without its signature still gets the date, issuer and 文号 its site printed around
it (the 信息公开 table, `来源:… 发布时间:…`): check then judges 时限 against the plan's own year, and the
corpus list files it under that year. The document's own words always win over the site's."""

from __future__ import annotations

import json

from drafter.cli import main
from drafter.corpus.site_fields import site_fields
from drafter.reader import read_plans

BODY = (
    "为加快养老服务业发展，结合我市实际，提出如下实施意见。\n"
    "一、总体要求\n"
    "坚持保障基本、统筹发展，到2020年全面建成养老服务体系。\n"
    "二、工作目标\n"
    "实施时间：2016年至2020年。各地要明确责任，实施时间：2018年1月1日前完成摸底。\n"
)


def _plan(tmp_path, text: str, name: str = "plan.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    docs = read_plans(path)
    assert docs
    return docs[0]


def test_a_flattened_disclosure_table_gives_the_published_date_and_the_number(tmp_path):
    head = (
        "无障碍浏览\n长者模式 南华县人民政府\n首页 >> 公开信息内容\n"
        "索  引  号:11532324015173465N-/2021-08171539 公文目录:专项规划 发文机关:南华县政府办 成文日期: "
        "发文字号:南政发〔2019〕4号 主  题  词: 标      题:南华县人民政府关于实施安全工程三年行动计划的意见 "
        "发布日期:2019年03月20日\n\n"
    )
    doc = _plan(tmp_path, head + "南华县人民政府关于实施安全工程三年行动计划的意见\n\n" + BODY)
    assert doc.date == "2019-03-20"  # the empty 成文日期 cell gives nothing, the 发布日期 does
    assert doc.doc_number == "南政发〔2019〕4号"
    assert doc.issuer == "南华县人民政府"  # from the title, before the site's 南华县政府办


def test_source_and_time_under_the_title_give_issuer_and_date(tmp_path):
    text = (
        "咸宁市文化和旅游局\n您当前的位置 : 首页 >>正文\n\n咸宁市文化和旅游局2024年工作要点\n\n"
        "来源:咸宁市文化和旅游局 时间:2024-04-26\n\n" + BODY
    )
    doc = _plan(tmp_path, text)
    assert (doc.issuer, doc.date) == ("咸宁市文化和旅游局", "2024-04-26")


def test_the_site_line_cleaning_removes_still_dates_the_plan(tmp_path):
    text = "关于健康衡东行动实施方案的解读\n来源:县司法局 ???? 发布时间:2022-09-22\n" + BODY
    doc = _plan(tmp_path, text)
    assert "发布时间" not in doc.text  # page chrome: cleaned away, yet read
    assert (doc.issuer, doc.date) == ("县司法局", "2022-09-22")


def test_the_documents_own_signature_wins_over_the_sites_publication_day(tmp_path):
    text = (
        "关于印发稳就业实施意见的通知\n来源:新疆政府网 发布时间:2020年03月25日 11:31 浏览次数:\n"
        + BODY
        + "\n新疆维吾尔自治区人民政府\n2020年3月19日\n"
    )
    doc = _plan(tmp_path, text)
    assert doc.date == "2020-03-19"
    assert doc.issuer == "新疆维吾尔自治区人民政府"  # 新疆政府网 is a website, never an issuer


def test_a_masthead_broken_over_two_lines_names_the_issuer_a_sealed_signature_leaves_out(tmp_path):
    text = (
        "新疆维吾尔自治区人民政府\n\n文件\n\n新政发〔2020〕16号\n\n"
        "关于印发《新疆维吾尔自治区关于进一步做好稳就业工作的实施意见》的通知\n"
        "各州、市、县(市)人民政府:\n现印发你们，请认真贯彻执行。\n2020年3月19日\n(此件公开发布)\n" + BODY
    )
    doc = _plan(tmp_path, text)
    assert (doc.issuer, doc.date, doc.doc_number) == ("新疆维吾尔自治区人民政府", "2020-03-19", "新政发〔2020〕16号")


def test_what_is_no_site_field_gives_nothing():
    assert site_fields(BODY).published is None  # 实施时间 in the text is no 时间 field
    assert site_fields("时间:2019-05-13 16:12:09下载本文作者:会员上传\n").published is None
    assert site_fields("投稿人:佚名 发布时间:2011/9/25 投稿交换  会员申请\n").published is None
    assert site_fields("时间:2024-04-26\n").published is None  # a bare 时间 alone on its line
    assert site_fields("来源:新疆政府网 发布时间:2020年03月25日").issuer is None
    found = site_fields("颁布时间:2015-09-30 00:00:00.000 发文单位:内蒙古自治区人民政府办公厅")
    assert (found.published, found.issuer) == ("2015-09-30", "内蒙古自治区人民政府办公厅")
    assert site_fields("成文日期：2017年6月1日 | 发布日期：2017年6月9日").written == "2017-06-01"


def test_check_judges_a_scraped_plan_by_its_sites_date_not_today(tmp_path, capsys):
    path = tmp_path / "镇江.txt"
    path.write_text(
        "镇江市人民政府办公室关于加快发展养老服务业的实施意见\n政策\n发布部门:市政府办公室\n"
        "发布时间:2015年12月11日\n政策文号:镇政办发〔2015〕212号\n" + BODY,
        encoding="utf-8",
    )
    main(["check", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["date"] == "2015-12-11", report
    assert not any("未找到成文日期" in note for note in report.get("notes", []))
