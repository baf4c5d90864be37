"""Each cleaning step on its own: what it removes, and the real text it must leave alone."""

from __future__ import annotations

import pytest

from drafter.text import clean_html, clean_layout
from drafter.text.clean_boilerplate import remove_boilerplate
from drafter.text.clean_pinyin import remove_pinyin
from drafter.text.clean_spam import find_spam, is_spam_run
from drafter.text.edits import Edit, PositionMap, apply_edits
from drafter.text.garbled import find_garbled


def run(step, text: str) -> str:
    return apply_edits(text, step(text))


def removed(step, text: str) -> list[str]:
    return [text[e.start : e.end] for e in step(text)]


# --- edits and positions -------------------------------------------------------------------


def test_position_map_moves_offsets_past_edits_and_into_replacements():
    text = "ab<p>cd&amp;ef"
    edits = [Edit(2, 5, "\n"), Edit(7, 12, "&")]
    assert apply_edits(text, edits) == "ab\ncd&ef"
    moved = PositionMap(edits)
    assert [moved(i) for i in (0, 2, 3, 5, 6, 7, 9, 12, 13)] == [0, 2, 2, 3, 4, 5, 5, 6, 7]


# --- HTML ----------------------------------------------------------------------------------


def test_tag_only_junk_lines_go_whole_with_their_list_markers():
    text = (
        '<sup id="h4sia"></sup>\n    1. <blockquote id="x"><rt id="x"></rt></blockquote>\n'
        '  • <input id="h">\n正文'
    )
    assert run(clean_html.remove_junk_lines, text) == "正文"


def test_block_tags_become_line_breaks_and_inline_tags_vanish():
    text = "<div>一、总体要求</div><p>坚持<b>公益性</b>。<br/>二、重点任务</p>"
    assert run(clean_html.strip_tags, text) == "\n一、总体要求\n\n坚持公益性。\n二、重点任务\n"


def test_chinese_titles_in_angle_brackets_are_not_tags():
    text = "转发<省深化医药卫生体制改革领导小组关于推广经验的实施意见>的通知"
    assert clean_html.strip_tags(text) == []


def test_script_style_and_comments_go_with_their_content():
    text = "前<script>var a = '<p>';</script><style>p{}</style><!-- 注释 -->后"
    assert run(clean_html.remove_junk_elements, text) == "前后"


def test_entities_decoded_including_double_escaped():
    text = "医疗&nbsp;卫生&amp;健康&#20013;&amp;lt;"
    assert run(clean_html.decode_entities, text) == "医疗\xa0卫生&健康中<"


def test_html_document_source_line_breaks_are_not_paragraphs():
    text = "<html><body><p>坚持公益性，\n      推进改革。</p>\n<p>Step\none</p></body></html>"
    assert clean_html.looks_like_html_document(text)
    joined = "<html><body><p>坚持公益性，推进改革。</p> <p>Step one</p></body></html>"
    assert run(clean_html.join_source_lines, text) == joined


# --- pinyin --------------------------------------------------------------------------------


def test_pinyin_after_characters_removed():
    assert run(remove_pinyin, "各區(qū)深化醫(yī)藥衛(wèi)生") == "各區深化醫藥衛生"
    assert run(remove_pinyin, "中(zhōng)(guó)") == "中"  # a chain at once, so a second pass finds none
    assert run(remove_pinyin, "綠（lǜ）色") == "綠色"


@pytest.mark.parametrize(
    "text",
    ["管理办法(试行)", "(2)完善制度", "县级医院(含中医医院,下同)", "DRG(DRG)付费", "疾病诊断相关分组(DRG/DIP)", "(a)款"],
)
def test_real_parentheses_stay(text):
    assert remove_pinyin(text) == []


# --- spam and boilerplate ------------------------------------------------------------------


def test_spam_injected_in_a_sentence_is_cut_and_the_spot_reported():
    line = "(市卫生健康委、市365体育亚洲唯一_365bet在线网址_beat365体育亚洲、市市场监管局负责)"
    edits, cuts = find_spam(line)
    assert apply_edits(line, edits) == "(市卫生健康委、市、市市场监管局负责)"
    assert [c.at for c in cuts] == [line.index("365")]


@pytest.mark.parametrize(
    "line",
    [
        "欢迎登录bet007体育在线投注门户网站 黑龙江省政府 哈尔滨市政府",
        "澳门新葡京娱乐官网 www.xpj888.com 真人娱乐 棋牌",
        "188金宝博体育投注_亚洲唯一官方网站",
    ],
)
def test_spam_lines_go_whole(line):
    text = f"{line}\n关于印发实施方案的通知"
    edits, cuts = find_spam(text)
    assert apply_edits(text, edits) == "关于印发实施方案的通知"
    assert cuts == []


