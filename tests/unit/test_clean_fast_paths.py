"""The cleaning steps that find their edits without a regex (for ingest speed) make exactly the
edits the regex they replace would make, on text built from the characters that matter to them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.text import clean_layout as L
from drafter.text.edits import regex_edits

PIECES = [" ", "\u3000", "\t", "\xa0", "\u2005", "\u200a", "\x0b", "\x0c", "\u202f", "\n", "\n\n", "\r", "\r\n",
          "\u2028", "\x85", "中", "a", "一、"]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)
_OUTER_BLANK = re.compile(r"\A\n+|\n+\Z")  # what trim_text matched before


def test_the_strip_characters_are_the_space_class():
    assert {c for c in map(chr, range(0x10000)) if re.fullmatch(L._SPACE, c)} == set(L._SPACE_CHARS)


@settings(max_examples=2000)
@given(TEXTS)
def test_strip_line_ends_edits_as_the_line_edge_regex(text):
    assert L.strip_line_ends(text) == regex_edits(L.EDGE_SPACE_RE, text, "")


@settings(max_examples=1000)
@given(TEXTS)
def test_trim_text_edits_as_the_outer_blank_regex(text):
    assert L.trim_text(text) == regex_edits(_OUTER_BLANK, text, "")


@settings(max_examples=1000)
@given(TEXTS)
def test_line_breaks_found_with_or_without_the_shortcut(text):
    assert L.normalise_line_breaks(text) == regex_edits(L.LINE_BREAK_RE, text, "\n")


# The steps that look only at the lines one search of the text points them to edit as they did when
# they looked at every line.
from drafter.text import clean_boilerplate as B  # noqa: E402
from drafter.text import clean_spam as S  # noqa: E402
from drafter.text.edits import lines_with_offsets  # noqa: E402

CHROME_PIECES = ["\n", " ", "\u3000", "。", "：", ":", ">", "作者", "来源", "发布时间", "浏览次数", "12", "您现在的位置",
                 "首页", "欢迎访问", "本网站", "打印", "关闭", "[打印]", "上一篇", "【文件】", "【", "】", "免责声明",
                 "下载文档前", "一、", "〔2020〕3号", "卫生健康", "体育", "投注", "bet365", "www.x.com", "彩票", "a"]  # fmt: skip
CHROME_TEXTS = st.lists(st.sampled_from(CHROME_PIECES), max_size=14).map("".join)


@settings(max_examples=3000)
@given(CHROME_TEXTS)
def test_boilerplate_edits_as_when_every_line_was_looked_at(text):
    every_line = [e for pos, line in lines_with_offsets(text) for e in B.line_edits(pos, line)]
    assert B.remove_boilerplate(text) == every_line


@settings(max_examples=3000)
@given(CHROME_TEXTS)
def test_spam_found_as_when_every_line_was_looked_at(text):
    edits, cuts = [], []
    for pos, line in lines_with_offsets(text):
        S.line_spam(pos, line, edits, cuts)
    assert S.find_spam(text) == (edits, cuts)


LAYOUT_PIECES = PIECES + ["•", "·", "● ", "-----", "-", "====", "=====", "——", "———", "─", "━━━", "═══",
                          "<br>", "<p>", "<", "1. ", "*****", "~~~~~"]  # fmt: skip
LAYOUT_TEXTS = st.lists(st.sampled_from(LAYOUT_PIECES), max_size=16).map("".join)


@settings(max_examples=2000)
@given(LAYOUT_TEXTS)
def test_the_skipped_steps_would_have_found_nothing(text):
    from drafter.text import clean_html as H

    assert L.remove_bullets(text) == regex_edits(L.BULLET_RE, text, "", "bullet")
    assert L.split_separators(text) == regex_edits(L.SEPARATOR_RE, text, "\n", "separator")
    assert L.collapse_spaces(text) == regex_edits(L.INNER_SPACE_RE, text, " ")
    assert H.remove_junk_lines(text) == regex_edits(H.JUNK_LINE_RE, text, "", "html")
