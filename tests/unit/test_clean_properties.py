"""Properties of cleaning: it never crashes, a second pass changes nothing, positions are right."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.text.clean import clean

# Pieces of real dirt, mixed with arbitrary text, to reach the interesting interactions.
DIRT = [
    "<p>", "</p>", "<br/>", '<span id="h4sia">', "</span>", "<script>x</script>", "<!-- c -->",
    "&nbsp;", "&amp;", "&lt;", "&gt;", "&#20013;", "&amp;lt;b&amp;gt;",
    "(yī)", "（zhōng）", "醫", "衛生", "體制",
    "365bet", "体育", "投注", "在线", "_", "www.x365.com", "彩票",
    "· ", "• ", "-----", "======", "\u3000", "\xa0", "\u200b", "\r\n", "\n", "\n\n\n", " ",
    "??", "\ufffd", "ㄉ", "?。",
    "您现在所在位置:", "当前位置:", "【文件】", "作者:", "更新时间:", "下载文档前",
    "一、", "(一)", "1.", "正文:", "文章属性•【制定机关】", "。", "市",
]
dirty_text = st.lists(st.one_of(st.sampled_from(DIRT), st.text(max_size=8)), max_size=40).map("".join)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.text())
def test_clean_never_crashes_on_arbitrary_text(raw):
    cleaned = clean(raw)
    assert isinstance(cleaned.text, str)


@PROPERTY
@given(dirty_text)
def test_clean_is_idempotent(raw):
    once = clean(raw)
    twice = clean(once.text)
    assert twice.text == once.text
    assert twice.removed == []


@PROPERTY
@given(st.one_of(st.text(), dirty_text))
def test_positions_fall_inside_the_cleaned_text_and_warnings_point_at_their_text(raw):
    cleaned = clean(raw)
    for change in cleaned.removed + cleaned.warnings:
        assert 0 <= change.at <= len(cleaned.text)
    for w in cleaned.warnings:
        assert cleaned.text[w.at : w.at + len(w.text)] == w.text
    assert cleaned.removed == sorted(cleaned.removed, key=lambda c: c.at)


# Kept text and junk alternate, each junk piece after at least one kept character: putting every
# removed piece back at its reported offset must give back the input exactly.
KEPT = st.text(alphabet="医疗卫生改革服务机构推进完善加强管理。", min_size=1, max_size=6)
JUNK = st.sampled_from(["<b>", "</b>", '<span id="a">', "(yī)", "(zhōng)(guó)", "\u200b"])


@PROPERTY
@given(st.lists(st.tuples(KEPT, JUNK), min_size=1, max_size=12), KEPT)
def test_reinserting_removals_at_their_offsets_restores_the_input(pairs, tail):
    raw = "".join(k + j for k, j in pairs) + tail
    cleaned = clean(raw)
    restored = cleaned.text
    for change in reversed(cleaned.removed):
        restored = restored[: change.at] + change.text + restored[change.at :]
    assert restored == raw
