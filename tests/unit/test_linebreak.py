"""Chinese line breaking (禁则) and cutting with an ellipsis: the core helper every wrapped view uses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from drafter.text.linebreak import CLOSING, OPENING, ellipsize, glue_items, line_ranges, pad, wrap

PLAN = ("以人民健康为中心，坚持保基本、强基层、建机制，破除以药补医机制。到2017年底，全市城市公立医院"
        "全部取消药品加成（不含中药饮片），群众就医负担明显减轻。按照《关于城市公立医院综合改革试点的指导"
        "意见》（国办发〔2015〕38号）要求：“三医联动”……")


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation():
    for width in range(10, 60):  # from 5 hanzi: narrower, 〔2015〕 alone fills a line
        lines = wrap(PLAN, width)
        assert "".join(lines) == PLAN  # nothing lost, nothing added
        assert all(cell_len(line) <= width for line in lines)
        assert not [line for line in lines[1:] if line[0] in CLOSING], width
        assert not [line for line in lines[:-1] if line[-1] in OPENING], width


def test_numbers_latin_words_and_ellipses_stay_whole():
    lines = wrap("截至2017年底完成，导出docx文件……后续", 10)
    assert any("2017" in line for line in lines) and any("docx" in line for line in lines)
    assert not any(line.endswith("…") and not line.endswith("……") for line in lines[:-1])


def test_a_run_of_closing_marks_moves_down_with_the_character_before():
    # width 5 cells: 研究。」 would start a line with 。」 — the break moves back before 究
    assert wrap("深入研究。」下一步", 8) == ["深入研", "究。」下", "一步"]


def test_spaces_at_a_break_belong_to_neither_line_and_paragraphs_are_kept():
    assert wrap("abc def ghi", 7) == ["abc def", "ghi"]
    assert wrap("第一段\n第二段", 20) == ["第一段", "第二段"]
    assert line_ranges("", 10) == [(0, 0)]


def test_a_unit_wider_than_the_line_is_cut_by_characters():
    url = "http://www.gov.cn/zhengce/content/2015-05/17/content_9776.htm"
    assert all(cell_len(line) <= 20 for line in wrap(url, 20))
    assert "".join(wrap(url, 20)) == url


def test_ellipsize_and_pad_count_double_width_cells():
    assert ellipsize("（一）坚持政府主导作用", 12) == "（一）坚持…"
    assert cell_len(ellipsize("哈尔滨市城市公立医院", 9)) <= 9
    assert ellipsize("短", 10) == "短"
    assert pad("哈尔滨市", 10) == "哈尔滨市  " and cell_len(pad("哈尔滨市城市公立医院", 10)) == 10


chinese = st.text(alphabet=st.sampled_from(list("深化医药卫生体制改革2017abc ，、。：；！？）》」』”’（《「『“‘…—")),
                  max_size=120)
# a cluster the rules can always keep together on a line of 10 cells: (opening) 1-3 hanzi (closing)
cluster = st.tuples(st.sampled_from(["", *"（《「“"]), st.text(alphabet="深化医药卫生体制改革", min_size=1, max_size=3),
                    st.sampled_from(["", *"，、。：）》」”"])).map("".join)


@settings(max_examples=300, deadline=None)
@given(chinese, st.integers(min_value=2, max_value=40))
def test_wrapping_any_text_keeps_it_and_the_width(text, width):
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line) <= max(width, 2) for line in lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(cluster, max_size=40).map("".join), st.integers(min_value=10, max_value=40))
def test_the_rules_hold_whenever_a_line_can_keep_them(text, width):
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert not [line for line in lines[1:] if line[0] in CLOSING]
    assert not [line for line in lines[:-1] if line[-1] in OPENING]


def test_a_key_hint_never_ends_a_line_between_the_key_and_its_word():
    hints = glue_items("d 公文 docx · r 修订稿 docx · h HTML 对照报告 · t 修改对照表 · p 选择参照 · o 更改文件夹")
    for width in (76, 40, 20):
        lines = [line.replace("\u00a0", " ") for line in wrap(hints, width)]
        items = [item.strip() for line in lines for item in line.split("·") if item.strip()]
        assert "o 更改文件夹" in items and "h HTML 对照报告" in items, (width, lines)
    assert wrap(glue_items("a 很长的一个说明文字 · b 短"), 6)  # wider than the line: cut, never lost
