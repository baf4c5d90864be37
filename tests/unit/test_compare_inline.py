"""Inline diff of two paragraphs: jieba words with a character fallback, readable Chinese edits,
unimportant differences as `~`, and ops that always rebuild both texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.compare.inline import diff_texts, fold_confetti, rebuild
from drafter.text.normalize import NO_OPTIONS, canonical


def ops_json(a: str, b: str, **kw) -> list[list[str]]:
    return [op.to_json() for op in diff_texts(a, b, **kw)]


def test_inserted_word_inside_a_changed_token_shows_by_characters():
    # jieba cuts 医疗机构 / 医疗卫生+机构 differently; the user must see only 卫生 inserted
    assert ops_json("加强医疗机构建设", "加强医疗卫生机构建设") == [["=", "加强医疗"], ["+", "卫生"], ["=", "机构建设"]]


def test_rewritten_phrase_is_one_change_not_confetti():
    ops = ops_json("要加强和完善制度", "要健全和改进制度")
    assert ops == [["=", "要"], ["-", "加强和完善"], ["+", "健全和改进"], ["=", "制度"]]


def test_distant_edits_stay_apart():
    a = "市卫生计生委负责组织实施，市财政局负责经费保障。"
    b = "市卫生健康委负责组织实施，市财政局负责资金保障。"
    tags = [op[0] for op in ops_json(a, b)]
    assert tags.count("-") == 2 and tags.count("+") == 2  # two separate replacements
    assert ["=", "负责组织实施，市财政局负责"] in ops_json(a, b)


def test_character_granularity_keeps_single_character_equalities():
    word = ops_json("要加强和完善制度", "要健全和改进制度", granularity="word")
    char = ops_json("要加强和完善制度", "要健全和改进制度", granularity="char")
    assert ["=", "和"] in char and ["=", "和"] not in word


def test_unimportant_differences_are_marked_and_real_ones_are_not():
    ops = diff_texts("结合我市实际，2024年完成“三医”联动", "结合本市实际、二〇二四年完成「三医」联动")
    assert {op.tag for op in ops} == {"=", "~"}
    assert ["~", "我", "本"] in [op.to_json() for op in ops]
    mixed = diff_texts("结合我市实际，加强监管", "结合本市实际、强化监管")
    assert {op.tag for op in mixed} == {"=", "~", "-", "+"}


def test_with_no_unimportant_options_every_difference_is_real():
    ops = diff_texts("结合我市实际", "结合本市实际", options=NO_OPTIONS)
    assert [op.tag for op in ops if op.tag != "="] == ["-", "+"]


def test_whitespace_only_difference_rebuilds_exactly():
    a, b = "  坚持 政策联动。", "坚持政策联动。\u3000"
    ops = diff_texts(a, b)
    assert {op.tag for op in ops} == {"=", "~"}
    assert rebuild(ops, "a") == a and rebuild(ops, "b") == b


def test_fold_confetti_folds_one_character_but_not_a_word():
    diffs = [(-1, "加强"), (1, "健全"), (0, "和"), (-1, "完善"), (1, "改进")]
    assert fold_confetti(diffs) == [(-1, "加强和完善"), (1, "健全和改进")]
    kept = [(-1, "加强"), (1, "健全"), (0, "医疗"), (-1, "完善"), (1, "改进")]
    assert fold_confetti(kept) == kept


ALPHABET = "医疗卫生机构改革加强完善我本市省二〇一四2017年，、。“”「」〔〕[] \u3000（）()ＡA1１\n"
# without the characters of context rules (我市, 二〇二四年, 〔2017〕), where a `~` holds only in context
CONTEXT_FREE = "医疗卫生机构改革加强完善省2017，、。“”「」 \u3000（）()ＡA1１\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.text(alphabet=ALPHABET, max_size=40),
       st.sampled_from(["word", "char"]))
def test_ops_always_rebuild_both_texts(a, b, granularity):
    ops = diff_texts(a, b, granularity=granularity)
    assert rebuild(ops, "a") == a
    assert rebuild(ops, "b") == b
    for op in ops:
        assert op.a or op.b
        if op.tag == "=":
            assert op.a == op.b


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=CONTEXT_FREE, max_size=40), st.text(alphabet=CONTEXT_FREE, max_size=40))
def test_every_unimportant_op_is_equal_once_normalised(a, b):
    for op in diff_texts(a, b):
        if op.tag == "~":
            assert canonical(op.a) == canonical(op.b)
