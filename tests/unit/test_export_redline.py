"""The redline .docx: real revisions whose Accept All gives side B and Reject All gives side A."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime

import docx
import pytest
from test_export_revisions import NS, accept_all, document_xml, paragraph_texts, reject_all, revision_count, w

from drafter.compare.model import Comparison, Op, ParagraphDiff, SectionDiff
from drafter.export.redline import write_redline

SAME = "坚持以人民为中心的发展思想。"
MOVED_A = "建立健全现代医院管理制度,落实公立医院经营管理自主权。"
MOVED_B = "建立健全现代医院管理制度,全面落实公立医院经营管理自主权。"


def synthetic_comparison() -> Comparison:
    """Every kind of change: inline -, +, ~; whole paragraphs and sections added and removed; a
    renamed heading; a move with its own edit (origin marked by a b-less `moved` entry)."""
    changed = ParagraphDiff(
        "changed",
        "到2020年,基本建立分级诊疗制度,群众满意度明显提高。",
        "到2025年,全面建立分级诊疗制度,群众满意度明显提高!",
        [
            Op("=", "到", "到"),
            Op("-", "2020", ""),
            Op("+", "", "2025"),
            Op("=", "年,", "年,"),
            Op("-", "基本", ""),
            Op("+", "", "全面"),
            Op("=", "建立分级诊疗制度,群众满意度明显提高", "建立分级诊疗制度,群众满意度明显提高"),
            Op("~", "。", "!"),
        ],
    )
    general = SectionDiff(
        "一、总体要求",
        "一、总体要求",
        "总体要求",
        0.8,
        [
            ParagraphDiff("same", SAME, SAME, [Op("=", SAME, SAME)]),
            changed,
            ParagraphDiff("removed", "本方案自印发之日起施行。", None),
            ParagraphDiff("moved", MOVED_A, None),
            ParagraphDiff(
                "added", None, "各地要结合实际抓好落实。", [Op("+", "", "各地要结合实际抓好落实。")]
            ),
        ],
    )
    renamed = SectionDiff(
        "二、主要任务",
        "二、重点任务",
        "重点任务",
        0.7,
        [
            ParagraphDiff(
                "moved",
                MOVED_A,
                MOVED_B,
                [
                    Op("=", MOVED_A[:13], MOVED_A[:13]),
                    Op("+", "", "全面"),
                    Op("=", MOVED_A[13:], MOVED_A[13:]),
                ],
            )
        ],
    )
    added = SectionDiff(
        None, "三、保障措施", "组织保障", 0.0, [ParagraphDiff("added", None, "加强组织领导。")]
    )
    removed = SectionDiff(
        "三、其他", None, "其他", 0.0, [ParagraphDiff("removed", "由市卫健委负责解释。", None)]
    )
    return Comparison(0.6, [general, renamed, added, removed], a_title="甲市实施方案", b_title="乙市实施方案")


A_TEXT = [
    "甲市实施方案",
    "一、总体要求",
    SAME,
    "到2020年,基本建立分级诊疗制度,群众满意度明显提高。",
    "本方案自印发之日起施行。",
    MOVED_A,
    "二、主要任务",
    "三、其他",
    "由市卫健委负责解释。",
]
B_TEXT = [
    "乙市实施方案",
    "一、总体要求",
    SAME,
    "到2025年,全面建立分级诊疗制度,群众满意度明显提高!",
    "各地要结合实际抓好落实。",
    "二、重点任务",
    MOVED_B,
    "三、保障措施",
    "加强组织领导。",
]


@pytest.fixture
def redline(tmp_path):
    path = tmp_path / "redline.docx"
    write_redline(synthetic_comparison(), path, author="审稿人", date=datetime(2024, 3, 5, 8, 30, tzinfo=UTC))
    return path


def test_accept_all_gives_b_and_reject_all_gives_a(redline):
    root = document_xml(redline)
    assert paragraph_texts(accept_all(root)) == B_TEXT
    assert paragraph_texts(reject_all(root)) == A_TEXT


def test_no_empty_paragraph_is_left_where_a_whole_paragraph_went(redline):
    root = document_xml(redline)
    for resolved in (accept_all(root), reject_all(root)):
        texts = paragraph_texts(resolved, keep_empty=True)
        # the only blanks: after the title and the final paragraph
        assert [i for i, t in enumerate(texts) if not t] == [1, len(texts) - 1]


def test_revisions_carry_unique_ids_author_and_date(redline):
    root = document_xml(redline)
    revisions = [e for tag in ("ins", "del") for e in root.iter(w(tag))]
    assert len(revisions) >= 12
    ids = [e.get(w("id")) for e in revisions]
    assert len(ids) == len(set(ids))
    assert {e.get(w("author")) for e in revisions} == {"审稿人"}
    assert {e.get(w("date")) for e in revisions} == {"2024-03-05T08:30:00Z"}


def test_deleted_text_is_deltext_and_changed_runs_keep_their_formatting(redline):
    root = document_xml(redline)
    for deletion in root.iter(w("del")):
        if deletion.getparent().tag == w("rPr"):
            continue  # a paragraph-mark deletion is empty
        assert deletion.findall(".//w:t", NS) == []
        assert deletion.findall(".//w:delText", NS)
    for change in [*root.iter(w("ins")), *root.iter(w("del"))]:
        for r in change.findall("w:r", NS):
            fonts = r.find("w:rPr/w:rFonts", NS)
            assert fonts is not None and fonts.get(w("eastAsia")) in ("仿宋_GB2312", "黑体", "方正小标宋简体")


def test_whole_paragraph_changes_track_the_paragraph_mark_first_in_its_rpr(redline):
    root = document_xml(redline)
    marks = [p.find("w:pPr/w:rPr", NS)[0] for p in root.iter(w("p")) if p.find("w:pPr/w:rPr", NS) is not None]
    tracked = [m for m in marks if m.tag in (w("ins"), w("del"))]
    # removed para, moved-away para, added para, arrived para, added heading + para, removed heading + para
    assert sorted(m.tag.split("}")[1] for m in tracked) == ["del"] * 4 + ["ins"] * 4


def test_headings_keep_their_level_faces_in_the_redline(redline):
    document = docx.Document(str(redline))
    body = document.element.body
    heading = next(p for p in body.iter(w("p")) if "".join(p.itertext()).startswith("一、总体要求"))
    assert heading.find(".//w:rFonts", NS).get(w("eastAsia")) == "黑体"


def test_a_move_is_a_deletion_and_an_insertion_joined_by_comments(redline):
    with zipfile.ZipFile(redline) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert "本段移至「二、重点任务」" in comments
    assert "本段自「一、总体要求」移来" in comments
    root = document_xml(redline)
    anchored = [p for p in root.iter(w("p")) if p.find("w:commentRangeStart", NS) is not None]
    assert len(anchored) == 2


def test_identical_sides_give_a_redline_without_revisions(tmp_path):
    same = SectionDiff("一、总体要求", "一、总体要求", None, 1.0, [ParagraphDiff("same", SAME, SAME)])
    path = write_redline(Comparison(1.0, [same], "题", "题"), tmp_path / "same.docx")
    root = document_xml(path)
    assert revision_count(root) == 0
    assert paragraph_texts(root) == ["题", "一、总体要求", SAME]


def test_track_changes_is_on_and_the_header_says_the_direction(redline):
    with zipfile.ZipFile(redline) as archive:
        settings = archive.read("word/settings.xml").decode("utf-8")
        headers = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/header")]
    assert "<w:trackRevisions/>" in settings
    assert any("修订稿：以《甲市实施方案》为原文，修订为《乙市实施方案》" in h for h in headers)


def test_author_is_what_the_command_line_says(tmp_path, seed_paths):
    from drafter.cli import main

    a, b = seed_paths[1], seed_paths[3]
    path = tmp_path / "r.docx"
    assert main(["diff", str(a), str(b), "--docx", str(path), "--author", "市卫生健康委 张三"]) == 0
    authors = {e.get(w("author")) for tag in ("ins", "del") for e in document_xml(path).iter(w(tag))}
    assert authors == {"市卫生健康委 张三"}


def test_a_moved_section_names_where_it_stood_not_itself(tmp_path, seed_paths):
    from drafter.compare import compare_documents, load_side

    doc = load_side(str(seed_paths[2]))  # 哈尔滨: (一)…(七) under 二、重点任务
    moved = load_side(str(seed_paths[2]))
    tasks = next(s for s in moved.sections if s.title == "重点任务")
    group = tasks.children.pop(4)  # (五)加快分级诊疗制度建设 goes under 三、组织保障
    next(s for s in moved.sections if s.title == "组织保障").children.insert(0, group)
    comparison = compare_documents(doc, moved)
    section = next(s for s in comparison.sections if s.moved)
    assert section.moved_from == "二、重点任务" and section.b_path == ["三、组织保障"]
    path = write_redline(comparison, tmp_path / "moved.docx")
    with zipfile.ZipFile(path) as archive:
        comments = archive.read("word/comments.xml").decode("utf-8")
    assert "本节自「二、重点任务」移来" in comments and "本节移至「三、组织保障」" in comments
    assert f"「{section.b}」移来" not in comments and f"移至「{section.b}」" not in comments
