"""The whole cleaning pass on the seed corpus: what a drafter would notice if it went wrong."""

from __future__ import annotations

import re

import opencc
import pytest

from drafter.text.clean import clean

SPAM = re.compile(r"365|bet|投注|博彩|娱乐城|真人娱乐", re.IGNORECASE)
PINYIN = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
GARBLE_MARK = re.compile(r"[\ufffd\u3100-\u312f]|(?<=[^\x00-\x7f])\?(?=\S)|\?(?=[^\x00-\x7f\s])")
T2S = opencc.OpenCC("t2s")


@pytest.fixture(scope="module")
def seeds(seed_paths) -> dict[str, tuple[str, object]]:
    out = {}
    for path in seed_paths:
        raw = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (raw, clean(raw))
    return out


def test_no_spam_pinyin_or_traditional_left_in_any_seed(seeds):
    for name, (_, cleaned) in seeds.items():
        assert not SPAM.search(cleaned.text), name
        assert not PINYIN.search(cleaned.text), name
        assert T2S.convert(cleaned.text) == cleaned.text, name


def test_every_garbled_mark_is_inside_a_reported_warning(seeds):
    for name, (_, cleaned) in seeds.items():
        covered = [(w.at, w.at + len(w.text)) for w in cleaned.warnings if w.what == "garbled"]
        for m in GARBLE_MARK.finditer(cleaned.text):
            context = cleaned.text[m.start() - 5 : m.end() + 5]
            assert any(s <= m.start() < e for s, e in covered), (name, context)


def test_warnings_point_at_their_text(seeds):
    for name, (_, cleaned) in seeds.items():
        for w in cleaned.warnings:
            assert cleaned.text[w.at : w.at + len(w.text)] == w.text, (name, w)


def test_seed_001_mojibake_before_the_seal_is_kept_and_flagged(seeds):
    raw, cleaned = seeds["001"]
    seal = cleaned.text.index("代章")
    near = [w for w in cleaned.warnings if w.what == "garbled" and 0 < seal - w.at < 30]
    assert near and near[0].text.startswith("?。")
    assert "?。ㄉ虾J行l生健康委员会代章" in cleaned.text  # kept, only the pinyin came off
    assert cleaned.converted > 1000
    assert sum(1 for r in cleaned.removed if r.what == "pinyin") == len(re.findall(r"\([a-zà-ǜ]+\)", raw))


def test_seed_003_spam_inside_a_sentence_is_cut_and_the_spot_flagged(seeds):
    _, cleaned = seeds["003"]
    spam = [r for r in cleaned.removed if r.what == "spam"]
    assert [r.text for r in spam] == ["365体育亚洲唯一_365bet在线网址_beat365体育亚洲"]
    assert "(市卫生健康委、市、市市场监管局" in cleaned.text
    cut = [w for w in cleaned.warnings if w.what == "spam-cut"]
    assert len(cut) == 1 and cut[0].at <= spam[0].at <= cut[0].at + len(cut[0].text)


def test_seed_003_tag_junk_at_the_top_is_gone(seeds):
    _, cleaned = seeds["003"]
    assert cleaned.text.startswith("汉中市人民政府办公室关于加快推进深化医药卫生体制改革重点工作任务的通知\n")
    assert "<" not in cleaned.text
    assert sum(1 for r in cleaned.removed if r.what == "html") == 13


def test_seed_002_spam_line_breadcrumb_and_byline_go_the_title_stays(seeds):
    _, cleaned = seeds["002"]
    assert cleaned.text.startswith("哈尔滨市人民政府办公厅关于印发哈尔滨市城市公立医院综合改革实施方案的通知\n")
    whats = {(r.what, r.text[:4]) for r in cleaned.removed}
    expected = {("spam", "欢迎登录"), ("boilerplate", "您现在所"), ("boilerplate", "【文件】"), ("boilerplate", "作者:延")}
    assert expected <= whats
    assert "\n\n\n" not in cleaned.text and "\u3000" not in cleaned.text and "\xa0" not in cleaned.text


