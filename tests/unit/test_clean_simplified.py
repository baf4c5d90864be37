"""OpenCC is skipped only for text it would leave as it is: the gate read from OpenCC's own `t2s`
dictionaries lets through every character, every dictionary key (alone and in context) and every
scraped text that OpenCC would change."""

from __future__ import annotations

import opencc
import pytest
from clean_reference import DIRTY
from hypothesis import HealthCheck, given, settings

from drafter.text import clean_simplified as S

pytest.importorskip("marisa_trie")  # without it the gate is off: every text is converted (tested there)
T2S = opencc.OpenCC("t2s").convert
MANY = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_dictionaries_are_read_whole():
    entries = dict(S._dictionary_entries())
    assert entries["一坏"] == ["一坯"] and entries["後"] == ["后"]
    assert len(entries) > 5000
    chars, phrases = S.changing_keys(list(entries.items()))
    assert "後" in chars and "一坏" in phrases and "一" not in chars


def test_every_character_that_converts_passes_the_gate():
    gate = S._gate()
    every = [chr(i) for i in range(0x20, 0x110000) if not 0xD800 <= i < 0xE000]
    converted = T2S("\n".join(every)).split("\n")
    assert [c for c, out in zip(every, converted) if out != c and not gate.may_change(c)] == []


@pytest.mark.parametrize("context", ["{}", "中{}文", "a{}", "覆{}。"])
def test_every_dictionary_key_that_converts_passes_the_gate(context):
    gate = S._gate()
    texts = [context.format(key) for key, _ in S._dictionary_entries()]
    assert [t for t in texts if T2S(t) != t and not gate.may_change(t)] == []


@MANY
@given(DIRTY)
def test_to_simplified_is_opencc(text):
    assert S.to_simplified(text) == T2S(text)
