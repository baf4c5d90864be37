"""Outlining never crashes, whatever the text, and every heading it finds is in the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.reader import parse_plans

PIECES = st.sampled_from(
    ["一、", "二、", "(一)", "（二）", "1.", "2、", "(1)", "1.1 ", "。", "\n", ",", "指导思想", "重点任务",
     "关于印发", "实施方案的通知", "2017年", "〔2017〕", "号", "(市卫计委负责)", "牵头部门:", "某市", " "]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_outline_never_crashes_and_headings_come_from_the_text(text):
    for doc in parse_plans(text):
        for section in doc.walk():
            assert 1 <= section.level <= 4
            assert section.title in text
        doc.outline_json()
