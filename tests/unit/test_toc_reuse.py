"""Splitting finds a file's table of contents once; outlining the last document reuses it.

The reuse must give what `toc_lines` of the document's own lines gives, or outlines would change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.corpus.outline import parse_document
from drafter.corpus.split import split_documents
from drafter.corpus.toc import toc_from, toc_lines
from drafter.reader import parse_plans
from drafter.text.clean import clean
from drafter.text.decode import read_text

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = sorted((DATA / "seeds").glob("*.txt")) + sorted((DATA / "parser_cases").glob("*.txt"))


def _lines(path: Path) -> list[str]:
    return [ln for ln in clean(read_text(path)).text.split("\n") if ln.strip()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_toc_of_a_tail_is_the_tail_of_the_toc_wherever_it_is_given(path: Path):
    lines = _lines(path)[:400]
    whole = toc_lines(lines)
    given = 0
    for k in range(len(lines)):
        tail = toc_from(lines, whole, k)
        if tail is not None:
            given += 1
            assert tail == toc_lines(lines[k:]), f"line {k}: {lines[k][:30]}"
    if path.parent.name == "seeds":  # in a real plan most lines are text: the reuse is the rule
        assert given > len(lines) // 2


def test_no_toc_is_given_from_inside_a_toc_run():
    lines = ["目录", "一、总体要求", "二、重点任务", "三、保障措施",
             "一、总体要求", "坚持以人民健康为中心。", "二、重点任务", "推进分级诊疗。", "三、保障措施", "加强组织领导。"]  # fmt: skip
    whole = toc_lines(lines)
    assert {0, 1, 2, 3} <= whole
    assert toc_from(lines, whole, 2) is None  # `二、重点任务` inside the run: its tail scans afresh
    assert toc_from(lines, whole, 5) == toc_lines(lines[5:]) == set()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_outlines_with_the_splits_toc_equal_outlines_without(path: Path):
    text = clean(read_text(path)).text
    reused = parse_plans(text)
    afresh = [parse_document(span.text, title_hint=span.title) for span in split_documents(text)]
    assert [_shape(d) for d in reused] == [_shape(d) for d in afresh]


def _shape(doc) -> list:  # noqa: ANN001 - a Document
    out = [doc.title, doc.preamble]

    def walk(sections) -> None:  # noqa: ANN001
        for s in sections:
            out.append((s.marker, s.title, s.level, s.kind, s.body))
            walk(s.children)

    walk(doc.sections)
    return out
