"""Unimportant-difference normalisation: each kind vanishes in the canonical form, and only when its
option is on; the way back to the original text is exact."""

from __future__ import annotations

import pytest

from drafter.errors import DrafterError
from drafter.text.normalize import DEFAULT_OPTIONS, NO_OPTIONS, UnimportantOptions, canonical, normalize

PAIRS = [
    ("width", "（一）ＡＢＣ１２３", "(一)ABC123"),
    ("punctuation", "医疗、医保、医药", "医疗，医保，医药"),
    ("punctuation", "“三医”联动", "「三医」联动"),
    ("brackets", "哈政办规〔2017〕28号", "哈政办规[2017]28号"),
    ("whitespace", "坚持 政策\u3000联动", "坚持政策联动"),
    ("numerals", "二〇二四年底前", "2024年底前"),
    ("self_reference", "结合我市实际", "结合本市实际"),
]


@pytest.mark.parametrize("option, a, b", PAIRS)
def test_each_unimportant_kind_vanishes_only_when_its_option_is_on(option, a, b):
    assert canonical(a, DEFAULT_OPTIONS) == canonical(b, DEFAULT_OPTIONS)
    only_this = UnimportantOptions.parse(option)
    assert canonical(a, only_this) == canonical(b, only_this)
    assert canonical(a, NO_OPTIONS) != canonical(b, NO_OPTIONS)


def test_real_differences_survive():
    assert canonical("加强组织领导") != canonical("强化组织领导")
    assert canonical("2017年") != canonical("2018年")
    assert canonical("我们要") == "我们要"  # 我 is 本 only before 市/省/区/县/州
    assert canonical("[注]") == "[注]"  # brackets change only around a 文号 year


def test_origin_maps_every_canonical_character_back():
    text = "  结合我市 实际，二〇二四年\u3000完成  "
    n = normalize(text)
    assert " " not in n.text and "\u3000" not in n.text
    for k, ch in enumerate(n.text):
        original = text[n.origin[k]]
        assert ch == original or (original, ch) in {("我", "本"), ("，", ","), ("二", "2"), ("〇", "0"), ("四", "4")}
    assert list(n.origin) == sorted(n.origin)


def test_option_parsing_for_the_cli():
    assert UnimportantOptions.parse("all") == DEFAULT_OPTIONS
    assert UnimportantOptions.parse("none") == NO_OPTIONS
    assert UnimportantOptions.parse("width, numerals") == UnimportantOptions(
        width=True, punctuation=False, brackets=False, whitespace=False, numerals=True, self_reference=False
    )
    with pytest.raises(DrafterError, match="unknown unimportant-difference option"):
        UnimportantOptions.parse("width,colour")
