"""Loading sides (files, corpus ids, names), `drafter diff` outputs and `drafter rank`."""

from __future__ import annotations

import json

import pytest

from drafter.cli import main
from drafter.compare import compare_documents, load_side
from drafter.compare.rank import rank_against_corpus
from drafter.compare.synthetic import edit_document
from drafter.compare.units import document_lines
from drafter.store import Store
from drafter.errors import Ambiguous, DrafterError, NotFound
from drafter.reader import read_plans


@pytest.fixture
def seed(seed_paths):
    return {p.name[:3]: p for p in seed_paths}


@pytest.fixture
def store(seed):
    with Store(":memory:") as s:
        s.add_documents(read_plans(seed["002"]) + read_plans(seed["003"]) + read_plans(seed["001"]))
        yield s


def write_plan(tmp_path, name, doc):
    path = tmp_path / name
    path.write_text("\n".join(document_lines(doc)), encoding="utf-8")
    return path


def test_a_file_with_several_documents_is_whole_unless_doc_picks_one(seed):
    whole = load_side(str(seed["004"]))
    second = load_side(str(seed["004"]), doc=2)
    parts = read_plans(seed["004"])
    assert len(parts) == 2
    assert len(document_lines(whole)) > len(document_lines(second))
    assert document_lines(second) == document_lines(parts[1])
    with pytest.raises(NotFound, match="no document 3"):
        load_side(str(seed["004"]), doc=3)


def test_corpus_sides_by_id_and_by_name(store):
    by_name = load_side("哈尔滨", store)
    assert by_name.region == "哈尔滨市"
    doc_id = store.resolve("哈尔滨")
    assert document_lines(load_side(str(doc_id), store)) == document_lines(by_name)
    with pytest.raises(NotFound):
        load_side("火星市", store)
    with pytest.raises(Ambiguous) as err:
        load_side("市", store)
    assert len(err.value.candidates) >= 2


def test_bad_sides_fail_with_one_clear_line(tmp_path):
    with pytest.raises(NotFound, match="missing.txt: no such file"):
        load_side(str(tmp_path / "missing.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    with pytest.raises(DrafterError, match="empty"):
        load_side(str(empty))


def test_diff_json_rebuilds_both_files(tmp_path, seed, capsys):
    doc = load_side(str(seed["002"]))
    a = write_plan(tmp_path, "a.txt", doc)
    b = write_plan(tmp_path, "b.txt", edit_document(doc, seed=4, words=3, moves=1, punctuation=2).edited)
    assert main(["diff", str(a), str(b), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert 0.8 < data["similarity"] < 1
    statuses = {p["status"] for s in data["sections"] for p in s["paragraphs"]}
    assert {"changed", "moved", "same"} <= statuses
    for section in data["sections"]:
        for para in section["paragraphs"]:
            a_text = "".join(op[1] for op in para["ops"] if op[0] in "=-~")
            b_text = "".join(op[2] if op[0] == "~" else op[1] for op in para["ops"] if op[0] in "=+~")
            assert a_text == (para["a"] or "") and b_text == (para["b"] or "")


def test_diff_terminal_shows_sections_with_similarity(tmp_path, seed, capsys):
    doc = load_side(str(seed["003"]))
    a = write_plan(tmp_path, "a.txt", doc)
    b = write_plan(tmp_path, "b.txt", edit_document(doc, seed=2, words=2, moves=0).edited)
    assert main(["diff", str(a), str(b), "--changes-only"]) == 0
    out = capsys.readouterr().out
    assert "相似度" in out and "%" in out and "≠" in out
    assert "A（参照文本）" in out and "B（本稿）" in out


def test_diff_html_report_is_self_contained_with_navigation(tmp_path, seed):
    doc = load_side(str(seed["001"]))
    a = write_plan(tmp_path, "a.txt", doc)
    b = write_plan(tmp_path, "b.txt", edit_document(doc, seed=3, words=3, moves=1, punctuation=1).edited)
    report = tmp_path / "report.html"
    assert main(["diff", str(a), str(b), "--html", str(report), "--no-open"]) == 0
    html = report.read_text(encoding="utf-8")
    assert html.count("data-change") >= 4
    assert "<del>" in html and "<ins>" in html and 'class="u"' in html
    assert 'id="next"' in html and "<script>" in html and "<link" not in html


def test_diff_errors_exit_2_with_one_line(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("一、总体要求\n坚持政策联动。\n", encoding="utf-8")
    assert main(["diff", str(tmp_path / "nope.txt"), str(good)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("drafter: ") and "nope.txt" in err and "\n" not in err
    assert main(["diff", str(good), str(good), "--unimportant", "colour"]) == 2
    assert "unknown unimportant-difference option" in capsys.readouterr().err


def test_rank_finds_the_source_plan_and_its_reused_paragraphs(store, seed):
    doc = load_side(str(seed["002"]))
    draft = edit_document(doc, seed=6, words=8, moves=2).edited
    draft.source = "draft.md"
    ranking = rank_against_corpus(draft, store, limit=2)
    assert len(ranking.plans) == 2
    top = ranking.plans[0]
    assert top.region == "哈尔滨市" and top.year == "2017" and top.similarity > 0.9
    assert ranking.plans[1].similarity < 0.3
    assert len(ranking.reused) >= 30
    assert all(hit.region == "哈尔滨市" for r in ranking.reused for hit in r.found_in)
    data = ranking.to_json()
    assert data["plans"][0]["id"] == top.id and data["reused"][0]["found_in"][0]["year"] == "2017"


def test_comparison_of_loaded_sides_matches_direct_comparison(store, seed):
    a, b = load_side("哈尔滨", store), load_side(str(seed["003"]))
    assert compare_documents(a, b).to_json() == compare_documents(a, b).to_json()
