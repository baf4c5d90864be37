"""A plan two organs issue together (联合行文: 中共…委办公室 and …人民政府办公室) is read with both as
its issuer, and exported as GB/T 9704 lays it out: the lead organ's 文件 mark (§7.2.4 allows it alone)
and one 署名 line for each organ."""

from __future__ import annotations

from docx_reading import Reader

from drafter.export.document import write_gongwen
from drafter.reader import read_plans

PLAN = """中共滨江市委办公室滨江市人民政府办公室关于印发滨江市深化医药卫生体制改革实施方案的通知
滨委办发〔2025〕3号
各县（市、区）党委和人民政府，市直各单位：
现将《滨江市深化医药卫生体制改革实施方案》印发给你们，请结合实际认真贯彻落实。
中共滨江市委办公室
滨江市人民政府办公室
2025年3月5日
滨江市深化医药卫生体制改革实施方案
为深化医药卫生体制改革，结合我市实际，制定本方案。
一、总体要求
坚持以人民健康为中心，推进分级诊疗制度建设。
二、重点任务
（一）推进分级诊疗
到2027年底，县域就诊率达到90%以上。
"""


def _joint_plan(tmp_path):
    path = tmp_path / "滨江.txt"
    path.write_text(PLAN, encoding="utf-8")
    return read_plans(path)[0]


def test_a_joint_signature_gives_both_organs_as_the_issuer(tmp_path):
    doc = _joint_plan(tmp_path)
    assert doc.issuer == "中共滨江市委办公室、滨江市人民政府办公室"
    assert doc.date == "2025-03-05"


def test_a_text_line_above_the_signature_is_no_second_signer(tmp_path):
    text = PLAN.replace("中共滨江市委办公室\n滨江市", "请各地认真贯彻落实。\n滨江市")
    path = tmp_path / "one.txt"
    path.write_text(text, encoding="utf-8")
    assert read_plans(path)[0].issuer == "滨江市人民政府办公室"


def test_the_export_signs_a_line_for_each_organ_under_the_lead_organs_mark(tmp_path):
    texts = Reader(write_gongwen(_joint_plan(tmp_path), tmp_path / "joint.docx")).texts()
    assert texts[0] == "中共滨江市委办公室文件"
    assert "中共滨江市委办公室\n滨江市人民政府办公室" in texts
    assert not any("、滨江市人民政府办公室" in t for t in texts)


def test_a_joint_notice_title_breaks_between_the_issuers_never_inside_a_name():
    from drafter.export.title_lines import title_lines

    lines = title_lines("中共滨江市委办公室滨江市人民政府办公室关于印发滨江市深化医药卫生体制改革实施方案的通知")
    assert lines[0] == "中共滨江市委办公室" and lines[1].startswith("滨江市人民政府办公室")
    lines = title_lines("滨江市卫生健康委员会滨江市医疗保障局关于印发滨江市紧密型县域医共体建设实施方案的通知")
    assert lines[0] == "滨江市卫生健康委员会"  # not `…卫生健康委` / `员会…`


def test_a_draft_issued_jointly_takes_the_lead_organs_mark_and_printer(tmp_path):
    from drafter.draft.compose import new_draft
    from drafter.draft.parts import resolve

    draft = new_draft("滨江市", "东海省", "滨江市深化医药卫生体制改革实施方案", "中共滨江市委、滨江市人民政府", "2025-03-05")
    parts = resolve(draft)
    assert parts.mark == "中共滨江市委文件"
    assert parts.printer == "中共滨江市委办公室"
    texts = Reader(write_gongwen(draft, tmp_path / "d.docx")).texts()
    assert "中共滨江市委\n滨江市人民政府" in texts