@pytest.mark.parametrize(
    "sentence",
    [
        "统筹体育彩票公益金和福利彩票公益金,支持全民健身和体育设施建设。",
        "推动体医融合,建设5G智慧体育公园和2个全民健身中心。",
        "加强NBA和CBA篮球等体育赛事的医疗保障。",
        "依法打击赌博、非法彩票投注等违法犯罪活动。",
        "登录www.gov.cn查询政策文件。",
        "2017体育彩票销售网点实行实名登记。",
    ],
)
def test_real_sentences_about_sport_and_lotteries_stay(sentence):
    edits, cuts = find_spam(sentence)
    assert edits == [] and cuts == []


def test_a_run_of_chinese_words_alone_is_never_spam():
    assert not is_spam_run("体育彩票投注")
    assert is_spam_run("bet365体育投注")


@pytest.mark.parametrize(
    "line",
    [
        "您现在所在位置: 首页 >> 政务信息公开>> 政策解读",
        "当前位置:",
        "作者:延寿县信息中心 更新时间:2017-09-07",
        "发布时间:2021-03-01 来源:市卫健委 浏览次数:1024",
        "- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充、找答案等附加服务。",
        "【打印本页】 【关闭窗口】",
        "欢迎访问哈尔滨市人民政府网站 今天是2017年9月7日",
    ],
)
def test_boilerplate_lines_go_whole(line):
    text = f"{line}\n一、总体要求"
    assert run(remove_boilerplate, text) == "一、总体要求"


def test_site_tag_goes_but_the_title_stays():
    text = "【文件】哈尔滨市人民政府办公厅关于印发实施方案的通知"
    assert run(remove_boilerplate, text) == "哈尔滨市人民政府办公厅关于印发实施方案的通知"


@pytest.mark.parametrize(
    "line",
    [
        "南昌市人民政府关于印发实施方案的通知文章属性•【制定机关】南昌市人民政府•【公布日期】2017.07.28•【字号】洪府发〔2017〕32号",
        "正文:",
        "来源:国家卫生健康委统计信息中心的数据显示,床位数持续增长。",
        "(四)加强宣传引导。及时关闭不符合条件的机构,做好政策解读。",
    ],
)
def test_plan_text_is_not_boilerplate(line):
    assert remove_boilerplate(line) == []


# --- layout --------------------------------------------------------------------------------


def test_separator_run_becomes_a_line_break():
    text = "的通知正文:" + "-" * 80 + "运城市人民政府关于印发"
    assert run(clean_layout.split_separators, text) == "的通知正文:\n运城市人民政府关于印发"
    assert clean_layout.split_separators("——“腾空间”——") == []


def test_bullets_at_line_starts_only():
    text = "·\xa0一、总体要求\n  • (一)指导思想\n文章属性•【制定机关】"
    assert run(clean_layout.remove_bullets, text) == "一、总体要求\n(一)指导思想\n文章属性•【制定机关】"


def test_spaces_and_blank_lines():
    text = "\u3000\u3000经市政府同意,\xa0\xa0现将  方案印发。 \n \n\n\n二、"
    text = run(clean_layout.strip_line_ends, text)
    text = run(clean_layout.collapse_spaces, text)
    text = run(clean_layout.collapse_blank_lines, text)
    assert text == "经市政府同意, 现将 方案印发。\n\n二、"


def test_invisible_and_control_characters():
    assert run(clean_layout.remove_invisible, "医\u200b改\ufeff方案") == "医改方案"
    assert run(clean_layout.remove_controls, "医\x07改\x1f方案\t") == "医改方案\t"


# --- garbled spans -------------------------------------------------------------------------


def test_garbled_spans_found_and_grown_over_odd_neighbours():
    text = "领导小组办公室\n?。ㄉ虾J行l生健康委员会代章)\n逐步减少医?;鸢错?xiàng目付费\n数据\ufffd\ufffd缺失"
    spans = [text[s.start : s.end] for s in find_garbled(text)]
    assert spans[0].startswith("?。ㄉ")
    assert "\ufffd\ufffd" in spans
    assert any("?" in s for s in spans[1:])


def test_question_marks_outside_chinese_are_not_garbled():
    assert find_garbled("见 https://example.gov.cn/a?id=3 。是否完成？") == []
    assert find_garbled("群众看病难怎么办?\n“看得起病吗?”") == []
