"""A draft with all its 公文 parts exports as the document the office sends, in the standard's order:
版头 (red 发文机关标志, 文号, red line), the 印发通知, the plan on a new page, its 附件, the 版记 in its
own even-page section — read from the XML (the LibreOffice render is in test_export_pdf)."""

from __future__ import annotations

import pytest
from docx_reading import NS, Reader, flag, text_of, w

from drafter.draft.compose import new_draft
from drafter.draft.part_edit import set_part
from drafter.export.document import write_gongwen

CC = "市委各部门，市人大常委会办公室，市政协办公室，市中级法院，市检察院"


@pytest.fixture(scope="module")
def draft():
    made = new_draft("运城市", "山西省", date="2025-03-01",
                     superior=["《关于进一步深化医药卫生体制改革的意见》（晋政发〔2024〕3号）"])  # fmt: skip
    set_part(made, "发文字号", "运政办发〔2025〕12号")
    set_part(made, "抄送", CC)
    return made


@pytest.fixture
def reader(draft, tmp_path):
    return Reader(write_gongwen(draft, tmp_path / "d.docx"))


def body_children(reader: Reader):
    return list(reader.document.find("w:body", NS))


def test_masthead_red_mark_number_and_red_line_come_first(reader):
    """§7.2.4 red 小标宋 mark 35 mm under the type area's top, §7.2.5 文号 centred two lines under it,
    §7.2.7 a red line under the 文号."""
    paragraphs = reader.paragraphs()
    mark = paragraphs[0]
    assert text_of(mark) == "运城市人民政府办公室文件"
    assert reader.rpr(mark)["color"][w("val")] == "FF0000"
    assert reader.face(mark)["eastAsia"] == "方正小标宋简体"
    before = int(reader.ppr(mark)["spacing"][w("before")])
    assert 1700 < before < 1984  # 35 mm = 1984 twips, less the line's lead above the characters
    assert int(reader.rpr(mark)["w"][w("val")]) < 100  # narrowed to fit 12 characters of 初号
    assert [text_of(p) for p in paragraphs[1:3]] == ["", ""]
    number = paragraphs[3]
    assert text_of(number) == "运政办发〔2025〕12号"
    assert reader.ppr(number)["jc"][w("val")] == "center"
    line = number.find("w:pPr/w:pBdr/w:bottom", NS)
    assert line.get(w("color")) == "FF0000" and line.get(w("val")) == "single"
    assert number.find("w:pPr/w:ind", NS) is None  # no indent: the line is as wide as the type area
    assert [text_of(p) for p in paragraphs[4:6]] == ["", ""]  # §7.3.1 the title two lines under it


def test_notice_then_plan_on_a_new_page_then_attachment_then_imprint(reader, draft):
    texts = reader.texts()
    notice_title = "运城市人民政府办公室关于印发\n运城市深化医药卫生体制改革实施方案的通知"
    plan_title = "运城市深化医药卫生体制改革实施方案"
    expected = [notice_title, "各县（市、区）人民政府，市政府各部门，各有关单位：",
                "经市人民政府同意，现将《运城市深化医药卫生体制改革实施方案》印发给你们，请结合实际，认真组织实施。",
                "运城市人民政府办公室", "2025年3月1日", "（此件公开发布）", plan_title]  # fmt: skip
    at = [texts.index(t) for t in expected]
    assert at == sorted(at) and at[1:] == list(range(at[1], at[1] + 6))  # in order, nothing between
    assert texts.count(plan_title) == 1 and texts.count("运城市人民政府办公室") == 1  # one title, one 署名
    assert texts[at[-1] + 1].startswith("为贯彻落实《关于进一步深化医药卫生体制改革的意见》（晋政发〔2024〕3号）精神")
    assert flag(reader.ppr(reader.find(plan_title)), "pageBreakBefore")
    assert reader.style_of(reader.find(plan_title)) == "Title"
    assert texts.index("附件：重点任务分工表") < texts.index("附件") < texts.index("重点任务分工表")
    assert flag(reader.ppr(reader.find("附件")), "pageBreakBefore")


def test_imprint_is_its_own_even_page_section_with_its_lines(reader):
    """§7.4: the 版记 after everything, starting on an even page, its lines thick-thin-thick."""
    children = body_children(reader)
    section_ends = [p for p in reader.paragraphs() if p.find("w:pPr/w:sectPr", NS) is not None]
    assert len(section_ends) == 1
    last = children[-1]
    assert last.tag == w("sectPr") and last.find("w:type", NS).get(w("val")) == "evenPage"
    table = [c for c in children if c.tag == w("tbl")][-1]
    assert children.index(table) > children.index(section_ends[0])
    borders = table.find("w:tblPr/w:tblBorders", NS)
    widths = {side: borders.find(f"w:{side}", NS).get(w("sz")) for side in ("top", "insideH", "bottom")}
    assert widths == {"top": "8", "insideH": "6", "bottom": "8"}  # 0.35 / 0.25 / 0.35 mm
    assert borders.find("w:left", NS).get(w("val")) == "nil"
    rows = [text_of(tr) for tr in table.iter(w("tr"))]
    assert rows[0].replace("\n", "") == f"抄送：{CC}。"
    assert rows[1] == "运城市人民政府办公室\t2025年3月1日印发"
    assert int(table.find("w:tblPr/w:tblW", NS).get(w("w"))) == 8845  # as wide as the type area
    spacer = table.getprevious()
    height = int(spacer.find("w:pPr/w:spacing", NS).get(w("line")))
    assert 12756 - 4 * 579 - 300 < height < 12756 - 3 * 579  # pushes the 版记 to the type area's bottom


