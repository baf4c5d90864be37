"""Reading a 印发通知 out of a plan's first lines (corpus plans, drafts from before the parts model)."""

from __future__ import annotations

from docx_reading import Reader

from drafter.draft.notice import split_notice
from drafter.export.corpus_parts import corpus_parts, is_menu_line
from drafter.export.document import write_gongwen
from drafter.reader import read_plans


def plan_of(seed_paths, number: str):
    (path,) = [p for p in seed_paths if p.name.startswith(number)]
    return max(read_plans(path), key=lambda d: len(d.headings()))


def test_a_notice_line_by_line_is_split_into_its_parts(seed_paths):
    doc = plan_of(seed_paths, "002")
    parts = corpus_parts(doc)
    assert parts.notice_title == "哈尔滨市人民政府办公厅关于印发哈尔滨市城市公立医院综合改革实施方案的通知"
    assert parts.doc_number == "哈政办规〔2017〕28号" and parts.mark == "哈尔滨市人民政府办公厅文件"
    assert parts.addressee == "各区、县(市)人民政府,市政府各有关委、办、局,中直省属在哈有关单位"
    assert parts.notice == ["经市政府同意,现将《哈尔滨市城市公立医院综合改革实施方案》印发给你们,请认真贯彻执行。"]
    assert (parts.signature, parts.date) == ("哈尔滨市人民政府办公厅", "2017年6月8日")
    assert parts.plan_title == "哈尔滨市城市公立医院综合改革实施方案" and parts.preface[0].startswith("为贯彻落实")
    assert not parts.imprint  # who printed a corpus plan, and when, is not known


def test_a_notice_that_lost_its_title_keeps_its_seal_note_and_two_line_plan_title(seed_paths):
    doc = plan_of(seed_paths, "001")
    parts = corpus_parts(doc)
    assert parts.notice_title == "" and parts.has_notice
    assert parts.addressee.startswith("各区深化医药卫生体制改革领导小组")
    assert parts.notice[-1] == "特此通知。"
    assert parts.signature.split("\n")[0] == "上海市深化医药卫生体制改革领导小组办公室"
    assert parts.signature.split("\n")[1].endswith("代章)") and parts.date == "2022年8月8日"
    assert parts.plan_title == "关于因地制宜推广福建三明经验\n深化上海市医药卫生体制改革的工作方案"


def test_web_menu_lines_and_a_garbled_date_never_reach_the_gongwen(seed_paths, tmp_path):
    doc = read_plans(next(p for p in seed_paths if p.name.startswith("004")))[0]
    assert [line for line in doc.preamble.split("\n") if is_menu_line(line)] == [
        "公告内容", "草案内容", "草案解读", "公众意见及建议", "征集已结束"]  # fmt: skip
    texts = Reader(write_gongwen(doc, tmp_path / "l.docx")).texts()
    assert not {"公告内容", "草案内容", "草案解读", "公众意见及建议", "征集已结束", "202435"} & set(texts)
    assert "聊城市卫生健康委员会" in texts and "2024年3月5日" in texts
    assert "聊城市进一步完善医疗卫生\n服务体系的实施方案（征求意见稿）" in texts  # its plan, on its own page


def test_lines_that_are_not_a_notice_are_left_alone():
    assert split_notice(["一、总体要求", "坚持公益性。", "二、重点任务", "推进改革。"]) is None
    assert split_notice(["某市关于印发某方案的通知", "各县：", "现将方案印发给你们。"]) is None  # no 署名/date
    assert not is_menu_line("附件") and not is_menu_line("公告内容如下：")
