"""The 修改对照表: landscape, 序号 | 原文 | 修改后 | 修改说明, one row per change of the comparison."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess

import docx
import pytest
from test_export_redline import synthetic_comparison
from test_export_revisions import NS, w

from drafter.compare import compare_documents, load_side
from drafter.compare.model import Comparison, Op, ParagraphDiff, SectionDiff
from drafter.compare.synthetic import edit_document
from drafter.export.table import build_change_table, change_rows, write_change_table

HEADER = ["序号", "原文", "修改后", "修改说明"]


def table_rows(path) -> list[list[str]]:
    table = docx.Document(str(path)).tables[0]
    return [[c.text for c in row.cells] for row in table.rows]


def test_change_table_names_both_documents_and_has_the_four_columns(tmp_path):
    path = write_change_table(synthetic_comparison(), tmp_path / "对照表.docx")
    document = docx.Document(str(path))
    # The title breaks between words (GB/T 9704 title shape); the words are both names, whole.
    assert document.paragraphs[0].text.replace("\n", "") == "《甲市实施方案》与《乙市实施方案》修改对照表"
    rows = table_rows(path)
    assert rows[0] == HEADER
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, len(rows))]


def test_every_change_is_a_row_saying_what_happened(tmp_path):
    rows = table_rows(write_change_table(synthetic_comparison(), tmp_path / "t.docx"))[1:]
    assert [r[3] for r in rows] == [
        "修改",
        "删除",
        "调整位置：由「一、总体要求」调至「他处」",
        "新增",
        "修改标题",
        "调整位置并修改：由「正文开头」调至「二、重点任务」",
        "新增「三、保障措施」一节",
        "删除「三、其他」一节",
    ]
    assert rows[0][1:3] == [
        "到2020年,基本建立分级诊疗制度,群众满意度明显提高。",
        "到2025年,全面建立分级诊疗制度,群众满意度明显提高!",
    ]
    assert rows[3][1:3] == ["", "各地要结合实际抓好落实。"]
    assert rows[6][1:3] == ["", "三、保障措施\n加强组织领导。"]


def test_deleted_words_are_struck_and_inserted_words_underlined(tmp_path):
    path = write_change_table(synthetic_comparison(), tmp_path / "t.docx")
    row = docx.Document(str(path)).tables[0].rows[1]
    reference, draft = row.cells[1]._tc, row.cells[2]._tc
    struck = [_text(r) for r in reference.iter(w("r")) if r.find("w:rPr/w:strike", NS) is not None]
    underlined = [_text(r) for r in draft.iter(w("r")) if r.find("w:rPr/w:u", NS) is not None]
    assert struck == ["2020", "基本"]
    assert underlined == ["2025", "全面"]


def _text(r) -> str:
    return "".join(t.text or "" for t in r.iter(w("t")))


def test_page_is_landscape_rows_may_break_and_cells_start_at_the_top(tmp_path):
    path = write_change_table(synthetic_comparison(), tmp_path / "t.docx")
    document = docx.Document(str(path))
    size = document.sections[0]._sectPr.find("w:pgSz", NS)
    assert int(size.get(w("w"))) > int(size.get(w("h")))
    rows = document.tables[0]._tbl.findall("w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None  # the header repeats on each page
    for row in rows[1:]:
        assert row.find("w:trPr/w:cantSplit", NS) is None
        assert {v.get(w("val")) for v in row.iter(w("vAlign"))} == {"top"}


def test_punctuation_only_edits_are_collected_into_one_last_row(tmp_path):
    punct = ParagraphDiff(
        "same", "甲、乙。", "甲,乙。", [Op("=", "甲", "甲"), Op("~", "、", ","), Op("=", "乙。", "乙。")], 1.0
    )
    width = ParagraphDiff("same", "到2020年", "到２０２０年", [Op("=", "到", "到"), Op("~", "2020", "２０２０"),
                                                              Op("=", "年", "年")], 1.0)
    word = ParagraphDiff("changed", "加强监管。", "强化监管。",
                         [Op("-", "加强", ""), Op("+", "", "强化"), Op("=", "监管。", "监管。")], 0.6)
    section = SectionDiff("一、总体要求", "一、总体要求", None, 0.9, [punct, word, width])
    rows = table_rows(write_change_table(Comparison(0.9, [section]), tmp_path / "t.docx"))[1:]
    assert len(rows) == 2
    assert rows[0][3] == "修改"
    assert rows[1][0] == "2" and rows[1][3].startswith("标点、全半角、空格、数字写法等格式性修改，共 2 处")
    assert rows[1][1] == "甲、乙。\n到2020年" and rows[1][2] == "甲,乙。\n到２０２０年"


def test_identical_sides_say_so_instead_of_an_empty_table(tmp_path):
    same = SectionDiff("一、总体要求", "一、总体要求", None, 1.0, [ParagraphDiff("same", "甲。", "甲。")])
    document = docx.Document(str(write_change_table(Comparison(1.0, [same]), tmp_path / "t.docx")))
    assert not document.tables
    assert "两稿文字相同，没有修改。" in [p.text for p in document.paragraphs]


@pytest.fixture(scope="module")
def seeds(seed_paths):
    return {path.name[:3]: load_side(str(path)) for path in seed_paths}


def test_rows_are_the_changes_for_every_pair_of_seeds(seeds):
    for (na, a), (nb, b) in itertools.product(seeds.items(), repeat=2):
        comparison = compare_documents(a, b)
        rows = change_rows(comparison)
        major = comparison.major_changes()
        minor = [c for c in comparison.change_list() if c.minor]
        assert len(rows) == len(major) + (1 if minor else 0), (na, nb)
        kinds = {c.kind for c in major}
        assert {"title"} <= kinds or a.plan_title == b.plan_title or na == nb


def test_moves_and_punctuation_rows_of_a_known_edit(tmp_path, seeds):
    known = edit_document(seeds["002"], seed=4, words=3, moves=2, punctuation=3)
    comparison = compare_documents(seeds["002"], known.edited)
    rows = table_rows(build_change_table(comparison).save(tmp_path / "t.docx"))[1:]
    notes = [r[3] for r in rows]
    assert len(rows) == len(comparison.major_changes()) + 1
    assert sum(n.startswith("调整位置") for n in notes) == len(known.moved)
    assert notes[-1].startswith("标点、全半角、空格、数字写法等格式性修改，共 3 处")
    for row in rows:
        if row[3].startswith("调整位置"):
            assert "由「" in row[3] and "」调至「" in row[3]


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfinfo")), reason="needs LibreOffice and poppler")
def test_libreoffice_lays_the_table_out_landscape_across_pages(tmp_path, seeds):
    from drafter.export.render_pdf import render_pdf

    comparison = compare_documents(seeds["002"], seeds["004"])
    pdf = render_pdf(write_change_table(comparison, tmp_path / "t.docx"), tmp_path / "t.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width > height  # A4 landscape: 842 × 595 pt
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages > 3
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("修改说明") == pages  # the header row repeats on every page
