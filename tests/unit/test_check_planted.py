"""Each kind of problem planted in a draft is found, with its family, rule, location and suggestion."""

from __future__ import annotations

import pytest

from drafter.check import check_draft
from drafter.check.model import FAMILIES
from drafter.draft.io import parse_draft

DRAFT = """+++
region = "滨江市"
province = "东海省"
title = "滨江市推进卫生健康事业发展工作方案"
date = "2026-05-20"
superior = ["《关于进一步完善医疗卫生服务体系的意见》（东政发〔2027〕3号）"]
+++
滨江市人民政府关于印发滨江市推进卫生健康事业发展工作方案的通知
各县（市、区）人民政府，市直各有关单位：
现将《滨江市推进卫生健康事业发展工作方案》印发给你们，请认真组织实施。
滨江市人民政府
二〇二六年五月二十日
一、总体要求
坚持以科学发展观为统领，认真贯彻落实党的十九大和十九届二中、三中、四中、五中全会精神，深入学习习近平总书记系列重要讲话精神。
二、重点任务
(一)完善医疗保障
由市卫生计生委会同有关部门推进，全面落实新农合大病保险，做好健康扶贫工作。
深化按病种付费改革（牵头单位：市人社局；配合单位：市财政局）。
（二）推进分级诊疗
到2018年底，全市建成10个医联体；2024年6月底前完成县域医共体建设。2021—2025年，持续推进“十四五”期间各项任务。
（四）传承中医药
<!-- 来源: id=zdrw-test | 地区=汉中市 | 文号=汉政办函〔2022〕6号 | 日期=2022-02-06 -->
发展中藏医药特色专科，对接东海港口建设；全市贯彻汉中市委工作部署，执行汉政办函〔2022〕6号文件，由汉市卫健委牵头。
三、组织保障
各有关部门要加强协作,确保各项任务落实到位。
附件：1、重点任务分工表。
"""


@pytest.fixture(scope="module")
def findings():
    return check_draft(parse_draft(DRAFT))


def _one(findings, rule: str, text: str | None = None):
    found = [f for f in findings if f.rule == rule and (text is None or f.text == text)]
    assert found, f"{rule} {text!r} not found; got {[(f.rule, f.text) for f in findings]}"
    return found[0]


def _at(finding, draft_text: str = DRAFT) -> str:
    """The text the location points to, read back from the draft the way the app would."""
    draft = parse_draft(draft_text)
    loc = finding.location
    if loc.part == "preamble":
        from drafter.draft.model import PROVENANCE

        text = "\n".join(line for line in draft.preamble if not PROVENANCE.match(line))
    else:
        section = draft.find(loc.section)
        text = section.heading if loc.part == "heading" else section.body
    return text[loc.offset : loc.offset + len(finding.text)]


@pytest.mark.parametrize(
    ("rule", "text", "family", "section", "line"),
    [
        ("tifa.guiding_theory_latest", "以科学发展观为统领", "提法", "1", 14),
        ("tifa.party_sessions", "党的十九大和十九届二中、三中、四中、五中全会", "提法", "1", 14),
        ("tifa.guiding_theory_speeches", "习近平总书记系列重要讲话精神", "提法", "1", 14),
        ("tifa.weijiwei", "卫生计生委", "提法", "2.1", 17),
        ("tifa.xinnonghe", "新农合", "提法", "2.1", 17),
        ("tifa.tuopin_gongjian", "健康扶贫", "提法", "2.1", 17),
        ("tifa.yibao_remit", "市人社局", "提法", "2.1", 18),
        ("tifa.plan_period", "十四五", "提法", "2.2", 20),
        ("shixian.deadline", "到2018年底", "时限", "2.2", 20),
        ("shixian.deadline", "2024年6月底前", "时限", "2.2", 20),
        ("shixian.period", "2021—2025年", "时限", "2.2", 20),
        ("shudi.zangyi", "藏医药", "属地", "2.3", 23),
        ("shudi.place", "汉中市", "属地", "2.3", 23),
        ("shudi.wenhao_source", "汉政办函", "属地", "2.3", 23),
        ("shudi.unit", "汉市卫健委", "属地", "2.3", 23),
        ("geshi.halfwidth", ",", "格式", "3", 25),
        ("geshi.marker", "(一)", "格式", "2.1", 16),
        ("geshi.numbering", "（四）", "格式", "2.3", 21),
        ("geshi.attachment_number", "、", "格式", "3", 26),
        ("geshi.attachment_end", "。", "格式", "3", 26),
    ],
)
def test_each_planted_problem_is_found_where_it_stands(findings, rule, text, family, section, line):
    finding = _one(findings, rule, text)
    assert finding.family == family
    assert finding.location.section == section
    assert finding.location.line == line
    assert _at(finding) == text  # the location points at exactly the offending text
    assert finding.message and finding.severity in ("error", "warning", "info")


def test_the_chinese_date_line_and_the_superior_document_dated_after_the_plan(findings):
    date = _one(findings, "geshi.date_form")
    assert date.location.part == "preamble" and date.text == "二〇二六年五月二十日"
    assert date.suggestion == "2026年5月20日" and date.safe
    later = [f for f in findings if f.rule == "shixian.superior_date"]
    assert later and later[0].location.field == "superior[0]" and later[0].text == "〔2027〕3号"


def test_suggestions_are_given_where_safe_and_only_there(findings):
    assert _one(findings, "tifa.weijiwei").suggestion == "卫生健康委"
    assert _one(findings, "tifa.weijiwei").safe
    sessions = _one(findings, "tifa.party_sessions")
    assert sessions.suggestion == "党的二十大和二十届二中、三中、四中全会" and not sessions.safe
    assert _one(findings, "tifa.plan_period").suggestion == "十五五"
    assert _one(findings, "geshi.marker").suggestion == "（一）"
    assert _one(findings, "geshi.halfwidth").suggestion == "，"
    assert not _one(findings, "shudi.place").safe and _one(findings, "shudi.place").suggestion is None


def test_the_source_plans_own_names_are_errors_and_references_are_not_flagged(findings):
    assert _one(findings, "shudi.place", "汉中市").severity == "error"  # the provenance says 汉中市
    assert not [f for f in findings if f.text in ("东海港口", "东海")]  # the draft's own province
    assert all(f.family in FAMILIES for f in findings)


def test_a_draft_dated_before_the_changes_raises_none_of_them():
    """The same wording was right in 2017: 提法 are compared with the draft's own date."""
    text = DRAFT.replace('date = "2026-05-20"', 'date = "2017-06-01"').replace(
        "二〇二六年五月二十日", "2017年6月1日"
    )
    tifa = [f for f in check_draft(parse_draft(text)) if f.family == "提法"]
    # 十九大 (2017-10) had not been held on 2017-06-01: citing it is the one 提法 error left
    assert {f.rule for f in tifa if f.severity != "info"} == {"tifa.party_sessions"}
    # 新农合 was being merged into 城乡居民医保 (2016–2019): a note, not an error
    assert {(f.rule, f.severity) for f in tifa if f.severity == "info"} == {("tifa.xinnonghe", "info")}


def test_family_selection_runs_only_those_families():
    from drafter.check import check_target, draft_target

    report = check_target(draft_target(parse_draft(DRAFT)), ("格式",))
    assert report.findings and {f.family for f in report.findings} == {"格式"}
