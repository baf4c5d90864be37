"""The one punctuation normaliser: Chinese context gets full-width marks; numbers, Latin and URLs do not."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.text.punctuation import (
    apply_fixes,
    find_fixes,
    halfwidth_in_chinese,
    normalize_marker,
    normalize_punctuation,
)

ASCII_BETWEEN_CJK = re.compile(r"[\u4e00-\u9fff][,:;()?!][\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("精神,按照要求", "精神，按照要求"),
        ("主送:各县(市、区)人民政府", "主送：各县（市、区）人民政府"),
        ("附件:重点任务分工表", "附件：重点任务分工表"),
        ("(一)指导思想", "（一）指导思想"),
        ("(1)加强组织领导", "（1）加强组织领导"),
        ("坚持政府主导;强化保障", "坚持政府主导；强化保障"),
        ("是否落实?下一步", "是否落实？下一步"),
        ("坚持政府主导.强化保障", "坚持政府主导。强化保障"),
        ("坚持政府主导.", "坚持政府主导。"),
        ("基层就诊率达到65%.", "基层就诊率达到65%。"),
        ("印发《实施方案》.请遵照执行", "印发《实施方案》。请遵照执行"),
        ('提出"三医联动"改革', "提出“三医联动”改革"),
        ("等等...还有", "等等……还有"),
        ("改革--发展", "改革——发展"),
        ("加强，，落实", "加强，落实"),
        ("完成１２项", "完成12项"),
        ("哈政办发[2017]28号", "哈政办发〔2017〕28号"),
        ("晋政发〔2017]5号", "晋政发〔2017〕5号"),
        ("鲁政办字【2018】12号", "鲁政办字〔2018〕12号"),
        ("《关于印发《实施方案》的通知》", "《关于印发〈实施方案〉的通知》"),
        ("2024年03月05日", "2024年3月5日"),
        ("按照标准(GB/T 9704)执行", "按照标准（GB/T 9704）执行"),
    ],
)
def test_chinese_context_is_made_full_width(before, after):
    assert normalize_punctuation(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "增长1.5倍",
        "占比10%以上",
        "growth of 10%.",
        "2024-03-05",
        "共计1,000人",
        "上午8:30开会",
        "网址https://www.gov.cn/zhengce/a,b.html",
        "邮箱wsjk@example.gov.cn",
        "f(x) = a, b; c: d",
        "GB/T 9704-2012",
        "1.1 编制目的",
        "v2.0版",
        "……",
        "（一）指导思想",
        "2024年3月5日",
        "?。ㄉ虾J行l",  # mojibake keeps its shape for the garbled-span warning
    ],
)
def test_numbers_latin_urls_and_correct_text_are_untouched(text):
    assert normalize_punctuation(text) == text


def test_the_sentence_mark_after_a_url_is_still_chinese():
    assert normalize_punctuation("详见www.gov.cn,请查收") == "详见www.gov.cn，请查收"


def test_fixes_carry_their_place_rule_and_text():
    text = "精神,按照哈政办发[2017]28号"
    fixes = find_fixes(text)
    assert [(f.rule, text[f.start:f.end], f.new) for f in fixes] == [
        ("halfwidth", ",", "，"),
        ("wenhao", "[2017]", "〔2017〕"),
    ]
    assert apply_fixes(text, fixes) == normalize_punctuation(text)


def test_rules_can_be_chosen():
    text = "精神,按照2024年03月05日"
    assert normalize_punctuation(text, ("date_zero",)) == "精神,按照2024年3月5日"


def test_halfwidth_detector_finds_what_a_reviewer_circles():
    assert {f.old for f in halfwidth_in_chinese("精神,按照(一)要求.下一步")} == {",", "(", ")", "."}
    assert halfwidth_in_chinese("增长1.5倍 10% of GDP, a; b") == []


@pytest.mark.parametrize(
    ("marker", "proper"),
    [("一.", "一、"), ("四.、", "四、"), ("三,、", "三、"), ("(一)", "（一）"), ("（一）、", "（一）"),
     ("1、", "1."), ("１．", "1."), ("2 .", "2."), ("(1)", "（1）"), ("1)", "（1）"), ("1.1", "1.1"),
     ("第一章", "第一章")],
)
def test_markers_take_their_gbt9704_form(marker, proper):
    assert normalize_marker(marker) == proper


def test_every_seed_normalised_has_no_ascii_mark_between_chinese(seed_paths):
    from drafter.text.clean import clean
    from drafter.text.decode import read_text

    for path in seed_paths:
        text = normalize_punctuation(clean(read_text(path)).text)
        assert not ASCII_BETWEEN_CJK.findall(text), path.name
        assert normalize_punctuation(text) == text, path.name


_pieces = st.sampled_from(
    ["精神", "按照", "(", ")", ",", ".", ":", ";", "?", '"', "...", "--", "，，", "１２", "1.5", "10%",
     "[2017]", "28号", "政办发", "《", "》", "2024年03月05日", "https://a.cn/x,y", " ", "\n", "a", "8:30"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=30).map("".join))
def test_normalising_is_idempotent_and_fixes_apply_exactly(text):
    fixes = find_fixes(text)
    assert all(text[f.start:f.end] == f.old for f in fixes)
    assert all(a.end <= b.start for a, b in zip(fixes, fixes[1:]))
    apply_fixes(text, fixes)
    once = normalize_punctuation(text)
    assert normalize_punctuation(once) == once
    assert not ASCII_BETWEEN_CJK.findall(once)


def _unfiltered_fixes(text):
    """find_fixes as first written: every finder on every text, the URL mask always applied."""
    from drafter.text import punctuation as P

    protected = P._protected_mask(text)
    found = [f for _rule, finder in P._FINDERS for f in finder(text) if not any(protected[f.start:f.end])]
    return P._without_overlaps(found)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_pieces, st.sampled_from(["１", "Ａ", "ｚ", "《书》", "!", "…", "—"])), max_size=30).map("".join))
def test_skipping_finders_whose_marks_are_absent_changes_no_result(text):
    assert find_fixes(text) == _unfiltered_fixes(text)


def test_skipping_finders_changes_no_result_on_the_seeds(seed_paths):
    for path in seed_paths:
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            assert find_fixes(paragraph) == _unfiltered_fixes(paragraph), paragraph[:40]
