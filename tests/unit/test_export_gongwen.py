"""The 公文 .docx read back with python-docx: page, margins, grid, faces per level, sizes, indents,
footers, 署名 and 成文日期, 附件说明 and the 分工表 — the numbers of GB/T 9704-2012."""

from __future__ import annotations

import docx
import pytest
from docx.shared import Mm, Pt
from test_export_revisions import NS, w

from drafter.export.document import write_gongwen
from drafter.export.gongwen import signature_indents, standard_date
from drafter.model import Document, Section, Task


def sample_plan() -> Document:
    level4 = Section("(1)", "设置专门机构", 4, body="设立市医改办。")
    level3 = Section("1.", "加强组织领导", 3, body="成立领导小组。", children=[level4])
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
    return docx.Document(str(path))


def paragraph_by_text(document, text: str):
    return next(p for p in document.paragraphs if p.text == text)


def rfonts(paragraph) -> dict[str, str]:
    fonts = paragraph.runs[0]._r.find("w:rPr/w:rFonts", NS)
    return {slot: fonts.get(w(slot)) for slot in ("ascii", "hAnsi", "eastAsia", "cs")}


def test_page_is_a4_with_the_standard_margins(exported):
    section = exported.sections[0]
    assert (section.page_width, section.page_height) == (Mm(210), Mm(297)) or (
        abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    )
    for margin, mm in (("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)):
        assert abs(getattr(section, margin) - Mm(mm)) < Mm(0.05), margin
    type_width = section.page_width - section.left_margin - section.right_margin
    assert abs(type_width - Mm(156)) < Mm(0.1)


def test_a_line_grid_gives_22_lines_and_3hao_fits_28_characters(exported):
    grid = exported.sections[0]._sectPr.find("w:docGrid", NS)
    assert grid.get(w("type")) == "lines" and grid.get(w("linePitch")) == "579"
    body = paragraph_by_text(exported, "坚持公益性。")
    spacing = body._p.find("w:pPr/w:spacing", NS)
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("579", "exact")
    type_height = exported.sections[0].page_height - Mm(37) - Mm(35)
    assert int(type_height / Pt(1) * 20 // 579) == 22
    char = body.runs[0]._r.find("w:rPr/w:spacing", NS)
    assert char.get(w("val")) == "-5"  # 28 × (16 − 0.25) pt ≤ 156 mm
    assert 28 * (16 - 0.25) * 20 <= (Mm(156) / Pt(1)) * 20


def test_title_is_2hao_xiaobiaosong_centred(exported):
    title = paragraph_by_text(exported, "运城市城市公立医院综合改革实施方案")
    assert title.alignment == 1  # centre
    assert set(rfonts(title).values()) == {"方正小标宋简体"}
    assert title.runs[0].font.size == Pt(22)


def test_each_heading_level_has_its_face_and_all_runs_are_3hao(exported):
    faces = {"一、总体要求": "黑体", "(一)指导思想": "楷体_GB2312", "1.加强组织领导": "仿宋_GB2312"}
    faces |= {"(1)设置专门机构": "仿宋_GB2312", "坚持公益性。": "仿宋_GB2312"}
    for text, face in faces.items():
        paragraph = paragraph_by_text(exported, text)
        assert rfonts(paragraph) == dict.fromkeys(("ascii", "hAnsi", "eastAsia", "cs"), face), text
        assert paragraph.runs[0].font.size == Pt(16), text


def test_no_theme_fonts_anywhere_and_language_is_zh_cn(exported):
    for part in (exported.element, exported.styles.element):
        for fonts in part.iter(w("rFonts")):
            assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]
    body = paragraph_by_text(exported, "坚持公益性。")
    assert body.runs[0]._r.find("w:rPr/w:lang", NS).get(w("eastAsia")) == "zh-CN"


def test_body_paragraphs_indent_two_characters_both_ways(exported):
    ind = paragraph_by_text(exported, "重点抓好以下工作。")._p.find("w:pPr/w:ind", NS)
    assert ind.get(w("firstLineChars")) == "200"
    assert ind.get(w("firstLine")) == "630"  # 2 × 15.75 pt


def test_addressee_flush_left_with_full_width_colon(exported):
    addressee = paragraph_by_text(exported, "各县(市、区)人民政府,市直各有关单位:")
    assert addressee._p.find("w:pPr/w:ind", NS) is None


def test_signature_and_date_placed_per_7_3_5_3(exported):
    date = paragraph_by_text(exported, "2015年11月26日")
    signature = paragraph_by_text(exported, "运城市人民政府")
    assert date.alignment == signature.alignment == 2  # right
    # 7 characters each: the date stays 2 characters from the right, the 署名 starts 2 before it
    assert date._p.find("w:pPr/w:ind", NS).get(w("rightChars")) == "200"
    assert signature._p.find("w:pPr/w:ind", NS).get(w("rightChars")) == "400"


def test_signature_indents_follow_the_longer_of_signature_and_date():
    assert signature_indents(12, 7) == (2, 5)  # long 署名: date starts 2 chars right of it
    assert signature_indents(7, 7) == (4, 2)
    assert signature_indents(4, 7) == (7, 2)


def test_dates_use_the_standard_form():
    assert standard_date("2015-11-06") == "2015年11月6日"
    assert standard_date("2024年3月") == "2024年3月"
    assert standard_date(None) is None


def test_attachment_note_and_task_table(exported):
    note = paragraph_by_text(exported, "附件:重点任务分工表")
    assert note._p.find("w:pPr/w:ind", NS).get(w("hangingChars")) == "300"
    label = paragraph_by_text(exported, "附件")
    assert label._p.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert rfonts(label)["eastAsia"] == "黑体"
    table = exported.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    assert [c.text for c in table.rows[1].cells] == [
        "1",
        "推进分级诊疗",
        "市卫生健康委",
        "市医保局、市财政局",
        "2025年底",
    ]
    assert table.rows[0]._tr.find("w:trPr/w:tblHeader", NS) is not None


def test_several_attachments_are_numbered(tmp_path):
    path = write_gongwen(sample_plan(), tmp_path / "p.docx", attachments=["经费预算表"])
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "附件:1.重点任务分工表" in texts and "2.经费预算表" in texts and "附件1" in texts


def test_a_plan_without_responsibilities_has_no_table_or_attachment(tmp_path):
    plan = sample_plan()
    for section in plan.walk():
        section.tasks = []
    document = docx.Document(str(write_gongwen(plan, tmp_path / "p.docx")))
    assert not document.tables
    assert not [p for p in document.paragraphs if p.text.startswith("附件")]


def test_footers_hold_page_fields_odd_right_even_left(exported):
    assert exported.settings.odd_and_even_pages_header_footer
    section = exported.sections[0]
    for footer, align, side in (
        (section.footer, "right", "rightChars"),
        (section.even_page_footer, "left", "leftChars"),
    ):
        p = footer.paragraphs[0]._p
        assert p.find("w:pPr/w:jc", NS).get(w("val")) == align
        assert p.find("w:pPr/w:ind", NS).get(w(side)) == "100"
        assert "".join(t.text for t in p.iter(w("instrText"))).strip() == "PAGE"
        text = "".join(t.text for t in p.iter(w("t")))
        assert text.startswith("— ") and text.endswith(" —")
        fonts = p.find(".//w:r/w:rPr/w:rFonts", NS)
        assert fonts.get(w("eastAsia")) == "宋体"
        assert p.find(".//w:r/w:rPr/w:sz", NS).get(w("val")) == "28"  # 4号


def test_text_order_is_the_plans(exported):
    texts = [p.text for p in exported.paragraphs if p.text]
    start = texts.index("一、总体要求")
    assert texts[start : start + 8] == [
        "一、总体要求", "(一)指导思想", "坚持公益性。", "二、重点任务", "重点抓好以下工作。",
        "1.加强组织领导", "成立领导小组。", "(1)设置专门机构",
    ]  # fmt: skip
