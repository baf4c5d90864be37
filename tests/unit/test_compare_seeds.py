"""Comparisons of the seed plans against known edits of themselves, and of every pair of seeds."""

from __future__ import annotations

import itertools

import pytest

from drafter.compare import compare_documents, load_side
from drafter.compare.align import Pair, ordered_chain
from drafter.compare.synthetic import edit_document
from drafter.compare.units import document_lines


@pytest.fixture(scope="module")
def seeds(seed_paths):
    return {path.name[:3]: load_side(str(path)) for path in seed_paths}


def paragraphs(comparison):
    return [p for s in comparison.sections for p in s.paragraphs]


def test_moves_are_found_as_moves_and_nothing_else_is(seeds):
    truth = found = false_moves = 0
    for (name, doc), seed in itertools.product(seeds.items(), range(4)):
        known = edit_document(doc, seed=seed, words=4, moves=3, punctuation=2, renumber=seed % 2 == 0)
        comparison = compare_documents(doc, known.edited)
        moved = [p.b for p in paragraphs(comparison) if p.status == "moved"]
        truth += len(known.moved)
        found += len(set(known.moved) & set(moved))
        false_moves += len([m for m in moved if m not in known.moved])
        for p in paragraphs(comparison):  # a move is never shown as a removal plus an addition
            assert not (p.status == "added" and p.b in known.moved), (name, seed, p.b)
    assert truth >= 30
    assert found / truth >= 0.9
    assert false_moves == 0


def test_moved_paragraph_carries_its_inner_edits_and_origin(seeds):
    doc = seeds["002"]
    known = edit_document(doc, seed=3, words=0, moves=2, edit_moved=True)
    comparison = compare_documents(doc, known.edited)
    moved = [p for p in paragraphs(comparison) if p.status == "moved"]
    assert {p.b for p in moved} == set(known.moved)
    for p in moved:
        assert p.moved_from and p.moved_from != "None"
        assert "".join(op.a for op in p.ops) == p.a and "".join(op.b for op in p.ops) == p.b
    assert any(p.a != p.b and {"+", "-"} & {op.tag for op in p.ops} for p in moved)  # inner edits shown


def test_punctuation_only_edits_are_all_unimportant(seeds):
    for (name, doc), seed in itertools.product(seeds.items(), range(3)):
        known = edit_document(doc, seed=seed, words=0, moves=0, punctuation=6)
        by_b = {p.b: p for p in paragraphs(compare_documents(doc, known.edited))}
        assert known.punctuated
        for text in known.punctuated:
            para = by_b[text]
            assert para.status == "same", (name, seed, [op.to_json() for op in para.ops])
            assert "~" in {op.tag for op in para.ops}


def test_renumbering_alone_is_not_a_change(seeds):
    doc = seeds["002"]
    known = edit_document(doc, words=0, moves=0, renumber=True)
    assert known.renumbered >= 5
    comparison = compare_documents(doc, known.edited)
    assert all(s.a is not None and s.b is not None for s in comparison.sections)
    assert all(p.status == "same" for p in paragraphs(comparison))
    renumbered = [s for s in comparison.sections if s.a != s.b]
    assert len(renumbered) >= 5
    for section in renumbered:
        assert {op.tag for op in section.heading_ops} <= {"=", "~"}
        assert section.similarity == 1.0


def test_word_edits_show_as_changed_paragraphs_with_real_ops(seeds):
    doc = seeds["001"]
    known = edit_document(doc, seed=5, words=5, moves=0)
    by_b = {p.b: p for p in paragraphs(compare_documents(doc, known.edited))}
    for text in known.worded:
        assert by_b[text].status == "changed"
        assert {"+", "-"} & {op.tag for op in by_b[text].ops}


def test_every_pair_of_seeds_rebuilds_both_sides_exactly(seeds):
    for (_, a), (_, b) in itertools.product(seeds.items(), repeat=2):
        comparison = compare_documents(a, b)
        assert comparison.rebuild_lines("a") == document_lines(a)
        assert comparison.rebuild_lines("b") == document_lines(b)
        for p in paragraphs(comparison):
            assert "".join(op.a for op in p.ops) == (p.a or "")
            assert "".join(op.b for op in p.ops) == (p.b or "")


def test_edited_seeds_rebuild_both_sides_exactly(seeds):
    for name, doc in seeds.items():
        edited = edit_document(doc, seed=7, words=6, moves=3, punctuation=3, renumber=True).edited
        for a, b in ((doc, edited), (edited, doc)):
            comparison = compare_documents(a, b, granularity="char")
            assert comparison.rebuild_lines("a") == document_lines(a), name
            assert comparison.rebuild_lines("b") == document_lines(b), name


def test_unrelated_plans_show_whole_sections_added_and_removed(seeds):
    comparison = compare_documents(seeds["002"], seeds["004"])
    assert comparison.similarity < 0.3
    added = [s for s in comparison.sections if s.a is None]
    removed = [s for s in comparison.sections if s.b is None]
    assert added and removed
    assert all(p.status in ("added", "moved") for s in added for p in s.paragraphs)
    assert all(p.status == "removed" for s in removed for p in s.paragraphs)


def test_identical_documents_are_all_same(seeds):
    comparison = compare_documents(seeds["003"], seeds["003"])
    assert comparison.similarity == 1.0
    assert {p.status for p in paragraphs(comparison)} == {"same"}


def test_json_contract_shape(seeds):
    known = edit_document(seeds["002"], seed=1, words=3, moves=1)
    data = compare_documents(seeds["002"], known.edited).to_json()
    assert 0 <= data["similarity"] <= 1
    statuses = set()
    for section in data["sections"]:
        assert {"a", "b", "kind", "similarity", "paragraphs"} <= set(section)
        for para in section["paragraphs"]:
            statuses.add(para["status"])
            for op in para["ops"]:
                assert op[0] in "=-+~" and len(op) == (3 if op[0] == "~" else 2)
    assert {"same", "changed", "moved"} <= statuses


def test_ordered_chain_prefers_the_best_in_order_pairs():
    pairs = [Pair(0, 0, 0.9), Pair(1, 2, 0.8), Pair(2, 1, 0.95), Pair(3, 3, 0.7)]
    chain = ordered_chain(pairs)
    assert [(p.a, p.b) for p in chain] == [(0, 0), (2, 1), (3, 3)]  # 0.95 beats 0.8
