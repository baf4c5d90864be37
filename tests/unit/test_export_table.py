"""The 修改对照表: three columns (参考文本 | 本稿 | 说明), one row per changed passage."""

from __future__ import annotations

import docx
from test_export_redline import synthetic_comparison
from test_export_revisions import NS, w

from drafter.compare.model import Comparison, ParagraphDiff, SectionDiff
from drafter.export.table import write_change_table


def test_change_table_has_three_columns_and_a_row_per_changed_passage(tmp_path):
    path = write_change_table(synthetic_comparison(), tmp_path / "对照表.docx")
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "修改对照表"
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["参考文本", "本稿", "说明"]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    # the same paragraph is not listed; everything else is, in order
    assert [r[2] for r in rows] == [
        "一、总体要求:修改",
        "一、总体要求:删除",
        "一、总体要求:调整位置",
        "一、总体要求:新增",
        "修改标题",
        "二、重点任务:调整位置并修改",
        "新增章节",
        "三、保障措施:新增",
        "删除章节",
        "三、其他:删除",
    ]
    assert rows[0][:2] == [
        "到2020年,基本建立分级诊疗制度,群众满意度明显提高。",
        "到2025年,全面建立分级诊疗制度,群众满意度明显提高!",
    ]
    assert rows[3][:2] == ["", "各地要结合实际抓好落实。"]


def test_deleted_words_are_struck_and_inserted_words_underlined(tmp_path):
    path = write_change_table(synthetic_comparison(), tmp_path / "t.docx")
    row = docx.Document(str(path)).tables[0].rows[1]
    reference, draft = row.cells[0]._tc, row.cells[1]._tc
    struck = [_text(r) for r in reference.iter(w("r")) if r.find("w:rPr/w:strike", NS) is not None]
    underlined = [_text(r) for r in draft.iter(w("r")) if r.find("w:rPr/w:u", NS) is not None]
    assert struck == ["2020", "基本"]
    assert underlined == ["2025", "全面"]


def _text(r) -> str:
    return "".join(t.text or "" for t in r.iter(w("t")))


def test_unimportant_differences_are_labelled_as_such(tmp_path):
    from drafter.compare.model import Op

    punct = ParagraphDiff(
        "changed", "甲、乙。", "甲,乙。", [Op("=", "甲", "甲"), Op("~", "、", ","), Op("=", "乙。", "乙。")]
    )
    comparison = Comparison(0.99, [SectionDiff("一、总体要求", "一、总体要求", None, 0.99, [punct])])
    table = docx.Document(str(write_change_table(comparison, tmp_path / "t.docx"))).tables[0]
    assert table.rows[1].cells[2].text == "一、总体要求:标点、全半角等格式性修改"


def test_identical_sides_say_so_instead_of_an_empty_table(tmp_path):
    same = SectionDiff("一、总体要求", "一、总体要求", None, 1.0, [ParagraphDiff("same", "甲。", "甲。")])
    document = docx.Document(str(write_change_table(Comparison(1.0, [same]), tmp_path / "t.docx")))
    assert not document.tables
    assert "两稿文字相同,没有修改。" in [p.text for p in document.paragraphs]
