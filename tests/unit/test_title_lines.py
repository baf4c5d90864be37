"""2号 titles broken as GB/T 9704 §7.3.1 asks: between words (jieba's), each line within the 20
characters a 156 mm line holds, in a 梯形 or 菱形, never a 沙漏; the author's own breaks kept."""

from __future__ import annotations

import itertools

import pytest

from drafter.export.title_lines import title_lines
from drafter.reader import read_plans
from drafter.text.tokens import tokenize

TITLES = [
    "运城市人民政府办公室关于印发运城市深化医药卫生体制改革实施方案的通知",
    "哈尔滨市人民政府办公厅关于印发哈尔滨市城市公立医院综合改革实施方案的通知",
    "武威市凉州区人民政府办公室关于印发《凉州区区域综合医改试点工作实施方案》的通知",
    "海南州人民政府办公室关于印发全州进一步深化综合医改若干重点改革工作实施方案的通知",
    "关于对《聊城市进一步完善医疗卫生服务体系的实施方案(征求意见稿)》征求意见的公告",
    "汉中市人民政府办公室关于加快推进深化医药卫生体制改革重点工作任务的通知",
]


def word_bounds(title: str) -> set[int]:
    return set(itertools.accumulate(len(t) for t in tokenize(title)))


def shape_ok(lengths: list[int]) -> bool:
    """梯形 (monotonic) or 菱形 (rises then falls); a middle line shorter than both ends is a 沙漏."""
    return not any(b < a and b < c for a, b, c in zip(lengths, lengths[1:], lengths[2:], strict=False))


@pytest.mark.parametrize("title", TITLES)
def test_breaks_fall_between_words_and_lines_fit(title):
    lines = title_lines(title)
    assert "".join(lines) == title and len(lines) >= 2
    assert all(len(line) <= 20 for line in lines)
    bounds = word_bounds(title)
    for cut in itertools.accumulate(len(line) for line in lines[:-1]):
        assert cut in bounds, f"{title}: a break inside a word at {title[cut - 2 : cut + 2]}"
    assert shape_ok([len(line) for line in lines]), lines


def test_issuer_and_the_issued_plan_stay_whole_where_they_fit():
    assert title_lines(TITLES[0]) == ["运城市人民政府办公室关于印发", "运城市深化医药卫生体制改革实施方案的通知"]


def test_seed_002_title_no_longer_breaks_inside_a_place_name(seed_paths):
    doc = max(read_plans(seed_paths[2]), key=lambda d: len(d.headings()))
    for line in title_lines(doc.title):
        assert not line.startswith("市") and not line.endswith("哈尔滨")  # 哈尔滨/市 or 城/市 split


def test_short_titles_and_the_authors_breaks_are_kept():
    assert title_lines("运城市深化医药卫生体制改革实施方案") == ["运城市深化医药卫生体制改革实施方案"]
    assert title_lines("关于因地制宜推广福建三明经验 深化上海市医药卫生体制改革的工作方案") == [
        "关于因地制宜推广福建三明经验", "深化上海市医药卫生体制改革的工作方案"]  # fmt: skip
    assert title_lines("第一行\n第二行") == ["第一行", "第二行"]