def test_signature_is_kept_with_the_last_lines_of_the_notice(reader):
    text = reader.find_start("经市人民政府同意")
    ppr = reader.ppr(text)
    assert flag(ppr, "keepNext") and flag(ppr, "widowControl")
    blank = text.getnext()
    assert text_of(blank) == "" and flag(reader.ppr(blank), "keepNext")
    assert flag(reader.ppr(reader.find("运城市人民政府办公室")), "keepNext")
    assert flag(reader.ppr(reader.find("2025年3月1日")), "keepNext")  # with its 附注


def test_metadata_edited_after_new_reaches_notice_preface_signature_and_mark(draft, tmp_path):
    changed = new_draft("运城市", "山西省", date="2025-03-01")
    set_part(changed, "标题", "运城市进一步深化医改实施方案")
    set_part(changed, "发文机关", "运城市人民政府")
    set_part(changed, "成文日期", "2025-04-09")
    set_part(changed, "地区", "运城市")
    texts = Reader(write_gongwen(changed, tmp_path / "c.docx")).texts()
    joined = "\n".join(texts)
    assert "运城市人民政府文件" in texts and "运城市人民政府办公室" not in joined  # one issuer (版记 aside)
    assert "运城市人民政府关于印发运城市进一步深化医改实施方案的通知" in joined.replace("\n", "")
    assert "现将《运城市进一步深化医改实施方案》印发给你们" in joined  # a government issues its own
    assert texts.count("运城市人民政府") == 1 and "2025年4月9日" in texts
    assert "运城市深化医药卫生体制改革实施方案" not in joined  # the old title is nowhere
    imprint = [c for c in Reader(tmp_path / "c.docx").document.iter(w("tbl"))][-1]
    assert text_of(list(imprint.iter(w("tr")))[-1]) == "运城市人民政府办公室\t2025年4月9日印发"  # §7.4.3


def test_a_drafters_own_notice_text_is_kept_and_still_follows_the_title(tmp_path):
    draft = new_draft("运城市", "山西省", date="2025-03-01")
    set_part(draft, "通知正文", "现将《运城市深化医药卫生体制改革实施方案》印发给你们，请认真贯彻执行。\n特此通知。")
    set_part(draft, "标题", "运城市医改实施方案")
    texts = Reader(write_gongwen(draft, tmp_path / "n.docx")).texts()
    assert "现将《运城市医改实施方案》印发给你们，请认真贯彻执行。" in texts and "特此通知。" in texts


def test_a_plan_issued_as_an_attachment_is_numbered_in_the_notice(draft, tmp_path):
    set_part(draft, "方案编排", "附件")
    try:
        reader = Reader(write_gongwen(draft, tmp_path / "a.docx"))
    finally:
        set_part(draft, "方案编排", "正文")
    texts = reader.texts()
    note = texts.index("附件：1.运城市深化医药卫生体制改革实施方案")
    assert texts[note + 1] == "2.重点任务分工表" and texts[note + 2] == "运城市人民政府办公室"
    label = texts.index("附件1")
    assert texts[label + 1] == "运城市深化医药卫生体制改革实施方案" and "附件2" in texts
    assert "附件：重点任务分工表" not in texts  # listed once, in the notice


def test_upward_document_has_its_signer_on_the_number_line(draft, tmp_path):
    """§7.2.5/7.2.6 上行文: 文号 one character in from the left, 签发人：姓名 (楷体) one in from the right."""
    set_part(draft, "签发人", "张三")
    set_part(draft, "密级", "秘密★1年")
    set_part(draft, "紧急程度", "特急")
    try:
        reader = Reader(write_gongwen(draft, tmp_path / "u.docx"))
    finally:
        for part in ("签发人", "密级", "紧急程度"):
            set_part(draft, part, "")
    paragraphs = reader.paragraphs()
    assert [text_of(p) for p in paragraphs[:3]] == ["秘密★1年", "特急", "运城市人民政府办公室文件"]
    assert reader.face(paragraphs[0])["eastAsia"] == "黑体"
    number = next(p for p in paragraphs if "签发人" in text_of(p))
    assert text_of(number) == "\t运政办发〔2025〕12号\t签发人：张三"
    tabs = [(t.get(w("val")), int(t.get(w("pos")))) for t in number.iter(w("tab")) if t.get(w("pos"))]
    assert tabs == [("left", 315), ("right", 8845 - 315)]
    assert reader.face(number, 2)["eastAsia"] == "楷体_GB2312"
    assert number.find("w:pPr/w:pBdr/w:bottom", NS).get(w("color")) == "FF0000"


def test_an_addressee_too_long_for_the_first_page_moves_to_the_imprint(tmp_path):
    """§7.3.2 / §7.4.2: 主送 above 抄送 in the 版记, no line between them."""
    draft = new_draft("运城市", "山西省", date="2025-03-01")
    units = "，".join(f"市第{n}工作委员会办公室" for n in range(1, 40))
    set_part(draft, "主送", units)
    set_part(draft, "抄送", CC)
    reader = Reader(write_gongwen(draft, tmp_path / "m.docx"))
    assert not [t for t in reader.texts() if t.startswith("市第1工作")]
    imprint = list(reader.document.iter(w("tbl")))[-1]
    rows = [text_of(tr).replace("\n", "") for tr in imprint.iter(w("tr"))]
    assert rows[0] == f"主送：{units}。抄送：{CC}。" and len(rows) == 2  # one row: no line between
