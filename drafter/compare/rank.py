"""`drafter rank DRAFT`: the corpus plans most similar to a draft, and which of the draft's
paragraphs appear nearly verbatim in which plans (region, year) — where the draft reuses text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from drafter.compare.align import similarity_pairs
from drafter.compare.build import compare_documents
from drafter.compare.units import blocks_of
from drafter.model import Document
from drafter.text.normalize import DEFAULT_OPTIONS, canonical

VERBATIM = 0.9  # "nearly verbatim": canonical texts at least this similar
MIN_PARAGRAPH = 20  # shorter paragraphs (a one-line heading body) say little about reuse


@dataclass
class RankedPlan:
    id: int
    title: str | None
    region: str | None
    year: str | None
    similarity: float
    reused_paragraphs: int = 0


@dataclass
class ReuseHit:
    id: int
    region: str | None
    year: str | None
    similarity: float
    text: str


@dataclass
class Reuse:
    paragraph: str
    heading: str | None
    found_in: list[ReuseHit] = field(default_factory=list)


@dataclass
class Ranking:
    draft_title: str | None
    plans: list[RankedPlan] = field(default_factory=list)
    reused: list[Reuse] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "draft": self.draft_title,
            "plans": [{**asdict(p), "similarity": round(p.similarity, 4)} for p in self.plans],
            "reused": [
                {
                    "paragraph": r.paragraph,
                    "heading": r.heading,
                    "found_in": [{**asdict(h), "similarity": round(h.similarity, 4)} for h in r.found_in],
                }
                for r in self.reused
            ],
        }


def rank_against_corpus(draft: Document, store, *, limit: int = 10) -> Ranking:  # noqa: ANN001
    """Every corpus plan compared with `draft` (the draft itself, if it is in the corpus, left out, and
    so are notices, 起草说明, 解读, 征求意见 announcements and templates)."""
    paragraphs = _draft_paragraphs(draft)
    reuse = {text: Reuse(text, heading) for text, heading in paragraphs}
    canon = [canonical(text, DEFAULT_OPTIONS) for text, _ in paragraphs]
    plans: list[RankedPlan] = []
    for summary, doc in store.iter_documents():
        if draft.source and draft.source == doc.source or not summary.is_plan:
            continue  # the draft itself, and documents that are not plans (notices, 解读, templates)
        plan = RankedPlan(summary.id, summary.title or summary.plan_title, summary.region,
                          (summary.date or "")[:4] or None, compare_documents(draft, doc, topics=False).similarity)
        plan.reused_paragraphs = _collect_reuse(paragraphs, canon, doc, plan, reuse)
        plans.append(plan)
    plans.sort(key=lambda p: (-p.similarity, p.id))
    reused = [r for r in reuse.values() if r.found_in]
    for r in reused:
        r.found_in.sort(key=lambda h: (-h.similarity, h.id))
    return Ranking(draft.plan_title or draft.title, plans[:limit], reused)


def _draft_paragraphs(draft: Document) -> list[tuple[str, str | None]]:
    seen: dict[str, str | None] = {}
    for block in blocks_of(draft):
        for text in block.paragraphs:
            if len(canonical(text, DEFAULT_OPTIONS)) >= MIN_PARAGRAPH:
                seen.setdefault(text, block.heading)
    return list(seen.items())


def _collect_reuse(paragraphs: list[tuple[str, str | None]], canon: list[str], doc: Document,
                   plan: RankedPlan, reuse: dict[str, Reuse]) -> int:
    theirs = [p for block in blocks_of(doc) for p in block.paragraphs]
    best: dict[int, tuple[float, str]] = {}
    for pair in similarity_pairs(canon, [canonical(t, DEFAULT_OPTIONS) for t in theirs], VERBATIM):
        if pair.score > best.get(pair.a, (0.0, ""))[0]:
            best[pair.a] = (pair.score, theirs[pair.b])
    for i, (score, text) in best.items():
        reuse[paragraphs[i][0]].found_in.append(ReuseHit(plan.id, plan.region, plan.year, score, text))
    return len(best)
