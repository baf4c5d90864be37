"""Title cleaning tries each pattern only when the character it needs is there (for ingest speed);
it cleans as trying every pattern every time did (the release's code, below)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.corpus import titles as T

TITLE_PIECES = ["关于印发", "实施方案", "的通知", "工作要点", "琼府", "〔2020〕", "19号", "【通知】", "[文件]", "标题", "：",
                ":", " > ", "首页", "»", "-", " - ", "某某网", "_", "|", ".docx", ".pdf", "VIP", "(18页)", "（试行）",
                "(2篇)", "范文", "模板", "大全", "《", "》", " ", "\u3000", "\n", "。", "一、", "2023"]  # fmt: skip
TITLE_TEXTS = st.lists(st.sampled_from(TITLE_PIECES), max_size=10).map("".join)


def _clean_title_every_pattern(line: str) -> str:
    t = line.strip()
    if T._CRUMBS.search(t):
        t = T._CRUMBS.split(t)[-1]
    for _ in range(2):
        t = T._LABEL.sub("", T._LEADING_TAG.sub("", T._LEADING_DOCNUM.sub("", t)))
    t = T._SCRAPER_SUFFIX.sub("", T._FILE_SUFFIX.sub("", t)).strip()
    t = T._PAGES_NOTE.sub("", t).strip()
    if t.startswith("《") and t.endswith("》") and t.count("《") == 1:
        t = t[1:-1].strip()
    return t


def _core_every_pattern(text: str) -> str:
    return T._TRAILING_NOTE.sub("", T.TEMPLATE_DECOR.sub("", T._TRAILING_NOTE.sub("", text).strip())).strip()


@settings(max_examples=4000)
@given(TITLE_TEXTS)
def test_title_cleaning_skips_only_patterns_that_cannot_match(line):
    assert T.clean_title(line) == _clean_title_every_pattern(line)


@settings(max_examples=4000)
@given(TITLE_TEXTS)
def test_a_title_core_is_found_as_with_every_pattern(text):
    assert T.title_core(text) == _core_every_pattern(text)
