"""Whole-word edits: a place, a unit or a policy term is replaced whole; headings diff by word.

The oracle for places is the gazetteer's own spotting (drafter.library.gazetteer), for units the
responsible units the task parser reads out of the seeds (drafter.corpus.tasks): neither is the
compare layer's own matcher.
"""

from __future__ import annotations

import itertools

import pytest

from drafter.compare import compare_documents, load_side
from drafter.compare.inline import diff_texts
from drafter.library.gazetteer import gazetteer
from drafter.model import Document, Section


@pytest.fixture(scope="module")
def seeds(seed_paths):
    return {path.name[:3]: load_side(str(path)) for path in seed_paths}


@pytest.fixture(scope="module")
def unit_names(seeds):
    names = set()
    for doc in seeds.values():
        for task in doc.tasks():
            for unit in [*(task.lead or "").split("、"), *task.partners]:
                unit = unit.strip()
                if 4 <= len(unit) <= 14 and unit.endswith(("委", "局", "办", "厅", "委员会")):
                    names.add(unit)
    return sorted(names, key=len, reverse=True)


def cuts(ops, side: str) -> set[int]:
    """Offsets inside one side's text where one op ends and the next begins."""
    out, at = set(), 0
    for op in ops[:-1]:
        at += len(op.a if side == "a" else op.b)
        out.add(at)
    return out


def protected(text: str, unit_names: list[str]) -> list[tuple[int, int, str]]:
    spans = [(s, e, name) for s, e, name in gazetteer().spot(text)]
    for name in unit_names:
        start = text.find(name)
        while start != -1:
            spans.append((start, start + len(name), name))
            start = text.find(name, start + 1)
    return spans


def broken_names(ops, text_a: str, text_b: str, unit_names: list[str]) -> list[str]:
    bad = []
    for side, text in (("a", text_a), ("b", text_b)):
        at = cuts(ops, side)
        bad += [f"{side}:{name}" for s, e, name in protected(text, unit_names) if any(s < c < e for c in at)]
    return bad


def test_no_cut_inside_a_place_or_unit_name_for_every_pair_of_seeds(seeds, unit_names):
    assert len(unit_names) >= 20 and "市卫生健康委" in unit_names
    checked = 0
    for (na, a), (nb, b) in itertools.product(seeds.items(), repeat=2):
        comparison = compare_documents(a, b)
        pieces = [(comparison.title_ops, comparison.a_title or "", comparison.b_title or "")]
        for section in comparison.sections:
            pieces.append((section.heading_ops, "".join(o.a for o in section.heading_ops),
                           "".join(o.b for o in section.heading_ops)))
            pieces += [(p.ops, p.a or "", p.b or "") for p in section.paragraphs if p.a and p.b]
            # a rewrite shows no inline ops; diff it anyway: two different texts cut in many places
            pieces += [(diff_texts(p.a, p.b), p.a, p.b) for p in section.paragraphs if p.status == "related"]
        for ops, text_a, text_b in pieces:
            if any(op.tag in "+-" for op in ops) and any(op.tag == "=" for op in ops):
                checked += 1
                assert not broken_names(ops, text_a, text_b, unit_names), (na, nb, [o.to_json() for o in ops])
    assert checked > 300


def test_a_replaced_place_is_replaced_whole():
    ops = diff_texts("哈尔滨市卫生健康委负责组织实施", "聊城市卫生健康委负责组织实施")
    assert [op.to_json() for op in ops] == [["-", "哈尔滨市"], ["+", "聊城市"], ["=", "卫生健康委负责组织实施"]]
    # 哈尔滨市 and 市医疗保障局 share their 市: 哈尔滨 alone is not a cut the reader should see
    ops = diff_texts("由哈尔滨市医疗保障局牵头", "由市医疗保障局牵头")
    assert not any(1 < c < 5 for c in cuts(ops, "a"))
    assert ops[-1].to_json() == ["=", "牵头"]


def test_a_replaced_unit_is_replaced_whole():
    ops = diff_texts("(牵头单位:市卫生计生委;配合单位:市财政局)", "(牵头单位:市卫生健康委;配合单位:市财政局)")
    assert ["-", "市卫生计生委"] in [op.to_json() for op in ops]
    assert ["+", "市卫生健康委"] in [op.to_json() for op in ops]


def test_heading_reads_as_two_word_edits_and_the_renumbering():
    a = Document(title="甲", sections=[Section("(三)", "加快建立现代医院管理制度", 2, "重点任务", "推进改革。")])
    b = Document(title="甲", sections=[Section("(一)", "健全现代医院管理制度", 2, "重点任务", "推进改革。")])
    section = next(s for s in compare_documents(a, b).sections if s.a)
    assert [op.to_json() for op in section.heading_ops] == [
        ["~", "(三)", "(一)"], ["-", "加快建立"], ["+", "健全"], ["=", "现代医院管理制度"]]


def test_titles_diff_by_word_not_by_character(seeds):
    comparison = compare_documents(seeds["002"], seeds["004"])
    ops = comparison.title_ops
    assert "".join(o.a for o in ops) == comparison.a_title and "".join(o.b for o in ops) == comparison.b_title
    assert ["-", "哈尔滨市"] in [o.to_json() for o in ops] or ops[0].a.startswith("哈尔滨市")
    assert len(ops) <= 4  # whole phrases, not 哈尔|滨|…
    assert all(len(op.a or op.b) >= 2 for op in ops)


def test_a_shorter_form_of_a_policy_term_shows_what_was_added():
    assert [op.to_json() for op in diff_texts("推进分级诊疗", "推进分级诊疗制度建设")][-1][0] == "+"
    ops = diff_texts("推进分级诊疗", "推进分级诊疗制度建设")
    assert ops[0].tag == "=" and ops[0].a.startswith("推进分级诊疗")