def test_seed_000_disclaimers_go_metadata_and_markers_stay(seeds):
    raw, cleaned = seeds["000"]
    disclaimers = [r for r in cleaned.removed if r.what == "boilerplate"]
    assert [r.text[:4] for r in disclaimers] == ["- 1、", "- 2、", "- 3、"]
    assert cleaned.text.count("文章属性•【制定机关】") == raw.count("文章属性•【制定机关】") == 11
    assert cleaned.text.count("正文:\n") == raw.count("正文:---") == 3
    assert "-----" not in cleaned.text


def test_seed_004_bullets_go_headings_stay(seeds):
    _, cleaned = seeds["004"]
    assert not re.search(r"^[·•]", cleaned.text, re.MULTILINE)
    assert "\n一、总体要求\n" in cleaned.text
    assert sum(1 for r in cleaned.removed if r.what == "bullet") == 36


def test_removed_text_comes_from_the_input(seeds):
    for name, (raw, cleaned) in seeds.items():
        simplified = T2S.convert(raw)
        for r in cleaned.removed:
            assert r.text in raw or r.text in simplified, (name, r)
            assert 0 <= r.at <= len(cleaned.text)


def test_line_structure_is_kept(seeds):
    raw, cleaned = seeds["000"]
    # seed 000 has one paragraph per line: the same lines, less the three disclaimers, plus the
    # three separators turned into line breaks
    assert cleaned.text.count("\n") == raw.strip().count("\n") - 3 + 3


@pytest.mark.parametrize(
    "sentence",
    [
        "统筹体育彩票公益金,支持全民健身和体育设施建设。",
        "推动体医融合,建设5G智慧体育公园。",
        "(二)加强体育锻炼。普及科学健身知识,开展全民健身运动。",
    ],
)
def test_real_sentences_about_sport_survive_cleaning(sentence):
    cleaned = clean(f"一、总体要求\n{sentence}\n")
    assert cleaned.text == f"一、总体要求\n{sentence}"
    assert cleaned.removed == [] and cleaned.warnings == []


def test_positions_are_offsets_in_the_cleaned_text():
    raw = "甲<b>乙</b>丙(bǐng)丁\n· 戊365bet体育在线投注己,庚辛。"
    cleaned = clean(raw)
    assert cleaned.text == "甲乙丙丁\n戊己,庚辛。"
    assert [(r.what, r.at, r.text) for r in cleaned.removed] == [
        ("html", 1, "<b>"),
        ("html", 2, "</b>"),
        ("pinyin", 3, "(bǐng)"),
        ("bullet", 5, "·"),
        ("spam", 6, "365bet体育在线投注"),
    ]
    assert [(w.what, w.at) for w in cleaned.warnings] == [("spam-cut", 5)]


def test_html_document_is_reduced_to_its_text():
    raw = (
        "<!DOCTYPE html><html><head><title>网站</title><script>var x=1;</script></head>"
        "<body><div class='nav'>首页</div>\n<h1>某市深化医改实施方案</h1>\n"
        "<p>一、总体要求</p><p>坚持&nbsp;公益性，\n  推进改革。</p></body></html>"
    )
    cleaned = clean(raw)
    assert cleaned.text == "首页\n\n某市深化医改实施方案\n\n一、总体要求\n\n坚持 公益性，推进改革。"
    assert "html" in {r.what for r in cleaned.removed}


def test_clean_json_reports_the_seed_003_spam_cut_in_its_document(seed_paths):
    from drafter.reader import clean_plans

    documents = clean_plans(seed_paths[3])
    cuts = [(d, w) for d in documents for w in d["warnings"] if w["what"] == "spam-cut"]
    assert len(cuts) == 1
    document, warning = cuts[0]
    assert document["text"][warning["at"] : warning["at"] + len(warning["text"])] == warning["text"]
    assert any(r["what"] == "spam" and "365bet" in r["text"] for r in document["removed"])


def test_pinyin_with_spaces_inside_its_brackets_comes_off_and_real_brackets_stay():
    raw = "坚持中国特色社會(huì )主义，创( chuàng)新县域医疗卫生服务体系(试行)(一)(DRG)。"
    assert clean(raw).text == "坚持中国特色社会主义，创新县域医疗卫生服务体系(试行)(一)(DRG)。"
