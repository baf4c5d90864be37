"""The parser against the hand-checked labels of the five seeds, scored as shared/eval scores it.

Thresholds are the issue's: heading F1 ≥ 0.95, level accuracy ≥ 0.97, kind accuracy ≥ 0.90,
every document found; plus metadata for every document.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import opencc
import pytest

from drafter.reader import read_plans

DATA = Path(__file__).parents[1] / "data"
_spec = importlib.util.spec_from_file_location("score_outline", DATA / "score_outline.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)

_t2s = opencc.OpenCC("t2s").convert
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]+\)")


@pytest.fixture(scope="module")
def parsed(gold):
    return {entry["file"]: read_plans(DATA / "seeds" / entry["file"]) for entry in gold}


def test_every_document_found(gold, parsed):
    for entry in gold:
        assert len(parsed[entry["file"]]) == len(entry["documents"]), entry["file"]


def test_heading_scores_reach_the_bar(gold, parsed):
    tp = fp = fn = level_ok = kind_ok = kind_n = 0
    for entry in gold:
        gh = [h for d in entry["documents"] for h in d["headings"]]
        ph = [d.outline_json() for d in parsed[entry["file"]]]
        ph = [h for d in ph for h in d["headings"]]
        pairs, extra = score.match(gh, ph, key=lambda h: score.title_of(h.get("text", "")))
        fp += extra
        for g, p in pairs:
            if p is None:
                fn += 1
                continue
            tp += 1
            level_ok += p["level"] == g["level"]
            if g.get("kind"):
                kind_n += 1
                kind_ok += p["kind"] == g["kind"]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.95, (precision, recall)
    assert level_ok / tp >= 0.97
    assert kind_ok / kind_n >= 0.90


@pytest.mark.parametrize("field", ["title", "plan_title", "issuer", "date", "doc_number", "region"])
def test_metadata_matches_gold(gold, parsed, field):
    wrong = []
    for entry in gold:
        for want, doc in zip(entry["documents"], parsed[entry["file"]]):
            expected = want[field] and _t2s(_PINYIN.sub("", want[field]))
            if getattr(doc, field) != expected:
                wrong.append((entry["file"][:3], expected, getattr(doc, field)))
    assert not wrong
