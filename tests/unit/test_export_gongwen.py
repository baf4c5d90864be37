"""The 公文 .docx of a plan read back as Word reads it (style chain included): page, margins, grid,
faces per level, sizes, indents, footers, 署名 and 成文日期, 附件说明 and the 分工表 — the numbers of
GB/T 9704-2012, clause by clause."""

from __future__ import annotations

import docx
import pytest
from docx.shared import Mm, Pt
from docx_reading import NS, Reader, flag, w

from drafter.export.document import write_gongwen
from drafter.export.gongwen import seal_indents, signature_indents, standard_date
from drafter.model import Document, Section, Task


def sample_plan() -> Document:
    level4 = Section("(1)", "设置专门机构", 4, body="设立市医改办。")
    level3 = Section("1、", "加强组织领导", 3, body="成立领导小组。", children=[level4])
    task = Task("推进分级诊疗", lead="市卫生健康委", partners=["市医保局", "市财政局"], deadline="2025年底")
    return Document(
        title="运城市城市公立医院综合改革实施方案",
        issuer="运城市人民政府",
        date="2015-11-26",
        preamble="为贯彻落实国务院办公厅有关文件精神,结合我市实际,制定本实施方案。",
        sections=[
            Section("一、", "总体要求", 1, children=[Section("(一)", "指导思想", 2, body="坚持公益性。")]),
            Section("二、", "重点任务", 1, body="　　重点抓好以下工作。", tasks=[task], children=[level3]),
        ],
    )


@pytest.fixture
def exported(tmp_path):
    path = tmp_path / "plan.docx"
    write_gongwen(sample_plan(), path, addressee="各县(市、区)人民政府,市直各有关单位")
    return path


@pytest.fixture
def reader(exported):
    return Reader(exported)


