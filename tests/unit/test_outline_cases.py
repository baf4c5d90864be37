"""The parser on plans of our own making, one or two failure classes each (tests/data/parser_cases/).

Each file is a small plan written for this test in the shape real scraped plans take: titles that open
with a year or a share, misspelt markers, a table of contents, a decimal-numbered 预案, a flattened
one-line page, glued titles without a standard word, a 文库 teaser, kinds decided by head noun,
position and body, spam and broken titles, cited documents, cover notices for two plans, a plan
followed by its 起草说明 and 解读, a 征求意见 announcement, regions from issuer and 文号, templates.
`gold.json` gives every document and heading; each file must come out exactly so.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from drafter.reader import read_plans

CASES = Path(__file__).parents[1] / "data" / "parser_cases"
GOLD = json.loads((CASES / "gold.json").read_text(encoding="utf-8"))
_spec = importlib.util.spec_from_file_location("score_outline", CASES.parent / "score_outline.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def test_gold_headings_are_verbatim_and_in_order():
    for entry in GOLD:
        text = (CASES / entry["file"]).read_text(encoding="utf-8")
        pos = 0
        for doc in entry["documents"]:
            for heading in doc["headings"]:
                at = text.find(heading["text"], pos)
                assert at != -1, (entry["file"], heading["text"])
                pos = at + len(heading["text"])


@pytest.mark.parametrize("entry", GOLD, ids=[e["file"][:-4] for e in GOLD])
def test_case_outline(entry):
    docs = read_plans(CASES / entry["file"])
    assert len(docs) == len(entry["documents"])
    for doc, want in zip(docs, entry["documents"]):
        got = doc.outline_json()
        pairs, extra = score.match(want["headings"], got["headings"], key=lambda h: score.title_of(h["text"]))
        missed = [g["text"] for g, p in pairs if p is None]
        assert not missed and not extra, (missed, [h["text"] for h in got["headings"]])
        assert [(p["level"], p["kind"]) for _, p in pairs] == [(g["level"], g["kind"]) for g, _ in pairs]
        assert score.title_of(got["headings"][0]["text"]) == score.title_of(want["headings"][0]["text"])


@pytest.mark.parametrize("field", ["title", "plan_title", "region", "doc_type", "is_template"])
def test_case_metadata(field):
    wrong = []
    for entry in GOLD:
        for doc, want in zip(read_plans(CASES / entry["file"]), entry["documents"]):
            got = getattr(doc, field)
            if field == "title":
                got, want_value = score.normalise(got or ""), score.normalise(want[field] or "")
            else:
                want_value = want[field]
            if got != want_value:
                wrong.append((entry["file"], want[field], getattr(doc, field)))
    assert not wrong
