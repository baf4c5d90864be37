"""Properties of cleaning: it never crashes, a second pass changes nothing, positions are right.

The `drafter clean --json` contract is checked on seeds mutated with the characters scrapes carry
(zero-width and bidi characters, RTL marks, combining marks, emoji, mixed scripts) and the dirt that
cleaning removes. `PROPERTY_EXAMPLES` sets how many examples each test runs (CI: thousands in all).
The examples are the same every run unless `PROPERTY_RANDOM=1` (tests/conftest.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from clean_contract import contract_breaches, idempotence_breaches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.reader import parse_plans
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
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "400"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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



# -- hostile characters, and seeds mutated with them ------------------------------------------------
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
        "\u2068", "\u2069", "\u061c"]  # fmt: skip
COMBINING = ["\u0301", "\u0304", "\u030c", "\u0300", "\u0308", "\u20dd", "\u0323", "\u0361"]
EMOJI = ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🇨🇳", "1\ufe0f\u20e3", "❤\ufe0f", "\ufe0f", "🏥"]
MIXED_SCRIPTS = ["а", "ο", "ع", "한", "カ", "Ａ", "ｶ", "א", "ß", "ǎ", "Ⅳ", "①", "ㄉ", "𠀀"]
HOSTILE = ZERO_WIDTH + BIDI + COMBINING + EMOJI + MIXED_SCRIPTS
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "data" / "seeds").glob("*.txt"))]
MARKUP = ["<b>", "<p>", "</span>", "<br/>", "&nbsp;", "&amp;lt;", "&#20013;", "(yī)", "(zhōng)", "（guó）", "<!-- c -->"]


@st.composite
def split_markup(draw) -> str:
    """A tag, entity or pinyin annotation with something inside it that cleaning removes (a zero-width
    or bidi character, another tag, another annotation): once that goes, the markup re-forms."""
    token = draw(st.sampled_from(MARKUP))
    at = draw(st.integers(1, len(token) - 1))
    inside = draw(st.sampled_from(ZERO_WIDTH + BIDI + MARKUP + ["\x01", "\x7f"]))
    return "醫" + token[:at] + inside + token[at:]


piece = st.one_of(split_markup(), st.lists(st.sampled_from(HOSTILE + DIRT), min_size=1, max_size=4).map("".join))


@st.composite
def mutated_seed(draw) -> str:
    """A window of a seed (up to 700 characters) with hostile pieces inserted and characters deleted."""
    seed = draw(st.sampled_from(SEEDS))
    start = draw(st.integers(0, len(seed) - 1))
    text = list(seed[start : start + draw(st.integers(20, 700))])
    for _ in range(draw(st.integers(1, 14))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()) or not text:
            text[at:at] = list(draw(piece))
        else:
            del text[min(at, len(text) - 1)]
    return "".join(text)


hostile_text = st.one_of(
    mutated_seed(), dirty_text, st.lists(st.sampled_from(HOSTILE + list("醫改(yī)<p>&;。\n一、")), max_size=60).map("".join)
)


@PROPERTY
@given(hostile_text)
def test_clean_json_contract_holds_on_hostile_input(raw):
    assert contract_breaches(clean(raw)) == []


@PROPERTY
@given(hostile_text)
def test_cleaning_hostile_input_is_idempotent(raw):
    assert idempotence_breaches(raw) == []


@PROPERTY
@given(hostile_text)
def test_outline_never_crashes_on_hostile_input(raw):
    documents = parse_plans(clean(raw).text)
    assert all(isinstance(doc.title, (str, type(None))) for doc in documents)


def test_a_seed_flattened_to_one_line_keeps_its_plan(seed_paths):
    """A scraped page whose line breaks were lost is one long line: boilerplate rules must not take it."""
    for seed in seed_paths:
        raw = seed.read_text(encoding="utf-8")
        usual = clean(raw)
        for flat in (raw.replace("\n", ""), raw.replace("\n", " ")):
            cleaned = clean(flat)
            boilerplate = sum(len(c.text) for c in cleaned.removed if c.what == "boilerplate")
            assert boilerplate <= 60, (seed.name, [c.text[:40] for c in cleaned.removed if c.what == "boilerplate"])
            assert len(cleaned.text) >= 0.95 * len("".join(usual.text.split())), seed.name
            assert parse_plans(cleaned.text), seed.name


def test_a_separator_cut_that_leaves_a_tag_broken_over_two_lines_is_cleaned_at_once():
    # Found by a random hunt: cutting `-----` left `<m` and `">` on two lines, a tag the first clean
    # kept and a second removed.
    for raw in ['<m-----">', '醫<\u200bb>b>醫<\u200bb>legend id="h4sia"></legend>\n    <m-----enuitemid="h4sia">']:
        assert idempotence_breaches(raw) == []
    assert clean('文本<m-----">文本').text == clean(clean('文本<m-----">文本').text).text
