"""The change list (every change with its section path and kind), stepping through it (`第 3/66 处`),
the direction said everywhere (A = reference, B = draft), and where a draft's text came from."""

from __future__ import annotations

import json

import pytest

from drafter.cli import main
from drafter.compare import compare_documents, load_side
from drafter.compare.navigation import position, position_label, step
from drafter.compare.render_html import render_report
from drafter.compare.synthetic import edit_document
from drafter.compare.units import document_lines


@pytest.fixture(scope="module")
def seeds(seed_paths):
    return {path.name[:3]: load_side(str(path)) for path in seed_paths}


@pytest.fixture(scope="module")
def edited(seeds):
    known = edit_document(seeds["002"], seed=3, words=5, moves=2, punctuation=2)
    return known, compare_documents(seeds["002"], known.edited)


def test_every_change_is_listed_once_with_its_place(edited):
    known, comparison = edited
    changes = comparison.changes
    assert [c.index for c in changes] == list(range(len(changes)))
    listed = {(c.section, c.paragraph) for c in changes}
    for s, section in enumerate(comparison.sections):
        for k, para in enumerate(section.paragraphs):
            differs = para.status != "same" or any(op.tag == "~" for op in para.ops)
            assert ((s, k) in listed) == differs, (s, k, para.status)
    for change in changes:
        section = comparison.sections[change.section]
        assert change.path[-1] == (section.b or section.a)
        if change.paragraph is not None:
            para = section.paragraphs[change.paragraph]
            assert (change.a_pos, change.b_pos) == (para.a_pos, para.b_pos)
    kinds = [c.kind for c in changes]
    assert kinds.count("moved") == len(known.moved)
    assert kinds.count("format") == len(known.punctuated)
    assert all(c.minor == (c.kind == "format") for c in changes)


def test_moves_know_where_they_came_from(edited):
    _, comparison = edited
    for change in comparison.changes:
        if change.kind == "moved":
            para = comparison.sections[change.section].paragraphs[change.paragraph]
            assert change.a_path == [para.moved_from] and para.moved_from != change.path[-1]


def test_stepping_wraps_and_skips_minor_changes(edited):
    _, comparison = edited
    changes = comparison.changes
    major = [c.index for c in changes if not c.minor]
    assert step(changes, None, 1) == major[0] and step(changes, None, -1) == major[-1]
    assert step(changes, major[-1], 1) == major[0] and step(changes, major[0], -1) == major[-1]
    walked, at = [], None
    for _ in major:
        at = step(changes, at, 1)
        walked.append(at)
    assert walked == major
    assert position(changes, major[2]) == (3, len(major))
    assert position_label(changes, major[2]) == f"第 3/{len(major)} 处"
    assert position(changes, None) == (0, len(major))
    minor = next(c.index for c in changes if c.minor)
    assert step(changes, minor - 1, 1, include_minor=True) == minor


def test_json_lists_changes_and_says_the_direction(edited):
    _, comparison = edited
    data = comparison.to_json()
    assert data["direction"] == {"a": "reference", "b": "draft"}
    assert len(data["changes"]) == len(comparison.changes)
    assert {"index", "kind", "section", "paragraph", "path", "a_pos", "b_pos", "minor"} <= set(data["changes"][0])
    assert {"status", "a_path", "b_path"} <= set(data["sections"][0])


def test_html_report_names_both_sides_and_counts_changes(edited):
    _, comparison = edited
    html = render_report(comparison)
    assert "A（参照文本）" in html and "B（本稿）" in html
    major = len(comparison.major_changes())
    assert f'data-total="{major}"' in html and f"第 0/{major} 处" in html
    assert html.count(" data-change") == major


def test_terminal_numbers_the_changes(tmp_path, seeds, capsys):
    doc = seeds["003"]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n".join(document_lines(doc)), encoding="utf-8")
    b.write_text("\n".join(document_lines(edit_document(doc, seed=2, words=3, moves=0).edited)), encoding="utf-8")
    assert main(["diff", str(a), str(b), "--changes-only"]) == 0
    out = capsys.readouterr().out
    assert "A（参照文本）" in out and "B（本稿）" in out and "共 3 处修改" in out
    assert "删除线为 A 有 B 无" in out


DRAFT = """+++
region = "运城市"
title = "运城市深化医药卫生体制改革实施方案"
+++
运城市深化医药卫生体制改革实施方案
一、指导思想
<!-- 来源: id=zdsx-88942e | 地区=哈尔滨市 | 文件=哈尔滨市人民政府办公厅关于印发哈尔滨市城市公立医院综合改革实施方案的通知 | 文号=哈政办规〔2017〕28号 | 日期=2017-06-08 -->
全面贯彻党的十八大精神,把深化医药卫生体制改革作为保障和改善民生的重要举措,切实落实政府办医责任。
二、组织保障
加强组织领导,各县区政府要高度重视。
"""
REFERENCE = """运城市深化医药卫生体制改革实施方案
一、指导思想
全面贯彻党的二十大精神,坚持以人民健康为中心。
二、组织保障
加强组织领导,各县区政府要高度重视。
"""


def test_a_draft_text_from_a_library_variant_names_its_source(tmp_path):
    from drafter.export.table import change_rows

    draft, reference = tmp_path / "draft.md", tmp_path / "ref.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    reference.write_text(REFERENCE, encoding="utf-8")
    comparison = compare_documents(load_side(str(reference)), load_side(str(draft)))
    guiding = next(s for s in comparison.sections if s.b == "一、指导思想")
    assert guiding.source == "哈尔滨市方案（哈政办规〔2017〕28号）"
    notes = [row[3] for row in change_rows(comparison)]
    assert any(n.endswith("；参照哈尔滨市方案（哈政办规〔2017〕28号）") for n in notes)


def test_a_draft_given_as_a_gets_a_hint_about_the_direction(tmp_path, capsys):
    draft, reference = tmp_path / "draft.md", tmp_path / "ref.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    reference.write_text(REFERENCE, encoding="utf-8")
    assert main(["diff", str(draft), str(reference), "--json"]) == 0
    captured = capsys.readouterr()
    assert "A = 参照文本、B = 本稿" in captured.err
    assert json.loads(captured.out)["direction"]["b"] == "draft"
    assert main(["diff", str(reference), str(draft), "--json"]) == 0
    assert "A = 参照文本" not in capsys.readouterr().err
