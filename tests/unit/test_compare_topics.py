"""Topic alignment: similarity that survives rewording, the reusable index, and section pairing on
a corpus of rewritten plans whose true pairing is known (tests/unit/rewritten_plans.py)."""

from __future__ import annotations

import itertools

import pytest
from rewritten_plans import filler_sentences, levels, predicted_pairs, reparsed, rewrite

from drafter.compare import compare_documents, load_side
from drafter.compare.topics import (
    TopicIndex,
    background_from_documents,
    default_background,
    topic_similarity,
)
from drafter.compare.units import document_lines


@pytest.fixture(scope="module")
def seeds(seed_paths):
    return {path.name[:3]: path for path in seed_paths}


@pytest.fixture(scope="module")
def plans(seeds):
    """Seed plans with real structure: whole files, and single documents of the collections."""
    out = {name: load_side(str(seeds[name]), doc=1) for name in ("001", "002", "003", "004")}
    for n in (1, 2, 3, 6):
        out[f"000#{n}"] = load_side(str(seeds["000"]), doc=n)
    return out


def section_text(doc, words):  # noqa: ANN001
    section = next(s for s in doc.walk() if words in s.title)
    return section.title + "\n" + "\n".join(p for s in section.walk() for p in s.paragraphs)


def test_same_topic_in_two_cities_scores_above_other_topics(plans):
    harbin, liaocheng = plans["002"], plans["004"]
    family_doctors = section_text(liaocheng, "做实家庭医生签约服务")
    same = topic_similarity(section_text(harbin, "推进家庭医生签约服务"), family_doctors)
    others = [topic_similarity(section_text(harbin, words), family_doctors)
              for words in ("理顺政府办医体制", "发挥中医药服务优势", "完善异地就医结算机制")]
    assert same > 0.4
    assert same > 2 * max(others)
    assert topic_similarity(family_doctors, family_doctors) == pytest.approx(1.0)
    assert topic_similarity("", family_doctors) == 0.0


def test_index_ranks_passages_by_topic_with_shared_terms(plans):
    paragraphs = [p for s in plans["002"].walk() for p in s.paragraphs if len(p) > 40]
    index = TopicIndex(paragraphs)
    query = section_text(plans["004"], "完善中医药服务体系")
    hits = index.query(query, limit=5)
    assert len(hits) == 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(0 < h.score <= 1 for h in hits)
    assert "中医" in hits[0].item and hits[0].item == paragraphs[hits[0].index]
    assert any("中医" in term for term in hits[0].shared_terms)
    assert index.query("", limit=5) == []


def test_background_is_cached_keyed_by_the_bundled_files(isolated_home):
    default_background.cache_clear()
    first = default_background()
    files = list((isolated_home / "cache" / "compare").glob("background-*.json"))
    assert len(files) == 1
    default_background.cache_clear()
    again = default_background()  # read back from the file
    assert (again.n, again.df) == (first.n, first.df)
    assert first.n > 200 and first.df["分级诊疗"] > 1


def test_background_from_any_documents_counts_sections(plans):
    background = background_from_documents([plans["002"], plans["004"]])
    assert background.n > 50
    assert background.idf("家庭医生签约服务") > background.idf("公立医院")


MODES = {"light": {}, "heavy": {"heavy": True}, "rewritten": {"rewritten": True}}


@pytest.mark.parametrize("mode", MODES)
def test_section_pairing_of_rewritten_plans(plans, mode):
    filler = filler_sentences(plans["000#1"]) + filler_sentences(plans["003"])
    found = wrong = missed = 0
    flattened = nested = 0
    for (name, doc), seed in itertools.product(plans.items(), range(3)):
        rewritten = reparsed(rewrite(doc, seed=seed, filler=filler, **MODES[mode]))
        comparison = compare_documents(doc, rewritten.document)
        level = levels(doc)
        truth = {p for p in rewritten.truth if level[p[0]] <= 3}
        predicted = {p for p in predicted_pairs(comparison, doc, rewritten.document) if level[p[0]] <= 3}
        found += len(truth & predicted)
        wrong += len(predicted - truth)
        missed += len(truth - predicted)
        flattened += rewritten.flattened
        nested += rewritten.nested
        assert comparison.rebuild_lines("a") == document_lines(doc), (name, seed)
        assert comparison.rebuild_lines("b") == document_lines(rewritten.document), (name, seed)
    assert found > 400 and flattened >= 6 and nested >= 1
    assert found / (found + missed) >= 0.9, (found, missed)
    assert found / (found + wrong) >= 0.9, (found, wrong)


def test_a_flattened_umbrella_groups_the_sections_its_children_became(plans):
    doc = plans["002"]
    rewritten = reparsed(rewrite(doc, seed=0))
    assert rewritten.flattened
    comparison = compare_documents(doc, rewritten.document)
    umbrella = next(s for s in comparison.sections if s.a == "一、总体要求")
    assert umbrella.b is None and umbrella.relation == "umbrella"
    assert len(umbrella.group) >= 3 and all(h.startswith(("一、", "二、", "三、", "四、")) for h in umbrella.group)
    assert any(c.kind == "umbrella" for c in comparison.changes)


def test_two_cities_plans_pair_by_topic(plans):
    """Harbin's and Liaocheng's plans share no sentences but many topics (read in the report)."""
    comparison = compare_documents(plans["002"], plans["004"])
    pairs = {(s.a, s.b): s for s in comparison.sections if s.a and s.b}
    family = pairs[("18.推进家庭医生签约服务", "(三)做实家庭医生签约服务")]
    assert family.status == "related" and "家庭医生签约服务" in family.shared_terms
    assert ("23.发挥中医药服务优势", "(五)完善中医药服务体系") in pairs
    assert ("4.落实政府投入责任", "(二)完善政府投入机制") in pairs
    related = [p for s in comparison.sections for p in s.paragraphs if p.status == "related"]
    assert len(related) >= 8
    for para in related:  # no inline ops for a rewrite: one deletion, one insertion, shared terms
        assert [op.tag for op in para.ops] == ["-", "+"] and para.shared_terms
    merged = [s for s in comparison.sections if s.relation == "merged"]
    assert any(s.a == "15.推进薪酬制度改革" or s.a == "25.全面开展便民惠民服务" for s in merged)
    data = comparison.to_json()
    assert "related" in {p["status"] for s in data["sections"] for p in s["paragraphs"]}
    assert "related" in {s["status"] for s in data["sections"]}


def test_without_topics_only_near_copies_pair(plans):
    with_topics = compare_documents(plans["002"], plans["004"])
    without = compare_documents(plans["002"], plans["004"], topics=False)
    def paired(c):  # noqa: ANN001, ANN202
        return sum(1 for s in c.sections if s.a and s.b)
    assert paired(without) < paired(with_topics) / 2
    assert "related" not in {p.status for s in without.sections for p in s.paragraphs}
