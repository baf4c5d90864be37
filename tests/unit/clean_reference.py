"""`clean` as it was before its shortcuts (no gates, every step run in every round, every edit made
one by one): what the fast `clean` must equal exactly. Test-only."""

from __future__ import annotations

from dataclasses import astuple

import opencc
from hypothesis import strategies as st

from drafter.text import clean as C
from drafter.text import clean_html, clean_layout
from drafter.text.clean_boilerplate import remove_boilerplate
from drafter.text.clean_spam import find_spam
from drafter.text.edits import Edit, PositionMap, apply_edits, lines_with_offsets

_T2S = opencc.OpenCC("t2s")
# Scraped dirt to build test texts from: tags, entities, pinyin, traditional characters and phrases,
# spam, bullets, separators, odd spaces and line breaks, garbling, site chrome.
DIRT = [
    "<p>", "</p>", "<br/>", "<td>", "<html><body>", '<span id="a">', "<script>x</script>", "<!-- c -->",
    "&nbsp;", "&amp;lt;", "&#20013;", "&#257;", "(yī)", "（zhōng）", "醫療", "衛生", "乾燥", "一坏", "批覆", "覆盖",
    "365bet", "体育", "投注", "www.x365.com", "彩票", "· ", "• ", "•\u2003• ", "-----", "======", "\u3000", "\xa0",
    "\u2003", "\u200b", "\x07", "\r\n", "\r", "\n", "\n\n\n", " ", "  ", "\t", "??", "\ufffd", "您现在所在位置:",
    "当前位置：首页 > 新闻 > ", "【文件】", "作者:", "来源:", "更新时间:", "浏览次数: 3", "打印 关闭", "上一篇:",
    "下载文档前", "欢迎访问本网站", "一、", "(一)", "。", "市卫生健康委", "𩏂",
]  # fmt: skip
DIRTY = st.lists(st.one_of(st.sampled_from(DIRT), st.text(max_size=4)), max_size=40).map("".join)


class _Pass:
    def __init__(self, text: str) -> None:
        self.text, self.removed, self.cuts, self.converted, self.whitespace = text, [], [], 0, 0

    def run(self, step) -> bool:
        return self.apply(step(self.text))

    def apply(self, edits: list[Edit]) -> bool:
        if not edits:
            return False
        old, moved = self.text, PositionMap(edits)
        for change in self.removed:
            change.at = moved(change.at)
        self.cuts = [moved(at) for at in self.cuts]
        for i, e in enumerate(edits):
            gone = old[e.start : e.end]
            if e.what and gone.strip():
                self.removed.append(C.Change(e.what, moved.new_start(i), gone.strip()))
            else:
                self.whitespace += len(gone)
        self.text = apply_edits(old, edits)
        return True


def reference_clean(raw: str) -> tuple:
    """astuple of what `clean(raw)` gave before its shortcuts."""
    p = _Pass(raw)
    p.run(clean_layout.normalise_line_breaks)
    p.run(clean_layout.remove_invisible)
    if clean_html.HTML_DOCUMENT_RE.search(p.text[:4096]):
        p.run(clean_html.remove_junk_elements)
        p.run(clean_html.join_source_lines)
    _rounds(p, lambda: any([p.run(step) for step in C._MARKUP_STEPS]))  # noqa: C419 - every step runs
    _simplified(p)
    _rounds(p, lambda: _chrome_round(p))
    for _ in range(C.MAX_ROUNDS):  # chrome cut into new markup: both again (as `clean` does)
        before = p.text
        _rounds(p, lambda: any([p.run(step) for step in C._MARKUP_STEPS]))  # noqa: C419
        if p.text == before:
            break
        _simplified(p)
        _rounds(p, lambda: _chrome_round(p))
    for step in C._LAYOUT_STEPS:
        p.run(step)
    p.removed.sort(key=lambda c: c.at)
    return astuple(C.Cleaned(p.text, p.removed, C._warnings(p), p.converted, p.whitespace))


def _rounds(p: _Pass, one_round) -> None:
    for _ in range(C.MAX_ROUNDS):
        if not one_round():
            break


def _chrome_round(p: _Pass) -> bool:
    changed = any([p.run(step) for step in C._LINE_START_STEPS])  # noqa: C419 - every step runs
    spam, cuts = find_spam(p.text)
    p.cuts.extend(c.at for c in cuts)
    changed |= p.apply(spam)
    return p.run(remove_boilerplate) or changed


def _simplified(p: _Pass) -> None:
    converted = _T2S.convert(p.text)
    if converted == p.text:
        return
    if len(converted) == len(p.text):
        p.converted += sum(a != b for a, b in zip(p.text, converted))
        p.text = converted
        return
    edits = []
    for (pos, line), new in zip(lines_with_offsets(p.text), converted.split("\n")):
        body = line.rstrip("\n")
        if body != new:
            p.converted += max(len(body), len(new))
            edits.append(Edit(pos, pos + len(body), new))
    whitespace = p.whitespace
    p.apply(edits)
    p.whitespace = whitespace
