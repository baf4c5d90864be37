"""The exports on the real seed plans: the redline round trip for every pair of seed documents,
including moved paragraphs and sections, and the 公文 export of each seed document."""

from __future__ import annotations

import copy
import itertools

import docx
import pytest
from test_export_revisions import accept_all, document_xml, paragraph_texts, reject_all, revision_count

from drafter.compare import compare_documents
from drafter.compare.units import document_lines
from drafter.export.document import write_gongwen
from drafter.export.redline import build_redline, write_redline
from drafter.reader import read_plans


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
    for n, doc in enumerate(seed_documents):
        path = write_gongwen(doc, tmp_path / f"{n}.docx")
        texts = paragraph_texts(document_xml(path))
        body_lines = [line.strip() for line in document_lines(doc) if line.strip()]
        title = doc.title or doc.plan_title
        assert texts[0] == title, doc.title
        assert texts[1 : 1 + len(body_lines)] == body_lines, doc.title  # every line, in order, then 附件/署名