def test_page_is_a4_with_the_standard_margins(exported):
    """§5.1 A4; §5.2.1 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm."""
    section = docx.Document(str(exported)).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    for margin, mm in (("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)):
        assert abs(getattr(section, margin) - Mm(mm)) < Mm(0.05), margin
    type_width = section.page_width - section.left_margin - section.right_margin
    assert abs(type_width - Mm(156)) < Mm(0.1)


def test_a_line_grid_gives_22_lines_and_3hao_fits_28_characters(exported, reader):
    """§5.2.3 22 lines of 28 characters: exact 579-twip lines, −0.25 pt character spacing."""
    grid = docx.Document(str(exported)).sections[0]._sectPr.find("w:docGrid", NS)
    assert grid.get(w("type")) == "lines" and grid.get(w("linePitch")) == "579"
    body = reader.find("坚持公益性。")
    spacing = reader.ppr(body)["spacing"]
    assert (spacing[w("line")], spacing[w("lineRule")]) == ("579", "exact")
    assert int((Mm(225) / Pt(1)) * 20 // 579) == 22
    assert reader.rpr(body)["spacing"][w("val")] == "-5"
    assert 28 * (16 - 0.25) * 20 <= (Mm(156) / Pt(1)) * 20


def test_title_is_2hao_xiaobiaosong_centred(reader):
    """§7.3.1 标题: 2号小标宋, centred."""
    title = reader.find("运城市城市公立医院综合改革实施方案")
    assert reader.ppr(title)["jc"][w("val")] == "center"
    assert set(reader.face(title).values()) == {"方正小标宋简体"}
    assert reader.size(title) == 44
    assert reader.rpr(title)["spacing"][w("val")] == "0"  # the body's −0.25 pt is not the title's


def test_each_heading_level_has_its_face_and_gb_marker(reader):
    """§7.3.3 一级黑体, 二级楷体, 三、四级仿宋, markers 一、（一）1.（1）, all 3号."""
    faces = {"一、总体要求": "黑体", "（一）指导思想": "楷体_GB2312", "1.加强组织领导": "仿宋_GB2312"}
    faces |= {"（1）设置专门机构": "仿宋_GB2312", "坚持公益性。": "仿宋_GB2312"}
    for text, face in faces.items():
        paragraph = reader.find(text)
        assert reader.face(paragraph) == dict.fromkeys(("ascii", "hAnsi", "eastAsia", "cs"), face), text
        assert reader.size(paragraph) == 32, text


def test_no_theme_fonts_anywhere_and_language_is_zh_cn(exported, reader):
    document = docx.Document(str(exported))
    for root in (document.element, document.styles.element):
        for fonts in root.iter(w("rFonts")):
            assert not [a for a in fonts.attrib if "heme" in a]
    assert reader.rpr(reader.find("坚持公益性。"))["lang"][w("eastAsia")] == "zh-CN"


def test_body_paragraphs_indent_two_characters_both_ways(reader):
    """§7.3.3 每个自然段左空二字: absolute (LibreOffice) and in characters (Word, WPS)."""
    ind = reader.ppr(reader.find("重点抓好以下工作。"))["ind"]
    assert ind[w("firstLineChars")] == "200" and ind[w("firstLine")] == "630"  # 2 × 15.75 pt


def test_addressee_flush_left_with_full_width_marks(reader):
    """§7.3.2 主送机关 居左顶格, 全角冒号; the half-width marks typed in are made full-width."""
    addressee = reader.find("各县（市、区）人民政府，市直各有关单位：")
    ind = reader.ppr(addressee)["ind"]
    assert ind.get(w("firstLine")) == "0" and ind.get(w("left")) == "0"


def test_signature_and_date_without_seal_per_7_3_5_2(reader):
    date, signature = reader.find("2015年11月26日"), reader.find("运城市人民政府")
    assert reader.ppr(date)["jc"][w("val")] == reader.ppr(signature)["jc"][w("val")] == "right"
    # 7 characters each: the date stays 2 characters from the right, the 署名 starts 2 before it
    assert reader.ppr(date)["ind"][w("rightChars")] == "200"
    assert reader.ppr(signature)["ind"][w("rightChars")] == "400"


def test_signature_indents_follow_the_longer_of_signature_and_date():
    assert signature_indents(12, 7) == (2, 5)  # long 署名: date starts 2 chars right of it
    assert signature_indents(7, 7) == (4, 2)
    assert signature_indents(4, 7) == (7, 2)


def test_seal_layout_puts_the_date_four_in_and_centres_the_signature_over_it(tmp_path):
    """§7.3.5.1: 成文日期右空四字, 署名以成文日期为准居中, room for the seal above."""
    assert seal_indents(10, 6) == (2, 4)  # a 10-character 署名 over a 6-character date
    assert seal_indents(4, 6) == (5, 4)
    reader = Reader(write_gongwen(sample_plan(), tmp_path / "s.docx", seal=True))
    date, signature = reader.find("2015年11月26日"), reader.find("运城市人民政府")
    assert reader.ppr(date)["ind"][w("rightChars")] == "400"
    assert reader.ppr(signature)["ind"][w("rightChars")] == "400"  # (7 + 2 × 4 − 7) / 2 … centred
    texts = reader.texts(keep_empty=True)
    at = texts.index("运城市人民政府")
    assert texts[at - 2 : at] == ["", ""]  # two blank lines: the seal's top within a line of the text


def test_dates_use_the_standard_form():
    """§7.3.5.4: Arabic numerals, year in full, no 虚位."""
    assert standard_date("2015-11-06") == "2015年11月6日"
    assert standard_date("2024年3月") == "2024年3月"
    assert standard_date(None) is None


def test_attachment_note_and_task_table(exported, reader):
    """§7.3.4 附件说明 and §7.3.7 附件: a new page, 附件 in 黑体 on the first line."""
    note = reader.find("附件：重点任务分工表")
    assert reader.ppr(note)["ind"][w("hangingChars")] == "300"
    label = reader.find("附件")
    assert flag(reader.ppr(label), "pageBreakBefore")
    assert reader.face(label)["eastAsia"] == "黑体"
    table = docx.Document(str(exported)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    assert [c.text for c in table.rows[1].cells] == ["1", "推进分级诊疗", "市卫生健康委", "市医保局、市财政局", "2025年底"]
    assert table.rows[0]._tr.find("w:trPr/w:tblHeader", NS) is not None


def test_several_attachments_are_numbered(tmp_path):
    reader = Reader(write_gongwen(sample_plan(), tmp_path / "p.docx", attachments=["经费预算表"]))
    texts = reader.texts()
    assert "附件：1.重点任务分工表" in texts and "2.经费预算表" in texts and "附件1" in texts


def test_a_plan_without_responsibilities_has_no_table_or_attachment(tmp_path):
    plan = sample_plan()
    for section in plan.walk():
        section.tasks = []
    path = write_gongwen(plan, tmp_path / "p.docx")
    assert not docx.Document(str(path)).tables
    assert not [t for t in Reader(path).texts() if t.startswith("附件")]


def test_footers_hold_page_fields_odd_right_even_left(exported):
    """§7.5: 4号宋体 `— 1 —`, odd pages right and even pages left, one character in."""
    document = docx.Document(str(exported))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, align, side in ((section.footer, "right", "rightChars"), (section.even_page_footer, "left", "leftChars")):
        p = footer.paragraphs[0]._p
        assert p.find("w:pPr/w:jc", NS).get(w("val")) == align
        assert p.find("w:pPr/w:ind", NS).get(w(side)) == "100"
        assert "".join(t.text for t in p.iter(w("instrText"))).strip() == "PAGE"
        text = "".join(t.text for t in p.iter(w("t")))
        assert text.startswith("— ") and text.endswith(" —")
        assert p.find(".//w:r/w:rPr/w:rFonts", NS).get(w("eastAsia")) == "宋体"
        assert p.find(".//w:r/w:rPr/w:sz", NS).get(w("val")) == "28"  # 4号


def test_text_order_is_the_plans(reader):
    texts = reader.texts()
    start = texts.index("一、总体要求")
    assert texts[start : start + 8] == [
        "一、总体要求", "（一）指导思想", "坚持公益性。", "二、重点任务", "重点抓好以下工作。",
        "1.加强组织领导", "成立领导小组。", "（1）设置专门机构",
    ]  # fmt: skip
    assert "为贯彻落实国务院办公厅有关文件精神，结合我市实际，制定本实施方案。" in texts
