"""The exports on the real seed plans: the redline round trip for every pair of seed documents,
including moved paragraphs and sections, and the 公文 export of each seed document."""

from __future__ import annotations

import copy
import itertools
import re

import docx
import pytest
from docx_reading import Reader, text_of
from test_export_revisions import accept_all, document_xml, paragraph_texts, reject_all, revision_count

from drafter.compare import compare_documents
from drafter.compare.units import document_lines
from drafter.draft.compose import new_draft
from drafter.draft.notice import is_garbled_date
from drafter.export.corpus_parts import is_menu_line
from drafter.export.document import write_gongwen
from drafter.export.redline import build_redline, write_redline
from drafter.model import Document, Section
from drafter.reader import read_plans
from drafter.text.punctuation import normalize_marker, normalize_punctuation


@pytest.fixture(scope="module")
def seed_documents(seed_paths):
    documents = [doc for path in seed_paths for doc in read_plans(path)]
    assert len(documents) >= 5
    return documents


def expected_lines(title, doc) -> list[str]:
    return [line for line in [title, *document_lines(doc)] if line]


def round_trip_failures(a, b) -> list[str]:
    comparison = compare_documents(a, b)
    root = build_redline(comparison).document.element
    failures = []
    if paragraph_texts(accept_all(root)) != expected_lines(comparison.b_title, b):
        failures.append(f"accept-all ≠ B for {a.title} → {b.title}")
    if paragraph_texts(reject_all(root)) != expected_lines(comparison.a_title, a):
        failures.append(f"reject-all ≠ A for {a.title} → {b.title}")
    return failures


def test_round_trip_holds_for_every_pair_of_seed_documents(seed_documents):
    failures = []
    for a, b in itertools.combinations(seed_documents, 2):
        failures += round_trip_failures(a, b)
    assert failures == []


def moved_copy(doc):
    """`doc` with its first section moved to the end, and a paragraph moved (and edited) across."""
    edited = copy.deepcopy(doc)
    with_paragraphs = [s for s in edited.walk() if len(s.paragraphs) >= 2]
    source, target = with_paragraphs[0], with_paragraphs[-1]
    moved = source.paragraphs[0]
    source.body = "\n".join(source.paragraphs[1:])
    target.body = target.body + "\n" + moved.replace("。", ",", 1)
    edited.sections.append(edited.sections.pop(0))
    return edited


def test_round_trip_holds_with_moved_paragraphs_and_sections(seed_documents, tmp_path):
    candidates = [d for d in seed_documents if len([s for s in d.walk() if len(s.paragraphs) >= 2]) >= 2]
    assert candidates
    for doc in candidates[:4]:
        edited = moved_copy(doc)
        assert round_trip_failures(doc, edited) == []
        assert round_trip_failures(edited, doc) == []
    comparison = compare_documents(candidates[0], moved_copy(candidates[0]))
    path = write_redline(comparison, tmp_path / "moved.docx")
    assert revision_count(document_xml(path)) > 0
    assert "移动" in docx.Document(str(path)).part._comments_part.blob.decode("utf-8")


def test_every_seed_document_exports_with_all_its_text(seed_documents, tmp_path):
    """Every heading (in its GB form) and paragraph, in order; every line before the first heading
    somewhere (a notice is laid out as its parts); no web menu line."""
    for n, doc in enumerate(seed_documents):
        reader = Reader(write_gongwen(doc, tmp_path / f"{n}.docx"))
        texts = reader.texts()
        joined = "".join(texts).replace("\n", "")
        at = 0
        for section in doc.walk():
            for line in [normalize_marker(section.marker) + normalize_punctuation(section.title.strip()),
                         *(normalize_punctuation(p.strip()) for p in section.paragraphs)]:
                at = texts.index(line, at) + 1  # raises if missing or out of order
        for line in doc.preamble.split("\n"):
            if line.strip() and not is_menu_line(line) and not is_garbled_date(line):
                assert normalize_punctuation(line.strip()).rstrip("：:") in joined, (doc.title, line)
        assert not {"公告内容", "草案内容", "草案解读", "公众意见及建议", "征集已结束"} & set(texts), doc.title


CJK_ASCII_CJK = re.compile(r"(?=([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef][,:;()?][\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]))")


def ascii_between_cjk(path) -> list[str]:
    reader = Reader(path)
    found = []
    for p in reader.paragraphs():  # body, table cells
        found += CJK_ASCII_CJK.findall(text_of(p))
    return found


def test_no_ascii_punctuation_between_chinese_in_any_seed_or_draft_export(seed_documents, tmp_path):
    for n, doc in enumerate(seed_documents):
        assert ascii_between_cjk(write_gongwen(doc, tmp_path / f"{n}.docx")) == [], doc.title
    draft = new_draft("运城市", "山西省", date="2025-03-01")  # the library's passages keep scraped marks
    assert any(CJK_ASCII_CJK.search(line) for line in draft.body_lines())
    assert ascii_between_cjk(write_gongwen(draft, tmp_path / "draft.docx")) == []


def test_numbers_latin_and_urls_are_left_as_written(tmp_path):
    body = ("增长1.5倍,控制在10%以内,自2024-03-05起施行,详见http://www.gov.cn/a,b?c=1,"
            "系统v1.2(beta)上线,时间8:30,共1,000家(一)要求:")
    plan = Document(title="测试方案", sections=[Section("一、", "总体要求", 1, body=body)])
    texts = Reader(write_gongwen(plan, tmp_path / "t.docx")).texts()
    text = next(t for t in texts if t.startswith("增长"))
    for kept in ("1.5倍", "10%", "2024-03-05", "http://www.gov.cn/a,b?c=1", "v1.2(beta)", "8:30", "1,000"):
        assert kept in text, kept
    assert "倍，控制" in text and "以内，自" in text and "（一）要求：" in text
